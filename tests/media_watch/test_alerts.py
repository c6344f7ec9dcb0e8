"""Alerts beyond the first e-mail: the Telegram message through the Bot API (a local stand-in,
real HTTP), the quiet hours and the alerts held through them, an officer's negative tone, and
the daily digest."""

import datetime

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

import pytest

from agency.models import QueuedJob
from agency.queue import run_queued
from media_watch import alerts, digest, jobs, telegram
from media_watch.models import Story
from media_watch.polling import poll
from media_watch.services import correct_tone
from tests.media_watch.bot_api import FakeBotAPI
from tests.media_watch.factories import OutletFactory, SourceFactory, WatchTermFactory
from tests.media_watch.feed_server import rss
from tests.media_watch.helpers import news
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

SCANDAL = "Скандал: в Министерстве просвещения выявили коррупцию при закупке учебников"
SCANDAL_TEXT = "По делу о коррупции задержаны два чиновника Министерства просвещения."
PRAISE = "Министерство просвещения открыло сто новых школ: это большой успех"


@pytest.fixture
def bot_api(settings):
    api = FakeBotAPI()
    settings.MONITOR_TELEGRAM_API_URL = api.url
    settings.MONITOR_TELEGRAM_BOT_TOKEN = api.token
    settings.MONITOR_TELEGRAM_CHAT_ID = "-100200300"
    yield api
    api.stop()


@pytest.fixture
def watched(feed_server):
    WatchTermFactory(text="Министерство просвещения", kind="agency")
    prefer_english(member("heads", "head"), member("press_secretaries", "secretary"))

    def source(path, items, outlet="A"):
        url = feed_server.add(path, rss(items, language="ru"))
        return SourceFactory(url=url, outlet=OutletFactory(name=outlet), language="ru")

    return source


def local(hour: int, minute: int = 0) -> datetime.datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time(hour, minute)))


def test_the_alert_goes_to_telegram_through_the_bot_api(feed_server, watched, bot_api):
    source = watched("/a.xml", [news(feed_server.url("/a/1"), SCANDAL, SCANDAL_TEXT)])
    assert poll(source).alerts == 1
    (job,) = QueuedJob.objects.filter(func="media_watch.jobs.send_telegram_alert")
    assert run_queued(job.pk) is True
    (message,) = bot_api.messages
    assert message["chat_id"] == "-100200300"
    assert SCANDAL in message["text"] and feed_server.url("/a/1") in message["text"]
    assert message["disable_web_page_preview"] is True


def test_a_refused_bot_token_is_reported(bot_api, settings):
    settings.MONITOR_TELEGRAM_BOT_TOKEN = "999:WRONG"
    with pytest.raises(telegram.TelegramError, match="Unauthorized"):
        telegram.send_message("test")
    assert bot_api.messages == []


def test_without_a_bot_no_telegram_job_is_queued(feed_server, watched):
    source = watched("/a.xml", [news(feed_server.url("/a/1"), SCANDAL, SCANDAL_TEXT)])
    assert poll(source).alerts == 1 and len(mail.outbox) == 2
    assert not QueuedJob.objects.filter(func="media_watch.jobs.send_telegram_alert").exists()


@pytest.mark.parametrize(
    ("hours", "moment", "quiet"),
    [
        ("22:00-07:00", (23, 30), True),
        ("22:00-07:00", (6, 59), True),
        ("22:00-07:00", (7, 0), False),
        ("22:00-07:00", (12, 0), False),
        ("13:00-14:00", (13, 30), True),
        ("13:00-14:00", (14, 30), False),
        ("", (3, 0), False),
    ],
)
def test_quiet_hours(settings, hours, moment, quiet):
    settings.MONITOR_QUIET_HOURS = hours
    assert alerts.is_quiet(local(*moment)) is quiet


def test_a_malformed_quiet_hours_setting_is_refused(settings):
    settings.MONITOR_QUIET_HOURS = "late evening"
    with pytest.raises(ImproperlyConfigured, match="22:00-07:00"):
        alerts.is_quiet()


def test_an_alert_found_in_the_quiet_hours_waits_for_them_to_end(feed_server, watched, settings):
    source = watched("/a.xml", [news(feed_server.url("/a/1"), SCANDAL, SCANDAL_TEXT)])
    settings.MONITOR_QUIET_HOURS = "00:00-23:59"
    assert poll(source).alerts == 0 and not mail.outbox
    assert jobs.send_held_alerts() == 0
    settings.MONITOR_QUIET_HOURS = ""
    assert jobs.send_held_alerts() == 1 and len(mail.outbox) == 2
    assert jobs.send_held_alerts() == 0 and len(mail.outbox) == 2


def test_an_officers_negative_tone_alerts_and_a_neutral_one_does_not(feed_server, watched):
    officer = member("press_secretaries", "secretary")
    source = watched(
        "/a.xml",
        [
            news(feed_server.url("/a/1"), PRAISE),
            news(feed_server.url("/a/2"), SCANDAL, SCANDAL_TEXT),
        ],
    )
    result = poll(source, alert=False)
    praise, scandal = sorted(result.mentions, key=lambda m: m.item.url)
    assert praise.tone != "negative" and scandal.tone == "negative"
    correct_tone(scandal, "neutral", officer)
    correct_tone(praise, "negative", officer)
    assert jobs.send_held_alerts() == 1
    assert Story.objects.get(pk=praise.story_id).alerted_at is not None
    assert Story.objects.get(pk=scandal.story_id).alerted_at is None
    assert PRAISE in mail.outbox[0].subject


def test_the_daily_digest_counts_the_days_mentions_by_tone(feed_server, watched):
    source = watched(
        "/a.xml",
        [
            news(feed_server.url("/a/1"), PRAISE),
            news(feed_server.url("/a/2"), SCANDAL, SCANDAL_TEXT),
        ],
    )
    poll(source)
    mail.outbox.clear()
    assert jobs.send_daily_digest() == 2
    assert jobs.send_daily_digest() is None and len(mail.outbox) == 2
    message = mail.outbox[0]
    assert "2 mentions" in message.subject
    assert SCANDAL in message.body and PRAISE in message.body
    assert "Negative: 1" in message.body
    mail.outbox.clear()
    tomorrow = timezone.now() + datetime.timedelta(days=2)
    assert alerts.recipients().count() == 2
    assert digest.send_daily_digest(tomorrow) == 0 and not mail.outbox
