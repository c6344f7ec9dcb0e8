"""Moderation e-mails: sent by django-q2 after the commit, to the right people, in their language.

Pages are submitted, approved and rejected through their real workflow; the mail goes through
``agency.outbox.OutboxEmailBackend``, the job is taken off the broker and run by django-q2's worker
(``tests.agency.queue``), which delivers to ``mail.outbox``.
"""

import ast
import datetime
import itertools
from importlib import import_module

from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext

from wagtail.models import TaskState
from wagtail.users.models import UserProfile

import pytest
from django_q.models import Schedule
from django_q.tasks import async_task

from agency.outbox import DELIVER_JOB
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.press_pages.factories import NewsIndexPageFactory, NewsPageFactory, kk_home
from tests.workflows.moderation import approve_all, member, reviewer_for, submit
from workflows import guard
from workflows.jobs import notify_overdue_reviews
from workflows.models import ReviewReminder
from workflows.restricted.findings import LEGAL_BASIS

pytestmark = pytest.mark.django_db

QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
SCHEDULE_NAME = "workflows: notify_overdue_reviews"
SLUGS = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_scan_cache():
    """Isolation: the guard memoises findings by revision id, and ids repeat across tests."""
    guard._SCAN_CACHE.clear()
    yield
    guard._SCAN_CACHE.clear()


@pytest.fixture
def news_index():
    return NewsIndexPageFactory(parent=kk_home())


def draft(parent, title: str, **fields):
    """A news draft with a Latin slug (titles here are Kazakh, and slugs are ASCII)."""
    return NewsPageFactory(
        parent=parent, live=False, title=title, slug=f"news-{next(SLUGS)}", **fields
    )


def speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    # The new account's profile (``agency.staff_auth.language``) is cached on ``user``.
    user.refresh_from_db()
    return user


def deliver_queued(callbacks, broker) -> list[dict]:
    """Commit (run the captured callbacks), then let django-q2's worker send the queued mail."""
    assert mail.outbox == [], "nothing is sent before the commit"
    assert broker.queue_size() == 0, "nothing is queued before the commit"
    for callback in callbacks:
        callback()
    jobs = waiting_jobs(broker)
    assert jobs, "the commit queued the mail"
    assert {job["func"] for job in jobs} == {DELIVER_JOB}
    assert mail.outbox == [], "the worker sends the mail, not the request"
    run_in_worker(broker, jobs)
    return jobs


def mail_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


class TestWagtailNotifications:
    def test_approvers_hear_of_a_submission_after_the_commit_in_their_language(
        self, broker, news_index, django_capture_on_commit_callbacks
    ):
        author = member("editors", "author")
        russian = speaks(member("press_secretaries", "secretary-ru"), "ru")
        default = member("press_secretaries", "secretary-kk")
        page = draft(news_index, "Жаңа қызмет")

        # The author works in Russian; that must not decide the language of others' mail.
        with (
            QUEUED,
            translation.override("ru"),
            django_capture_on_commit_callbacks(execute=False) as callbacks,
        ):
            submit(page, author)
        deliver_queued(callbacks, broker)

        [to_russian] = mail_to(russian)
        [to_default] = mail_to(default)
        assert mail_to(author) == [], "the author is not told about their own submission"
        assert to_russian.subject.startswith("Страница")
        assert "Жаңа қызмет" in to_russian.subject
        assert "Жаңа қызмет" in to_default.subject
        assert "Страница" not in to_default.subject, "no preference: the site's language"
        assert to_russian.extra_headers["Auto-Submitted"] == "auto-generated"

    def test_the_author_hears_of_the_approval_in_their_language(
        self, broker, news_index, django_capture_on_commit_callbacks
    ):
        author = speaks(member("editors", "author"), "ru")
        page = draft(news_index, "Мақұлданатын жаңалық")
        state = submit(page, author)
        mail.outbox.clear()

        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            approve_all(state)
        deliver_queued(callbacks, broker)

        [approved] = mail_to(author)
        with translation.override("ru"):
            expected = gettext('The page "%(title)s" has been approved in "%(workflow)s".') % {
                "title": "Мақұлданатын жаңалық",
                "workflow": state.workflow.name,
            }
        assert approved.subject == expected
        assert approved.subject.startswith("Страница")

    def test_the_author_hears_of_a_reviewers_rejection_with_the_comment(
        self, broker, news_index, django_capture_on_commit_callbacks
    ):
        author = member("editors", "author")
        page = draft(news_index, "Қайтарылған жаңалық")
        state = submit(page, author)
        task_state = state.current_task_state.specific
        reviewer = reviewer_for(task_state.task.specific, author)
        mail.outbox.clear()

        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            task_state.task.specific.on_action(
                task_state, reviewer, "reject", comment="Дереккөзді нақтылаңыз."
            )
        deliver_queued(callbacks, broker)

        [rejected] = mail_to(author)
        assert "Қайтарылған жаңалық" in rejected.subject
        assert "Дереккөзді нақтылаңыз." in rejected.body
        assert mail_to(reviewer) == []


class TestAutomaticRejection:
    def test_the_author_gets_the_checks_report_when_their_submission_is_sent_back(
        self, broker, news_index, django_capture_on_commit_callbacks
    ):
        author = speaks(member("editors", "author"), "ru")
        secretary = member("press_secretaries", "secretary")
        page = draft(
            news_index,
            "Құпия жаңалық",
            lead="Өтініш берушінің ЖСН 900115300122.",
        )

        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            state = submit(page, author)
        state.refresh_from_db()
        assert state.status == state.STATUS_NEEDS_CHANGES
        deliver_queued(callbacks, broker)

        [rejected] = mail_to(author)
        assert mail_to(secretary) == [], "nothing reached the press secretaries"
        task_name = state.current_task_state.task.name
        with translation.override("ru"):
            expected_subject = gettext(
                "“%(title)s” was sent back by the automatic check “%(task)s”"
            ) % {"title": "Құпия жаңалық", "task": task_name}
            category = gettext("Individual identification number (IIN)")
            legal_basis = gettext(LEGAL_BASIS["iin"])
        assert rejected.subject == expected_subject
        assert f"{category}: 90••••••••22" in rejected.body, "masked, as in the report"
        assert "900115300122" not in rejected.body
        assert (
            legal_basis.startswith("Закон «О персональных данных") and legal_basis in rejected.body
        )
        assert f"http://testserver/admin/pages/{page.pk}/edit/" in rejected.body

    def test_a_clean_page_sends_no_rejection(self, news_index):
        author = member("editors", "author")
        page = NewsPageFactory(parent=news_index, live=False)
        submit(page, author)
        assert mail_to(author) == []


def make_overdue(state, hours: int = 2) -> TaskState:
    """Start the current task of ``state`` ``hours`` ago; its task is due after one hour."""
    task_state = state.current_task_state
    task = task_state.task.specific
    task.due_hours = 1
    task.save(update_fields=["due_hours"])
    TaskState.objects.filter(pk=task_state.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=hours)
    )
    task_state.refresh_from_db()
    return task_state


def run_schedule(broker):
    """Enqueue what django-q2's scheduler enqueues for the overdue schedule, and run it."""
    schedule = Schedule.objects.get(name=SCHEDULE_NAME)
    args = ast.literal_eval(f"({schedule.args},)") if schedule.args else ()
    async_task(schedule.func, *args, broker=broker)
    run_in_worker(broker, waiting_jobs(broker))


class TestOverdueReviews:
    def test_schedule_is_created_every_15_minutes_and_is_idempotent(self):
        schedule = Schedule.objects.get(name=SCHEDULE_NAME)
        assert schedule.func == "workflows.jobs.notify_overdue_reviews"
        assert schedule.schedule_type == Schedule.MINUTES
        assert schedule.minutes == 15
        assert schedule.repeats == -1

        migration = import_module("workflows.migrations.0003_review_reminders")
        state = MigrationLoader(connection).project_state(("workflows", "0003_review_reminders"))
        schema_editor = connection.schema_editor()
        migration.create_schedule(state.apps, schema_editor)
        assert Schedule.objects.filter(name=SCHEDULE_NAME).count() == 1
        migration.delete_schedule(state.apps, schema_editor)
        assert not Schedule.objects.filter(name=SCHEDULE_NAME).exists()

    def test_press_secretaries_hear_of_an_overdue_review_once(self, broker, news_index):
        author = member("editors", "author")
        secretary = member("press_secretaries", "secretary")
        legal = member("legal_reviewers", "legal")
        no_address = member("press_secretaries", "no-address")
        no_address.email = ""
        no_address.save()
        page = draft(news_index, "Кешіккен жаңалық")
        overdue = make_overdue(submit(page, author))
        fresh = draft(news_index, "Жаңа ғана жіберілді")
        submit(fresh, author)
        mail.outbox.clear()

        run_schedule(broker)

        [message] = mail_to(secretary)
        assert "Кешіккен жаңалық" in message.subject
        assert "Кешіккен жаңалық" in message.body
        assert "Жаңа ғана жіберілді" not in message.body, "not due yet"
        with translation.override("kk"):  # the secretary's language names the task
            assert str(overdue.task.name) == "Баспасөз хатшысының мақұлдауы"
            assert str(overdue.task.name) in message.body
        assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
        assert mail_to(legal) == [] and mail_to(author) == []
        assert {tuple(m.to) for m in mail.outbox} == {(secretary.email,)}, "only who has an address"
        assert ReviewReminder.objects.filter(task_state=overdue).count() == 1

        mail.outbox.clear()
        run_schedule(broker)
        assert mail.outbox == [], "each overdue review is reported once"

    def test_inactive_and_finished_reviews_are_not_reported(self, news_index):
        author = member("editors", "author")
        secretary = member("press_secretaries", "secretary")
        page = NewsPageFactory(parent=news_index, live=False)
        state = submit(page, author)
        make_overdue(state)
        approve_all(state)
        mail.outbox.clear()

        assert notify_overdue_reviews() == 0
        assert mail_to(secretary) == []

    def test_overdue_mail_leaves_after_the_commit_in_each_recipients_language(
        self, broker, news_index, django_capture_on_commit_callbacks
    ):
        author = member("editors", "author")
        russian = speaks(member("press_secretaries", "secretary-ru"), "ru")
        default = member("press_secretaries", "secretary-kk")
        first = make_overdue(submit(draft(news_index, "Бірінші"), author))
        make_overdue(submit(draft(news_index, "Екінші"), author))
        mail.outbox.clear()

        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            run_schedule(broker)
        deliver_queued(callbacks, broker)

        [to_russian] = mail_to(russian)
        [to_default] = mail_to(default)
        started = timezone.localtime(first.started_at)
        for message, language in ((to_russian, "ru"), (to_default, "kk")):
            with translation.override(language):
                subject = ngettext(
                    "%(counter)s review is overdue", "%(counter)s reviews are overdue", 2
                ) % {"counter": 2}
                since = formats.date_format(started, "DATETIME_FORMAT")
            assert message.subject == subject
            assert since in message.body, language
            assert "Бірінші" in message.body and "Екінші" in message.body
        assert to_russian.body != to_default.body
