"""Build the demo site: pictures, vocabularies, the kk tree, its translations and users.

Every object has a stable identity (a translation key derived from a name, a
slug, or a title in the demo collection), so a second run finds what the first
made and creates nothing. Existing objects are never overwritten: an editor's
changes to demo content survive a re-run.

Hand-written pages are translated through wagtail-localize, the way an editor
would in its translation editor, so the ru and en pages stay linked to their
kk sources there. Benchmark-sized news (``news`` above the hand-written count)
is inserted in bulk in all three languages instead; see ``seed_generated_news``.

News, obligatory messages, briefings and FAQ answers go live only through their
moderation workflow, as in the press office (see ``demo.moderation``): the demo editor
writes and submits them, the demo press secretary (and the legal reviewer for answers,
the head for obligatory messages) approves. A kk page goes live together with its required translations,
so those are drafted before the kk page is submitted.
"""

from collections import Counter

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Locale

from .bulk_news import BulkNews
from .content import NEWS, OBLIGATORY_MESSAGES
from .moderated import ModeratedPages
from .moderation import DemoModerator
from .roles import demo_user, seed_roles
from .seeding import SEED_SETTINGS
from .site_setup import SiteSetup
from .text import LANGUAGES


class DemoSeeder(SiteSetup, ModeratedPages, BulkNews):
    """Creates whatever part of the demo site is missing, and counts what it made."""

    def __init__(
        self,
        *,
        news: int,
        briefings: int,
        faq: int,
        progress: bool = False,
        written_news: int | None = None,
        obligatory: int = 0,
    ):
        """Seed ``news`` items, ``obligatory`` Art. 37 messages, ``briefings`` and ``faq``
        answers per language.

        The first ``written_news`` news items (default: as many hand-written
        ones as there are) are hand-written; the rest are generated in bulk.
        """
        self.news_count = news
        written = len(NEWS) if written_news is None else min(written_news, len(NEWS))
        self.written_news_count = min(news, written)
        self.obligatory_count = min(obligatory, len(OBLIGATORY_MESSAGES))
        self.briefing_count = briefings
        self.faq_count = faq
        self.show_progress = progress
        self.created: Counter[tuple[str, str]] = Counter()
        self.timings: dict[str, float] = {}
        self.today = timezone.localdate()

    def run(self) -> None:
        """Seed everything in one transaction: an interrupted run leaves nothing behind."""
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        # The settings stay overridden until after the commit, when Wagtail's
        # on-commit hooks (such as slug-change redirects) run.
        with override_settings(**SEED_SETTINGS), transaction.atomic():
            self._timed("roles", self.seed_roles)
            self.editor = demo_user("editor")
            self.publisher = demo_user("press_secretary")
            self.moderator = DemoModerator(self.editor)
            self._timed("media", self.seed_media)
            self._timed("settings", self.seed_site_settings)
            self._timed("vocabularies", self.seed_vocabularies)
            self._timed("agency", self.seed_agency_profile)
            self._timed("translations", self.seed_translated_snippets)
            self._timed("sections", self.seed_sections)
            self._timed("pages", self.seed_moderated_pages)
            self._timed("generated", self.seed_generated_news)
            # Again: page permissions for the ru and en homes made meanwhile.
            self._timed("roles", self.seed_roles)
            self._timed("indexing", self.run_deferred_tasks)

    def seed_roles(self) -> None:
        groups, users = seed_roles()
        self.created[("Group", "")] += groups
        self.created[("User", "")] += users
