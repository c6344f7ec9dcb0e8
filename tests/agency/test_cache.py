"""The anonymous page cache: what is stored, what is served, and what empties it.

Every test uses real pages rendered by their real templates. Each request that
should not share cookies with the one before uses a fresh ``Client``.
"""

import datetime

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from agency.cache import CACHE_HEADER
from agency.models import AgencyProfile, SiteSettings
from tests.press_pages.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
    locale,
    publish,
    translate,
)
from tests.signin import staff_login

pytestmark = pytest.mark.django_db


def get(url, client=None, **extra):
    return (client or Client()).get(url, **extra)


def cache_state(url, client=None, **extra) -> str | None:
    """Fetch ``url`` and say whether the page cache answered ("hit"), stored it ("miss") or neither."""
    response = get(url, client, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.get(CACHE_HEADER)


@pytest.fixture
def news_index():
    return NewsIndexPageFactory(parent=kk_home())


@pytest.fixture
def news(news_index):
    return NewsPageFactory(
        parent=news_index, title="Жаңа цифрлық қызмет іске қосылды", slug="digital-service"
    )


class TestStoredAndServed:
    def test_pages_are_stored_then_served_without_a_query(self, news, django_assert_num_queries):
        for url in (kk_home().url, news.get_parent().url, news.url):
            first = get(url)
            assert first.status_code == 200
            assert first[CACHE_HEADER] == "miss"
            assert "max-age=60" in first["Cache-Control"]

            with django_assert_num_queries(0):
                second = get(url)

            assert second.status_code == 200
            assert second[CACHE_HEADER] == "hit"
            assert second.content == first.content

    def test_head_is_served_from_the_cache(self, news):
        get(news.url)
        response = Client().head(news.url)
        assert response[CACHE_HEADER] == "hit"

    def test_each_language_and_query_string_is_cached_separately(self, news_index):
        ru_index = translate(news_index, "ru", title="Новости")
        assert ru_index.url == "/ru/news/"

        assert cache_state("/kk/news/") == "miss"
        assert cache_state("/ru/news/") == "miss"
        assert cache_state("/kk/news/?year=2020") == "miss"
        kk, ru = get("/kk/news/"), get("/ru/news/")

        assert (kk[CACHE_HEADER], ru[CACHE_HEADER]) == ("hit", "hit")
        assert (kk["Content-Language"], ru["Content-Language"]) == ("kk", "ru")
        assert "Новости" in ru.text
        assert "Новости" not in kk.text

    def test_addresses_without_a_language_are_cached_per_visitor_language(self):
        assert cache_state("/robots.txt", HTTP_ACCEPT_LANGUAGE="ru") == "miss"
        assert cache_state("/robots.txt", HTTP_ACCEPT_LANGUAGE="kk") == "miss"
        ru = get("/robots.txt", HTTP_ACCEPT_LANGUAGE="ru")

        assert ru[CACHE_HEADER] == "hit"
        assert ru["Content-Language"] == "ru"

    def test_not_found_is_not_stored(self):
        assert get("/kk/no-such-page/").status_code == 404
        response = get("/kk/no-such-page/")
        assert response.status_code == 404
        assert CACHE_HEADER not in response

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_can_be_turned_off(self, news):
        assert cache_state(news.url) is None
        assert cache_state(news.url) is None


class TestNeverForSomeVisitors:
    def test_logged_in_editor_is_neither_served_nor_stored(self, news, django_user_model):
        editor = django_user_model.objects.create_user("editor", password="x")
        client = Client()
        staff_login(client, editor)

        assert cache_state(news.url, client) is None, "not stored from a session"
        assert cache_state(news.url) == "miss"
        with CaptureQueriesContext(connection) as queries:
            assert cache_state(news.url, client) is None, "a stored page is not served to a session"
        assert len(queries) > 0

    def test_visitor_with_a_csrf_cookie_is_neither_served_nor_stored(self, news):
        client = Client()
        client.cookies["csrftoken"] = "a" * 32

        assert cache_state(news.url, client) is None
        assert cache_state(news.url) == "miss"
        assert cache_state(news.url, client) is None

    def test_responses_that_set_a_cookie_are_not_stored(self, news):
        # A password-protected page shows a form with a CSRF token, which sets a cookie.
        PageViewRestriction.objects.create(
            page=news, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        first = get(news.url)
        assert first.status_code == 200
        assert "csrftoken" in first.cookies
        assert CACHE_HEADER not in first
        assert CACHE_HEADER not in get(news.url)

    def test_admin_is_never_cached(self):
        for _ in range(2):
            response = get("/admin/jsi18n/")
            assert response.status_code == 200
            assert CACHE_HEADER not in response

    def test_healthz_is_never_cached(self):
        assert CACHE_HEADER not in get("/healthz")
        with CaptureQueriesContext(connection) as queries:
            response = get("/healthz")
        assert CACHE_HEADER not in response
        assert len(queries) > 0, "the database was checked again"


class TestInvalidation:
    """Each change must show on the next request, without waiting for a timeout."""

    def warm(self, url):
        cache_state(url)
        assert cache_state(url) == "hit"

    def test_publishing_a_page(self, news_index, news):
        self.warm(news_index.url)
        assert get(news_index.url + "?page=1").context["items"].paginator.count == 1
        later = NewsPageFactory(
            parent=news_index,
            live=False,
            title="Брифинг өткізілді",
            slug="briefing-held",
            display_date=datetime.date(2019, 5, 7),
        )
        publish(later)

        response = get(news_index.url)
        assert response[CACHE_HEADER] == "miss"
        assert "Брифинг өткізілді" in response.text
        # The index's cached count and years are renewed with the pages.
        assert response.context["items"].paginator.count == 2
        assert 2019 in response.context["years"]

    def test_publishing_a_change_to_a_live_page(self, news):
        self.warm(news.url)
        news.title = "Қызмет жаңартылды"
        publish(news)

        response = get(news.url)
        assert response[CACHE_HEADER] == "miss"
        assert "Қызмет жаңартылды" in response.text

    def test_saving_a_draft_does_not_invalidate(self, news):
        self.warm(news.url)
        news.title = "Жоба"
        news.save_revision()
        assert cache_state(news.url) == "hit"

    def test_unpublishing_a_page(self, news_index, news):
        self.warm(news_index.url)
        self.warm(news.url)
        news.unpublish()

        assert get(news.url).status_code == 404
        response = get(news_index.url)
        assert response[CACHE_HEADER] == "miss"
        assert news.title not in response.text

    def test_moving_a_page(self, news_index, news):
        ru_index = translate(news_index, "ru", title="Новости")
        self.warm(news_index.url)
        self.warm(ru_index.url)
        news.move(ru_index, pos="last-child")

        kk, ru = get(news_index.url), get(ru_index.url)
        assert (kk[CACHE_HEADER], ru[CACHE_HEADER]) == ("miss", "miss")
        assert news.title not in kk.text
        assert news.title in ru.text

    def test_deleting_a_page(self, news_index, news):
        self.warm(news_index.url)
        news.delete()

        response = get(news_index.url)
        assert response[CACHE_HEADER] == "miss"
        assert news.title not in response.text

    def test_saving_a_snippet(self, news):
        profile = AgencyProfile.objects.create(name="Цифрлық даму министрлігі", locale=locale())
        self.warm(news.url)
        profile.name = "Ақпарат министрлігі"
        profile.save()

        response = get(news.url)
        assert response[CACHE_HEADER] == "miss"
        assert "Ақпарат министрлігі" in response.text

    def test_saving_a_topic(self, news_index):
        self.warm(news_index.url)
        TopicFactory(name="Цифрландыру", slug="digitalisation")
        assert cache_state(news_index.url) == "miss"

    def test_saving_a_site_setting(self, news):
        self.warm(news.url)
        site_settings = SiteSettings.for_site(news.get_site())
        site_settings.telegram_url = "https://t.me/baspasoz_example"
        site_settings.save()

        response = get(news.url)
        assert response[CACHE_HEADER] == "miss"
        assert "https://t.me/baspasoz_example" in response.text

    def test_invalidation_repeats_when_the_transaction_commits(
        self, news, django_capture_on_commit_callbacks
    ):
        """A page rendered before the publish commits must not outlive the commit."""
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            news.title = "Жаңартылған атау"
            publish(news)
        # A visitor renders the page while the publish is still uncommitted ...
        assert cache_state(news.url) == "miss"
        assert cache_state(news.url) == "hit"
        # ... and the commit makes that copy stale.
        for callback in callbacks:
            callback()
        assert cache_state(news.url) == "miss"
