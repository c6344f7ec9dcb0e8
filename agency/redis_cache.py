"""Redis as the site's cache, where an outage slows the site down instead of breaking it.

The cache holds nothing that cannot be rebuilt: rendered pages, the site chrome, listing counts,
Wagtail's site roots, rate-limit counters. When Redis cannot be reached, reads miss, writes are
dropped and ``add`` succeeds (so a rate limit lets the visitor through), and the error is
logged. After a failure Redis is left alone for :data:`RETRY_AFTER` seconds, so a host that does
not answer costs one timeout, not one per cache call. ``/healthz`` still reports the cache down:
it writes and reads a value and sees it missing.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Seconds without trying Redis after it failed.
RETRY_AFTER = 5.0
FAILURES = (RedisError, OSError)


class TolerantRedisCache(RedisCache):
    """:class:`~django.core.cache.backends.redis.RedisCache` that degrades to a cache that
    remembers nothing while Redis is unreachable."""

    _down_until = 0.0

    def _call(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except FAILURES as error:
            if time.monotonic() >= type(self)._down_until:
                logger.warning("Cache unavailable, serving without it: %s", error)
            type(self)._down_until = time.monotonic() + RETRY_AFTER
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=None, version=None):
        return self._call("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._call("set_many", [], data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        result = self._call("incr", None, key, delta, version)
        if result is None:
            raise ValueError(f"Key {key!r} not found (the cache is unavailable)")
        return result

    def clear(self):
        return self._call("clear", None)
