"""One queue for everything: django-q2.

Wagtail enqueues its background work through the django-tasks API, and
wagtail-localize through its own small job API. Both backends here hand the work
to django-q2, so one ``qcluster`` (ORM broker, or Redis when ``REDIS_URL`` is
set) runs all of it.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from wagtail_localize.tasks import BaseJobBackend

from django_q.tasks import async_task
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskContext, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


def run_django_task(task_path: str, result_id: str, args: list, kwargs: dict) -> Any:
    """Run a django-tasks ``Task`` inside a django-q2 worker.

    ``task_path`` is the dotted path of the module-level name that holds the
    ``Task`` object (what ``@task`` returns).
    """
    task: Task = import_string(task_path)
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


class DjangoQ2TaskBackend(BaseTaskBackend):
    """A django-tasks backend that enqueues each task on django-q2.

    Tasks are sent once the surrounding transaction commits, so a worker never
    looks for a row that is not visible yet.
    """

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_path = f"{task.func.__module__}.{task.func.__name__}"
        transaction.on_commit(
            lambda: async_task(
                run_django_task,
                task_path,
                result.id,
                result.args,
                result.kwargs,
                task_name=f"{task_path}:{result.id}",
            )
        )
        return result


class DjangoQ2JobBackend(BaseJobBackend):
    """wagtail-localize's job backend, on django-q2."""

    def enqueue(self, func, args, kwargs):
        transaction.on_commit(lambda: async_task(func, *args, **kwargs))
