"""Alerts to the first head: a negative mention of the agency or of an official (model
regulation p.10.4: "inform the first head promptly when information able to cause a negative
public reaction is found in the media space").

:func:`raise_alerts` is called with the mentions just found (by the poll, the article step and
``monitor_run``). A story is alerted once: the first call to claim it (``Story.alerted_at``,
set by a conditional update, so two workers never both claim it) mails the Heads and the press
secretaries, each in their own language, with the outlets, the headline, the matched words and
the words that decided the tone.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agency import mail
from workflows.roles import GROUPS

from .models import Mention, Story, Tone, WatchTerm

#: The kinds of term whose negative mention is alerted.
ALERTED_KINDS = (WatchTerm.Kind.AGENCY, WatchTerm.Kind.PERSON)
TEMPLATE = "media_watch/mail/alert"


def calls_for_alert(mention: Mention, now=None) -> bool:
    """A negative mention (as scored, or as an officer set it) of the agency or an official,
    in an item published within ``MONITOR_ALERT_MAX_AGE_HOURS``."""
    now = now or timezone.now()
    recent = mention.item.published_at >= now - datetime.timedelta(
        hours=settings.MONITOR_ALERT_MAX_AGE_HOURS
    )
    negative = mention.current_tone == Tone.NEGATIVE
    return recent and negative and any(hit.get("kind") in ALERTED_KINDS for hit in mention.hits)


def recipients():
    """Active Heads and press secretaries with an e-mail address."""
    names = [GROUPS["heads"].name, GROUPS["press_secretaries"].name]
    return (
        get_user_model()
        .objects.filter(groups__name__in=names, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def story_context(story: Story) -> dict:
    """What an alert says about ``story``: its copies (outlet, headline, link) and, of its
    mentions, the matched words and the tone's reasons."""
    items = list(story.items.select_related("outlet").order_by("published_at", "pk"))
    found = Mention.objects.filter(story=story)
    matched, reasons = {}, {}
    for mention in found:
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
    }


def claim(story_id: int) -> bool:
    """Mark the story alerted; ``False`` when it was already."""
    claimed = Story.objects.filter(pk=story_id, alerted_at__isnull=True).update(
        alerted_at=timezone.now()
    )
    return bool(claimed)


def raise_alerts(found: list[Mention]) -> int:
    """Alert the stories of ``found`` that call for it and were not alerted yet. Returns how
    many stories were alerted."""
    now = timezone.now()
    story_ids = sorted({m.story_id for m in found if calls_for_alert(m, now)})
    if not story_ids:
        return 0
    pending = Story.objects.filter(Q(pk__in=story_ids) & Q(alerted_at__isnull=True))
    alerted = 0
    people = list(recipients())
    for story in pending:
        with transaction.atomic():
            if not claim(story.pk):
                continue
            context = story_context(story)
            mail.mail_users(people, TEMPLATE, context, group="media-watch-alert")
        alerted += 1
    return alerted
