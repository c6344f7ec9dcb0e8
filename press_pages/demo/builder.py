"""Build the demo site: pictures, vocabularies, the kk tree, its translations and users.

Every object has a stable identity (a translation key derived from a name, a
slug, or a title in the demo collection), so a second run finds what the first
made and creates nothing. Existing objects are never overwritten: an editor's
changes to demo content survive a re-run.

Hand-written pages are translated through wagtail-localize, the way an editor
would in its translation editor, so the ru and en pages stay linked to their
kk sources there. Benchmark-sized news (``news`` above the hand-written count)
is inserted in bulk in all three languages instead; see ``seed_generated_news``.
"""

import contextlib
import datetime
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable
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
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search.backends import get_search_backend

from django_tasks import task_backends
from tqdm import tqdm

from cms.models import AgencyProfile, SiteSettings
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
SEED_SETTINGS = {
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    "WAGTAILREDIRECTS_AUTO_CREATE": False,
}

# (source object, its unsaved translation in a language, fix-up after translating)
Source = tuple[object, Callable[[str], object], Callable[[Page, str], None] | None]


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
            self._timed("media", self.seed_media)
            self._timed("settings", self.seed_site_settings)
            self._timed("vocabularies", self.seed_vocabularies)
            self._timed("pages", self.seed_source_pages)
            self._timed("agency", self.seed_agency_profile)
            self._timed("translations", self.seed_translations)
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
    # The kk source tree
    # ------------------------------------------------------------------
    def seed_source_pages(self) -> None:
        self.home = HomePage.objects.get(locale=self.locales["kk"])
        news = NEWS[: self.written_news_count]
        # Small runs still get both past and upcoming events, and several categories.
        briefings = _round_robin(
            [item for item in BRIEFINGS if item.days_from_now < 0],
            [item for item in BRIEFINGS if item.days_from_now >= 0],
        )[: self.briefing_count]
        answers = _round_robin(
            *([item for item in FAQ if item.category == slug] for slug in FAQ_CATEGORIES)
        )[: self.faq_count]

        total = 1 + len(INDEXES) + len(news) + len(briefings) + len(answers)
        with self._bar(total, "Pages (kk)") as bar:
            if not self.home.intro:
                self.home.title = HOME["title"].kk
                self.home.intro = HOME["intro"].kk
                self._publish(self.home, self.home.first_published_at or timezone.now())
            self.sources: list[Source] = [(self.home, self._home_translation, None)]
            bar.update()

            self.indexes = {}
            for key, model in (
                ("news", NewsIndexPage),
                ("briefings", BriefingIndexPage),
                ("faq", FAQIndexPage),
            ):
                self.indexes[key] = self._index_page(key, model)
                self.sources.append((self.indexes[key], self._index_translation(key, model), None))
                bar.update()

            for number, item in enumerate(news):
                self.sources.append(self._news_page(number, item))
                bar.update()
            for item in briefings:
                self.sources.append(self._briefing_page(item))
                bar.update()
            for item in answers:
                self.sources.append(self._faq_page(item))
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
            self._add(self.home, page, timezone.now() - datetime.timedelta(days=400))
        return page

    def _add(self, parent: Page, page: Page, published: datetime.datetime, updated=None) -> None:
        """Add ``page`` under ``parent`` as a draft by the editor, then publish it."""
        page.live = False
        page.owner = self.editor
        page.first_published_at = published
        parent.add_child(instance=page)
        self._count(page, page.locale.language_code)
        self._publish(page, published, updated)

    def _publish(self, page: Page, published: datetime.datetime, updated=None) -> None:
        """Save a revision as the demo editor and publish it as the demo press secretary."""
        revision = page.save_revision(user=self.editor)
        # Skip the check: the ru and en homes get their group permissions only
        # at the end of the run.
        revision.publish(user=self.publisher, skip_permission_checks=True)
        # Back-date the dates readers see, as if the page had been published
        # on its own date rather than when the seed ran.
        updated = updated or published
        type(revision).objects.filter(pk=revision.pk).update(created_at=updated)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=published,
            last_published_at=updated,
            latest_revision_created_at=updated,
        )
        page.refresh_from_db()

    def _news_page(self, number: int, item: NewsItem) -> Source:
        page = self._find(NewsPage, "news", item.key)
        if page is None:
            day = self.today - datetime.timedelta(days=item.days_ago)
            page = NewsPage(
                **self.texts.news(number, item, "kk"),
                display_date=day,
                hero_image=self.images[hero_spec(item.topics[0], number).key],
                locale=self.locales["kk"],
                translation_key=demo_key("news", item.key),
            )
            page.topic_links = [NewsPageTopic(topic=self.topics[(s, "kk")]) for s in item.topics]
            self._add(self.indexes["news"], page, _at(day, 9 + number % 8, 15 * (number % 4)))

        def fix(target: NewsPage, code: str) -> None:
            # Topic links are plain child rows: wagtail-localize copies the kk ones.
            target.topic_links = [NewsPageTopic(topic=self.topics[(s, code)]) for s in item.topics]
            target.body = with_translated_table(target.body, item.extra, code)

        return page, lambda code: NewsPage(**self.texts.news(number, item, code)), fix

    def _briefing_page(self, item: BriefingItem) -> Source:
        page = self._find(BriefingPage, "briefing", item.key)
        if page is None:
            starts = _at(self.today + datetime.timedelta(days=item.days_from_now), *item.start)
            ends = starts + datetime.timedelta(minutes=item.minutes)
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
            announced = min(
                timezone.now() - datetime.timedelta(hours=2), starts - datetime.timedelta(days=7)
            )
            # Past events were updated after they ended, when materials were added.
            updated = ends + datetime.timedelta(hours=20) if item.days_from_now < 0 else None
            self._add(self.indexes["briefings"], page, announced, updated)

        def fix(target: BriefingPage, code: str) -> None:
            # Speakers are plain child rows: wagtail-localize copies the kk ones.
            target.speakers = speakers(item, code)

        return page, lambda code: BriefingPage(**self.texts.briefing(item, code)), fix

    def _faq_page(self, item: FAQItem) -> Source:
        page = self._find(FAQAnswerPage, "faq", item.key)
        if page is None:
            reviewed = self.today - datetime.timedelta(days=item.reviewed_days_ago)
            page = FAQAnswerPage(
                **self.texts.faq(item, "kk"),
                category=self.categories[(item.category, "kk")],
                last_reviewed=reviewed,
                locale=self.locales["kk"],
                translation_key=demo_key("faq", item.key),
            )
            written = _at(reviewed - datetime.timedelta(days=90))
            self._add(self.indexes["faq"], page, written, _at(reviewed, 16))

        def translated(code: str) -> FAQAnswerPage:
            return FAQAnswerPage(**self.texts.faq(item, code), category=page.category)

        def fix(target: FAQAnswerPage, code: str) -> None:
            target.full_answer = with_translated_table(target.full_answer, item.extra, code)

        return page, translated, fix

    # ------------------------------------------------------------------
    # ru and en through wagtail-localize
    # ------------------------------------------------------------------
    def seed_translations(self) -> None:
        work: list[Source] = [
            *(
                (topic, self._topic_translation(slug), None)
                for (slug, _), topic in self.topics.items()
            ),
            *(
                (category, self._category_translation(slug), None)
                for (slug, _), category in self.categories.items()
            ),
            *self.sources,
            (self.profile, agency_profile, None),
        ]
        # Objects the demo did not make (say, an index page an editor added
        # before the first run) are not translated with the demo's texts.
        demo_keys = self._demo_keys()
        work = [
            entry
            for entry in work
            if entry[0] == self.home or entry[0].translation_key in demo_keys
        ]
        for code in TRANSLATED:
            locale = self.locales[code]
            with self._bar(len(work), f"Translations ({code})") as bar:
                for source, translated, fix in work:
                    target = self._existing_translation(source, locale)
                    if target is None:
                        target = translate(source, locale, translated(code), user=self.editor)
                        self._count(target, code)
                        if isinstance(target, Page):
                            self._publish_translation(source, target, code, fix)
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

    def _publish_translation(self, source: Page, target: Page, code: str, fix) -> None:
        """Publish the draft wagtail-localize saved, after fixing what it cannot translate."""
        if fix is not None:
            fix(target, code)
        # Translations go live shortly after their source, as a translator would publish them.
        delay = datetime.timedelta(hours=3)
        published = (source.first_published_at or timezone.now()) + delay
        updated = max(published, (source.last_published_at or published) + delay)
        self._publish(target, published, updated)

    # ------------------------------------------------------------------
    # Benchmark-sized news
    # ------------------------------------------------------------------
    def seed_generated_news(self) -> None:
        """Insert news beyond the hand-written items in bulk, in every language.

        Publishing 10,000 pages one by one takes many queries each (revision,
        log entry, search index, reference index); here rows go in with a few
        queries per item, pictures come from the shared pool, and the search
        index is filled in batches. These pages have no revision history, no
        reference-index rows and no wagtail-localize source: their ru and en
        versions are composed directly and linked to the kk one by translation key.
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
        content_type = ContentType.objects.get_for_model(NewsPage)
        backend = get_search_backend()
        with self._bar(len(todo), "Generated news") as bar:
            for start in range(0, len(todo), BULK_BATCH):
                batch = todo[start : start + BULK_BATCH]
                for code in LANGUAGES:
                    pages, topics = [], []
                    for n in (n for batch_code, n in batch if batch_code == code):
                        fields, topic = self.texts.generated_news(n, code)
                        pages.append(self._generated_page(n, extra, code, fields, content_type))
                        topics.append(self.topics[(topic, code)])
                    if not pages:
                        continue
                    append_child_pages(indexes[code], pages)
                    NewsPageTopic.objects.bulk_create(
                        NewsPageTopic(page_id=page.pk, topic=topic, sort_order=0)
                        for page, topic in zip(pages, topics, strict=True)
                    )
                    backend.add_bulk(NewsPage, pages)
                    self.created[("NewsPage", code)] += len(pages)
                bar.update(len(batch))

    def _generated_page(self, n: int, extra: int, code: str, fields: dict, content_type):
        day = self.today - datetime.timedelta(days=60 + (n * GENERATED_SPAN_DAYS) // extra)
        published = _at(day, 9 + n % 9, (n * 7) % 60)
        return NewsPage(
            **fields,
            draft_title=fields["title"],
            content_type=content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            owner=self.editor,
            locale=self.locales[code],
            translation_key=demo_key("generated-news", str(n)),
            display_date=day,
        )
