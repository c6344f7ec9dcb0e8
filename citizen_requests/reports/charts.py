"""The charts of the request dashboard: horizontal bars, laid out here and drawn as SVG.

The template ``citizen_requests/reports/bar_chart.html`` draws a :class:`BarChart` as one image
to assistive technology (``role="img"`` with a title and a description that reads out every
value), with the same figures in a table beside it. Coordinates are whole numbers, so the SVG
does not depend on the language's number format.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..kinds import RequestKind, Status
from .figures import Figures, labelled, month_name

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
