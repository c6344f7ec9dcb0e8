"""Responses that must not be kept: pages with personal data, secret links and private files.

:func:`no_store` is the one way the office marks such a response. Browsers and proxies may not
store it, the page cache (:mod:`agency.cache`) skips it because it is ``private``, and the browser
may not guess another content type for it (a file uploaded as a PDF stays a download).
"""

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
