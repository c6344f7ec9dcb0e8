"""Alerts to the first head: a negative mention of the agency or of an official (model
regulation p.10.4: "inform the first head promptly when information able to cause a negative
public reaction is found in the media space").

:func:`raise_alerts` is called with the mentions just found (by the poll, the article step and
``monitor_run``). A story is alerted once: the first call to claim it (``Story.alerted_at``,
set by a conditional update, so two workers never both claim it) mails the Heads and the press
secretaries, each in their own language, and queues the Telegram message when a bot is
configured. The alert gives the outlets, the headline, the matched words and the words that
decided the tone. During the quiet hours (``MONITOR_QUIET_HOURS``, Asia/Almaty) nothing is sent:
:func:`send_held_alerts` (every minute) sends what waited once they end, and also alerts a
story an officer has since marked negative.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from agency import mail, queue
from agency.addresses import absolute_url
from workflows.roles import members_of

from . import telegram
from .models import Mention, Story, Tone, WatchTerm

#: The kinds of term whose negative mention is alerted.
ALERTED_KINDS = (WatchTerm.Kind.AGENCY, WatchTerm.Kind.PERSON)
TEMPLATE = "media_watch/mail/alert"


def quiet_hours() -> tuple[datetime.time, datetime.time] | None:
    """``(start, end)`` of ``MONITOR_QUIET_HOURS`` (``"22:00-07:00"``), or ``None``."""
    value = (settings.MONITOR_QUIET_HOURS or "").strip()
    if not value:
        return None
    try:
        start, end = (datetime.time.fromisoformat(part.strip()) for part in value.split("-"))
    except ValueError:
        raise ImproperlyConfigured(
            f"MONITOR_QUIET_HOURS must look like 22:00-07:00, got {value!r}."
        ) from None
    return start, end


def is_quiet(now=None) -> bool:
    """Whether ``now`` (Asia/Almaty) falls in the quiet hours."""
    hours = quiet_hours()
    if hours is None:
        return False
    start, end = hours
    moment = timezone.localtime(now or timezone.now()).time()
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


def alert_window(now) -> datetime.datetime:
    return now - datetime.timedelta(hours=settings.MONITOR_ALERT_MAX_AGE_HOURS)


def calls_for_alert(mention: Mention, now=None) -> bool:
    """A negative mention (as scored, or as an officer set it) of the agency or an official,
    in an item published within ``MONITOR_ALERT_MAX_AGE_HOURS``."""
    now = now or timezone.now()
    recent = mention.item.published_at >= alert_window(now)
    negative = mention.current_tone == Tone.NEGATIVE
    return recent and negative and any(hit.get("kind") in ALERTED_KINDS for hit in mention.hits)


def recipients():
    """Active Heads and press secretaries with an e-mail address."""
    return members_of("heads", "press_secretaries")


def story_context(story: Story) -> dict:
    """What an alert says about ``story``: its copies (outlet, headline, link), of its
    mentions the matched words and the tone's reasons, and the link to its page in the admin."""
    items = list(story.items.select_related("outlet").order_by("published_at", "pk"))
    matched, reasons = {}, {}
    for mention in Mention.objects.filter(story=story).order_by("pk"):
        for hit in mention.hits:
            matched.setdefault(hit.get("matched", ""), None)
        for reason in mention.reasons:
            reasons.setdefault(reason, None)
    return {
        "story": story,
        "items": items,
        "outlets": list(dict.fromkeys(item.outlet.name for item in items)),
        "matched": [word for word in matched if word],
        "reasons": list(reasons),
        "admin_url": story_admin_url(story),
    }


def story_admin_url(story: Story) -> str:
    """The story's page in the admin, as an absolute address for mail and Telegram."""
    return absolute_url(reverse("media_watch_stories:story", args=[story.pk]))


def claim(story_id: int) -> bool:
    """Mark the story alerted; ``False`` when it was already."""
    claimed = Story.objects.filter(pk=story_id, alerted_at__isnull=True).update(
        alerted_at=timezone.now()
    )
    return bool(claimed)


def raise_alerts(found: list[Mention], now=None) -> int:
    """Alert the stories of ``found`` that call for it and were not alerted yet, unless it is
    the quiet hours. Returns how many stories were alerted."""
    now = now or timezone.now()
    story_ids = sorted({m.story_id for m in found if calls_for_alert(m, now)})
    if not story_ids or is_quiet(now):
        return 0
    pending = Story.objects.filter(Q(pk__in=story_ids) & Q(alerted_at__isnull=True))
    alerted = 0
    people = list(recipients())
    for story in pending:
        with transaction.atomic():
            if not claim(story.pk):
                continue
            mail.mail_users(people, TEMPLATE, story_context(story), group="media-watch-alert")
            if telegram.configured():
                queue.submit(
                    "media_watch.jobs.send_telegram_alert",
                    story.pk,
                    group="media-watch",
                    name=f"media watch: Telegram alert {story.pk}",
                )
        alerted += 1
    return alerted


def held_mentions(now=None):
    """Recent negative mentions of stories not alerted yet."""
    now = now or timezone.now()
    negative = Q(corrected_tone=Tone.NEGATIVE) | Q(corrected_tone="", tone=Tone.NEGATIVE)
    return (
        Mention.objects.filter(
            story__alerted_at__isnull=True, item__published_at__gte=alert_window(now)
        )
        .filter(negative)
        .select_related("item")
    )


def send_held_alerts(now=None) -> int:
    """Alert what waited for the quiet hours to end, or was marked negative by an officer."""
    now = now or timezone.now()
    if is_quiet(now):
        return 0
    return raise_alerts(list(held_mentions(now)), now)


def telegram_text(story: Story) -> str:
    """The Telegram message about ``story``, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{TEMPLATE}_subject.txt", {"story": story}).strip()
        body = render_to_string(f"{TEMPLATE}.txt", story_context(story)).strip()
    return f"{subject}\n\n{body}"


def send_telegram(story_id: int) -> bool:
    """Send the Telegram message about an alerted story; ``False`` when no bot is set up."""
    if not telegram.configured():
        return False
    story = Story.objects.get(pk=story_id)
    telegram.send_message(telegram_text(story))
    return True
