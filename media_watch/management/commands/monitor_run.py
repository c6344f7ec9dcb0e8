"""Poll every active media watch source once, now, and print a JSON summary.

    python manage.py monitor_run [--no-articles]

Exit status 0 when every source was fetched (or had not changed), 1 when any failed; the
others are processed all the same.
"""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy

from media_watch.services import run_once


class Command(BaseCommand):
    help = gettext_lazy(
        "Fetch every active source once, store and match the new items, raise the alerts "
        "they call for, and print a JSON summary. Exits with 1 when any source failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-articles",
            action="store_true",
            help=str(gettext_lazy("Do not fetch the article pages of the new items.")),
        )

    def handle(self, *args, no_articles=False, **options):
        results, articles = run_once(articles=not no_articles)
        failed = [result for result in results if not result.ok]
        summary = {
            "sources": len(results),
            "fetched": sum(1 for r in results if r.outcome == "fetched"),
            "not_modified": sum(1 for r in results if r.outcome == "not_modified"),
            "failed": len(failed),
            "new_items": sum(len(r.new_items) for r in results),
            "stories_started": sum(r.stories_started for r in results),
            "mentions": sum(len(r.mentions) for r in results) + len(articles.mentions),
            "alerts": sum(r.alerts for r in results) + articles.alerts,
            "articles": articles.as_json(),
            "errors": [{"source": r.source_id, "url": r.url, "error": r.error} for r in failed],
        }
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        if failed:
            raise SystemExit(1)
