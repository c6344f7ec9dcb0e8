"""axe-core finds no serious or critical problem on the public pages, which also fit a phone."""

import pytest

from tests.browser.axe import BLOCKING_IMPACTS
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGE_KINDS = ("home", "news_index", "news", "briefing", "faq_index", "faq")


def _describe(kind: str, violation: dict) -> str:
    nodes = "\n".join(
        f"      {', '.join(map(str, node['target']))}: {node['failureSummary']}"
        for node in violation["nodes"]
    )
    return f"  [{kind}] {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_pages_have_no_serious_accessibility_violation(language, sample_site, new_page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    browser_page = new_page(viewport=DESKTOP)
    problems = []
    for kind in PAGE_KINDS:
        response = browser_page.goto(sample_site.pages[language][kind].url)
        assert response.status == 200, kind
        results = axe.run(browser_page)
        problems += [
            _describe(kind, violation)
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_pages_fit_a_375px_wide_phone(language, sample_site, new_page):
    browser_page = new_page(viewport=PHONE)
    too_wide = {}
    for kind in PAGE_KINDS:
        browser_page.goto(sample_site.pages[language][kind].url)
        widths = browser_page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            too_wide[kind] = widths
    assert not too_wide, f"pages scroll sideways at 375px (scrollWidth, clientWidth): {too_wide}"


def test_focus_is_visible_and_the_skip_link_leads_to_main(sample_site, new_page):
    browser_page = new_page(viewport=DESKTOP)
    browser_page.goto(sample_site.pages["kk"]["news"].url)
    browser_page.keyboard.press("Tab")
    skip = browser_page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    style = skip.evaluate(
        "element => { const s = getComputedStyle(element); return [s.backgroundColor, s.top]; }"
    )
    assert style[0] == "rgb(254, 197, 12)", style
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"

    link = browser_page.locator(".main-nav__link").first
    link.focus()
    outline = link.evaluate(
        "element => { const s = getComputedStyle(element); return [s.backgroundColor, s.boxShadow]; }"
    )
    assert outline[0] == "rgb(254, 197, 12)" and outline[1] != "none", outline
