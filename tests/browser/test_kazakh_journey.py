"""Kazakh first, in the browser: an officer whose admin language is Kazakh meets a Kazakh admin,
an editor whose submission the automatic check returns reads one Kazakh message that says why,
and a visitor on a phone switches to the low-vision version and finds every form of a word."""

import re

from django.utils import translation

import pytest

from tests.browser.conftest import PHONE
from tests.browser.moderation_fixtures import log_in
from tests.press_pages.factories import NewsPageFactory, publish
from tests.workflows.helpers import IIN
from tests.workflows.moderation import member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORD = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-z]")
#: Brand and format names (the site is named Baspasoz), and the officer's user name.
NAMES = {"baspasoz", "wagtail", "pdf", "url", "api", "id", "officer"}


def kk(message: str) -> str:
    with translation.override("kk"):
        return translation.gettext(message)


def latin_share(text: str) -> float:
    words = [word for word in WORD.findall(text) if word.lower() not in NAMES]
    return sum(1 for word in words if LATIN.search(word)) / max(len(words), 1)


def test_a_new_officer_meets_a_kazakh_admin_whatever_the_browser_speaks(sample_site, new_page):
    officer = member("editors", "officer")  # a new account: its admin language is Kazakh
    browser_page = new_page(locale="en-GB")
    log_in(browser_page, officer, admin_language="kk")

    assert browser_page.locator("html").get_attribute("lang") == "kk"
    sidebar = browser_page.locator("#wagtail-sidebar")
    for item in ("Pages", "Images", "Documents"):
        assert sidebar.get_by_text(kk(item), exact=True).first.is_visible(), item
    for path in ("/admin/", f"/admin/pages/{sample_site.pages['kk']['news_index'].pk}/"):
        browser_page.goto(path)
        text = browser_page.locator("main").inner_text()
        assert latin_share(text) < 0.03, (path, text)


def test_an_editor_whose_submission_the_check_returns_reads_one_kazakh_message(
    sample_site, new_page
):
    editor = member("editors", "kk-editor")
    news = NewsPageFactory(
        parent=sample_site.pages["kk"]["news_index"],
        title="Өтініш берушімен кездесу",
        slug="applicant-meeting",
        live=False,
        body=[("paragraph", f"<p>Өтініш берушінің ЖСН: {IIN}.</p>")],
    )
    browser_page = new_page()
    log_in(browser_page, editor, admin_language="kk")

    browser_page.goto(f"/admin/pages/{news.pk}/edit/")
    footer = browser_page.locator("footer")
    # The workflow is named in Kazakh too (agency.names), not by its stored name "News".
    submit = footer.get_by_role(
        "button", name=kk("Submit to %(workflow_name)s") % {"workflow_name": "Жаңалықтар"}
    )
    if not submit.is_visible():
        footer.get_by_role("button", name=kk("More actions")).click()
    submit.click()
    browser_page.wait_for_load_state()

    messages = browser_page.locator(".messages li")
    assert messages.count() == 1, messages.all_inner_texts()
    text = messages.first.inner_text()
    assert text.startswith(f"«{news.title}»") or news.title in text, text
    assert latin_share(text.replace(IIN, "")) < 0.03, text
    assert IIN not in text


def test_a_visitor_on_a_phone_finds_journalists_in_low_vision(sample_site, new_page):
    news = publish(
        NewsPageFactory(
            parent=sample_site.pages["kk"]["news_index"],
            title="Министрлік журналистпен кездесті",
            slug="journalist-meeting",
            lead="Баспасөз хатшысы журналистің сұрақтарына жауап берді.",
        )
    )
    browser_page = new_page(viewport=PHONE)
    browser_page.goto(sample_site.pages["kk"]["home"].url)
    browser_page.locator(".low-vision__toggle").click()
    browser_page.locator('[data-low-vision="font"][data-value="2"]').click()
    browser_page.locator('[data-low-vision="contrast"][data-value="white-on-black"]').click()

    browser_page.locator(".site-search__toggle").click()
    browser_page.locator("#header-search-q").fill("журналистерге")
    browser_page.locator("#header-search-q").press("Enter")
    browser_page.wait_for_url("**/search/**")

    classes = browser_page.evaluate("[...document.documentElement.classList]")
    assert {"lv-font-2", "lv-white-on-black"} <= set(classes), classes
    results = browser_page.locator("main")
    assert results.get_by_role("link", name=news.title).is_visible()
