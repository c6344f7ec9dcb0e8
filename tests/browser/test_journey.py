"""A visitor's journey through the site in a real browser, with JavaScript switched off."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_to_news_search_and_briefing_calendar(sample_site, new_page):
    ru = sample_site.pages["ru"]
    page = new_page(viewport=DESKTOP, java_script_enabled=False)

    page.goto("/kk/")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("h1").count() == 1

    page.locator(".language-switcher").get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    current = page.locator(".language-switcher [aria-current]")
    assert current.inner_text() == "Русский"

    page.get_by_role("link", name=ru["news"].title).first.click()
    page.wait_for_url(f"**{ru['news'].url}")
    assert page.locator("h1").inner_text() == ru["news"].title
    assert page.locator(".page-dates time").count() == 2

    search = page.get_by_role("search").first
    search.get_by_label(re.compile(".+")).fill("цифровую")
    search.get_by_role("button").click()
    page.wait_for_url(re.compile(r"/ru/search/\?q="))
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator("main").get_by_role("link", name=ru["news"].title).first.wait_for()

    page.get_by_role("navigation", name=re.compile(".+")).get_by_role(
        "link", name=ru["briefing_index"].title
    ).first.click()
    page.wait_for_url(f"**{ru['briefing_index'].url}")
    page.get_by_role("link", name=ru["briefing"].title).first.click()
    page.wait_for_url(f"**{ru['briefing'].url}")

    with page.expect_download() as download_info:
        page.locator(
            f"a[href='{ru['briefing'].url}{ru['briefing'].reverse_subpage('ics')}']"
        ).click()
    content = open(download_info.value.path(), "rb").read()  # noqa: SIM115 - Playwright's temp file
    assert content.startswith(b"BEGIN:VCALENDAR"), content[:80]


def test_menu_opens_on_a_phone_without_javascript(sample_site, new_page):
    kk = sample_site.pages["kk"]
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(kk["faq"].url)
    menu_link = page.locator(".main-nav__link", has_text=kk["news_index"].title)
    assert not menu_link.is_visible()
    page.locator(".main-nav__toggle").click()
    assert menu_link.is_visible()
    menu_link.click()
    page.wait_for_url(f"**{kk['news_index'].url}")


def test_menu_is_open_on_a_desktop(sample_site, new_page):
    page = new_page(viewport=DESKTOP, java_script_enabled=False)
    page.goto("/kk/")
    assert not page.locator(".main-nav__toggle").is_visible()
    for section in ("news_index", "briefing_index", "faq_index"):
        link = page.locator(".main-nav__link", has_text=sample_site.pages["kk"][section].title)
        assert link.is_visible()
