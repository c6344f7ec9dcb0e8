"""Finding the watch terms in items, and scoring each mention's tone.

The matcher of every active :class:`~media_watch.models.WatchTerm` is built once and kept for
the process until a term is added, changed, switched off or removed (:func:`current_matcher`
asks the database one small question per call to know). An item is searched in its title, its
summary and its article text, in its own language; an item that names a term gets one
:class:`~media_watch.models.Mention` with every match and the tone of its text
(:func:`media_watch.tone.score`). When the article text arrives later, the item is searched
again (:func:`rematch`): the matches and the automatic tone are brought up to date, and an
officer's correction of the tone is kept.
"""

import threading
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max

from . import tone
from .matching import Term, TermMatcher
from .models import Item, Mention, WatchTerm

FIELDS = ("title", "summary", "text")

_lock = threading.Lock()
_cached: tuple[object, TermMatcher] | None = None


def terms_version() -> tuple:
    """What changes whenever the active terms do (their count and latest change), and the
    count of all terms (a removed one changes it)."""
    active = WatchTerm.objects.filter(active=True).aggregate(n=Count("pk"), last=Max("updated_at"))
    return active["n"], active["last"], WatchTerm.objects.count()


def build_matcher() -> TermMatcher:
    terms = WatchTerm.objects.filter(active=True).values_list("pk", "text", "language", "kind")
    return TermMatcher(
        Term(key=pk, text=text, language=language, kind=kind) for pk, text, language, kind in terms
    )


def current_matcher() -> TermMatcher:
    """The matcher of the active terms, built again only when they changed."""
    global _cached
    version = terms_version()
    with _lock:
        if _cached is None or _cached[0] != version:
            _cached = (version, build_matcher())
        return _cached[1]


def forget_matcher() -> None:
    global _cached
    with _lock:
        _cached = None


@dataclass(frozen=True)
class Found:
    """An item's matches (as stored in ``Mention.hits``) and the terms they are of."""

    hits: list[dict]
    term_ids: set


def find(item: Item, matcher: TermMatcher) -> Found:
    hits, term_ids = [], set()
    for name in FIELDS:
        text = getattr(item, name)
        if not text:
            continue
        for hit in matcher.find(text, item.language):
            term = hit.term
            term_ids.add(term.key)
            hits.append(
                {
                    "term": term.key,
                    "text": term.text,
                    "kind": term.kind,
                    "matched": hit.matched,
                    "field": name,
                    "start": hit.start,
                    "end": hit.end,
                }
            )
    return Found(hits=hits, term_ids=term_ids)


def item_text(item: Item) -> str:
    return "\n".join(part for part in (item.title, item.summary, item.text) if part)


def _scored(mention: Mention, item: Item, found: Found) -> Mention:
    verdict = tone.score(item_text(item), item.language)
    mention.hits = found.hits
    mention.tone = verdict.tone
    mention.tone_score = float(verdict.score)
    mention.reasons = list(verdict.reasons)
    return mention


def _link_terms(pairs: list[tuple[int, int]]) -> None:
    Link = Mention.terms.through
    Link.objects.bulk_create(
        [Link(mention_id=mention_id, watchterm_id=term_id) for mention_id, term_id in pairs],
        batch_size=500,
        ignore_conflicts=True,
    )


def record_mentions(items: list[Item], matcher: TermMatcher | None = None) -> list[Mention]:
    """Create the mentions of new ``items`` (none of which has one yet)."""
    matcher = matcher or current_matcher()
    made = []
    for item in items:
        found = find(item, matcher)
        if found.hits:
            made.append((_scored(Mention(item=item, story_id=item.story_id), item, found), found))
    if not made:
        return []
    with transaction.atomic():
        Mention.objects.bulk_create([mention for mention, _found in made], batch_size=500)
        _link_terms([(m.pk, term_id) for m, found in made for term_id in found.term_ids])
    return [mention for mention, _found in made]


def rematch(items: list[Item], matcher: TermMatcher | None = None) -> list[Mention]:
    """Search ``items`` again (their text changed): mentions are created, brought up to date
    or removed when no term is named any more. Returns the mentions created."""
    matcher = matcher or current_matcher()
    existing = {m.item_id: m for m in Mention.objects.filter(item__in=items)}
    created = []
    with transaction.atomic():
        for item in items:
            found = find(item, matcher)
            mention = existing.get(item.pk)
            if not found.hits:
                if mention is not None and not mention.corrected_tone:
                    mention.delete()
                continue
            if mention is None:
                mention = _scored(Mention(item=item, story_id=item.story_id), item, found)
                mention.save()
                created.append(mention)
            else:
                _scored(mention, item, found)
                mention.story_id = item.story_id
                mention.save(
                    update_fields=["hits", "tone", "tone_score", "reasons", "story", "updated_at"]
                )
                mention.terms.clear()
            _link_terms([(mention.pk, term_id) for term_id in found.term_ids])
    return created
