"""Browser steps in the request officer's admin, for the requests journey (its step 2).

``officer_answers(browser_page, number, text)`` is "an officer answers it in the admin": a member
of the Request officers group signs in, finds the request by its number in the case list, opens
the case (seeing the requester's personal data, which is logged), takes it on, writes the answer
in the rich-text editor and sends it. The answer is then on the status page. The test that calls
it provides the live server and the database (``tests/browser/conftest.py``).
"""

import re

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from wagtail.models import Locale

from agency.models import AgencyProfile
from citizen_requests.kinds import Status
from citizen_requests.models import CitizenRequest
from tests.browser.moderation_fixtures import log_in, staff

SIGNATORY_NAME = "Әлия Бекова"
SIGNATORY_POSITION = "Баспасөз қызметінің басшысы"


def request_officer(username: str = "request-officer"):
    """A member of the Request officers group who uses the admin in English."""
    return staff("request_officers", username)


def set_signatory(name: str = SIGNATORY_NAME, position: str = SIGNATORY_POSITION) -> None:
    """The default signatory of letters, in the agency profile of every language."""
    for locale in Locale.objects.all():
        AgencyProfile.objects.update_or_create(
            locale=locale,
            defaults={"signatory_name": name, "signatory_position": position},
            create_defaults={
                "name": "Ақпарат министрлігі",
                "signatory_name": name,
                "signatory_position": position,
            },
        )


def open_case(browser_page, number: str) -> None:
    """Find the request in the case list by its number and open it."""
    browser_page.goto("/admin/requests/cases/")
    browser_page.get_by_label("Search").fill(number)
    browser_page.get_by_role("button", name="Filter").click()
    browser_page.get_by_role("link", name=number, exact=True).click()
    expect(browser_page.get_by_role("heading", name=re.compile(re.escape(number)))).to_be_visible()


def take_case(browser_page, user) -> None:
    """Assign the open case to ``user``."""
    browser_page.locator("#action-assign > summary").click()
    form = browser_page.locator("#action-assign")
    executor = form.get_by_label("Executor")
    executor.select_option(value=str(user.pk))
    form.get_by_role("button", name="Assign").click()
    expect(browser_page.get_by_text("The case is assigned.")).to_be_visible()


def write_answer(browser_page, text: str) -> None:
    """Type the answer in the answer box, as a person would."""
    browser_page.locator("#action-answer > summary").click()
    field = browser_page.locator("#action-answer textarea[name='answer-body']")
    field.click()
    browser_page.keyboard.type(text)
    expect(field).to_have_value(re.compile(re.escape(text[:20])))


def officer_answers(
    browser_page, number: str, text: str, *, officer=None, log_in_first: bool = True
) -> CitizenRequest:
    """An officer answers request ``number`` in the admin with ``text``. Returns the request.

    Sets the default signatory if none is set, so the letter can state it. ``browser_page``
    should be a fresh page (``new_page()``); pass ``log_in_first=False`` if it is signed in.
    """
    officer = officer or request_officer()
    if not all(all(AgencyProfile.default_signatory(lang)) for lang in ("kk", "ru", "en")):
        set_signatory()
    if log_in_first:
        log_in(browser_page, officer)
    open_case(browser_page, number)
    expect(browser_page.locator("#personal-data")).to_be_visible()
    take_case(browser_page, officer)
    write_answer(browser_page, text)
    browser_page.locator("#action-answer").get_by_role("button", name="Send the answer").click()
    expect(
        browser_page.get_by_text("The answer is sent by the requester's chosen channel.")
    ).to_be_visible()
    citizen_request = CitizenRequest.objects.get(number=number)
    assert citizen_request.status == Status.ANSWERED, citizen_request.status
    return citizen_request
