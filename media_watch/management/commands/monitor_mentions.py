"""The items that mention a watch term, as a JSON array on standard output.

    python manage.py monitor_mentions --format json [--since 2026-05-01T00:00+05:00]

Each is ``{url, outlet, lang, title, published, terms, tone, reasons, story, alerted}``.
"""

import datetime
import json
import zoneinfo

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from media_watch.services import mentions_json

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def since_moment(value: str) -> datetime.datetime:
    """An ISO 8601 date or date-time; without an offset it is Asia/Almaty time."""
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            _("--since must be an ISO 8601 date or date-time, for example 2026-05-01T09:00+05:00.")
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ALMATY)


class Command(BaseCommand):
    help = gettext_lazy("Print the items that mention a watch term, oldest first, as JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--since",
            metavar="ISO",
            help=str(gettext_lazy("Only items published at or after this date or date-time.")),
        )

    def handle(self, *args, since=None, **options):
        moment = since_moment(since) if since else None
        self.stdout.write(json.dumps(mentions_json(moment), ensure_ascii=False, indent=2))
