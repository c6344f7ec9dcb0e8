"""The moderation records name their moments in Almaty time, in the reader's format."""

import datetime

from django.utils import translation

from wagtail.models import Page

from workflows.records import EmergencyPublication, ReviewReminder

# 20:30 UTC on 30 December is 01:30 on 31 December in Almaty.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 30, 20, 30, tzinfo=datetime.UTC)


def test_an_emergency_publication_reads_in_almaty_time():
    record = EmergencyPublication(page=Page(title="Шұғыл хабарлама"), published_at=LATE_EVENING_UTC)
    with translation.override("kk"):
        assert str(record) == "Шұғыл хабарлама (31.12.2026, 01:30)"


def test_a_review_reminder_reads_in_almaty_time():
    with translation.override("kk"):
        assert str(ReviewReminder(task_state_id=7, sent_at=LATE_EVENING_UTC)) == (
            "7 (31.12.2026, 01:30)"
        )
