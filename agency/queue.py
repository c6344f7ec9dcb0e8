"""One queue for everything: django-q2, behind a job outbox.

Wagtail enqueues its background work through the django-tasks API, wagtail-localize through
its own small job API, and the services through :func:`submit`. All of it goes one way: a
:class:`~agency.models.QueuedJob` row is written in the caller's transaction, and once that
transaction commits the job is sent to django-q2 (ORM broker, or Redis when ``REDIS_URL`` is
set), so a worker never looks for a row that is not visible yet and never runs work for a
transaction that was rolled back. If the broker cannot be reached then, the row waits and the
minute schedule (:func:`push_waiting`) sends it once the broker is back; the caller's save
succeeds either way. The worker runs the job through :func:`run_queued`, which takes the row
first and marks it done afterwards: a job that reached the broker twice runs once. A worker
that dies in the middle of a job leaves it to run again after :func:`claim_seconds`, so every
job must be harmless to run twice (each job's docstring says why it is).

Each job is a call to a module-level runner here with the real work passed as
positional arguments, so the work's own keyword arguments can never collide
with ``async_task``'s options (``timeout``, ``group``, ``hook`` ...). Jobs go
through one broker per process (``shared_broker``).
"""

import datetime
import logging
import pickle
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from wagtail_localize.tasks import BaseJobBackend

from django_q.brokers import Broker, get_broker
from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskContext, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json

from .models import QueuedJob

logger = logging.getLogger(__name__)

#: The runner every kept job goes through on the broker.
RUN_QUEUED = "agency.queue.run_queued"
RUN_DJANGO_TASK = "agency.queue.run_django_task"
#: A job sent to the broker but not run after this long is sent again: the broker lost it
#: (a Redis restarted without its data) or the worker holding it died.
PUSH_AGAIN_AFTER = datetime.timedelta(minutes=15)
#: Jobs that ran are removed after this many days; failed ones are kept for the record.
KEEP_DONE_DAYS = 7

_broker: Broker | None = None
_broker_lock = threading.Lock()


def shared_broker() -> Broker:
    """This process's django-q2 broker, made on first use.

    ``async_task`` makes a new broker for every job unless it is given one, and a Redis
    broker opens a new connection pool with it: a connection and its handshake per job, a
    handful of round trips where one would do. The connection pool is thread-safe and starts
    afresh in a forked worker; a dropped connection is opened again on the next job.
    """
    global _broker
    if _broker is None:
        with _broker_lock:
            if _broker is None:
                _broker = get_broker()
    return _broker


def claim_seconds() -> int:
    """How long a worker holds a job it runs: django-q2's own ``timeout`` and a minute."""
    return int(settings.Q_CLUSTER.get("timeout") or 300) + 60


def keep(func: str, args=(), kwargs=None, *, name: str = "", group: str = "") -> QueuedJob:
    """Write the job ``func(*args, **kwargs)`` to the job outbox in the current transaction.

    ``func`` is a dotted path; the arguments must be JSON data (checked here, in the caller,
    rather than in a worker later).
    """
    return QueuedJob.objects.create(
        func=func,
        args=normalize_json(list(args)),
        kwargs=normalize_json(dict(kwargs or {})),
        name=(name or func)[-100:],
        group=group[:60],
    )


def submit(func: str, *args, name: str = "", group: str = "", **kwargs) -> QueuedJob:
    """Queue ``func(*args, **kwargs)`` (``func`` a dotted path) to run after the commit.

    The one way the site's code queues work: the job is kept with the caller's data and sent
    to the broker once it commits, or later by :func:`push_waiting`.
    """
    job = keep(func, args, kwargs, name=name, group=group)
    transaction.on_commit(partial(push, job.pk, job.name, job.group), robust=True)
    return job


def send(func: str, *args, name: str = "", group: str = "") -> bool:
    """Send a job straight to the broker, for work whose cause is already kept elsewhere (the
    mail outbox's rows, which its own schedule sends again). ``False`` if the broker is down."""
    try:
        async_task(func, *args, task_name=name[-100:], group=group, broker=shared_broker())
    except Exception as error:  # the broker's client raises its own connection errors
        logger.warning("Queue unavailable, %s waits for its schedule: %s", name or func, error)
        return False
    return True


def push(pk: int, name: str = "", group: str = "") -> bool:
    """Send kept job ``pk`` to the broker. ``False`` if the broker cannot be reached."""
    if not send(RUN_QUEUED, pk, name=name or f"job {pk}", group=group):
        return False
    QueuedJob.objects.filter(pk=pk).update(pushed_at=timezone.now(), pushes=F("pushes") + 1)
    return True


def push_waiting(limit: int = 500) -> int:
    """Send the kept jobs that never reached the broker, or were lost on the way (every
    minute). Stops at the first refusal: the broker is still down. Returns how many went."""
    now = timezone.now()
    waiting = (
        QueuedJob.objects.filter(status=QueuedJob.Status.PENDING)
        .filter(Q(pushed_at__isnull=True) | Q(pushed_at__lt=now - PUSH_AGAIN_AFTER))
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("created_at", "pk")
        .values_list("pk", "name", "group")[:limit]
    )
    pushed = 0
    for pk, name, group in list(waiting):
        if not push(pk, name, group):
            break
        pushed += 1
    return pushed


def run_queued(pk: int) -> Any:
    """Run kept job ``pk`` in a django-q2 worker, once.

    The row is taken first, so a job that reached the broker twice runs in one worker only,
    and is marked done (or failed, with the error, which is raised again for django-q2's own
    record) when it finished. A row that is done, failed or held by a live worker is left.
    """
    now = timezone.now()
    taken = (
        QueuedJob.objects.filter(pk=pk, status=QueuedJob.Status.PENDING)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + datetime.timedelta(seconds=claim_seconds()))
    )
    if not taken:
        return None
    job = QueuedJob.objects.get(pk=pk)
    if job.pickled is not None:
        # Written by this site's own job backend below, never by a visitor.
        func, args, kwargs = pickle.loads(job.pickled)  # noqa: S301
    else:
        func, args, kwargs = import_string(job.func), job.args, job.kwargs
    try:
        result = func(*args, **kwargs)
    except Exception as error:
        _finish(pk, QueuedJob.Status.FAILED, f"{type(error).__name__}: {error}"[:2000])
        raise
    _finish(pk, QueuedJob.Status.DONE, "")
    return result


def prune_finished(days: int = KEEP_DONE_DAYS) -> int:
    """Remove jobs done more than ``days`` ago (the daily schedule). Returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _kinds = QueuedJob.objects.filter(
        status=QueuedJob.Status.DONE, finished_at__lt=cutoff
    ).delete()
    return deleted


def _finish(pk: int, status: str, error: str) -> None:
    QueuedJob.objects.filter(pk=pk).update(
        status=status, finished_at=timezone.now(), claimed_until=None, last_error=error
    )


def run_django_task(task_path: str, result_id: str, args: list, kwargs: dict) -> Any:
    """Run a django-tasks ``Task`` inside a django-q2 worker.

    ``task_path`` is the dotted path of the module-level name that holds the
    ``Task`` object (what ``@task`` returns, so the function's own path).
    Returns the task's return value; django-q2 stores it with the job.
    """
    task: Task = import_string(task_path)
    if not isinstance(task, Task):
        raise TypeError(f"{task_path} is not a django-tasks Task")
    if task.takes_context:
        now = timezone.now()
        result = TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.RUNNING,
            enqueued_at=None,
            started_at=now,
            last_attempted_at=now,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=task.backend,
            errors=[],
            worker_ids=[],
        )
        return task.call(TaskContext(task_result=result), *args, **kwargs)
    return task.call(*args, **kwargs)


def run_job(func: Callable, args: list, kwargs: dict) -> Any:
    """Run a wagtail-localize background job inside a django-q2 worker."""
    return func(*args, **kwargs)


class DjangoQ2TaskBackend(BaseTaskBackend):
    """A django-tasks backend that enqueues each task on django-q2, through the job outbox.

    Wagtail's tasks (reference and search index updates) recompute from the current data, so a
    task run twice after a worker died leaves the same result.

    django-q2 runs jobs in arrival order and at once, so priorities and
    ``run_after`` are not supported (``validate_task`` rejects them), and results
    are kept by django-q2 (its admin), not returned through ``get_result``.
    """

    supports_defer = False
    supports_async_task = True
    supports_get_result = False
    supports_priority = False

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            # Arguments must survive a trip through a queue: fail here, in the
            # caller, rather than in a worker later.
            args=normalize_json(args),
            kwargs=normalize_json(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        job = keep(
            RUN_DJANGO_TASK,
            [task.module_path, result.id, result.args, result.kwargs],
            name=f"{task.name}:{result.id}",
        )

        def send_job() -> None:
            if push(job.pk, job.name):
                object.__setattr__(result, "enqueued_at", timezone.now())
                task_enqueued.send(type(self), task_result=result)

        transaction.on_commit(send_job, robust=True)
        return result


class DjangoQ2JobBackend(BaseJobBackend):
    """wagtail-localize's job backend, on django-q2, through the job outbox.

    Its jobs (synchronising a locale's tree, translating a subtree) create what is missing and
    leave what exists, so a second run after a worker died adds nothing. Their arguments are
    objects (locales, users), so they are kept pickled, as django-q2 carries them.
    """

    def enqueue(self, func, args, kwargs):
        name = f"{func.__module__}.{func.__qualname__}"
        job = QueuedJob.objects.create(
            func=name,
            name=name[-100:],
            group="wagtail-localize",
            pickled=pickle.dumps((func, list(args), dict(kwargs))),
        )
        transaction.on_commit(partial(push, job.pk, job.name, job.group), robust=True)
