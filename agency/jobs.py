"""The kernel's django-q2 jobs: delivering the mail outbox and sending the job outbox on.

Each is harmless to run twice: a message is taken (``claimed_until``) before it is sent and
keeps its ``Message-ID`` if a dead worker's send is tried again, and a job is sent to the
broker again only while its row is waiting, to be run once by :func:`agency.queue.run_queued`.
"""

from . import outbox, queue
from .daily import once_a_day


def deliver_message(pk: int) -> bool:
    """Send outbox row ``pk``, queued after the commit that wrote it."""
    return outbox.deliver(pk)


def deliver_due_mail() -> int:
    """Send what is due and held by no worker (every minute)."""
    return outbox.deliver_due()


@once_a_day("agency: prune sent mail")
def prune_sent_mail() -> int:
    """Remove sent messages past their keeping time (daily)."""
    return outbox.prune_sent()


def push_waiting_jobs() -> int:
    """Send the kept jobs that did not reach the broker (every minute)."""
    return queue.push_waiting()


@once_a_day("agency: prune finished jobs")
def prune_finished_jobs() -> int:
    """Remove jobs that ran, past their keeping time (daily)."""
    return queue.prune_finished()
