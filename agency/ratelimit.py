"""Rate limits for the public forms, counted in the cache (Redis in production).

Each limit is a fixed window: at most ``limit`` hits per ``window`` seconds per key. Keys are
keyed digests, so no IP address or e-mail address is written to the cache in clear. If the cache
cannot be reached, the request is let through and the failure logged: a broken cache must not
stop citizens from filing requests.

:data:`SCOPES` is the one registry of what is limited, for every public form of the agency; the
``RATE_LIMITS`` setting, a dict of ``{scope: (limit, window_seconds)}``, overrides its numbers.
Counting in a scope that is not registered is an error.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

SCOPES = {
    # Submissions of a public form (requests, accreditation, event registration) per IP address
    # and per e-mail address or card.
    "submit_ip": (10, 3600),
    "submit_email": (5, 3600),
    # Status-page lookups per IP address, and per request number from one address (so that
    # guesses from other addresses cannot lock the requester out of their own number).
    "status_ip": (20, 600),
    "status_number": (10, 600),
    # Unknown tokens on the accreditation card verification page, per IP address.
    "verify_ip": (20, 600),
}


def limits() -> dict[str, tuple[int, int]]:
    return {**SCOPES, **getattr(settings, "RATE_LIMITS", {})}


def client_ip(request) -> str:
    """The address the request came from.

    Behind reverse proxies, set ``PROXY_COUNT`` to their number: the address is
    then the one the outermost proxy saw, taken from ``X-Forwarded-For`` counting from the right
    (the entries to its left are whatever the client chose to send). With the default 0 it is
    ``REMOTE_ADDR``.
    """
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        hops = [
            hop.strip()
            for hop in request.headers.get("x-forwarded-for", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, value: str) -> str:
    digest = salted_hmac("agency.ratelimit", f"{scope}:{value}").hexdigest()[:32]
    return f"citizen_requests:rl:{scope}:{digest}"


def hit(scope: str, value: str) -> bool:
    """Count one attempt for ``value`` in ``scope``. ``False`` if it is over the limit."""
    limit, window = limits()[scope]
    key = _key(scope, value.strip().lower())
    try:
        if cache.add(key, 1, timeout=window):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window)
            return True
    except Exception:
        logger.warning("Rate limit cache unavailable; %s not limited", scope, exc_info=True)
        return True
    return count <= limit


def reset(scope: str, value: str) -> None:
    cache.delete(_key(scope, value.strip().lower()))
