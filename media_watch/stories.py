"""What the officer's screens do with a story: its overall tone, marking it handled, and the
mentions per day by tone that the chart shows.

A story's tone is the gravest of its mentions' current tones (an officer's correction over the
automatic one): negative if any copy reads negative, else positive if any reads positive,
else neutral.
"""

import datetime
from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from agency.calendar import local_date

from .models import Mention, Story, Tone

HANDLE = "media_watch.change_story"
#: How many days the chart of mentions covers, today included.
CHART_DAYS = 30
NOTE_MAX = 2000


def tone_is(tone: str, prefix: str = "") -> Q:
    """Mentions (through ``prefix``) whose current tone is ``tone``."""
    return Q(**{f"{prefix}corrected_tone": tone}) | Q(
        **{f"{prefix}corrected_tone": "", f"{prefix}tone": tone}
    )


def with_tones(stories):
    """``stories`` annotated with how many of their mentions read negative and positive."""
    return stories.annotate(
        negative=Count("mentions", filter=tone_is(Tone.NEGATIVE, "mentions__"), distinct=True),
        positive=Count("mentions", filter=tone_is(Tone.POSITIVE, "mentions__"), distinct=True),
    )


def filter_tone(stories, tone: str):
    """Annotated ``stories`` (:func:`with_tones`) whose overall tone is ``tone``."""
    if tone == Tone.NEGATIVE:
        return stories.filter(negative__gt=0)
    if tone == Tone.POSITIVE:
        return stories.filter(negative=0, positive__gt=0)
    return stories.filter(negative=0, positive=0)


def story_tone(story) -> str:
    """The overall tone of an annotated story (:func:`with_tones`)."""
    if story.negative:
        return Tone.NEGATIVE
    if story.positive:
        return Tone.POSITIVE
    return Tone.NEUTRAL


def mark_handled(story: Story, user, note: str) -> Story:
    """Record that an officer dealt with ``story`` and how (the note), in the audit log too.

    Marking it again replaces the note; both marks stay in the log.
    """
    if not (user.is_active and user.has_perm(HANDLE)):
        raise PermissionDenied(_("You may not mark stories handled."))
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say how the story was handled."))
    if len(note) > NOTE_MAX:
        raise ValidationError(_("The note is at most 2,000 characters long."))
    with transaction.atomic():
        story.handled_at = timezone.now()
        story.handled_by = user
        story.handled_note = note
        story.save(update_fields=["handled_at", "handled_by", "handled_note"])
        log(story, "media_watch.story_handled", user=user, data={"note": note})
    return story


def chart_days(today: datetime.date | None = None, days: int = CHART_DAYS) -> list[datetime.date]:
    """The chart's days, oldest first, ending ``today`` (Asia/Almaty)."""
    today = today or timezone.localdate()
    return [today - datetime.timedelta(days=offset) for offset in range(days - 1, -1, -1)]


def mentions_by_day(today: datetime.date | None = None, days: int = CHART_DAYS) -> list[dict]:
    """Per day (by the item's publication, Asia/Almaty): ``{"day", "negative", "neutral",
    "positive", "total"}``, oldest first, days without mentions included."""
    dates = chart_days(today, days)
    start = timezone.make_aware(datetime.datetime.combine(dates[0], datetime.time.min))
    counts = Counter()
    rows = Mention.objects.filter(item__published_at__gte=start).values_list(
        "item__published_at", "tone", "corrected_tone"
    )
    for published, tone, corrected in rows.iterator(chunk_size=2000):
        counts[local_date(published), corrected or tone] += 1
    result = []
    for day in dates:
        row = {"day": day, **{tone: counts[day, tone] for tone in Tone.values}}
        row["total"] = sum(row[tone] for tone in Tone.values)
        result.append(row)
    return result
