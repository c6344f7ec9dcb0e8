"""The monthly report as files: a PDF on the agency's letterhead and a workbook, in one language.

Both show the tables of :func:`.tables.sections`; the workbook has one sheet per table and one
more with the mentions per day by tone. Cells go through :mod:`agency.spreadsheets`, so no text
runs as a formula.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agency import spreadsheets
from agency.letters import FONT, LetterPDF
from agency.models import AgencyProfile

from ..models import Tone
from ..stories import mentions_by_day
from .figures import PeriodFigures
from .tables import period_label, sections, tone_labels

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Column widths of the PDF's tables (mm): the label, then the figures share the rest.
LABEL_WIDTH = 80


def month_title(first: datetime.date) -> str:
    """The report's title for the month starting on ``first``, in the active language."""
    return _("Press office report for %(month)s") % {"month": date_format(first, "F Y")}


def filename(first: datetime.date, extension: str) -> str:
    return f"press-office-report-{first:%Y-%m}.{extension}"


def _table(pdf: LetterPDF, header: list[str], rows: list[list]) -> None:
    rest = (pdf.epw - LABEL_WIDTH) / max(len(header) - 1, 1)
    with pdf.table(
        col_widths=(LABEL_WIDTH, *([rest] * (len(header) - 1))),
        text_align=("LEFT", *(["RIGHT"] * (len(header) - 1))),
        align="LEFT",
        line_height=5,
        repeat_headings=1,
    ) as table:
        heading = table.row()
        for text in header:
            heading.cell(str(text))
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(str(value))


def monthly_pdf(data: PeriodFigures, language: str) -> bytes:
    """The report of ``data``'s month as a PDF in ``language``."""
    with translation.override(language):
        title = month_title(data.first)
        pdf = LetterPDF()
        pdf.set_title(title)
        pdf.set_creator("Baspasoz")
        pdf.set_lang(language)
        pdf.add_page()
        pdf.letterhead(AgencyProfile.for_language(language))
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 6.5, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        made = date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
        pdf.multi_cell(
            0,
            5,
            _("Period: %(period)s. Counted on %(when)s.")
            % {"period": period_label(data), "when": made},
            new_x="LMARGIN",
            new_y="NEXT",
        )
        for section in sections(data):
            pdf.ln(4)
            pdf.set_font(FONT, "B", 11)
            pdf.multi_cell(0, 6, section.title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, size=9)
            _table(pdf, section.header, section.rows)
        return bytes(pdf.output())


def daily_mentions(data: PeriodFigures) -> tuple[list[str], list[list]]:
    """The mentions per day by tone over the period: ``(header, rows)``."""
    days = (data.last - data.first).days + 1
    tones = tone_labels()
    header = [_("Day"), *(tones[tone] for tone in Tone.values), _("Total")]
    rows = [
        [row["day"], *(row[tone] for tone in Tone.values), row["total"]]
        for row in mentions_by_day(today=data.last, days=days)
    ]
    return header, rows


def monthly_xlsx(data: PeriodFigures, language: str) -> bytes:
    """The report of ``data``'s month as a workbook in ``language``: a sheet per table."""
    with translation.override(language):
        book = spreadsheets.workbook()
        for section in sections(data):
            widths = [44] + [14] * (len(section.header) - 1)
            spreadsheets.xlsx_sheet(book, section.title, section.header, section.rows, widths)
        header, rows = daily_mentions(data)
        spreadsheets.xlsx_sheet(book, _("Mentions by day"), header, rows, [14, 12, 12, 12, 12])
        return spreadsheets.xlsx_bytes(book)
