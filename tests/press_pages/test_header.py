"""The header: a visibly labelled search box and the low-vision switch, in every language."""

import pytest

from tests.press_pages.outline import outline
from tests.press_pages.sample_site import LANGUAGES

pytestmark = pytest.mark.django_db

SAMPLE_SITE_OPTIONS = {"with_materials": False}
SWITCH_NAMES = {
    "kk": "Нашар көретіндерге арналған нұсқа",
    "ru": "Версия для слабовидящих",
    "en": "Low-vision version",
}
SEARCH_LABELS = {"kk": "Сайт бойынша іздеу", "ru": "Поиск по сайту", "en": "Search the site"}


@pytest.fixture(scope="module")
def site(module_sample_site):
    return module_sample_site


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_search_box_has_a_visible_translated_label(client, site, code):
    html = outline(client.get(site.pages[code]["home"].url))
    (label,) = [
        attrs
        for tag, attrs in html.tags
        if tag == "label" and attrs.get("for") == "header-search-q"
    ]
    assert "visually-hidden" not in label["class"]
    assert SEARCH_LABELS[code] in html.text["label"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_low_vision_switch_is_named_in_the_pages_language(client, site, code):
    response = client.get(site.pages[code]["news"].url)
    html = outline(response)
    assert SWITCH_NAMES[code] in html.text["summary"]
    scripts = [attrs for tag, attrs in html.tags if tag == "script" and attrs.get("src")]
    assert any(attrs["src"].endswith("press_pages/low_vision.js") for attrs in scripts)
    groups = [attrs for tag, attrs in html.tags if attrs.get("role") == "group"]
    assert len(groups) == 4
    assert all(attrs.get("aria-labelledby") for attrs in groups)


def test_the_settings_live_in_the_browser_so_every_visitor_gets_the_same_page(client, site):
    url = site.pages["en"]["home"].url
    first = client.get(url)
    client.cookies["baspasoz-low-vision"] = '{"contrast": "white-on-black"}'
    second = client.get(url)
    assert first.content == second.content
    assert second["X-Page-Cache"] == "hit"
