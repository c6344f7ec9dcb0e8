"""Media watch sources from the command line; JSON on standard output.

python manage.py monitor_source add https://example.kz/rss --lang kk --name "Example"
python manage.py monitor_source list --format json
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy

from media_watch.models import Language, Source
from media_watch.services import add_source, source_json


class Command(BaseCommand):
    help = gettext_lazy("Add or list the feeds and sitemaps the media watch polls.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help=str(gettext_lazy("Poll the feed or sitemap at URL.")))
        add.add_argument("url", metavar="URL")
        add.add_argument("--lang", required=True, choices=Language.values)
        add.add_argument(
            "--name", default="", help=str(gettext_lazy("The outlet's name (by default the host)."))
        )
        add.add_argument("--kind", choices=Source.Kind.values, default=Source.Kind.FEED)
        add.add_argument(
            "--articles",
            action="store_true",
            help=str(gettext_lazy("Also fetch each new item's page for its full text.")),
        )
        listing = actions.add_parser("list", help=str(gettext_lazy("List the sources.")))
        listing.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, action, **options):
        if action == "add":
            try:
                source, created = add_source(
                    options["url"],
                    options["lang"],
                    name=options["name"],
                    kind=options["kind"],
                    fetch_articles=options["articles"],
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(
                json.dumps({**source_json(source), "created": created}, ensure_ascii=False)
            )
        else:
            sources = Source.objects.select_related("outlet").order_by("pk")
            self.stdout.write(
                json.dumps([source_json(s) for s in sources], ensure_ascii=False, indent=2)
            )
