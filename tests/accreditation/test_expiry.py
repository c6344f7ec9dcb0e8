"""Reminders before expiry: who is reminded, once, in their language, run by the django-q2
schedule through a real broker; the schedule's migration is idempotent."""

import datetime
from importlib import import_module

from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

import pytest
from django_q.models import Schedule, Success
from django_q.tasks import async_task

from accreditation.expiry import send_expiry_reminders
from accreditation.models import AccreditationSettings
from agency.outbox import DELIVER_JOB
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
)
from tests.agency.queue import run_in_worker, waiting_jobs

pytestmark = pytest.mark.django_db

QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
MIGRATION = "0005_expiry_reminder_schedule"
NAME = "accreditation: send_expiry_reminders"


def expiring_in(days: int, **kwargs):
    today = timezone.localdate()
    return AccreditationFactory(
        valid_from=today - datetime.timedelta(days=300),
        valid_until=today + datetime.timedelta(days=days),
        **kwargs,
    )


def test_the_schedule_runs_daily_and_its_migration_is_idempotent():
    schedule = Schedule.objects.get(name=NAME)
    assert schedule.func == "accreditation.jobs.send_expiry_reminders"
    assert schedule.schedule_type == Schedule.DAILY and schedule.repeats == -1
    migration = import_module(f"accreditation.migrations.{MIGRATION}")
    state = MigrationLoader(connection).project_state(("accreditation", MIGRATION))
    schema_editor = connection.schema_editor()
    Schedule.objects.filter(name=NAME).update(minutes=7)
    migration.create_schedules(state.apps, schema_editor)
    assert Schedule.objects.filter(name=NAME).count() == 1
    assert Schedule.objects.get(name=NAME).minutes == 7
    migration.delete_schedules(state.apps, schema_editor)
    assert not Schedule.objects.filter(name=NAME).exists()
    migration.create_schedules(state.apps, schema_editor)
    assert Schedule.objects.filter(name=NAME).count() == 1


def test_who_is_reminded(mailoutbox):
    config = AccreditationSettings.load()
    assert config.expiry_reminder_days == 30
    due = expiring_in(30)
    expiring_in(31)  # not yet
    expiring_in(10, deprived=True)  # withdrawn
    AccreditationFactory(expired=True)  # already expired
    expiring_in(5, kind="temporary")  # temporary ones end with their event
    assert send_expiry_reminders() == 1
    assert [message.to for message in mailoutbox] == [[due.email]]
    assert due.card_number in mailoutbox[0].subject
    due.refresh_from_db()
    assert due.expiry_reminded_at is not None


def test_each_accreditation_is_reminded_once(mailoutbox):
    expiring_in(3)
    assert send_expiry_reminders() == 1
    assert send_expiry_reminders() == 0
    assert len(mailoutbox) == 1


def test_the_reminder_is_in_the_applications_language(mailoutbox):
    journalist = ApplicationJournalistFactory(application=ApplicationFactory(language="ru"))
    record = expiring_in(7, journalist=journalist)
    send_expiry_reminders()
    with translation.override("ru"):
        expected = gettext("Your accreditation %(card)s expires on %(date)s") % {
            "card": record.card_number,
            "date": date_format(record.valid_until, "DATE_FORMAT"),
        }
    assert mailoutbox[0].subject == expected


def test_the_window_follows_the_setting(mailoutbox):
    config = AccreditationSettings.load()
    config.expiry_reminder_days = 60
    config.save()
    expiring_in(45)
    assert send_expiry_reminders() == 1


def test_the_schedule_runs_through_django_q2(broker, django_capture_on_commit_callbacks):
    record = expiring_in(2)
    schedule = Schedule.objects.get(name=NAME)
    with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
        async_task(schedule.func, broker=broker)
        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [schedule.func]
        run_in_worker(broker, jobs)
    assert mail.outbox == [], "the mail is queued, and only after the commit"
    for callback in callbacks:
        callback()
    mail_jobs = waiting_jobs(broker)
    assert {job["func"] for job in mail_jobs} == {DELIVER_JOB}
    run_in_worker(broker, mail_jobs)
    assert Success.objects.get(id=jobs[0]["id"]).result == 1
    assert [message.to for message in mail.outbox] == [[record.email]]
