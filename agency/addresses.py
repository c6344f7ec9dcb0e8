"""Absolute addresses of the public site, on the address a visitor actually reached.

Wagtail builds a page's full URL from its ``Site`` record: ``http://hostname:port``. The
record names the address the site was set up with (the demo's ``127.0.0.1:8000``, from
``WAGTAILADMIN_BASE_URL``), which is not the one the public sees behind a proxy
(``https://press.example.kz``). Feeds, the sitemap, calendars and card QR codes are read away
from the site, so a wrong host or port there is a dead link. Within a request, the served
address is the request's scheme and host, checked against ``ALLOWED_HOSTS`` (as robots.txt
builds its sitemap line); without one, ``WAGTAILADMIN_BASE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site


def served_origin(request=None) -> str:
    """``scheme://host[:port]`` of the public site, without a trailing slash."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def absolute_url(url: str | None, request=None) -> str | None:
    """``url`` (a path, or a full URL from a ``Site`` record) on the address being served.

    A path, or a URL on the request's own site (the site Wagtail matches to the request,
    the default site for an unknown host), is put on the served origin. A URL of another site
    of a multi-site set-up is left as that site's record says. ``None`` stays ``None``.
    """
    if url is None:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return served_origin(request) + url
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return url
    origin = _origin(url)
    if origin and origin == site.root_url.rstrip("/"):
        return served_origin(request) + url[len(origin) :]
    return url


def page_url(page, request=None) -> str | None:
    """The page's absolute URL on the address being served (see :func:`absolute_url`)."""
    return absolute_url(page.get_full_url(request), request)
