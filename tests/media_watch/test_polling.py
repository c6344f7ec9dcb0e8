"""Polling sources over real HTTP: items stored once, conditional requests, health and backoff,
copies joined into stories, languages, the article step, sitemaps and the jobs."""

import datetime
import itertools
import random
import statistics

from django.utils import timezone

import pytest

from agency.models import QueuedJob
from media_watch import jobs
from media_watch.ingest import _insert
from media_watch.models import Item, Source, Story
from media_watch.polling import PollOutcome, poll, poll_interval
from media_watch.texts import extract_articles, wanted
from tests.media_watch.factories import OutletFactory, SourceFactory
from tests.media_watch.feed_server import article_html, atom, news_sitemap, rss
from tests.media_watch.helpers import news

pytestmark = pytest.mark.django_db

TITLE = "Министерство просвещения объявило о новой программе для сельских школ"
SUMMARY = (
    "В 2026 году программа охватит более трёхсот школ в пяти областях. Министр сообщил, что "
    "финансирование выделено из республиканского бюджета, а первые классы откроются в сентябре."
)


def source_at(feed_server, path, body, *, outlet="Outlet A", language="ru", **options):
    route = {k: options.pop(k) for k in ("etag", "last_modified", "status") if k in options}
    url = feed_server.add(path, body, **route)
    return SourceFactory(url=url, outlet=OutletFactory(name=outlet), language=language, **options)


def test_a_poll_stores_new_items_once_and_then_asks_only_for_changes(feed_server):
    link = feed_server.url("/news/1?utm_source=rss&utm_medium=feed")
    items = [news(link, TITLE, SUMMARY), news(feed_server.url("/news/2"), "Вторая новость дня")]
    source = source_at(feed_server, "/rss.xml", rss(items, language="ru"), etag='"v1"')

    first = poll(source)
    assert first.outcome == PollOutcome.FETCHED and len(first.new_items) == 2
    stored = Item.objects.get(url=link)
    assert stored.canonical_url == feed_server.url("/news/1")
    assert stored.title == TITLE and stored.language == "ru"
    assert stored.outlet == source.outlet and stored.source == source
    source.refresh_from_db()
    assert source.health == Source.Health.OK and source.etag == '"v1"'
    assert source.last_new_items == 2
    assert source.next_attempt_at - source.last_fetched_at == datetime.timedelta(minutes=3)

    second = poll(source)
    assert second.outcome == PollOutcome.NOT_MODIFIED and not second.new_items
    assert feed_server.last_headers["/rss.xml"]["If-None-Match"] == '"v1"'

    items.append(news(feed_server.url("/news/3"), "Третья новость дня"))
    items.append(news(feed_server.url("/news/1?utm_campaign=again"), TITLE, SUMMARY))
    feed_server.add("/rss.xml", rss(items, language="ru"), etag='"v2"')
    third = poll(source)
    assert [item.title for item in third.new_items] == ["Третья новость дня"]
    assert Item.objects.count() == 3


def test_a_failing_source_backs_off_turns_unhealthy_and_recovers(feed_server, settings):
    settings.MONITOR_FETCH_RETRIES = 0
    settings.MONITOR_UNHEALTHY_AFTER = 3
    source = source_at(feed_server, "/down.xml", "", status=500)
    waits, states = [], []
    for _attempt in range(3):
        result = poll(source)
        assert result.outcome == PollOutcome.FAILED and "500" in result.error
        source.refresh_from_db()
        waits.append(source.next_attempt_at - source.last_fetched_at)
        states.append(source.health)
    assert [wait.total_seconds() / 60 for wait in waits] == [3, 6, 12]
    assert states == ["failing", "failing", "unhealthy"]
    assert source.consecutive_failures == 3 and "500" in source.last_error

    feed_server.add("/down.xml", rss([news(feed_server.url("/n/1"), TITLE)]))
    assert poll(source).ok
    source.refresh_from_db()
    assert (source.health, source.consecutive_failures, source.last_error) == ("ok", 0, "")


def test_a_page_that_is_no_feed_fails_the_source(feed_server):
    source = source_at(feed_server, "/page.html", "<html><body>Hello</body></html>")
    result = poll(source)
    assert result.outcome == PollOutcome.FAILED
    source.refresh_from_db()
    assert source.health == "failing" and "neither a feed nor a sitemap" in source.last_error


def test_syndicated_copies_on_other_outlets_join_one_story(feed_server):
    original = source_at(
        feed_server, "/a.xml", rss([news(feed_server.url("/a/1"), TITLE, SUMMARY)]), outlet="A"
    )
    copy = source_at(
        feed_server,
        "/b.xml",
        rss(
            [
                news(feed_server.url("/b/77"), TITLE + ".", SUMMARY + " Подробнее читайте у нас."),
                news(feed_server.url("/b/78"), "Погода: в Астане ожидается сильный ветер и снег"),
            ]
        ),
        outlet="B",
    )
    retold = source_at(
        feed_server,
        "/c.xml",
        rss([news(feed_server.url("/c/5"), "В сёлах откроют новые школы", SUMMARY)]),
        outlet="C",
    )
    for source in (original, copy, retold):
        assert poll(source).ok
    story = Item.objects.get(url=feed_server.url("/a/1")).story
    assert set(story.items.values_list("url", flat=True)) == {
        feed_server.url("/a/1"),
        feed_server.url("/b/77"),
        feed_server.url("/c/5"),
    }
    assert (story.item_count, story.outlet_count) == (3, 3)
    assert [outlet.name for outlet in story.outlets()] == ["A", "B", "C"]
    assert Story.objects.count() == 2


def test_items_whose_feed_gives_no_language_are_detected(feed_server):
    body = atom(
        [
            news(
                feed_server.url("/kk/1"),
                "Министрлік ауыл мектептеріне арналған жаңа бағдарламаны жариялады",
            ),
            news(
                feed_server.url("/ru/1"), "Министерство объявило новую программу для сельских школ"
            ),
        ]
    )
    source = source_at(feed_server, "/atom.xml", body, language="ru")
    poll(source)
    languages = dict(Item.objects.values_list("url", "language"))
    assert languages == {feed_server.url("/kk/1"): "kk", feed_server.url("/ru/1"): "ru"}


def test_a_concurrent_worker_storing_the_same_address_wins_without_an_error():
    source = SourceFactory()
    story = Story.objects.create(title="T", language="ru", published_at=timezone.now())

    def item(address):
        return Item(
            canonical_url=address,
            url=address,
            title="T",
            published_at=timezone.now(),
            language="ru",
            source=source,
            outlet=source.outlet,
            story=story,
        )

    _insert([item("https://x.kz/1")])
    created = _insert([item("https://x.kz/1"), item("https://x.kz/2")])
    assert [i.canonical_url for i in created] == ["https://x.kz/2"]
    assert Item.objects.count() == 2


def test_the_article_step_reads_the_page_text_and_canonical_address(feed_server):
    paragraphs = [
        "Вице-министр рассказал о ходе работ на объектах образования в регионах страны.",
        "По его словам, строительство новых корпусов завершится до конца года.",
    ] * 3
    feed_server.add(
        "/article/1",
        article_html("Ход работ", paragraphs, canonical="/article/1", lang="ru"),
        content_type="text/html; charset=utf-8",
    )
    feed_server.add("/article/2", "", status=404)
    body = rss(
        [
            news(feed_server.url("/article/1?from=rss"), "Ход работ на объектах образования"),
            news(feed_server.url("/article/2"), "Страница, которой нет"),
        ],
        language="ru",
    )
    source = source_at(feed_server, "/with-articles.xml", body, fetch_articles=True)
    result = poll(source)
    assert result.wants_articles
    assert wanted(source.pk).count() == 2
    outcome = extract_articles(wanted(source.pk))
    assert (outcome.extracted, outcome.failed) == (1, 1)
    page = Item.objects.get(url=feed_server.url("/article/1?from=rss"))
    assert page.text_state == Item.Text.EXTRACTED
    assert "строительство новых корпусов" in page.text and "All rights" not in page.text
    assert page.canonical_url == feed_server.url("/article/1")
    assert Item.objects.get(url=feed_server.url("/article/2")).text_state == Item.Text.FAILED
    assert not wanted(source.pk).exists()


def test_a_sitemap_source_and_pages_that_give_the_missing_titles(feed_server):
    now = timezone.now()
    feed_server.add(
        "/kk/zhana-bagdarlama",
        article_html(
            "Жаңа бағдарлама жарияланды",
            ["Министрлік ауыл мектептеріне арналған жаңа бағдарламаны жариялады."] * 3,
            lang="kk",
        ),
        content_type="text/html; charset=utf-8",
    )
    body = news_sitemap(
        [
            {
                "title": "Министрлік жаңа бағдарлама жариялады",
                "link": feed_server.url("/kk/1"),
                "published": now,
            },
            {"link": feed_server.url("/kk/zhana-bagdarlama"), "published": now},
        ]
    )
    source = source_at(feed_server, "/sitemap.xml", body, language="kk", kind="feed")
    result = poll(source)
    source.refresh_from_db()
    assert result.ok and source.kind == Source.Kind.SITEMAP
    untitled = Item.objects.get(url=feed_server.url("/kk/zhana-bagdarlama"))
    assert untitled.title == "zhana bagdarlama" and untitled.text_state == Item.Text.WANTED
    assert Item.objects.get(url=feed_server.url("/kk/1")).text_state == Item.Text.FEED
    extract_articles(wanted(source.pk))
    untitled.refresh_from_db()
    assert untitled.title == "Жаңа бағдарлама жарияланды"
    assert untitled.story.title == "Жаңа бағдарлама жарияланды"


def test_the_minute_job_queues_each_due_source_once(feed_server):
    due = source_at(feed_server, "/due.xml", rss([news(feed_server.url("/d/1"), TITLE)]))
    later = SourceFactory(next_attempt_at=timezone.now() + datetime.timedelta(minutes=2))
    SourceFactory(active=False)
    assert jobs.poll_due_sources() == 1
    assert jobs.poll_due_sources() == 0
    (job,) = QueuedJob.objects.filter(func="media_watch.jobs.poll_source")
    assert job.args == [due.pk]
    assert later.pk not in job.args

    outcome = jobs.poll_source(due.pk)
    assert outcome["outcome"] == "fetched" and outcome["new_items"] == 1
    assert jobs.poll_source(later.pk + 1000) == {"source": later.pk + 1000, "outcome": "inactive"}


def test_a_source_is_polled_on_the_tick_its_interval_ends_even_when_that_tick_runs_early(settings):
    """django-q2 runs the minute schedule up to 30 s late; a source polled late on one tick is
    still due on the tick its interval ends on, so alerts never wait a minute more."""
    settings.MONITOR_POLL_MINUTES = 3
    tick = timezone.now()
    polled_late = tick + datetime.timedelta(seconds=29)
    source = SourceFactory(next_attempt_at=polled_late + datetime.timedelta(minutes=3))
    assert list(jobs.due_sources(tick + datetime.timedelta(minutes=3))) == [source]
    assert not jobs.due_sources(tick + datetime.timedelta(minutes=2))


def test_polls_keep_the_interval_whatever_the_schedules_delay():
    """Ticks run 0 to 30 s after each minute (django-q2 looks every 30 s) and each poll starts a
    second after its tick: a source's polls stay about 3 minutes apart, never more than 3.5 (an
    alert's wait for the poll) and never less than 2."""
    source = SourceFactory(next_attempt_at=None)
    rng = random.Random(37)  # noqa: S311 (reproducible test data)
    start = timezone.now()
    polls = []
    for minute in range(120):
        tick = start + datetime.timedelta(
            minutes=minute, seconds=rng.choice([0, 29, rng.uniform(0, 30)])
        )
        if jobs.due_sources(tick).filter(pk=source.pk).exists():
            polls.append(tick)
            Source.objects.filter(pk=source.pk).update(
                next_attempt_at=tick + datetime.timedelta(seconds=1) + poll_interval()
            )
    gaps = [(later - earlier).total_seconds() for earlier, later in itertools.pairwise(polls)]
    assert max(gaps) <= 3.5 * 60
    assert min(gaps) >= 2 * 60
    assert 2.5 * 60 <= statistics.mean(gaps) <= 3 * 60
