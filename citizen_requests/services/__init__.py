"""The case actions, as domain functions the admin views (and anything else) call.

Each action takes ``(citizen_request, user, ...)``, checks the user's permission (raising
``PermissionDenied``), validates the action against the case's state and its legal clocks
(raising ``ValidationError`` with a translated message), writes the change and a
:class:`~citizen_requests.models.RequestEvent` in one transaction, and queues what the
requester must be told through :mod:`citizen_requests.delivery` (sent after the commit).

* :mod:`.access`: who may do what, and the row lock each action takes;
* :mod:`.timeline`: the events of a case;
* :mod:`.assignment`: a unit and an executor for the case, questions to units;
* :mod:`.decisions`: extension, forwarding, refusal;
* :mod:`.answers`: the answer letter, and letters that go by post.
"""

from .access import PERMISSIONS, can, require
from .answers import answer, letters_to_post, mark_posted
from .assignment import answer_subtask, ask_unit, assign, default_subtask_due, eligible_executors
from .decisions import extend, forward, refusal_grounds, refuse
from .timeline import event

__all__ = [
    "PERMISSIONS",
    "answer",
    "answer_subtask",
    "ask_unit",
    "assign",
    "can",
    "default_subtask_due",
    "eligible_executors",
    "event",
    "extend",
    "forward",
    "letters_to_post",
    "mark_posted",
    "refusal_grounds",
    "refuse",
    "require",
]
