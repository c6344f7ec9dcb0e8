"""The attendance list of a press event, for the venue's security: CSV and PDF.

It lists those with a place, in the order they confirmed, with what the guard at the door needs
to match a person to a card: name, outlet, position, card number and its validity. No IIN,
phone or e-mail: the guard checks the identity document itself. CSV cells cannot run as
spreadsheet formulas; the PDF is set in DejaVu Sans, like the agency's letters, so Kazakh and
Russian names print.
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agency.letters import FONT, LetterPDF
from agency.spreadsheets import safe_cell


def columns() -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("Media outlet"),
        _("Position"),
        _("Card number"),
        _("Accreditation"),
        _("Valid until"),
        _("Confirmed"),
    ]


def rows(registrations) -> list[list[str]]:
    table = []
    for index, registration in enumerate(registrations, start=1):
        accreditation = registration.accreditation
        confirmed = (
            date_format(timezone.localtime(registration.confirmed_at), "SHORT_DATETIME_FORMAT")
            if registration.confirmed_at
            else ""
        )
        table.append(
            [
                str(index),
                accreditation.full_name,
                accreditation.outlet.name,
                accreditation.position,
                accreditation.card_number,
                str(accreditation.get_kind_display()),
                date_format(accreditation.valid_until, "SHORT_DATE_FORMAT"),
                confirmed,
            ]
        )
    return table


def title(event) -> str:
    return _("Attendance list: %(title)s") % {"title": event.title}


def when(event) -> str:
    return "%s, %s" % (  # noqa: UP031
        date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT"),
        event.venue,
    )


def filename(event, fmt: str) -> str:
    day = timezone.localtime(event.starts_at).date().isoformat()
    slug = slugify(event.slug or "") or str(event.pk)
    return f"attendance-{day}-{slug}.{fmt}"


def as_csv(event, registrations) -> str:
    """UTF-8 with a BOM, so spreadsheets read Cyrillic; a title row, then the table."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(title(event))])
    writer.writerow([safe_cell(when(event))])
    writer.writerow([])
    writer.writerow(columns())
    for row in rows(registrations):
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


#: Column widths in mm on A4 portrait within the letter margins (160 mm wide).
WIDTHS = (9, 36, 30, 24, 27, 14, 20)


def as_pdf(event, registrations) -> bytes:
    """An A4 list: the event, then a table with a signature-free row per journalist."""
    pdf = LetterPDF()
    pdf.set_margins(12, 15, 12)
    pdf.set_title(title(event))
    pdf.set_creator("Baspasoz")
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 6.5, title(event), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    pdf.multi_cell(0, 5.5, when(event), new_x="LMARGIN", new_y="NEXT")
    generated = date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    pdf.multi_cell(
        0,
        5.5,
        _("%(count)s journalists; printed %(when)s")
        % {"count": len(registrations), "when": generated},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    header = columns()[:7]
    data = [row[:7] for row in rows(registrations)]
    pdf.set_font(FONT, size=8.5)
    with pdf.table(
        col_widths=WIDTHS,
        text_align="LEFT",
        line_height=4.6,
        repeat_headings=1,
    ) as table:
        heading = table.row()
        for cell in header:
            heading.cell(cell)
        for values in data:
            row = table.row()
            for value in values:
                row.cell(value)
    if not data:
        pdf.ln(4)
        pdf.multi_cell(0, 5.5, _("Nobody is registered yet."), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
