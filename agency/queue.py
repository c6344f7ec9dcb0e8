"""One queue for everything: django-q2.

Wagtail enqueues its background work through the django-tasks API, and
wagtail-localize through its own small job API. Both backends here hand the work
to django-q2, so one ``qcluster`` (ORM broker, or Redis when ``REDIS_URL`` is
set) runs all of it. Jobs are sent once the surrounding transaction commits, so a
worker never looks for a row that is not visible yet, and never runs work for a
transaction that was rolled back. If the broker cannot be reached then, the
error is logged and the editor's save still succeeds (``robust`` on-commit).

Each job is a call to a module-level runner here with the real work passed as
positional arguments, so the work's own keyword arguments can never collide
with ``async_task``'s options (``timeout``, ``group``, ``hook`` ...). Jobs go
through one broker per process (``shared_broker``).
"""

import threading
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from wagtail_localize.tasks import BaseJobBackend

from django_q.brokers import Broker, get_broker
from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskContext, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json

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
    """A django-tasks backend that enqueues each task on django-q2.

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

        def send() -> None:
            async_task(
                run_django_task,
                task.module_path,
                result.id,
                result.args,
                result.kwargs,
                task_name=f"{task.name}:{result.id}"[-100:],
                broker=shared_broker(),
            )
            object.__setattr__(result, "enqueued_at", timezone.now())
            task_enqueued.send(type(self), task_result=result)

        transaction.on_commit(send, robust=True)
        return result


class DjangoQ2JobBackend(BaseJobBackend):
    """wagtail-localize's job backend, on django-q2."""

    def enqueue(self, func, args, kwargs):
        func_args, func_kwargs = list(args), dict(kwargs)
        transaction.on_commit(
            lambda: async_task(
                run_job,
                func,
                func_args,
                func_kwargs,
                task_name=f"{func.__module__}.{func.__qualname__}"[-100:],
                broker=shared_broker(),
            ),
            robust=True,
        )
