"""Every kind of response leaves the server with one ``Cache-Control`` header, and one that does
not contradict itself: cached pages (stored and served), the never-stored pages and files, feeds,
the sitemap, error pages and the admin.

The responses are read as the WSGI server sends them (the header list handed to
``start_response``), after the whole middleware stack.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.utils.http import parse_http_date

import pytest
import time_machine

from tests.accreditation.factories import AccreditationFactory, accreditation_page
from tests.citizen_requests.helpers import form_page, status_page
from tests.signin import staff_login

pytestmark = pytest.mark.django_db


def wire_headers(path: str, cookies: str = "") -> tuple[int, list[tuple[str, str]]]:
    """The status and the header lines the server sends for ``GET path``."""
    environ = RequestFactory().get(path, HTTP_COOKIE=cookies).environ
    sent = {}

    def start_response(status, headers, exc_info=None):
        sent["status"] = int(status.split()[0])
        sent["headers"] = headers

    # As Django's test client does: the test's own connection (and its transaction) stays open
    # across the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, start_response)
        b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return sent["status"], sent["headers"]


def cache_control(path: str, cookies: str = "", status: int = 200) -> dict[str, str | None]:
    """The one ``Cache-Control`` header of ``path``, as ``{directive: value}``."""
    answered, headers = wire_headers(path, cookies)
    assert answered == status, (path, answered)
    values = [value for name, value in headers if name.lower() == "cache-control"]
    assert len(values) == 1, (path, status, values)
    directives = {}
    for item in values[0].split(","):
        name, _, value = item.strip().lower().partition("=")
        assert name not in directives, (path, values[0])
        directives[name] = value or None
    assert not ({"public", "private"} <= directives.keys()), (path, values[0])
    if "no-store" in directives:
        assert directives.get("max-age") in (None, "0"), (path, values[0])
    return directives


def never_stored(directives) -> bool:
    return "no-store" in directives and "private" in directives


SAMPLE_SITE_OPTIONS = {"with_materials": False}


@pytest.fixture
def site(module_sample_site):
    return module_sample_site


def expires_in(path: str) -> float:
    """Seconds from now until the ``Expires`` date that ``path`` is sent with."""
    _, headers = wire_headers(path)
    expires = {name.lower(): value for name, value in headers}["expires"]
    return parse_http_date(expires) - time.time()


def test_public_pages_are_kept_a_minute_whether_stored_or_served_from_the_cache(site):
    news = site.pages["kk"]["news"]
    news_index = site.pages["kk"]["news_index"]
    briefing_index = site.pages["kk"]["briefing_index"]
    for path in (
        site.pages["kk"]["home"].url,
        news.url,
        news_index.url + "feed/rss/",
        news_index.url + "feed/atom/",
        briefing_index.url + "ical/",
        "/kk/search/?q=цифр",
        "/sitemap.xml",
    ):
        stored = cache_control(path)
        served = cache_control(path)
        assert stored == served == {"max-age": "60"}, path


def test_a_page_served_from_the_cache_later_expires_a_minute_after_it_is_served(site):
    path = site.pages["kk"]["news"].url
    assert 58 <= expires_in(path) <= 61
    with time_machine.travel(time.time() + 20, tick=True):
        # Not the stored response's date, which would already be twenty seconds closer.
        assert 58 <= expires_in(path) <= 61


def test_pages_with_personal_data_or_secrets_are_never_stored():
    page = accreditation_page()
    for path in (
        form_page().url,
        status_page().url,
        page.url,
        page.url + "temporary/",
    ):
        assert never_stored(cache_control(path)), path
    assert never_stored(cache_control(page.url + "verify/" + "x" * 40 + "/", status=404))
    assert never_stored(cache_control("/kk/search/?q=%00", status=400))


def test_error_pages_and_the_health_check_have_one_header(site):
    assert "max-age" in cache_control("/healthz")
    # A missing page is not stored by the page cache, and says nothing more than Django does.
    status, headers = wire_headers("/kk/no-such-page/")
    assert status == 404
    assert [name for name, _ in headers if name.lower() == "cache-control"] in (
        [],
        ["Cache-Control"],
    )


def test_admin_pages_and_private_files_are_never_stored(site):
    user = get_user_model().objects.create_superuser("cache-admin", password="x")
    client = Client()
    staff_login(client, user)
    cookies = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    accreditation_page()  # the card's QR code leads to it
    card = AccreditationFactory()
    assert never_stored(cache_control("/admin/login/"))
    for path in ("/admin/", "/admin/pages/", f"/admin/accreditation/cards/{card.pk}/pdf/"):
        assert never_stored(cache_control(path, cookies)), path
