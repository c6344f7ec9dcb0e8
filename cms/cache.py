"""A shared cache of anonymous page responses, per URL and so per locale.

Anonymous visitors make up nearly all traffic, and most pages change only when an
editor publishes. A cached hit is answered before sessions, locale or the
database are touched, so it makes no SQL query at all.

Correctness rules:

* only ``GET``/``HEAD`` requests without a session or CSRF cookie are served from
  or stored in the cache, so a logged-in editor or a visitor with a form in
  progress always gets a fresh page;
* only ``200`` responses that set no cookie and are not marked private are stored;
* publishing, unpublishing, moving or deleting a page, and saving a site setting
  or snippet, bumps a generation number that is part of every key, which
  invalidates every cached page at once in every process sharing the cache.

(``wagtail-cache`` does the same job but does not support Wagtail 8.)
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import patch_response_headers

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"
CACHE_HEADER = "X-Page-Cache"
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/static/", "/media/", "/documents/")


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_page_cache(**kwargs) -> None:
    """Make every cached page stale, in every process that shares the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 2, timeout=None)


def _cache_key(request, generation: int) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}".encode()
    return f"pagecache:{generation}:{hashlib.sha256(raw).hexdigest()}"


def _is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.CSRF_COOKIE_NAME in request.COOKIES
    ):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES) or request.path == "/":
        return False
    return "preview" not in request.GET


def _is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page responses from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if timeout <= 0 or not _is_cacheable_request(request):
            return self.get_response(request)

        key = _cache_key(request, current_generation())
        cached = cache.get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached

        response = self.get_response(request)
        if _is_cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            patch_response_headers(response, cache_timeout=60)
            cache.set(key, response, timeout)
            response[CACHE_HEADER] = "miss"
        return response


receiver(page_published)(invalidate_page_cache)
receiver(page_unpublished)(invalidate_page_cache)
receiver(post_page_move)(invalidate_page_cache)


@receiver(post_save)
@receiver(post_delete)
def _invalidate_on_content_change(sender, **kwargs):
    """Snippets and settings show on every page, so changing one invalidates all.

    Page saves are left out (a draft changes nothing public); page deletion is
    not, since a deleted live page must disappear from listings.
    """
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page, Site

    if issubclass(sender, Page):
        if kwargs["signal"] is post_delete:
            invalidate_page_cache()
    elif issubclass(sender, (BaseSiteSetting, Site)) or sender._meta.app_label in {
        "cms",
        "press_pages",
    }:
        invalidate_page_cache()
