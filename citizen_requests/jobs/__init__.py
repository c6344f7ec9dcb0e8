"""The requests' background jobs, run daily by django-q2 on the schedules their migrations create.

* :func:`remind_executors` and :func:`escalate_overdue` (:mod:`.reminders`): due dates coming
  and passed;
* :func:`send_daily_digest` (:mod:`.digest`): the Heads' view of the register;
* :func:`anonymise_closed_cases` (:mod:`.anonymisation`): personal data removed from old cases.

A schedule names its function here, ``citizen_requests.jobs.<function>``: the path stays the
same wherever the function's module moves inside the package.
"""

from .anonymisation import anonymise_closed_cases
from .digest import send_daily_digest
from .reminders import escalate_overdue, remind_executors

__all__ = [
    "anonymise_closed_cases",
    "escalate_overdue",
    "remind_executors",
    "send_daily_digest",
]
