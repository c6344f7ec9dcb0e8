"""A shared cache of anonymous page responses, per URL and language.

Anonymous visitors make up nearly all traffic, and most pages change only when an
editor publishes. A cached hit is answered before sessions, locale or the
database are touched, so it makes no SQL query at all.

Correctness rules:

* only ``GET``/``HEAD`` requests without a session or CSRF cookie (and without
  an ``Authorization`` header) are served from or stored in the cache, so a
  logged-in editor or a visitor with a form in progress always gets a fresh page;
* only ``200`` responses that set no cookie, are not marked private or
  ``no-store``, and vary on nothing but ``Cookie`` and ``Accept-Language`` are
  stored; the key holds the language the request resolves to, so a page without
  a language prefix (``/sitemap.xml``) is cached once per language;
* publishing, unpublishing, moving or deleting a page, and saving a site setting,
  snippet, image or document, bumps a generation number that is part of every
  key, which invalidates every cached page at once in every process sharing the
  cache. The bump happens at once and again when the transaction commits, so a
  request rendered from the old data while the publish was still uncommitted
  cannot be stored under the new generation;
* when the cache is not shared between processes (the embedded default without Redis keeps
  a local-memory cache in each process), the generation lives in the database
  (:class:`~agency.models.CacheGeneration`), so a page the worker publishes reaches the web
  process's cache too. Each process keeps the number it read for
  ``PAGE_CACHE_GENERATION_TTL`` seconds (1 by default): a cached request costs at most one
  read by primary key, and another process's publish shows within that time;
* the middleware does not make the cache a dependency: if it is down, pages
  are rendered as if it were empty (Wagtail's own site-root cache still needs it).

(``wagtail-cache`` does the same job but does not support Wagtail 8.)
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import cc_delim_re, patch_response_headers
from django.utils.translation import get_language_from_request

from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CacheGeneration

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHE_HEADER = "X-Page-Cache"
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/static/", "/media/", "/documents/")
# Browsers and proxies may reuse a page this long; invalidation cannot reach them.
CLIENT_MAX_AGE = 60
ALLOWED_VARY = {"cookie", "accept-language"}
# Apps whose models (other than pages) are shown on public pages, and single models of other
# apps that are: their saves invalidate the cache. Citizen requests, workflow states, register
# counters and the outbox are deliberately absent.
PUBLIC_CONTENT_APPS = {"press_pages"}
PUBLIC_CONTENT_MODELS = {"agency.agencyprofile"}


def _new_generation() -> int:
    """A generation number no earlier generation can have had.

    Time-based rather than starting at 1: if the generation key is evicted, a
    restart at 1 could resurrect pages stored under an old generation 1.
    """
    return time.time_ns() // 1000


def generation_in_database() -> bool:
    """Whether the generation is kept in the database: when each process has its own cache.

    ``PAGE_CACHE_GENERATION_IN_DATABASE`` decides when set; by default a local-memory cache
    is not shared and a Redis cache is.
    """
    configured = getattr(settings, "PAGE_CACHE_GENERATION_IN_DATABASE", None)
    if configured is not None:
        return configured
    return isinstance(caches["default"], LocMemCache)


#: ``(generation, until)``: what this process last read from the database, and until when
#: (``time.monotonic()``) it may be reused. One tuple, so threads never see half an update.
_last_read: tuple[int | None, float] = (None, 0.0)


def forget_generation() -> None:
    """Read the generation from the database again at its next use (after a bump, in tests)."""
    global _last_read
    _last_read = (_last_read[0], 0.0)


def _read_database_generation() -> int:
    rows = CacheGeneration.objects.filter(pk=1).values_list("value", flat=True)
    value = rows.first()
    if value is None:
        try:
            with transaction.atomic():
                CacheGeneration.objects.create(pk=1, value=_new_generation())
        except IntegrityError:  # another process created it meanwhile
            pass
        value = rows.first()
    return value


def _database_generation() -> int:
    global _last_read
    known, until = _last_read
    now = time.monotonic()
    if known is not None and now < until:
        return known
    ttl = getattr(settings, "PAGE_CACHE_GENERATION_TTL", 1.0)
    try:
        value = _read_database_generation()
    except DatabaseError:
        # While the database is down nothing can be published: the pages cached under the
        # last generation read may still be served.
        if known is None or connection.in_atomic_block:
            raise
        logger.warning("Could not read the page cache generation; using the last one read")
        value = known
    _last_read = (value, now + ttl)
    return value


def current_generation() -> int:
    """The number every cache key made from published content must include.

    Other caches of public data (the site chrome, listing counts) use it too,
    so one bump empties them all.
    """
    if generation_in_database():
        return _database_generation()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _bump_database_generation() -> None:
    # A savepoint, so that a failure here leaves the publishing transaction usable.
    with transaction.atomic():
        if not CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1):
            forget_generation()
            _database_generation()
            CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)
    forget_generation()


def _bump_generation() -> None:
    try:
        if generation_in_database():
            _bump_database_generation()
            return
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        if generation_in_database() and not _generation_table_exists():
            return  # the database is being migrated: nothing has been cached from it yet
        # Publishing must not fail because the cache is down; stale entries
        # expire after PAGE_CACHE_SECONDS at the latest.
        logger.exception("Could not invalidate the page cache")


def _generation_table_exists() -> bool:
    try:
        return CacheGeneration._meta.db_table in connection.introspection.table_names()
    except DatabaseError:
        return True


def invalidate_page_cache(**kwargs) -> None:
    """Make every cached page stale, in every process that shares the cache."""
    _bump_generation()
    transaction.on_commit(_bump_generation)


def _cache_key(request, generation: int) -> str:
    language = get_language_from_request(request, check_path=True)
    raw = f"{request.scheme}|{request.get_host()}|{language}|{request.get_full_path()}"
    return f"pagecache:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.CSRF_COOKIE_NAME in request.COOKIES
        or "authorization" in request.headers
    ):
        return False
    # "/" redirects by Accept-Language and is cheap; the rest are not pages.
    if request.path == "/" or request.path.startswith(EXCLUDED_PREFIXES):
        return False
    return "preview" not in request.GET


def _is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    return vary - {""} <= ALLOWED_VARY


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page responses from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if timeout <= 0 or not _is_cacheable_request(request):
            return self.get_response(request)

        try:
            key = _cache_key(request, current_generation())
            cached = cache.get(key)
        except Exception:
            logger.exception("Page cache unavailable; rendering without it")
            return self.get_response(request)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            # Browsers keep it as long from now as from a fresh page, not from when it was stored.
            del cached["Expires"]
            patch_response_headers(cached, cache_timeout=min(CLIENT_MAX_AGE, timeout))
            return cached

        response = self.get_response(request)
        if _is_cacheable_response(response):
            patch_response_headers(response, cache_timeout=min(CLIENT_MAX_AGE, timeout))
            try:
                cache.set(key, response, timeout)
            except Exception:
                logger.exception("Could not store a page in the cache")
            else:
                response[CACHE_HEADER] = "miss"
        return response


receiver(page_published)(invalidate_page_cache)
receiver(page_unpublished)(invalidate_page_cache)
receiver(post_page_move)(invalidate_page_cache)


@receiver(post_save)
@receiver(post_delete)
def _invalidate_on_content_change(sender, **kwargs):
    """Snippets, settings, images and documents show on pages; changing one invalidates all.

    Page saves are left out (a draft changes nothing public; publishing sends
    ``page_published``); page deletion is not, since a deleted live page must
    disappear from listings. Renditions are left out: they are created while
    pages render, as is a settings row of defaults.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Site

    if issubclass(sender, Page):
        if kwargs["signal"] is post_delete:
            invalidate_page_cache()
    elif issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        # ``for_site``/``load`` create a row of defaults on first read, while a
        # page renders; only an editor's later save changes what pages show.
        if not kwargs.get("created"):
            invalidate_page_cache()
    elif (
        issubclass(sender, (Site, Locale))
        or sender in (get_image_model(), get_document_model())
        or sender._meta.app_label in PUBLIC_CONTENT_APPS
        or sender._meta.label_lower in PUBLIC_CONTENT_MODELS
    ):
        invalidate_page_cache()
