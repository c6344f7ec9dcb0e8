"""Operational endpoints that are not pages."""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

import redis

from agency.models import AgencyProfile

logger = logging.getLogger(__name__)

# A load balancer polls this; a dead dependency must fail fast, not hang.
REDIS_TIMEOUT_SECONDS = 2


def _check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _check_cache() -> dict:
    key = f"healthz:{get_random_string(12)}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    return {}


def _check_queue() -> dict:
    """Reach the django-q2 broker named by the current settings, and count waiting jobs.

    ``django_q.conf.Conf`` (and so ``get_broker()``) reads ``Q_CLUSTER`` once at
    import, so the broker is reached here from the settings themselves. This
    tells whether jobs can be enqueued, not whether a ``qcluster`` is running.
    """
    conf = settings.Q_CLUSTER
    cluster_name = conf.get("cluster_name", conf.get("name", "default"))
    if conf.get("redis"):
        if not isinstance(conf["redis"], str):
            raise TypeError("healthz only understands a Redis URL in Q_CLUSTER['redis']")
        client = redis.Redis.from_url(
            conf["redis"],
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
        )
        try:
            client.ping()
            pending = client.llen(f"django_q:{cluster_name}:q")
        finally:
            client.close()
        return {"broker": "redis", "pending": pending}
    if conf.get("orm"):
        from django_q.models import OrmQ

        pending = OrmQ.objects.using(conf["orm"]).filter(key=cluster_name).count()
        return {"broker": "orm", "pending": pending}
    raise RuntimeError("Q_CLUSTER names neither a Redis nor an ORM broker")


CHECKS = {"database": _check_database, "cache": _check_cache, "queue": _check_queue}


@never_cache
@require_safe
def healthz(request):
    """Status of the database, cache and queue broker: 200 if all are up, else 503.

    The body names each component's status and, for a failed one, only the
    exception class: details go to the log, not to whoever polls the endpoint.
    """
    components = {}
    for name, check in CHECKS.items():
        try:
            details = check()
        except Exception as exc:
            logger.warning("healthz: %s is down: %s", name, exc)
            components[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            components[name] = {"status": "ok", **details}
    healthy = all(c["status"] == "ok" for c in components.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "components": components},
        status=200 if healthy else 503,
    )


#: security.txt says it is valid this long; it is written afresh on every request (RFC 9116
#: 2.5.5 asks for less than a year).
SECURITY_TXT_VALID_DAYS = 180


def security_contact() -> str:
    """Where to report a vulnerability: ``SECURITY_CONTACT``, else the press secretary's or the
    agency's e-mail address in the agency profile (Settings → Agency profile); '' if none."""
    contact = settings.SECURITY_CONTACT
    if not contact:
        profile = AgencyProfile.for_language(settings.LANGUAGE_CODE)
        if profile is not None:
            contact = profile.press_secretary_email or profile.email
    if contact and "@" in contact and ":" not in contact:
        contact = f"mailto:{contact}"
    return contact


@require_safe
def security_txt(request):
    """``/.well-known/security.txt`` (RFC 9116): how to report a vulnerability to the agency."""
    contact = security_contact()
    if not contact:
        raise Http404("No security contact is configured")
    expires = timezone.now().astimezone(datetime.UTC).replace(microsecond=0) + datetime.timedelta(
        days=SECURITY_TXT_VALID_DAYS
    )
    languages = ", ".join(code for code, _name in settings.LANGUAGES)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        f"Preferred-Languages: {languages}",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
