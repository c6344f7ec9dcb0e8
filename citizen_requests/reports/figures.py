"""The figures of the request reports: counts, timeliness, the annual summary, the overdue list.

A holder of information keeps records of requests, summarises and analyses them (Access to
Information Law Art. 9 p.2(6)); these are the figures the Heads and the request officers read in
the admin and export. Nothing here contains a requester's personal data: a figure is a number of
requests by kind, status, month, unit or executor.

Definitions (the same on the screen and in the exports):

* A request belongs to the year and month of its receipt (local date, Asia/Almaty).
* Its **outcome** is its answer, refusal or forwarding; the outcome is **on time** when its
  local date is no later than the due date of that outcome: ``refusal_due`` for a refusal and
  ``forward_due`` for a forwarding where the kind has that clock, else ``answer_due`` (which an
  extension may have moved).
* The **on-time rate** is the share of on-time outcomes among the requests whose timeliness is
  settled: those with an outcome, and open ones already past their due date (late whatever
  happens next).
* **Days to answer** are calendar days from the local date of receipt to that of the answer.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Case, Count, DateField, F, Q, When
from django.db.models.functions import Coalesce, ExtractMonth, TruncDate
from django.utils import timezone
from django.utils.formats import date_format

from agency.calendar import LOCAL_TZ, WorkingCalendar

from ..deadlines import RequestCalendar
from ..kinds import RefusalGround, RequestKind, Signature, Status
from ..models import CitizenRequest

MONTHS = range(1, 13)
OVERDUE_LIST_LIMIT = 100


# Selection ---------------------------------------------------------------------------------------


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of ``year`` and of the next year, in Asia/Almaty."""
    start = datetime.datetime(year, 1, 1, tzinfo=LOCAL_TZ)
    return start, start.replace(year=year + 1)


def received_in(year: int, kind: str | None = None):
    """Requests received in ``year`` (local time), optionally of one kind."""
    start, end = year_bounds(year)
    queryset = CitizenRequest.objects.filter(received_at__gte=start, received_at__lt=end)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def available_years(today: datetime.date | None = None) -> list[int]:
    """Every year from the first request received to this one, newest first."""
    this_year = (today or timezone.localdate()).year
    first = CitizenRequest.objects.order_by("received_at").values_list("received_at", flat=True)
    first = first.first()
    first_year = timezone.localtime(first, LOCAL_TZ).year if first else this_year
    return list(range(this_year, min(first_year, this_year) - 1, -1))


def with_outcome(queryset):
    """Annotate ``outcome_on`` (local date of the outcome) and ``outcome_due`` (its due date)."""
    outcome_at = Case(
        When(status=Status.ANSWERED, then=Coalesce("answered_at", "closed_at")),
        When(status=Status.REFUSED, then=Coalesce("refused_at", "closed_at")),
        When(status=Status.FORWARDED, then=Coalesce("forwarded_at", "closed_at")),
        default=None,
    )
    outcome_due = Case(
        When(status=Status.REFUSED, refusal_due__isnull=False, then=F("refusal_due")),
        When(status=Status.FORWARDED, forward_due__isnull=False, then=F("forward_due")),
        default=F("answer_due"),
        output_field=DateField(),
    )
    return queryset.annotate(
        outcome_on=TruncDate(outcome_at, tzinfo=LOCAL_TZ), outcome_due=outcome_due
    )


ON_TIME = Q(outcome_on__isnull=False, outcome_on__lte=F("outcome_due"))
LATE_CLOSED = Q(outcome_on__isnull=False, outcome_on__gt=F("outcome_due"))


def _late_open(today):
    return Q(outcome_on__isnull=True, answer_due__lt=today) & ~Q(status__in=Status.closed())


# Figures -----------------------------------------------------------------------------------------


@dataclass
class Figures:
    """The figures of one selection of requests."""

    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_month: dict[int, int] = field(default_factory=dict)
    on_time: int = 0
    late: int = 0
    open_overdue: int = 0
    extended: int = 0
    answered: int = 0
    #: Filed through the site with an ЭЦП, and without one (AIL Art. 11 p.5).
    signed: int = 0
    unsigned: int = 0
    average_days_to_answer: float | None = None

    @property
    def settled(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> float | None:
        """Share of on-time outcomes, 0–1; None when nothing is settled yet."""
        return self.on_time / self.settled if self.settled else None

    @property
    def on_time_percent(self) -> str:
        rate = self.on_time_rate
        return "—" if rate is None else f"{rate * 100:.1f} %"

    @property
    def average_days_display(self) -> str:
        days = self.average_days_to_answer
        return "—" if days is None else f"{days:.1f}"


def _aggregates(today: datetime.date) -> dict:
    """Every figure of :class:`Figures` as one conditional aggregate each (one table scan)."""
    answered = Q(status=Status.ANSWERED, answered_at__isnull=False)
    days = TruncDate("answered_at", tzinfo=LOCAL_TZ) - TruncDate("received_at", tzinfo=LOCAL_TZ)
    return {
        "total": Count("pk"),
        "on_time": Count("pk", filter=ON_TIME),
        "late_closed": Count("pk", filter=LATE_CLOSED),
        "open_overdue": Count("pk", filter=_late_open(today)),
        "extended": Count("pk", filter=Q(extended_at__isnull=False)),
        "answered": Count("pk", filter=answered),
        "signed": Count("pk", filter=Q(signature=Signature.SIGNED)),
        "unsigned": Count("pk", filter=Q(signature__in=[Signature.UNSIGNED, Signature.FLAGGED])),
        "average_days": Avg(days, filter=answered),
        **{f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in RequestKind.values},
        **{f"status_{status}": Count("pk", filter=Q(status=status)) for status in Status.values},
        **{f"month_{month}": Count("pk", filter=Q(month=month)) for month in MONTHS},
    }


def _figures(row: dict) -> Figures:
    average = row["average_days"]
    if isinstance(average, datetime.timedelta):
        average = average.total_seconds() / 86400
    return Figures(
        total=row["total"],
        by_kind={kind: row[f"kind_{kind}"] for kind in RequestKind.values},
        by_status={status: row[f"status_{status}"] for status in Status.values},
        by_month={month: row[f"month_{month}"] for month in MONTHS},
        on_time=row["on_time"],
        late=row["late_closed"] + row["open_overdue"],
        open_overdue=row["open_overdue"],
        extended=row["extended"],
        answered=row["answered"],
        signed=row["signed"],
        unsigned=row["unsigned"],
        average_days_to_answer=average if row["answered"] else None,
    )


def _prepared(queryset):
    return with_outcome(queryset).annotate(month=ExtractMonth("received_at", tzinfo=LOCAL_TZ))


def figures(queryset, today: datetime.date | None = None) -> Figures:
    """Count ``queryset`` by kind, status and month of receipt, and measure its timeliness."""
    today = today or timezone.localdate()
    return _figures(_prepared(queryset).aggregate(**_aggregates(today)))


def figures_by_kind(queryset, today: datetime.date | None = None) -> dict[str, Figures]:
    """:func:`figures` for each kind, from one grouped query."""
    today = today or timezone.localdate()
    rows = {
        row["kind"]: row
        for row in _prepared(queryset).values("kind").annotate(**_aggregates(today)).order_by()
    }
    empty = dict.fromkeys(_aggregates(today), 0) | {"average_days": None}
    return {kind: _figures(rows.get(kind, empty)) for kind in RequestKind.values}


def combined(parts: list[Figures]) -> Figures:
    """The figures of the union of disjoint selections (the kinds of one year)."""

    def total(name):
        return sum(getattr(part, name) for part in parts)

    def summed(name):
        keys = getattr(parts[0], name).keys()
        return {key: sum(getattr(part, name)[key] for part in parts) for key in keys}

    answered = total("answered")
    weighted = sum(part.average_days_to_answer * part.answered for part in parts if part.answered)
    return Figures(
        total=total("total"),
        by_kind=summed("by_kind"),
        by_status=summed("by_status"),
        by_month=summed("by_month"),
        on_time=total("on_time"),
        late=total("late"),
        open_overdue=total("open_overdue"),
        extended=total("extended"),
        answered=answered,
        signed=total("signed"),
        unsigned=total("unsigned"),
        average_days_to_answer=weighted / answered if answered else None,
    )


def working_days_since(days, today: datetime.date, calendar: WorkingCalendar) -> dict:
    """``{day: working days d with day < d <= today}`` for each of ``days``, in one pass."""
    if not days:
        return {}
    wanted, counts, running = set(days), {}, 0
    day = today
    earliest = min(wanted)
    while day >= earliest:
        if day in wanted:
            counts[day] = running
        if calendar.is_working_day(day):
            running += 1
        day -= datetime.timedelta(days=1)
    return counts


def overdue_cases(today: datetime.date | None = None, limit: int = OVERDUE_LIST_LIMIT):
    """Open requests past their due date, the longest overdue first, with ``overdue_days``
    (working days past the due date). Returns ``(cases, total)``."""
    today = today or timezone.localdate()
    queryset = (
        CitizenRequest.objects.exclude(status__in=Status.closed())
        .filter(answer_due__lt=today)
        .select_related("unit", "executor")
        .only(
            "pk",
            "number",
            "kind",
            "status",
            "received_at",
            "answer_due",
            "unit__name",
            "executor__username",
            "executor__first_name",
            "executor__last_name",
        )
        .order_by("answer_due", "pk")
    )
    cases = list(queryset[:limit])
    counts = working_days_since({case.answer_due for case in cases}, today, RequestCalendar.load())
    for case in cases:
        case.overdue_days = counts[case.answer_due]
    return cases, queryset.count()


@dataclass
class AnnualSummary:
    """The year's record and analysis: the figures per kind and the breakdowns."""

    year: int
    overall: Figures
    per_kind: dict[str, Figures]
    refusal_grounds: dict[str, int]
    by_language: dict[str, int]
    by_requester: dict[str, int]
    by_channel: dict[str, int]
    by_month_and_kind: dict[int, dict[str, int]]


def annual_summary(year: int, today: datetime.date | None = None) -> AnnualSummary:
    today = today or timezone.localdate()
    queryset = received_in(year)
    per_kind = figures_by_kind(queryset, today)
    grounds = Counter(
        dict(
            queryset.filter(status=Status.REFUSED)
            .exclude(refusal_ground="")
            .values_list("refusal_ground")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )

    def count_by(field_name):
        return dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())

    return AnnualSummary(
        year=year,
        overall=combined(list(per_kind.values())),
        per_kind=per_kind,
        refusal_grounds={g: grounds[g] for g in RefusalGround.values if grounds[g]},
        by_language=count_by("language"),
        by_requester=count_by("requester_type"),
        by_channel=count_by("channel"),
        by_month_and_kind={
            month: {kind: per_kind[kind].by_month[month] for kind in RequestKind.values}
            for month in MONTHS
        },
    )


# Labels ------------------------------------------------------------------------------------------


def month_name(month: int) -> str:
    return date_format(datetime.date(2000, month, 1), "F")


def labelled(counts: dict, choices) -> list[tuple[str, int]]:
    """``[(label, count)]`` in the order of ``choices`` (a TextChoices class)."""
    labels = dict(choices.choices)
    return [(str(labels.get(key, key)), value) for key, value in counts.items()]


def language_label(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)
