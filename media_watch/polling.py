"""Polling a source: fetch, read, store, match, and keep the source's health.

:func:`poll` is one source's whole turn; whatever goes wrong is recorded on that source
(``health``, ``last_error``, ``next_attempt_at``) and returned, never raised, so a failing
source never stops the others. A failure puts the next poll off by the poll interval times 1,
2, 4 ... (at most ``MONITOR_MAX_BACKOFF_MINUTES``, and no sooner than the server's
``Retry-After``); ``MONITOR_UNHEALTHY_AFTER`` failures in a row mark the source unhealthy.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import alerts, mentions
from .fetching import feeds, http
from .ingest import store_entries
from .models import Mention, Source

logger = logging.getLogger(__name__)

#: A sitemap index is followed into this many of its newest sitemaps.
MAX_CHILD_SITEMAPS = 3
ERROR_LENGTH = 1000


class PollOutcome:
    FETCHED = "fetched"
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"


@dataclass
class PollResult:
    """What one poll of one source did (``new_items`` are the items stored)."""

    source_id: int
    url: str
    outcome: str
    error: str = ""
    new_items: list = field(default_factory=list)
    stories_started: int = 0
    mentions: list[Mention] = field(default_factory=list)
    alerts: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome != PollOutcome.FAILED

    @property
    def wants_articles(self) -> bool:
        return any(item.text_state == item.Text.WANTED for item in self.new_items)

    def as_json(self) -> dict:
        return {
            "source": self.source_id,
            "url": self.url,
            "outcome": self.outcome,
            "error": self.error,
            "new_items": len(self.new_items),
            "stories_started": self.stories_started,
            "mentions": len(self.mentions),
            "alerts": self.alerts,
        }


def poll_interval() -> datetime.timedelta:
    return datetime.timedelta(minutes=max(1, settings.MONITOR_POLL_MINUTES))


def backoff(failures: int, retry_after: float | None = None) -> datetime.timedelta:
    """How long to wait after the ``failures``-th failure in a row."""
    interval = poll_interval() * (2 ** max(0, min(failures - 1, 16)))
    wait = min(interval, datetime.timedelta(minutes=settings.MONITOR_MAX_BACKOFF_MINUTES))
    if retry_after:
        wait = max(wait, datetime.timedelta(seconds=min(retry_after, 86_400)))
    return wait


def read_document(source: Source) -> tuple[http.Fetched, feeds.Document | None]:
    """Fetch ``source`` (conditionally) and read it; ``None`` when it did not change."""
    fetched = http.fetch(source.url, etag=source.etag, last_modified=source.last_modified)
    if fetched.not_modified:
        return fetched, None
    document = feeds.parse(fetched.body, fetched.url, fetched.content_type)
    for address in document.sitemaps[:MAX_CHILD_SITEMAPS]:
        child = http.fetch(address)
        document.entries.extend(feeds.parse(child.body, child.url, child.content_type).entries)
    if document.sitemaps:
        document.kind = Source.Kind.SITEMAP
    return fetched, document


def record_success(source: Source, fetched: http.Fetched, now, kind: str | None, new: int):
    changes = {
        "health": Source.Health.OK,
        "consecutive_failures": 0,
        "last_error": "",
        "last_fetched_at": now,
        "last_success_at": now,
        "last_status": fetched.status,
        "next_attempt_at": now + poll_interval(),
    }
    if not fetched.not_modified:
        changes.update(etag=fetched.etag[:500], last_modified=fetched.last_modified[:100])
        changes["last_new_items"] = new
    if kind:
        changes["kind"] = kind
    Source.objects.filter(pk=source.pk).update(**changes)
    for name, value in changes.items():
        setattr(source, name, value)


def record_failure(source: Source, message: str, now, *, status=None, retry_after=None):
    failures = source.consecutive_failures + 1
    unhealthy = failures >= settings.MONITOR_UNHEALTHY_AFTER
    changes = {
        "health": Source.Health.UNHEALTHY if unhealthy else Source.Health.FAILING,
        "consecutive_failures": failures,
        "last_error": message[:ERROR_LENGTH],
        "last_fetched_at": now,
        "last_status": status,
        "last_new_items": 0,
        "next_attempt_at": now + backoff(failures, retry_after),
    }
    Source.objects.filter(pk=source.pk).update(**changes)
    for name, value in changes.items():
        setattr(source, name, value)


def poll(source: Source, *, now=None, alert: bool = True) -> PollResult:
    """Poll ``source`` once: store its new items, record their mentions and raise the alerts
    they call for (unless ``alert`` is false)."""
    now = now or timezone.now()
    result = PollResult(source_id=source.pk, url=source.url, outcome=PollOutcome.FETCHED)
    try:
        fetched, document = read_document(source)
    except http.FetchError as error:
        result.outcome, result.error = PollOutcome.FAILED, str(error)
        record_failure(source, str(error), now, status=error.status, retry_after=error.retry_after)
        return result
    except feeds.UnreadableDocument as error:
        result.outcome, result.error = PollOutcome.FAILED, str(error)
        record_failure(source, str(error), now)
        return result
    if document is None:
        result.outcome = PollOutcome.NOT_MODIFIED
        record_success(source, fetched, now, None, 0)
        return result
    try:
        with transaction.atomic():
            stored = store_entries(source, document.entries, now)
            result.mentions = mentions.record_mentions(stored.items)
    except Exception as error:
        logger.exception("Storing the items of source %s failed", source.pk)
        result.outcome = PollOutcome.FAILED
        result.error = _("Its items could not be stored (%(error)s).") % {
            "error": type(error).__name__
        }
        record_failure(source, result.error, now)
        return result
    result.new_items, result.stories_started = stored.items, stored.stories_started
    record_success(source, fetched, now, document.kind, len(stored.items))
    if alert and result.mentions:
        result.alerts = alerts.raise_alerts(result.mentions)
    return result
