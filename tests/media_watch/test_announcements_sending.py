"""The Friday sending of the coming week's announcements to the authorised body: through the
outbox with the two PDFs and the workbook, once a week, and never without an address."""

import io

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

import pytest
import time_machine
from django_q.models import Schedule
from openpyxl import load_workbook
from pypdf import PdfReader

from agency.jobs import deliver_message
from agency.models import OutboxMessage
from media_watch import jobs
from media_watch.announcements import sending
from media_watch.models import AnnouncementSending, AnnouncementSettings
from tests.media_watch.announcements_data import WEEK, at, build_week
from tests.workflows.moderation import member

build_module_data = build_week

pytestmark = pytest.mark.django_db

MINISTRY = "announcements@mci.gov.kz"
QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")


@pytest.fixture
def data(module_data):
    return module_data


def configure(*, enabled=True, recipients=MINISTRY, hour=15):
    settings = AnnouncementSettings.load()
    settings.enabled = enabled
    settings.recipients = recipients
    settings.send_hour = hour
    settings.save()
    return settings


def run_job_at(moment):
    with time_machine.travel(moment, tick=False):
        return jobs.send_weekly_announcements()


def test_the_hourly_schedule_calls_the_job():
    schedule = Schedule.objects.get(name="media watch: weekly announcements")
    assert schedule.func == "media_watch.jobs.send_weekly_announcements"
    assert schedule.schedule_type == Schedule.HOURLY


@QUEUED
def test_on_friday_from_the_hour_the_coming_week_goes_once_through_the_outbox(data):
    configure()
    assert run_job_at(at(5, 16)) is None  # Thursday
    assert run_job_at(at(6, 14, 59)) is None  # Friday, before the hour
    assert not OutboxMessage.objects.exists()

    sent = run_job_at(at(6, 15))
    assert sent is not None
    assert run_job_at(at(6, 16)) is None  # the next hour
    assert run_job_at(at(7, 10)) is None  # Saturday

    row = OutboxMessage.objects.get()
    assert row.recipients == MINISTRY
    assert row.group == "weekly-announcements"
    record = AnnouncementSending.objects.get()
    assert (record.pk, record.week_start, record.automatic) == (sent, WEEK.monday, True)
    assert record.item_count == 3

    assert deliver_message(row.pk)
    (message,) = mail.outbox
    assert message.to == [MINISTRY]
    names = [name for name, _content, _type in message.attachments]
    assert names == [
        "announcements-2026-03-09-kk.pdf",
        "announcements-2026-03-09-ru.pdf",
        "announcements-2026-03-09.xlsx",
    ]
    files = {name: content for name, content, _type in message.attachments}
    kk = PdfReader(io.BytesIO(files["announcements-2026-03-09-kk.pdf"])).pages[0].extract_text()
    ru = PdfReader(io.BytesIO(files["announcements-2026-03-09-ru.pdf"])).pages[0].extract_text()
    assert "Жыл қорытындысы" in kk
    assert "Итоги года" in ru
    book = load_workbook(io.BytesIO(files["announcements-2026-03-09.xlsx"]))
    assert book.sheetnames == ["Қазақша", "Русский"]
    assert "Цифрлық даму министрлігі" in message.body
    assert "Министерство цифрового развития" in message.body


def test_a_sending_missed_on_friday_goes_before_the_week_starts(data):
    configure(hour=9)
    assert run_job_at(at(8, 23, 30)) is not None  # Sunday night
    (message,) = mail.outbox
    assert message.to == [MINISTRY]
    assert run_job_at(at(9, 0, 30)) is None  # Monday: that week has begun


def test_a_second_automatic_sending_of_a_week_cannot_be_recorded(data):
    configure()
    run_job_at(at(6, 15))
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnouncementSending.objects.create(
            week_start=WEEK.monday,
            sent_at=at(6, 15),
            automatic=True,
            recipients=MINISTRY,
        )
    assert len(mail.outbox) == 1


def test_nothing_is_sent_without_an_address_or_while_off(data):
    configure(enabled=False)
    assert run_job_at(at(6, 15)) is None
    configure(enabled=True, recipients="")
    assert run_job_at(at(6, 15)) is None
    assert not mail.outbox
    assert not AnnouncementSending.objects.exists()
    assert sending.next_sending(AnnouncementSettings.load()) is None


def test_a_week_sent_by_hand_is_not_sent_again_on_friday(data):
    configure()
    officer = member("press_secretaries", "announcements-officer")
    with time_machine.travel(at(5, 12), tick=False):
        sending.send_now(WEEK, officer)
    assert run_job_at(at(6, 15)) is None
    assert len(mail.outbox) == 1
    assert AnnouncementSending.objects.get().user == officer


def test_the_next_sending_is_the_coming_friday_at_the_hour(data):
    settings = configure(hour=15)
    assert sending.next_sending(settings, at(4, 9)) == at(6, 15)
    assert sending.next_sending(settings, at(6, 15, 30)) == at(6, 15, 30)  # due now
    run_job_at(at(6, 15, 30))
    assert sending.next_sending(settings, at(6, 16)) == at(13, 15)


def test_the_addresses_are_checked(data):
    settings = AnnouncementSettings.load()
    settings.enabled = True
    settings.recipients = "not-an-address"
    with pytest.raises(ValidationError) as refused:
        settings.full_clean()
    assert "not-an-address" in str(refused.value)
    settings.recipients = ""
    with pytest.raises(ValidationError, match="recipients"):
        settings.full_clean()
    settings.recipients = f"{MINISTRY}, second@mci.gov.kz;third@mci.gov.kz"
    settings.full_clean()
    assert settings.recipients.splitlines() == [
        MINISTRY,
        "second@mci.gov.kz",
        "third@mci.gov.kz",
    ]
    settings.recipients = "\n".join(f"a{n}@mci.gov.kz" for n in range(11))
    with pytest.raises(ValidationError, match="recipients"):
        settings.full_clean()
