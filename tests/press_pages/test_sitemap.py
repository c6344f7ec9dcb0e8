import xml.etree.ElementTree as ET

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from .factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    publish,
    translate,
)

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parse_sitemap(content: bytes) -> dict[str, dict]:
    """Map each <loc> to its lastmod and its {hreflang: href} alternates."""
    root = ET.fromstring(content)  # noqa: S314 (our own response)
    entries = {}
    for url in root.findall("sm:url", NS):
        entries[url.findtext("sm:loc", namespaces=NS)] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NS)
                if link.get("rel") == "alternate"
            },
        }
    return entries


class SitemapTests(TestCase):
    def setUp(self):
        # Served on the Site record's own address, so the two agree here; where they differ
        # is tested in tests/agency/test_addresses.py.
        self.client.defaults["HTTP_HOST"] = "localhost"

    @classmethod
    def setUpTestData(cls):
        cls.home = kk_home()
        cls.index = NewsIndexPageFactory(parent=cls.home)
        cls.translated = publish(NewsPageFactory(parent=cls.index, slug="translated"))
        cls.untranslated = publish(NewsPageFactory(parent=cls.index, slug="untranslated"))
        cls.ru = translate(cls.translated, "ru", title="Переведённая новость")
        cls.draft = NewsPageFactory(parent=cls.index, slug="draft", live=False)

    def get_sitemap(self, **params):
        response = self.client.get("/sitemap.xml", params)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        return parse_sitemap(response.content)

    def test_lists_every_live_page_of_every_locale_with_lastmod(self):
        entries = self.get_sitemap()

        self.assertIn(self.translated.get_full_url(), entries)
        self.assertIn(self.untranslated.get_full_url(), entries)
        self.assertIn(self.ru.get_full_url(), entries)
        self.assertIn(self.index.get_full_url(), entries)
        self.assertIn(self.home.get_full_url(), entries)
        self.assertIn(self.ru.get_parent().get_full_url(), entries)
        self.assertNotIn(self.draft.get_full_url(), entries)
        self.assertEqual(
            entries[self.translated.get_full_url()]["lastmod"],
            timezone.localdate(self.translated.last_published_at).isoformat(),
        )
        self.assertEqual(
            entries[self.ru.get_full_url()]["lastmod"],
            timezone.localdate(self.ru.last_published_at).isoformat(),
        )

    def test_translated_pages_list_each_other_and_kazakh_as_default(self):
        entries = self.get_sitemap()
        expected = {
            "kk": self.translated.get_full_url(),
            "ru": self.ru.get_full_url(),
            "x-default": self.translated.get_full_url(),
        }

        self.assertEqual(entries[self.translated.get_full_url()]["alternates"], expected)
        self.assertEqual(entries[self.ru.get_full_url()]["alternates"], expected)
        self.assertTrue(self.ru.get_full_url().startswith("http://localhost/ru/"))

    def test_untranslated_page_lists_only_itself_and_default(self):
        entries = self.get_sitemap()
        url = self.untranslated.get_full_url()

        self.assertEqual(entries[url]["alternates"], {"kk": url, "x-default": url})

    def test_pages_in_private_sections_are_left_out_and_not_offered_as_alternates(self):
        PageViewRestriction.objects.create(
            page=self.translated, restriction_type=PageViewRestriction.LOGIN
        )

        entries = self.get_sitemap()

        self.assertNotIn(self.translated.get_full_url(), entries)
        self.assertEqual(
            entries[self.ru.get_full_url()]["alternates"], {"ru": self.ru.get_full_url()}
        )

    def test_bad_sitemap_page_number_is_not_found(self):
        for value in ("abc", "0", "999"):
            with self.subTest(p=value):
                self.assertEqual(self.client.get("/sitemap.xml", {"p": value}).status_code, 404)

    def test_query_count_does_not_grow_with_the_number_of_pages(self):
        def count_queries(attempt):
            with CaptureQueriesContext(connection) as queries:
                self.get_sitemap(attempt=attempt)
            return len(queries)

        count_queries("warm-up")
        before = count_queries("before")
        for n in range(5):
            page = NewsPageFactory(parent=self.index, slug=f"more-{n}")
            translate(page, "en", title=f"More news {n}")

        count_queries("warm-up again")  # the new en tree changed the site's root paths

        self.assertEqual(count_queries("after"), before)
        self.assertEqual(len(self.get_sitemap(attempt="check")), 8 + 5 * 2 + 1)


class RobotsTxtTests(TestCase):
    def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Disallow: /django-admin/", lines)
        for language in ("kk", "ru", "en"):
            self.assertIn(f"Disallow: /{language}/search/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertNotIn("Disallow: /", lines)

    def test_robots_txt_answers_only_safe_methods(self):
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)
