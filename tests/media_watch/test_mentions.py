"""Mentions: found in the title, the summary or only the article text; their tone, an officer's
correction kept through a new match; alerts once per story and only for the agency or an
official; canonical addresses that merge or join items after the article step."""

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import ModelLogEntry

import pytest

from media_watch.mentions import current_matcher
from media_watch.models import Item, Mention, Story, ToneCorrection
from media_watch.polling import poll
from media_watch.services import correct_tone
from media_watch.texts import extract_articles, wanted
from tests.media_watch.factories import OutletFactory, SourceFactory, WatchTermFactory
from tests.media_watch.feed_server import article_html, rss
from tests.media_watch.helpers import news
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

SCANDAL = "Скандал: в Министерстве просвещения выявили коррупцию при закупке учебников"
SCANDAL_TEXT = (
    "Проверка выявила грубые нарушения при закупке учебников. По делу о коррупции задержаны "
    "два чиновника Министерства просвещения, ущерб превысил миллиард тенге."
)


def feed_source(feed_server, path, items, *, outlet="A", **options):
    url = feed_server.add(path, rss(items, language="ru"))
    return SourceFactory(url=url, outlet=OutletFactory(name=outlet), language="ru", **options)


def html_page(feed_server, path, title, paragraphs, canonical=""):
    feed_server.add(
        path,
        article_html(title, paragraphs, canonical=canonical, lang="ru"),
        content_type="text/html; charset=utf-8",
    )


def test_a_negative_mention_of_the_agency_alerts_once_per_story(feed_server):
    WatchTermFactory(text="Министерство просвещения", kind="agency")
    member("heads", "head")
    first = feed_source(
        feed_server, "/a.xml", [news(feed_server.url("/a/1"), SCANDAL, SCANDAL_TEXT)]
    )
    result = poll(first)
    (mention,) = result.mentions
    assert mention.tone == "negative" and mention.reasons
    assert {hit["field"] for hit in mention.hits} >= {"title", "summary"}
    assert result.alerts == 1 and len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert SCANDAL in body and feed_server.url("/a/1") in body
    assert all(hit["matched"] in body for hit in mention.hits)
    assert all(reason in body for reason in mention.reasons)
    assert Story.objects.get(pk=mention.story_id).alerted_at is not None

    copy = feed_source(
        feed_server,
        "/b.xml",
        [news(feed_server.url("/b/1"), SCANDAL, SCANDAL_TEXT + " Подробности позже.")],
        outlet="B",
    )
    again = poll(copy)
    assert again.mentions[0].story_id == mention.story_id
    assert again.alerts == 0 and len(mail.outbox) == 1


def test_old_news_found_by_a_new_source_is_recorded_but_not_alerted(feed_server):
    WatchTermFactory(text="Министерство просвещения", kind="agency")
    member("heads", "head")
    source = feed_source(
        feed_server,
        "/old.xml",
        [news(feed_server.url("/old/1"), SCANDAL, SCANDAL_TEXT, hours_ago=72)],
    )
    result = poll(source)
    assert len(result.mentions) == 1 and result.alerts == 0 and not mail.outbox


def test_a_negative_topic_is_recorded_but_not_alerted(feed_server):
    WatchTermFactory(text="учебники", kind="topic")
    member("heads", "head")
    source = feed_source(
        feed_server, "/t.xml", [news(feed_server.url("/t/1"), SCANDAL, SCANDAL_TEXT)]
    )
    result = poll(source)
    assert len(result.mentions) == 1 and result.alerts == 0 and not mail.outbox
    assert Story.objects.get().alerted_at is None


def test_a_mention_only_in_the_article_text_is_found_after_the_article_step(feed_server):
    WatchTermFactory(text="Ахметов", kind="person")
    html_page(
        feed_server,
        "/p/1",
        "Итоги совещания",
        ["На совещании выступил вице-министр Ахметов и рассказал о планах на год."] * 3,
    )
    source = feed_source(
        feed_server,
        "/p.xml",
        [news(feed_server.url("/p/1"), "Итоги совещания в правительстве", "Обсудили планы.")],
        fetch_articles=True,
    )
    assert poll(source).mentions == []
    outcome = extract_articles(wanted(source.pk))
    (mention,) = outcome.mentions
    assert [hit["field"] for hit in mention.hits][0] == "text"
    assert mention.hits[0]["matched"] == "Ахметов"


def test_an_officers_tone_is_kept_beside_the_automatic_one(feed_server):
    WatchTermFactory(text="Министерство просвещения", kind="agency")
    officer = member("press_secretaries", "secretary")
    html_page(feed_server, "/c/1", SCANDAL, [SCANDAL_TEXT] * 3)
    source = feed_source(
        feed_server,
        "/c.xml",
        [news(feed_server.url("/c/1"), SCANDAL, SCANDAL_TEXT)],
        fetch_articles=True,
    )
    (mention,) = poll(source, alert=False).mentions
    correct_tone(mention, "neutral", officer, note="A quote of a court ruling, not an accusation.")
    correct_tone(mention, "positive", officer)
    extract_articles(wanted(source.pk), alert=False)
    mention.refresh_from_db()
    assert (mention.tone, mention.corrected_tone, mention.current_tone) == (
        "negative",
        "positive",
        "positive",
    )
    history = list(ToneCorrection.objects.order_by("pk").values_list("previous_tone", "tone"))
    assert history == [("negative", "neutral"), ("neutral", "positive")]
    logged = ModelLogEntry.objects.filter(action="media_watch.tone_corrected").order_by("pk")
    assert [(entry.object_id, entry.user, entry.data) for entry in logged] == [
        (
            str(mention.story_id),
            officer,
            {"mention": mention.pk, "from": "negative", "to": "neutral"},
        ),
        (
            str(mention.story_id),
            officer,
            {"mention": mention.pk, "from": "neutral", "to": "positive"},
        ),
    ]
    with pytest.raises(ValidationError, match="negative, neutral or positive"):
        correct_tone(mention, "furious", officer)
    with pytest.raises(PermissionDenied):
        correct_tone(mention, "neutral", member("editors", "editor"))
    assert ToneCorrection.objects.count() == 2


def test_canonical_addresses_merge_a_duplicate_and_join_the_original_story(feed_server):
    html_page(
        feed_server,
        "/m/1",
        "Новая программа",
        ["Текст о новой программе для школ."] * 4,
        canonical="/m/1",
    )
    html_page(
        feed_server,
        "/m/1-amp",
        "Новая программа",
        ["Текст о новой программе для школ."] * 4,
        canonical=feed_server.url("/m/1"),
    )
    html_page(
        feed_server,
        "/partner/9",
        "Перепечатка",
        ["Совсем другой пересказ той же новости о школах."] * 4,
        canonical="https://original.example/news/1",
    )
    own = feed_source(
        feed_server,
        "/m.xml",
        [
            news(feed_server.url("/m/1"), "Новая программа для сельских школ страны"),
            news(feed_server.url("/m/1-amp"), "Новая программа для школ: подробности"),
        ],
        fetch_articles=True,
    )
    poll(own)
    partner = feed_source(
        feed_server,
        "/partner.xml",
        [news(feed_server.url("/partner/9"), "Перепечатка: школы получат деньги")],
        outlet="Partner",
        fetch_articles=True,
    )
    poll(partner)
    original = Item.objects.create(
        canonical_url="https://original.example/news/1",
        url="https://original.example/news/1",
        title="Оригинал",
        published_at=Item.objects.first().published_at,
        language="ru",
        outlet=OutletFactory(name="Original"),
        story=Story.objects.create(
            title="Оригинал", language="ru", published_at=Item.objects.first().published_at
        ),
    )
    outcome = extract_articles(wanted())
    assert outcome.merged == 1
    assert not Item.objects.filter(url=feed_server.url("/m/1-amp")).exists()
    reprint = Item.objects.get(url=feed_server.url("/partner/9"))
    assert reprint.story_id == original.story_id
    assert reprint.canonical_url == feed_server.url("/partner/9")
    story = Story.objects.get(pk=original.story_id)
    assert (story.item_count, story.outlet_count) == (2, 2)
    assert not Story.objects.filter(items__isnull=True).exists()


def test_the_matcher_is_built_again_when_the_terms_change():
    term = WatchTermFactory(text="Министерство просвещения")
    first = current_matcher()
    assert current_matcher() is first
    term.active = False
    term.save()
    second = current_matcher()
    assert second is not first
    assert second.find("Министерство просвещения сообщило", "ru") == []
    assert Mention.objects.count() == 0
