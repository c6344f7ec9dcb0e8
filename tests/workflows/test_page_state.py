"""A moderated page's state in plain words, in Wagtail's listings, at a fixed query cost."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from press_pages.models import NewsPage
from tests.press_pages.factories import NewsIndexPageFactory, NewsPageFactory, kk_home, locale
from tests.signin import staff_login
from tests.workflows.helpers import iin_body
from tests.workflows.moderation import approve_all, member, moderate, submit
from workflows import guard, status
from workflows.models import EmergencyPublication, ModerationSettings
from workflows.services import emergency_publish, withdraw
from workflows.status import annotate_page_states, page_state

REASON = "Official storm warning; it cannot wait for the review."


class PageStateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())

    def setUp(self):
        # The guard memoises scans by revision id; SQLite reuses ids after each test's rollback.
        guard._SCAN_CACHE.clear()
        translation.activate("en")
        self.author = member("editors", "author")
        self.secretary = member("press_secretaries")

    def draft(self, **fields):
        page = NewsPageFactory(parent=self.index, live=False, **fields)
        page.save_revision(user=self.author)
        return page

    def published(self, **fields):
        return NewsPageFactory(parent=self.index, **fields)

    def state(self, page):
        """The state as a listing loads it: the page fresh from the database."""
        return page_state(NewsPage.objects.get(pk=page.pk))

    def assertState(self, page, code, label):
        state = self.state(page)
        self.assertEqual(state.code, code)
        self.assertEqual(state.label, label)
        self.assertEqual(NewsPage.objects.get(pk=page.pk).status_string, label)

    def test_draft(self):
        self.assertState(self.draft(), status.DRAFT, "Draft")

    def test_in_review_names_the_task(self):
        page = self.draft()
        submit(page, self.author)
        self.assertState(page, status.IN_REVIEW, "In review: Press secretary approval")

    def test_changes_requested(self):
        page = self.draft(body=iin_body())
        submit(page, self.author)
        self.assertState(page, status.CHANGES_REQUESTED, "Changes requested")

    def test_approved_and_scheduled(self):
        page = NewsPageFactory(
            parent=self.index, live=False, go_live_at=timezone.now() + datetime.timedelta(days=1)
        )
        moderate(page, self.author)
        self.assertState(page, status.SCHEDULED, "Approved, scheduled")

    def test_published(self):
        self.assertState(self.published(), status.PUBLISHED, "Published")

    def test_published_with_unpublished_changes(self):
        page = self.published()
        page.lead = "Жаңартылған кіріспе."
        page.save_revision(user=self.author)
        self.assertState(page, status.LIVE_DRAFT, "Published with unpublished changes")

    def test_published_with_changes_in_review(self):
        page = self.published()
        submit(page, self.author)
        self.assertState(
            page,
            status.LIVE_IN_REVIEW,
            "Published with changes in review: Press secretary approval",
        )

    def test_published_with_changes_requested(self):
        page = self.published()
        page.body = iin_body()
        submit(page, self.author)
        self.assertState(page, status.LIVE_CHANGES_REQUESTED, "Published, changes requested")

    def test_published_without_full_review_until_the_follow_up_review_ends(self):
        page = self.draft()
        publication = emergency_publish(page, user=self.secretary, reason=REASON)
        self.assertState(page, status.PUBLISHED_UNREVIEWED, "Published without full review")
        approve_all(publication.workflow_state)
        publication.refresh_from_db()
        self.assertIsNotNone(publication.reviewed_at)
        self.assertState(page, status.PUBLISHED, "Published")

    def test_translation_published_with_an_emergency_publication_is_unreviewed_too(self):
        settings = ModerationSettings.load()
        settings.required_locales = ["kk", "ru"]
        settings.save()
        page = self.draft()
        ru_page = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru_page.save_revision(user=self.author)
        emergency_publish(page, user=self.secretary, reason=REASON)
        ru_page.refresh_from_db()
        self.assertTrue(ru_page.live)
        self.assertFalse(EmergencyPublication.objects.filter(page_id=ru_page.pk).exists())
        self.assertState(ru_page, status.PUBLISHED_UNREVIEWED, "Published without full review")

    def test_withdrawn(self):
        page = self.published()
        withdraw(page, user=self.secretary, reason="The court ruling was overturned.")
        self.assertState(page, status.WITHDRAWN, "Withdrawn")

    def test_withdrawn_page_back_in_review_shows_the_review(self):
        page = self.published()
        withdraw(page, user=self.secretary, reason="The court ruling was overturned.")
        submit(page, self.author)
        self.assertState(page, status.IN_REVIEW, "In review: Press secretary approval")

    def test_expired(self):
        page = self.draft()
        Page.objects.filter(pk=page.pk).update(expired=True)
        self.assertState(page, status.EXPIRED, "Expired")


class ListingTests(TestCase):
    """Wagtail's page explorer shows the states, without a query per page for them."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())

    def setUp(self):
        guard._SCAN_CACHE.clear()
        self.author = member("editors", "author")
        self.secretary = member("press_secretaries")
        profile = UserProfile.get_for_user(self.secretary)
        profile.preferred_language = "en"
        profile.save()
        staff_login(self.client, self.secretary)

    def add_pages(self, count: int):
        """``count`` pages in a mix of states (published, in review, withdrawn, ...)."""
        for number in range(count):
            kind = number % 4
            if kind == 0:
                NewsPageFactory(parent=self.index)
            elif kind == 1:
                page = NewsPageFactory(parent=self.index, live=False)
                submit(page, self.author)
            elif kind == 2:
                page = NewsPageFactory(parent=self.index)
                withdraw(page, user=self.secretary, reason="Withdrawn at the ministry's request.")
            else:
                page = NewsPageFactory(parent=self.index, live=False)
                page.save_revision(user=self.author)
                emergency_publish(page, user=self.secretary, reason=REASON)

    def explore(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertEqual(response.status_code, 200)
        return response, queries

    def test_explorer_shows_each_state(self):
        self.add_pages(4)
        response, _queries = self.explore()
        statuses = [
            " ".join(cell.get_text(" ", strip=True).split())
            for cell in BeautifulSoup(response.content.decode(), "html.parser").select(
                "td .w-status"
            )
        ]
        for label in (
            "Published",
            "In review: Press secretary approval",
            "Withdrawn",
            "Published without full review",
        ):
            self.assertTrue(any(label in text for text in statuses), (label, statuses))

    def test_explorer_loads_the_state_flags_in_its_own_query(self):
        """Whatever the number of pages, the states cost the explorer no extra query.

        Measured with 4 and then 12 pages: Wagtail and wagtail-localize add about two queries
        per page of their own (the "Translate" button's checks, the review buttons of pages in
        review); the states' flags ride on the listing query and the workflow states on
        Wagtail's prefetch.
        """
        self.add_pages(4)
        _response, small = self.explore()
        self.add_pages(8)
        _response, large = self.explore()

        def count(queries, table):
            return sum(1 for q in queries.captured_queries if f'"{table}"' in q["sql"])

        for table in ("workflows_withdrawal", "workflows_emergencypublication"):
            self.assertEqual(count(small, table), 1, table)
            self.assertEqual(count(large, table), 1, table)
        self.assertEqual(
            count(large, "wagtailcore_workflowstate"), count(small, "wagtailcore_workflowstate")
        )

    def test_annotated_listing_pages_cost_no_queries(self):
        self.add_pages(8)
        pages = annotate_page_states(
            Page.objects.child_of(self.index)
            .specific()
            .prefetch_workflow_states()
            .annotate_approved_schedule()
        )
        pages = list(pages)
        with self.assertNumQueries(0):
            labels = [page.status_string for page in pages]
        self.assertEqual(len(labels), 8)

    def test_a_page_loaded_alone_costs_at_most_two_queries(self):
        self.add_pages(4)
        for page in NewsPage.objects.child_of(self.index):
            page = NewsPage.objects.get(pk=page.pk)
            with CaptureQueriesContext(connection) as queries:
                page.status_string  # noqa: B018
            self.assertLessEqual(len(queries), 2)
