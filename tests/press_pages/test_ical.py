import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from icalendar import Calendar

from agency.models import AgencyProfile

from .factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    kk_home,
    locale,
    publish,
    translate,
)

ALMATY = ZoneInfo("Asia/Almaty")


def ics_url(page, route):
    return page.url + page.reverse_subpage(route)


class ICalTestCase(TestCase):
    def setUp(self):
        # Served on the Site record's own address, so the two agree here; where they differ
        # is tested in tests/agency/test_addresses.py.
        self.client.defaults["HTTP_HOST"] = "localhost"

    @classmethod
    def setUpTestData(cls):
        AgencyProfile.objects.create(name="Цифрлық даму министрлігі", locale=locale("kk"))
        cls.index = BriefingIndexPageFactory(parent=kk_home())
        start = timezone.make_aware(datetime.datetime(2099, 3, 12, 10, 30), ALMATY)
        cls.briefing = publish(
            BriefingPageFactory(
                parent=cls.index,
                title="Цифрлық бағдарлама бойынша брифинг",
                slug="digital-programme",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=1, minutes=30),
                stream_url="https://youtube.example/live/abc",
                accreditation_required=True,
            )
        )
        BriefingSpeakerFactory(
            page=cls.briefing, name="Айгүл Серікова", position="Баспасөз хатшысы"
        )

    def get_calendar(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return response, Calendar.from_ical(response.content)


class BriefingEventTests(ICalTestCase):
    def test_event_download_is_an_attachment_with_an_ascii_file_name(self):
        response, _ = self.get_calendar(ics_url(self.briefing, "ics"))

        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="digital-programme-kk.ics"'
        )

    def test_event_has_the_briefing_details_in_almaty_time(self):
        _, calendar = self.get_calendar(ics_url(self.briefing, "ics"))

        self.assertEqual(calendar["PRODID"], "-//Baspasoz//Press office//KK")
        self.assertEqual(calendar["X-WR-CALNAME"], self.briefing.title)
        self.assertEqual([tz["TZID"] for tz in calendar.walk("VTIMEZONE")], ["Asia/Almaty"])
        [event] = calendar.walk("VEVENT")
        self.assertEqual(event["SUMMARY"], "Цифрлық бағдарлама бойынша брифинг")
        self.assertEqual(event["LOCATION"], self.briefing.venue)
        self.assertEqual(event["URL"], self.briefing.get_full_url())
        self.assertEqual(event["STATUS"], "CONFIRMED")
        self.assertEqual(event.start, self.briefing.starts_at)
        self.assertEqual(event.end, self.briefing.ends_at)
        self.assertEqual(event.start.tzinfo.key, "Asia/Almaty")
        self.assertEqual((event.start.hour, event.start.minute), (10, 30))
        self.assertEqual(event["DTSTART"].params["TZID"], "Asia/Almaty")
        self.assertEqual(
            event["LAST-MODIFIED"].dt, self.briefing.last_published_at.replace(microsecond=0)
        )
        self.assertIn("DTSTAMP", event)

    def test_description_is_plain_text_with_speakers_and_stream(self):
        _, calendar = self.get_calendar(ics_url(self.briefing, "ics"))

        description = str(calendar.walk("VEVENT")[0]["DESCRIPTION"])
        self.assertIn("Министр бағдарламаның нәтижелері туралы айтады.", description)
        self.assertNotIn("<p>", description)
        self.assertIn("Айгүл Серікова, Баспасөз хатшысы", description)
        self.assertIn("https://youtube.example/live/abc", description)

    def test_uid_is_stable_and_differs_between_translations(self):
        ru = translate(self.briefing, "ru", title="Брифинг по цифровой программе")

        _, first = self.get_calendar(ics_url(self.briefing, "ics"))
        publish(self.briefing)
        _, again = self.get_calendar(ics_url(self.briefing, "ics"))
        _, russian = self.get_calendar(ics_url(ru, "ics"))

        uid = first.walk("VEVENT")[0]["UID"]
        self.assertEqual(uid, f"briefing-{self.briefing.translation_key}-kk@localhost")
        self.assertEqual(again.walk("VEVENT")[0]["UID"], uid)
        self.assertEqual(
            russian.walk("VEVENT")[0]["UID"],
            f"briefing-{self.briefing.translation_key}-ru@localhost",
        )
        self.assertEqual(russian["PRODID"], "-//Baspasoz//Press office//RU")
        self.assertEqual(russian.walk("VEVENT")[0]["URL"], ru.get_full_url())


class UpcomingCalendarTests(ICalTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        now = timezone.now()
        cls.past = BriefingPageFactory(
            parent=cls.index, slug="past", starts_at=now - datetime.timedelta(days=1)
        )
        cls.soon = BriefingPageFactory(
            parent=cls.index, slug="soon", starts_at=now + datetime.timedelta(days=1)
        )
        cls.draft = BriefingPageFactory(parent=cls.index, slug="draft", live=False)

    def test_calendar_holds_only_upcoming_live_events_soonest_first(self):
        response, calendar = self.get_calendar(ics_url(self.index, "ical"))

        self.assertEqual(response["Content-Disposition"], 'attachment; filename="briefings-kk.ics"')
        self.assertEqual(
            [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")],
            [self.soon.title, self.briefing.title],
        )
        self.assertEqual(calendar["X-WR-CALNAME"], "Брифингтер — Цифрлық даму министрлігі")
        self.assertEqual(calendar["X-WR-TIMEZONE"], "Asia/Almaty")
        self.assertEqual(calendar["REFRESH-INTERVAL"].dt, datetime.timedelta(hours=1))
        self.assertIn(b"X-PUBLISHED-TTL:PT1H", response.content)
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)

    def test_an_index_without_upcoming_events_gives_a_valid_empty_calendar(self):
        empty_index = translate(self.index, "en", title="Briefings")

        _, calendar = self.get_calendar(ics_url(empty_index, "ical"))

        self.assertEqual(calendar.walk("VEVENT"), [])
        self.assertEqual(calendar["PRODID"], "-//Baspasoz//Press office//EN")
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)

    def test_query_count_does_not_grow_with_the_number_of_events(self):
        url = ics_url(self.index, "ical")

        def count_queries(attempt):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url, {"attempt": attempt}).status_code, 200)
            return len(queries)

        count_queries("warm-up")
        before = count_queries("before")
        for n in range(3):
            briefing = BriefingPageFactory(parent=self.index, slug=f"more-{n}")
            BriefingSpeakerFactory(page=briefing)

        count_queries("warm-up again")  # routing caches refill after a change

        self.assertEqual(count_queries("after"), before)
