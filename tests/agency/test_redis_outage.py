"""With Redis down the public site still works: pages render uncached, and requests are filed.

Redis is the cache of every production process. A cache holds nothing that cannot be rebuilt,
so an outage must slow the site down, not break it; ``/healthz`` still reports it.
"""

import time

from django.test import Client, override_settings

import pytest

from agency import redis_cache
from citizen_requests.models import CitizenRequest
from tests.citizen_requests.helpers import form_page, status_page, valid_data
from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
)

pytestmark = pytest.mark.django_db

#: Nothing listens on port 1: every connection is refused at once.
DEAD_REDIS = "redis://127.0.0.1:1/0"
REDIS_DOWN = override_settings(
    CACHES={
        "default": {
            "BACKEND": "agency.redis_cache.TolerantRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    },
    PAGE_CACHE_SECONDS=600,
)


@pytest.fixture(autouse=True)
def fresh_breaker():
    redis_cache.TolerantRedisCache._down_until = 0.0
    yield
    redis_cache.TolerantRedisCache._down_until = 0.0


def test_public_pages_render_uncached():
    home = kk_home()
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index)
    faq_index = FAQIndexPageFactory(parent=home)
    FAQAnswerPageFactory(parent=faq_index)
    client = Client()
    with REDIS_DOWN:
        for url in (home.url, news_index.url, news.url, faq_index.url, "/kk/search/?q=бюджет"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") != "hit"
        assert client.get("/sitemap.xml").status_code == 200
        health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["components"]["cache"]["status"] == "down"


def test_a_request_is_filed_and_registered():
    page = form_page()
    status_page()
    with REDIS_DOWN:
        response = Client().post(page.url, valid_data())
    assert response.status_code == 200
    assert CitizenRequest.objects.count() == 1


def test_after_a_failure_redis_is_not_asked_again_for_a_while(monkeypatch):
    with REDIS_DOWN:
        from django.core.cache import cache

        assert cache.get("a", "default") == "default"
        calls = []
        monkeypatch.setattr(
            redis_cache.RedisCache, "get", lambda *args, **kwargs: calls.append(args)
        )
        assert cache.get("b", "fallback") == "fallback"
        assert calls == [], "within RETRY_AFTER the cache answers without trying Redis"
        monkeypatch.setattr(redis_cache, "RETRY_AFTER", 0)
        redis_cache.TolerantRedisCache._down_until = time.monotonic() - 1
        cache.get("c")
        assert len(calls) == 1, "afterwards Redis is tried again"
