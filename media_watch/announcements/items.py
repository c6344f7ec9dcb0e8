"""What the press office announces for a week: briefings, press events, planned publications.

* **Briefings and press events** are the live, public briefing pages whose event starts in the
  week: the kind "briefing" is a briefing, the others (press conferences, interviews, press
  approaches) are press events. Each carries its place, its speakers (the people responsible)
  and, from the accreditation app, whether accreditation is needed and until when journalists
  register.
* **Planned publications** are pages approved to go live in the week: Wagtail keeps such a
  revision with its ``approved_go_live_at`` (set when a revision whose ``go_live_at`` is in the
  future is published, cleared when it goes live or is unscheduled).

A page exists once per language (wagtail-localize); one announcement gathers the translations
of one page (its ``translation_key``), and says in which language a translation is missing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from wagtail.models import Page, Revision

from agency.addresses import page_url
from agency.dates import local_day, local_moment
from press_pages.models import BriefingPage

from .week import Week

#: The languages of the export: the state language and Russian (Law on Languages Art. 8–9).
LANGUAGES = ("kk", "ru")


class Kind:
    BRIEFING = "briefing"
    EVENT = "event"
    PUBLICATION = "publication"


@dataclass
class Announcement:
    """One announced thing, in each language of the export.

    ``titles``, ``places``, ``responsible``, ``links`` and ``kinds`` map a language code to the
    text in that language; a language without its translation has no entry in ``titles``, and
    the others then fall back to the first language that has one.
    """

    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None = None
    titles: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    responsible: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    cancelled: bool = False

    def missing(self, language: str) -> bool:
        """Whether the page has no translation in ``language``."""
        return language not in self.titles

    def _in(self, values: dict, language: str) -> str:
        if language in values:
            return values[language]
        return next((values[code] for code in LANGUAGES if code in values), "")

    def title(self, language: str) -> str:
        return self._in(self.titles, language)

    def place(self, language: str) -> str:
        return self._in(self.places, language)

    def person(self, language: str) -> str:
        return self._in(self.responsible, language)

    def link(self, language: str) -> str:
        return self._in(self.links, language)

    def kind_label(self, language: str) -> str:
        return self._in(self.kinds, language)

    @property
    def current_kind(self) -> str:
        return self.kind_label(get_language())

    @property
    def current_place(self) -> str:
        return self.place(get_language())

    @property
    def current_person(self) -> str:
        return self.person(get_language())

    def day(self) -> str:
        """The day in the active language."""
        return local_day(self.starts_at)

    def time(self) -> str:
        """The start (and end) time, Asia/Almaty."""
        start = local_moment(self.starts_at, "H:i")
        if self.ends_at and self.ends_at > self.starts_at:
            return f"{start}–{local_moment(self.ends_at, 'H:i')}"
        return start

    def remarks(self, language: str) -> str:
        """The notes in ``language``, the missing translation first."""
        texts = list(self.notes.get(language, []))
        if self.missing(language):
            with override(language):
                texts.insert(0, _("No translation in this language"))
        return "; ".join(texts)


def _speakers(page: BriefingPage) -> str:
    return "; ".join(f"{s.name}, {s.position}" for s in page.speakers.all())


def _briefing_notes(page: BriefingPage) -> list[str]:
    notes = []
    if page.cancelled:
        notes.append(_("Cancelled"))
    if page.accreditation_required:
        notes.append(_("Accredited journalists only"))
    if page.registration_deadline:
        notes.append(
            _("Registration until %(moment)s")
            % {"moment": local_moment(page.registration_deadline, "SHORT_DATETIME_FORMAT")}
        )
    if page.stream_url:
        notes.append(_("Online stream: %(url)s") % {"url": page.stream_url})
    return notes


def briefings(week: Week) -> list[Announcement]:
    """The briefings and press events that start in ``week``, one per event."""
    pages = (
        BriefingPage.objects.live()
        .public()
        .filter(starts_at__gte=week.start, starts_at__lt=week.end)
        .select_related("locale")
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )
    found: dict = {}
    for page in pages:
        language = page.locale.language_code
        event = found.setdefault(
            page.translation_key,
            Announcement(
                kind=Kind.BRIEFING if page.kind == BriefingPage.Kind.BRIEFING else Kind.EVENT,
                starts_at=page.starts_at,
                ends_at=page.ends_at,
            ),
        )
        for code in LANGUAGES:
            with override(code):
                event.kinds[code] = str(page.get_kind_display())
        if language not in LANGUAGES or language in event.titles:
            continue
        with override(language):
            event.titles[language] = page.title
            event.places[language] = page.venue
            event.responsible[language] = _speakers(page)
            event.links[language] = page_url(page) or ""
            event.notes[language] = _briefing_notes(page)
        event.cancelled = event.cancelled or page.cancelled
    return [event for event in found.values() if event.titles]


def _author(revision: Revision) -> str:
    user = revision.user
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def publications(week: Week) -> list[Announcement]:
    """The pages approved to go live in ``week``, one per page with its translations."""
    revisions = list(
        Revision.page_revisions.filter(
            approved_go_live_at__gte=week.start, approved_go_live_at__lt=week.end
        )
        .select_related("user")
        .order_by("approved_go_live_at", "pk")
    )
    public = set(
        Page.objects.filter(pk__in=[int(r.object_id) for r in revisions])
        .public()
        .values_list("pk", flat=True)
    )
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=public).select_related("locale").specific()
    }
    scheduled = {int(r.object_id): r for r in revisions if int(r.object_id) in pages}
    # The other translations of the scheduled pages, for their titles when not scheduled too.
    others = (
        Page.objects.filter(translation_key__in={p.translation_key for p in pages.values()})
        .exclude(pk__in=pages)
        .select_related("locale")
    )
    by_key: dict = {}
    for page in [*pages.values(), *others]:
        by_key.setdefault(page.translation_key, {}).setdefault(page.locale.language_code, page)
    found: dict = {}
    for page_id, revision in scheduled.items():
        page = pages[page_id]
        item = found.setdefault(
            page.translation_key,
            Announcement(kind=Kind.PUBLICATION, starts_at=revision.approved_go_live_at),
        )
        item.starts_at = min(item.starts_at, revision.approved_go_live_at)
    for key, item in found.items():
        model = next(iter(by_key[key].values())).specific_class
        for language in LANGUAGES:
            with override(language):
                item.kinds[language] = str(model._meta.verbose_name).capitalize()
                item.places[language] = _("Website")
            page = by_key[key].get(language)
            if page is None:
                continue
            revision = scheduled.get(page.pk)
            with override(language):
                item.titles[language] = (
                    revision.content.get("title") if revision else None
                ) or page.draft_title
                item.responsible[language] = _author(revision) if revision else ""
                item.links[language] = page_url(page) or ""
                item.notes[language] = (
                    []
                    if revision
                    else [_("This translation is not scheduled to go live in this week")]
                )
    return [item for item in found.values() if item.titles]


def announcements(week: Week) -> list[Announcement]:
    """Everything announced for ``week``, in order of time."""
    return sorted(
        [*briefings(week), *publications(week)],
        key=lambda item: (item.starts_at, item.kind),
    )
