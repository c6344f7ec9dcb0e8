"""What every step of the demo seed shares: the run's settings, counting and progress bars,
and adding, publishing, moderating and back-dating pages.

The steps are mixins of :class:`demo.builder.DemoSeeder`, which sets the attributes named in
:class:`SeederBase` before it runs them.
"""

import contextlib
import datetime
import sys
import time
from collections import Counter
from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from wagtail.models import Locale, Page, Revision

from django_tasks import task_backends
from tqdm import tqdm

from agency.models import AgencyProfile
from workflows.mixins import is_guarded

from .content import BRIEFINGS, FAQ, FAQ_CATEGORIES, INDEXES, NEWS, OBLIGATORY_MESSAGES, TOPICS
from .fields import PageTexts, demo_key
from .moderation import DemoModerationError, DemoModerator

TRANSLATED = ("ru", "en")
# Wagtail indexes every saved object for search and references in background
# tasks, several times per page while it is copied, revised and published.
# While seeding, tasks are only recorded, then each distinct one runs once.
# Redirects are not created when wagtail-localize renames the draft copies it
# makes (from the kk slug to the translated one): no one ever saw those URLs.
# Nobody is told by e-mail about the demo's own moderation: Wagtail notifies the
# reviewers of every submission and the author of every approval, hundreds of
# messages that would go to the console (dev) or the mail queue.
SEED_SETTINGS = {
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    "WAGTAILREDIRECTS_AUTO_CREATE": False,
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
}


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """``day`` at ``hour``:``minute``, local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class SeederBase:
    """The state and helpers that the seed's steps share."""

    show_progress: bool
    created: Counter[tuple[str, str]]
    timings: dict[str, float]
    today: datetime.date
    locales: dict[str, Locale]
    editor: object  # the demo editor: writes and submits
    publisher: object  # the demo press secretary: publishes pages that are not moderated
    moderator: DemoModerator
    # Made by the site setup, used by the page steps:
    texts: PageTexts  # field values that refer to the demo's pictures and documents
    images: dict[str, object]  # by the keys of media.yaml's images, and "logo"
    topics: dict[tuple[str, str], object]  # by (slug, language)
    categories: dict[tuple[str, str], object]  # FAQ categories by (slug, language)
    home: Page  # the kk home page
    indexes: dict[str, Page]  # the kk section indexes by the keys of site.yaml's indexes

    def run_deferred_tasks(self) -> None:
        """Run each distinct background task recorded during the seed, once."""
        seen = set()
        for result in task_backends["default"].results:
            key = (result.task.func, repr(result.args), repr(sorted(result.kwargs.items())))
            if key in seen:
                continue
            seen.add(key)
            # A row replaced later in the run (a page's old topic link) is gone: skip it.
            with contextlib.suppress(ObjectDoesNotExist):
                result.task.call(*result.args, **result.kwargs)

    def _timed(self, name: str, step: Callable[[], None]) -> None:
        started = time.perf_counter()
        step()
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

    def _bar(self, total: int, description: str) -> tqdm:
        return tqdm(
            total=total,
            desc=description,
            unit="item",
            disable=not self.show_progress,
            file=sys.stderr,
            dynamic_ncols=True,
        )

    def _count(self, obj, code: str = "") -> None:
        self.created[(type(obj).__name__, code)] += 1

    def _find(self, model, kind: str, key: str):
        return model.objects.filter(
            translation_key=demo_key(kind, key), locale=self.locales["kk"]
        ).first()

    def _add(self, parent: Page, page: Page) -> None:
        """Add ``page`` under ``parent`` as a draft owned by the editor."""
        page.live = False
        page.owner = self.editor
        parent.add_child(instance=page)
        self._count(page, page.locale.language_code)

    def _add_draft(self, parent: Page, page: Page) -> None:
        """Add ``page`` as a draft with its first revision by the editor, ready to submit."""
        self._add(parent, page)
        page.save_revision(user=self.editor)

    def _publish(self, page: Page, published: datetime.datetime, updated=None) -> None:
        """Publish a page type that is not moderated, as the demo press secretary."""
        if is_guarded(page):
            raise DemoModerationError(f"{page!r} goes live only through its workflow.")
        revision = page.save_revision(user=self.editor)
        # Skip the check: the ru and en homes get their group permissions only
        # at the end of the run.
        revision.publish(user=self.publisher, skip_permission_checks=True)
        self._backdate(page, published, updated)

    @classmethod
    def _backdate(cls, page: Page, published: datetime.datetime, updated=None) -> None:
        """Back-date the dates readers see, as if ``page`` had gone live on its own date
        rather than when the seed ran."""
        cls._backdate_pages([page.pk], published, updated)
        page.refresh_from_db()

    @staticmethod
    def _backdate_pages(ids: list[int], published: datetime.datetime, updated=None) -> None:
        """Back-date those of the pages ``ids`` that are live (a draft has no publication)."""
        updated = updated or published
        pages = Page.objects.filter(pk__in=ids, live=True)
        Revision.objects.filter(pk__in=pages.values("live_revision_id")).update(created_at=updated)
        pages.update(
            first_published_at=published,
            last_published_at=updated,
            latest_revision_created_at=updated,
        )

    @staticmethod
    def _translation_dates(source: Page) -> tuple[datetime.datetime, datetime.datetime]:
        """Translations went live shortly after their source, as a translator would publish them."""
        delay = datetime.timedelta(hours=3)
        published = (source.first_published_at or timezone.now()) + delay
        updated = max(published, (source.last_published_at or published) + delay)
        return published, updated

    def _moderate(self, pages: list[Page]) -> None:
        """Take the drafts in ``pages`` live through their workflows, source language first.

        The kk page takes its required translations live with it; the others follow. A
        translation of a kk page that is not live (an editor unpublished it) stays a draft.
        """
        source_locale = self.locales["kk"]
        pages = sorted(pages, key=lambda page: page.locale_id != source_locale.pk)
        for page in pages:
            page.refresh_from_db()
            if page.live:
                continue
            if page.locale_id != source_locale.pk:
                source = page.get_translation_or_none(source_locale)
                if source is None or not source.live:
                    continue
            self.moderator.moderate(page)

    @staticmethod
    def _demo_keys() -> set:
        """Translation keys of every object the demo makes (except the migration's home)."""
        return {
            *(demo_key("topic", slug) for slug in TOPICS),
            *(demo_key("faq-category", slug) for slug in FAQ_CATEGORIES),
            demo_key("agency", "profile"),
            *(demo_key("index", key) for key in INDEXES),
            *(demo_key("news", item.key) for item in NEWS),
            *(demo_key("obligatory", item.key) for item in OBLIGATORY_MESSAGES),
            *(demo_key("briefing", item.key) for item in BRIEFINGS),
            *(demo_key("faq", item.key) for item in FAQ),
        }

    @staticmethod
    def _existing_translation(source, locale):
        if isinstance(source, AgencyProfile):
            # One profile per language, whoever made it.
            return AgencyProfile.objects.filter(locale=locale).first()
        translations = type(source).objects.filter(
            translation_key=source.translation_key, locale=locale
        )
        if isinstance(source, Page):
            # An alias left by an interrupted run is not a translation yet.
            translations = translations.filter(alias_of__isnull=True)
        return translations.first()
