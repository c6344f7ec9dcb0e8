"""The low-vision version: reached and named from the keyboard, remembered across pages, and
accessible (axe) in every mode; the header stays compact on a phone."""

import pytest

from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MODES = {
    "normal": [],
    "black on white": [("contrast", "black-on-white")],
    "white on black": [("contrast", "white-on-black")],
    "larger text": [("font", "2")],
    "images off": [("images", "off")],
    "wider spacing": [("spacing", "wide")],
}
SWITCH_NAMES = {
    "kk": "Нашар көретіндерге арналған нұсқа",
    "ru": "Версия для слабовидящих",
    "en": "Low-vision version",
}


def html_classes(browser_page) -> set[str]:
    return set(browser_page.evaluate("[...document.documentElement.classList]"))


def choose(browser_page, setting: str, value: str):
    switch = browser_page.locator("details.low-vision")
    if not switch.evaluate("element => element.open"):
        browser_page.locator(".low-vision__toggle").click()
    browser_page.locator(f'[data-low-vision="{setting}"][data-value="{value}"]').click()


def test_the_switch_works_from_the_keyboard_and_is_remembered(sample_site, new_page):
    browser_page = new_page(viewport=DESKTOP)
    for code, name in SWITCH_NAMES.items():
        browser_page.goto(sample_site.pages[code]["home"].url)
        assert browser_page.locator(".low-vision__toggle").inner_text().strip() == name

    browser_page.goto(sample_site.pages["en"]["home"].url)
    for _ in range(12):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.classList.contains('low-vision__toggle')"):
            break
    else:
        pytest.fail("the low-vision switch is not reachable with Tab")
    browser_page.keyboard.press("Enter")
    large = browser_page.get_by_role("button", name="Large text")
    assert large.is_visible()
    assert large.get_attribute("aria-pressed") == "false"
    browser_page.keyboard.press("Tab")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.textContent.trim()") == "Large text"
    browser_page.keyboard.press("Enter")
    assert large.get_attribute("aria-pressed") == "true"
    assert "lv-font-1" in html_classes(browser_page)
    assert browser_page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"

    browser_page.get_by_role("button", name="Larger text").press("Enter")
    browser_page.get_by_role("button", name="White on black").press("Enter")
    browser_page.get_by_role("button", name="Hide images").press("Enter")
    browser_page.get_by_role("button", name="Wider spacing").press("Enter")
    browser_page.goto(sample_site.pages["en"]["news"].url)
    assert html_classes(browser_page) >= {
        "lv-font-2",
        "lv-white-on-black",
        "lv-no-images",
        "lv-spacing",
    }
    assert "lv-font-1" not in html_classes(browser_page)
    assert browser_page.evaluate("getComputedStyle(document.documentElement).fontSize") == "24px"
    assert (
        browser_page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    )
    assert browser_page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 255, 255)"
    assert not browser_page.locator(".brand__logo").is_visible()
    assert (
        float(browser_page.evaluate("parseFloat(getComputedStyle(document.body).letterSpacing)"))
        > 0
    )
    browser_page.locator(".low-vision__toggle").click()
    assert (
        browser_page.get_by_role("button", name="White on black").get_attribute("aria-pressed")
        == "true"
    )

    browser_page.get_by_role("button", name="Reset settings").click()
    assert not {c for c in html_classes(browser_page) if c.startswith("lv-")}
    browser_page.reload()
    assert not {c for c in html_classes(browser_page) if c.startswith("lv-")}


def test_axe_finds_no_serious_problem_in_any_mode(sample_site, new_page):
    """Each mode is a set of classes on the page, the same in every language: the modes are
    checked on the Kazakh pages, and the open switch, whose words differ, in every language."""
    browser_page = new_page(viewport=DESKTOP)
    problems = []
    for language in ("kk", "ru", "en"):
        browser_page.goto(sample_site.pages[language]["home"].url)
        browser_page.locator(".low-vision__toggle").click()
        problems += serious_violations(browser_page, f"{language}: normal, switch open")
    pages = [sample_site.pages["kk"][kind].url for kind in ("home", "news")]
    for mode, choices in MODES.items():
        browser_page.goto(pages[0])
        browser_page.evaluate("localStorage.clear()")
        for setting, value in choices:
            choose(browser_page, setting, value)
        for url in pages:
            browser_page.goto(url)
            problems += serious_violations(browser_page, f"{mode}, {url}")
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)


def test_the_header_leaves_most_of_a_phone_screen_to_the_content(sample_site, new_page):
    browser_page = new_page(viewport=PHONE)
    for language in ("kk", "ru", "en"):
        browser_page.goto(sample_site.pages[language]["home"].url)
        height = browser_page.locator(".site-header").bounding_box()["height"]
        assert height <= PHONE["height"] * 0.45, (language, height)
        label = browser_page.locator('label[for="header-search-q"]')
        browser_page.locator(".site-search__toggle").click()
        assert label.is_visible()
        assert browser_page.locator("#header-search-q").is_visible()
        widths = browser_page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths
