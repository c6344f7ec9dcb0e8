"""Time the media watch's ingestion: 200 sources with 50 new items each from a local feed server.

Run: ``.venv/bin/python bench/media_watch_ingest.py [--sources 200] [--items 50] [--terms 300]
[--articles 300] [--profile]``

Migrates a temporary SQLite file (or the PostgreSQL database of ``DATABASE_URL``, whose name must
start with ``test_`` or ``bench``: it is dropped and created again), adds the watch terms and the
sources, and serves each source's RSS feed (titles and teasers in Kazakh and Russian, some of
them copies of another outlet's story, some naming a term) from a feed server on 127.0.0.1, with
no pause between requests to one host. It then times one poll of every source, one after the
other, as ``manage.py monitor_run`` does: fetch, read, store, join stories, match, score
(budget: under 60 s for 10,000 items on SQLite), and separately the article step for
``--articles`` items (fetch each page, extract its text with trafilatura, match again). Prints
both rates in items per second. Figures depend on the machine and its load; it is never a test.
"""

import argparse
import cProfile
import datetime
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

import harness

BASE_DIR = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 60

RU_WORDS = [
    "министерство",
    "правительство",
    "область",
    "город",
    "школа",
    "больница",
    "дорога",
    "программа",
    "бюджет",
    "проект",
    "развитие",
    "жители",
    "решение",
    "вопрос",
    "закон",
    "работа",
    "строительство",
    "ремонт",
    "заседание",
    "совет",
    "финансирование",
    "граждане",
    "услуги",
    "реформа",
    "результат",
    "итоги",
    "планы",
    "неделя",
    "сообщил",
    "заявил",
    "объявил",
    "провёл",
    "открыл",
    "рассказал",
    "представил",
    "обсудил",
    "утвердил",
    "новый",
    "важный",
    "главный",
]
KK_WORDS = [
    "министрлік",
    "үкімет",
    "облыс",
    "қала",
    "мектеп",
    "аурухана",
    "жол",
    "бағдарлама",
    "бюджет",
    "жоба",
    "даму",
    "тұрғындар",
    "шешім",
    "мәселе",
    "заң",
    "жұмыс",
    "құрылыс",
    "жөндеу",
    "отырыс",
    "кеңес",
    "қаржыландыру",
    "азаматтар",
    "қызмет",
    "реформа",
    "нәтиже",
    "жоспар",
    "апта",
    "хабарлады",
    "мәлімдеді",
    "жариялады",
    "өткізді",
    "ашты",
    "айтты",
    "таныстырды",
    "талқылады",
    "бекітті",
    "жаңа",
    "маңызды",
    "басты",
]
RU_TONE = ["скандал", "коррупция", "провал", "успех", "критика", "достижение"]
KK_TONE = ["жанжал", "сыбайлас жемқорлық", "сәтсіздік", "табыс", "сын", "жетістік"]


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _word in range(length)).capitalize()


def make_terms(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Agency names, officials and topics, in kk, ru and en."""
    terms = [
        ("Министерство просвещения", "ru", "agency"),
        ("Оқу-ағарту министрлігі", "kk", "agency"),
        ("Ministry of Education", "en", "agency"),
        ("Ахметов", "ru", "person"),
        ("Ахметов", "kk", "person"),
    ]
    surnames = ["Сейтказиев", "Жумабаев", "Нурланов", "Исмаилов", "Бекетов", "Омаров"]
    while len(terms) < count:
        index = len(terms)
        language = ("ru", "kk", "en")[index % 3]
        if index % 4 == 0:
            terms.append((f"{rng.choice(surnames)}{index}", language, "person"))
        elif language == "en":
            terms.append((f"education topic {index}", language, "topic"))
        else:
            words = RU_WORDS if language == "ru" else KK_WORDS
            terms.append((f"{sentence(rng, words, 2)} {index}", language, "topic"))
    return terms[:count]


def make_feeds(rng, server, sources: int, items: int) -> tuple[list[tuple[str, str, str]], int]:
    """Serve the feeds; returns ``(url, language, outlet)`` per source and the item count."""
    from tests.media_watch.feed_server import article_html, rss

    now = datetime.datetime.now(datetime.UTC)
    shared: list[dict] = []
    made = []
    total = 0
    for number in range(sources):
        language = "kk" if number % 2 else "ru"
        words, tone = (KK_WORDS, KK_TONE) if language == "kk" else (RU_WORDS, RU_TONE)
        agency = "Оқу-ағарту министрлігі" if language == "kk" else "Министерство просвещения"
        entries = []
        for index in range(items):
            path = f"/o{number}/news/{index}"
            if shared and rng.random() < 0.1:
                copy = rng.choice([s for s in shared if s["language"] == language] or shared)
                entry = {**copy, "link": server.url(path + "?utm_source=rss")}
            else:
                title = sentence(rng, words, rng.randint(6, 11))
                summary = ". ".join(sentence(rng, words, rng.randint(8, 14)) for _s in range(3))
                if rng.random() < 0.15:
                    summary += f". {agency} {rng.choice(tone)} {sentence(rng, words, 4)}"
                entry = {
                    "title": title,
                    "summary": summary,
                    "published": now - datetime.timedelta(minutes=rng.randint(1, 600)),
                    "link": server.url(path + "?utm_source=rss"),
                    "language": language,
                }
                if len(shared) < 500:
                    shared.append(entry)
            server.add(
                path,
                article_html(entry["title"], [entry["summary"]] * 4, canonical=path, lang=language),
                content_type="text/html; charset=utf-8",
            )
            entries.append(entry)
        total += len(entries)
        url = server.add(f"/o{number}/rss.xml", rss(entries, language=language), etag=f'"{number}"')
        made.append((url, language, f"Outlet {number}"))
    return made, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--terms", type=int, default=300)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        harness.configure(database_dir, "media-watch")
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        if connection.vendor == "postgresql":
            harness.recreate_postgres_database()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        call_command("migrate", verbosity=0, interactive=False)
        settings.MONITOR_HOST_DELAY_MS = 0
        settings.MONITOR_ARTICLES_PER_POLL = args.articles

        from media_watch.models import Item, Mention, Story
        from media_watch.services import add_source, add_term, run_once
        from media_watch.texts import extract_articles, wanted
        from tests.media_watch.feed_server import FeedServer

        rng = random.Random(2026)
        for text, language, kind in make_terms(rng, args.terms):
            add_term(text, language, kind)
        server = FeedServer()
        try:
            feeds, total = make_feeds(rng, server, args.sources, args.items)
            for url, language, outlet in feeds:
                add_source(url, language, name=outlet)
            print(f"{len(feeds)} sources, {total} items in their feeds, {args.terms} terms")

            profiler = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            results, _articles = run_once(articles=False)
            if profiler:
                profiler.disable()
            elapsed = time.perf_counter() - started
            stored = Item.objects.count()
            failed = [r for r in results if not r.ok]
            print(
                f"feed step: {stored} items in {elapsed:.1f} s = {stored / elapsed:,.0f} items/s "
                f"({Story.objects.count()} stories, {Mention.objects.count()} mentions, "
                f"{len(failed)} sources failed)"
            )
            if profiler:
                pstats.Stats(profiler).sort_stats("tottime").print_stats(30)

            first = list(Item.objects.values_list("pk", flat=True)[: args.articles])
            Item.objects.filter(pk__in=first).update(text_state=Item.Text.WANTED)
            profiler = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            outcome = extract_articles(wanted(limit=args.articles), alert=False)
            if profiler:
                profiler.disable()
            article_seconds = time.perf_counter() - started
            print(
                f"article step: {outcome.extracted} pages in {article_seconds:.1f} s = "
                f"{outcome.extracted / article_seconds:,.1f} items/s "
                f"({outcome.failed} failed, {outcome.merged} merged)"
            )
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        finally:
            server.stop()
        if failed or stored < total * 0.85:
            print("FAIL: sources failed or items missing", file=sys.stderr)
            return 1
        if connection.vendor == "sqlite" and elapsed > BUDGET_SECONDS:
            print(f"FAIL: over the {BUDGET_SECONDS} s budget", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
