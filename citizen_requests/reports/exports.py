"""The request reports as files: the register of a year and the annual summary, CSV and XLSX.

The register has one row per request and no personal data (see :data:`REGISTER_COLUMNS`); the
annual summary has the tables of :func:`summary_tables`, the same on the screen. Cells go
through :func:`agency.spreadsheets.safe_cell`, so no text runs as a spreadsheet formula.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agency import spreadsheets
from agency.calendar import LOCAL_TZ

from ..kinds import Channel, RefusalGround, RequesterType, RequestKind, Status
from .figures import AnnualSummary, labelled, language_label, month_name, with_outcome

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


def register_csv(queryset, today=None):
    """The register as CSV text chunks, for a streaming response.

    The chunks are made in the language active now: a streaming response is read after its
    view has returned, when the admin's language is no longer active.
    """
    chunks = spreadsheets.csv_chunks(register_header(), register_rows(queryset, today))
    return spreadsheets.in_language(chunks, translation.get_language())


def register_xlsx(queryset, today=None, *, title: str = "") -> bytes:
    """The register as an XLSX workbook."""
    book = spreadsheets.workbook()
    spreadsheets.xlsx_sheet(
        book,
        title or _("Register"),
        register_header(),
        register_rows(queryset, today),
        widths=[18, 28, 18, 8, 16, 14, 17, 12, 12, 12, 12, 8, 8, 30, 24, 24],
    )
    return spreadsheets.xlsx_bytes(book)


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
                data.signed,
                data.unsigned,
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
        _("Signed with ЭЦП"),
        _("Not signed"),
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
    book = spreadsheets.workbook()
    for title, header, rows in summary_tables(summary):
        spreadsheets.xlsx_sheet(book, title, header, rows, widths=[40] + [14] * (len(header) - 1))
    return spreadsheets.xlsx_bytes(book)


def summary_csv(summary: AnnualSummary) -> str:
    return spreadsheets.csv_tables(summary_tables(summary))
