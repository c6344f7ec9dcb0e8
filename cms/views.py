"""Operational endpoints that are not pages."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"healthz:{get_random_string(12)}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)


def _check_queue() -> None:
    from django_q.brokers import get_broker

    if not get_broker().ping():
        raise RuntimeError("queue broker did not answer")


CHECKS = {"database": _check_database, "cache": _check_cache, "queue": _check_queue}


@never_cache
@require_GET
def healthz(request):
    """Status of the database, cache and queue broker: 200 if all are up, else 503."""
    components = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:
            logger.warning("healthz: %s is down: %s", name, exc)
            components[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            components[name] = {"status": "ok"}
    healthy = all(c["status"] == "ok" for c in components.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "components": components},
        status=200 if healthy else 503,
    )
