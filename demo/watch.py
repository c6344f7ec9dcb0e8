"""The demo's media watch: the ministry's watch terms, fictional outlets, and their mentions.

Everything goes through :mod:`media_watch`, as a poll does: the terms and sources are added by
:mod:`media_watch.services`, each outlet's feed file (shipped in ``data/<language>/feeds/``) is
read by :func:`media_watch.fetching.feeds.parse`, stored by
:func:`media_watch.ingest.store_entries` (which joins the copies of one story across outlets),
and searched for the terms by :func:`media_watch.mentions.record_mentions`, which scores the
tone. Nothing is fetched: the sources are left inactive, so the scheduler never polls their
addresses either (they are under the reserved ``.example`` domain).

No alert goes out. The seed never calls :func:`media_watch.alerts.raise_alerts`, and the feed
files' dates are moved so that the newest item is older than the alert window
(``MONITOR_ALERT_MAX_AGE_HOURS``): the every-minute :func:`media_watch.alerts.send_held_alerts`
looks only at mentions inside it, so it passes the demo's negative mentions by too.

Safe to run again: terms and sources are found by their words and address, and items by their
canonical address, so a second run adds nothing.
"""

import dataclasses
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from media_watch import ingest, mentions
from media_watch.fetching import feeds
from media_watch.models import Outlet, Source, WatchTerm
from media_watch.services import add_source, add_term

from .content import SPEAKERS
from .loader import DATA_DIR, ContentError, display, read_yaml
from .text import LANGUAGES

#: The newest demo item is this much older than the alert window when the seed runs.
ALERT_MARGIN = datetime.timedelta(hours=6)
TERM_KINDS = (WatchTerm.Kind.AGENCY, WatchTerm.Kind.TOPIC)


@dataclass(frozen=True)
class DemoOutlet:
    """A fictional outlet of ``data/watch.yaml`` and the entries of its feed file."""

    name: str
    language: str
    is_daily: bool
    source: str
    entries: tuple[feeds.Entry, ...]


@dataclass
class WatchSeeded:
    """What :func:`seed_media_watch` created."""

    terms: int = 0
    sources: int = 0
    items: int = 0
    mentions: int = 0


def demo_terms(data_dir=DATA_DIR) -> list[tuple[str, str, str]]:
    """``(text, language, kind)`` of every demo watch term: the agency and topics of
    ``<language>/watch.yaml`` and the officials of ``watch.yaml``'s ``people``."""
    people = read_yaml(data_dir / "watch.yaml").get("people") or []
    terms = []
    for code in LANGUAGES:
        path = data_dir / code / "watch.yaml"
        data = read_yaml(path)
        for kind in TERM_KINDS:
            words = data.get(str(kind))
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ContentError(f"{display(path)}: {kind} should be a list of words")
            terms.extend((text, code, str(kind)) for text in words)
        for key in people:
            if key not in SPEAKERS:
                raise ContentError(f"{display(data_dir / 'watch.yaml')}: no speaker {key!r}")
            terms.append((SPEAKERS[key][0][code], code, str(WatchTerm.Kind.PERSON)))
    return terms


def demo_outlets(data_dir=DATA_DIR) -> list[DemoOutlet]:
    """The outlets of ``data/watch.yaml`` with the entries their feed files list, as dated
    in the files."""
    path = data_dir / "watch.yaml"
    outlets = []
    for spec in read_yaml(path).get("outlets") or []:
        feed = data_dir / spec["feed"]
        try:
            body = feed.read_bytes()
        except FileNotFoundError:
            raise ContentError(
                f"{display(path)}: the feed file {spec['feed']} is missing"
            ) from None
        try:
            document = feeds.parse(body, spec["source"])
        except feeds.UnreadableDocument as error:
            raise ContentError(f"{display(feed)}: {error}") from None
        if not document.entries:
            raise ContentError(f"{display(feed)}: lists no items")
        outlets.append(
            DemoOutlet(
                name=spec["name"],
                language=spec["language"],
                is_daily=bool(spec.get("is_daily")),
                source=spec["source"],
                entries=tuple(document.entries),
            )
        )
    return outlets


def moved(outlets: list[DemoOutlet], now) -> list[DemoOutlet]:
    """``outlets`` with every entry moved by one shift, so that the newest is just older than
    the alert window at ``now``: the order and spacing of the files are kept."""
    dates = [e.published for outlet in outlets for e in outlet.entries if e.published]
    if not dates:
        return outlets
    window = datetime.timedelta(hours=settings.MONITOR_ALERT_MAX_AGE_HOURS)
    shift = (now - window - ALERT_MARGIN) - max(dates)
    return [
        dataclasses.replace(
            outlet,
            entries=tuple(
                dataclasses.replace(entry, published=entry.published + shift)
                if entry.published
                else entry
                for entry in outlet.entries
            ),
        )
        for outlet in outlets
    ]


def seed_source(outlet: DemoOutlet) -> tuple[Source, bool]:
    """The outlet's source, added inactive the first time (a later run leaves it as it is)."""
    source, created = add_source(outlet.source, outlet.language, name=outlet.name)
    if created:
        Source.objects.filter(pk=source.pk).update(active=False)
        Outlet.objects.filter(pk=source.outlet_id).update(is_daily=outlet.is_daily)
        source.refresh_from_db()
    return source, created


def seed_media_watch(now=None, data_dir=DATA_DIR) -> WatchSeeded:
    """Add the demo's watch terms, outlets and sources, and store what their feed files list."""
    now = now or timezone.now()
    seeded = WatchSeeded()
    terms = demo_terms(data_dir)
    outlets = moved(demo_outlets(data_dir), now)
    with transaction.atomic():
        for text, code, kind in terms:
            seeded.terms += add_term(text, code, kind)[1]
        for outlet in outlets:
            source, created = seed_source(outlet)
            seeded.sources += created
            stored = ingest.store_entries(source, list(outlet.entries), now)
            seeded.items += len(stored.items)
            seeded.mentions += len(mentions.record_mentions(stored.items))
    return seeded
