"""The public site and the admin run in Chromium under their Content-Security-Policy without a
single violation, and the browser accepts their Permissions-Policy as it is written.

Violations are collected twice: from the ``securitypolicyviolation`` events of every document
(an init script hands them to the test) and from the console, where Chromium also reports
policies it cannot parse.
"""

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

import pytest

from tests.accreditation.factories import accreditation_page
from tests.browser.moderation_fixtures import ADMIN_LANGUAGE, log_in
from tests.citizen_requests.helpers import form_page, status_page
from tests.workflows.moderation import PASSWORD

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportPolicyViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
    );
});
"""
OPEN_NCALAYER = "() => { new WebSocket('wss://127.0.0.1:13579/'); }"
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class PolicyWatch:
    """Everything the browser said about the pages' policies, page by page."""

    def __init__(self, browser_page):
        self.problems = []
        self.url = ""
        browser_page.expose_function(
            "reportPolicyViolation", lambda text: self.problems.append(f"{self.url}: {text}")
        )
        browser_page.add_init_script(REPORT_VIOLATIONS)
        browser_page.on("console", self._console)

    def _console(self, message):
        if any(word in message.text for word in POLICY_WORDS):
            self.problems.append(f"{self.url}: console {message.type}: {message.text}")


def visit(browser_page, watch: PolicyWatch, url: str, status: int = 200) -> None:
    watch.url = url
    response = browser_page.goto(url)
    assert response.status == status, url
    assert "Content-Security-Policy" in {name.title() for name in response.headers}
    browser_page.wait_for_load_state("load")


def log_in_to_admin(browser_page):
    """A superuser signed in to the admin in English, the one place the tests sign in."""
    user = get_user_model().objects.create_superuser("csp-admin", password=PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    log_in(browser_page, user)
    return user


def test_public_pages_run_without_a_policy_violation(new_page, sample_site):
    pages = sample_site.pages
    browser_page = new_page()
    watch = PolicyWatch(browser_page)
    for url in (
        pages["kk"]["home"].url,
        pages["ru"]["home"].url,
        pages["en"]["home"].url,
        pages["kk"]["news_index"].url,
        pages["kk"]["news"].url,
        pages["kk"]["briefing"].url,
        pages["kk"]["faq"].url,
        "/kk/search/?q=цифрлық",
        form_page().url,
        status_page().url,
        accreditation_page().url,
    ):
        visit(browser_page, watch, url)
    visit(browser_page, watch, "/kk/no-such-page/", status=404)
    visit(browser_page, watch, "/kk/search/?q=%00", status=400)
    # The request form's script runs: choosing a legal entity shows its fields.
    visit(browser_page, watch, form_page().url)
    browser_page.locator("input[name='requester_type'][value='legal_entity']").check()
    assert browser_page.locator("[data-requester-section]").is_visible()
    # The form may open a connection to NCALayer on the person's computer (nothing listens here,
    # so it fails, but the policy lets it try); the status page may not.
    browser_page.evaluate(OPEN_NCALAYER)
    browser_page.wait_for_timeout(500)
    assert not watch.problems, "\n".join(watch.problems)
    visit(browser_page, watch, status_page().url)
    browser_page.evaluate(OPEN_NCALAYER)
    browser_page.wait_for_timeout(500)
    assert any("connect-src blocked wss://127.0.0.1:13579" in text for text in watch.problems)


def test_admin_pages_run_without_a_policy_violation(new_page, sample_site):
    browser_page = new_page()
    watch = PolicyWatch(browser_page)
    watch.url = "/admin/login/"
    log_in_to_admin(browser_page)
    news = sample_site.pages["kk"]["news"]
    for url in (
        "/admin/",
        f"/admin/pages/{news.get_parent().pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/requests/cases/",
        "/admin/requests/reports/",
        "/admin/requests/calendar/",
        "/admin/accreditation/applications/",
        "/admin/accreditation/events/",
    ):
        visit(browser_page, watch, url)
    visit(browser_page, watch, f"/admin/pages/{news.pk}/edit/")
    watch.url = "image chooser"
    chooser = browser_page.locator(".chooser", has=browser_page.locator("[data-chooser-title]"))
    chooser.first.get_by_role("button", name="Actions").click()
    chooser.first.get_by_role("button", name="Change image").click()
    browser_page.get_by_role("dialog").locator("[data-chooser-modal-choice]").first.wait_for()
    browser_page.get_by_role("dialog").get_by_role("button", name="Close").click()
    browser_page.get_by_role("dialog").wait_for(state="hidden")
    watch.url = "page preview"
    browser_page.get_by_role("button", name="Toggle preview").first.click()
    browser_page.frame_locator("iframe").first.locator("main").wait_for()
    assert not watch.problems, "\n".join(watch.problems)
