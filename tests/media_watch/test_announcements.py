"""What the weekly export to the authorised body lists for a week (Monday to Sunday, Asia/Almaty),
and its documents: a PDF in Kazakh, a PDF in Russian, one workbook with a sheet per language."""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from media_watch.announcements import documents
from media_watch.announcements.items import Kind, announcements
from media_watch.announcements.week import Week
from tests.media_watch.announcements_data import WEEK, at, build_week

build_module_data = build_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(module_data):
    return module_data


@pytest.fixture
def items(data):
    return announcements(WEEK)


def pdf_text(content: bytes) -> str:
    """The PDF's text with its lines joined (a cell's text wraps)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def said(language: str, text: str) -> str:
    """``text`` as the catalogue of ``language`` gives it."""
    with translation.override(language):
        return gettext(text)


MISSING = "No translation in this language"


def test_the_week_runs_from_monday_midnight_to_sunday_night_in_almaty():
    week = Week.of(datetime.date(2026, 3, 15))
    assert week == WEEK
    assert week.contains(at(9, 0, 0))
    assert week.contains(at(15, 23, 59))
    assert not week.contains(at(16, 0, 0))
    assert not week.contains(at(8, 23, 59))
    # 9 March 00:00 in Almaty (UTC+5) is still 8 March in UTC.
    assert week.start.astimezone(datetime.UTC) == datetime.datetime(
        2026, 3, 8, 19, 0, tzinfo=datetime.UTC
    )
    assert Week.coming(at(6, 15)) == WEEK
    assert Week.coming(at(8, 23, 59)) == WEEK
    assert Week.coming(at(9, 0, 0)) == WEEK + 1


def test_the_first_and_last_minute_of_the_week_are_in_and_the_next_ones_out(data, items):
    titles = [item.title("kk") for item in items]
    assert titles == ["Министрмен сұхбат", "Жаңа цифрлық қызмет", "Жыл қорытындысы"]
    assert [item.kind for item in items] == [Kind.EVENT, Kind.PUBLICATION, Kind.BRIEFING]


def test_a_page_scheduled_to_go_live_in_the_week_is_a_planned_publication(data, items):
    publication = items[1]
    assert publication.starts_at == at(11, 10)
    assert publication.person("kk") == "Дәурен Ахметов"
    assert publication.link("kk").endswith(data.scheduled.url_path.split("/", 2)[-1])
    assert publication.kind_label("ru") == "Новость"
    assert "Кейінгі жаңалық" not in [item.title("kk") for item in items]


def test_titles_come_from_the_translations_and_a_missing_one_is_marked(items):
    interview, _publication, briefing = items
    assert briefing.title("ru") == "Итоги года"
    assert briefing.place("ru") == "Астана, пресс-зал"
    assert not briefing.missing("ru")
    assert interview.missing("ru")
    assert interview.title("ru") == "Министрмен сұхбат"
    assert interview.remarks("ru").startswith(said("ru", MISSING))
    assert not briefing.remarks("ru").startswith(said("ru", MISSING))
    assert interview.kind_label("kk") == "Сұхбат"
    assert "Айгүл Серікова" in interview.person("kk")


def test_the_pdfs_are_in_kazakh_and_in_russian(items):
    kk = pdf_text(documents.render_pdf(WEEK, items, "kk"))
    ru = pdf_text(documents.render_pdf(WEEK, items, "ru"))
    assert "Цифрлық даму министрлігі" in kk
    assert "Жыл қорытындысы" in kk
    assert "Министерство цифрового развития" in ru
    assert "Итоги года" in ru
    assert "Жыл қорытындысы" not in ru
    assert said("ru", MISSING) in ru
    assert said("kk", MISSING) not in kk
    assert "9 марта 2026" in ru
    assert "15.03.2026" in kk


def test_the_workbook_has_a_sheet_per_language_with_the_same_rows(items):
    book = load_workbook(io.BytesIO(documents.render_xlsx(WEEK, items)))
    assert book.sheetnames == ["Қазақша", "Русский"]
    kk = list(book["Қазақша"].iter_rows(values_only=True))
    ru = list(book["Русский"].iter_rows(values_only=True))
    assert len(kk) == len(ru) == 4
    assert kk[0][4] == said("kk", "Title")
    assert ru[0][4] == said("ru", "Title")
    assert kk[3][4] == "Жыл қорытындысы"
    assert ru[3][4] == "Итоги года"
    assert ru[3][1] == datetime.datetime(2026, 3, 15, 23, 59)
    assert ru[1][8].startswith(said("ru", MISSING))
    assert kk[1][8] in ("", None) or not kk[1][8].startswith(said("kk", MISSING))


def test_an_empty_week_still_gives_its_documents(data):
    empty = WEEK + 10
    assert announcements(empty) == []
    text = pdf_text(documents.render_pdf(empty, [], "ru"))
    assert said("ru", "Nothing is announced for this week.") in text
