"""Reminders, escalation and the Heads' digest: the django-q2 schedules, run for real.

Each schedule's job is put on the configured broker (ORM on SQLite, Redis with ``REDIS_URL``)
as django-q2's scheduler does, and run by django-q2's worker; the mail it sends goes through
``agency.outbox.OutboxEmailBackend`` and a second worker run, after the commit, into ``mail.outbox``.
Dates are today's, made a working day by a transfer row where needed; the day-by-day tables
call the job functions with a ``today``.
"""

import datetime
from importlib import import_module

from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from wagtail.users.models import UserProfile

import pytest
from django_q.models import Schedule

from agency import schedules
from agency.models import CalendarDay
from citizen_requests.deadlines import RequestCalendar
from citizen_requests.jobs import digest, reminders
from citizen_requests.kinds import Status
from citizen_requests.models import (
    InformationSubtask,
    RequestEvent,
    RequestSettings,
)
from tests.citizen_requests.factories import CitizenRequestFactory, UnitFactory
from tests.citizen_requests.helpers import run_schedule
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

MIGRATION = "0004_schedules"
SCHEDULES = {
    "citizen_requests: remind_executors": "citizen_requests.jobs.remind_executors",
    "citizen_requests: escalate_overdue": "citizen_requests.jobs.escalate_overdue",
    "citizen_requests: send_daily_digest": "citizen_requests.jobs.send_daily_digest",
    "citizen_requests: anonymise_closed_cases": "citizen_requests.jobs.anonymise_closed_cases",
}


@pytest.fixture
def today():
    """Today, a working day (a transfer row makes it one on a weekend or holiday)."""
    day = timezone.localdate()
    CalendarDay.objects.update_or_create(date=day, defaults={"is_working": True})
    return day


@pytest.fixture
def calendar(today):
    return RequestCalendar.load()


def speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def mail_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


class TestSchedules:
    def test_each_schedule_runs_daily_and_the_migration_is_idempotent(self):
        for name, func in SCHEDULES.items():
            schedule = Schedule.objects.get(name=name)
            assert schedule.func == func
            assert schedule.schedule_type == Schedule.DAILY
            assert schedule.repeats == -1
            assert schedule.next_run > timezone.now() - datetime.timedelta(days=1)

        migration = import_module(f"citizen_requests.migrations.{MIGRATION}")
        state = MigrationLoader(connection).project_state(("citizen_requests", MIGRATION))
        schema_editor = connection.schema_editor()
        Schedule.objects.filter(name="citizen_requests: remind_executors").update(minutes=7)
        migration.create_schedules(state.apps, schema_editor)
        for name in SCHEDULES:
            assert Schedule.objects.filter(name=name).count() == 1
        assert Schedule.objects.get(name="citizen_requests: remind_executors").minutes == 7, (
            "an existing schedule is left as it is"
        )
        migration.delete_schedules(state.apps, schema_editor)
        assert not Schedule.objects.filter(name__in=SCHEDULES).exists()
        migration.create_schedules(state.apps, schema_editor)
        assert Schedule.objects.filter(name__in=SCHEDULES).count() == len(SCHEDULES)

    def test_first_run_is_at_the_local_time(self):
        now = datetime.datetime(2026, 3, 20, 3, 0, tzinfo=datetime.UTC)  # 08:00 in Almaty
        run = schedules.next_local(8, 0, now)
        assert run.astimezone(schedules.TIME_ZONE).time() == datetime.time(8, 0)
        assert run.date() == datetime.date(2026, 3, 21), "08:00 has just passed: tomorrow"
        assert schedules.next_local(8, 30, now).date() == datetime.date(2026, 3, 20)


class TestReminders:
    def test_executors_are_reminded_3_and_1_working_days_before_through_django_q2(
        self, broker, today, calendar, django_capture_on_commit_callbacks
    ):
        executor = speaks(member("request_officers", "officer-ru"), "ru")
        colleague = member("request_officers", "officer-kk")
        unit = UnitFactory(name="Бюджет бөлімі", email="budget@agency.example.kz")
        three = CitizenRequestFactory(
            executor=executor, unit=unit, answer_due=calendar.add_working_days(today, 3)
        )
        one = CitizenRequestFactory(
            executor=executor, answer_due=calendar.add_working_days(today, 1)
        )
        late_assigned = CitizenRequestFactory(
            executor=colleague, answer_due=calendar.add_working_days(today, 2)
        )
        unit_only = CitizenRequestFactory(unit=unit, answer_due=calendar.add_working_days(today, 1))
        CitizenRequestFactory(executor=colleague, answer_due=calendar.add_working_days(today, 4))
        CitizenRequestFactory(
            executor=colleague,
            answer_due=calendar.add_working_days(today, 1),
            status=Status.ANSWERED,
            closed_at=timezone.now(),
        )
        CitizenRequestFactory(answer_due=calendar.add_working_days(today, 1))  # nobody to tell
        mail.outbox.clear()

        [reminded] = run_schedule(
            "citizen_requests: remind_executors", broker, django_capture_on_commit_callbacks
        )

        assert reminded == 4
        [to_executor] = mail_to(executor.email)
        with translation.override("ru"):
            expected = ngettext(
                "%(counter)s request is due soon", "%(counter)s requests are due soon", 2
            ) % {"counter": 2}
            assert to_executor.subject == expected
            assert gettext("Working days left: %(counter)s") % {"counter": 3} in to_executor.body
        assert three.number in to_executor.body and one.number in to_executor.body
        assert f"http://testserver/admin/requests/cases/{three.pk}/" in to_executor.body
        assert three.full_name not in to_executor.body, "no personal data in staff mail"
        assert three.email not in to_executor.body
        [to_colleague] = mail_to(colleague.email)
        assert late_assigned.number in to_colleague.body, "a late assignment is still reminded"
        [to_unit] = mail_to(unit.email)
        assert unit_only.number in to_unit.body and three.number not in to_unit.body
        assert len(mail.outbox) == 3
        assert to_unit.extra_headers["Auto-Submitted"] == "auto-generated"

        events = RequestEvent.objects.filter(action=RequestEvent.Action.REMINDED)
        assert {(e.request_id, e.data["days"]) for e in events} == {
            (three.pk, 3),
            (one.pk, 1),
            (late_assigned.pk, 3),
            (unit_only.pk, 1),
        }
        assert not events.filter(public=True).exists(), "reminders are not on the status page"

        mail.outbox.clear()
        [again] = run_schedule(
            "citizen_requests: remind_executors", broker, django_capture_on_commit_callbacks
        )
        assert again is None and mail.outbox == [], "the schedule runs once a day"
        assert reminders.remind_executors() == 0 and mail.outbox == [], "each reminder is sent once"

    def test_a_case_is_reminded_on_the_3rd_and_the_1st_working_day_before_its_due_date(
        self, calendar
    ):
        # Due on Friday 27 March 2026, just after Nauryz (21–23 March and observed days): the
        # reminders skip the holidays and the weekend, as the calendar counts them.
        executor = member("request_officers", "officer")
        due = datetime.date(2026, 3, 27)
        case = CitizenRequestFactory(executor=executor, answer_due=due)
        calendar = RequestCalendar.load()
        sent_on = {}
        day = due - datetime.timedelta(days=14)
        while day <= due + datetime.timedelta(days=3):
            if reminders.remind_executors(today=day):
                sent_on[day] = (
                    RequestEvent.objects.filter(action=RequestEvent.Action.REMINDED)
                    .latest("pk")
                    .data["days"]
                )
            day += datetime.timedelta(days=1)
        three_before = calendar.subtract_working_days(due, 3)
        one_before = calendar.subtract_working_days(due, 1)
        assert sent_on == {three_before: 3, one_before: 1}
        assert all(calendar.is_working_day(d) for d in sent_on)
        assert RequestEvent.objects.filter(request=case).count() == 2

    def test_an_extension_starts_the_reminders_again(self, today, calendar):
        executor = member("request_officers", "officer")
        case = CitizenRequestFactory(
            executor=executor, answer_due=calendar.add_working_days(today, 1)
        )
        assert reminders.remind_executors(today=today) == 1
        case.original_answer_due = case.answer_due
        case.answer_due = calendar.add_working_days(today, 3)
        case.save()
        assert reminders.remind_executors(today=today) == 1
        assert reminders.remind_executors(today=today) == 0

    def test_no_reminders_on_a_day_off(self, calendar):
        day = datetime.date(2026, 3, 21)  # Saturday and Nauryz
        assert not calendar.is_working_day(day)
        CitizenRequestFactory(
            executor=member("request_officers", "officer"),
            answer_due=calendar.add_working_days(day, 1),
        )
        assert reminders.remind_executors(today=day) == 0

    def test_reminder_days_come_from_the_settings(self, today, calendar):
        settings = RequestSettings.load()
        settings.reminder_days = "5, 2, x"
        settings.save()
        assert reminders.reminder_days() == (5, 2)
        executor = member("request_officers", "officer")
        CitizenRequestFactory(executor=executor, answer_due=calendar.add_working_days(today, 5))
        CitizenRequestFactory(executor=executor, answer_due=calendar.add_working_days(today, 3))
        assert reminders.remind_executors(today=today) == 2, (
            "3 days left: the missed 5-day reminder"
        )
        assert set(
            RequestEvent.objects.filter(action=RequestEvent.Action.REMINDED).values_list(
                "data__days", flat=True
            )
        ) == {5}
        settings.reminder_days = "nonsense"
        settings.save()
        assert reminders.reminder_days() == (3, 1)


class TestSubtaskReminders:
    def test_units_are_reminded_of_questions_due_on_the_next_working_day_once(
        self, broker, today, calendar, django_capture_on_commit_callbacks
    ):
        budget = UnitFactory(name="Бюджет", email="budget@agency.example.kz")
        silent = UnitFactory(name="Мекенжайсыз", email="")
        case = CitizenRequestFactory(answer_due=calendar.add_working_days(today, 9))
        due = InformationSubtask.objects.create(
            request=case,
            unit=budget,
            question="Асқар Тестов сұрап отыр: бюджет қалай орындалды?",
            due_on=calendar.add_working_days(today, 1),
        )
        InformationSubtask.objects.create(
            request=case, unit=budget, question="Кейін", due_on=calendar.add_working_days(today, 4)
        )
        InformationSubtask.objects.create(
            request=case,
            unit=budget,
            question="Жауап берілді",
            due_on=today,
            answered_at=timezone.now(),
        )
        InformationSubtask.objects.create(request=case, unit=silent, question="?", due_on=today)
        mail.outbox.clear()

        [reminded] = run_schedule(
            "citizen_requests: remind_executors", broker, django_capture_on_commit_callbacks
        )

        assert reminded == 1
        [message] = mail.outbox
        assert message.to == [budget.email]
        assert case.number in message.body
        assert "Асқар" not in message.body, "the question may name the requester"
        assert RequestEvent.objects.get(action=RequestEvent.Action.REMINDED).data == {
            "subtask": due.pk,
            "due_on": due.due_on.isoformat(),
            "to": "unit",
        }
        mail.outbox.clear()
        assert reminders.remind_executors(today=today) == 0 and mail.outbox == []


class TestEscalation:
    def test_overdue_cases_go_to_the_press_secretaries_once_through_django_q2(
        self, broker, today, calendar, django_capture_on_commit_callbacks
    ):
        secretary = speaks(member("press_secretaries", "secretary"), "ru")
        other = member("press_secretaries", "secretary-kk")
        officer = member("request_officers", "officer")
        head = member("heads", "head")
        overdue = CitizenRequestFactory(
            executor=officer,
            answer_due=today - datetime.timedelta(days=1),
            status=Status.IN_PROGRESS,
        )
        CitizenRequestFactory(executor=officer, answer_due=today)  # due today: on time still
        CitizenRequestFactory(
            answer_due=today - datetime.timedelta(days=3),
            status=Status.ANSWERED,
            closed_at=timezone.now(),
        )
        mail.outbox.clear()

        [reported] = run_schedule(
            "citizen_requests: escalate_overdue", broker, django_capture_on_commit_callbacks
        )

        assert reported == 1
        [message] = mail_to(secretary.email)
        with translation.override("ru"):
            assert message.subject == gettext("Request %(number)s is overdue") % {
                "number": overdue.number
            }
        assert overdue.number in message.body
        assert overdue.full_name not in message.body
        assert len(mail_to(other.email)) == 1
        assert mail_to(officer.email) == [] and mail_to(head.email) == []
        assert (
            RequestEvent.objects.filter(
                request=overdue, action=RequestEvent.Action.ESCALATED
            ).count()
            == 1
        )

        mail.outbox.clear()
        [again] = run_schedule(
            "citizen_requests: escalate_overdue", broker, django_capture_on_commit_callbacks
        )
        assert again is None and mail.outbox == [], "the schedule runs once a day"
        assert reminders.escalate_overdue() == 0 and mail.outbox == [], "each case is reported once"

    def test_a_long_list_is_cut_and_linked(self, today, monkeypatch):
        monkeypatch.setattr(reminders, "MAIL_LIST_LIMIT", 1)
        secretary = member("press_secretaries", "secretary")
        first = CitizenRequestFactory(answer_due=today - datetime.timedelta(days=3))
        second = CitizenRequestFactory(answer_due=today - datetime.timedelta(days=1))
        mail.outbox.clear()
        assert reminders.escalate_overdue(today=today) == 2
        [message] = mail_to(secretary.email)
        assert first.number in message.body and second.number not in message.body
        assert "http://testserver/admin/requests/cases/?overdue=on" in message.body
        assert RequestEvent.objects.filter(action=RequestEvent.Action.ESCALATED).count() == 2

    def test_nothing_is_recorded_while_no_press_secretary_can_receive_it(self, today):
        CitizenRequestFactory(answer_due=today - datetime.timedelta(days=2))
        assert reminders.escalate_overdue(today=today) == 0
        assert not RequestEvent.objects.filter(action=RequestEvent.Action.ESCALATED).exists()
        member("press_secretaries", "secretary")
        assert reminders.escalate_overdue(today=today) == 1


class TestDigest:
    def test_the_heads_get_a_daily_digest_through_django_q2(
        self, broker, today, calendar, django_capture_on_commit_callbacks
    ):
        head = speaks(member("heads", "head"), "ru")
        head_kk = member("heads", "head-kk")
        officer = member("request_officers", "officer")
        overdue = CitizenRequestFactory(
            executor=officer, answer_due=today - datetime.timedelta(days=4)
        )
        CitizenRequestFactory(answer_due=today)
        CitizenRequestFactory(executor=officer, answer_due=calendar.add_working_days(today, 2))
        CitizenRequestFactory(
            answer_due=today - datetime.timedelta(days=9),
            status=Status.ANSWERED,
            closed_at=timezone.now(),
        )
        mail.outbox.clear()

        [sent] = run_schedule(
            "citizen_requests: send_daily_digest", broker, django_capture_on_commit_callbacks
        )

        assert sent == 2
        [message] = mail_to(head.email)
        assert len(mail_to(head_kk.email)) == 1
        assert mail_to(officer.email) == []
        with translation.override("ru"):
            assert f"{gettext('Open')}: 3" in message.body
            assert f"{gettext('Overdue')}: 1" in message.body
            assert f"{gettext('Due today')}: 1" in message.body
            assert f"{gettext('Due within 3 working days')}: 1" in message.body
            assert f"{gettext('Closed in the last 24 hours')}: 1" in message.body
        assert overdue.number in message.body
        assert overdue.full_name not in message.body and overdue.iin not in message.body

        mail.outbox.clear()
        [again] = run_schedule(
            "citizen_requests: send_daily_digest", broker, django_capture_on_commit_callbacks
        )
        assert again is None and mail.outbox == [], "one digest a day, however often it runs"

    def test_digest_figures(self, today, calendar):
        CitizenRequestFactory(answer_due=today - datetime.timedelta(days=1))
        CitizenRequestFactory(executor=member("request_officers", "officer"), answer_due=today)
        figures = digest.digest(today)
        assert figures["open"] == 2
        assert figures["unassigned"] == 1
        assert figures["due_today"] == 1
        assert [case["number"] for case in figures["overdue"]] == [figures["overdue"][0]["number"]]
        assert figures["overdue"][0]["overdue_days"] == calendar.working_days_between(
            today - datetime.timedelta(days=1), today
        )
