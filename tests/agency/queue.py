"""Run queued jobs as django-q2 runs them: off the configured broker, through its worker.

The broker is the ORM broker on SQLite and Redis when ``REDIS_URL`` is set; the ``broker``
fixture in ``tests/conftest.py`` gives it empty. Only the process boundary is left out.
"""

from multiprocessing import Queue, Value

import redis
from django_q.brokers import redis_broker
from django_q.monitor import monitor
from django_q.signing import SignedPackage
from django_q.worker import worker


def waiting_jobs(broker) -> list[dict]:
    """Take every job off the broker, as django-q2's pusher does, and unpack it."""
    jobs = []
    # Redis's pop waits a second on an empty list: ask for the size first.
    while broker.queue_size() and (task_set := broker.dequeue()):
        for ack_id, payload in task_set:
            job = SignedPackage.loads(payload)
            job["ack_id"] = ack_id
            jobs.append(job)
    return jobs


def run_in_worker(broker, jobs: list[dict]) -> None:
    """Run jobs through django-q2's worker and monitor, in this process.

    ``sync`` is django-q2's own in-process flag: the worker keeps this test's
    database connection (and transaction) instead of closing it.
    """
    task_queue, result_queue = Queue(), Queue()
    for job in jobs:
        task_queue.put({**job, "sync": True})
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    result_queue.put("STOP")
    monitor(result_queue, broker=broker)
    for queue in (task_queue, result_queue):
        queue.close()
        queue.join_thread()


#: Runs of :func:`record_run`, by label: the worker runs in this process.
RUNS: list[str] = []


def record_run(label: str) -> str:
    """A job for the tests of the job outbox: notes that it ran."""
    RUNS.append(label)
    return label


def fail_run(label: str) -> None:
    """A job for the tests of the job outbox that fails."""
    raise RuntimeError(f"{label} failed")


#: Nothing listens here: a broker pointed at it is down, a real connection failure.
DEAD_REDIS = "redis://127.0.0.1:6390/0"


class DeadRedis(redis_broker.Redis):
    """django-q2's Redis broker, connected to a port where no Redis runs."""

    @staticmethod
    def get_connection(list_key=None):
        return redis.Redis.from_url(DEAD_REDIS, socket_connect_timeout=1)
