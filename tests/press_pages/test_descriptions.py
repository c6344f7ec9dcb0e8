"""What the public pages say about themselves as text: the home page's section cards and every
page's meta description, in every language."""

import pytest

from citizen_requests.models import RequestFormPage
from tests.accreditation.card_pages import accreditation_page
from tests.citizen_requests.helpers import form_page
from tests.press_pages.factories import publish
from tests.press_pages.outline import outline
from tests.press_pages.sample_site import AGENCY_NAMES, LANGUAGES, build_sample_site

pytestmark = pytest.mark.django_db

FORM_INTRO = "<p>Ask the ministry for <b>information</b> &amp; documents.</p>"
ACCREDITATION_INTRO = "<p>Journalists of registered outlets may apply.</p><ul><li>Photo</li></ul>"
DEFAULT_DESCRIPTIONS = {
    "kk": "баспасөз қызметінің ресми сайты",
    "ru": "Официальный сайт пресс-службы",
    "en": "Official website of the press service",
}


def build_module_data():
    site = build_sample_site(with_materials=False)
    site.forms, site.accreditation = {}, {}
    for code in LANGUAGES:
        form = form_page(language=code)
        form.intro = FORM_INTRO
        site.forms[code] = publish(form)
        accreditation = accreditation_page(code)
        accreditation.intro = ACCREDITATION_INTRO
        site.accreditation[code] = publish(accreditation)
    return site


@pytest.fixture(scope="module")
def site(module_data):
    return module_data


def description(client, page) -> str | None:
    response = client.get(page.url)
    assert response.status_code == 200
    tags = outline(response).find("meta", name="description")
    return tags[0]["content"] if tags else None


@pytest.mark.parametrize("code", LANGUAGES)
def test_section_cards_show_rich_text_introductions_as_text(client, site, code):
    response = client.get(site.pages[code]["home"].url)
    html = response.content.decode()
    assert "&lt;p&gt;" not in html
    assert "&lt;" not in html.split('id="home-sections"')[1].split("</section>")[0]
    assert "Ask the ministry for information &amp; documents." in html
    assert "Journalists of registered outlets may apply. Photo" in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_is_described_by_its_introduction(client, site, code):
    home = site.pages[code]["home"]
    assert home.intro
    assert description(client, home) == home.intro


@pytest.mark.parametrize("code", LANGUAGES)
def test_faq_index_without_introduction_has_the_translated_site_description(client, site, code):
    faq_index = site.pages[code]["faq_index"]
    assert not faq_index.intro and not faq_index.search_description
    text = description(client, faq_index)
    assert DEFAULT_DESCRIPTIONS[code] in text
    assert AGENCY_NAMES[code] in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_form_and_accreditation_pages_are_described_by_their_introduction_as_text(
    client, site, code
):
    assert description(client, site.forms[code]) == "Ask the ministry for information & documents."
    assert (
        description(client, site.accreditation[code])
        == "Journalists of registered outlets may apply. Photo"
    )


def test_search_description_wins_over_the_introduction(client, site):
    form = RequestFormPage.objects.get(pk=site.forms["en"].pk)
    form.search_description = "Ask for public information online."
    publish(form)
    assert description(client, form) == "Ask for public information online."


@pytest.mark.parametrize("kind", ["news_index", "news", "briefing_index", "briefing", "faq"])
def test_every_press_page_type_has_a_description(client, site, kind):
    for code in LANGUAGES:
        assert description(client, site.pages[code][kind])


def test_pages_outside_the_tree_have_the_site_description(client, site):
    response = client.get("/en/search/", {"q": "ministry"})
    assert response.status_code == 200
    tags = outline(response).find("meta", name="description")
    assert DEFAULT_DESCRIPTIONS["en"] in tags[0]["content"]
