"""The language switcher, hreflang alternates and the root redirect by Accept-Language."""

from django.test import TestCase

from agency.models import AgencyProfile
from tests.press_pages.factories import NewsPageFactory, translate
from tests.press_pages.outline import Outline
from tests.press_pages.sample_site import build_sample_site

NATIVE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def switcher(response) -> dict[str, dict]:
    """The switcher's links by language: ``href``, ``lang``, ``aria-current`` and text."""
    html = response.content.decode()
    start = html.index('<nav class="language-switcher"')
    nav = Outline(html[start : html.index("</nav>", start)])
    links = nav.find("a", class_="language-switcher__link")
    names = [text for text in nav.text.get("a", []) if text]
    return {link["lang"]: {**link, "text": name} for link, name in zip(links, names, strict=True)}


def alternates(response) -> dict[str, str]:
    html = Outline(response.content.decode())
    return {
        link["hreflang"]: link["href"]
        for link in html.find("link", rel="alternate")
        if "hreflang" in link
    }


class LanguageSwitcherTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_sample_site(with_materials=False)
        cls.pages = cls.site.pages

    def test_translated_page_links_to_its_translations(self):
        response = self.client.get(self.pages["kk"]["news"].url)
        links = switcher(response)
        self.assertEqual(links["ru"]["href"], self.pages["ru"]["news"].url)
        self.assertEqual(links["en"]["href"], self.pages["en"]["news"].url)
        self.assertEqual(links["kk"]["href"], self.pages["kk"]["news"].url)

    def test_current_language_is_marked_and_names_are_native(self):
        links = switcher(self.client.get(self.pages["ru"]["faq"].url))
        self.assertEqual({code: link["text"] for code, link in links.items()}, NATIVE_NAMES)
        self.assertEqual([code for code, link in links.items() if "aria-current" in link], ["ru"])
        for code, link in links.items():
            self.assertEqual(link["hreflang"], code)

    def test_untranslated_page_links_to_the_other_home_pages(self):
        response = self.client.get(self.site.untranslated_news.url)
        links = switcher(response)
        self.assertEqual(links["ru"]["href"], self.pages["ru"]["home"].url)
        self.assertEqual(links["en"]["href"], self.pages["en"]["home"].url)
        self.assertEqual(links["kk"]["href"], self.site.untranslated_news.url)

    def test_hreflang_alternates_list_existing_translations_and_x_default(self):
        response = self.client.get(self.pages["en"]["briefing"].url)
        expected = {
            code: "http://testserver" + self.pages[code]["briefing"].url for code in NATIVE_NAMES
        }
        self.assertEqual(alternates(response), {**expected, "x-default": expected["kk"]})

        untranslated = alternates(self.client.get(self.site.untranslated_news.url))
        self.assertEqual(set(untranslated), {"kk", "x-default"})

    def test_a_new_translation_appears_in_the_switcher_at_once(self):
        news_index = self.pages["kk"]["news_index"]
        item = NewsPageFactory(parent=news_index, slug="soon-translated")
        self.assertEqual(
            switcher(self.client.get(item.url))["ru"]["href"], self.pages["ru"]["home"].url
        )

        russian = translate(item, "ru", title="Скоро переведённая новость")
        self.assertEqual(switcher(self.client.get(item.url))["ru"]["href"], russian.url)

    def test_agency_profile_changes_show_at_once(self):
        url = self.pages["ru"]["home"].url
        self.assertContains(self.client.get(url), "Министерство цифрового развития")
        profile = AgencyProfile.objects.get(locale__language_code="ru")
        profile.name = "Министерство связи"
        profile.save()
        self.assertContains(self.client.get(url), "Министерство связи")

    def test_views_without_a_page_translate_the_current_address(self):
        response = self.client.get("/ru/no-such-page/?x=1")
        self.assertEqual(response.status_code, 404)
        links = switcher(response)
        self.assertEqual(links["kk"]["href"], "/kk/no-such-page/?x=1")
        self.assertEqual(links["en"]["href"], "/en/no-such-page/?x=1")
        self.assertIn("aria-current", links["ru"])


class RootRedirectTests(TestCase):
    def test_root_redirects_to_kazakh_by_default(self):
        response = self.client.get("/")
        self.assertRedirects(response, "/kk/", fetch_redirect_response=False)

    def test_root_follows_accept_language(self):
        response = self.client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.5"})
        self.assertRedirects(response, "/ru/", fetch_redirect_response=False)
        response = self.client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)
