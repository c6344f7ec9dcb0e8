"""Notices about press events, run through django-q2.

Briefings are published through their real workflow; the ``page_published`` receiver queues
``accreditation.jobs.briefing_published`` after the commit, django-q2's worker runs it (the job
is taken off the configured broker: ORM on SQLite, Redis with ``REDIS_URL``), the mail it sends
is queued by ``agency.outbox.OutboxEmailBackend`` after that commit, and a second worker run delivers
it to ``mail.outbox``. The reminder runs from its daily schedule the same way.
"""

import ast
import datetime
from importlib import import_module

from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

import pytest
from django_q.models import Schedule, Success
from django_q.tasks import async_task

from accreditation import notices
from accreditation.models import AccreditationType, EventNotice, EventRegistration
from agency import queue
from agency.jobs import push_waiting_jobs
from agency.models import QueuedJob
from agency.outbox import DELIVER_JOB
from agency.queue import RUN_QUEUED
from tests.accreditation.events_helpers import QUEUED, briefing, mail_to
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    EventRegistrationFactory,
)
from tests.agency.queue import DeadRedis, run_in_worker, waiting_jobs
from tests.press_pages.factories import translate
from tests.workflows.moderation import moderate

pytestmark = pytest.mark.django_db

Status = EventRegistration.Status
TASK = "accreditation.jobs.briefing_published"
SCHEDULE = "accreditation: send_event_reminders"
MIGRATION = "0004_event_registration_language_and_reminders"


def run_queued(callbacks, broker, capture) -> list:
    """Commit, run the queued jobs in django-q2's worker, commit again and deliver the mail.

    Returns the results of the ``briefing_published`` jobs.
    """
    for callback in callbacks:
        callback()
    jobs = waiting_jobs(broker)
    kept = QueuedJob.objects.filter(func=TASK).values_list("pk", flat=True)
    ours = [job for job in jobs if job["func"] == RUN_QUEUED and job["args"][0] in set(kept)]
    with QUEUED, capture(execute=False) as sent:
        run_in_worker(broker, jobs)
    for callback in sent:
        callback()
    mail_jobs = waiting_jobs(broker)
    assert {job["func"] for job in mail_jobs} <= {DELIVER_JOB}
    run_in_worker(broker, mail_jobs)
    return [Success.objects.get(id=job["id"]).result for job in ours]


def publish(page, broker, capture, **changes) -> list:
    """Change ``page`` and take it live through its workflow, then run what that queued."""
    for name, value in changes.items():
        setattr(page, name, value)
    with QUEUED, capture(execute=False) as callbacks:
        moderate(page)
    mail.outbox.clear()
    return run_queued(callbacks, broker, capture)


def announced(event):
    EventNotice.objects.create(briefing=event, kind=EventNotice.Kind.ANNOUNCED)


def registrants(event):
    """One of each status, for the same event (give it one place, which is taken)."""
    return {
        status: EventRegistrationFactory(briefing=event, status=status) for status in Status.values
    }


class TestAnnouncement:
    def test_a_new_briefing_is_announced_once_to_active_journalists_who_opted_in(
        self, broker, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        active = AccreditationFactory()
        in_russian = AccreditationFactory(
            journalist=ApplicationJournalistFactory(application=ApplicationFactory(language="ru"))
        )
        opted_out = AccreditationFactory(notices_opt_in=False)
        expired = AccreditationFactory(expired=True)
        deprived = AccreditationFactory(deprived=True)
        temporary = AccreditationFactory(kind=AccreditationType.TEMPORARY)
        ends_before = AccreditationFactory(valid_until=timezone.localdate())

        with QUEUED, capture(execute=False) as callbacks:
            page = briefing(live=False)
            moderate(page)
        translate(page, "ru", title="Брифинг Министерства")
        mail.outbox.clear()
        # Nothing is sent before the commit, and the request only queues the job.
        assert broker.queue_size() == 0
        [result] = run_queued(callbacks, broker, capture)

        assert result["announced"] == 2
        [to_active] = mail_to(active.email)
        assert page.title in to_active.subject
        assert page.url in to_active.body or page.full_url in to_active.body
        assert "/register/" in to_active.body
        [to_russian] = mail_to(in_russian.email)
        assert "/ru/" in to_russian.body, "the link in the journalist's language"
        assert "Брифинг Министерства" in to_russian.subject
        for silent in (opted_out, expired, deprived, temporary, ends_before):
            assert mail_to(silent.email) == []
        [notice] = EventNotice.objects.filter(briefing=page)
        assert notice.kind == EventNotice.Kind.ANNOUNCED
        assert notice.recipients == 2

        # Publishing again announces nothing more.
        [result] = publish(page, broker, capture, title="Брифинг: жаңа атауы")
        assert result["announced"] == 0
        assert mail_to(active.email) == []
        assert EventNotice.objects.filter(kind=EventNotice.Kind.ANNOUNCED).count() == 1

    def test_announce_twice_sends_once_and_past_events_are_not_announced(self):
        AccreditationFactory()
        page = briefing()
        mail.outbox.clear()
        assert notices.announce(page.pk) == 1
        assert notices.announce(page.pk) == 0
        past = briefing(
            starts_at=timezone.now() - datetime.timedelta(days=1),
            registration_deadline=None,
        )
        assert notices.announce(past.pk) == 0


class TestChanges:
    def test_a_new_venue_is_sent_to_everyone_registered_at_once_and_once(
        self, broker, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        page = briefing(capacity=1)
        announced(page)
        people = registrants(page)
        old_venue = page.venue

        [result] = publish(page, broker, capture, venue="Астана, Үкімет үйі, 2-зал")
        assert result["changed"] == 2
        for status in (Status.REGISTERED, Status.WAITLISTED):
            [message] = mail_to(people[status].accreditation.email)
            assert "Үкімет үйі, 2-зал" in message.body
            assert old_venue in message.body, "the mail says what it was before"
            assert people[status].confirm_token in message.body
        for status in (Status.UNCONFIRMED, Status.CANCELLED):
            assert mail_to(people[status].accreditation.email) == []
        notice = EventNotice.objects.get(kind=EventNotice.Kind.CHANGED)
        assert notice.recipients == 2
        assert notice.data["changes"]["venue"] == "Астана, Үкімет үйі, 2-зал"

        # A publication that changes neither date nor venue tells nobody.
        [result] = publish(page, broker, capture, title="Жаңартылған атау")
        assert "changed" not in result
        for registration in people.values():
            assert mail_to(registration.accreditation.email) == []

    def test_a_new_date_is_sent_with_the_new_time(self, broker, django_capture_on_commit_callbacks):
        capture = django_capture_on_commit_callbacks
        page = briefing(capacity=1)
        announced(page)
        people = registrants(page)
        later = page.starts_at + datetime.timedelta(days=1)

        [result] = publish(
            page,
            broker,
            capture,
            starts_at=later,
            ends_at=later + datetime.timedelta(hours=1),
        )
        assert result["changed"] == 2
        notice = EventNotice.objects.get(kind=EventNotice.Kind.CHANGED)
        assert set(notice.data["changes"]) == {"starts_at", "ends_at", "_previous"}
        [message] = mail_to(people[Status.REGISTERED].accreditation.email)
        assert str(timezone.localtime(later).year) in message.body

    def test_a_draft_with_a_new_venue_tells_nobody_until_it_is_published(
        self, django_capture_on_commit_callbacks
    ):
        page = briefing(capacity=1)
        announced(page)
        registrants(page)
        page.venue = "Жоба"
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            page.save_revision()
        assert callbacks == []
        assert not EventNotice.objects.filter(kind=EventNotice.Kind.CHANGED).exists()

    def test_a_cancellation_is_sent_to_everyone_registered_once(
        self, broker, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        page = briefing(capacity=1)
        announced(page)
        people = registrants(page)

        [result] = publish(page, broker, capture, cancelled=True)
        assert result == {"cancelled": 2}
        for status in (Status.REGISTERED, Status.WAITLISTED):
            [message] = mail_to(people[status].accreditation.email)
            assert page.title in message.subject
        assert mail_to(people[Status.UNCONFIRMED].accreditation.email) == []

        [result] = publish(page, broker, capture, title="Өтпейді")
        assert result == {}
        for registration in people.values():
            assert mail_to(registration.accreditation.email) == []
        assert EventNotice.objects.filter(kind=EventNotice.Kind.CANCELLED).count() == 1

    def test_more_places_on_publish_move_the_waiting_list_up(
        self, broker, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        page = briefing(capacity=1)
        announced(page)
        EventRegistrationFactory(briefing=page)
        waiting = EventRegistrationFactory(briefing=page, status=Status.WAITLISTED)

        [result] = publish(page, broker, capture, capacity=2)
        assert result["promoted"] == 1
        waiting.refresh_from_db()
        assert waiting.status == Status.REGISTERED
        [message] = mail_to(waiting.accreditation.email)
        assert waiting.confirm_token in message.body


class TestReminder:
    def test_the_schedule_runs_daily_and_its_migration_is_idempotent(self):
        schedule = Schedule.objects.get(name=SCHEDULE)
        assert schedule.func == "accreditation.jobs.send_event_reminders"
        assert schedule.schedule_type == Schedule.DAILY
        assert schedule.repeats == -1

        migration = import_module(f"accreditation.migrations.{MIGRATION}")
        state = MigrationLoader(connection).project_state(("accreditation", MIGRATION))
        Schedule.objects.filter(name=SCHEDULE).update(minutes=7)
        migration.create_schedules(state.apps, connection.schema_editor())
        assert Schedule.objects.filter(name=SCHEDULE).count() == 1
        assert Schedule.objects.get(name=SCHEDULE).minutes == 7

    def test_registrants_of_tomorrows_events_are_reminded_once(
        self, broker, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        starts_at = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(11)))
        page = briefing(starts_at=starts_at)
        later = briefing()
        cancelled = briefing(starts_at=starts_at, cancelled=True)
        people = registrants(page)
        not_tomorrow = EventRegistrationFactory(briefing=later)
        at_cancelled = EventRegistrationFactory(briefing=cancelled)
        mail.outbox.clear()

        def run_schedule():
            schedule = Schedule.objects.get(name=SCHEDULE)
            args = ast.literal_eval(f"({schedule.args},)") if schedule.args else ()
            with QUEUED, capture(execute=False) as callbacks:
                async_task(schedule.func, *args, broker=broker)
                jobs = waiting_jobs(broker)
                run_in_worker(broker, jobs)
            assert mail.outbox == []
            for callback in callbacks:
                callback()
            run_in_worker(broker, waiting_jobs(broker))
            return Success.objects.get(id=jobs[0]["id"]).result

        assert run_schedule() == 1
        [message] = mail_to(people[Status.REGISTERED].accreditation.email)
        assert page.title in message.subject
        for registration in (
            people[Status.WAITLISTED],
            people[Status.UNCONFIRMED],
            not_tomorrow,
            at_cancelled,
        ):
            assert mail_to(registration.accreditation.email) == []
        assert EventNotice.objects.get(kind=EventNotice.Kind.REMINDER).recipients == 1

        mail.outbox.clear()
        assert run_schedule() is None, "the schedule runs once a day"
        assert notices.remind() == 0, "a second reminder run reminds nobody again"
        assert mail.outbox == []


class TestBrokerOutage:
    def test_a_briefing_published_while_the_broker_is_down_is_announced_once_it_is_back(
        self, broker, monkeypatch, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        active = AccreditationFactory()
        monkeypatch.setattr(queue, "_broker", DeadRedis())
        with QUEUED, capture(execute=True):
            page = briefing(live=False)
            moderate(page)
        assert broker.queue_size() == 0
        [kept] = QueuedJob.objects.filter(func=TASK)
        assert kept.status == QueuedJob.Status.PENDING, "kept while the broker is down"
        mail.outbox.clear()

        monkeypatch.setattr(queue, "_broker", broker)
        assert push_waiting_jobs() == 1
        waiting = waiting_jobs(broker)
        assert queue.push(kept.pk), "sent twice: the job still runs once"
        waiting += waiting_jobs(broker)
        with QUEUED, capture(execute=True):
            run_in_worker(broker, waiting)
        run_in_worker(broker, waiting_jobs(broker))

        assert len(mail_to(active.email)) == 1
        assert EventNotice.objects.filter(briefing=page).count() == 1
        kept.refresh_from_db()
        assert kept.status == QueuedJob.Status.DONE
