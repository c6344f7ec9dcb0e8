"""The accreditation rules, and the clocks and checks that follow from them.

Mass Media Law Art. 28–30 and the Typical Rules (legal-basis §2.5 and §3):

* Permanent accreditation is applied for during an **intake**, which lasts
  ``AccreditationSettings.intake_working_days`` working days after it opens and is announced in
  Kazakh and Russian. It lasts ``permanent_months`` (12) months from the approval.
* Temporary accreditation is for one event; the application must arrive **at least one working
  day before** the event (on the last working day before it at the latest).
* The review is due ``review_working_days`` (3) working days after receipt, or
  ``review_working_days_strategic`` (10) if the agency is a strategic object.
* Foreign media are accredited by the Ministry of Foreign Affairs (Art. 30), so their
  journalists are refused at once with that note.
* A journalist deprived of accreditation cannot be accredited again for ``deprivation_bar_months``
  (6) months; the bar follows the IIN, whichever outlet applies.

Working days come from :mod:`agency.calendar`: the agency keeps one calendar.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agency.calendar import WorkingCalendar, local_date
from press_pages.models import BriefingPage

from ..models import Accreditation, AccreditationSettings, Intake, RefusalGround

#: The note that goes with every refusal of a foreign outlet (Mass Media Law Art. 30).
MFA_NOTE = _(
    "Foreign media and their journalists are accredited by the Ministry of Foreign Affairs of "
    "the Republic of Kazakhstan (Mass Media Law, Art. 30). Please apply to the Ministry."
)

#: Grounds an officer may give when refusing by hand (the automatic ones are set by the system).
MANUAL_REFUSAL_GROUNDS = (
    RefusalGround.COURT_SUSPENSION,
    RefusalGround.DOCUMENTS,
    RefusalGround.NOT_IN_REGISTER,
    RefusalGround.FOREIGN_MEDIA,
    RefusalGround.DEPRIVATION_BAR,
    RefusalGround.TOO_LATE,
)


class AccreditationError(ValidationError):
    """A rule forbids the action; the message is for the user."""


def rules() -> AccreditationSettings:
    return AccreditationSettings.load()


def resolve_now(now=None) -> datetime.datetime:
    """``now`` if a caller gave one (tests, replays), else the current time."""
    return now or timezone.now()


def require(user, *perms: str) -> None:
    """Refuse an officer action to a user without every one of ``perms``."""
    if user is None or not user.is_authenticated or not user.has_perms(perms):
        raise PermissionDenied(gettext("You are not allowed to do this with accreditations."))


def intake_closes_on(opens_on: datetime.date, *, calendar: WorkingCalendar | None = None):
    """The last day of an intake that opens on ``opens_on``: the ``intake_working_days``-th
    working day after it."""
    calendar = calendar or WorkingCalendar.load()
    return calendar.add_working_days(opens_on, rules().intake_working_days)


def review_due(received_on: datetime.date, *, calendar: WorkingCalendar | None = None):
    """3 working days after receipt, or 10 if the agency is a strategic object."""
    calendar = calendar or WorkingCalendar.load()
    config = rules()
    days = (
        config.review_working_days_strategic
        if config.strategic_object
        else config.review_working_days
    )
    return calendar.add_working_days(received_on, days)


def event_date(briefing) -> datetime.date:
    return local_date(briefing.starts_at)


def temporary_deadline(briefing, *, calendar: WorkingCalendar | None = None) -> datetime.date:
    """The last day a temporary application for ``briefing`` may arrive: the last working day
    before the event (so at least one working day is left for the review)."""
    calendar = calendar or WorkingCalendar.load()
    return calendar.subtract_working_days(event_date(briefing), 1)


def temporary_open(briefing, today=None, *, calendar: WorkingCalendar | None = None) -> bool:
    today = today or timezone.localdate()
    if getattr(briefing, "cancelled", False) or not briefing.live:
        return False
    return today <= temporary_deadline(briefing, calendar=calendar)


def temporary_events(locale=None, today=None):
    """Live, not cancelled, future briefings in ``locale`` that still take temporary
    applications, soonest first."""
    today = today or timezone.localdate()
    events = BriefingPage.objects.live().filter(starts_at__gt=timezone.now(), cancelled=False)
    if locale is not None:
        events = events.filter(locale=locale)
    calendar = WorkingCalendar.load()
    return [
        event
        for event in events.order_by("starts_at", "pk")
        if temporary_open(event, today, calendar=calendar)
    ]


def permanent_valid_until(valid_from: datetime.date) -> datetime.date:
    """The last day of a permanent accreditation that starts on ``valid_from`` (12 months)."""
    end = WorkingCalendar(move=False).add_months(valid_from, rules().permanent_months, move=False)
    return end - datetime.timedelta(days=1)


def current_intake(today=None) -> Intake | None:
    today = today or timezone.localdate()
    return (
        Intake.objects.filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("-opens_on", "-pk")
        .first()
    )


def announced_intake(today=None) -> Intake | None:
    """The open intake, else the next one announced, else ``None``."""
    today = today or timezone.localdate()
    return current_intake(today) or (
        Intake.objects.filter(opens_on__gt=today).order_by("opens_on", "pk").first()
    )


def barred_until(iin: str, today=None) -> datetime.date | None:
    """The day until which ``iin`` may not be accredited again after a deprivation, or ``None``."""
    today = today or timezone.localdate()
    if not iin:
        return None
    bar = (
        Accreditation.objects.filter(iin=iin, barred_until__gte=today)
        .order_by("-barred_until")
        .values_list("barred_until", flat=True)
        .first()
    )
    return bar
