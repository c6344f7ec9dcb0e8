"""Responses that must not be kept: pages with personal data, secret links and private files.

:func:`no_store` is the one way the office marks such a response. Browsers and proxies may not
store it, the page cache (:mod:`agency.cache`) skips it because it is ``private``, and the browser
may not guess another content type for it (a file uploaded as a PDF stays a download).
"""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers


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
