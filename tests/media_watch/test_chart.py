"""The chart's colours, measured in the SVG it draws: every bar and legend key stands out from
the chart's background by at least 3:1 (WCAG 1.4.11), its text by at least 4.5:1 (1.4.3), and
each pattern's marks from the colour they are drawn on by at least 3:1. The background is the
chart's own, so the ratios hold on any page behind it."""

import datetime

from lxml import etree

from media_watch import chart
from media_watch.models import Tone
from tests.media_watch.helpers import contrast_ratio

SVG = "{http://www.w3.org/2000/svg}"
GRAPHICS, TEXT = 3.0, 4.5


def drawn(rows=None):
    rows = rows or [
        {"day": datetime.date(2026, 3, day), "negative": 2, "neutral": 1, "positive": 1}
        | {"total": 4}
        for day in range(1, 8)
    ]
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(str(chart.svg(rows, "Mentions")).encode(), parser)


def pattern_base(svg) -> dict[str, str]:
    """Each pattern's own colour (its first rectangle), by the fill that uses it."""
    return {
        f"url(#{pattern.get('id')})": pattern.find(f"{SVG}rect").get("fill")
        for pattern in svg.iter(f"{SVG}pattern")
    }


def test_the_chart_paints_its_own_background_under_everything_else():
    svg = drawn()
    background = svg.find(f"{SVG}rect")
    assert background.get("data-chart-background") == ""
    assert (background.get("width"), background.get("height")) == (
        str(chart.WIDTH),
        str(chart.HEIGHT),
    )
    assert background.get("fill") == chart.BACKGROUND


def test_every_bar_and_legend_key_has_3_to_1_against_the_background():
    svg = drawn()
    bases = pattern_base(svg)
    fills = {
        bases.get(rect.get("fill"), rect.get("fill"))
        for rect in svg.iter(f"{SVG}rect")
        if rect.getparent().tag != f"{SVG}pattern" and rect.get("data-chart-background") is None
    }
    assert fills == {colour for colour, _pattern in chart.STYLES.values()}
    ratios = {fill: round(contrast_ratio(fill, chart.BACKGROUND), 2) for fill in fills}
    assert all(ratio >= GRAPHICS for ratio in ratios.values()), ratios
    # What the module promises: the tones' colours are dark enough for text as well.
    assert all(ratio >= TEXT for ratio in ratios.values()), ratios


def test_every_text_has_4_5_to_1_against_the_background():
    fills = {text.get("fill") for text in drawn().iter(f"{SVG}text")}
    assert fills == {chart.INK}
    assert contrast_ratio(chart.INK, chart.BACKGROUND) >= TEXT


def test_the_patterns_marks_stand_out_from_their_colour():
    svg = drawn()
    for pattern in svg.iter(f"{SVG}pattern"):
        base, *marks = list(pattern)
        for mark in marks:
            mark_colour = mark.get("stroke") or mark.get("fill")
            ratio = contrast_ratio(mark_colour, base.get("fill"))
            assert ratio >= GRAPHICS, (pattern.get("id"), mark_colour, ratio)
    patterned = {tone for tone, (_colour, pattern) in chart.STYLES.items() if pattern}
    assert patterned == {Tone.NEGATIVE, Tone.POSITIVE}


def test_the_contrast_ratio_matches_wcags_reference_values():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert contrast_ratio("#777777", "#ffffff") < TEXT < contrast_ratio("#767676", "#ffffff")
    assert contrast_ratio("rgb(255, 255, 255)", "#ffffff") == 1.0
