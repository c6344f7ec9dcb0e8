"""The week's announcements as documents: a PDF per language and one spreadsheet.

What the authorised body receives each week:

* **a PDF in Kazakh and a PDF in Russian**, each on the agency's letterhead. A document is
  read, filed and forwarded in one language; the state language and Russian are each complete
  on their own (Law on Languages Art. 8–9), so neither reader has to skip the other's text;
* **one XLSX workbook with a sheet per language** (Kazakh first). The Ministry gathers the
  announcements of many state bodies into its own tables: one file per body and week is what
  it merges, and the two sheets list the same announcements in the same order, row for row,
  so a row can be checked against its translation.

Times are Asia/Almaty. An announcement whose page has no translation in a language is listed in
that language's document under the title it has, marked "No translation in this language".
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agency.calendar import LOCAL_TZ
from agency.letters import FONT, LetterPDF
from agency.models import AgencyProfile
from agency.spreadsheets import workbook, xlsx_bytes, xlsx_sheet

from .items import LANGUAGES, Announcement
from .week import Week

PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Column widths in mm on A4 landscape within 15 mm margins (267 mm).
PDF_WIDTHS = (8, 27, 27, 62, 40, 40, 35, 28)
#: Column widths in characters in the spreadsheet.
XLSX_WIDTHS = (5, 12, 12, 22, 60, 40, 40, 45, 40)


def agency_name(language: str) -> str:
    profile = AgencyProfile.for_language(language)
    return profile.name if profile else ""


def cover_line(week: Week, language: str) -> str:
    """ "<Agency>: announcements for the week of …" in ``language``."""
    with translation.override(language):
        text = _("Announcements for the week %(week)s") % {"week": week.label()}
        name = agency_name(language)
        return f"{name}: {text}" if name else text


def columns() -> list[str]:
    """The PDF's column headings in the active language."""
    return [
        _("No."),
        _("Date and time"),
        _("Kind"),
        _("Title"),
        _("Place"),
        _("Responsible"),
        _("Link"),
        _("Notes"),
    ]


def contact_line(language: str) -> str:
    """The press secretary's name and contacts, for questions about the announcements."""
    profile = AgencyProfile.for_language(language)
    if profile is None:
        return ""
    parts = [
        profile.press_secretary_name,
        profile.press_secretary_phone,
        profile.press_secretary_email,
    ]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    return _("Contact: %(contact)s") % {"contact": ", ".join(parts)}


def render_pdf(week: Week, items: list[Announcement], language: str) -> bytes:
    """The week's announcements in ``language`` as an A4 landscape PDF on the letterhead."""
    with translation.override(language), timezone.override(LOCAL_TZ):
        pdf = LetterPDF()
        pdf.set_margins(15, 15, 15)
        title = cover_line(week, language)
        pdf.set_title(title)
        pdf.set_creator("Baspasoz")
        pdf.set_lang(language)
        pdf.add_page(orientation="L")
        pdf.letterhead(AgencyProfile.for_language(language))
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 6.5, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        contact = contact_line(language)
        if contact:
            pdf.multi_cell(0, 5, contact, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        if not items:
            pdf.set_font(FONT, size=11)
            pdf.multi_cell(
                0,
                5.5,
                _("Nothing is announced for this week."),
                new_x="LMARGIN",
                new_y="NEXT",
            )
            return bytes(pdf.output())
        pdf.set_font(FONT, size=8)
        with pdf.table(
            col_widths=PDF_WIDTHS, text_align="LEFT", line_height=4.2, repeat_headings=1
        ) as table:
            heading = table.row()
            for text in columns():
                heading.cell(text)
            for number, item in enumerate(items, start=1):
                row = table.row()
                for value in (
                    str(number),
                    f"{item.day()}\n{item.time()}",
                    item.kind_label(language),
                    item.title(language),
                    item.place(language),
                    item.person(language),
                    item.link(language),
                    item.remarks(language),
                ):
                    row.cell(value)
        return bytes(pdf.output())


def _local(moment: datetime.datetime) -> datetime.datetime:
    """A naive Asia/Almaty time: spreadsheets have no time zones."""
    return moment.astimezone(LOCAL_TZ).replace(tzinfo=None, second=0, microsecond=0)


def render_xlsx(week: Week, items: list[Announcement]) -> bytes:
    """The week's announcements as one workbook, a sheet per language (Kazakh first)."""
    book = workbook()
    for language in LANGUAGES:
        with translation.override(language), timezone.override(LOCAL_TZ):
            header = [
                _("No."),
                _("Starts"),
                _("Ends"),
                _("Kind"),
                _("Title"),
                _("Place"),
                _("Responsible"),
                _("Link"),
                _("Notes"),
            ]
            rows = [
                [
                    number,
                    _local(item.starts_at),
                    _local(item.ends_at) if item.ends_at else None,
                    item.kind_label(language),
                    item.title(language),
                    item.place(language),
                    item.person(language),
                    item.link(language),
                    item.remarks(language),
                ]
                for number, item in enumerate(items, start=1)
            ]
            sheet_title = {"kk": "Қазақша", "ru": "Русский"}.get(language, language)
            xlsx_sheet(book, sheet_title, header, rows, widths=XLSX_WIDTHS)
    return xlsx_bytes(book)


def pdf_filename(week: Week, language: str) -> str:
    return f"announcements-{week.slug()}-{language}.pdf"


def xlsx_filename(week: Week) -> str:
    return f"announcements-{week.slug()}.xlsx"


def attachments(week: Week, items: list[Announcement]) -> list[tuple[str, bytes, str]]:
    """``(filename, content, type)`` of every file sent for ``week``."""
    return [
        *(
            (pdf_filename(week, code), render_pdf(week, items, code), PDF_TYPE)
            for code in LANGUAGES
        ),
        (xlsx_filename(week), render_xlsx(week, items), XLSX_TYPE),
    ]
