"""The kernel's django-q2 jobs: delivering the outbox."""

from . import outbox
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
