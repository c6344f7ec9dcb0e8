"""Storing what a source listed: each item once, joined to its story.

:func:`store_entries` takes the entries of one fetch and stores the new ones in a few bulk
queries: it drops the addresses stored already, settles each item's language (declared, else
detected from its title and summary, else the source's), finds the story each one is a copy of
(:mod:`media_watch.fingerprints`) or starts one, and inserts the items. Two workers may store
the same address at once: the unique canonical address lets one of them win, and the other
stores its items one by one, leaving the ones the first one stored.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Min
from django.utils import timezone

from .fetching.feeds import Entry, title_from_address
from .fetching.language import detect_many
from .fetching.urls import MAX_LENGTH, NotWebAddress, canonical_url
from .fingerprints import Fingerprint, fingerprint, same_story
from .models import Item, Source, Story, StoryKey

#: A copy joins a story seen within this long.
STORY_WINDOW = datetime.timedelta(days=3)
#: Publication times further ahead than this are taken as the time the item was read.
FUTURE_SLACK = datetime.timedelta(hours=1)
CHUNK = 500


def chunked(values, size: int = CHUNK):
    iterator = iter(values)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@dataclass
class Pending:
    """An entry on its way to becoming an item."""

    entry: Entry
    canonical: str
    title: str
    published: datetime.datetime
    language: str
    needs_article: bool
    story: object = None
    fingerprint: Fingerprint | None = None


@dataclass
class _Known:
    """A story a new item may join: stored (``story_id``) or started in this batch."""

    story_id: int | None
    title_key: str
    sketch: tuple
    language: str
    new: Story | None = None
    items: int = 0


@dataclass
class Stored:
    """What :func:`store_entries` did."""

    items: list[Item] = field(default_factory=list)
    stories_started: int = 0


def max_age() -> datetime.timedelta | None:
    days = settings.MONITOR_MAX_ITEM_AGE_DAYS
    return datetime.timedelta(days=days) if days else None


def pending_entries(source: Source, entries: list[Entry], now) -> list[Pending]:
    """The entries not stored yet, once each, with their canonical address and language."""
    oldest = now - age if (age := max_age()) else None
    by_address: dict[str, Pending] = {}
    for entry in entries:
        if len(entry.url) > MAX_LENGTH:
            continue
        try:
            canonical = canonical_url(entry.url)
        except NotWebAddress:
            continue
        if canonical in by_address:
            continue
        published = entry.published or now
        if published > now + FUTURE_SLACK:
            published = now
        if oldest is not None and published < oldest:
            continue
        by_address[canonical] = Pending(
            entry=entry,
            canonical=canonical,
            title=entry.title or title_from_address(canonical),
            published=published,
            language=entry.language,
            needs_article=source.fetch_articles or not entry.title,
        )
    for chunk in chunked(list(by_address)):
        for stored in Item.objects.filter(canonical_url__in=chunk).values_list(
            "canonical_url", flat=True
        ):
            by_address.pop(stored, None)
    pending = list(by_address.values())
    undeclared = [item for item in pending if not item.language]
    detected = detect_many([f"{item.title}. {item.entry.summary}" for item in undeclared])
    for item, language in zip(undeclared, detected, strict=True):
        item.language = language or source.language
    return pending


def _candidates(keys: set[int], since) -> dict[int, list[_Known]]:
    found: dict[int, list[_Known]] = {}
    stories: dict[int, _Known] = {}
    for chunk in chunked(sorted(keys)):
        rows = StoryKey.objects.filter(key__in=chunk, story__last_seen_at__gte=since).values_list(
            "key", "story_id", "story__title_key", "story__sketch", "story__language"
        )
        for key, story_id, title_key, sketch, language in rows:
            known = stories.setdefault(
                story_id, _Known(story_id, title_key, tuple(sketch or ()), language)
            )
            found.setdefault(key, []).append(known)
    return found


def assign_stories(pending: list[Pending], now) -> list[_Known]:
    """Give each pending item its story; returns the stories started for them (unsaved)."""
    for item in pending:
        item.fingerprint = fingerprint(item.title, item.entry.summary)
    index = _candidates({k for item in pending for k in item.fingerprint.keys}, now - STORY_WINDOW)
    started: list[_Known] = []
    for item in pending:
        print_ = item.fingerprint
        story = next(
            (
                known
                for key in print_.keys
                for known in index.get(key, ())
                if known.language == item.language
                and same_story(print_, known.title_key, known.sketch)
            ),
            None,
        )
        if story is None:
            story = _Known(None, print_.title_key, print_.sketch, item.language)
            story.new = Story(
                title=item.title,
                language=item.language,
                title_key=print_.title_key,
                sketch=list(print_.sketch),
                first_seen_at=now,
                last_seen_at=now,
                published_at=item.published,
                item_count=0,
                outlet_count=1,
            )
            started.append(story)
            for key in print_.keys:
                index.setdefault(key, []).append(story)
        elif story.new is not None and item.published < story.new.published_at:
            story.new.published_at = item.published
        story.items += 1
        item.story = story
    return started


def _insert(items: list[Item]) -> list[Item]:
    """Insert ``items``; those another worker stored meanwhile are left out."""
    try:
        with transaction.atomic():
            Item.objects.bulk_create(items)
        return items
    except IntegrityError:
        pass
    created = []
    for item in items:
        values = {f.attname: getattr(item, f.attname) for f in Item._meta.concrete_fields}
        values.pop("id")
        canonical = values.pop("canonical_url")
        stored, was_created = Item.objects.get_or_create(canonical_url=canonical, defaults=values)
        if was_created:
            created.append(stored)
    return created


def store_entries(source: Source, entries: list[Entry], now=None) -> Stored:
    """Store the new ones of ``entries`` read from ``source``, each joined to its story."""
    now = now or timezone.now()
    pending = pending_entries(source, entries, now)
    if not pending:
        return Stored()
    with transaction.atomic():
        started = assign_stories(pending, now)
        for known in started:
            known.new.item_count = known.items
        Story.objects.bulk_create([known.new for known in started], batch_size=CHUNK)
        for known in started:
            known.story_id = known.new.pk
        StoryKey.objects.bulk_create(_story_keys(pending), batch_size=CHUNK)
        items = [
            Item(
                canonical_url=item.canonical,
                url=item.entry.url,
                title=item.title,
                summary=item.entry.summary,
                text_state=Item.Text.WANTED if item.needs_article else Item.Text.FEED,
                published_at=item.published,
                language=item.language,
                source=source,
                outlet_id=source.outlet_id,
                story_id=item.story.story_id,
                fetched_at=now,
            )
            for item in pending
        ]
        created = _insert(items)
        if len(created) < len(items):
            Story.objects.filter(pk__in=[k.story_id for k in started], items__isnull=True).delete()
            refresh_stories({item.story_id for item in created}, now)
        else:
            joined = {item.story.story_id for item in pending if item.story.new is None}
            refresh_stories(joined, now)
    return Stored(items=created, stories_started=len(started))


def _story_keys(pending: list[Pending]) -> list[StoryKey]:
    """The index rows of the stories started in this batch: their first item's keys."""
    rows, seen = [], set()
    for item in pending:
        known = item.story
        if known.new is not None and id(known) not in seen:
            seen.add(id(known))
            rows.extend(StoryKey(story_id=known.story_id, key=k) for k in item.fingerprint.keys)
    return rows


def refresh_stories(story_ids, now) -> None:
    """Count the copies and outlets of the stories ``story_ids`` again after items joined."""
    for chunk in chunked(sorted(story_ids)):
        stories = []
        for row in (
            Item.objects.filter(story_id__in=chunk)
            .values("story_id")
            .annotate(items=Count("pk"), outlets=Count("outlet_id", distinct=True))
            .annotate(first=Min("published_at"))
        ):
            stories.append(
                Story(
                    pk=row["story_id"],
                    item_count=row["items"],
                    outlet_count=row["outlets"],
                    published_at=row["first"],
                    last_seen_at=now,
                )
            )
        Story.objects.bulk_update(
            stories, ["item_count", "outlet_count", "published_at", "last_seen_at"]
        )
