"""The deadline engine: working days in Kazakhstan and the legal clocks of each kind of request.

The clocks are the law's: Access to Information Law Art. 11 p.10–11 and p.16–17 (information
requests), Mass Media Law Art. 35 p.3–4 and Art. 36 p.1 (clarifications of official messages
and media requests) and Administrative Procedural Code Art. 64, 65 and 76 (appeals);
:data:`DEFAULT_CLOCKS` gives each with its article. All dates are local dates in Asia/Almaty,
counted so:

* a working day is Monday to Friday, minus the Kazakh public holidays of the ``holidays``
  package with their observed days (and plus the weekend working days it knows); a
  :class:`~agency.models.CalendarDay` row, entered by administrators from the government's
  transfer decree, wins over that rule;
* a period starts on the day after its starting event: N calendar days end on start + N, and N
  working days end on the N-th working day after the start; the due date is the last day an
  action is on time;
* a calendar-day deadline that falls on a non-working day stays there (the Access to
  Information Law does not move it), unless ``RequestSettings.move_calendar_deadlines`` (or
  ``move=True``) moves it to the next working day;
* the receipt date is the local date of submission; registration is on the day of receipt if
  that is a working day, otherwise on the next working day (Administrative Procedural Code
  Art. 64 p.3, applied to every kind).

The per-kind clocks are defaults from the law, overridable by the ``CITIZEN_REQUESTS_CLOCKS``
setting (see :func:`clock`). Every function reads the transfers from the database once per call;
pass ``calendar=WorkingCalendar.load()`` to reuse one snapshot across many calls.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from agency.calendar import WorkingCalendar, as_date, local_date

from .kinds import RequestKind
from .models import RequestEvent, RequestSettings

CALENDAR_DAYS = "calendar"
WORKING_DAYS = "working"
FROM_RECEIPT = "receipt"
FROM_REGISTRATION = "registration"

# ---------------------------------------------------------------------------------------------
# Working days


class RequestCalendar(WorkingCalendar):
    """The working calendar, with the request settings' rule for calendar-day deadlines."""

    @property
    def move_calendar_deadlines(self) -> bool:
        if self._move is None:
            self._move = bool(RequestSettings.load().move_calendar_deadlines)
        return self._move


def period_end(
    calendar: WorkingCalendar,
    period: Period,
    *,
    received_on: datetime.date,
    registered_on: datetime.date,
) -> datetime.date:
    """The last day of ``period`` on ``calendar``, counted from receipt or registration."""
    start = received_on if period.start == FROM_RECEIPT else registered_on
    if period.unit == WORKING_DAYS:
        return calendar.add_working_days(start, period.days)
    return calendar.add_calendar_days(start, period.days)


def _calendar_or_load(calendar: WorkingCalendar | None) -> WorkingCalendar:
    return calendar if calendar is not None else RequestCalendar.load()


def is_working_day(day: datetime.date, *, calendar: WorkingCalendar | None = None) -> bool:
    """Monday to Friday minus the public holidays (observed); transfer rows win."""
    return _calendar_or_load(calendar).is_working_day(day)


def next_working_day(day: datetime.date, *, calendar: WorkingCalendar | None = None):
    """The first working day strictly after ``day``."""
    return _calendar_or_load(calendar).next_working_day(day)


def add_working_days(start: datetime.date, n: int, *, calendar: WorkingCalendar | None = None):
    """The ``n``-th working day after ``start`` (``start`` itself for ``n == 0``)."""
    return _calendar_or_load(calendar).add_working_days(start, n)


def subtract_working_days(end: datetime.date, n: int, *, calendar: WorkingCalendar | None = None):
    """The working day ``n`` working days before ``end`` (for reminders before a due date)."""
    return _calendar_or_load(calendar).subtract_working_days(end, n)


def add_calendar_days(
    start: datetime.date, n: int, *, move=None, calendar: WorkingCalendar | None = None
) -> datetime.date:
    """``start + n``; if ``move`` (default: ``RequestSettings.move_calendar_deadlines``) and
    that day is not a working day, the next working day."""
    return _calendar_or_load(calendar).add_calendar_days(start, n, move=move)


def working_days_between(a, b, *, calendar: WorkingCalendar | None = None) -> int:
    """Working days ``d`` with ``a < d <= b``."""
    return _calendar_or_load(calendar).working_days_between(a, b)


# ---------------------------------------------------------------------------------------------
# Clocks


@dataclass(frozen=True)
class Period:
    """``days`` calendar or working days, counted from the day after receipt or registration."""

    days: int
    unit: str = WORKING_DAYS
    start: str = FROM_RECEIPT

    def __post_init__(self):
        if self.unit not in (CALENDAR_DAYS, WORKING_DAYS):
            raise ImproperlyConfigured(f"Period unit must be calendar or working: {self.unit!r}")
        if self.start not in (FROM_RECEIPT, FROM_REGISTRATION):
            raise ImproperlyConfigured(
                f"Period start must be receipt or registration: {self.start!r}"
            )
        if not isinstance(self.days, int) or self.days < 0:
            raise ImproperlyConfigured(f"Period days must be a whole number ≥ 0: {self.days!r}")


@dataclass(frozen=True)
class Extension:
    """How far the answer may be extended, and how soon the requester must be told.

    ``max_count`` extensions (``None``: any number), each adding at most ``max_days`` calendar
    days to the current due date, and in total not beyond ``max_total_months`` from receipt.
    ``condition`` is the legal condition the reason must meet (shown to the officer);
    ``reason_required`` asks the officer for a written reason.
    """

    max_count: int | None = 1
    max_days: int | None = 15
    max_total_months: int | None = None
    reason_required: bool = True
    condition: str = ""
    notice_working_days: int = 3


@dataclass(frozen=True)
class Clock:
    """The clocks of one kind of request. ``None`` where the law sets no such clock."""

    kind: str
    answer: Period
    forward: Period | None = None
    refusal: Period | None = None
    extension: Extension | None = None


SEVERAL_HOLDERS = _(
    "The information is within the competence of several holders and information from the "
    "other holders is needed."
)
FURTHER_STUDY = _("Additional study or verification is needed.")

DEFAULT_CLOCKS = {
    # Access to Information Law Art. 11 p.10, p.11, p.16-17.
    RequestKind.INFORMATION: Clock(
        kind=RequestKind.INFORMATION,
        answer=Period(15, CALENDAR_DAYS, FROM_RECEIPT),
        forward=Period(3, WORKING_DAYS, FROM_RECEIPT),
        refusal=Period(5, WORKING_DAYS, FROM_REGISTRATION),
        extension=Extension(
            max_count=1, max_days=15, condition=SEVERAL_HOLDERS, notice_working_days=3
        ),
    ),
    # Mass Media Law Art. 36 p.1.
    RequestKind.MEDIA: Clock(
        kind=RequestKind.MEDIA,
        answer=Period(5, WORKING_DAYS, FROM_RECEIPT),
        extension=Extension(
            max_count=1, max_days=15, condition=SEVERAL_HOLDERS, notice_working_days=2
        ),
    ),
    # Mass Media Law Art. 35 p.3-4.
    RequestKind.CLARIFICATION: Clock(
        kind=RequestKind.CLARIFICATION,
        answer=Period(2, WORKING_DAYS, FROM_REGISTRATION),
        forward=Period(2, WORKING_DAYS, FROM_REGISTRATION),
        extension=Extension(
            max_count=1, max_days=15, condition=FURTHER_STUDY, notice_working_days=2
        ),
    ),
    # Administrative Procedural Code Art. 64, 65, 76.
    RequestKind.APPEAL: Clock(
        kind=RequestKind.APPEAL,
        answer=Period(15, WORKING_DAYS, FROM_RECEIPT),
        forward=Period(3, WORKING_DAYS, FROM_RECEIPT),
        extension=Extension(
            max_count=None, max_days=None, max_total_months=2, notice_working_days=3
        ),
    ),
}


def _override_period(current: Period | None, value) -> Period | None:
    if value is None:
        return None
    if isinstance(value, Period):
        return value
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"A clock period must be a dict or None, not {value!r}")
    base = current or Period(0)
    return replace(base, **value)


def clock(kind: str) -> Clock:
    """The clocks of ``kind``: the legal defaults, with ``CITIZEN_REQUESTS_CLOCKS`` applied.

    The setting maps a kind to the parts it changes, for example::

        CITIZEN_REQUESTS_CLOCKS = {
            "information": {"answer": {"days": 10}, "forward": None},
            "appeal": {"extension": {"max_total_months": 1}},
        }

    ``answer``/``forward``/``refusal`` take ``days``, ``unit`` (``"calendar"``/``"working"``)
    and ``start`` (``"receipt"``/``"registration"``); ``None`` removes a clock (not ``answer``).
    ``extension`` takes the fields of :class:`Extension`, or ``None``.
    """
    try:
        base = DEFAULT_CLOCKS[RequestKind(kind)]
    except ValueError:
        raise ValueError(f"Unknown kind of request: {kind!r}") from None
    overrides = (getattr(settings, "CITIZEN_REQUESTS_CLOCKS", None) or {}).get(str(kind))
    if not overrides:
        return base
    unknown = set(overrides) - {"answer", "forward", "refusal", "extension"}
    if unknown:
        raise ImproperlyConfigured(f"CITIZEN_REQUESTS_CLOCKS[{kind!r}]: unknown keys {unknown}")
    changes = {}
    for name in ("answer", "forward", "refusal"):
        if name in overrides:
            changes[name] = _override_period(getattr(base, name), overrides[name])
    if "answer" in changes and changes["answer"] is None:
        raise ImproperlyConfigured(f"CITIZEN_REQUESTS_CLOCKS[{kind!r}]: answer cannot be None")
    if "extension" in overrides:
        value = overrides["extension"]
        if value is None or isinstance(value, Extension):
            changes["extension"] = value
        else:
            changes["extension"] = replace(base.extension or Extension(), **value)
    return replace(base, **changes)


@dataclass(frozen=True)
class Deadlines:
    """A request's dates: registration and the last day each action is on time."""

    registered_on: datetime.date
    answer_due: datetime.date
    forward_due: datetime.date | None
    refusal_due: datetime.date | None

    def as_json(self) -> dict[str, str | None]:
        return {
            "registered_on": self.registered_on.isoformat(),
            "answer_due": self.answer_due.isoformat(),
            "forward_due": self.forward_due.isoformat() if self.forward_due else None,
            "refusal_due": self.refusal_due.isoformat() if self.refusal_due else None,
        }


def compute(
    kind: str, received_at: datetime.datetime, *, calendar: WorkingCalendar | None = None
) -> Deadlines:
    """The deadlines of a request of ``kind`` received at ``received_at`` (aware, or naive
    Almaty time; a ``date`` is taken as the receipt date)."""
    cal = _calendar_or_load(calendar)
    kind_clock = clock(kind)
    received_on = as_date(received_at)
    registered_on = cal.registration_date(received_on)

    def end(period):
        if period is None:
            return None
        return period_end(cal, period, received_on=received_on, registered_on=registered_on)

    return Deadlines(
        registered_on=registered_on,
        answer_due=end(kind_clock.answer),
        forward_due=end(kind_clock.forward),
        refusal_due=end(kind_clock.refusal),
    )


def extension_count(citizen_request) -> int:
    """How many times the request's answer was extended (its EXTENDED timeline events)."""
    if citizen_request.pk is None:
        return 1 if citizen_request.extended_at else 0
    count = citizen_request.events.filter(action=RequestEvent.Action.EXTENDED).count()
    # A case extended before its events were written still counts once.
    return max(count, 1 if citizen_request.extended_at else 0)


def extension_limit(
    citizen_request, *, calendar: WorkingCalendar | None = None
) -> datetime.date | None:
    """The latest new due date an extension of ``citizen_request`` may set, or ``None`` if its
    answer may not be extended (no extension clock, closed, extended the allowed number of
    times, or already at the total limit)."""
    if not citizen_request.is_open:
        return None
    ext = clock(citizen_request.kind).extension
    if ext is None:
        return None
    if ext.max_count is not None and extension_count(citizen_request) >= ext.max_count:
        return None
    cal = _calendar_or_load(calendar)
    limits = []
    if ext.max_days is not None:
        limits.append(cal.add_calendar_days(citizen_request.answer_due, ext.max_days))
    if ext.max_total_months is not None:
        received_on = local_date(citizen_request.received_at)
        limits.append(cal.add_months(received_on, ext.max_total_months))
    if not limits:
        return None
    limit = min(limits)
    return limit if limit > citizen_request.answer_due else None


def extension_notice_due(
    kind: str, extended_on: datetime.date, *, calendar: WorkingCalendar | None = None
) -> datetime.date:
    """The last day to tell the requester about an extension made on ``extended_on``."""
    ext = clock(kind).extension
    if ext is None:
        raise ValueError(f"Requests of kind {kind!r} cannot be extended.")
    return _calendar_or_load(calendar).add_working_days(extended_on, ext.notice_working_days)
