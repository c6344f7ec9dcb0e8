"""The publication guard on Wagtail 8's v3 API (``/api/v3/``), with bearer tokens."""

import datetime
import io
import json

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken, PageLogEntry

import time_machine

from tests.workflows.helpers import IIN, GuardTestCase, has_body_text, paragraph
from tests.workflows.moderation import moderate
from workflows.models import Clearance


class APITestCase(GuardTestCase):
    def setUp(self):
        _token, plaintext = APIToken.create_token(user=self.superuser, name="newsroom script")
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}", "HTTP_ACCEPT_LANGUAGE": "en"}

    def post(self, path, data=None):
        return self.client.post(
            path, json.dumps(data or {}), content_type="application/json", **self.headers
        )

    def patch(self, path, data):
        return self.client.patch(
            path, json.dumps(data), content_type="application/json", **self.headers
        )

    def assert_refused(self, response, text="has not passed moderation"):
        self.assertEqual(response.status_code, 403, response.content)
        self.assertEqual(response["Content-Type"], "application/problem+json")
        self.assertIn(text, response.json()["detail"])


class PublishActionTests(APITestCase):
    def test_the_urls_are_the_mounted_ones(self):
        self.assertEqual(
            reverse("wagtailapi_v3:pages_actions_publish", kwargs={"page_id": 7}),
            "/api/v3/pages/7/actions/publish/",
        )

    def test_publishing_an_unmoderated_draft_is_forbidden(self):
        page = self.draft(f"ЖСН {IIN}")

        response = self.post(f"/api/v3/pages/{page.pk}/actions/publish/")

        self.assert_refused(response)
        self.assertIn(page.title, response.json()["detail"])
        self.assert_draft_kept(page, IIN)

    def test_an_approved_revision_is_published(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.unpublish()

        response = self.post(f"/api/v3/pages/{page.pk}/actions/publish/")

        self.assertEqual(response.status_code, 200, response.content)
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_reverting_to_an_approved_revision_then_publishing(self):
        page = moderate(self.draft("Бірінші нұсқа."))
        first = page.live_revision
        page.lead = "Екінші нұсқа."
        page = moderate(page)

        response = self.post(f"/api/v3/pages/{page.pk}/actions/revert/", {"revision_id": first.pk})
        self.assertEqual(response.status_code, 200, response.content)
        response = self.post(f"/api/v3/pages/{page.pk}/actions/publish/")

        self.assertEqual(response.status_code, 200, response.content)
        page.refresh_from_db()
        self.assertEqual(page.lead, first.content["lead"])
        self.assertTrue(Clearance.objects.filter(revision=page.live_revision).exists())

    def test_a_scheduled_unmoderated_revision_never_goes_live(self):
        """Scheduling a live page's new draft is accepted; the scheduled run refuses it."""
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.body = paragraph(f"ЖСН {IIN}")
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision(user=self.author)

        response = self.post(f"/api/v3/pages/{page.pk}/actions/publish/")
        self.assertEqual(response.status_code, 200, response.content)
        scheduled = page.get_latest_revision()
        scheduled.refresh_from_db()
        self.assertIsNotNone(scheduled.approved_go_live_at)

        with time_machine.travel(page.go_live_at + datetime.timedelta(seconds=1), tick=True):
            call_command("publish_scheduled", stderr=io.StringIO())

        page.refresh_from_db()
        self.assertFalse(has_body_text(page.live_revision, IIN))
        self.assertTrue(
            PageLogEntry.objects.filter(page=page, action="workflows.publication_blocked").exists()
        )


class UpdateTests(APITestCase):
    def test_patch_with_action_publish_is_forbidden(self):
        page = self.draft("Бастапқы мәтін.")
        revisions = page.revisions.count()

        response = self.patch(
            f"/api/v3/pages/{page.pk}/",
            {"meta": {"type": "press_pages.NewsPage", "action": "publish"}, "title": "Жаңа атау"},
        )

        self.assert_refused(response)
        page.refresh_from_db()
        self.assertFalse(page.live)
        # The request is refused as a whole: earlier drafts are untouched, nothing half-saved.
        self.assertEqual(page.revisions.count(), revisions)
        self.assertNotEqual(page.title, "Жаңа атау")

    def test_patch_without_action_saves_a_draft(self):
        page = self.draft("Бастапқы мәтін.")

        response = self.patch(
            f"/api/v3/pages/{page.pk}/",
            {"meta": {"type": "press_pages.NewsPage"}, "title": "Жаңа атау"},
        )

        self.assertEqual(response.status_code, 200, response.content)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(page.get_latest_revision().content["title"], "Жаңа атау")
