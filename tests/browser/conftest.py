"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against ``live_server``.

Playwright's sync API runs an asyncio event loop in the test thread, which makes
Django refuse synchronous database access from fixtures; the tests only touch
the database between browser calls, so the guard is lifted for this package.

Without Chromium or Playwright the tests are skipped locally, but fail when
``CI=true``: a browser test must never pass in CI by not running.
"""

import mimetypes
import os
from pathlib import Path

from django.conf import settings
from django.db import connections

import pytest

from tests.press_pages.sample_site import build_sample_site

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, and CI=true: browser tests must run in CI")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """Chromium for the whole session.

    Django keeps database connections in an ``asgiref`` local that switches to
    a separate storage while an event loop runs in the thread, which
    Playwright's sync API does from its start. The snapshot that serialized
    rollback restores after each test lives on the connection made before, so
    it is handed over to the connection that the tests will see.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"Chromium is not installed at {CHROMIUM}")
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _serve_media(route):
    """Answer /media/ requests from MEDIA_ROOT, which the live server does not serve."""
    path = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
    media_root = Path(settings.MEDIA_ROOT).resolve()
    file = (media_root / path).resolve()
    if media_root not in file.parents or not file.is_file():
        route.fulfill(status=404, body="")
        return
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=file.read_bytes(), headers={"Content-Type": content_type})


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in fresh browser contexts, closed after the test.

    ``new_page(viewport=PHONE)`` gives a phone-sized page. Requests to any
    other origin are refused, so nothing outside the live server is loaded.
    """
    contexts = []

    def factory(viewport=DESKTOP, **options):
        context = browser.new_context(
            viewport=viewport, base_url=live_server.url, accept_downloads=True, **options
        )
        context.route("**/media/**", _serve_media)
        context.route(
            lambda url: (
                not url.startswith(live_server.url) and not url.startswith(("data:", "about:"))
            ),
            lambda route: route.abort(),
        )
        contexts.append(context)
        return context.new_page()

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def sample_site(browser, live_server, django_db_serialized_rollback, transactional_db):
    """The sample site in kk, ru and en, committed so the live server sees it.

    Serialized rollback restores the locales and home page that the migrations
    create, which the flush after a transactional test would otherwise lose.
    """
    return build_sample_site()
