"""The obligatory message (Law on Mass Media Art. 37): a news item with the time of its event,
labelled on the site, translatable like news, and announced to the services when it goes live."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

import time_machine
from bs4 import BeautifulSoup

from press_pages.models import HomePage, NewsIndexPage, NewsPage, ObligatoryMessagePage
from press_pages.signals import obligatory_message_published
from tests.press_pages.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
    locale,
    translate,
)
from tests.workflows.moderation import moderate

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
EVENT = datetime.datetime(2026, 5, 12, 11, 5, tzinfo=ALMATY)
LABEL = "Official message (Art. 37 of the Law on Mass Media)"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def label_in(code: str) -> str:
    with translation.override(code):
        return gettext(LABEL)


@override_settings(PAGE_CACHE_SECONDS=0)
class ObligatoryMessageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())
        with time_machine.travel(EVENT + datetime.timedelta(minutes=40), tick=False):
            cls.news = NewsPageFactory(parent=cls.index, title="Жай жаңалық", slug="plain")
            cls.message = ObligatoryMessagePageFactory(
                parent=cls.index, slug="flood", event_at=EVENT
            )

    def test_it_is_a_news_item_under_the_news_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, ObligatoryMessagePage})
        self.assertAllowedParentPageTypes(ObligatoryMessagePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(ObligatoryMessagePage, set())
        self.assertCanCreateAt(NewsIndexPage, ObligatoryMessagePage)
        self.assertCanNotCreateAt(HomePage, ObligatoryMessagePage)
        self.assertTrue(self.message.live)
        self.assertIn(self.message.pk, NewsPage.objects.live().values_list("pk", flat=True))
        self.assertTrue(NewsPage.objects.get(pk=self.message.pk).is_obligatory_message)
        self.assertFalse(self.news.is_obligatory_message)

    def test_its_deadline_is_three_hours_after_the_event(self):
        self.assertEqual(self.message.deadline, EVENT + datetime.timedelta(hours=3))
        self.assertEqual(self.message.event_at.utcoffset(), datetime.timedelta(0))

    def test_an_event_in_the_future_is_refused_with_a_message(self):
        page = ObligatoryMessagePage(
            title="Хабарлама",
            slug="future",
            lead="Жетекші мәтін.",
            body=[],
            event_at=timezone.now() + datetime.timedelta(hours=1),
        )
        with translation.override("en"):
            with self.assertRaises(ValidationError) as caught:
                page.full_clean()
            errors = [str(error) for error in caught.exception.message_dict["event_at"]]
        self.assertEqual(
            errors, ["The event has to have happened: its time cannot be in the future."]
        )
        page.event_at = timezone.now() + datetime.timedelta(minutes=2)
        page.clean()  # a clock a little ahead is not a typing error

    def test_the_page_carries_the_label_and_the_time_of_the_event(self):
        response = self.client.get(self.message.url)
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        [label] = html.select(".official-label")
        self.assertEqual(label.text.strip(), label_in("kk"))
        self.assertEqual(len(html.select("h1")), 1)
        [event] = html.select(f'time[datetime="{EVENT.isoformat()}"]')
        self.assertEqual(event.text.strip(), "12.05.2026, 11:05")

    def test_news_lists_label_the_message_and_only_it(self):
        for page in (self.index, kk_home()):
            with self.subTest(page=page.title):
                labels = soup(self.client.get(page.url)).select(".official-label")
                self.assertEqual(len(labels), 1)
                card = labels[0].find_parent(class_="card")
                self.assertIn(self.message.title, card.text)
                self.assertNotIn(self.news.title, card.text)

    def test_a_translation_keeps_the_time_of_the_event_and_its_label(self):
        ru = translate(self.message, "ru", title="Официальное сообщение о паводке")
        self.assertEqual(ru.event_at, EVENT)
        self.assertEqual(ru.deadline, self.message.deadline)
        [label] = soup(self.client.get(ru.url)).select(".official-label")
        self.assertEqual(label.text.strip(), label_in("ru"))

    def test_wagtail_localize_synchronises_the_time_of_the_event(self):
        user = get_user_model().objects.create_superuser("root", "root@example.kz", "pw")
        page = ObligatoryMessagePageFactory(parent=self.index, live=False, event_at=EVENT)
        page.save_revision(user=user)
        TranslationCreator(user, [locale("en")]).create_translations(page)
        translation_ = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale("en")
        )
        self.assertFalse(
            translation_.source.stringsegment_set.filter(context__path="event_at").exists(),
            "the time of the event is not text to translate",
        )
        en = ObligatoryMessagePage.objects.get(
            translation_key=page.translation_key, locale=locale("en")
        )
        self.assertEqual(en.event_at, EVENT)

    def test_going_live_tells_the_receivers_once_per_message(self):
        received = []

        def listener(sender, page, **kwargs):
            received.append(page.pk)

        obligatory_message_published.connect(listener)
        self.addCleanup(obligatory_message_published.disconnect, listener)
        page = ObligatoryMessagePageFactory(parent=self.index)
        translate(page, "ru", title="Сообщение")
        NewsPageFactory(parent=self.index)
        self.assertEqual(received, [page.pk], "the translation and plain news are silent")
        page.lead = "Жаңартылған мәтін."
        moderate(page)
        self.assertEqual(received, [page.pk, page.pk], "a correction is announced too")
