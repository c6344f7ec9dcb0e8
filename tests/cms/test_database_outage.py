"""When the database cannot be reached the site answers 503 with Retry-After, never a 500.

The outage is real: the request runs on a database connection opened to a PostgreSQL port
where nothing listens, or to an SQLite file in a folder that does not exist, while the test's
own connection stays as it was.
"""

from contextlib import contextmanager

from django.db import connections
from django.test import Client, RequestFactory, override_settings

import pytest

from agency.http import server_error
from tests.press_pages.factories import NewsIndexPageFactory, NewsPageFactory, kk_home

pytestmark = pytest.mark.django_db


@contextmanager
def database_down():
    original = connections["default"]
    if original.vendor == "postgresql":
        unreachable = {"HOST": "127.0.0.1", "PORT": "6399"}
    else:
        unreachable = {"NAME": "/nonexistent-baspasoz-folder/db.sqlite3"}
    dead = type(original)({**original.settings_dict, **unreachable}, "default")
    connections["default"] = dead
    try:
        yield
    finally:
        dead.close()
        connections["default"] = original


def test_pages_answer_503_with_retry_after_in_the_language_of_the_address():
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=kk_home()))
    client = Client(raise_request_exception=False)
    with database_down():
        responses = {url: client.get(url) for url in (news.url, "/ru/", "/en/search/?q=x")}
    for url, response in responses.items():
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
    assert "Сайт ненадолго недоступен" in responses["/ru/"].content.decode()
    assert "The site is briefly unavailable" in responses["/en/search/?q=x"].content.decode()


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_page_cache_keeps_no_503_and_the_site_recovers():
    url = kk_home().url
    client = Client(raise_request_exception=False)
    with database_down():
        assert client.get(url).status_code == 503
    assert client.get(url).status_code == 200


def test_other_errors_are_still_a_500():
    try:
        raise ValueError("not the database")
    except ValueError:
        response = server_error(RequestFactory().get("/kk/"))
    assert response.status_code == 500
    assert "Retry-After" not in response
