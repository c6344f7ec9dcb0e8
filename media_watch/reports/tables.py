"""The period's figures as labelled tables, in the active language.

One list of sections, :func:`sections`, feeds the PDF, the workbook (a sheet each) and the annual
report's draft page, so every output shows the same rows under the same names. :func:`key_rows`
are the few figures the dashboard panel compares month by month.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from agency.dates import local_day

from ..models import Tone
from .figures import LANGUAGES, PUBLICATION_TYPES, PeriodFigures


@dataclass
class Section:
    """One table: its name, its header and its rows (numbers or short texts)."""

    key: str
    title: str
    header: list[str]
    rows: list[list]


def duration(value: datetime.timedelta | None) -> str:
    """A time to handle for people: days, hours and minutes; a dash when there is none."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(days)d d %(hours)d h %(minutes)d min") % {
            "days": days,
            "hours": hours,
            "minutes": minutes,
        }
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}


def period_label(data: PeriodFigures) -> str:
    """``first – last`` in the active language's date format."""
    return f"{local_day(data.first)} – {local_day(data.last)}"


def publication_labels() -> dict[str, str]:
    return {
        "news": _("News items"),
        "obligatory": _("Obligatory messages (Art. 37)"),
        "faq": _("FAQ answers"),
    }


def language_names() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


def tone_labels() -> dict[str, str]:
    return {tone: str(label) for tone, label in Tone.choices}


def _publications(data: PeriodFigures) -> Section:
    names, labels = language_names(), publication_labels()
    rows = [
        [labels[key], *(data.publications[key].get(code, 0) for code in LANGUAGES)]
        for key in PUBLICATION_TYPES
    ]
    rows = [[*row, sum(row[1:])] for row in rows]
    rows.append([_("Total"), *(sum(row[i] for row in rows) for i in range(1, len(LANGUAGES) + 2))])
    return Section(
        "publications",
        _("Publications"),
        [_("Page type"), *(names.get(code, code) for code in LANGUAGES), _("Total")],
        rows,
    )


def _figure_section(key: str, title: str, rows: list[list]) -> Section:
    return Section(key, title, [_("Figure"), _("Value")], rows)


def sections(data: PeriodFigures) -> list[Section]:
    """Every table of the report, in the active language."""
    requests = data.requests
    tones = tone_labels()
    return [
        _publications(data),
        _figure_section(
            "events",
            _("Briefings and accreditation"),
            [
                [_("Briefings held"), data.briefings],
                [_("Accreditations granted"), data.accreditations_granted],
                [_("Journalists refused accreditation"), data.accreditations_refused],
                [_("Accreditations withdrawn"), data.accreditations_deprived],
            ],
        ),
        _figure_section(
            "requests",
            _("Requests for information"),
            [
                [_("Requests received"), requests.total],
                [_("Answered"), requests.answered],
                [_("Answered on time"), requests.on_time],
                [_("Overdue"), requests.late],
                [_("On-time rate"), requests.on_time_percent],
            ],
        ),
        _figure_section(
            "media",
            _("Mentions in the media"),
            [
                *([tones[tone], data.mentions.get(tone, 0)] for tone in Tone.values),
                [_("All mentions"), data.mentions_total],
                [_("Stories alerted to the Heads"), data.alerted],
                [_("Alerted stories handled"), data.handled],
                [_("Alerted stories not yet handled"), data.unhandled],
                [_("Median time to handle"), duration(data.median_to_handle)],
                [_("Longest time to handle"), duration(data.longest_to_handle)],
            ],
        ),
        _figure_section(
            "demands",
            _("Demands to outlets (Art. 38)"),
            [
                [_("Demands opened"), data.demands_opened],
                [_("Demands sent"), data.demands_sent],
                [_("Demands closed"), data.demands_closed],
            ],
        ),
    ]


def key_rows(current: PeriodFigures, previous: PeriodFigures) -> list[tuple[str, int, int]]:
    """``(label, this period, the one before)`` for the figures the panel compares."""

    def pairs(getter):
        return getter(current), getter(previous)

    return [
        (_("Publications"), *pairs(lambda d: d.publications_total)),
        (_("Briefings held"), *pairs(lambda d: d.briefings)),
        (_("Requests received"), *pairs(lambda d: d.requests.total)),
        (_("Requests overdue"), *pairs(lambda d: d.requests.late)),
        (_("Accreditations granted"), *pairs(lambda d: d.accreditations_granted)),
        (_("Negative mentions"), *pairs(lambda d: d.mentions.get(Tone.NEGATIVE, 0))),
        (_("Stories alerted to the Heads"), *pairs(lambda d: d.alerted)),
        (_("Demands opened"), *pairs(lambda d: d.demands_opened)),
    ]
