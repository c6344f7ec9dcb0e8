"""Addresses on the accreditation page that briefing pages link to: the temporary accreditation
for the event, and the interview request."""

import logging

from django.core.cache import cache

from agency.cache import current_generation

from .pages import AccreditationPage

logger = logging.getLogger(__name__)

ROUTE_CACHE_SECONDS = 3600


def subpage_url(request, page, route: str, **kwargs) -> str:
    """The address of ``route`` of the routable ``page``, as the page's own links are made."""
    return (
        page.get_url(request).rstrip("/")
        + "/"
        + page.reverse_subpage(route, kwargs=kwargs).lstrip("/")
    )


def _accreditation_route(request, page, route: str) -> str:
    """A route of the accreditation page in ``page``'s language (else any language), or ``""``.

    Cached under the page cache's generation, which every publication bumps, so the briefing
    page pays no query for the link and never shows a stale one.
    """
    key = url = None
    try:
        key = f"accreditation:route:{current_generation()}:{page.locale_id}:{route}"
        url = cache.get(key)
    except Exception:  # the cache is an optimisation only
        logger.warning("Cache unavailable for the accreditation page's address", exc_info=True)
    if url is None:
        pages = AccreditationPage.objects.live().select_related("locale")
        target = pages.filter(locale_id=page.locale_id).first() or pages.first()
        url = subpage_url(request, target, route) if target is not None else ""
        if key is not None:
            try:
                cache.set(key, url, ROUTE_CACHE_SECONDS)
            except Exception:
                logger.warning("Could not cache the accreditation page's address", exc_info=True)
    return url


def temporary_accreditation_url(request, page) -> str:
    """The temporary-accreditation form in the page's language, for this event, or ``""``."""
    url = _accreditation_route(request, page, "temporary")
    return f"{url}?event={page.pk}" if url else ""


def interview_url(request, page) -> str:
    """The interview-request form on the accreditation page in the page's language, or ``""``."""
    return _accreditation_route(request, page, "interview")
