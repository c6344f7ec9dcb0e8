"""The command line end to end against the local feed server: terms and sources added,
``monitor_run`` over working and failing sources, ``monitor_mentions`` and the alert once per
story."""

import datetime
import io
import json

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from media_watch.models import Mention, WatchTerm
from tests.media_watch.feed_server import rss
from tests.media_watch.helpers import news
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

NEGATIVE_TITLE = "Скандал в Министерстве просвещения: коррупция при закупке учебников"
NEGATIVE_SUMMARY = (
    "Проверка выявила нарушения при закупке учебников для школ. Министерство просвещения "
    "отказалось от комментариев; по делу о коррупции задержаны два чиновника."
)


def run(*args) -> tuple[int, object]:
    """``(exit status, parsed JSON output)`` of ``manage.py *args``."""
    out = io.StringIO()
    try:
        call_command(*args, stdout=out)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, json.loads(out.getvalue())


def test_monitor_term_adds_a_term_once_whatever_its_case():
    status, added = run(
        "monitor_term", "add", "Министерство просвещения", "--lang", "ru", "--kind", "agency"
    )
    assert status == 0
    assert added == {
        "id": added["id"],
        "text": "Министерство просвещения",
        "lang": "ru",
        "kind": "agency",
        "active": True,
        "created": True,
    }
    _status, again = run("monitor_term", "add", "  министерство   ПРОСВЕЩЕНИЯ ", "--lang", "ru")
    assert again["id"] == added["id"] and again["created"] is False
    _status, kazakh = run("monitor_term", "add", "Оқу-ағарту министрлігі", "--lang", "kk")
    assert kazakh["created"] and kazakh["kind"] == "topic"
    assert WatchTerm.objects.count() == 2
    with pytest.raises(CommandError):
        run("monitor_term", "add", "   ", "--lang", "ru")


def test_monitor_source_adds_and_lists_sources(feed_server):
    url = feed_server.url("/rss.xml")
    status, added = run("monitor_source", "add", url, "--lang", "ru", "--name", "Vlast.kz")
    assert status == 0 and added["created"] and added["outlet"] == "Vlast.kz"
    assert added["health"] == "new" and added["kind"] == "feed"
    _status, unnamed = run(
        "monitor_source", "add", "https://www.tengrinews.kz/rss/", "--lang", "kk"
    )
    assert unnamed["outlet"] == "tengrinews.kz"
    _status, again = run("monitor_source", "add", url, "--lang", "ru")
    assert again["id"] == added["id"] and not again["created"]
    _status, listed = run("monitor_source", "list", "--format", "json")
    assert [source["url"] for source in listed] == [url, "https://www.tengrinews.kz/rss/"]
    for bad in ("ftp://example.kz/feed", "not an address", "javascript:alert(1)"):
        with pytest.raises(CommandError, match="not a web address"):
            run("monitor_source", "add", bad, "--lang", "ru")


def test_monitor_run_processes_every_source_and_exits_1_when_one_failed(feed_server, settings):
    settings.MONITOR_FETCH_RETRIES = 0
    heads = member("heads", "head")
    secretary = member("press_secretaries", "secretary")
    run("monitor_term", "add", "Министерство просвещения", "--lang", "ru", "--kind", "agency")
    first = feed_server.url("/a/1?utm_source=rss")
    feed_server.add("/a.xml", rss([news(first, NEGATIVE_TITLE, NEGATIVE_SUMMARY)], language="ru"))
    feed_server.add(
        "/b.xml",
        rss(
            [
                news(feed_server.url("/b/9"), NEGATIVE_TITLE, NEGATIVE_SUMMARY + " Фото: архив."),
                news(feed_server.url("/b/10"), "Погода: в Астане ожидается сильный ветер"),
            ],
            language="ru",
        ),
    )
    feed_server.add("/down.xml", "", status=500)
    for path, name in (("/a.xml", "A"), ("/b.xml", "B"), ("/down.xml", "Down")):
        run("monitor_source", "add", feed_server.url(path), "--lang", "ru", "--name", name)

    status, summary = run("monitor_run")
    assert status == 1
    assert (summary["sources"], summary["fetched"], summary["failed"]) == (3, 2, 1)
    assert summary["new_items"] == 3 and summary["mentions"] == 2 and summary["alerts"] == 1
    assert summary["errors"][0]["url"] == feed_server.url("/down.xml")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([heads.email, secretary.email])
    assert NEGATIVE_TITLE in mail.outbox[0].subject

    _status, found = run("monitor_mentions", "--format", "json")
    assert len(found) == 2
    by_outlet = {row["outlet"]: row for row in found}
    assert by_outlet["A"]["url"] == first
    assert by_outlet["A"]["story"] == by_outlet["B"]["story"]
    assert by_outlet["A"]["terms"] == ["Министерство просвещения"]
    assert by_outlet["A"]["tone"] == "negative" and by_outlet["A"]["reasons"]
    assert all(row["alerted"] for row in found)
    assert set(by_outlet["A"]) == {
        "url",
        "outlet",
        "lang",
        "title",
        "published",
        "terms",
        "tone",
        "reasons",
        "story",
        "alerted",
    }
    assert by_outlet["A"]["published"].endswith("+05:00")

    feed_server.add("/down.xml", rss([], language="ru"))
    mail.outbox.clear()
    status, summary = run("monitor_run")
    assert status == 0 and summary["failed"] == 0 and summary["new_items"] == 0
    assert not mail.outbox


def test_monitor_mentions_since(feed_server):
    run("monitor_term", "add", "Министерство просвещения", "--lang", "ru")
    feed_server.add(
        "/feed.xml",
        rss(
            [
                news(
                    feed_server.url("/old"), "Министерство просвещения подвело итоги", hours_ago=48
                ),
                news(
                    feed_server.url("/new"), "Министерство просвещения открыло школу", hours_ago=1
                ),
            ],
            language="ru",
        ),
    )
    run("monitor_source", "add", feed_server.url("/feed.xml"), "--lang", "ru")
    run("monitor_run")
    assert Mention.objects.count() == 2
    _status, recent = run("monitor_mentions", "--since", "2000-01-01")
    assert len(recent) == 2
    since = (timezone.localtime() - datetime.timedelta(hours=24)).replace(tzinfo=None).isoformat()
    _status, recent = run("monitor_mentions", "--since", since)
    assert [row["url"] for row in recent] == [feed_server.url("/new")]
    with pytest.raises(CommandError, match="ISO 8601"):
        run("monitor_mentions", "--since", "yesterday")
