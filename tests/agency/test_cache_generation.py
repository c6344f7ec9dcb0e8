"""Without a shared cache, the page cache's generation is in the database, so a page published
in one process (the worker's scheduled publishing) empties the page cache of every other."""

import subprocess
import sys
import textwrap
import time

from django.conf import settings as django_settings
from django.db.models import F
from django.test import Client

import pytest

from agency import cache as page_cache
from agency.cache import CACHE_HEADER, current_generation, generation_in_database
from agency.models import CacheGeneration
from tests.press_pages.factories import NewsIndexPageFactory, kk_home
from tests.processes import ROOT, prepare, sqlite_environment, sqlite_only


def state(url) -> str | None:
    response = Client().get(url)
    assert response.status_code == 200
    return response.get(CACHE_HEADER)


def other_process_publishes() -> None:
    """What another process's publish leaves in the database, not in this process's memory."""
    CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)


@pytest.fixture
def in_database(settings):
    settings.PAGE_CACHE_GENERATION_IN_DATABASE = True
    page_cache.forget_generation()
    yield settings
    page_cache.forget_generation()


def test_a_local_memory_cache_keeps_the_generation_in_the_database():
    assert generation_in_database() is (not django_settings.REDIS_URL)


@pytest.mark.django_db
class TestGeneration:
    def test_another_process_publishing_empties_this_process_cache(self, in_database):
        in_database.PAGE_CACHE_GENERATION_TTL = 0
        url = NewsIndexPageFactory(parent=kk_home()).url
        assert [state(url), state(url)] == ["miss", "hit"]

        other_process_publishes()

        assert [state(url), state(url)] == ["miss", "hit"]

    def test_the_generation_read_is_reused_for_the_ttl_then_read_again(
        self, in_database, django_assert_num_queries
    ):
        in_database.PAGE_CACHE_GENERATION_TTL = 0.5
        first = current_generation()
        other_process_publishes()
        with django_assert_num_queries(0):
            assert current_generation() == first, "within the TTL: no query"
        time.sleep(0.6)
        with django_assert_num_queries(1):
            assert current_generation() == first + 1, "one read by primary key"

    def test_a_publish_in_this_process_shows_at_once(self, in_database):
        in_database.PAGE_CACHE_GENERATION_TTL = 600
        first = current_generation()
        page_cache.invalidate_page_cache()
        assert current_generation() > first

    def test_a_cached_hit_costs_at_most_one_query(self, in_database, django_assert_num_queries):
        in_database.PAGE_CACHE_GENERATION_TTL = 0
        url = NewsIndexPageFactory(parent=kk_home()).url
        assert state(url) == "miss"
        with django_assert_num_queries(1):
            assert state(url) == "hit"


WEB = textwrap.dedent(
    """
    import os, sys, time
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    import django
    django.setup()
    from django.http import HttpResponse
    from django.test import RequestFactory
    from agency.cache import AnonymousPageCacheMiddleware, CACHE_HEADER

    middleware = AnonymousPageCacheMiddleware(lambda request: HttpResponse("page"))

    def state():
        request = RequestFactory().get("/kk/news/", HTTP_HOST="localhost")
        return middleware(request).get(CACHE_HEADER)

    print(state(), state(), state(), flush=True)
    sys.stdin.readline()  # the worker has published
    time.sleep(1.5)
    print(state(), state(), flush=True)
    """
)
WORKER = textwrap.dedent(
    """
    import os
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    import django
    django.setup()
    from agency.cache import invalidate_page_cache
    invalidate_page_cache()
    """
)


@sqlite_only
def test_a_publish_in_the_worker_process_reaches_the_web_process(tmp_path):
    environment = sqlite_environment(tmp_path / "db.sqlite3")
    prepare(
        environment,
        "from django.db import connection\n"
        "from agency.models import CacheGeneration\n"
        "with connection.schema_editor() as editor: editor.create_model(CacheGeneration)\n",
    )
    web = subprocess.Popen(  # noqa: S603 (fixed arguments from this module)
        [sys.executable, "-c", WEB],
        env=environment,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert web.stdout.readline().split() == ["miss", "hit", "hit"]
        subprocess.run(  # noqa: S603 (fixed arguments from this module)
            [sys.executable, "-c", WORKER], env=environment, cwd=ROOT, check=True, timeout=120
        )
        web.stdin.write("published\n")
        web.stdin.flush()
        assert web.stdout.readline().split() == ["miss", "hit"]
    finally:
        web.kill()
        web.wait()
