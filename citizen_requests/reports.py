"""Figures about requests: the dashboard, the annual summary, the exports and their charts.

The Access to Information Law asks a holder to keep records of requests and analyse them; these
functions give the figures the Heads and the request officers read in the admin
(``citizen_requests.admin.reports``) and export. Nothing here contains a requester's personal
data: a report shows numbers, kinds, dates, units and executors.

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

import csv
import datetime
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Avg, Case, Count, DateField, F, Q, When
from django.db.models.functions import Coalesce, ExtractMonth, TruncDate
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agency.calendar import LOCAL_TZ, WorkingCalendar
from agency.spreadsheets import safe_cell

from .deadlines import RequestCalendar
from .kinds import Channel, RefusalGround, RequesterType, RequestKind, Status
from .models import CitizenRequest

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
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)


# Charts ------------------------------------------------------------------------------------------

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 250
BAR_AREA = 360
VALUE_WIDTH = 60
TOP = 8


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int


@dataclass
class BarChart:
    """A horizontal bar chart, drawn as SVG by ``citizen_requests/reports/bar_chart.html``.

    The SVG is one image to assistive technology (``role="img"`` with a title and a
    description that reads out every value); the same figures are in a table beside it.
    """

    id: str
    title: str
    bars: list[Bar]
    width: int = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.value}" for bar in self.bars)

    @property
    def value_x(self) -> int:
        return self.label_width + 6


def bar_chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> BarChart:
    """Lay out ``items`` (label, value) as bars scaled to the largest value."""
    largest = max((value for _label, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = TOP + index * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            Bar(
                label=label,
                value=value,
                y=y,
                width=round(BAR_AREA * value / largest),
                text_y=y + round(BAR_HEIGHT * 0.7),
            )
        )
    height = TOP * 2 + len(items) * (BAR_HEIGHT + BAR_GAP)
    return BarChart(id=chart_id, title=title, bars=bars, height=height)


def dashboard_charts(data: Figures) -> list[BarChart]:
    return [
        bar_chart("chart-kind", _("Requests by kind"), labelled(data.by_kind, RequestKind)),
        bar_chart("chart-status", _("Requests by status"), labelled(data.by_status, Status)),
        bar_chart(
            "chart-month",
            _("Requests by month of receipt"),
            [(month_name(month), count) for month, count in data.by_month.items()],
        ),
    ]


# Exports -----------------------------------------------------------------------------------------

REGISTER_COLUMNS = [
    ("number", gettext_lazy("Registration number")),
    ("kind", gettext_lazy("Kind")),
    ("status", gettext_lazy("Status")),
    ("language", gettext_lazy("Language")),
    ("requester_type", gettext_lazy("Requester")),
    ("channel", gettext_lazy("Answer channel")),
    ("received", gettext_lazy("Received")),
    ("registered_on", gettext_lazy("Registered on")),
    ("answer_due", gettext_lazy("Answer due")),
    ("original_answer_due", gettext_lazy("Answer due before extension")),
    ("outcome_on", gettext_lazy("Outcome on")),
    ("on_time", gettext_lazy("On time")),
    ("days_to_answer", gettext_lazy("Days to answer")),
    ("refusal_ground", gettext_lazy("Refusal ground")),
    ("unit", gettext_lazy("Unit")),
    ("executor", gettext_lazy("Executor")),
]


def register_rows(queryset, today: datetime.date | None = None):
    """One row per request, in the order of :data:`REGISTER_COLUMNS`; no personal data.

    Values are dates, numbers and strings, ready for CSV or XLSX. A generator, so a big year
    is not held in memory twice.
    """
    today = today or timezone.localdate()
    # Labels translated once, not once per row.
    kinds, statuses = _labels(RequestKind), _labels(Status)
    requesters, channels, grounds = _labels(RequesterType), _labels(Channel), _labels(RefusalGround)
    yes, no = _("yes"), _("no")
    closed = set(Status.closed())
    rows = (
        with_outcome(queryset)
        .order_by("received_at", "pk")
        .values_list(
            "number",
            "kind",
            "status",
            "language",
            "requester_type",
            "channel",
            "received_at",
            "registered_on",
            "answer_due",
            "original_answer_due",
            "outcome_on",
            "outcome_due",
            "answered_at",
            "refusal_ground",
            "unit__name",
            "executor__username",
            "executor__first_name",
            "executor__last_name",
        )
    )
    for (
        number,
        kind,
        status,
        language,
        requester_type,
        channel,
        received_at,
        registered_on,
        answer_due,
        original_answer_due,
        outcome_date,
        outcome_due_date,
        answered_at,
        refusal_ground,
        unit,
        username,
        first_name,
        last_name,
    ) in rows.iterator(chunk_size=2000):
        received_local = timezone.localtime(received_at, LOCAL_TZ)
        if outcome_date is not None:
            on_time = yes if outcome_date <= outcome_due_date else no
        elif status not in closed and answer_due < today:
            on_time = no
        else:
            on_time = ""
        days = (
            (timezone.localtime(answered_at, LOCAL_TZ).date() - received_local.date()).days
            if answered_at and status == Status.ANSWERED
            else None
        )
        yield [
            number,
            kinds.get(kind, kind),
            statuses.get(status, status),
            language,
            requesters.get(requester_type, requester_type),
            channels.get(channel, channel),
            received_local.replace(tzinfo=None, microsecond=0),
            registered_on,
            answer_due,
            original_answer_due,
            outcome_date,
            on_time,
            days,
            grounds.get(refusal_ground, refusal_ground),
            unit or "",
            " ".join(part for part in (first_name, last_name) if part) or username or "",
        ]


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def register_header() -> list[str]:
    return [str(label) for _key, label in REGISTER_COLUMNS]


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_cell(value)


def register_csv(queryset, today=None):
    """The register as CSV text chunks (UTF-8 with a BOM, so spreadsheets read Cyrillic).

    The chunks are made in the language active now: a streaming response is read after its
    view has returned, when the admin's language is no longer active.
    """
    return _in_language(_register_csv_chunks(queryset, today), translation.get_language())


def _in_language(chunks, language: str | None):
    """``chunks``, each one made with ``language`` active, and only while it is made."""
    iterator = iter(chunks)
    while True:
        with translation.override(language):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


def _register_csv_chunks(queryset, today=None):
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff"
    writer.writerow(register_header())
    for index, row in enumerate(register_rows(queryset, today)):
        writer.writerow([_csv_value(value) for value in row])
        if index % 500 == 0:
            yield flush()
    yield flush()


def _xlsx_sheet(workbook, title: str, header: list[str], rows, widths=None):
    """A write-only sheet: a bold header row, then plain values (openpyxl formats dates)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    bold = Font(bold=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    return sheet


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def register_xlsx(queryset, today=None, *, title: str = "") -> bytes:
    """The register as an XLSX workbook."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    _xlsx_sheet(
        workbook,
        title or _("Register"),
        register_header(),
        register_rows(queryset, today),
        widths=[18, 28, 18, 8, 16, 14, 17, 12, 12, 12, 12, 8, 8, 30, 24, 24],
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def summary_tables(summary: AnnualSummary) -> list[tuple[str, list[str], list[list]]]:
    """The annual summary as ``(title, header, rows)`` tables, for the screen and the exports."""
    kinds = dict(RequestKind.choices)
    per_kind_rows = []
    for kind, data in [*summary.per_kind.items(), ("", summary.overall)]:
        per_kind_rows.append(
            [
                str(kinds[kind]) if kind else _("All kinds"),
                data.total,
                data.by_status[Status.ANSWERED],
                data.by_status[Status.REFUSED],
                data.by_status[Status.FORWARDED],
                data.total - sum(data.by_status[s] for s in Status.closed()),
                data.extended,
                data.on_time,
                data.late,
                data.on_time_percent,
                data.average_days_display,
            ]
        )
    per_kind_header = [
        _("Kind"),
        _("Received"),
        _("Answered"),
        _("Refused"),
        _("Forwarded"),
        _("Open"),
        _("Extended"),
        _("On time"),
        _("Late"),
        _("On-time rate"),
        _("Average days to answer"),
    ]
    month_header = [_("Month"), *(str(kinds[k]) for k in RequestKind.values), _("Total")]
    month_rows = [
        [month_name(month), *counts.values(), sum(counts.values())]
        for month, counts in summary.by_month_and_kind.items()
    ]
    grounds = dict(RefusalGround.choices)
    ground_rows = [[str(grounds[g]), n] for g, n in summary.refusal_grounds.items()]
    breakdown_rows = (
        [[_("Language"), language_label(code), n] for code, n in summary.by_language.items()]
        + [[_("Requester"), label, n] for label, n in labelled(summary.by_requester, RequesterType)]
        + [[_("Answer channel"), label, n] for label, n in labelled(summary.by_channel, Channel)]
    )
    return [
        (_("By kind"), per_kind_header, per_kind_rows),
        (_("By month of receipt"), month_header, month_rows),
        (_("Refusal grounds"), [_("Ground"), _("Refusals")], ground_rows),
        (_("Breakdown"), [_("By"), _("Value"), _("Requests")], breakdown_rows),
    ]


def summary_xlsx(summary: AnnualSummary) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, header, rows in summary_tables(summary):
        _xlsx_sheet(workbook, title, header, rows, widths=[40] + [14] * (len(header) - 1))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def summary_csv(summary: AnnualSummary) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for title, header, rows in summary_tables(summary):
        writer.writerow([title])
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_value(value) for value in row])
        writer.writerow([])
    return buffer.getvalue()
