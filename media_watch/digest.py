"""The daily digest of mentions: what the media said about the agency in the last day.

:func:`send_daily_digest` (a daily job, 09:00 Asia/Almaty) mails the Heads and the press
secretaries, each in their language, the count of mentions by tone and the stories they belong
to, the alerted ones marked. A day without mentions sends nothing.
"""

import datetime

from django.db.models import Count, Max, Q
from django.utils import timezone

from agency import mail

from .alerts import recipients
from .models import Mention, Story, Tone

TEMPLATE = "media_watch/mail/digest"
#: The digest lists at most this many stories, the most copied first.
STORY_LIMIT = 30


def digest(now=None) -> dict | None:
    """The last day's mentions (``None`` when there were none)."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=1)
    found = Mention.objects.filter(created_at__gte=since, created_at__lt=now)
    total = found.count()
    if not total:
        return None
    tones = dict.fromkeys(Tone.values, 0)
    for mention in found.only("tone", "corrected_tone"):
        tones[mention.current_tone] += 1
    stories = list(
        Story.objects.filter(mentions__in=found)
        .annotate(found=Count("mentions", filter=Q(mentions__in=found), distinct=True))
        .annotate(latest=Max("mentions__created_at"))
        .order_by("-outlet_count", "-latest", "-pk")[:STORY_LIMIT]
    )
    return {
        "since": since,
        "total": total,
        "negative": tones[Tone.NEGATIVE],
        "neutral": tones[Tone.NEUTRAL],
        "positive": tones[Tone.POSITIVE],
        "stories": stories,
        "more": max(Story.objects.filter(mentions__in=found).distinct().count() - len(stories), 0),
    }


def send_daily_digest(now=None) -> int:
    """Mail the digest; returns the number of messages."""
    context = digest(now)
    if context is None:
        return 0
    return mail.mail_users(recipients(), TEMPLATE, context, group="media-watch-digest")
