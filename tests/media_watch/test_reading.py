"""Reading feeds, sitemaps and article pages, canonical addresses, languages and the
fingerprints of copies: no database, no network."""

import datetime
import zoneinfo

import pytest

from media_watch.fetching import articles, feeds, language
from media_watch.fetching.urls import NotWebAddress, canonical_url
from media_watch.fingerprints import fingerprint, same_story, similarity
from tests.media_watch.feed_server import article_html, atom, news_sitemap, rss

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
UTC_NOON = datetime.datetime(2026, 5, 4, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "HTTPS://WWW.Example.KZ:443/news/1?utm_source=tg&utm_medium=x&id=5&fbclid=abc#comments",
            "https://www.example.kz/news/1?id=5",
        ),
        ("http://example.kz", "http://example.kz/"),
        ("http://example.kz:8080/a?b=2&a=1", "http://example.kz:8080/a?a=1&b=2"),
        ("https://example.kz/a?gclid=1&yclid=2&_openstat=3", "https://example.kz/a"),
        (
            "https://қазақ.kz/жаңалық",
            "https://xn--80aau21bd.kz/%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B",
        ),
        (
            "https://x.kz/%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B",
            "https://x.kz/%D0%B6%D0%B0%D2%A3%D0%B0%D0%BB%D1%8B%D2%9B",
        ),
        ("https://x.kz/a b", "https://x.kz/a%20b"),
    ],
)
def test_canonical_addresses(given, canonical):
    assert canonical_url(given) == canonical


@pytest.mark.parametrize(
    "given", ["", "ftp://example.kz/a", "mailto:a@b.kz", "/relative", "http://"]
)
def test_what_is_not_a_web_address(given):
    with pytest.raises(NotWebAddress):
        canonical_url(given)


def test_an_rss_feed_gives_plain_text_almaty_times_and_its_language():
    body = rss(
        [
            {
                "title": "Министр &amp; <b>школы</b>",
                "link": "https://outlet.kz/news/1?utm_source=rss",
                "summary": "<p>Первый абзац.</p><script>alert(1)</script><p>Второй &laquo;абзац&raquo;.</p>",
                "published": UTC_NOON,
            }
        ],
        language="ru-RU",
    )
    document = feeds.parse(body.encode(), "https://outlet.kz/rss")
    assert document.kind == "feed"
    (entry,) = document.entries
    assert entry.title == "Министр & школы"
    assert entry.summary == "Первый абзац. Второй «абзац»."
    assert entry.url == "https://outlet.kz/news/1?utm_source=rss"
    assert entry.published == datetime.datetime(2026, 5, 4, 17, 0, tzinfo=ALMATY)
    assert entry.published.utcoffset() == datetime.timedelta(hours=5)
    assert entry.language == "ru"


def test_an_atom_feed_without_a_language():
    body = atom(
        [{"title": "Жаңа мектеп ашылды", "link": "https://kk.example/1", "published": UTC_NOON}]
    )
    (entry,) = feeds.parse(body.encode(), "https://kk.example/atom").entries
    assert entry.language == ""
    assert entry.published.hour == 17


def test_a_news_sitemap_and_a_sitemap_index():
    body = news_sitemap(
        [
            {
                "title": "Министрлік жаңа бағдарлама жариялады",
                "link": "https://kk.example/a",
                "published": UTC_NOON,
            },
            {"link": "https://kk.example/news/zhana-bagdarlama.html", "published": UTC_NOON},
        ]
    )
    document = feeds.parse(body.encode(), "https://kk.example/sitemap.xml")
    assert document.kind == "sitemap"
    first, second = document.entries
    assert (first.title, first.language) == ("Министрлік жаңа бағдарлама жариялады", "kk")
    assert second.title == "" and second.published.tzinfo is not None
    assert feeds.title_from_address(second.url) == "zhana bagdarlama"
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>/old.xml</loc><lastmod>2026-01-01</lastmod></sitemap>"
        "<sitemap><loc>/new.xml</loc><lastmod>2026-05-01</lastmod></sitemap></sitemapindex>"
    )
    listed = feeds.parse(index.encode(), "https://kk.example/index.xml")
    assert listed.sitemaps == ["https://kk.example/new.xml", "https://kk.example/old.xml"]


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>Not a feed</body></html>",
        b"",
        b"<?xml version='1.0'?><urlset><url><loc>x</url>",
    ],
)
def test_what_is_neither_a_feed_nor_a_sitemap(body):
    with pytest.raises(feeds.UnreadableDocument):
        feeds.parse(body, "https://outlet.kz/feed")


def test_a_sitemap_does_not_expand_entities():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://outlet.kz/&e;</loc></url></urlset>"
    )
    document = feeds.parse(body, "https://outlet.kz/sitemap.xml")
    assert all("root:" not in entry.url for entry in document.entries)


def test_an_article_page_gives_its_text_and_canonical_address():
    paragraphs = ["Министерство просвещения объявило о новой программе для сельских школ."] * 4
    page = article_html(
        "Новая программа", paragraphs, canonical="/news/1?utm_campaign=x", lang="ru"
    ).encode()
    article = articles.extract(page, "https://outlet.kz/news/1?from=rss")
    assert "сельских школ" in article.text
    assert "All rights reserved" not in article.text and "Sport" not in article.text
    assert article.canonical == "https://outlet.kz/news/1"
    assert article.language == "ru"


def test_a_page_without_text_gives_nothing():
    assert articles.extract(b"<html><body><img src='a.png'></body></html>", "https://x.kz/") is None
    assert articles.extract(b"\x00\x01binary", "https://x.kz/") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Министрлік жаңа бағдарламаны жариялады, мектептерге қаражат бөлінеді", "kk"),
        ("Министерство объявило новую программу, школы получат финансирование", "ru"),
        ("The ministry announced a new programme for rural schools", "en"),
        ("12345 !!!", ""),
    ],
)
def test_the_language_of_a_text(text, code):
    assert language.detect(text) == code
    assert language.detect_many([text]) == [code]


@pytest.mark.parametrize(
    ("declared", "code"),
    [("kk-KZ", "kk"), ("ru_RU", "ru"), ("KAZ", "kk"), ("en-us", "en"), ("de", ""), (None, "")],
)
def test_declared_languages(declared, code):
    assert language.declared(declared) == code


TITLE = "Министерство просвещения объявило о новой программе для сельских школ"
SUMMARY = (
    "В 2026 году программа охватит более трёхсот школ в пяти областях. Министр сообщил, что "
    "финансирование выделено из республиканского бюджета, а первые классы откроются в сентябре."
)


def test_copies_of_one_story_are_the_same_story():
    original = fingerprint(TITLE, SUMMARY)
    copy = fingerprint(TITLE.upper() + "!", SUMMARY.replace("ё", "е"))
    retitled = fingerprint("Новая программа для сельских школ", SUMMARY + " Подробнее на сайте.")
    assert same_story(copy, original.title_key, original.sketch)
    assert similarity(retitled.sketch, original.sketch) >= 0.4
    assert same_story(retitled, original.title_key, original.sketch)
    assert set(retitled.keys) & set(original.keys)


def test_different_news_are_different_stories():
    original = fingerprint(TITLE, SUMMARY)
    other = fingerprint(
        "Министерство просвещения подвело итоги учебного года",
        "Министр сообщил, что выпускников стало больше, а результаты экзаменов выросли.",
    )
    assert not same_story(other, original.title_key, original.sketch)
    short = fingerprint("Новости", "")
    assert short.title_key == ""
