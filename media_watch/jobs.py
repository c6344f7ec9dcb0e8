"""The media watch's django-q2 jobs.

* :func:`poll_due_sources` runs every minute (a schedule made by a migration) and queues one
  :func:`poll_source` job for each active source whose next poll is due (by this tick, see
  :data:`DUE_EARLY`), so a slow or failing source holds up no other. A source's next poll is
  put off while its job waits, so a job that has not run yet is not queued twice.
* :func:`poll_source` polls one source; when it stored items that want their article text, it
  queues :func:`fetch_articles` for the source, so the alerts of the feed step do not wait for
  the pages.
* :func:`send_held_alerts` (every minute) and :func:`send_daily_digest` (daily);
  :func:`send_monthly_report` (on the 1st of each month: last month's report to the Heads);
* :func:`send_weekly_announcements` (every hour) sends the coming week's announcements to the
  authorised body on Friday, once a week (:mod:`media_watch.announcements.sending`);
  :func:`send_telegram_alert` is queued by an alert when a Telegram bot is configured.

Each job is harmless to run twice: a second poll asks the server only for what changed and
stores no address twice; a second article step finds no item still waiting.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from agency import queue
from agency.daily import once_a_day, once_a_month

from . import alerts, digest
from .announcements import sending as announcements
from .models import Item, Source
from .polling import poll, poll_interval
from .reports import mailing
from .texts import extract_articles, wanted

GROUP = "media-watch"


#: django-q2 looks for due schedules every 30 seconds, so the minute schedule runs up to half a
#: minute late, and a poll starts a moment after its tick. A source whose turn comes within this
#: much of a tick is polled on it: otherwise a poll that started late would miss the tick its
#: interval ends on by seconds and wait a minute more (a 3-minute interval polled every 4
#: minutes, an alert 5 minutes late). A source's polls stay about ``MONITOR_POLL_MINUTES``
#: apart, never more than half a minute more (the longest an alert waits for its poll).
DUE_EARLY = datetime.timedelta(seconds=40)


def due_sources(now=None):
    """Active sources whose next poll is due by the tick at ``now``."""
    now = now or timezone.now()
    return Source.objects.filter(active=True).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now + DUE_EARLY)
    )


def poll_due_sources() -> int:
    """Queue a poll of every source that is due. Returns how many were queued."""
    now = timezone.now()
    queued = 0
    for source_id in (
        due_sources(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    ):
        taken = due_sources(now).filter(pk=source_id).update(next_attempt_at=now + poll_interval())
        if taken:
            queue.submit(
                "media_watch.jobs.poll_source",
                source_id,
                group=GROUP,
                name=f"media watch: poll source {source_id}",
            )
            queued += 1
    return queued


def poll_source(source_id: int) -> dict:
    """Poll one source (a job); returns what the poll did."""
    source = Source.objects.filter(pk=source_id, active=True).select_related("outlet").first()
    if source is None:
        return {"source": source_id, "outcome": "inactive"}
    result = poll(source)
    if result.wants_articles:
        _queue_articles(source_id)
    return result.as_json()


def _queue_articles(source_id: int) -> None:
    queue.submit(
        "media_watch.jobs.fetch_articles",
        source_id,
        group=GROUP,
        name=f"media watch: articles of source {source_id}",
    )


def fetch_articles(source_id: int) -> dict:
    """Fetch the article text of one source's waiting items (a job)."""
    result = extract_articles(wanted(source_id))
    if Item.objects.filter(source_id=source_id, text_state=Item.Text.WANTED).exists():
        _queue_articles(source_id)
    return result.as_json()


def send_held_alerts() -> int:
    """Send the alerts held during the quiet hours, or called for by an officer's tone (every
    minute). Harmless twice: a story is alerted once."""
    return alerts.send_held_alerts()


def send_telegram_alert(story_id: int) -> bool:
    """Send the Telegram message of an alerted story (queued by the alert)."""
    return alerts.send_telegram(story_id)


@once_a_day("media watch: daily digest")
def send_daily_digest() -> int:
    """Mail the day's mentions to the Heads and the press secretaries (daily)."""
    return digest.send_daily_digest()


@once_a_month("media watch: monthly report")
def send_monthly_report(today=None) -> int:
    """Mail last month's report (PDF and workbook) to the Heads (monthly; once per month)."""
    return mailing.send_monthly_report(today)


def send_weekly_announcements() -> int | None:
    """Send the coming week's announcements to the authorised body once they are due (every
    hour; from Friday's configured hour). Returns the sending's id, or None if nothing went."""
    record = announcements.send_if_due()
    return record.pk if record else None
