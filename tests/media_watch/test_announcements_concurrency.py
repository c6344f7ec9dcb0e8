"""Several workers run the Friday job at once: the week goes to the authorised body once."""

import os
import threading

from django.core import mail
from django.db import connection

import pytest
import time_machine

from media_watch import jobs
from media_watch.models import AnnouncementSending, AnnouncementSettings
from tests.media_watch.announcements_data import WEEK, at


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the in-memory SQLite test database refuses threads",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_concurrent_runs_of_the_friday_job_exactly_one_sends():
    settings = AnnouncementSettings.load()
    settings.enabled = True
    settings.recipients = "announcements@mci.gov.kz"
    settings.save()
    start = threading.Barrier(4)
    results = []

    def worker():
        try:
            start.wait()
            results.append(jobs.send_weekly_announcements())
        finally:
            connection.close()

    with time_machine.travel(at(6, 15, 1), tick=True):
        threads = [threading.Thread(target=worker) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert len(results) == 4, "a worker failed"
    assert len([result for result in results if result is not None]) == 1
    assert AnnouncementSending.objects.get().week_start == WEEK.monday
    assert len(mail.outbox) == 1
