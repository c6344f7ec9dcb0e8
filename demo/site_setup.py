"""The parts of the demo site that pages rely on: pictures and documents, site settings,
topics and FAQ categories, the agency profile, and the home page and section indexes.

Vocabularies and the agency profile are made in kk and translated into ru and en through
wagtail-localize before any page, because translated pages link to their own language's
topics and categories. None of these are moderated: the press secretary publishes directly.
"""

import datetime
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from agency.models import AgencyProfile, NameTranslation, SiteSettings
from press_pages.models import (
    BriefingIndexPage,
    FAQCategory,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    Topic,
)

from . import media
from .content import (
    DOCUMENTS,
    FAQ_CATEGORIES,
    HERO_IMAGES,
    HOME,
    INDEXES,
    LOGO_ALT,
    PHOTO_IMAGES,
    SOCIAL_LINKS,
    TOPICS,
)
from .fields import PageTexts, agency_profile, demo_key
from .localize import translate
from .seeding import TRANSLATED, SeederBase

COLLECTION_NAME = "Демо"
#: The collection's name in the admin's languages (``agency.names``).
COLLECTION_NAMES = {"kk": "Демо", "ru": "Демо", "en": "Demo"}
#: What the collection was called before its name had translations.
FORMER_COLLECTION_NAME = "Демо / Demo"


class SiteSetup(SeederBase):
    """Seed steps for media, settings, vocabularies, the agency profile and section pages."""

    def seed_media(self) -> None:
        root = Collection.get_first_root_node()
        self.collection = (
            root.get_children().filter(name__in=[COLLECTION_NAME, FORMER_COLLECTION_NAME]).first()
        )
        if self.collection is None:
            self.collection = root.add_child(name=COLLECTION_NAME)
        elif self.collection.name != COLLECTION_NAME:
            self.collection.name = COLLECTION_NAME
            self.collection.save(update_fields=["name"])
        NameTranslation.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(Collection),
            object_id=self.collection.pk,
            defaults=COLLECTION_NAMES,
        )
        images = {
            self._image_key(image): image
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
                image = images.get(key)
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
    def _image_key(image) -> str:
        """The picture's key, from the file name it was made with (``demo-<key>.jpg``, or with
        the ``_<random>`` suffix storage adds when the name was taken)."""
        return Path(image.file.name).stem.split("_")[0].removeprefix("demo-")

    def _create_image(self, key: str, alt: str, data: bytes, extension: str):
        image = get_image_model()(
            title=alt[:255],  # the Kazakh alt text: staff see the library in Kazakh
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
