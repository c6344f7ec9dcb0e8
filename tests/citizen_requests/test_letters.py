"""Answer and notice letters: what the law says an answer states, in the request's language."""

import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

import pytest
from pypdf import PdfReader

from citizen_requests import services
from citizen_requests.kinds import RefusalGround
from citizen_requests.letters import render_notice_pdf
from tests.citizen_requests.helpers import agency, make_case, officer

pytestmark = pytest.mark.django_db


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def answered(language="kk", **fields):
    case = make_case(language=language, **fields)
    services.answer(
        case,
        officer(),
        body="<p>Бюджет <b>толық</b> орындалды.</p><ul><li>Бірінші</li><li>Екінші</li></ul>",
        signatory_name="Әлия Бекова",
        signatory_position="Баспасөз қызметінің басшысы",
    )
    return case


def received_date(case, language):
    with override(language):
        return date_format(timezone.localtime(case.received_at).date(), "DATE_FORMAT")


def test_the_answer_states_agency_signatory_number_and_date_in_kazakh():
    agency("kk", "Қазақстан Республикасы Ақпарат министрлігі")
    agency("ru", "Министерство информации Республики Казахстан")
    case = answered("kk")
    with case.answer.pdf.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    text = text_of(data)
    assert "Қазақстан Республикасы Ақпарат министрлігі" in text, "the agency in kk"
    assert "Министерство информации" not in text
    assert "Астана, Мәңгілік Ел даңғылы, 8" in text, "its postal address"
    assert "Баспасөз қызметінің басшысы" in text and "Әлия Бекова" in text
    assert case.number in text
    assert received_date(case, "kk") in text, "the request's date, in its language"
    assert "толық" in text and "Бірінші" in text
    assert case.full_name in text


def test_a_russian_request_gets_the_russian_agency_profile():
    agency("kk", "Ақпарат министрлігі")
    agency("ru", "Министерство информации")
    case = answered("ru", full_name="Иван Петров")
    with case.answer.pdf.open("rb") as handle:
        text = text_of(handle.read())
    assert "Министерство информации" in text
    assert received_date(case, "ru") in text


def test_by_post_the_letter_carries_the_postal_address():
    agency()
    case = answered(channel="post", postal_address="Алматы қ., Абай даңғылы, 10, 5-пәтер")
    with case.answer.pdf.open("rb") as handle:
        assert "Абай даңғылы, 10" in text_of(handle.read())


def test_a_refusal_notice_as_a_printable_letter():
    agency()
    case = make_case(channel="post", postal_address="Алматы")
    services.refuse(
        case, officer(), ground=RefusalGround.AIL_RESTRICTED, motivation="Қызметтік құпия."
    )
    text = text_of(render_notice_pdf(case, "refused"))
    assert case.number in text and "Қызметтік құпия." in text


def test_a_letter_renders_without_an_agency_profile():
    case = answered()
    with case.answer.pdf.open("rb") as handle:
        assert case.number in text_of(handle.read())
