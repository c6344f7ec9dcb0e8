"""A member of staff's first sign-in sets up the authenticator app; the next uses its code."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.browser.moderation_fixtures import staff
from tests.signin import fresh_code
from tests.workflows.moderation import PASSWORD

pytestmark = pytest.mark.browser


def code_for(secret: str) -> str:
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key):06d}"


def sign_in_with_password(browser_page, user) -> None:
    browser_page.goto("/admin/login/")
    browser_page.get_by_label("Username").fill(user.get_username())
    browser_page.get_by_label("Password").fill(PASSWORD)
    browser_page.get_by_role("button", name="Sign in").click()


def test_enrol_an_authenticator_app_then_sign_in_with_it(
    browser, live_server, django_db_serialized_rollback, transactional_db, new_page
):
    user = staff("editors", "new-editor")
    problems: list[str] = []

    # First sign-in: the password leads to enrolment; the QR code and the key are shown.
    first = new_page(viewport=DESKTOP)
    sign_in_with_password(first, user)
    first.wait_for_url("**/admin/two-step/enrol/**")
    assert first.get_by_role("img", name="QR code to scan with your authenticator app").count()
    problems += serious_violations(first, "enrol")
    secret = first.locator(".staff-auth-secret").first.inner_text()
    first.get_by_label("Code from the app").fill(code_for(secret))
    first.get_by_role("button", name="Confirm").click()

    # The recovery codes are shown once, then the admin opens.
    first.wait_for_url("**/admin/two-step/**")
    codes = first.locator(".staff-auth-codes li")
    assert codes.count() == 10
    problems += serious_violations(first, "recovery codes")
    first.get_by_role("link", name="I have kept my codes: continue").click()
    first.wait_for_url("**/admin/")
    assert TOTPDevice.objects.get(user=user).confirmed

    # Next sign-in, in another browser: the password, then the app's code.
    second = new_page(viewport=DESKTOP)
    sign_in_with_password(second, user)
    second.wait_for_url("**/admin/two-step/verify/**")
    problems += serious_violations(second, "verify")
    second.get_by_label("Code").fill("000000")
    second.get_by_role("button", name="Continue").click()
    second.locator(".messages .error").get_by_text("This code is not right").wait_for()
    second.get_by_label("Code").fill(fresh_code(TOTPDevice.objects.get(user=user)))
    second.get_by_role("button", name="Continue").click()
    second.wait_for_url("**/admin/")
    assert problems == []
