"""The kernel's spreadsheets: cells that cannot run as formulas, CSV read by spreadsheet programs,
XLSX workbooks."""

import csv
import datetime
import io

from django.utils import translation
from django.utils.translation import gettext

import pytest
from openpyxl import load_workbook

from agency import spreadsheets


@pytest.mark.parametrize("text", ["=1+1", "+7 701", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_text_that_would_be_a_formula_is_kept_as_text(text):
    assert spreadsheets.safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Асқар", "", 42, -3, None, datetime.date(2026, 1, 5)])
def test_other_values_are_left_alone(value):
    assert spreadsheets.safe_cell(value) == value


def test_csv_values():
    assert spreadsheets.csv_value(None) == ""
    assert spreadsheets.csv_value(datetime.date(2026, 3, 9)) == "2026-03-09"
    assert spreadsheets.csv_value(datetime.datetime(2026, 3, 9, 14, 5, 30)) == "2026-03-09 14:05"
    assert spreadsheets.csv_value("=HYPERLINK()") == "'=HYPERLINK()"
    assert spreadsheets.csv_value(7) == 7


def test_csv_chunks_start_with_the_bom_and_hold_every_row(monkeypatch):
    monkeypatch.setattr(spreadsheets, "CSV_CHUNK_ROWS", 2)
    rows = [[f"-{n}", n, datetime.date(2026, 1, n + 1)] for n in range(5)]
    chunks = list(spreadsheets.csv_chunks(["Аты", "No.", "Күні"], rows))
    assert chunks[0] == "\ufeff" and len(chunks) > 3
    table = list(csv.reader(io.StringIO("".join(chunks)[1:])))
    assert table[0] == ["Аты", "No.", "Күні"]
    assert table[1] == ["'-0", "0", "2026-01-01"]
    assert len(table) == 6


def test_csv_tables_put_each_table_under_its_title():
    text = spreadsheets.csv_tables([("First", ["a"], [[1]]), ("=Second", ["b"], [["@x"]])])
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [
        ["First"],
        ["a"],
        ["1"],
        [],
        ["'=Second"],
        ["b"],
        ["'@x"],
        [],
    ]


def test_chunks_are_made_in_the_language_given():
    def labels():
        yield gettext("Register")
        yield gettext("Register")

    with translation.override("ru"):
        expected = gettext("Register")
        chunks = spreadsheets.in_language(labels(), translation.get_language())
    with translation.override("en"):
        assert list(chunks) == [expected, expected]
        assert translation.get_language() == "en"
    assert expected != "Register"


def test_xlsx_sheets_have_a_bold_header_and_safe_cells():
    book = spreadsheets.workbook()
    rows = [["=cmd|' /C calc'!A0", 3, datetime.date(2026, 2, 1)]]
    spreadsheets.xlsx_sheet(book, "A title longer than thirty-one characters", ["h"], rows, [20])
    sheet = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(book))).active
    assert sheet.title == "A title longer than thirty-one "
    assert sheet["A1"].value == "h" and sheet["A1"].font.bold
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["B2"].value == 3
    assert sheet["C2"].value.date() == datetime.date(2026, 2, 1)
