"""The demo's media watch: terms in three languages, fictional outlets whose feed files are
stored as a poll would store them, mentions of every tone, a story copied by two outlets,
nothing added on a second run, nothing fetched and no alert sent."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db.models import Count
from django.test import TestCase, override_settings
from django.utils import timezone

from demo.content import SPEAKERS
from demo.watch import demo_outlets, moved, seed_media_watch
from media_watch import alerts
from media_watch.models import Item, Mention, Outlet, Source, Story, Tone, WatchTerm
from workflows.roles import GROUPS


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (WatchTerm, Outlet, Source, Item, Story, Mention)
    }


@override_settings(MONITOR_ALERT_MAX_AGE_HOURS=48, MONITOR_QUIET_HOURS="")
class SeedMediaWatchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Someone an alert would go to, so that one not sent is not for want of a recipient.
        head = get_user_model().objects.create_user(
            "head", email="head@mdpc.example", password="unused-password"
        )
        head.groups.add(Group.objects.get_or_create(name=GROUPS["heads"].name)[0])
        cls.now = timezone.now()
        cls.seeded = seed_media_watch(now=cls.now)

    def test_terms_are_watched_in_three_languages(self):
        for code in ("kk", "ru", "en"):
            kinds = set(
                WatchTerm.objects.filter(language=code, active=True).values_list("kind", flat=True)
            )
            self.assertEqual(kinds, set(WatchTerm.Kind.values), code)
        minister = SPEAKERS["minister"][0]
        self.assertTrue(
            WatchTerm.objects.filter(
                text=minister.ru, language="ru", kind=WatchTerm.Kind.PERSON
            ).exists()
        )
        self.assertEqual(self.seeded.terms, WatchTerm.objects.count())

    def test_outlets_have_inactive_sources_that_are_never_polled(self):
        self.assertEqual(Source.objects.count(), 7)
        self.assertFalse(Source.objects.filter(active=True).exists())
        self.assertTrue(
            all(".demo.example/" in url for url in Source.objects.values_list("url", flat=True))
        )
        self.assertEqual(
            set(Outlet.objects.filter(is_daily=True).values_list("name", flat=True)),
            {"Демо Уақыт", "Демо Вести", "Demo Times"},
        )
        self.assertFalse(Source.objects.exclude(health=Source.Health.NEW).exists())

    def test_mentions_of_every_tone_in_every_language(self):
        found = set(Mention.objects.values_list("item__language", "tone"))
        for code in ("kk", "ru", "en"):
            for tone in Tone.values:
                with self.subTest(language=code, tone=tone):
                    self.assertIn((code, tone), found)
        self.assertGreaterEqual(Item.objects.count(), 30)
        self.assertEqual(self.seeded.mentions, Mention.objects.count())
        # Every item names some term: the feeds are about the ministry.
        self.assertEqual(Mention.objects.count(), Item.objects.count())

    def test_inflected_forms_are_found(self):
        matched = {
            hit["matched"]
            for hits in Mention.objects.values_list("hits", flat=True)
            for hit in hits
        }
        self.assertIn("Цифрлық қоғамдық коммуникациялар министрлігіне", matched)
        self.assertIn("Даурена Оспанова", matched)

    def test_syndicated_stories_have_copies_from_two_outlets(self):
        shared = Story.objects.filter(outlet_count__gte=2)
        self.assertEqual(set(shared.values_list("language", flat=True)), {"kk", "ru", "en"})
        for story in shared.annotate(outlets=Count("items__outlet", distinct=True)):
            self.assertEqual(story.outlets, story.outlet_count)
            self.assertEqual(story.mentions.count(), story.item_count)

    def test_items_are_recent_but_older_than_the_alert_window(self):
        dates = list(Item.objects.values_list("published_at", flat=True))
        self.assertLess(max(dates), self.now - datetime.timedelta(hours=48))
        self.assertGreater(min(dates), self.now - datetime.timedelta(days=21))
        self.assertTrue(
            Item.objects.filter(published_at__gte=self.now - datetime.timedelta(days=4)).exists()
        )

    def test_no_alert_is_sent_now_or_by_the_held_alerts_job(self):
        self.assertTrue(Mention.objects.filter(tone=Tone.NEGATIVE).exists())
        self.assertEqual(alerts.send_held_alerts(), 0)
        self.assertFalse(Story.objects.exclude(alerted_at=None).exists())
        self.assertEqual(mail.outbox, [])

    def test_a_second_run_adds_nothing(self):
        before = counts()
        again = seed_media_watch(now=self.now + datetime.timedelta(days=1))
        self.assertEqual(counts(), before)
        self.assertEqual((again.terms, again.sources, again.items, again.mentions), (0, 0, 0, 0))

    def test_the_feed_files_keep_their_spacing_when_moved(self):
        outlets = demo_outlets()
        shifted = moved(outlets, self.now)
        first = [e.published for o in outlets for e in o.entries]
        second = [e.published for o in shifted for e in o.entries]
        gaps = {b - a for a, b in zip(first, second, strict=True)}
        self.assertEqual(len(gaps), 1)
