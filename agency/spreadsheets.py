"""Spreadsheets the agency exports (CSV and XLSX), with cells that cannot run as formulas.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
spreadsheet programs as a formula (CSV injection); :func:`safe_cell` prefixes it with an
apostrophe. Every export of a register or a list goes through it, whatever the data is. CSV is
UTF-8 with a byte-order mark, so that spreadsheet programs read Cyrillic and Kazakh letters.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.utils import translation

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Rows written to the buffer of :func:`csv_chunks` before it yields them.
CSV_CHUNK_ROWS = 500


def safe_cell(value):
    """A spreadsheet cell that cannot run as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_value(value):
    """``value`` as CSV text: empty for ``None``, ISO dates, minutes for date-times."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_cell(value)


def csv_chunks(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """A table as CSV text chunks, for a streaming response: the BOM, the header, the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield BOM
    writer.writerow([safe_cell(text) for text in header])
    for index, row in enumerate(rows):
        writer.writerow([csv_value(value) for value in row])
        if index % CSV_CHUNK_ROWS == 0:
            yield flush()
    yield flush()


def csv_tables(tables: Iterable[tuple[str, list[str], list[list]]]) -> str:
    """``(title, header, rows)`` tables one under the other, each after its title row."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    for title, header, rows in tables:
        writer.writerow([safe_cell(title)])
        writer.writerow([safe_cell(text) for text in header])
        for row in rows:
            writer.writerow([csv_value(value) for value in row])
        writer.writerow([])
    return buffer.getvalue()


def in_language(chunks: Iterable[str], language: str | None) -> Iterator[str]:
    """``chunks``, each one made with ``language`` active, and only while it is made.

    A streaming response is read after its view has returned, when the language the view ran
    in is no longer active.
    """
    iterator = iter(chunks)
    while True:
        with translation.override(language):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


def workbook() -> Workbook:
    """A write-only workbook: rows go straight to the file, so a large register fits."""
    return Workbook(write_only=True)


def xlsx_sheet(book: Workbook, title: str, header: list[str], rows, widths=None):
    """A sheet of ``book``: a bold header row, then plain values (openpyxl formats dates).

    ``title`` is cut to the 31 characters a sheet name may have; ``widths`` are column widths
    in characters.
    """
    sheet = book.create_sheet(title=title[:31])
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(text))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    return sheet


def xlsx_bytes(book: Workbook) -> bytes:
    """The saved workbook."""
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
