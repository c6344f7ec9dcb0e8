"""An outlet signs its accreditation application with ЭЦП in Chromium (the real
ncalayer-js-client against the fake NCALayer of :mod:`tests.browser.ncalayer_fixtures`, with the
certificate of the outlet's head), and the officer sees the verified signature."""

import re

import pytest
from playwright.sync_api import expect

from accreditation.models import Application
from esign.services import submissions_for
from tests.accreditation.factories import VALID_IIN, IntakeFactory, accreditation_page, jpeg_bytes
from tests.browser.axe import serious_violations
from tests.browser.moderation_fixtures import log_in, staff
from tests.browser.ncalayer_fixtures import (  # noqa: F401
    ncalayer_fixture,
    signing_browser_fixture,
    signing_page,
)
from tests.esign.world import BIN, HEAD_IIN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUTLET = "Qazaq Times"


@pytest.fixture
def accreditation_site(browser, live_server, django_db_serialized_rollback, transactional_db):
    """The accreditation page with an open intake, and an accreditation officer."""
    page = accreditation_page()
    IntakeFactory()
    return {"page": page, "officer": staff("accreditation_officers", "officer")}


def _apply(outlet, site, tmp_path) -> None:
    """Fill in the application for one journalist and send it, up to the signing page."""
    photo = tmp_path / "aidos.jpg"
    photo.write_bytes(jpeg_bytes())
    outlet.goto(site["page"].url)
    form = outlet.locator("form[data-request-form]")
    for name, value in {
        "outlet_name": OUTLET,
        "bin": BIN,
        "editor_in_chief": "Әлия Басшы",
        "signer_iin": HEAD_IIN,
        "contact_email": "editor@qazaqtimes.example.kz",
        "journalists-0-full_name": "Айдос Серіков",
        "journalists-0-position": "Тілші",
        "journalists-0-iin": VALID_IIN,
        "journalists-0-email": "aidos@qazaqtimes.example.kz",
    }.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("[name='journalists-0-photo']").set_input_files(str(photo))
    form.locator("[name=consent]").check()
    form.locator("[data-submit]").click()
    expect(outlet.locator("[data-signed-rows]")).to_contain_text(HEAD_IIN)


def test_an_outlet_signs_its_application_and_the_officer_sees_the_verified_signature(
    accreditation_site, signing_browser, live_server, ncalayer, pinned, tmp_path
):
    ncalayer.certificate = "head"
    context, outlet = signing_page(signing_browser, live_server)
    try:
        _apply(outlet, accreditation_site, tmp_path)
        problems = serious_violations(outlet, "signing page")
        sign = outlet.locator("[data-sign-button]")
        expect(sign).to_be_visible()
        sign.click()

        expect(outlet.locator("[data-acknowledgement]")).to_be_visible(timeout=30_000)
        number = outlet.locator("[data-number]").inner_text()
        (submission,) = submissions_for(Application.objects.get(number=number))
        assert ncalayer.signed[-1] == bytes(submission.document)
        assert (submission.iin, submission.bin) == (HEAD_IIN, BIN)
        assert submission.latest_check.state == "valid"

        officer = context.new_page()
        log_in(officer, accreditation_site["officer"])
        officer.goto("/admin/accreditation/applications/")
        officer.get_by_role("link", name=re.compile(re.escape(number))).first.click()
        shown = officer.locator("[data-signature]")
        expect(shown).to_contain_text("Signed with ЭЦП")
        expect(shown).to_contain_text(HEAD_IIN)
        expect(shown).to_contain_text("not revoked at the time of signing")
        assert problems == [], "\n".join(problems)
    finally:
        ncalayer.certificate = "person"
        context.close()


def test_without_ncalayer_the_outlet_is_told_to_start_it_and_nothing_is_filed(
    accreditation_site, new_page, tmp_path
):
    """A browser that cannot reach NCALayer (here: it does not trust the fake's certificate)."""
    outlet = new_page()
    _apply(outlet, accreditation_site, tmp_path)

    outlet.locator("[data-sign-button]").click()

    problem = outlet.locator("[data-sign-problem]")
    expect(problem).to_be_visible(timeout=20_000)
    expect(problem).to_contain_text(re.compile("NCALayer"))
    expect(problem.get_by_role("link")).to_have_attribute("href", "https://pki.gov.kz/ncalayer/")
    expect(outlet.locator("[data-sign-button]")).to_be_enabled()
    assert not Application.objects.exists()
