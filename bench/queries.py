"""SQL queries per public page, to catch N+1 queries before they reach production.

Run: ``.venv/bin/python bench/queries.py [--verbose]``

Creates a temporary SQLite database (or uses ``DATABASE_URL`` if set: it must be
a database you can throw away), migrates it, runs ``seed_demo``, and for
anonymous GETs of the main pages prints three counts:

* ``cold``: the first request after a publish, which empties every cache: the
  page and the shared header/footer data ("chrome") are both rebuilt, once
  per language and process (image renditions already exist);
* ``miss``: page cache bypassed (``PAGE_CACHE_SECONDS=0``), chrome cached: what
  every page-cache miss costs in steady state;
* ``hit``: served by the anonymous page cache (must be 0).

It then grows the site to 300 news items per language (``seed_demo --news
300``, every item moderated through its workflow: a few minutes) and counts again: the counts must not change as the site grows. Exits
non-zero if a ``miss`` count exceeds ``MAX_QUERIES``, a hit makes any query, or
a ``cold`` or ``miss`` count grows with the content.

``--verbose`` prints the SQL of each counted request. Never timed: wall-clock
figures come from ``bench/http.sh``.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MAX_QUERIES = 12
NEWS_PER_LANGUAGE = 300


def configure(database_dir: str) -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.chdir(BASE_DIR)
    # Test settings: production-like, with tasks run inline so seeding needs no worker.
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database_dir}/bench.sqlite3")
    # A local cache: the bench clears it between pages, which must never flush a shared Redis.
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def require_kk_and_ru() -> None:
    """Moderate as in development and production (``REQUIRED_LOCALES`` = kk,ru).

    The test settings require kk only; with kk and ru required, the seed takes each kk page
    live together with its ru translation, in one workflow instead of two.
    """
    from workflows.models import ModerationSettings

    moderation = ModerationSettings.load()
    moderation.required_locales = ["kk", "ru"]
    moderation.save()


def page_urls() -> list[tuple[str, str]]:
    """(label, path) of the pages to count, in Kazakh, plus the Russian FAQ index."""
    from press_pages.models import (
        BriefingPage,
        FAQIndexPage,
        HomePage,
        NewsIndexPage,
        NewsPage,
        Topic,
    )

    def first(model, code):
        page = model.objects.live().filter(locale__language_code=code).order_by("path").first()
        if page is None:
            raise SystemExit(f"seed_demo made no live {model.__name__} in {code}")
        return page.url

    topic = Topic.objects.filter(locale__language_code="kk").order_by("pk").first()
    if topic is None:
        raise SystemExit("seed_demo made no topic in kk")
    return [
        ("home (kk)", first(HomePage, "kk")),
        ("news index (kk)", first(NewsIndexPage, "kk")),
        ("news index page 2 (kk)", first(NewsIndexPage, "kk") + "?page=2"),
        ("news index, topic (kk)", first(NewsIndexPage, "kk") + f"?topic={topic.slug}"),
        ("news page (kk)", first(NewsPage, "kk")),
        ("briefing page (kk)", first(BriefingPage, "kk")),
        ("FAQ index (kk)", first(FAQIndexPage, "kk")),
        ("FAQ index (ru)", first(FAQIndexPage, "ru")),
    ]


def count(path: str, *, verbose: bool, page_cache: bool, expect_hit: bool = False) -> int:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from agency.cache import CACHE_HEADER

    seconds = 600 if page_cache else 0
    with override_settings(PAGE_CACHE_SECONDS=seconds), CaptureQueriesContext(connection) as ctx:
        response = Client().get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    if expect_hit and response.get(CACHE_HEADER) != "hit":
        raise SystemExit(f"{path} was not served from the page cache")
    if verbose:
        print(f"\n--- {path} (page cache {'on' if page_cache else 'off'}) ---")
        for query in ctx.captured_queries:
            print(f"  {query['sql']}")
    return len(ctx.captured_queries)


def measure(urls, *, verbose: bool) -> dict[str, tuple[int, int, int]]:
    from django.core.cache import cache

    results = {}
    for label, path in urls:
        count(path, verbose=False, page_cache=False)  # creates the image renditions
        cache.clear()
        cold = count(path, verbose=verbose, page_cache=False)
        miss = count(path, verbose=verbose, page_cache=False)
        count(path, verbose=False, page_cache=True)
        hit = count(path, verbose=verbose, page_cache=True, expect_hit=True)
        results[label] = (cold, miss, hit)
    return results


def report(title: str, urls, results) -> None:
    print(f"\n{title}")
    print(f"  {'page':<24} {'cold':>5} {'miss':>5} {'hit':>4}  path")
    for label, path in urls:
        cold, miss, hit = results[label]
        print(f"  {label:<24} {cold:>5} {miss:>5} {hit:>4}  {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the SQL of each request")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="baspasoz-bench-") as database_dir:
        configure(database_dir)
        from django.core.management import call_command

        from press_pages.models import NewsPage

        print(f"database: {os.environ['DATABASE_URL']}")
        call_command("migrate", verbosity=0, interactive=False)
        require_kk_and_ru()
        call_command("seed_demo", force=True, verbosity=0)
        urls = page_urls()
        before = measure(urls, verbose=args.verbose)
        report(
            f"after seed_demo ({NewsPage.objects.live().count()} news items in all languages)",
            urls,
            before,
        )

        call_command("seed_demo", news=NEWS_PER_LANGUAGE, force=True, verbosity=0)
        after = measure(urls, verbose=args.verbose)
        report(f"with {NewsPage.objects.live().count()} news items in all languages", urls, after)

    problems = []
    for label, _path in urls:
        (cold, miss, hit), (cold2, miss2, hit2) = before[label], after[label]
        if max(miss, miss2) > MAX_QUERIES:
            problems.append(f"{label}: {max(miss, miss2)} queries (limit {MAX_QUERIES})")
        if hit or hit2:
            problems.append(f"{label}: a cached hit made {max(hit, hit2)} queries")
        if cold2 > cold or miss2 > miss:
            problems.append(f"{label}: grew from {cold}/{miss} to {cold2}/{miss2} queries")
    print()
    for problem in problems:
        print(f"FAIL {problem}")
    if not problems:
        print(f"OK: every page-cache miss makes at most {MAX_QUERIES} queries, hits none,")
        print("and no count grows with the content.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
