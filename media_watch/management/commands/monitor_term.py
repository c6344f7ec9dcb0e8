"""Watch terms from the command line; JSON on standard output.

python manage.py monitor_term add "Министерство просвещения" --lang ru --kind agency
python manage.py monitor_term list
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy

from media_watch.models import Language, WatchTerm
from media_watch.services import add_term


def term_json(term: WatchTerm) -> dict:
    return {
        "id": term.pk,
        "text": term.text,
        "lang": term.language,
        "kind": term.kind,
        "active": term.active,
    }


class Command(BaseCommand):
    help = gettext_lazy("Add or list the media watch's terms.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help=str(gettext_lazy("Watch the words TEXT.")))
        add.add_argument("text", metavar="TEXT")
        add.add_argument("--lang", required=True, choices=Language.values)
        add.add_argument("--kind", choices=WatchTerm.Kind.values, default=WatchTerm.Kind.TOPIC)
        listing = actions.add_parser("list", help=str(gettext_lazy("List the watch terms.")))
        listing.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, action, **options):
        if action == "add":
            try:
                term, created = add_term(options["text"], options["lang"], options["kind"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stdout.write(
                json.dumps({**term_json(term), "created": created}, ensure_ascii=False)
            )
        else:
            terms = [term_json(term) for term in WatchTerm.objects.order_by("pk")]
            self.stdout.write(json.dumps(terms, ensure_ascii=False, indent=2))
