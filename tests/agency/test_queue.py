"""One queue: Wagtail's tasks and wagtail-localize's jobs go through django-q2.

Jobs are pulled from the configured broker (the ORM broker on SQLite, Redis
when ``REDIS_URL`` is set) and run through django-q2's own worker and monitor,
as a ``qcluster`` would; only the process boundary is left out.
"""

import ast
import datetime
from importlib import import_module

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail_localize.synctree import synchronize_tree

import pytest
from django_q.brokers.orm import ORM
from django_q.models import OrmQ, Schedule, Success
from django_q.tasks import async_task
from django_tasks import TaskResultStatus

from agency.models import QueuedJob
from agency.queue import RUN_QUEUED, DjangoQ2JobBackend, shared_broker
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    locale,
    publish,
)

pytestmark = pytest.mark.django_db

DJANGO_Q2_TASKS = {"default": {"BACKEND": "agency.queue.DjangoQ2TaskBackend"}}


def faq_answer_without_references():
    """A published FAQ answer whose reference index rows have not been written."""
    home = kk_home()
    with disable_reference_index_auto_update():
        answer = FAQAnswerPageFactory(parent=FAQIndexPageFactory(parent=home))
    ReferenceIndex.remove_for_object(answer)
    return answer


def references_of(answer):
    return ReferenceIndex.get_references_for_object(answer)


class TestDjangoQ2TaskBackend:
    def test_wagtail_task_is_queued_on_commit_and_run_by_a_django_q2_worker(
        self, broker, django_capture_on_commit_callbacks
    ):
        answer = faq_answer_without_references()
        assert not references_of(answer).exists()

        with (
            override_settings(TASKS=DJANGO_Q2_TASKS),
            django_capture_on_commit_callbacks(execute=False) as callbacks,
        ):
            result = update_reference_index_task.enqueue(
                "press_pages", "faqanswerpage", str(answer.pk)
            )
        assert result.status == TaskResultStatus.READY
        assert broker.queue_size() == 0, "nothing is queued before the commit"
        with override_settings(TASKS=DJANGO_Q2_TASKS):
            for callback in callbacks:
                callback()

        if isinstance(broker, ORM):
            assert OrmQ.objects.filter(key=broker.list_key).count() == 1
        assert broker.queue_size() == 1
        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [RUN_QUEUED]
        kept = QueuedJob.objects.get(pk=jobs[0]["args"][0])
        assert kept.func == "agency.queue.run_django_task"
        assert kept.args == [
            "wagtail.tasks.update_reference_index_task",
            result.id,
            ["press_pages", "faqanswerpage", str(answer.pk)],
            {},
        ]
        assert not references_of(answer).exists(), "the work waits for a worker"

        run_in_worker(broker, jobs)

        referenced = {ref.to_object_id for ref in references_of(answer)}
        assert str(answer.category_id) in referenced
        assert Success.objects.filter(id=jobs[0]["id"]).exists()
        assert broker.queue_size() == 0, "the job is acknowledged"
        kept.refresh_from_db()
        assert kept.status == QueuedJob.Status.DONE

    def test_jobs_go_through_one_broker_per_process(
        self, broker, django_capture_on_commit_callbacks
    ):
        answer = faq_answer_without_references()
        connections = {id(shared_broker().connection)}

        with (
            override_settings(TASKS=DJANGO_Q2_TASKS),
            django_capture_on_commit_callbacks(execute=True),
        ):
            for _job in range(3):
                update_reference_index_task.enqueue("press_pages", "faqanswerpage", str(answer.pk))

        assert shared_broker() is shared_broker()
        connections.add(id(shared_broker().connection))
        assert len(connections) == 1
        assert broker.queue_size() == 3, "the shared broker feeds the configured queue"

    def test_nothing_is_queued_when_the_transaction_rolls_back(
        self, broker, django_capture_on_commit_callbacks
    ):
        answer = faq_answer_without_references()
        with (
            override_settings(TASKS=DJANGO_Q2_TASKS),
            django_capture_on_commit_callbacks(execute=False) as callbacks,
        ):
            update_reference_index_task.enqueue("press_pages", "faqanswerpage", str(answer.pk))
        # The callbacks were captured but never run, as after a rollback.
        assert len(callbacks) == 1
        assert broker.queue_size() == 0

    def test_page_saves_enqueue_wagtail_reference_updates_on_the_queue(
        self, broker, django_capture_on_commit_callbacks
    ):
        index = NewsIndexPageFactory(parent=kk_home())
        with (
            override_settings(TASKS=DJANGO_Q2_TASKS),
            django_capture_on_commit_callbacks(execute=True),
        ):
            news = NewsPageFactory(parent=index)

        jobs = waiting_jobs(broker)
        kept = QueuedJob.objects.filter(pk__in=[job["args"][0] for job in jobs])
        queued = {tuple(job.args[2]) for job in kept}
        assert ("press_pages", "newspage", str(news.pk)) in queued
        run_in_worker(broker, jobs)
        assert Success.objects.filter(id__in=[job["id"] for job in jobs]).count() == len(jobs)


class TestDjangoQ2JobBackend:
    def test_localize_job_is_queued_on_commit_and_run_by_a_django_q2_worker(
        self, broker, django_capture_on_commit_callbacks
    ):
        home = kk_home()
        news_index = NewsIndexPageFactory(parent=home)
        ru = locale("ru")
        assert not Page.objects.filter(locale=ru).exists()

        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            DjangoQ2JobBackend({}).enqueue(
                synchronize_tree, args=[locale("kk"), ru], kwargs={"page_index": None}
            )
        assert broker.queue_size() == 0, "nothing is queued before the commit"
        for callback in callbacks:
            callback()

        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [RUN_QUEUED]
        kept = QueuedJob.objects.get(pk=jobs[0]["args"][0])
        assert kept.func == "wagtail_localize.synctree.synchronize_tree"

        run_in_worker(broker, jobs)

        aliases = Page.objects.filter(locale=ru)
        assert set(aliases.values_list("alias_of_id", flat=True)) == {home.pk, news_index.pk}


class TestPublishScheduledSchedule:
    def test_migration_creates_one_schedule_every_minute(self):
        schedule = Schedule.objects.get(name="wagtail: publish_scheduled")
        assert schedule.func == "django.core.management.call_command"
        assert schedule.args == "'publish_scheduled'"
        assert schedule.schedule_type == Schedule.MINUTES
        assert schedule.minutes == 1
        assert schedule.repeats == -1

    def test_migration_is_idempotent_and_reversible(self):
        migration = import_module("cms.migrations.0002_schedule_publish_scheduled")
        state = MigrationLoader(connection).project_state(
            ("cms", "0002_schedule_publish_scheduled")
        )
        # Not entered: the migration functions only read the editor's connection.
        schema_editor = connection.schema_editor()
        schedules = Schedule.objects.filter(name=migration.SCHEDULE_NAME)

        migration.create_schedule(state.apps, schema_editor)
        assert schedules.count() == 1
        migration.delete_schedule(state.apps, schema_editor)
        assert not schedules.exists()
        migration.create_schedule(state.apps, schema_editor)
        migration.create_schedule(state.apps, schema_editor)
        assert schedules.count() == 1

    def test_schedule_publishes_a_page_whose_go_live_time_has_passed(self, broker):
        index = NewsIndexPageFactory(parent=kk_home())
        news = NewsPageFactory(parent=index, live=False)
        news.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
        # Approved through its workflow; the approved revision waits for its go-live time.
        publish(news)
        news.refresh_from_db()
        assert not news.live, "publishing with a future go-live time only schedules it"
        # Let the go-live time pass.
        revision = news.scheduled_revision
        past = timezone.now() - datetime.timedelta(minutes=1)
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])

        schedule = Schedule.objects.get(name="wagtail: publish_scheduled")
        # What django-q2's scheduler enqueues for this schedule, run by its worker.
        async_task(schedule.func, *ast.literal_eval(f"({schedule.args},)"), broker=broker)
        run_in_worker(broker, waiting_jobs(broker))

        news.refresh_from_db()
        assert news.live
        assert news.live_revision_id == revision.pk
