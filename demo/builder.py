"""Build the demo site: pictures, vocabularies, the kk tree, its translations and users.

Every object has a stable identity (a translation key derived from a name, a
slug, or a title in the demo collection), so a second run finds what the first
made and creates nothing. Existing objects are never overwritten: an editor's
changes to demo content survive a re-run.

Hand-written pages are translated through wagtail-localize, the way an editor
would in its translation editor, so the ru and en pages stay linked to their
kk sources there. Benchmark-sized news (``news`` above the hand-written count)
is inserted in bulk in all three languages instead; see ``seed_generated_news``.

News, briefings and FAQ answers go live only through their moderation workflow,
as in the press office (see ``demo.moderation``): the demo editor
writes and submits them, the demo press secretary (and legal reviewer, for
answers) approves. A kk page goes live together with its required translations,
so those are drafted before the kk page is submitted.
"""

import contextlib
import datetime
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site

from django_tasks import task_backends
from tqdm import tqdm

from agency.models import AgencyProfile, SiteSettings
from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    FAQAnswerPage,
    FAQCategory,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTopic,
    Topic,
)
from workflows.mixins import is_guarded

from . import media
from .briefing_content import BRIEFINGS, BriefingItem
from .bulk import append_child_pages
from .faq_content import FAQ, FAQItem
from .fields import (
    PageTexts,
    agency_profile,
    demo_key,
    hero_spec,
    speakers,
    with_translated_table,
)
from .localize import translate
from .moderation import DemoModerationError, DemoModerator
from .news_content import NEWS, NewsItem
from .roles import demo_user, seed_roles
from .site_content import (
    DOCUMENTS,
    FAQ_CATEGORIES,
    HERO_IMAGES,
    HOME,
    INDEXES,
    LOGO_ALT,
    PHOTO_IMAGES,
    SOCIAL_LINKS,
    STREAM_URL,
    TOPICS,
)
from .text import LANGUAGES

COLLECTION_NAME = "Демо / Demo"
TRANSLATED = ("ru", "en")
BULK_BATCH = 500
# Generated news is spread over this many days before the hand-written items.
GENERATED_SPAN_DAYS = 5 * 365
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


@dataclass
class Moderated:
    """A hand-written moderated page: its kk version and how to make and date the others."""

    page: Page  # the kk page, a draft when ``created``
    created: bool  # made by this run
    translated: Callable[[str], Page]  # an unsaved instance with the texts in a language
    fix: Callable[[Page, str], None] | None  # what wagtail-localize cannot translate
    published: datetime.datetime
    updated: datetime.datetime | None = None


def _at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _round_robin(*groups: list) -> list:
    """Items taken from each group in turn: [a1, b1, a2, b2, b3…]."""
    return [item for row in itertools.zip_longest(*groups) for item in row if item is not None]


class DemoSeeder:
    """Creates whatever part of the demo site is missing, and counts what it made."""

    def __init__(
        self,
        *,
        news: int,
        briefings: int,
        faq: int,
        progress: bool = False,
        written_news: int | None = None,
    ):
        """Seed ``news`` items, ``briefings`` and ``faq`` answers per language.

        The first ``written_news`` news items (default: as many hand-written
        ones as there are) are hand-written; the rest are generated in bulk.
        """
        self.news_count = news
        written = len(NEWS) if written_news is None else min(written_news, len(NEWS))
        self.written_news_count = min(news, written)
        self.briefing_count = briefings
        self.faq_count = faq
        self.show_progress = progress
        self.created: Counter[tuple[str, str]] = Counter()
        self.timings: dict[str, float] = {}
        self.today = timezone.localdate()

    # ------------------------------------------------------------------
    # Orchestration
    # ------------------------------------------------------------------
    def run(self) -> None:
        """Seed everything in one transaction: an interrupted run leaves nothing behind."""
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        # The settings stay overridden until after the commit, when Wagtail's
        # on-commit hooks (such as slug-change redirects) run.
        with override_settings(**SEED_SETTINGS), transaction.atomic():
            self._timed("roles", self.seed_roles)
            self.editor = demo_user("editor")
            self.publisher = demo_user("press_secretary")
            self.moderator = DemoModerator(self.editor)
            self._timed("media", self.seed_media)
            self._timed("settings", self.seed_site_settings)
            self._timed("vocabularies", self.seed_vocabularies)
            self._timed("agency", self.seed_agency_profile)
            self._timed("translations", self.seed_translated_snippets)
            self._timed("sections", self.seed_sections)
            self._timed("pages", self.seed_moderated_pages)
            self._timed("generated", self.seed_generated_news)
            # Again: page permissions for the ru and en homes made meanwhile.
            self._timed("roles", self.seed_roles)
            self._timed("indexing", self.run_deferred_tasks)

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

    # ------------------------------------------------------------------
    # Users and groups
    # ------------------------------------------------------------------
    def seed_roles(self) -> None:
        groups, users = seed_roles()
        self.created[("Group", "")] += groups
        self.created[("User", "")] += users

    # ------------------------------------------------------------------
    # Pictures, documents and site settings
    # ------------------------------------------------------------------
    def seed_media(self) -> None:
        root = Collection.get_first_root_node()
        self.collection = root.get_children().filter(name=COLLECTION_NAME).first()
        if self.collection is None:
            self.collection = root.add_child(name=COLLECTION_NAME)
        images = {
            image.title: image
            for image in get_image_model().objects.filter(collection=self.collection)
        }
        documents = {
            document.title: document
            for document in get_document_model().objects.filter(collection=self.collection)
        }
        pictures = [(spec.key, spec.alt.kk, spec) for spec in (*HERO_IMAGES, *PHOTO_IMAGES)]
        pictures.append(("logo", LOGO_ALT.kk, None))

        self.images = {}
        self.documents = {}
        with self._bar(len(pictures) + len(DOCUMENTS), "Pictures and documents") as bar:
            for key, alt, spec in pictures:
                image = images.get(self._image_title(key))
                if image is None:
                    if spec is None:
                        image = self._create_image(key, alt, media.render_logo(), "png")
                    else:
                        image = self._create_image(key, alt, media.render_picture(spec), "jpg")
                self.images[key] = image
                bar.update()
            for key, spec in DOCUMENTS.items():
                self.documents[key] = documents.get(spec.title.kk) or self._create_document(spec)
                bar.update()
        self.texts = PageTexts(self.images, self.documents)

    @staticmethod
    def _image_title(key: str) -> str:
        return f"{key} (demo)"

    def _create_image(self, key: str, alt: str, data: bytes, extension: str):
        image = get_image_model()(
            title=self._image_title(key),
            description=alt,
            collection=self.collection,
            file=ImageFile(ContentFile(data), name=f"demo-{key}.{extension}"),
        )
        image._set_image_file_metadata()
        image.save()
        self._count(image)
        return image

    def _create_document(self, spec):
        document = get_document_model()(
            title=spec.title.kk,
            collection=self.collection,
            file=ContentFile(media.DOCUMENT_RENDERERS[spec.kind](spec.key), name=spec.filename),
        )
        document._set_document_file_metadata()
        document.save()
        self._count(document)
        return document

    def seed_site_settings(self) -> None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        self.seed_site_address(site)
        settings = SiteSettings.for_site(site)
        changed = []
        if settings.logo_id is None:
            settings.logo = self.images["logo"]
            changed.append("logo")
        for field, url in SOCIAL_LINKS.items():
            if not getattr(settings, field):
                setattr(settings, field, url)
                changed.append(field)
        if changed:
            settings.save(update_fields=changed)

    @staticmethod
    def seed_site_address(site: Site) -> None:
        """Point Wagtail's placeholder site (localhost:80) at the admin's base URL.

        Canonical, hreflang and feed addresses are built from the site's
        hostname, so the demo must name the address it is served on.
        """
        if (site.hostname, site.port) != (
            "localhost",
            80,
        ) or not django_settings.WAGTAILADMIN_BASE_URL:
            return
        address = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
        if not address.hostname:
            return
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.site_name = site.site_name or "Baspasoz"
        site.save(update_fields=["hostname", "port", "site_name"])

    # ------------------------------------------------------------------
    # Vocabularies and the agency profile
    # ------------------------------------------------------------------
    def seed_vocabularies(self) -> None:
        kk = self.locales["kk"]
        self.topics: dict[tuple[str, str], Topic] = {}
        self.categories: dict[tuple[str, str], FAQCategory] = {}
        for slug, name in TOPICS.items():
            topic = Topic.objects.filter(slug=slug, locale=kk).first()
            if topic is None:
                topic = Topic.objects.create(
                    name=name.kk, slug=slug, locale=kk, translation_key=demo_key("topic", slug)
                )
                self._count(topic, "kk")
            self.topics[(slug, "kk")] = topic
        for order, (slug, category) in enumerate(FAQ_CATEGORIES.items()):
            instance = FAQCategory.objects.filter(slug=slug, locale=kk).first()
            if instance is None:
                instance = FAQCategory.objects.create(
                    name=category.name.kk,
                    slug=slug,
                    description=category.description.kk,
                    sort_order=order * 10,
                    locale=kk,
                    translation_key=demo_key("faq-category", slug),
                )
                self._count(instance, "kk")
            self.categories[(slug, "kk")] = instance

    def seed_agency_profile(self) -> None:
        kk = self.locales["kk"]
        self.profile = AgencyProfile.objects.filter(locale=kk).first()
        if self.profile is None:
            self.profile = agency_profile("kk")
            self.profile.locale = kk
            self.profile.translation_key = demo_key("agency", "profile")
            self.profile.save()
            self._count(self.profile, "kk")

    # ------------------------------------------------------------------
    # Vocabularies and the agency profile in ru and en
    # ------------------------------------------------------------------
    def seed_translated_snippets(self) -> None:
        """Topics, FAQ categories and the agency profile in ru and en, through wagtail-localize.

        They come before the pages: translated pages link to their own language's topics and
        categories, and the restricted-information check allow-lists the agency's contacts.
        """
        work: list[tuple[object, Callable[[str], object]]] = [
            *((topic, self._topic_translation(slug)) for (slug, _), topic in self.topics.items()),
            *(
                (category, self._category_translation(slug))
                for (slug, _), category in self.categories.items()
            ),
            (self.profile, agency_profile),
        ]
        demo_keys = self._demo_keys()
        work = [entry for entry in work if entry[0].translation_key in demo_keys]
        for code in TRANSLATED:
            locale = self.locales[code]
            with self._bar(len(work), f"Vocabularies ({code})") as bar:
                for source, translated in work:
                    target = self._existing_translation(source, locale)
                    if target is None:
                        target = translate(source, locale, translated(code), user=self.editor)
                        self._count(target, code)
                    if isinstance(source, Topic):
                        self.topics[(source.slug, code)] = target
                    elif isinstance(source, FAQCategory):
                        self.categories[(source.slug, code)] = target
                    bar.update()

    @staticmethod
    def _topic_translation(slug: str) -> Callable[[str], Topic]:
        # The slug stays the same in every language: topic filters use it.
        return lambda code: Topic(name=TOPICS[slug][code], slug=slug)

    @staticmethod
    def _category_translation(slug: str) -> Callable[[str], FAQCategory]:
        category = FAQ_CATEGORIES[slug]
        return lambda code: FAQCategory(
            name=category.name[code], slug=slug, description=category.description[code]
        )

    # ------------------------------------------------------------------
    # The home page and section indexes (not moderated)
    # ------------------------------------------------------------------
    def seed_sections(self) -> None:
        """The kk home page and section indexes, then their ru and en translations.

        These page types are not moderated: the press secretary publishes them directly.
        """
        self.home = HomePage.objects.get(locale=self.locales["kk"])
        with self._bar(1 + len(INDEXES), "Sections (kk)") as bar:
            if not self.home.intro:
                self.home.title = HOME["title"].kk
                self.home.intro = HOME["intro"].kk
                self._publish(self.home, self.home.first_published_at or timezone.now())
            sources: list[tuple[Page, Callable[[str], Page]]] = [
                (self.home, self._home_translation)
            ]
            bar.update()
            self.indexes = {}
            for key, model in (
                ("news", NewsIndexPage),
                ("briefings", BriefingIndexPage),
                ("faq", FAQIndexPage),
            ):
                self.indexes[key] = self._index_page(key, model)
                sources.append((self.indexes[key], self._index_translation(key, model)))
                bar.update()

        # An index page an editor added before the first run is not translated with the
        # demo's texts.
        demo_keys = self._demo_keys()
        sources = [
            entry
            for entry in sources
            if entry[0] == self.home or entry[0].translation_key in demo_keys
        ]
        for code in TRANSLATED:
            locale = self.locales[code]
            with self._bar(len(sources), f"Sections ({code})") as bar:
                for source, translated in sources:
                    if self._existing_translation(source, locale) is None:
                        target = translate(source, locale, translated(code), user=self.editor)
                        self._count(target, code)
                        self._publish(target, *self._translation_dates(source))
                    bar.update()

    @staticmethod
    def _home_translation(code: str) -> HomePage:
        return HomePage(
            title=HOME["title"][code], slug=HOME["slug"][code], intro=HOME["intro"][code]
        )

    @staticmethod
    def _index_translation(key: str, model) -> Callable[[str], Page]:
        texts = INDEXES[key]
        return lambda code: model(
            title=texts["title"][code], slug=texts["slug"][code], intro=texts["intro"][code]
        )

    def _find(self, model, kind: str, key: str):
        return model.objects.filter(
            translation_key=demo_key(kind, key), locale=self.locales["kk"]
        ).first()

    def _index_page(self, key: str, model) -> Page:
        page = self._find(model, "index", key) or model.objects.child_of(self.home).first()
        if page is None:
            texts = INDEXES[key]
            page = model(
                title=texts["title"].kk,
                slug=texts["slug"].kk,
                intro=texts["intro"].kk,
                show_in_menus=True,
                locale=self.locales["kk"],
                translation_key=demo_key("index", key),
            )
            published = timezone.now() - datetime.timedelta(days=400)
            self._add(self.home, page)
            self._publish(page, published)
        return page

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

    # ------------------------------------------------------------------
    # News, briefings and answers: through moderation
    # ------------------------------------------------------------------
    def seed_moderated_pages(self) -> None:
        """Hand-written news, briefings and FAQ answers, in every language, moderated.

        For each item: the editor writes the kk draft, ru and en drafts are made through
        wagtail-localize, then the kk page goes through its workflow (taking the required
        translations live with it) and the remaining translations through theirs.
        """
        news = NEWS[: self.written_news_count]
        # Small runs still get both past and upcoming events, and several categories.
        briefings = _round_robin(
            [item for item in BRIEFINGS if item.days_from_now < 0],
            [item for item in BRIEFINGS if item.days_from_now >= 0],
        )[: self.briefing_count]
        answers = _round_robin(
            *([item for item in FAQ if item.category == slug] for slug in FAQ_CATEGORIES)
        )[: self.faq_count]
        items = [
            *(lambda n=number, i=item: self._news_page(n, i) for number, item in enumerate(news)),
            *(lambda i=item: self._briefing_page(i) for item in briefings),
            *(lambda i=item: self._faq_page(i) for item in answers),
        ]
        with self._bar(len(items), "News, briefings and answers") as bar:
            for item in items:
                self._seed_moderated(item())
                bar.update()

    def _seed_moderated(self, item: Moderated) -> None:
        """Translate ``item``'s kk page where needed, then take what was made now live."""
        made: list[Page] = []
        if item.created:
            made.append(item.page)
        for code in TRANSLATED:
            locale = self.locales[code]
            if self._existing_translation(item.page, locale) is not None:
                continue
            target = translate(item.page, locale, item.translated(code), user=self.editor)
            self._count(target, code)
            if item.fix is not None:
                item.fix(target, code)
            target.save_revision(user=self.editor)
            made.append(target)
        self._moderate(made)
        for page in made:
            if page.locale_id == item.page.locale_id:
                self._backdate(page, item.published, item.updated)
            else:
                self._backdate(page, *self._translation_dates(item.page))

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

    def _news_page(self, number: int, item: NewsItem) -> Moderated:
        day = self.today - datetime.timedelta(days=item.days_ago)
        published = _at(day, 9 + number % 8, 15 * (number % 4))
        page = self._find(NewsPage, "news", item.key)
        created = page is None
        if created:
            page = NewsPage(
                **self.texts.news(number, item, "kk"),
                display_date=day,
                hero_image=self.images[hero_spec(item.topics[0], number).key],
                locale=self.locales["kk"],
                translation_key=demo_key("news", item.key),
            )
            page.topic_links = [NewsPageTopic(topic=self.topics[(s, "kk")]) for s in item.topics]
            self._add_draft(self.indexes["news"], page)

        def fix(target: NewsPage, code: str) -> None:
            # Topic links are plain child rows: wagtail-localize copies the kk ones.
            target.topic_links = [NewsPageTopic(topic=self.topics[(s, code)]) for s in item.topics]
            target.body = with_translated_table(target.body, item.extra, code)

        return Moderated(
            page,
            created,
            lambda code: NewsPage(**self.texts.news(number, item, code)),
            fix,
            published,
        )

    def _briefing_page(self, item: BriefingItem) -> Moderated:
        starts = _at(self.today + datetime.timedelta(days=item.days_from_now), *item.start)
        ends = starts + datetime.timedelta(minutes=item.minutes)
        announced = min(
            timezone.now() - datetime.timedelta(hours=2), starts - datetime.timedelta(days=7)
        )
        # Past events were updated after they ended, when materials were added.
        updated = ends + datetime.timedelta(hours=20) if item.days_from_now < 0 else None
        page = self._find(BriefingPage, "briefing", item.key)
        created = page is None
        if created:
            deadline = None
            if item.registration_hours_before:
                deadline = starts - datetime.timedelta(hours=item.registration_hours_before)
            page = BriefingPage(
                **self.texts.briefing(item, "kk"),
                kind=item.kind,
                starts_at=starts,
                ends_at=ends,
                stream_url=STREAM_URL if item.streamed else "",
                accreditation_required=item.accreditation_required,
                registration_deadline=deadline,
                locale=self.locales["kk"],
                translation_key=demo_key("briefing", item.key),
            )
            page.speakers = speakers(item, "kk")
            self._add_draft(self.indexes["briefings"], page)

        def fix(target: BriefingPage, code: str) -> None:
            # Speakers are plain child rows: wagtail-localize copies the kk ones.
            target.speakers = speakers(item, code)

        return Moderated(
            page,
            created,
            lambda code: BriefingPage(**self.texts.briefing(item, code)),
            fix,
            announced,
            updated,
        )

    def _faq_page(self, item: FAQItem) -> Moderated:
        reviewed = self.today - datetime.timedelta(days=item.reviewed_days_ago)
        page = self._find(FAQAnswerPage, "faq", item.key)
        created = page is None
        if created:
            page = FAQAnswerPage(
                **self.texts.faq(item, "kk"),
                category=self.categories[(item.category, "kk")],
                last_reviewed=reviewed,
                locale=self.locales["kk"],
                translation_key=demo_key("faq", item.key),
            )
            self._add_draft(self.indexes["faq"], page)

        def translated(code: str) -> FAQAnswerPage:
            return FAQAnswerPage(**self.texts.faq(item, code), category=page.category)

        def fix(target: FAQAnswerPage, code: str) -> None:
            target.full_answer = with_translated_table(target.full_answer, item.extra, code)

        written = _at(reviewed - datetime.timedelta(days=90))
        return Moderated(page, created, translated, fix, written, _at(reviewed, 16))

    # ------------------------------------------------------------------
    # Helpers shared by pages and snippets
    # ------------------------------------------------------------------
    @staticmethod
    def _demo_keys() -> set:
        """Translation keys of every object the demo makes (except the migration's home)."""
        return {
            *(demo_key("topic", slug) for slug in TOPICS),
            *(demo_key("faq-category", slug) for slug in FAQ_CATEGORIES),
            demo_key("agency", "profile"),
            *(demo_key("index", key) for key in INDEXES),
            *(demo_key("news", item.key) for item in NEWS),
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

    # ------------------------------------------------------------------
    # Benchmark-sized news
    # ------------------------------------------------------------------
    def seed_generated_news(self) -> None:
        """Insert news beyond the hand-written items in bulk, in every language, then moderate it.

        Adding 10,000 pages one by one costs many queries and signal handlers each; here the
        drafts go in with a few queries per item and pictures come from the shared pool. Each
        item then goes live through moderation like any other news: the kk draft with its
        required translations, then the rest. These pages have no wagtail-localize source:
        their ru and en versions are composed directly and linked to the kk one by
        translation key.
        """
        extra = self.news_count - self.written_news_count
        if extra <= 0:
            return
        indexes = {
            code: NewsIndexPage.objects.filter(
                translation_key=self.indexes["news"].translation_key, locale=self.locales[code]
            ).first()
            for code in LANGUAGES
        }
        todo = []
        for code in (code for code in LANGUAGES if indexes[code] is not None):
            existing = set(
                NewsPage.objects.child_of(indexes[code]).values_list("translation_key", flat=True)
            )
            todo += [
                (code, n)
                for n in range(extra)
                if demo_key("generated-news", str(n)) not in existing
            ]
        todo.sort(key=lambda entry: entry[1])
        content_type = ContentType.objects.get_for_model(NewsPage)
        with self._bar(len(todo), "Generated news") as bar:
            for start in range(0, len(todo), BULK_BATCH):
                batch = todo[start : start + BULK_BATCH]
                made: dict[int, list[NewsPage]] = {}
                for code in LANGUAGES:
                    pages, topics = [], []
                    for n in (n for batch_code, n in batch if batch_code == code):
                        fields, topic = self.texts.generated_news(n, code)
                        page = self._generated_page(n, extra, code, fields, content_type)
                        pages.append(page)
                        topics.append(self.topics[(topic, code)])
                        made.setdefault(n, []).append(page)
                    if not pages:
                        continue
                    append_child_pages(indexes[code], pages)
                    NewsPageTopic.objects.bulk_create(
                        NewsPageTopic(page_id=page.pk, topic=topic, sort_order=0)
                        for page, topic in zip(pages, topics, strict=True)
                    )
                    self.created[("NewsPage", code)] += len(pages)
                for n, pages in made.items():
                    for page in pages:
                        # Composed by code from checked fragments: no form validation needed.
                        page.save_revision(user=self.editor, clean=False)
                    self._moderate(pages)
                    self._backdate_pages(
                        [page.pk for page in pages], self._generated_date(n, extra)
                    )
                    bar.update(len(pages))

    def _generated_date(self, n: int, extra: int) -> datetime.datetime:
        day = self._generated_day(n, extra)
        return _at(day, 9 + n % 9, (n * 7) % 60)

    def _generated_day(self, n: int, extra: int) -> datetime.date:
        return self.today - datetime.timedelta(days=60 + (n * GENERATED_SPAN_DAYS) // extra)

    def _generated_page(self, n: int, extra: int, code: str, fields: dict, content_type):
        """An unsaved draft of the ``n``-th generated news item in ``code``."""
        return NewsPage(
            **fields,
            draft_title=fields["title"],
            content_type=content_type,
            live=False,
            has_unpublished_changes=True,
            owner=self.editor,
            locale=self.locales[code],
            translation_key=demo_key("generated-news", str(n)),
            display_date=self._generated_day(n, extra),
        )
