"""Absolute addresses are on the address a visitor reached, not on the Site record's port.

The demo's Site record says ``127.0.0.1:8000`` (from ``WAGTAILADMIN_BASE_URL``); the public
reaches it as ``press.example.kz`` behind a proxy. Feeds, the sitemap, calendars and card QR
codes, and a page's canonical, sharing and alternate-language links, must name the latter, as
robots.txt always has.
"""

import re

from django.test import RequestFactory, override_settings

from wagtail.models import Site

import feedparser
import pytest
from icalendar import Calendar

from agency.addresses import absolute_url, page_url, served_origin
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    publish,
)

pytestmark = pytest.mark.django_db

HOST = "press.example.kz"
SERVED = f"http://{HOST}"
RECORD = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def site_record_with_a_port(settings):
    settings.ALLOWED_HOSTS = ["testserver", HOST]
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    assert site.root_url == RECORD
    return site


@pytest.fixture
def pages():
    home = kk_home()
    news_index = NewsIndexPageFactory(parent=home, slug="news")
    news = publish(NewsPageFactory(parent=news_index, slug="launch", lead="Жаңа қызмет."))
    briefing_index = BriefingIndexPageFactory(parent=home, slug="briefings")
    briefing = publish(BriefingPageFactory(parent=briefing_index, slug="digital"))
    return {
        "news_index": news_index,
        "news": news,
        "briefings": briefing_index,
        "briefing": briefing,
    }


def get(client, path):
    response = client.get(path, headers={"host": HOST})
    assert response.status_code == 200, response
    return response


class TestHelper:
    def test_a_path_and_a_url_of_the_requests_site_go_on_the_served_address(self):
        request = RequestFactory().get("/", headers={"host": HOST})
        assert served_origin(request) == SERVED
        assert absolute_url("/kk/news/", request) == f"{SERVED}/kk/news/"
        assert absolute_url(f"{RECORD}/kk/news/", request) == f"{SERVED}/kk/news/"
        assert page_url(kk_home(), request) == f"{SERVED}/kk/"

    def test_a_secure_request_keeps_its_scheme_and_an_explicit_port_its_port(self):
        request = RequestFactory().get("/", secure=True, headers={"host": f"{HOST}:8443"})
        assert absolute_url(f"{RECORD}/kk/", request) == f"https://{HOST}:8443/kk/"

    def test_another_sites_url_is_left_as_its_record_says(self):
        request = RequestFactory().get("/", headers={"host": HOST})
        assert absolute_url("https://other.example.kz/kk/", request) == (
            "https://other.example.kz/kk/"
        )
        assert absolute_url(None, request) is None

    @override_settings(WAGTAILADMIN_BASE_URL="https://admin.example.kz/")
    def test_without_a_request_a_path_goes_on_the_admins_base_url(self):
        assert absolute_url("/kk/", None) == "https://admin.example.kz/kk/"
        assert absolute_url(f"{RECORD}/kk/", None) == f"{RECORD}/kk/"


class TestServedAddress:
    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_feeds(self, client, pages, kind):
        index = pages["news_index"]
        response = get(client, index.url + index.reverse_subpage(kind))
        body = response.content.decode()
        assert ":8000" not in body
        feed = feedparser.parse(response.content)
        assert feed.feed.link == f"{SERVED}/kk/news/"
        assert [entry.link for entry in feed.entries] == [f"{SERVED}/kk/news/launch/"]

    def test_sitemap(self, client, pages):
        body = get(client, "/sitemap.xml").content.decode()
        assert ":8000" not in body
        locations = re.findall(r"<loc>([^<]+)</loc>", body)
        assert f"{SERVED}/kk/news/launch/" in locations
        assert all(location.startswith(f"{SERVED}/") for location in locations)

    def test_ics_url(self, client, pages):
        briefing, index = pages["briefing"], pages["briefings"]
        event_calendar = Calendar.from_ical(
            get(client, briefing.url + briefing.reverse_subpage("ics")).content
        )
        (event,) = event_calendar.walk("VEVENT")
        assert str(event["URL"]) == f"{SERVED}/kk/briefings/digital/"
        assert event["UID"].endswith("@127.0.0.1"), "the UID stays that of the site's record"
        index_calendar = Calendar.from_ical(
            get(client, index.url + index.reverse_subpage("ical")).content
        )
        assert str(index_calendar["URL"]) == f"{SERVED}/kk/briefings/"
        assert (
            ":8000" not in get(client, index.url + index.reverse_subpage("ical")).content.decode()
        )

    def test_canonical_sharing_and_alternate_addresses(self, client, pages):
        body = get(client, pages["news"].url).content.decode()
        assert ":8000" not in body
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', body).group(1)
        assert canonical == f"{SERVED}/kk/news/launch/"
        assert f'<meta property="og:url" content="{canonical}">' in body
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', body)
        assert alternates and all(href.startswith(f"{SERVED}/") for href in alternates)
        assert f'"mainEntityOfPage": "{canonical}"' in body

    def test_robots_txt_is_unchanged(self, client):
        assert f"Sitemap: {SERVED}/sitemap.xml" in get(client, "/robots.txt").content.decode()
