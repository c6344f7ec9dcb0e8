"""What a revision would publish, walked field by field and scanned for restricted information."""

import json

from django.core.files.base import ContentFile

import wagtail_factories
from wagtail.documents import get_document_model

import pytest

from agency.identifiers import is_valid_iin_or_bin
from agency.models import AgencyProfile
from press_pages.models import BriefingSpeaker, NewsPageTopic
from tests.agency.identifiers import make_iban, make_iin
from tests.files import docx_bytes
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
    locale,
)
from tests.workflows.pdf_builder import build_pdf
from workflows import documents
from workflows.models import StopListTerm
from workflows.page_texts import TextPart, iter_page_texts, rich_text_to_plain
from workflows.restricted import BLOCK, WARN
from workflows.scanning import (
    Report,
    current_allow_list,
    current_stop_list,
    scan_object,
    scan_revision,
    scan_text_report,
)

pytestmark = pytest.mark.django_db

IIN_SEO = make_iin("90011530012")
IIN_RICH = make_iin("85020340056")
IIN_GALLERY = make_iin("78111220034")
IIN_DOCX = make_iin("01050160078")
IIN_IMAGE = make_iin("92120330091")
IIN_RU = make_iin("88030430011")
IBAN_PDF = make_iban("125KZT5004100100")
IBAN_ALT = make_iban("856000000123456A")
PRIVATE_PHONE = "+7 701 234 56 78"
AGENCY_PHONE = "+7 7172 74 00 00"
AGENCY_PHONE_WRITTEN = "+7 (7172) 74-00-00"
BANNED_NAME = "Ерлан Қасымов"


def digits_of(value: str) -> str:
    return "".join(char for char in value if char.isdigit())


def make_document(title: str, data: bytes, name: str):
    return get_document_model().objects.create(title=title, file=ContentFile(data, name=name))


def own(image):
    """A separate instance per block: ``ImageBlock`` keeps its alt text on the image object."""
    return type(image).objects.get(pk=image.pk)


def findings_by_field(report: Report) -> set[tuple[str, str]]:
    return {(finding.field, finding.category) for finding in report.findings}


@pytest.fixture
def banned_name():
    return StopListTerm.objects.create(
        phrase=BANNED_NAME,
        severity=StopListTerm.Severity.BLOCK,
        legal_basis="Алматы қалалық сотының 2025 жылғы 3 ақпандағы № 2-1234 шешімі",
    )


@pytest.fixture
def agency_profile():
    return AgencyProfile.objects.create(
        locale=locale("kk"),
        name="Министрлік",
        phone=AGENCY_PHONE,
        email="press@minister.gov.kz",
        press_secretary_phone="+7 7172 74 00 01",
        press_secretary_email="aigul@minister.gov.kz",
    )


@pytest.fixture
def news_index():
    return NewsIndexPageFactory(parent=kk_home())


@pytest.fixture
def news(news_index, agency_profile):
    image = wagtail_factories.ImageFactory(
        title=f"Куәлік {IIN_IMAGE}", description=f"Өтініш беруші, тел. {PRIVATE_PHONE}"
    )
    block_image = wagtail_factories.ImageFactory(title="Баспасөз залы")
    docx = make_document(
        "Өтініш үлгісі",
        docx_bytes("Өтініш", f"Өтініш берушінің ЖСН {IIN_DOCX}"),
        "application.docx",
    )
    pdf = make_document(
        "Шарт",
        build_pdf(["Payment terms", f"Account: {IBAN_PDF}\nBank: Halyk"]),
        "contract.pdf",
    )
    page = NewsPageFactory(
        live=False,
        parent=news_index,
        title="Министрлік жаңа қызметті іске қосты",
        slug=f"iin-{IIN_SEO}",  # slugs are addresses: never scanned
        seo_title=f"ЖСН {IIN_SEO}",
        search_description="Жаңа қызмет туралы",
        lead=f"Сұрақтар бойынша: {AGENCY_PHONE_WRITTEN}, press@minister.gov.kz.",
        hero_image=image,
        hero_image_alt="Министр",
        body=[
            (
                "paragraph",
                f"<p>Азамат <b>ЖСН</b> {IIN_RICH[:4]}<i>{IIN_RICH[4:]}</i> өтініш берді.</p>"
                f"<p>Нөмір 1234</p><p>56789012</p>",
            ),
            ("heading", {"text": "Қызмет қалай жұмыс істейді", "level": "h2"}),
            (
                "image",
                {
                    "image": {
                        "image": own(block_image),
                        "alt_text": f"Шот {IBAN_ALT}",
                        "decorative": False,
                    },
                    "caption": "Таныстыру",
                },
            ),
            ("document", {"document": docx, "label": "Үлгі"}),
            ("document", {"document": pdf, "label": ""}),
            (
                "table",
                {
                    "data": [["Аты", "Телефон"], ["Айгүл", PRIVATE_PHONE], [None, ""]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Байланыстар",
                },
            ),
            ("quote", {"quote": "Ашықтық – сенімнің негізі.", "attribution": BANNED_NAME}),
        ],
    )
    return page


def test_a_news_revision_reports_every_field_with_its_path(news, banned_name):
    report = scan_revision(news.save_revision())

    assert findings_by_field(report) == {
        ("seo_title", "iin"),
        ("hero_image.title", "iin"),
        ("hero_image.default_alt_text", "phone"),
        ("body[0]", "iin"),
        ("body[2].image.alt", "iban"),
        ("body[3].document.content", "iin"),
        ("body[4].document.content", "iban"),
        ("body[5].data[1][1]", "phone"),
        ("body[6].attribution", "stop_list"),
    }
    stop = next(f for f in report.findings if f.category == "stop_list")
    assert stop.severity == BLOCK
    assert stop.rule == f"stop_list.{banned_name.pk}"
    assert stop.legal_basis == banned_name.legal_basis
    assert report.stop_list_size == 1
    assert report.scanned_fields > 10
    assert {f.field for f in report.blocking()} >= {"seo_title", "body[0]", "body[6].attribution"}


def test_offsets_slice_the_published_text(news):
    texts = {part.field: part.text for part in iter_page_texts(news.save_revision().as_object())}
    report = scan_object(news)
    for finding in report.findings:
        raw = texts[finding.field][finding.start : finding.end]
        if finding.category == "iin":
            assert is_valid_iin_or_bin(raw)
    pdf_text = texts["body[4].document.content"]
    iban = next(f for f in report.findings if f.field == "body[4].document.content")
    assert pdf_text[iban.start : iban.end] == IBAN_PDF


def test_the_walk_covers_published_text_and_skips_bookkeeping(news):
    parts = list(iter_page_texts(news.save_revision().as_object()))
    fields = [part.field for part in parts]

    assert fields[:3] == ["title", "seo_title", "search_description"]
    for expected in (
        "lead",
        "hero_image.title",
        "hero_image_alt",
        "body[0]",
        "body[1].text",
        "body[2].image.title",
        "body[2].image.alt",
        "body[2].caption",
        "body[3].document.title",
        "body[3].document.content",
        "body[3].label",
        "body[4].document.title",
        "body[5].data[0][0]",
        "body[5].caption",
        "body[6].quote",
    ):
        assert expected in fields
    for skipped in ("slug", "url_path", "draft_title", "path", "body[1].level", "body[4].label"):
        assert skipped not in fields
    assert all(isinstance(part, TextPart) and part.text.strip() for part in parts)
    # Inline markup splits no number; paragraphs are separate lines and join nothing.
    paragraph = {p.field: p.text for p in parts}["body[0]"]
    assert IIN_RICH in paragraph
    assert paragraph.splitlines()[1:] == ["Нөмір 1234", "56789012"]


def test_report_as_dict_spreads_no_personal_data(news, banned_name):
    report = scan_object(news)
    dumped = json.dumps(report.as_dict(), ensure_ascii=False)

    for secret in (IIN_SEO, IIN_RICH, IIN_DOCX, IIN_IMAGE, IBAN_PDF, IBAN_ALT):
        assert secret not in dumped
    assert digits_of(PRIVATE_PHONE) not in digits_of(dumped)
    assert Report.from_dict(json.loads(dumped)) == report


def test_the_agency_contacts_are_allowed_in_every_language(news, agency_profile):
    ru = agency_profile.copy_for_translation(locale("ru"))
    ru.phone = "+7 7172 74 00 09"
    ru.save()
    news.lead = f"Байланыс: {AGENCY_PHONE_WRITTEN}, 8 (7172) 74-00-09, press@minister.gov.kz"
    news.search_description = f"Жеке нөмір {PRIVATE_PHONE}, жеке пошта aigul.private@mail.kz"

    report = scan_object(news)

    assert ("lead", "phone") not in findings_by_field(report)
    assert ("lead", "email") not in findings_by_field(report)
    assert {("search_description", "phone"), ("search_description", "email")} <= (
        findings_by_field(report)
    )
    allowed = current_allow_list()
    assert "7172740009" in allowed.phones
    assert "aigul@minister.gov.kz" in allowed.emails


def test_the_allow_list_follows_profile_changes(agency_profile):
    assert "7172740000" in current_allow_list().phones
    agency_profile.phone = "+7 7172 11 22 33"
    agency_profile.save()
    phones = current_allow_list().phones
    assert "7172112233" in phones
    assert "7172740000" not in phones


def test_the_stop_list_is_rebuilt_only_when_terms_change(banned_name):
    first = current_stop_list()
    assert current_stop_list() is first
    assert len(first) == 1

    other = StopListTerm.objects.create(phrase="Тыйым салынған ұйым", legal_basis="Тізілім № 5")
    second = current_stop_list()
    assert second is not first and len(second) == 2
    other.active = False
    other.save()
    assert len(current_stop_list()) == 1


def test_a_briefing_revision_includes_its_unsaved_speakers_and_gallery(banned_name):
    index = BriefingIndexPageFactory(parent=kk_home())
    photo = wagtail_factories.ImageFactory(title="Зал")
    briefing = BriefingPageFactory(
        live=False,
        parent=index,
        announcement=f"<p>Брифингке {BANNED_NAME.upper()} қатысады.</p>",
        stream_url=f"https://video.example.kz/{IIN_GALLERY}",  # addresses are not scanned
        materials=[
            ("transcript", {"text": "<p><b>Спикер:</b> Қайырлы күн.</p>"}),
            (
                "photos",
                {
                    "title": "Суреттер",
                    "photos": [
                        {
                            "image": {"image": own(photo), "alt_text": "Зал", "decorative": False},
                            "caption": "Зал",
                        },
                        {
                            "image": {
                                "image": own(photo),
                                "alt_text": f"ЖСН {IIN_GALLERY}",
                                "decorative": True,  # not published, so not scanned
                            },
                            "caption": f"Өтініш беруші, ЖСН {IIN_GALLERY}",
                        },
                    ],
                },
            ),
        ],
    )
    # Editors' rows live in the revision until it is published; none are in the database.
    briefing.speakers = [BriefingSpeaker(name=BANNED_NAME, position="Сарапшы")]
    revision = briefing.save_revision()
    assert not BriefingSpeaker.objects.filter(page=briefing).exists()

    report = scan_revision(revision)

    assert findings_by_field(report) == {
        ("announcement", "stop_list"),
        ("materials[1].photos[1].caption", "iin"),
        ("speakers[0].name", "stop_list"),
    }
    fields = [part.field for part in iter_page_texts(revision.as_object())]
    assert "materials[1].photos[1].image.alt" not in fields
    assert "materials[1].photos[0].image.alt" in fields
    assert "speakers[0].position" in fields
    assert "stream_url" not in fields


def test_a_faq_answer_scans_its_legal_acts_and_department_but_not_links():
    index = FAQIndexPageFactory(parent=kk_home())
    answer = FAQAnswerPageFactory(
        live=False,
        parent=index,
        short_answer=f"Өтінішке ЖСН {IIN_SEO} жазыңыз.",
        department="ДСП",  # a secrecy marking only in Russian text: kk page, no finding
        full_answer=[("paragraph", f"<ul><li>ЖСН</li><li>{IIN_RICH}</li></ul>")],
        legal_acts=[
            (
                "legal_act",
                {
                    "title": "«Дербес деректер туралы» Заң",
                    "reference": f"ЖСН {IIN_DOCX}",
                    "url": f"https://adilet.zan.kz/{IIN_GALLERY}",
                },
            )
        ],
    )
    report = scan_revision(answer.save_revision())

    assert findings_by_field(report) == {
        ("short_answer", "iin"),
        ("full_answer[0]", "iin"),
        ("legal_acts[0].reference", "iin"),
    }
    fields = [part.field for part in iter_page_texts(answer)]
    assert "category" in fields
    assert "legal_acts[0].url" not in fields


def test_topics_are_scanned_by_name(news, banned_name):
    news.topic_links = [NewsPageTopic(topic=TopicFactory(name=f"{BANNED_NAME} ісі"))]
    news.body = []
    report = scan_revision(news.save_revision())
    assert ("topic_links[0].topic", "stop_list") in findings_by_field(report)


def test_an_unreadable_document_is_a_warning_with_its_masked_title(news_index):
    encrypted = make_document(
        f"Құпия хат, ЖСН {IIN_SEO}",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
        "letter.docx",
    )
    page = NewsPageFactory(
        live=False, parent=news_index, body=[("document", {"document": encrypted, "label": "Хат"})]
    )
    report = scan_revision(page.save_revision())

    unreadable = [f for f in report.findings if f.category == "document_unreadable"]
    assert len(unreadable) == 1
    finding = unreadable[0]
    assert finding.severity == WARN
    assert finding.field == "body[0].document.content"
    assert finding.rule == "document.unreadable"
    assert finding.excerpt.startswith("Құпия хат, ЖСН ")
    assert IIN_SEO not in finding.excerpt
    assert finding.fingerprint
    assert ("body[0].document.title", "iin") in findings_by_field(report)
    assert IIN_SEO not in json.dumps(report.as_dict(), ensure_ascii=False)


def test_a_too_large_document_is_not_read(news_index, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 100)
    big = make_document("Есеп", build_pdf(["x" * 200]), "report.pdf")
    page = NewsPageFactory(
        live=False, parent=news_index, body=[("document", {"document": big, "label": ""})]
    )
    (finding,) = scan_object(page).findings
    assert (finding.category, finding.severity, finding.rule) == (
        "document_unreadable",
        WARN,
        "document.too_large",
    )


def test_document_text_is_extracted_once_per_file(news, monkeypatch):
    calls = []
    extract = documents.extract_text

    def counting(data, **kwargs):
        calls.append(len(data))
        return extract(data, **kwargs)

    monkeypatch.setattr(documents, "extract_text", counting)
    revision = news.save_revision()
    first = scan_revision(revision)
    assert len(calls) == 2
    assert scan_revision(revision) == first
    assert len(calls) == 2

    pdf = get_document_model().objects.get(title="Шарт")
    pdf.file.save("contract-v2.pdf", ContentFile(build_pdf(["No account numbers here"])))
    report = scan_revision(news.save_revision())
    assert len(calls) == 3
    assert ("body[4].document.content", "iban") not in findings_by_field(report)


def test_a_ru_translation_is_scanned_with_its_own_values_and_language(news, banned_name):
    StopListTerm.objects.create(
        phrase="Сергей Петров", language="ru", legal_basis="Решение суда № 7 от 01.03.2025"
    )
    news.lead = "Сергей Петров туралы жаңалық."  # a ru-only term: not checked in kk text
    kk_revision = news.save_revision()
    translation = news.copy_for_translation(locale("ru"), copy_parents=True).specific
    translation.title = "Министерство запустило новую услугу"
    translation.seo_title = "Новая услуга"
    translation.lead = f"Об этом сообщил Сергей Петров; ИИН заявителя {IIN_RU}."
    ru_revision = translation.save_revision()

    kk_report = scan_revision(kk_revision)
    ru_report = scan_revision(ru_revision)

    assert ("lead", "stop_list") not in findings_by_field(kk_report)
    assert ("seo_title", "iin") in findings_by_field(kk_report)
    assert ("seo_title", "iin") not in findings_by_field(ru_report)
    assert {("lead", "stop_list"), ("lead", "iin")} <= findings_by_field(ru_report)
    ru_lead = [f for f in ru_report.findings if f.field == "lead" and f.category == "iin"]
    assert ru_lead[0].excerpt.startswith(IIN_RU[:2]) and ru_lead[0].excerpt.endswith(IIN_RU[-2:])


def test_rich_text_becomes_lines_of_plain_text():
    html = (
        '<h2>Тақырып</h2><p>Бір <a linktype="page" id="3">сілтеме</a>&nbsp;мен '
        "<b>қалың</b>мәтін</p><ul><li>бір</li><li>екі</li></ul>"
        '<p>Сурет: <embed embedtype="image" id="999" alt="Жасырын сурет" format="left"/></p>'
    )
    assert rich_text_to_plain(html) == "Тақырып\nБір сілтеме\xa0мен қалыңмәтін\nбір\nекі\nСурет:"


def test_scan_text_report_counts_what_it_scanned(banned_name):
    report = scan_text_report(f"Мәтін: {BANNED_NAME}\nЖСН {IIN_SEO}", languages=["kk"])
    assert [f.category for f in report.findings] == ["stop_list", "iin"]
    assert report.scanned_fields == 1
    assert report.stop_list_size == 1
    assert len(report.blocking()) == 2
