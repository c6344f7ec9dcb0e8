"""Speakers and topic links in wagtail-localize: translated, and kept translated by a sync."""

import importlib
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import TestCase

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from press_pages.models import BriefingPage, BriefingSpeaker, NewsPageTopic, Topic
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
    locale,
)

bootstrap = importlib.import_module("press_pages.migrations.0004_translatable_child_rows").bootstrap

RUSSIAN = {
    "Айгүл Серікова": "Айгуль Серикова",
    "Баспасөз хатшысы": "Пресс-секретарь",
    "Бауыржан Омаров": "Бауыржан Омаров",
    "Вице-министр": "Вице-министр",
}


class TranslatedRowsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("root", "root@example.kz", "pw")
        cls.briefings = BriefingIndexPageFactory(parent=kk_home())
        cls.news = NewsIndexPageFactory(parent=kk_home())

    def briefing(self) -> BriefingPage:
        page = BriefingPageFactory(parent=self.briefings, live=False)
        BriefingSpeakerFactory(
            page=page, name="Айгүл Серікова", position="Баспасөз хатшысы", sort_order=0
        )
        BriefingSpeakerFactory(
            page=page, name="Бауыржан Омаров", position="Вице-министр", sort_order=1
        )
        page.save_revision(user=self.user)
        return page

    def translate(self, page) -> Translation:
        TranslationCreator(self.user, [locale("ru")]).create_translations(page)
        return Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale("ru")
        )

    def ru_draft(self, page):
        ru = type(page).objects.get(translation_key=page.translation_key, locale=locale("ru"))
        return ru.get_latest_revision_as_object()

    def test_speakers_are_segments_and_keep_their_translation_through_a_sync(self):
        page = self.briefing()
        translation = self.translate(page)

        segments = translation.source.stringsegment_set.filter(
            context__path__startswith="speakers."
        ).select_related("string", "context")
        self.assertEqual(
            sorted((s.context.path.rsplit(".", 1)[-1], s.string.data) for s in segments),
            [
                ("name", "Айгүл Серікова"),
                ("name", "Бауыржан Омаров"),
                ("position", "Баспасөз хатшысы"),
                ("position", "Вице-министр"),
            ],
        )
        for segment in segments:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale("ru"),
                context=segment.context,
                data=RUSSIAN[segment.string.data],
            )
        translation.save_target(user=self.user, publish=False)

        # The editor changes the kk page; the translation is synced again.
        page.venue = "Астана, Үкімет үйі"
        page.save_revision(user=self.user)
        page.save()
        TranslationSource.update_or_create_from_instance(page)
        translation.refresh_from_db()
        translation.save_target(user=self.user, publish=False)

        ru = self.ru_draft(page)
        self.assertEqual(ru.venue, "Астана, Үкімет үйі")
        self.assertEqual(
            [(s.name, s.position) for s in ru.speakers.all()],
            [("Айгуль Серикова", "Пресс-секретарь"), ("Бауыржан Омаров", "Вице-министр")],
        )
        self.assertEqual({s.locale_id for s in ru.speakers.all()}, {locale("ru").pk})
        kk_keys = [s.translation_key for s in page.speakers.all()]
        self.assertEqual([s.translation_key for s in ru.speakers.all()], kk_keys)

    def test_a_translated_news_item_links_to_the_topics_translation(self):
        topic = TopicFactory(name="Цифрландыру", slug="digital")
        page = NewsPageFactory(parent=self.news, live=False)
        page.topic_links = [NewsPageTopic(topic=topic)]
        page.save()
        page.save_revision(user=self.user)

        self.translate(page)

        ru_topic = Topic.objects.get(translation_key=topic.translation_key, locale=locale("ru"))
        ru = self.ru_draft(page)
        self.assertEqual([link.topic for link in ru.topic_links.all()], [ru_topic])

    def test_existing_rows_take_their_pages_locale_and_the_sources_keys(self):
        page = self.briefing()
        ru_page = page.copy_for_translation(locale("ru"), copy_parents=True)
        # As rows were before the migration: copied with the kk locale and their own keys.
        ru_rows = list(BriefingSpeaker.objects.filter(page=ru_page).order_by("sort_order"))
        for row in ru_rows:
            row.translation_key = uuid.uuid4()
            row.locale = locale("kk")
        BriefingSpeaker.objects.bulk_update(ru_rows, ["translation_key", "locale"])

        bootstrap(apps, None)

        kk_rows = list(BriefingSpeaker.objects.filter(page=page).order_by("sort_order"))
        ru_rows = list(BriefingSpeaker.objects.filter(page=ru_page).order_by("sort_order"))
        self.assertEqual({row.locale_id for row in ru_rows}, {locale("ru").pk})
        self.assertEqual({row.locale_id for row in kk_rows}, {locale("kk").pk})
        self.assertEqual(
            [row.translation_key for row in ru_rows], [row.translation_key for row in kk_rows]
        )
        self.assertEqual(len({row.translation_key for row in kk_rows}), 2)

    def test_existing_translated_speakers_keep_their_texts_at_the_next_sync(self):
        page = self.briefing()
        translation = self.translate(page)
        ru_page = BriefingPage.objects.get(
            translation_key=page.translation_key, locale=locale("ru")
        )
        # As before the migration: the ru rows were corrected by hand, with keys of their own.
        ru_rows = list(BriefingSpeaker.objects.filter(page=ru_page).order_by("sort_order"))
        for row in ru_rows:
            row.name, row.position = RUSSIAN[row.name], RUSSIAN[row.position]
            row.translation_key, row.locale = uuid.uuid4(), locale("kk")
        BriefingSpeaker.objects.bulk_update(
            ru_rows, ["name", "position", "translation_key", "locale"]
        )

        bootstrap(apps, None)
        TranslationSource.update_or_create_from_instance(BriefingPage.objects.get(pk=page.pk))
        translation.refresh_from_db()
        translation.save_target(user=self.user, publish=False)

        ru = self.ru_draft(page)
        self.assertEqual(
            [(s.name, s.position) for s in ru.speakers.all()],
            [("Айгуль Серикова", "Пресс-секретарь"), ("Бауыржан Омаров", "Вице-министр")],
        )
        # The translation editor shows them as translated.
        segments = translation.source.stringsegment_set.filter(
            context__path__startswith="speakers."
        )
        self.assertEqual(segments.count(), 4)
        for segment in segments:
            self.assertTrue(
                StringTranslation.objects.filter(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale=locale("ru"),
                ).exists()
            )
