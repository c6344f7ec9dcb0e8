"""A citizen's request from the form to the answer, in Chromium.

1. A citizen files an information request in Kazakh, with a PDF attached: a mistyped ИИН is
   caught (the error summary takes the focus, the typed text stays), corrected, and the
   acknowledgement gives the registration number and tracking code.
2. A request officer answers it in the admin (``tests/browser/requests_admin_steps.py``).
3. The citizen enters the number and code on the status page and reads the answer.
And a journalist files a media request in Russian. Every public page passes axe-core.
"""

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from citizen_requests.kinds import RequestKind, Status
from citizen_requests.models import CitizenRequest
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.requests_admin_steps import officer_answers
from tests.browser.requests_fixtures import requests_site_fixture  # noqa: F401
from tests.files import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

IIN = "900115300122"  # a made-up number with a valid ИИН checksum
WRONG_IIN = "900115300123"
SUBJECT = "Мектеп құрылысы туралы"
TEXT = "2026 жылы ауданда салынатын мектептер туралы ақпарат беруіңізді сұраймын."
ANSWER = "Ауданда 2026 жылы екі мектеп салынады, құрылыс мамыр айында басталады."


def fill(browser_page, values: dict[str, str]) -> None:
    for name, value in values.items():
        browser_page.locator(f"#id_{name}").fill(value)


def test_a_citizen_files_in_kk_an_officer_answers_and_the_citizen_reads_the_answer(
    requests_site, new_page
):
    site = requests_site
    problems = {}
    citizen = new_page(viewport=DESKTOP)

    # 1. The form, a mistake, the correction and the acknowledgement.
    citizen.goto(site.information.url)
    expect(citizen.locator("html")).to_have_attribute("lang", "kk")
    expect(citizen.get_by_role("heading", name="Ақпарат сұрау", level=1)).to_be_visible()
    problems["form"] = serious_violations(citizen)
    fill(
        citizen,
        {
            "full_name": "Асқар Тестов",
            "iin": WRONG_IIN,
            "email": "asqar@example.kz",
            "phone": "8 701 234 56 78",
            "subject": SUBJECT,
            "text": TEXT,
        },
    )
    citizen.locator("#id_consent").check()
    citizen.get_by_role("button", name=re.compile("Send the request|Сұрауды жіберу")).click()

    summary = citizen.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(citizen.locator("#id_iin")).to_have_attribute("aria-invalid", "true")
    expect(citizen.locator("#id_subject")).to_have_value(SUBJECT)
    expect(citizen.locator("#id_text")).to_have_value(TEXT)
    problems["form with errors"] = serious_violations(citizen)
    summary.get_by_role("link").first.click()
    expect(citizen.locator("#id_iin")).to_be_focused()
    citizen.locator("#id_iin").fill(IIN)
    citizen.locator("#id_attachments").set_input_files(
        {"name": "хат.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    citizen.locator("#id_consent").check()
    citizen.get_by_role("button", name=re.compile("Send the request|Сұрауды жіберу")).click()
    # The signing step shows the request; this requester sends it without a signature.
    expect(citizen.locator("[data-signed-rows]")).to_contain_text(SUBJECT)
    problems["signing step"] = serious_violations(citizen)
    citizen.locator("[data-unsigned-button]").click()

    acknowledgement = citizen.locator("[data-acknowledgement]")
    expect(acknowledgement).to_be_visible()
    number = citizen.locator("[data-number]").inner_text()
    code = citizen.locator("[data-code]").inner_text()
    assert re.fullmatch(r"АҚ-\d{4}-000001", number), number
    problems["acknowledgement"] = serious_violations(citizen)
    request = CitizenRequest.objects.get(number=number)
    assert request.kind == RequestKind.INFORMATION
    assert request.language == "kk"
    assert request.iin == IIN
    assert [a.original_name for a in request.attachments.all()] == ["хат.pdf"]
    assert request.check_tracking_code(code)
    expect(citizen.get_by_text(request.answer_due.strftime("%d.%m.%Y"))).to_be_visible()

    # 2. An officer answers it in the admin.
    officer_answers(new_page(viewport=DESKTOP), number, ANSWER)

    # 3. The citizen follows the link to the status page and reads the answer.
    citizen.locator(".acknowledgement__links a").first.click()
    expect(citizen).to_have_url(re.compile(re.escape(site.status.url) + "$"))
    problems["status form"] = serious_violations(citizen)
    citizen.locator("#id_number").fill(number)
    citizen.locator("#id_code").fill(code.lower())
    citizen.locator("form.request-form button[type=submit]").click()
    status = citizen.locator("[data-request-status]")
    expect(status).to_be_visible()
    expect(citizen.locator("[data-status]")).to_have_text(
        re.compile(str(Status.ANSWERED.label) + "|Жауап берілді")
    )
    expect(citizen.locator("[data-answer]")).to_contain_text(ANSWER)
    problems["status"] = serious_violations(citizen)

    assert not any(problems.values()), f"axe-core found serious or critical problems: {problems}"


def test_a_journalist_files_a_media_request_in_ru_on_a_phone(requests_site, new_page):
    journalist = new_page(viewport=PHONE)
    journalist.goto(requests_site.media_ru.url)
    expect(journalist.locator("html")).to_have_attribute("lang", "ru")
    expect(journalist.locator("#id_iin")).to_have_count(0)
    width = journalist.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the form is {width}px wide on a 375px phone"
    fill(
        journalist,
        {
            "outlet": "Информационное агентство «Дала»",
            "accreditation_number": "АК-2026-114",
            "full_name": "Марина Журналистова",
            "email": "marina@dala.example.kz",
            "subject": "Сроки строительства школ",
            "text": "Просим сообщить сроки строительства школ в районе в 2026 году.",
        },
    )
    journalist.locator("#id_consent").check()
    journalist.locator("[data-submit]").click()
    journalist.locator("[data-unsigned-button]").click()
    expect(journalist.locator("[data-acknowledgement]")).to_be_visible()
    expect(journalist.locator("html")).to_have_attribute("lang", "ru")
    number = journalist.locator("[data-number]").inner_text()
    assert re.fullmatch(r"БАҚ-\d{4}-000001", number), number
    request = CitizenRequest.objects.get(number=number)
    assert (request.kind, request.language) == (RequestKind.MEDIA, "ru")
    assert request.outlet == "Информационное агентство «Дала»"
    assert request.accreditation_number == "АК-2026-114"
    assert request.iin == ""
    problems = serious_violations(journalist)
    assert not problems, problems
