"""Politeness: requests to one host and port are spaced by ``MONITOR_HOST_DELAY_MS``.

The turns are kept per process, keyed by host and port (two servers on one machine are two
hosts). A process polls one source at a time per worker, so what this spaces out in practice
are the article pages of one outlet and the sources that share a host.
"""

import threading
import time
from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}

_lock = threading.Lock()
_next_turn: dict[tuple[str, int], float] = {}


def host_key(url: str) -> tuple[str, int]:
    """``(host, port)`` of ``url``, the port filled in from the scheme."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), port or DEFAULT_PORTS.get(parts.scheme, 0)


def wait_turn(url: str) -> float:
    """Sleep until ``url``'s host may be asked again; returns how long it slept."""
    delay = settings.MONITOR_HOST_DELAY_MS / 1000
    if delay <= 0:
        return 0.0
    key = host_key(url)
    with _lock:
        now = time.monotonic()
        turn = max(now, _next_turn.get(key, now))
        _next_turn[key] = turn + delay
        if len(_next_turn) > 10_000:
            for stale in [k for k, t in _next_turn.items() if t < now]:
                del _next_turn[stale]
    pause = turn - now
    if pause > 0:
        time.sleep(pause)
    return pause


def forget() -> None:
    """Clear every host's turn (tests)."""
    with _lock:
        _next_turn.clear()
