"""The job outbox: a job queued while the broker is down is kept, and runs once it is back.

"Down" is a real connection failure: django-q2's Redis broker pointed at a port where nothing
listens. "Back" is the configured broker (ORM on SQLite, Redis with ``REDIS_URL``).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

import pytest
from django_q.models import Schedule

from agency import jobs, queue
from agency.models import QueuedJob
from tests.agency.queue import DEAD_REDIS, RUNS, DeadRedis, run_in_worker, waiting_jobs

pytestmark = pytest.mark.django_db

RECORD = "tests.agency.queue.record_run"


@pytest.fixture
def broker_down(monkeypatch, broker):
    """The shared broker is unreachable until the test calls the returned function."""
    monkeypatch.setattr(queue, "_broker", DeadRedis())

    def back():
        monkeypatch.setattr(queue, "_broker", broker)

    yield back
    RUNS.clear()


def test_a_job_queued_while_the_broker_is_down_runs_once_it_is_back(
    broker, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = queue.submit(RECORD, "briefing", name="record briefing")
    kept.refresh_from_db()
    assert kept.status == QueuedJob.Status.PENDING
    assert kept.pushed_at is None, "the broker refused it"
    assert broker.queue_size() == 0
    assert jobs.push_waiting_jobs() == 0, "still down: the schedule leaves it waiting"

    broker_down()
    assert jobs.push_waiting_jobs() == 1
    assert jobs.push_waiting_jobs() == 0, "sent once: the next minute leaves it alone"
    run_in_worker(broker, waiting_jobs(broker))

    assert RUNS == ["briefing"]
    kept.refresh_from_db()
    assert kept.status == QueuedJob.Status.DONE
    assert kept.pushes == 1
    assert kept.finished_at is not None


def test_a_job_that_reached_the_broker_twice_runs_once(broker):
    kept = queue.keep(RECORD, ["twice"], name="twice")
    assert queue.push(kept.pk) and queue.push(kept.pk)
    waiting = waiting_jobs(broker)
    assert len(waiting) == 2
    run_in_worker(broker, waiting)
    assert RUNS.count("twice") == 1
    RUNS.clear()


def test_a_job_lost_by_the_broker_is_sent_again_after_a_while(broker):
    kept = queue.keep(RECORD, ["lost"], name="lost")
    assert queue.push(kept.pk)
    broker.purge_queue()  # a Redis restarted without its data
    assert queue.push_waiting() == 0, "not yet: a worker may still be on its way"
    QueuedJob.objects.filter(pk=kept.pk).update(pushed_at=kept.created_at - queue.PUSH_AGAIN_AFTER)
    assert queue.push_waiting() == 1
    run_in_worker(broker, waiting_jobs(broker))
    assert RUNS == ["lost"]
    RUNS.clear()


def test_a_failing_job_is_marked_failed_with_its_error(broker):
    kept = queue.keep("tests.agency.queue.fail_run", ["bad"], name="bad")
    queue.push(kept.pk)
    # In this process django-q2's worker raises the job's error (in a cluster it records it).
    with pytest.raises(RuntimeError):
        run_in_worker(broker, waiting_jobs(broker))
    kept.refresh_from_db()
    assert kept.status == QueuedJob.Status.FAILED
    assert kept.last_error == "RuntimeError: bad failed"
    assert queue.push_waiting() == 0, "a failed job is not sent again"


def test_a_rolled_back_job_is_neither_kept_nor_sent(broker):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue.submit(RECORD, "rolled back")
        raise RuntimeError("the cause of the job is undone")
    assert not QueuedJob.objects.exists()
    assert broker.queue_size() == 0


def test_arguments_that_are_not_data_are_refused_in_the_caller():
    with pytest.raises(TypeError):
        queue.submit(RECORD, object())


def test_the_minute_schedule_exists():
    schedule = Schedule.objects.get(name="agency: push waiting jobs")
    assert schedule.func == "agency.jobs.push_waiting_jobs"
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.minutes == 1


def test_jobs_that_ran_are_pruned_after_a_week_and_failed_ones_kept():
    old = timezone.now() - datetime.timedelta(days=queue.KEEP_DONE_DAYS + 1)
    done = queue.keep(RECORD, ["old"], name="old")
    failed = queue.keep(RECORD, ["failed"], name="failed")
    recent = queue.keep(RECORD, ["recent"], name="recent")
    QueuedJob.objects.filter(pk=done.pk).update(status=QueuedJob.Status.DONE, finished_at=old)
    QueuedJob.objects.filter(pk=failed.pk).update(status=QueuedJob.Status.FAILED, finished_at=old)
    QueuedJob.objects.filter(pk=recent.pk).update(
        status=QueuedJob.Status.DONE, finished_at=timezone.now()
    )
    assert jobs.prune_finished_jobs() == 1
    assert set(QueuedJob.objects.values_list("name", flat=True)) == {"failed", "recent"}
    assert Schedule.objects.filter(name="agency: prune finished jobs").exists()


def test_healthz_still_reports_the_broker_down(broker_down):
    with override_settings(Q_CLUSTER={**settings.Q_CLUSTER, "redis": DEAD_REDIS}):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["components"]["queue"]["status"] == "down"
