"""Print a request's registration date and due dates as one JSON object.

    python manage.py request_deadline --kind information --received 2026-03-20T17:45:00+05:00

A datetime without an offset is taken as Asia/Almaty time; a bare date as the receipt date.
"""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from citizen_requests import deadlines
from citizen_requests.kinds import RequestKind


def _received(value: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--received must be an ISO 8601 date-time, for example 2026-03-20T17:45:00+05:00; "
            f"got {value!r}"
        ) from None


class Command(BaseCommand):
    help = (
        "Print registered_on, answer_due, forward_due and refusal_due (YYYY-MM-DD or null) "
        "for a request of KIND received at an ISO 8601 date-time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=RequestKind.values)
        parser.add_argument(
            "--received",
            required=True,
            type=str,
            help="ISO 8601 date-time of submission; without an offset it is Asia/Almaty time.",
        )

    def handle(self, *args, kind, received, **options):
        result = deadlines.compute(kind, _received(received))
        self.stdout.write(json.dumps(result.as_json()))
