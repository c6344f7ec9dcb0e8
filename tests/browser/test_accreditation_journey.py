"""Accreditation in a real browser: an outlet applies, the officer approves, the
card's QR page shows the card valid, the journalist registers for a briefing, and the officer
exports the attendance list. axe-core finds no serious or critical problem on the public pages
of the journey.

The e-mailed confirmation link is read from the outbox the live server's mail goes to, as the
journalist would read it from their mailbox.
"""

import datetime
import re
from urllib.parse import urlparse

from django.core import mail
from django.utils import timezone

import pytest

from accreditation import cards
from accreditation.models import Accreditation, EventRegistration
from tests.accreditation.events_helpers import accreditation_page, briefing, link_token, subpage
from tests.accreditation.factories import VALID_BIN, VALID_IIN, IntakeFactory, jpeg_bytes
from tests.accreditation.helpers import SIGNER_IIN
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.browser.moderation_fixtures import log_in, staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

JOURNALIST = "Айдос Серіков"
JOURNALIST_EMAIL = "aidos@qazaqtimes.example.kz"


@pytest.fixture
def journey_site(browser, live_server, django_db_serialized_rollback, transactional_db):
    """The accreditation page with an open intake, a briefing taking registrations, an officer."""
    page = accreditation_page()
    page.save_revision().publish()
    IntakeFactory()
    event = briefing(
        title="Цифрлық қызметтер брифингі",
        slug="digital-briefing",
        capacity=20,
        accreditation_required=True,
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    return {
        "page": page,
        "event": event,
        "officer": staff("accreditation_officers", "officer"),
    }


def test_apply_approve_verify_register_export(journey_site, new_page, tmp_path):
    site = journey_site
    problems: list[str] = []
    public = new_page(viewport=DESKTOP)

    # 1. The outlet applies on the accreditation page.
    public.goto(site["page"].url)
    problems += serious_violations(public, "apply")
    form = public.locator("form[data-request-form]")
    form.locator("[name=outlet_name]").fill("Qazaq Times")
    form.locator("[name=registration_number]").fill("KZ12345VV")
    form.locator("[name=bin]").fill(VALID_BIN)
    form.locator("[name=editor_in_chief]").fill("Сәуле Ахметова")
    form.locator("[name=signer_iin]").fill(SIGNER_IIN)
    form.locator("[name=contact_email]").fill("editor@qazaqtimes.example.kz")
    form.locator("[name=contact_phone]").fill("+7 717 200 00 00")
    form.locator("[name='journalists-0-full_name']").fill(JOURNALIST)
    form.locator("[name='journalists-0-position']").fill("Тілші")
    form.locator("[name='journalists-0-iin']").fill(VALID_IIN)
    form.locator("[name='journalists-0-email']").fill(JOURNALIST_EMAIL)
    form.locator("[name='journalists-0-phone']").fill("+7 701 234 56 78")
    photo = tmp_path / "aidos.jpg"
    photo.write_bytes(jpeg_bytes())
    form.locator("[name='journalists-0-photo']").set_input_files(str(photo))
    form.locator("[name=consent]").check()
    form.locator("[data-submit]").click()
    public.locator("[data-unsigned-button]").click()
    public.locator("[data-acknowledgement]").wait_for()
    number = public.locator("[data-number]").inner_text()
    assert number.startswith("АКК-")

    # 2. The officer approves the journalist.
    admin = new_page(viewport=DESKTOP)
    log_in(admin, site["officer"])
    admin.goto("/admin/accreditation/applications/")
    admin.get_by_role("link", name=re.compile(re.escape(number))).first.click()
    admin.get_by_role("button", name=f"Approve {JOURNALIST}").click()
    admin.wait_for_load_state()
    accreditation = Accreditation.objects.get(full_name=JOURNALIST)
    assert accreditation.is_valid()

    # 3. The card's QR code leads to the verification page, which shows the card valid.
    public.goto(urlparse(cards.verify_url(accreditation)).path)
    public.locator("[data-card-state='active']").wait_for()
    assert JOURNALIST in public.locator("[data-card-name]").inner_text()
    problems += serious_violations(public, "verify")

    # 4. The journalist registers for the briefing with the card number and the mailed link.
    mail.outbox.clear()
    event = site["event"]
    public.goto(event.url)
    public.locator("[data-event-registration]").get_by_role(
        "link", name=re.compile(".+")
    ).first.click()
    public.wait_for_url(f"**{subpage(event, 'register')}")
    problems += serious_violations(public, "register")
    public.locator("main [name=card_number]").fill(accreditation.card_number)
    public.locator("main form button[type=submit]").click()
    public.locator("[data-registration-sent]").wait_for()
    [message] = [m for m in mail.outbox if m.to == [JOURNALIST_EMAIL]]
    public.goto(subpage(event, "confirm", token=link_token(message)))
    problems += serious_violations(public, "confirm")
    public.locator("[data-confirm]").click()
    public.locator("[data-registered]").wait_for()
    assert EventRegistration.objects.get(accreditation=accreditation).status == "registered"

    # 5. The officer exports the attendance list for the venue's security.
    admin.goto("/admin/")
    admin.get_by_role("button", name="Accreditation").click()
    admin.get_by_role("link", name="Press events").click()
    admin.get_by_role("link", name=event.title).click()
    assert JOURNALIST in admin.locator("main").inner_text()
    with admin.expect_download() as download_info:
        admin.locator("[data-attendance-csv]").click()
    csv_text = open(download_info.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert JOURNALIST in csv_text and accreditation.card_number in csv_text
    with admin.expect_download() as download_info:
        admin.locator("[data-attendance-pdf]").click()
    pdf = open(download_info.value.path(), "rb").read()  # noqa: SIM115
    assert pdf.startswith(b"%PDF")

    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)


def test_questions_and_interview_request_in_the_browser(journey_site, new_page):
    """A registered journalist sends a question, then asks for an interview; errors first."""
    from citizen_requests.models import CitizenRequest
    from tests.accreditation.factories import AccreditationFactory, EventRegistrationFactory

    problems: list[str] = []
    accreditation = AccreditationFactory(full_name=JOURNALIST)
    registration = EventRegistrationFactory(
        briefing=journey_site["event"], accreditation=accreditation
    )
    public = new_page(viewport=DESKTOP)

    public.goto(subpage(journey_site["event"], "confirm", token=registration.confirm_token))
    public.locator("[data-registered]").wait_for()
    problems += serious_violations(public, "registration")
    public.locator(f"a[href$='questions/{registration.confirm_token}/']").click()
    public.locator("main [name=text]").fill("Бағдарлама қашан басталады?")
    public.locator("main form button[type=submit]").click()
    public.locator("[data-question-sent]").wait_for()
    problems += serious_violations(public, "questions")
    assert registration.questions.get().text == "Бағдарлама қашан басталады?"

    public.goto(subpage(journey_site["page"], "interview"))
    form = public.locator("main form")
    form.locator("[name=card_number]").fill(accreditation.card_number)
    form.locator("[name=official]").fill("Нұрлан Әбенов")
    form.locator("button[type=submit]").click()
    public.locator("[data-error-summary]").wait_for()
    problems += serious_violations(public, "interview errors")
    assert form.locator("[name=official]").input_value() == "Нұрлан Әбенов", "input kept"
    form.locator("[name=topic]").fill("Цифрлық қызметтер")
    form.locator("[name=text]").fill("Жоба қашан аяқталады?")
    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()
    public.locator("[data-acknowledgement]").wait_for()
    problems += serious_violations(public, "interview done")
    case = CitizenRequest.objects.get()
    assert public.locator("[data-number]").inner_text() == case.number
    assert case.accreditation_number == accreditation.card_number

    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)
