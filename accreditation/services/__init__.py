"""What the accreditation officer and the public forms do, as checked and audited functions.

One module per concept: :mod:`.rules` (the accreditation rules, their clocks and checks),
:mod:`.applications` (intakes, applications and the letters to the outlet), :mod:`.decisions`
(approval, refusal, deprivation) and :mod:`.records` (announcements opt-in, audited views of
personal data). Callers use the names below. Numbers come from :mod:`agency.numbering`: the
agency keeps one numbering scheme.
"""

from .applications import (
    ApplicationData,
    JournalistData,
    apply,
    is_overdue,
    open_intake,
    send_acknowledgement,
    send_decision,
)
from .decisions import approve, deprive, refuse
from .records import log_personal_data_view, set_notices_opt_in
from .rules import (
    MANUAL_REFUSAL_GROUNDS,
    MFA_NOTE,
    AccreditationError,
    announced_intake,
    barred_until,
    current_intake,
    event_date,
    intake_closes_on,
    permanent_valid_until,
    review_due,
    rules,
    temporary_deadline,
    temporary_events,
    temporary_open,
)

__all__ = [
    "MANUAL_REFUSAL_GROUNDS",
    "MFA_NOTE",
    "AccreditationError",
    "ApplicationData",
    "JournalistData",
    "announced_intake",
    "apply",
    "approve",
    "barred_until",
    "current_intake",
    "deprive",
    "event_date",
    "intake_closes_on",
    "is_overdue",
    "log_personal_data_view",
    "open_intake",
    "permanent_valid_until",
    "refuse",
    "review_due",
    "rules",
    "send_acknowledgement",
    "send_decision",
    "set_notices_opt_in",
    "temporary_deadline",
    "temporary_events",
    "temporary_open",
]
