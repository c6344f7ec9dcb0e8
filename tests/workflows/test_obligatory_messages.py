"""Obligatory messages (Law on Mass Media Art. 37) in moderation: their own workflow with the
head's approval, the restricted-information guard, and escalation to the heads at 2 h and
2 h 45 after the event, once each, in each head's language."""

import ast
import datetime
from importlib import import_module

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import PageLogEntry, WorkflowPage, WorkflowState
from wagtail.users.models import UserProfile

import pytest
import time_machine
from bs4 import BeautifulSoup
from django_q.models import Schedule
from django_q.tasks import async_task

from agency.outbox import DELIVER_JOB
from press_pages.models import ObligatoryMessagePage
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.press_pages.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
    locale,
    translate,
)
from tests.signin import staff_login
from tests.workflows.helpers import iin_body
from tests.workflows.moderation import member, submit
from workflows.guard import PublicationBlocked
from workflows.jobs import ESCALATE_ACTION, escalate_deadline_pages
from workflows.models import (
    Escalation,
    HeadApprovalTask,
    ModerationSettings,
    PressSecretaryApprovalTask,
)

pytestmark = pytest.mark.django_db

SCHEDULE_NAME = "workflows: escalate_deadline_pages"
QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
MINUTE = datetime.timedelta(minutes=1)


def build_module_data():
    """The news index and the people, once for the module."""
    return {
        "index": NewsIndexPageFactory(parent=kk_home()),
        "author": member("editors", "author"),
        "press": member("press_secretaries", "press"),
        "head": speaks(member("heads", "head"), "en"),
        "head_ru": speaks(member("heads", "head-ru"), "ru"),
    }


def speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    user.refresh_from_db()
    return user


@pytest.fixture
def data(module_data):
    return module_data


def message(data, **fields) -> ObligatoryMessagePage:
    fields.setdefault("event_at", timezone.now() - datetime.timedelta(minutes=30))
    return ObligatoryMessagePageFactory(parent=data["index"], live=False, **fields)


def current(state: WorkflowState):
    state.refresh_from_db()
    task_state = state.current_task_state.specific
    return task_state, task_state.task.specific


def approve(state, user):
    task_state, task = current(state)
    task.on_action(task_state, user, "approve")
    state.refresh_from_db()


def can_approve(state, user) -> bool:
    task_state, task = current(state)
    page = task_state.revision.content_object.specific
    return any(name == "approve" for name, *_rest in task.get_actions(page, user))


def heads_addresses() -> list[str]:
    return sorted(
        get_user_model()
        .objects.filter(groups__name="Heads", is_active=True)
        .values_list("email", flat=True)
    )


def mail_to(user) -> list:
    return [m for m in mail.outbox if m.to == [user.email]]


class TestWorkflow:
    def test_the_migration_made_the_workflow_and_named_it_in_three_languages(self):
        workflow = ModerationSettings.load().obligatory_message_workflow
        tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
        assert [task.name for task in tasks] == [
            "Restricted-information check",
            "Press secretary approval",
            "Head approval",
        ]
        head_task = tasks[-1]
        assert isinstance(head_task, HeadApprovalTask)
        assert [group.name for group in head_task.groups.all()] == ["Heads"]
        for code, workflow_name, task_name in (
            ("kk", "Міндетті хабарламалар", "Басшының бекітуі"),
            ("ru", "Обязательные сообщения", "Утверждение руководителем"),
            ("en", "Obligatory messages", "Head approval"),
        ):
            with translation.override(code):
                assert str(workflow.name) == workflow_name
                assert str(head_task.name) == task_name

    def test_it_goes_live_after_the_press_secretary_and_then_a_head(self, data):
        page = message(data)
        state = submit(page, data["author"])
        task_state, task = current(state)
        assert isinstance(task, PressSecretaryApprovalTask), "the check passed a clean text"
        assert not can_approve(state, data["head"])
        with pytest.raises(PermissionDenied):
            task.on_action(task_state, data["head"], "approve")

        approve(state, data["press"])
        task_state, task = current(state)
        assert isinstance(task, HeadApprovalTask)
        page.refresh_from_db()
        assert not page.live
        assert not can_approve(state, data["press"])
        with pytest.raises(PermissionDenied):
            task.on_action(task_state, data["press"], "approve")

        assert can_approve(state, data["head"])
        approve(state, data["head"])
        assert state.status == WorkflowState.STATUS_APPROVED
        page.refresh_from_db()
        assert page.live

    def test_a_head_opens_the_editor_at_their_step_and_sees_the_clock(self, data, client):
        page = message(data)
        state = submit(page, data["author"])
        staff_login(client, data["head"])
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(edit_url).status_code != 200, "not before the head's step"
        approve(state, data["press"])
        response = client.get(edit_url)
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        timer = html.select_one('section.deadline-clock [role="timer"]')
        assert timer.text.startswith("Due by ") and timer.text.endswith(" left")
        assert html.select_one('button[data-workflow-action-name="approve"]')

    def test_a_head_does_not_approve_a_text_they_wrote(self, data):
        page = message(data)
        state = submit(page, data["head_ru"])
        approve(state, data["press"])
        assert not can_approve(state, data["head_ru"])
        task_state, task = current(state)
        with translation.override("en"), pytest.raises(PermissionDenied, match="Nobody approves"):
            task.on_action(task_state, data["head_ru"], "approve")
        approve(state, data["head"])
        assert state.status == WorkflowState.STATUS_APPROVED

    def test_a_workflow_assigned_in_the_tree_does_not_skip_the_head(self, data):
        settings = ModerationSettings.load()
        WorkflowPage.objects.create(page=data["index"], workflow=settings.news_workflow)
        page = message(data)
        news = NewsPageFactory(parent=data["index"], live=False)
        assert page.get_workflow() == settings.obligatory_message_workflow
        assert news.get_workflow() == settings.news_workflow
        ru = translate(ObligatoryMessagePageFactory(parent=data["index"]), "ru", title="Сообщение")
        assert ru.get_workflow() == settings.obligatory_message_workflow

    def test_restricted_information_still_blocks_it(self, data):
        page = message(data, body=iin_body())
        state = submit(page, data["author"])
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        page.refresh_from_db()
        assert not page.live
        with pytest.raises(PublicationBlocked):
            page.get_latest_revision().publish()
        page.refresh_from_db()
        assert not page.live and page.live_revision_id is None


def run_schedule(broker):
    """Enqueue what django-q2's scheduler enqueues for the escalation schedule, and run it."""
    schedule = Schedule.objects.get(name=SCHEDULE_NAME)
    args = ast.literal_eval(f"({schedule.args},)") if schedule.args else ()
    async_task(schedule.func, *args, broker=broker)
    run_in_worker(broker, waiting_jobs(broker))


def escalations(page) -> list[int]:
    return sorted(Escalation.objects.filter(page=page).values_list("after_minutes", flat=True))


class TestEscalation:
    def test_the_schedule_runs_every_minute_and_is_created_once(self):
        schedule = Schedule.objects.get(name=SCHEDULE_NAME)
        assert schedule.func == "workflows.jobs.escalate_deadline_pages"
        assert schedule.schedule_type == Schedule.MINUTES
        assert schedule.minutes == 1
        assert schedule.repeats == -1

        migration = import_module("workflows.migrations.0009_obligatory_messages")
        state = MigrationLoader(connection).project_state(("workflows", "0009_obligatory_messages"))
        migration.forwards(state.apps, connection.schema_editor())
        assert Schedule.objects.filter(name=SCHEDULE_NAME).count() == 1
        assert (
            state.apps.get_model("wagtailcore", "Workflow")
            .objects.filter(name="Obligatory messages")
            .count()
            == 1
        )

    def test_heads_are_told_at_2_h_and_at_2_h_45_once_each_in_their_language(self, data, broker):
        event = timezone.now().replace(microsecond=0)
        with time_machine.travel(event + datetime.timedelta(minutes=10)):
            page = message(data, event_at=event, title="Су тасқыны", slug="flood")
            submit(page, data["author"])
        mail.outbox.clear()

        with time_machine.travel(event + datetime.timedelta(hours=2) - MINUTE):
            assert escalate_deadline_pages() == 0
        assert mail.outbox == []

        with time_machine.travel(event + datetime.timedelta(hours=2)):
            run_schedule(broker)
        assert escalations(page) == [120]
        [to_head] = mail_to(data["head"])
        [to_head_ru] = mail_to(data["head_ru"])
        assert {tuple(m.to) for m in mail.outbox} == {
            (data["head"].email,),
            (data["head_ru"].email,),
        }
        assert to_head.subject.startswith("Not published yet: “Су тасқыны”. Due by ")
        assert "1 h left" in to_head.subject
        assert "Press secretary approval" in to_head.body
        assert f"http://testserver/admin/pages/{page.pk}/edit/" in to_head.body
        with translation.override("ru"):
            assert (
                gettext("You receive this because you are in the Heads group.") in to_head_ru.body
            )
            assert str(gettext("%(hours)d h") % {"hours": 1}) in to_head_ru.subject
        [entry] = PageLogEntry.objects.filter(page=page, action=ESCALATE_ACTION)
        assert entry.data["after_minutes"] == 120 and entry.data["recipients"] == 2
        with translation.override("en"):
            assert entry.message == "Not published 2 h after the event: 2 heads were told."

        mail.outbox.clear()
        with time_machine.travel(event + datetime.timedelta(hours=2, minutes=30)):
            run_schedule(broker)
        assert mail.outbox == [], "each step once"

        with time_machine.travel(event + datetime.timedelta(hours=2, minutes=45)):
            assert escalate_deadline_pages() == 1
            assert escalate_deadline_pages() == 0
        assert escalations(page) == [120, 165]
        assert len(mail.outbox) == 2
        assert "15 min left" in mail_to(data["head"])[0].subject

    def test_escalation_mail_leaves_after_the_commit_through_the_outbox(
        self, data, broker, django_capture_on_commit_callbacks
    ):
        page = message(data, event_at=timezone.now() - datetime.timedelta(hours=2, minutes=5))
        mail.outbox.clear()
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert escalate_deadline_pages() == 1
        assert mail.outbox == [], "kept in the outbox until the commit"
        for callback in callbacks:
            callback()
        jobs = waiting_jobs(broker)
        assert {job["func"] for job in jobs} == {DELIVER_JOB}
        run_in_worker(broker, jobs)
        assert len(mail.outbox) == 2
        assert escalations(page) == [120]

    def test_steps_due_together_make_one_message_and_published_pages_none(self, data):
        late = message(data, event_at=timezone.now() - datetime.timedelta(hours=2, minutes=50))
        late.copy_for_translation(locale("ru"), copy_parents=True)  # the same message
        live = ObligatoryMessagePageFactory(
            parent=data["index"], event_at=timezone.now() - datetime.timedelta(hours=2, minutes=50)
        )
        old = message(data, event_at=timezone.now() - datetime.timedelta(days=2))
        NewsPageFactory(parent=data["index"], live=False)
        mail.outbox.clear()

        assert escalate_deadline_pages() == 1
        assert escalations(late) == [120, 165]
        assert sorted(m.to[0] for m in mail.outbox) == heads_addresses(), "one message per head"
        assert "Overdue" not in mail.outbox[0].subject
        assert escalations(live) == [] and escalations(old) == []
        assert Escalation.objects.count() == 2
