"""The scanner's use of the cache: an outage makes a scan slower, never stops it."""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def cache_get(key):
    """The cached value of ``key``, or None when it is not cached or the cache is down."""
    try:
        return cache.get(key)
    except Exception:
        logger.exception("Scanner cache unavailable")
        return None


def cache_set(key, value, timeout) -> None:
    """Cache ``value`` under ``key`` if the cache is up."""
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.exception("Could not store a scan result in the cache")
