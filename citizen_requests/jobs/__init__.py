"""The requests' background jobs, run daily by django-q2 on the schedules their migrations create.

* :func:`remind_executors` and :func:`escalate_overdue` (:mod:`.reminders`): due dates coming
  and passed;
* :func:`send_daily_digest` (:mod:`.digest`): the Heads' view of the register;
* :func:`anonymise_closed_cases` (:mod:`.anonymisation`): personal data removed from old cases.

A schedule names its function here, ``citizen_requests.jobs.<function>``: the path stays the
same wherever the function's module moves inside the package. The functions here run at most
once per day (:func:`agency.daily.once_a_day`); the modules' own functions are the unguarded
work, each also safe to repeat (what was sent or removed is recorded).
"""

from agency.daily import once_a_day

from . import anonymisation, digest, reminders

remind_executors = once_a_day("citizen_requests: remind_executors")(reminders.remind_executors)
escalate_overdue = once_a_day("citizen_requests: escalate_overdue")(reminders.escalate_overdue)
send_daily_digest = once_a_day("citizen_requests: send_daily_digest")(digest.send_daily_digest)
anonymise_closed_cases = once_a_day("citizen_requests: anonymise_closed_cases")(
    anonymisation.anonymise_closed_cases
)

__all__ = [
    "anonymise_closed_cases",
    "escalate_overdue",
    "remind_executors",
    "send_daily_digest",
]
