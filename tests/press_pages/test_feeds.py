import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

import feedparser

from agency.models import AgencyProfile
from press_pages.feeds import FEED_LENGTH
from press_pages.models import BriefingPage, FAQAnswerPage, NewsPageTopic

from .factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
    locale,
    publish,
    translate,
)


def feed_url(index, kind):
    return index.url + index.reverse_subpage(kind)


class FeedTestCase(TestCase):
    def setUp(self):
        # Served on the Site record's own address, so the two agree here; where they differ
        # is tested in tests/agency/test_addresses.py.
        self.client.defaults["HTTP_HOST"] = "localhost"

    def get_feed(self, index, kind):
        response = self.client.get(feed_url(index, kind))
        self.assertEqual(response.status_code, 200)
        return response, feedparser.parse(response.content)


class NewsFeedTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        AgencyProfile.objects.create(name="Цифрлық даму министрлігі", locale=locale("kk"))
        AgencyProfile.objects.create(name="Министерство цифрового развития", locale=locale("ru"))
        cls.index = NewsIndexPageFactory(parent=home)
        cls.topic = TopicFactory(name="Цифрландыру", slug="digital")
        today = timezone.localdate()
        cls.older = publish(
            NewsPageFactory(
                parent=cls.index,
                title="Ескі жаңалық",
                slug="old-news",
                lead="Өткен аптадағы жаңалық.",
                display_date=today - datetime.timedelta(days=7),
            )
        )
        cls.newer = publish(
            NewsPageFactory(
                parent=cls.index,
                title="Жаңа қызмет & ашық деректер",
                slug="new-service",
                lead="Министрлік жаңа цифрлық қызметті іске қосты.",
                display_date=today,
            )
        )
        NewsPageTopic.objects.create(page=cls.newer, topic=cls.topic)
        cls.draft = NewsPageFactory(parent=cls.index, title="Жоба", slug="draft", live=False)
        cls.ru_newer = translate(
            cls.newer, "ru", title="Новая услуга", lead="Министерство запустило услугу."
        )
        cls.ru_index = cls.ru_newer.get_parent().specific

    def test_rss_lists_the_index_items_newest_first_with_absolute_links(self):
        response, feed = self.get_feed(self.index, "rss")

        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertEqual(feed.version, "rss20")
        self.assertEqual(feed.feed.title, "Жаңалықтар — Цифрлық даму министрлігі")
        self.assertEqual(feed.feed.language, "kk")
        self.assertEqual(feed.feed.link, self.index.get_full_url())
        self.assertEqual(
            [entry.title for entry in feed.entries],
            ["Жаңа қызмет & ашық деректер", "Ескі жаңалық"],
        )
        first = feed.entries[0]
        self.assertEqual(first.link, self.newer.get_full_url())
        self.assertTrue(first.link.startswith("http://"))
        self.assertEqual(first.summary, "Министрлік жаңа цифрлық қызметті іске қосты.")
        self.assertEqual([tag.term for tag in first.tags], ["Цифрландыру"])
        self.assertEqual(
            datetime.datetime(*first.published_parsed[:6], tzinfo=datetime.UTC),
            self.newer.first_published_at.replace(microsecond=0),
        )

    def test_atom_has_the_same_entries_with_updated_dates_and_language(self):
        response, feed = self.get_feed(self.index, "atom")

        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        self.assertEqual(feed.version, "atom10")
        self.assertEqual(feed.feed.language, "kk")
        self.assertEqual(feed.feed.author, "Цифрлық даму министрлігі")
        self.assertEqual(len(feed.entries), 2)
        first = feed.entries[0]
        self.assertEqual(first.link, self.newer.get_full_url())
        self.assertEqual(
            datetime.datetime(*first.updated_parsed[:6], tzinfo=datetime.UTC),
            self.newer.last_published_at.replace(microsecond=0),
        )
        self.assertTrue(feed.feed.links[0].href.startswith("http://"))

    def test_entry_ids_are_stable_and_differ_between_translations(self):
        _, rss = self.get_feed(self.index, "rss")
        _, atom = self.get_feed(self.index, "atom")
        _, ru = self.get_feed(self.ru_index, "rss")

        kk_id = rss.entries[0].id
        self.assertTrue(kk_id.startswith("urn:uuid:"))
        self.assertEqual(atom.entries[0].id, kk_id)
        self.assertNotEqual(ru.entries[0].id, kk_id)

    def test_each_locale_feed_holds_only_its_own_items_in_its_language(self):
        _, feed = self.get_feed(self.ru_index, "rss")

        self.assertEqual(feed.feed.language, "ru")
        self.assertEqual(feed.feed.title, "Жаңалықтар — Министерство цифрового развития")
        self.assertEqual([entry.title for entry in feed.entries], ["Новая услуга"])
        self.assertEqual(feed.entries[0].link, self.ru_newer.get_full_url())
        self.assertIn("/ru/", feed.entries[0].link)

    def test_feed_holds_at_most_the_newest_twenty(self):
        for n in range(FEED_LENGTH):
            NewsPageFactory(parent=self.index, title=f"Қосымша жаңалық {n}", slug=f"extra-{n}")

        _, feed = self.get_feed(self.index, "rss")

        self.assertEqual(len(feed.entries), FEED_LENGTH)
        self.assertNotIn("Ескі жаңалық", [entry.title for entry in feed.entries])

    def test_query_count_does_not_grow_with_the_number_of_items(self):
        url = feed_url(self.index, "atom")

        def count_queries(attempt):
            # A distinct query string keeps the page cache out of the measurement.
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url, {"attempt": attempt}).status_code, 200)
            return len(queries)

        count_queries("warm-up")
        before = count_queries("before")
        for n in range(5):
            page = NewsPageFactory(parent=self.index, slug=f"more-{n}")
            NewsPageTopic.objects.create(page=page, topic=self.topic)

        count_queries("warm-up again")  # routing caches refill after a change

        self.assertEqual(count_queries("after"), before)


class BriefingFeedTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = BriefingIndexPageFactory(parent=kk_home())
        now = timezone.now()
        cls.past = BriefingPageFactory(
            parent=cls.index,
            title="Өткен брифинг",
            slug="past",
            starts_at=now - datetime.timedelta(days=2),
        )
        cls.upcoming = BriefingPageFactory(
            parent=cls.index,
            title="Алдағы брифинг",
            slug="upcoming",
            starts_at=timezone.make_aware(datetime.datetime(2099, 3, 12, 10, 30)),
        )

    def test_feeds_list_upcoming_and_recent_events_with_their_start_time(self):
        for kind in ("rss", "atom"):
            with self.subTest(kind=kind):
                _, feed = self.get_feed(self.index, kind)

                self.assertEqual(
                    [entry.title for entry in feed.entries], ["Алдағы брифинг", "Өткен брифинг"]
                )
                description = feed.entries[0].summary
                self.assertIn("2099", description)
                self.assertIn("10:30", description)
                self.assertIn(self.upcoming.venue, description)
                self.assertIn("Министр бағдарламаның нәтижелері туралы айтады.", description)
                self.assertNotIn("<p>", description)
                with translation.override("kk"):
                    kind = str(BriefingPage.Kind.BRIEFING.label)
                self.assertEqual([tag.term for tag in feed.entries[0].tags], [kind])


class FAQFeedTests(FeedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = FAQIndexPageFactory(parent=kk_home())
        cls.first = publish(
            FAQAnswerPageFactory(parent=cls.index, title="Бірінші сұрақ?", slug="first")
        )
        cls.second = publish(
            FAQAnswerPageFactory(
                parent=cls.index,
                title="Екінші сұрақ?",
                slug="second",
                short_answer="Қысқа жауап.",
            )
        )
        # Imported from the old site with no publication date, so it comes last.
        cls.imported = FAQAnswerPageFactory(parent=cls.index, title="Ескі сұрақ?", slug="old")
        FAQAnswerPage.objects.filter(pk=cls.imported.pk).update(
            first_published_at=None, last_published_at=None
        )

    def test_feeds_list_answers_by_last_publication_with_category(self):
        publish(self.first)

        for kind in ("rss", "atom"):
            with self.subTest(kind=kind):
                _, feed = self.get_feed(self.index, kind)

                self.assertEqual(
                    [entry.title for entry in feed.entries],
                    ["Бірінші сұрақ?", "Екінші сұрақ?", "Ескі сұрақ?"],
                )
                self.assertEqual(feed.entries[1].summary, "Қысқа жауап.")
                self.assertEqual(
                    [tag.term for tag in feed.entries[1].tags], [self.second.category.name]
                )
                self.assertEqual(feed.feed.language, "kk")
