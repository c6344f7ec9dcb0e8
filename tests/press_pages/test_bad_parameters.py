"""Malformed or hostile query parameters get a 404 (or the first page), never a 500."""

from django.test import TestCase

from .factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
)


class BadParameterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        cls.news_index = NewsIndexPageFactory(parent=home)
        NewsPageFactory(parent=cls.news_index, slug="news", title="Бюджет жаңалығы")
        TopicFactory(slug="budget")
        cls.briefing_index = BriefingIndexPageFactory(parent=home)
        BriefingPageFactory(parent=cls.briefing_index, slug="briefing")
        cls.faq_index = FAQIndexPageFactory(parent=home)
        FAQAnswerPageFactory(parent=cls.faq_index, slug="answer")

    def assert_status(self, url, params, status):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, status, f"{url} {params}")
        return response

    def test_news_index_rejects_bad_page_year_and_topic(self):
        for params in (
            {"page": "abc"},
            {"page": "0"},
            {"page": "-1"},
            {"page": "9999"},
            {"year": "abc"},
            {"year": "99999999999"},
            {"year": "0"},
            {"year": "-2024"},
            {"topic": "nope"},
            {"topic": "budget", "page": "x"},
        ):
            with self.subTest(**params):
                self.assert_status(self.news_index.url, params, 404)

    def test_news_index_accepts_good_parameters(self):
        for params in ({}, {"page": "1"}, {"year": "2025"}, {"topic": "budget"}):
            with self.subTest(**params):
                self.assert_status(self.news_index.url, params, 200)

    def test_briefing_index_rejects_a_bad_year_or_page(self):
        for params in ({"year": "x"}, {"year": "99999999999"}, {"page": "x"}, {"page": "50"}):
            with self.subTest(**params):
                self.assert_status(self.briefing_index.url, params, 404)
        self.assert_status(self.briefing_index.url, {"year": "2025"}, 200)

    def test_faq_index_rejects_a_bad_results_page(self):
        for params in ({"q": "өтініш", "page": "x"}, {"q": "өтініш", "page": "9999"}):
            with self.subTest(**params):
                self.assert_status(self.faq_index.url, params, 404)
        self.assert_status(self.faq_index.url, {"q": "ө" * 5000}, 200)

    def test_faq_index_ignores_page_without_a_query(self):
        self.assert_status(self.faq_index.url, {"page": "x"}, 200)

    def test_search_shows_the_first_page_for_a_bad_page(self):
        for value in ("x", "0", "9999", "%00"):
            with self.subTest(page=value):
                response = self.assert_status("/kk/search/", {"q": "бюджет", "page": value}, 200)
                self.assertEqual(response.context["results"].number, 1)

    def test_feeds_and_calendars_ignore_query_parameters(self):
        for url in (
            self.news_index.url + "feed/rss/",
            self.briefing_index.url + "feed/atom/",
            self.briefing_index.url + "ical/",
        ):
            with self.subTest(url=url):
                self.assert_status(url, {"page": "x", "year": "y"}, 200)

    def test_sitemap_rejects_a_bad_page(self):
        self.assert_status("/sitemap.xml", {"p": "x"}, 404)


class NulByteTests(TestCase):
    """A NUL byte in an address or a query parameter is a bad request (400), on every page:
    PostgreSQL refuses it in any query, so it must never reach one."""

    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.faq_index = FAQIndexPageFactory(parent=home)

    def test_nul_in_the_address_or_a_parameter_is_a_bad_request(self):
        for url in (
            "/kk/%00/",
            "/kk/news%00/",
            "/search/?q=%00",
            "/search/?q=a%00b",
            f"{self.faq_index.url}?q=%00",
            f"{self.news_index.url}?topic=%00",
            f"{self.news_index.url}?topic=budget%00",
            "/api/v3/pages/?search=%00",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 400, url)

    def test_the_refusal_says_why_in_the_visitors_language(self):
        response = self.client.get("/kk/%00/", headers={"accept-language": "kk"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("text/html", response["Content-Type"])
        self.assertContains(response, "мекенжай", status_code=400)
