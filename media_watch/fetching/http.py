"""Fetching one address for the media watch: guarded, polite, bounded and retried.

:func:`fetch` asks only for what changed (``If-None-Match``, ``If-Modified-Since``), waits its
turn on the host (:mod:`.throttle`), gives up after ``MONITOR_FETCH_TIMEOUT`` seconds in all and
after ``MONITOR_MAX_RESPONSE_KB`` of (decompressed) body, reading no further (a body sent slowly is cut
off at the time limit too), and tries a
transient failure (a timeout, a dropped connection, a 5xx, a 429) again after 1, 2, 4 ... times
``MONITOR_RETRY_DELAY_MS``. Every connection goes through the address guard (:mod:`.guard`).
"""

import contextlib
import email.utils
import socket
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

import requests
from requests.adapters import HTTPAdapter

from . import throttle
from .guard import POOL_CLASSES, RefusedAddress

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class FetchError(Exception):
    """A fetch that failed: ``transient`` failures are worth trying again soon."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        transient: bool = True,
        retry_after: float | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.transient = transient
        self.retry_after = retry_after


@dataclass(frozen=True)
class Fetched:
    """A response: ``url`` is the address after redirects; a 304 has an empty ``body``."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class GuardedAdapter(HTTPAdapter):
    """requests' adapter whose connection pools connect through the address guard."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(POOL_CLASSES)


_local = threading.local()


def session() -> requests.Session:
    """This thread's session (its pooled connections are reused between fetches).

    Proxies and ``.netrc`` from the environment are ignored: a proxy would make the
    connection the guard checks.
    """
    current = getattr(_local, "session", None)
    if current is None:
        current = requests.Session()
        current.trust_env = False
        current.max_redirects = MAX_REDIRECTS
        adapter = GuardedAdapter(pool_connections=4, pool_maxsize=4, max_retries=0)
        current.mount("http://", adapter)
        current.mount("https://", adapter)
        _local.session = current
    return current


def forget_session() -> None:
    """Close this thread's session and its pooled connections (tests that change the guard's
    setting; a connection made under the old one would be reused)."""
    current = getattr(_local, "session", None)
    if current is not None:
        current.close()
        _local.session = None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _watchdog(response, seconds: float) -> threading.Timer:
    """A timer that cuts the connection of ``response`` after ``seconds``: a server that sends
    its body a byte at a time keeps each read under the read timeout, but not the whole."""

    def cut():
        connection = getattr(response.raw, "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(seconds, 0.0), cut)
    timer.daemon = True
    timer.start()
    return timer


def _fetch_once(url: str, headers: dict, timeout: float, cap: int) -> Fetched:
    deadline = time.monotonic() + timeout
    try:
        with session().get(
            url, headers=headers, timeout=(timeout, timeout), stream=True, allow_redirects=True
        ) as response:
            status = response.status_code
            if status == 304:
                return Fetched(
                    url=response.url,
                    status=status,
                    body=b"",
                    etag=response.headers.get("ETag", ""),
                    last_modified=response.headers.get("Last-Modified", ""),
                )
            if status >= 400:
                raise FetchError(
                    _("The server answered HTTP %(status)s.") % {"status": status},
                    status=status,
                    transient=status >= 500 or status in (408, 429),
                    retry_after=_retry_after(response.headers.get("Retry-After")),
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(too_large(cap), status=status, transient=False)
            body = bytearray()
            watchdog = _watchdog(response, deadline - time.monotonic())
            try:
                for chunk in response.iter_content(CHUNK):
                    body += chunk
                    if len(body) > cap:
                        raise FetchError(too_large(cap), status=status, transient=False)
                    if time.monotonic() > deadline:
                        raise FetchError(timed_out(timeout), status=status)
            finally:
                watchdog.cancel()
            return Fetched(
                url=response.url,
                status=status,
                body=bytes(body),
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )
    except RefusedAddress as error:
        raise FetchError(str(error), transient=False) from None
    except requests.Timeout:
        raise FetchError(timed_out(timeout)) from None
    except requests.TooManyRedirects:
        raise FetchError(_("Too many redirects."), transient=False) from None
    except (
        requests.exceptions.InvalidURL,
        requests.exceptions.MissingSchema,
        requests.exceptions.InvalidSchema,
    ):
        raise FetchError(_("The address is not a valid web address."), transient=False) from None
    except requests.RequestException as error:
        if time.monotonic() > deadline:
            raise FetchError(timed_out(timeout)) from None
        reason = error.__class__.__name__
        raise FetchError(_("The connection failed (%(reason)s).") % {"reason": reason}) from None


def too_large(cap: int) -> str:
    return _("The response is larger than %(size)s KB; it was not read further.") % {
        "size": cap // 1024
    }


def timed_out(timeout: float) -> str:
    return _("No complete answer within %(seconds)s seconds.") % {"seconds": timeout}


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: str = FEED_ACCEPT,
    retries: int | None = None,
) -> Fetched:
    """GET ``url`` with the media watch's limits; raises :class:`FetchError` when it failed
    (after the retries, for a transient failure)."""
    timeout = float(settings.MONITOR_FETCH_TIMEOUT)
    cap = int(settings.MONITOR_MAX_RESPONSE_KB) * 1024
    retries = settings.MONITOR_FETCH_RETRIES if retries is None else retries
    delay = settings.MONITOR_RETRY_DELAY_MS / 1000
    headers = {"User-Agent": settings.MONITOR_USER_AGENT, "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempt = 0
    while True:
        throttle.wait_turn(url)
        try:
            return _fetch_once(url, headers, timeout, cap)
        except FetchError as error:
            if not error.transient or attempt >= retries:
                raise
            pause = delay * (2**attempt)
            if error.retry_after is not None:
                pause = max(pause, min(error.retry_after, timeout))
            attempt += 1
            if pause:
                time.sleep(pause)
