"""Signing a request with ЭЦП in Chromium: the real ncalayer-js-client against the fake
NCALayer of :mod:`tests.browser.ncalayer_fixtures`."""

import re

import pytest
from playwright.sync_api import expect

from citizen_requests.models import CitizenRequest
from esign.services import submissions_for
from tests.browser.axe import serious_violations
from tests.browser.moderation_fixtures import log_in
from tests.browser.ncalayer_fixtures import (  # noqa: F401
    ncalayer_fixture,
    signing_browser_fixture,
)
from tests.browser.ncalayer_fixtures import signing_page as _page
from tests.browser.requests_admin_steps import open_case, request_officer
from tests.browser.requests_fixtures import requests_site_fixture  # noqa: F401
from tests.esign.world import IIN

pytestmark = pytest.mark.browser

SUBJECT = "Бюджет туралы"
TEXT = "2026 жылғы бюджеттің орындалуы туралы ақпарат беруіңізді сұраймын."


def _fill_and_send(citizen, site):
    citizen.goto(site.information.url)
    for name, value in {
        "full_name": "Айдар Тестов",
        "iin": IIN,
        "email": "aidar@example.kz",
        "subject": SUBJECT,
        "text": TEXT,
    }.items():
        citizen.locator(f"#id_{name}").fill(value)
    citizen.locator("#id_consent").check()
    citizen.get_by_role("button", name=re.compile("Send the request|Сұрауды жіберу")).click()
    expect(citizen.locator("[data-signed-rows]")).to_contain_text(SUBJECT)


def test_a_citizen_signs_with_ncalayer_and_the_officer_sees_the_verified_signature(
    requests_site, signing_browser, live_server, ncalayer, pinned
):
    ncalayer.cancel = False
    context, citizen = _page(signing_browser, live_server)
    try:
        _fill_and_send(citizen, requests_site)
        problems = serious_violations(citizen, "signing page")
        sign = citizen.locator("[data-sign-button]")
        expect(sign).to_be_visible()
        sign.click()

        expect(citizen.locator("[data-acknowledgement]")).to_be_visible(timeout=30_000)
        number = citizen.locator("[data-number]").inner_text()
        case = CitizenRequest.objects.get(number=number)
        (submission,) = submissions_for(case)
        assert ncalayer.signed == [bytes(submission.document)]
        assert submission.iin == IIN and submission.latest_check.state == "valid"

        officer = context.new_page()
        log_in(officer, request_officer())
        open_case(officer, number)
        shown = officer.locator("[data-signature]")
        expect(shown).to_contain_text("Signed with ЭЦП")
        expect(shown).to_contain_text("ТЕСТОВ АЙДАР")
        expect(shown).to_contain_text(IIN)
        expect(shown).to_contain_text("not revoked at the time of signing")
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def test_a_cancelled_signing_says_so_and_registers_nothing(
    requests_site, signing_browser, live_server, ncalayer, pinned
):
    ncalayer.cancel = True
    context, citizen = _page(signing_browser, live_server)
    try:
        _fill_and_send(citizen, requests_site)
        citizen.locator("[data-sign-button]").click()

        problem = citizen.locator("[data-sign-problem]")
        expect(problem).to_be_visible(timeout=20_000)
        expect(problem).to_contain_text(re.compile("тоқтатылды|cancelled"))
        expect(citizen.locator("[data-sign-button]")).to_be_enabled()
        assert not CitizenRequest.objects.exists()
    finally:
        ncalayer.cancel = False
        context.close()


def test_without_javascript_the_page_offers_no_sign_button(requests_site, new_page):
    """The sign button is shown by the script that makes it work: a click before the script
    ran (or without JavaScript) would send the form with no signature."""
    citizen = new_page(java_script_enabled=False)
    _fill_and_send(citizen, requests_site)

    expect(citizen.locator("[data-sign-button]")).to_be_hidden()
    expect(citizen.locator("[data-edit-button]")).to_be_visible()
