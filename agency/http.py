"""Responses that must not be kept: pages with personal data, secret links and private files.

:func:`no_store` is the one way the office marks such a response. Browsers and proxies may not
store it, the page cache (:mod:`agency.cache`) skips it because it is ``private``, and the browser
may not guess another content type for it (a file uploaded as a PDF stays a download).

:func:`server_error` is the site's ``handler500``: when the database cannot be reached it answers
503 with ``Retry-After`` (RFC 9110 §15.6.4, §10.2.3) and a page that needs no database, rather
than a server error.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

#: Seconds a visitor or a client is asked to wait when the database cannot be reached.
RETRY_AFTER_SECONDS = 30
#: What the database driver raises when it cannot be reached or its connection broke.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def no_store(response, *, secret_address: bool = False):
    """Mark ``response`` as never to be stored anywhere, and return it.

    ``secret_address``: the page's own address carries a secret (a signed link from a letter), so
    it is neither indexed nor sent on to other sites in a ``Referer`` header.
    """
    add_never_cache_headers(response)
    response["X-Content-Type-Options"] = "nosniff"
    if secret_address:
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    return response


class RejectNulMiddleware:
    """A NUL byte in the address or a query parameter is a bad request (400).

    No address or search of the site contains one, and PostgreSQL refuses it in any query, so
    it is turned away before routing, the page cache or a search can pass it to the database.
    The page says why, in the visitor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            with translation.override(translation.get_language_from_request(request)):
                return no_store(HttpResponseBadRequest(render_to_string("400.html", request=None)))
        return self.get_response(request)


def _language(request) -> str:
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)


def database_unavailable(request) -> HttpResponse:
    """503 with ``Retry-After``: the database cannot be reached for now.

    The page is rendered without a request context (no context processor, no session, no site
    settings), in the language of the address, and is never stored by the page cache.
    """
    with translation.override(_language(request)):
        body = render_to_string("503.html", request=None)
    response = no_store(HttpResponse(body, status=503))
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request) -> HttpResponse:
    """The site's ``handler500``: 503 when the database is unavailable, else Django's 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return defaults.server_error(request)
