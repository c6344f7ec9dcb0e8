"""The monthly report by mail: on the 1st, last month's PDF and workbook go to each member of
the Heads group in their own language through the outbox, once per month however often the job
runs; its schedule is monthly."""

import datetime

from django.core import mail
from django.test import override_settings

import pytest
import time_machine
from django_q.models import Schedule

from agency.models import OutboxMessage
from agency.outbox import deserialize
from media_watch import jobs
from tests.media_watch import report_data
from tests.media_watch.report_data import NOW
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

FIRST_OF_DECEMBER = datetime.date(2026, 12, 1)
ATTACHMENTS = [
    ("press-office-report-2026-11.pdf", "application/pdf"),
    (
        "press-office-report-2026-11.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
]


@pytest.fixture
def heads():
    with time_machine.travel(NOW, tick=False):
        report_data.november()
    english, kazakh = member("heads", "head-en"), member("heads", "head-kk")
    prefer_english(english)
    member("press_secretaries", "secretary")
    return english, kazakh


def test_the_heads_get_last_months_report_once_in_their_language(heads):
    english, kazakh = heads
    with override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend"):
        with time_machine.travel(NOW, tick=False):
            assert jobs.send_monthly_report(today=FIRST_OF_DECEMBER) == 2
            assert jobs.send_monthly_report(today=datetime.date(2026, 12, 15)) is None
        rows = {row.recipients: row for row in OutboxMessage.objects.all()}
    assert set(rows) == {english.email, kazakh.email}
    messages = {address: deserialize(row.data) for address, row in rows.items()}
    assert messages[english.email].subject == "Press office report for November 2026"
    assert "Briefings held: 1" in messages[english.email].body
    assert "Қараша 2026" in messages[kazakh.email].subject
    for message in messages.values():
        assert [(name, kind) for name, _content, kind in message.attachments] == ATTACHMENTS
        assert message.attachments[0][1].startswith(b"%PDF")
    assert rows[english.email].group == "media-watch-monthly-report"


def test_the_next_month_is_sent_on_its_own_first(heads):
    english, _kazakh = heads
    with time_machine.travel(NOW, tick=False):
        assert jobs.send_monthly_report(today=FIRST_OF_DECEMBER) == 2
        mail.outbox.clear()
        assert jobs.send_monthly_report(today=datetime.date(2027, 1, 1)) == 2
    sent = {message.to[0]: message for message in mail.outbox}
    assert sent[english.email].subject == "Press office report for December 2026"
    assert sent[english.email].attachments[0][0] == "press-office-report-2026-12.pdf"


def test_the_schedule_runs_on_the_first_of_each_month():
    schedule = Schedule.objects.get(name="media watch: monthly report")
    assert schedule.func == "media_watch.jobs.send_monthly_report"
    assert schedule.schedule_type == Schedule.MONTHLY and schedule.repeats == -1
    assert schedule.next_run.astimezone(report_data.ALMATY).day == 1
