"""``manage.py seed_demo``: fill the site with a fictional ministry's content and users.

News, an obligatory message (Law on Mass Media Art. 37), briefings and answers go live
through their moderation workflows, submitted by the demo editor and approved by the demo
press secretary, the legal reviewer (answers) and the head (the obligatory message). Safe to run
again: it only creates what is missing. It refuses to run with
``DEBUG`` off unless ``--force`` is given, because it creates users with
published development passwords.
"""

import argparse
import contextlib
import logging
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from agency.cache import invalidate_page_cache
from agency.models import AgencyProfile
from citizen_requests.models import RequestFormPage, RequestStatusPage
from demo.accreditation import seed_accreditation
from demo.builder import DemoSeeder
from demo.content import BRIEFINGS, FAQ, NEWS, OBLIGATORY_MESSAGES
from demo.moderation import DemoModerationError
from demo.request_pages import seed_request_pages
from demo.roles import DEMO_USERS, demo_second_factor, demo_user
from demo.watch import seed_media_watch
from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    FAQAnswerPage,
    FAQCategory,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ObligatoryMessagePage,
    Topic,
)
from workflows.roles import GROUPS

SUMMARY_MODELS = [
    HomePage,
    NewsIndexPage,
    NewsPage,
    ObligatoryMessagePage,
    BriefingIndexPage,
    BriefingPage,
    FAQIndexPage,
    FAQAnswerPage,
    Topic,
    FAQCategory,
    AgencyProfile,
    RequestFormPage,
    RequestStatusPage,
]
# Loggers that report every task, page copy and edit: thousands of lines.
CHATTY_LOGGERS = ("django_tasks", "wagtail", "wagtail_localize")


@contextlib.contextmanager
def _quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in zip(loggers, previous, strict=True):
            logger.setLevel(old)


def _bounded(maximum: int | None = None):
    """An argparse type: a whole number from 0 to ``maximum``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("%(value)r is not a whole number.") % {"value": value}
            ) from None
        if number < 0 or (maximum is not None and number > maximum):
            raise argparse.ArgumentTypeError(
                _("%(value)s is not between 0 and %(maximum)s.")
                % {"value": number, "maximum": maximum}
                if maximum is not None
                else _("%(value)s is negative.") % {"value": number}
            )
        return number

    return parse


class Command(BaseCommand):
    # Management command help is not translated, as in Django's own commands:
    # argparse needs plain strings.
    help = (
        "Create a demo press site for a fictional ministry in Kazakh, Russian and English, "
        "with pictures, documents and one user per role. Running it again creates only "
        "what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="Language of the printed summary and accounts (default: en).",
        )
        parser.add_argument(
            "--news",
            type=_bounded(),
            default=len(NEWS),
            help=(
                "News items per language (default: %(default)s). Items beyond the hand-written "
                "ones are composed from sentence fragments and inserted in bulk."
            ),
        )
        parser.add_argument(
            "--obligatory",
            type=_bounded(len(OBLIGATORY_MESSAGES)),
            default=len(OBLIGATORY_MESSAGES),
            help=(
                "Obligatory messages (Law on Mass Media Art. 37) per language, approved by the "
                "head (default and maximum: %(default)s)."
            ),
        )
        parser.add_argument(
            "--briefings",
            type=_bounded(len(BRIEFINGS)),
            default=len(BRIEFINGS),
            help=("Briefings per language (default and maximum: %(default)s)."),
        )
        parser.add_argument(
            "--faq",
            type=_bounded(len(FAQ)),
            default=len(FAQ),
            help=("FAQ answers per language (default and maximum: %(default)s)."),
        )
        parser.add_argument(
            "--no-progress",
            action="store_true",
            help=(
                "Do not show progress bars (they are also hidden when output is not a terminal)."
            ),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run even though DEBUG is off. The demo users have published passwords: "
                "never use this on a site the public can reach."
            ),
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "seed_demo creates users with published passwords, so it only runs with "
                    "DEBUG on. Use --force to run it anyway on a private server."
                )
            )
        verbosity = options["verbosity"]
        show_progress = verbosity > 0 and not options["no_progress"] and sys.stderr.isatty()
        seeder = DemoSeeder(
            news=options["news"],
            obligatory=options["obligatory"],
            briefings=options["briefings"],
            faq=options["faq"],
            progress=show_progress,
        )
        started = time.perf_counter()
        chatty = CHATTY_LOGGERS if verbosity < 3 else ()
        with _quiet_loggers(chatty):
            try:
                seeder.run()
                seeder._timed("requests", lambda: seed_request_pages(seeder))
                seeder._timed("accreditation", lambda: seed_accreditation(seeder))
                watch = seed_media_watch()
            except DemoModerationError as error:
                # A demo page its workflow refused: the report names the field and finding.
                raise CommandError(str(error)) from error
        invalidate_page_cache()
        elapsed = time.perf_counter() - started

        if verbosity > 0:
            with translation.override(options["language"]):
                self._print_summary(seeder)
                self._print_users()
                self.stdout.write(
                    _(
                        "Media watch: %(terms)s terms, %(sources)s sources and %(mentions)s "
                        "mentions added (the sources are not polled)."
                    )
                    % {
                        "terms": watch.terms,
                        "sources": watch.sources,
                        "mentions": watch.mentions,
                    }
                )
                self.stdout.write(
                    _("Demo content is ready (%(seconds).1f s).") % {"seconds": elapsed},
                    self.style.SUCCESS,
                )
        if verbosity > 1:
            for step, seconds in seeder.timings.items():
                self.stdout.write(f"  {step}: {seconds:.1f} s")

    def _print_summary(self, seeder: DemoSeeder) -> None:
        codes = list(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        header = [_("Type"), *codes, _("created now")]
        rows = []
        for model in SUMMARY_MODELS:
            counts = dict.fromkeys(codes, 0)
            per_locale = (
                model.objects.order_by()
                .values_list("locale__language_code")
                .annotate(n=Count("pk"))
            )
            counts.update(dict(per_locale))
            created = sum(
                n for (name, _code), n in seeder.created.items() if name == model.__name__
            )
            rows.append([model.__name__, *map(str, counts.values()), str(created)])
        for label, model in (
            ("Image", get_image_model()),
            ("Document", get_document_model()),
        ):
            created = seeder.created[(model.__name__, "")]
            blanks = [""] * (len(codes) - 1)
            rows.append([label, str(model.objects.count()), *blanks, str(created)])
        self.stdout.write(self.style.MIGRATE_HEADING(_("Demo content")))
        self._table(header, rows)

    def _print_users(self) -> None:
        group_names = {key: spec.name for key, spec in GROUPS.items()}
        factors = {
            demo.username: demo_second_factor(demo_user(demo.username)) for demo in DEMO_USERS
        }
        rows = [
            [
                user.username,
                user.password,
                factors[user.username].secret,
                group_names[user.group] if user.group else _("superuser"),
                str(user.can),
            ]
            for user in DEMO_USERS
        ]
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                _("Demo users (development passwords; existing users keep theirs)")
            )
        )
        self._table(
            [_("Username"), _("Password"), _("Authenticator key"), _("Role"), _("Can")], rows
        )
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                _("Two-step sign-in: add the key to an authenticator app, or use a recovery code")
            )
        )
        for username, factor in factors.items():
            self.stdout.write(f"{username}: {factor.otpauth_url}")
            self.stdout.write(
                "  " + _("recovery codes: %(codes)s") % {"codes": ", ".join(factor.recovery_codes)}
            )

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
