"""Fixtures for the media watch in the browser: an outlet's feed served locally, the Telegram Bot
API's stand-in, the watched name of the agency, a news section for the official comment, and the
people who read the alerts and act on them.

A test module makes the fixture available with ``from tests.browser.media_watch_fixtures import
media_watch_site_fixture  # noqa: F401`` and asks for ``media_watch_site``; it builds on
``tests/browser/conftest.py`` (the live server, the database snapshot and Chromium).
"""

from types import SimpleNamespace

from django.utils import translation

import pytest

from agency.models import AgencyProfile
from media_watch.fetching import http, throttle
from media_watch.mentions import forget_matcher
from media_watch.models import WatchTerm
from media_watch.services import add_source, add_term
from tests.browser.moderation_fixtures import staff
from tests.media_watch.bot_api import FakeBotAPI
from tests.media_watch.feed_server import FeedServer
from tests.press_pages.factories import NewsIndexPageFactory, kk_home, locale, publish

AGENCY = {"kk": "Оқу-ағарту министрлігі", "ru": "Министерство просвещения"}
OUTLET = "Курсив"
CHAT_ID = "-100200300"


@pytest.fixture(name="media_watch_site")
def media_watch_site_fixture(
    browser, live_server, django_db_serialized_rollback, transactional_db, settings
):
    """A Russian outlet's feed on a local server, watched for the agency's Russian name; the
    Bot API's stand-in; a live kk news section; a head, the press secretary who acts on the
    story and a second press secretary who approves what the first one wrote.

    The alerts' links lead to the live server. Committed (transactional) so the live server sees
    it; serialized rollback restores what the migrations create.
    """
    feeds, bot_api = FeedServer(), FakeBotAPI()
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.MONITOR_TELEGRAM_API_URL = bot_api.url
    settings.MONITOR_TELEGRAM_BOT_TOKEN = bot_api.token
    settings.MONITOR_TELEGRAM_CHAT_ID = CHAT_ID
    settings.MONITOR_QUIET_HOURS = ""
    throttle.forget()
    forget_matcher()
    for code, name in AGENCY.items():
        AgencyProfile.objects.update_or_create(
            locale=locale(code), defaults={"name": name, "address": "Астана"}
        )
    add_term(AGENCY["ru"], "ru", WatchTerm.Kind.AGENCY)
    source, _created = add_source(feeds.url("/rss.xml"), "ru", name=OUTLET)
    news_index = publish(NewsIndexPageFactory(parent=kk_home(), title="Жаңалықтар", slug="news"))
    with translation.override("en"):
        yield SimpleNamespace(
            feeds=feeds,
            bot_api=bot_api,
            source=source,
            news_index=news_index,
            head=staff("heads", "head"),
            press_secretary=staff("press_secretaries", "press-secretary"),
            approver=staff("press_secretaries", "deputy-press-secretary"),
        )
    feeds.stop()
    bot_api.stop()
    throttle.forget()
    forget_matcher()
    http.forget_session()
