"""The chart of mentions per day by tone: stacked bars drawn on the server as SVG.

No script and no colour alone: each tone has a colour with at least 4.5:1 contrast against the
chart's background and its own fill pattern (hatched, plain, dotted), the legend names them,
each bar segment has a title with its figure, and the page gives the same figures as a table.
The chart paints its own white background, so its colours keep their contrast whatever is
behind it (the admin's dark theme included).
"""

from html import escape

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Tone

WIDTH = 720
HEIGHT = 260
LEFT = 40
BOTTOM = 40
TOP = 16
LEGEND = 28
#: The chart's background, and the colour of its text and axis.
BACKGROUND = "#ffffff"
INK = "#1f1f1f"
#: Colour and pattern per tone, bottom of the stack first.
STYLES = {
    Tone.NEGATIVE: ("#a4161a", "hatch"),
    Tone.NEUTRAL: ("#595959", ""),
    Tone.POSITIVE: ("#1b6e33", "dots"),
}


def _patterns() -> str:
    negative, _pattern = STYLES[Tone.NEGATIVE]
    positive, _pattern = STYLES[Tone.POSITIVE]
    return (
        "<defs>"
        '<pattern id="mw-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{negative}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BACKGROUND}" stroke-width="2"/></pattern>'
        '<pattern id="mw-dots" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{positive}"/>'
        f'<circle cx="3" cy="3" r="1.3" fill="{BACKGROUND}"/></pattern>'
        "</defs>"
    )


def _fill(tone: str) -> str:
    colour, pattern = STYLES[tone]
    return f"url(#mw-{pattern})" if pattern else colour


def tone_labels() -> dict:
    return {tone: str(label) for tone, label in Tone.choices}


def svg(rows: list[dict], title: str) -> SafeString:
    """The stacked bar chart of ``rows`` (:func:`media_watch.stories.mentions_by_day`)."""
    labels = tone_labels()
    peak = max([row["total"] for row in rows] + [1])
    plot_height = HEIGHT - TOP - BOTTOM - LEGEND
    slot = (WIDTH - LEFT - 8) / max(len(rows), 1)
    bar = max(slot * 0.7, 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-labelledby="mw-chart-title" class="mw-chart">'
        f'<title id="mw-chart-title">{escape(title)}</title>',
        _patterns(),
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}" data-chart-background=""/>',
        f'<line x1="{LEFT}" y1="{TOP + LEGEND + plot_height}" x2="{WIDTH}" '
        f'y2="{TOP + LEGEND + plot_height}" stroke="{INK}"/>',
        f'<text x="{LEFT - 6}" y="{TOP + LEGEND + 4}" text-anchor="end" font-size="11" '
        f'fill="{INK}">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + LEGEND + plot_height}" text-anchor="end" '
        f'font-size="11" fill="{INK}">0</text>',
    ]
    for position, tone in enumerate(STYLES):
        x = LEFT + position * 150
        parts.append(
            f'<rect x="{x}" y="{TOP}" width="14" height="14" fill="{_fill(tone)}" '
            f'stroke="{INK}"/><text x="{x + 20}" y="{TOP + 11}" font-size="12" '
            f'fill="{INK}">{escape(labels[tone])}</text>'
        )
    for index, row in enumerate(rows):
        x = LEFT + index * slot + (slot - bar) / 2
        base = TOP + LEGEND + plot_height
        day = date_format(row["day"], "SHORT_DATE_FORMAT")
        for tone in STYLES:
            count = row[tone]
            if not count:
                continue
            height = plot_height * count / peak
            base -= height
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                f'fill="{_fill(tone)}" stroke="{BACKGROUND}" stroke-width="0.5">'
                f"<title>{escape(day)}: {escape(labels[tone])} {count}</title></rect>"
            )
        if index % 5 == 0 or index == len(rows) - 1:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                f'font-size="10" fill="{INK}">{escape(date_format(row["day"], "d.m"))}</text>'
            )
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="11" fill="{INK}">'
        f"{escape(_('Bars: mentions per day, stacked by tone.'))}</text></svg>"
    )
    return mark_safe("".join(parts))  # noqa: S308 (every text escaped above)
