"""The publication guard on every path that can make a page live.

For each path: an unmoderated revision does not go live, the user is told why, and what was
saved (the draft revision) is still there; and the legitimate route through moderation works.
Changes that bypass revisions are paths too: a partial save of a live page, and a new file,
title or alt text of a document or image that live pages show. The API has its own module
(``test_api.py``).
"""

import ast
import datetime
import io
import json

from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

import time_machine
from django_q.models import Schedule
from django_q.tasks import async_task, fetch

from agency.dates import local_moment
from press_pages.models import NewsPage
from tests.press_pages.factories import NewsPageFactory, locale
from tests.signin import staff_login
from tests.workflows.helpers import IIN, GuardTestCase, edit_form_data, has_body_text, paragraph
from tests.workflows.moderation import member, moderate, require_translations, submit
from tests.workflows.pdf_builder import build_pdf
from workflows.guard import PublicationBlocked, scan_bundle
from workflows.models import Clearance, StopListTerm
from workflows.services import emergency_publish, waive

SCHEDULE_NAME = "wagtail: publish_scheduled"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


class PublishButtonTests(GuardTestCase):
    """The Publish button in the page editor."""

    def publish_button(self, page, user, text):
        staff_login(self.client, user)
        data = edit_form_data(page.save_revision(user=user))
        data["body-0-value"] = rich_text(f'<p data-block-key="a1b2c">{text}</p>')
        data["action-publish"] = "Publish"
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_superuser_cannot_publish_a_draft_with_personal_data(self):
        page = self.draft()
        response = self.publish_button(page, self.superuser, f"Өтініш иесі, ЖСН {IIN}.")

        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            fetch_redirect_response=False,
        )
        self.assertIn("has not passed moderation", " ".join(messages_of(response)))
        self.assert_draft_kept(page, IIN)

    def test_superuser_cannot_publish_a_clean_draft_either(self):
        page = self.draft()
        response = self.publish_button(page, self.superuser, "Таза мәтін, жеке деректер жоқ.")

        self.assertIn("has not passed moderation", " ".join(messages_of(response)))
        self.assert_draft_kept(page, "Таза мәтін")
        self.assertFalse(PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists())

    def test_submit_then_approve_publishes(self):
        page = self.draft()
        staff_login(self.client, self.author)
        data = edit_form_data(page.save_revision(user=self.author))
        data["action-submit"] = "Submit for moderation"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        state = page.current_workflow_state
        self.assertEqual(
            state.current_task_state.task.specific.__class__.__name__, "PressSecretaryApprovalTask"
        )

        staff_login(self.client, self.press)
        task_state = state.current_task_state
        response = self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(Clearance.objects.filter(revision=page.live_revision).exists())

    def test_an_approval_blocked_at_publication_says_why(self):
        """A term added to the stop-list during the review blocks the final approval."""
        page = self.draft("Брифингке Қайратов мырза қатысады.")
        state = submit(page, self.author)
        StopListTerm.objects.create(phrase="Қайратов", legal_basis="Сот шешімі № 7-11/2026")
        staff_login(self.client, self.press)

        response = self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.current_task_state_id],
            ),
            {"comment": ""},
        )

        self.assertEqual(response.status_code, 302)
        self.assertIn("Restricted information blocks publication", " ".join(messages_of(response)))
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.current_task_state.status, "in_progress")
        self.assert_draft_kept(page, "Қайратов")

    def test_submitting_personal_data_sends_the_page_back_with_the_report(self):
        page = self.draft()
        staff_login(self.client, self.author)
        data = edit_form_data(page.save_revision(user=self.author))
        data["body-0-value"] = rich_text(f'<p data-block-key="a1b2c">ЖСН {IIN}</p>')
        data["action-submit"] = "Submit for moderation"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

        state = WorkflowState.objects.get(
            base_content_type=page.get_base_content_type(), object_id=str(page.pk)
        )
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        report = state.current_task_state.specific.report
        self.assertEqual([f["category"] for f in report["findings"]], ["iin"])
        self.assertNotIn(IIN, json.dumps(report))
        self.assert_draft_kept(page, IIN)


class HistoryTests(GuardTestCase):
    """Publishing an older revision from the page history (revert, then Publish)."""

    def revert_and_publish(self, page, revision):
        staff_login(self.client, self.superuser)
        data = edit_form_data(revision)
        data["action-publish"] = "Publish"
        return self.client.post(
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]), data
        )

    def test_a_never_approved_revision_is_refused(self):
        page = moderate(self.draft("Бірінші нұсқа."))
        approved = page.live_revision
        page.body = paragraph(f"ЖСН {IIN}")
        unapproved = page.save_revision(user=self.author)

        response = self.revert_and_publish(page, unapproved)

        self.assertIn("has not passed moderation", " ".join(messages_of(response)))
        page.refresh_from_db()
        self.assertEqual(page.live_revision, approved)
        self.assertTrue(Revision.objects.filter(pk=unapproved.pk).exists())
        self.assertTrue(has_body_text(page.get_latest_revision(), IIN))

    def test_an_approved_revision_goes_live_again_while_it_scans_clean(self):
        page = moderate(self.draft("Бірінші нұсқа, Алтынбек мырза."))
        first = page.live_revision
        page.lead = "Екінші нұсқаның лиды."
        page = moderate(page)

        response = self.revert_and_publish(page, first)

        self.assertIn("has been published", " ".join(messages_of(response)))
        page.refresh_from_db()
        self.assertEqual(page.lead, first.content["lead"])
        restored = Clearance.objects.get(revision=page.live_revision)
        self.assertEqual(restored.kind, Clearance.Kind.REVIEW)
        self.assertIn("Same content as the version", restored.reason)
        with translation.override("en"):  # the administrator reads the admin in English
            self.assertIn(local_moment(first.created_at), restored.reason)

        # A court ban on the name arrives; the same approved version no longer goes live.
        page.lead = "Үшінші нұсқа."
        page = moderate(page)
        StopListTerm.objects.create(phrase="Алтынбек", legal_basis="Сот шешімі № 2-15/2026")
        response = self.revert_and_publish(page, first)

        self.assertIn("Restricted information blocks publication", " ".join(messages_of(response)))
        page.refresh_from_db()
        self.assertEqual(page.lead, "Үшінші нұсқа.")

    def test_an_approved_revision_with_changes_in_the_form_needs_moderation(self):
        page = moderate(self.draft("Бірінші нұсқа."))
        first = page.live_revision
        page.lead = "Екінші нұсқаның лиды."
        page = moderate(page)
        staff_login(self.client, self.superuser)
        data = edit_form_data(first, lead="Қолмен өзгертілген лид.")
        data["action-publish"] = "Publish"

        response = self.client.post(
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]), data
        )

        self.assertIn("has not passed moderation", " ".join(messages_of(response)))
        page.refresh_from_db()
        self.assertEqual(page.lead, "Екінші нұсқаның лиды.")
        self.assertEqual(page.get_latest_revision().content["lead"], "Қолмен өзгертілген лид.")


class ScheduledPublishingTests(GuardTestCase):
    """``publish_scheduled``, run every minute by the django-q2 schedule."""

    def run_schedule(self):
        """Run the schedule's function the way a django-q2 worker does."""
        schedule = Schedule.objects.get(name=SCHEDULE_NAME)
        args = ast.literal_eval(schedule.args)
        if not isinstance(args, tuple):
            args = (args,)
        task = fetch(async_task(schedule.func, *args, sync=True))
        self.assertTrue(task.success, task.result)

    def approved_for(self, go_live_at, text="Кесте бойынша жарияланатын жаңалық."):
        page = self.draft(text, go_live_at=go_live_at)
        moderate(page)
        page.refresh_from_db()
        self.assertFalse(page.live, "approval took longer than the time to go live")
        return page

    def wait_until(self, moment):
        """Move the clock just past ``moment`` for the rest of the test (it keeps ticking)."""
        traveller = time_machine.travel(moment + datetime.timedelta(seconds=1), tick=True)
        traveller.start()
        self.addCleanup(traveller.stop)

    def test_the_schedule_runs_publish_scheduled_every_minute(self):
        schedule = Schedule.objects.get(name=SCHEDULE_NAME)
        self.assertEqual(schedule.func, "django.core.management.call_command")
        self.assertEqual(ast.literal_eval(schedule.args), "publish_scheduled")
        self.assertEqual(
            (schedule.schedule_type, schedule.minutes, schedule.repeats), (Schedule.MINUTES, 1, -1)
        )

    def test_an_uncleared_revision_is_skipped_and_the_others_go_live(self):
        go_live_at = timezone.now() + datetime.timedelta(hours=1)
        good = self.approved_for(go_live_at)
        self.assertIsNotNone(good.get_latest_revision().approved_go_live_at)
        bad = self.draft(f"ЖСН {IIN}")
        unapproved = bad.save_revision(
            user=self.author, approved_go_live_at=timezone.now() - datetime.timedelta(minutes=5)
        )

        self.run_schedule()  # before the approved page's time: only the bad one is due
        good.refresh_from_db()
        self.assertFalse(good.live)
        self.wait_until(go_live_at)
        self.run_schedule()

        good.refresh_from_db()
        self.assertTrue(good.live)
        self.assert_draft_kept(bad, IIN)
        unapproved.refresh_from_db()
        self.assertIsNone(unapproved.approved_go_live_at)
        blocked = PageLogEntry.objects.get(page=bad, action="workflows.publication_blocked")
        self.assertIn("has not passed moderation", blocked.data["comment"])

    def test_call_command_does_not_stop_at_a_blocked_page(self):
        first = self.draft("Бірінші.")
        first.save_revision(
            user=self.author, approved_go_live_at=timezone.now() - datetime.timedelta(minutes=2)
        )
        second = moderate(self.draft("Екінші."))
        revision = second.live_revision
        second.unpublish()
        Revision.objects.filter(pk=revision.pk).update(
            approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
        )

        errors = io.StringIO()
        call_command("publish_scheduled", stderr=errors)

        first.refresh_from_db()
        second.refresh_from_db()
        self.assertFalse(first.live)
        self.assertTrue(second.live)
        self.assertIn("has not passed moderation", errors.getvalue())

    def test_a_stop_list_term_added_before_go_live_blocks_unless_waived(self):
        go_live_at = timezone.now() + datetime.timedelta(hours=1)
        text = "Брифингке Қайратов мырза қатысады."
        plain = self.approved_for(go_live_at, text)
        waived = self.approved_for(go_live_at, text)
        StopListTerm.objects.create(phrase="Қайратов", legal_basis="Сот шешімі № 7-11/2026")
        finding = scan_bundle(waived, waived.get_latest_revision()).blocking[0]
        waive(
            waived,
            finding,
            user=member("legal_reviewers", "lawyer"),
            justification="Сот шешімі бұл жаңалыққа қатысты емес.",
        )

        self.wait_until(go_live_at)
        self.run_schedule()

        plain.refresh_from_db()
        waived.refresh_from_db()
        self.assertFalse(plain.live)
        self.assertTrue(waived.live)
        entry = PageLogEntry.objects.get(page=plain, action="workflows.publication_blocked")
        self.assertIn("Restricted information blocks publication", entry.data["comment"])
        # Publishing the approved revision by hand is refused the same way.
        with self.assertRaises(PublicationBlocked) as blocked:
            plain.get_latest_revision().publish(user=self.press)
        self.assertEqual([f.category for f in blocked.exception.findings], ["stop_list"])

    def cancelled_by(self, *phrases, text="Брифингке Қайратов пен Серіков мырзалар қатысады."):
        """A scheduled page whose schedule the guard cancelled for ``phrases`` on the stop-list."""
        go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page = self.approved_for(go_live_at, text)
        for phrase in phrases:
            StopListTerm.objects.create(phrase=phrase, legal_basis="Сот шешімі № 7-11/2026")
        self.wait_until(go_live_at)
        self.run_schedule()
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNone(page.get_latest_revision().approved_go_live_at)
        return page

    def test_a_waiver_resumes_the_schedule_a_blocking_term_cancelled(self):
        page = self.cancelled_by("Қайратов")
        revision = page.get_latest_revision()
        lawyer = member("legal_reviewers", "lawyer")

        waive(
            page,
            scan_bundle(page, revision).blocking[0],
            user=lawyer,
            justification="Сот шешімі бұл жаңалыққа қатысты емес.",
        )

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, revision)
        resumed = PageLogEntry.objects.get(page=page, action="workflows.schedule_resumed")
        self.assertEqual((resumed.user, resumed.revision), (lawyer, revision))
        self.assertTrue(resumed.data["published"])
        self.assertTrue(
            PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()
        )

    def test_a_schedule_stays_cancelled_while_another_finding_blocks_it(self):
        page = self.cancelled_by("Қайратов", "Серіков")
        revision = page.get_latest_revision()
        first = scan_bundle(page, revision).blocking[0]

        waive(
            page,
            first,
            user=member("legal_reviewers", "lawyer"),
            justification="Сот шешімі бұл жаңалыққа қатысты емес.",
        )

        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNone(page.get_latest_revision().approved_go_live_at)
        self.assertFalse(
            PageLogEntry.objects.filter(page=page, action="workflows.schedule_resumed").exists()
        )

    def test_a_newer_draft_is_not_published_by_a_waiver(self):
        page = self.cancelled_by("Қайратов")
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        page.lead = "Жаңа нұсқа, әлі модерациядан өтпеген."
        page.save_revision(user=self.author)

        waive(
            page,
            finding,
            user=member("legal_reviewers", "lawyer"),
            justification="Сот шешімі бұл жаңалыққа қатысты емес.",
        )

        page.refresh_from_db()
        self.assertFalse(page.live)


class BulkActionTests(GuardTestCase):
    """Publishing from the page listing's bulk actions."""

    def bulk_publish(self, *pages, **data):
        staff_login(self.client, self.superuser)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        url += "?" + "&".join(f"id={page.pk}" for page in pages)
        return self.client.post(url, data)

    def test_bulk_publish_refuses_the_whole_selection(self):
        clean = self.draft("Таза мәтін.")
        personal = self.draft(f"ЖСН {IIN}")

        response = self.bulk_publish(clean, personal)

        self.assertEqual(response.status_code, 302)
        text = " ".join(messages_of(response))
        self.assertIn(clean.title, text)
        self.assertIn(personal.title, text)
        self.assert_draft_kept(clean, "Таза мәтін")
        self.assert_draft_kept(personal, IIN)

    def test_bulk_publish_of_descendants_refuses_unmoderated_children(self):
        draft = self.draft(f"ЖСН {IIN}")
        response = self.bulk_publish(self.index, include_descendants="on")

        self.assertIn("has not passed moderation", " ".join(messages_of(response)))
        self.assert_draft_kept(draft, IIN)

    def test_live_children_with_drafts_do_not_block_publishing_their_parent(self):
        live = moderate(self.draft("Жарияланған."))
        live.body = paragraph(f"ЖСН {IIN}")
        live.save_revision(user=self.author)
        self.index.save_revision(user=self.superuser)

        response = self.bulk_publish(self.index, include_descendants="on")

        self.assertNotIn("has not passed moderation", " ".join(messages_of(response)))
        live.refresh_from_db()
        self.assertFalse(has_body_text(live.live_revision, IIN))

    def test_an_approved_page_taken_offline_can_be_bulk_published_again(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.unpublish()

        response = self.bulk_publish(page)

        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)


class CopyAndAliasTests(GuardTestCase):
    """Copies (with "publish copies") and aliases."""

    def copy(self, page, **data):
        staff_login(self.client, self.superuser)
        return self.client.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": f"{page.title} (көшірме)",
                "new_slug": f"{page.slug}-copy",
                "new_parent_page": str(self.index.pk),
                **data,
            },
        )

    def test_publish_copies_is_refused(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        response = self.copy(page, publish_copies="on")

        self.assertIn("cannot be published directly", " ".join(messages_of(response)))
        self.assertFalse(NewsPage.objects.filter(slug=f"{page.slug}-copy").exists())

    def test_a_copy_in_code_cannot_keep_the_page_live(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        with self.assertRaises(PublicationBlocked):
            page.copy(update_attrs={"slug": "copy-live", "title": "Көшірме"}, keep_live=True)
        self.assertFalse(NewsPage.objects.filter(slug="copy-live").exists())

    def test_a_copy_is_a_draft_that_goes_live_through_moderation(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        response = self.copy(page)

        self.assertEqual(response.status_code, 302)
        copy = NewsPage.objects.get(slug=f"{page.slug}-copy")
        self.assertFalse(copy.live)
        copy = moderate(copy)
        self.assertTrue(copy.live)

    def test_an_alias_shows_only_approved_content(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        response = self.copy(page, alias="on")

        self.assertEqual(response.status_code, 302)
        alias = NewsPage.objects.get(alias_of=page)
        self.assertTrue(alias.live)

        draft = self.draft("Әлі мақұлданбаған.")
        alias_of_draft = draft.create_alias(update_slug="alias-of-draft")
        self.assertFalse(alias_of_draft.live)
        alias_of_draft.live = True
        with self.assertRaises(PublicationBlocked):
            alias_of_draft.save()
        # Approving the page takes its alias live with it.
        moderate(draft)
        alias_of_draft.refresh_from_db()
        self.assertTrue(alias_of_draft.live)


class TranslationSyncTests(GuardTestCase):
    """wagtail-localize: creating, syncing and publishing translations."""

    def setUp(self):
        staff_login(self.client, self.superuser)

    def ru_translation(self, page, **strings):
        """Translate ``page`` into ru in wagtail-localize; ``strings`` by segment path."""
        TranslationCreator(self.superuser, [locale("ru")]).create_translations(page)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale("ru")
        )
        for segment in translation.source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale=locale("ru"),
                context_id=segment.context_id,
                defaults={"data": strings.get(segment.context.path, "RU " + segment.string.data)},
            )
        ru = NewsPage.objects.get(translation_key=page.translation_key, locale=locale("ru"))
        return translation, ru

    def publish_in_localize(self, ru):
        """The Publish button of wagtail-localize's translation editor, committed."""
        with self.captureOnCommitCallbacks() as callbacks:
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=[ru.pk]), {"action": "publish"}
            )
        self.assertEqual(response.status_code, 302)
        publications = [
            callback
            for callback in callbacks
            if getattr(callback, "__func__", None) is Revision.publish
        ]
        self.assertEqual(len(publications), 1)
        return publications[0]

    def test_a_new_translation_does_not_go_live_from_the_translation_editor(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        _translation, ru = self.ru_translation(page, lead=f"ИИН {IIN}")
        self.assertFalse(ru.live)

        publish = self.publish_in_localize(ru)
        with self.assertRaises(PublicationBlocked):
            publish()

        ru.refresh_from_db()
        self.assertFalse(ru.live)
        self.assertEqual(ru.get_latest_revision().content["lead"], f"ИИН {IIN}")

    def test_syncing_a_live_translation_keeps_the_live_content(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        _translation, ru = self.ru_translation(page)
        moderate(ru)
        ru.refresh_from_db()
        live_lead, live_revision = ru.lead, ru.live_revision
        StringTranslation.objects.filter(context__path="lead", locale=locale("ru")).update(
            data=f"ИИН {IIN}"
        )

        publish = self.publish_in_localize(ru)
        ru.refresh_from_db()
        self.assertEqual((ru.lead, ru.live_revision), (live_lead, live_revision))
        self.assertEqual(NewsPage.objects.get(pk=ru.pk).lead, live_lead)
        self.assertEqual(ru.get_latest_revision().content["lead"], f"ИИН {IIN}")
        with self.assertRaises(PublicationBlocked):
            publish()
        self.assertEqual(NewsPage.objects.get(pk=ru.pk).lead, live_lead)

    def test_save_target_publish_is_refused_in_code(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        translation, ru = self.ru_translation(page)
        with self.assertRaises(PublicationBlocked), self.captureOnCommitCallbacks(execute=True):
            translation.save_target(user=self.superuser, publish=True)
        ru.refresh_from_db()
        self.assertFalse(ru.live)

    def test_a_translation_goes_live_through_moderation(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        _translation, ru = self.ru_translation(page, lead="Русский лид.")
        self.publish_in_localize(ru)  # saves the translated draft; its publication is refused

        ru = moderate(NewsPage.objects.get(pk=ru.pk))
        self.assertTrue(ru.live)
        self.assertEqual(ru.lead, "Русский лид.")


class CodePathTests(GuardTestCase):
    """What a management command or a shell session does."""

    def test_revision_publish_raises(self):
        page = self.draft(f"ЖСН {IIN}")
        revision = page.save_revision(user=self.author)
        with self.assertRaises(PublicationBlocked) as blocked:
            revision.publish()
        self.assertIn("has not passed moderation", str(blocked.exception))
        self.assertIsInstance(blocked.exception, PermissionDenied)
        self.assert_draft_kept(page, IIN)

    def test_saving_with_live_true_raises(self):
        page = self.draft("Таза мәтін.")
        page.live = True
        with self.assertRaises(PublicationBlocked):
            page.save()
        self.assertFalse(NewsPage.objects.get(pk=page.pk).live)

    def test_adding_a_live_child_is_refused(self):
        count = NewsPage.objects.count()
        with self.assertRaises(PublicationBlocked):
            self.index.add_child(
                instance=NewsPage(
                    title="Тікелей", slug="direct", lead="Лид.", body=paragraph("Мәтін."), live=True
                )
            )
        self.assertEqual(NewsPage.objects.count(), count)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_an_approved_revision_publishes_from_code(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        approved = page.live_revision
        page.unpublish()
        approved.publish()
        page.refresh_from_db()
        self.assertTrue(page.live)


class TranslationsTogetherTests(GuardTestCase):
    """With kk and ru required, a page and its translation go live together."""

    def setUp(self):
        require_translations("kk", "ru")

    def test_a_page_without_its_ru_version_cannot_be_approved(self):
        page = self.draft("Тек қазақша.")
        state = submit(page, self.author)
        task_state = state.current_task_state.specific
        task = task_state.task.specific
        self.assertEqual(type(task).__name__, "PressSecretaryApprovalTask")

        actions = [name for name, *_ in task.get_actions(page, self.press)]
        self.assertNotIn("approve", actions)
        with self.assertRaisesMessage(PermissionDenied, "Русский"):
            task.on_action(task_state, self.press, "approve")
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_approval_publishes_kk_and_ru_together(self):
        page = self.draft("Қазақша мәтін.")
        ru = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru.title = "Русская версия"
        ru.save_revision(user=self.author)

        state = submit(page, self.author)
        task_state = state.current_task_state.specific
        self.assertIn(
            "approve", [name for name, *_ in task_state.task.specific.get_actions(page, self.press)]
        )
        task_state.task.specific.on_action(task_state, self.press, "approve")

        page.refresh_from_db()
        ru.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(ru.live)
        self.assertEqual(ru.title, "Русская версия")
        self.assertTrue(
            Clearance.objects.filter(revision=ru.live_revision, workflow_state=state).exists()
        )

    def test_ru_cannot_go_live_before_kk(self):
        page = self.draft("Қазақша мәтін.")
        ru = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru.save_revision(user=self.author)

        state = submit(ru, self.author)
        task_state = state.current_task_state.specific
        task = task_state.task.specific
        self.assertNotIn("approve", [name for name, *_ in task.get_actions(ru, self.press)])
        with self.assertRaisesMessage(PermissionDenied, "Қазақша"):
            task.on_action(task_state, self.press, "approve")
        # Not even with a clearance of its own.
        Clearance.objects.create(revision=ru.get_latest_revision(), kind=Clearance.Kind.REVIEW)
        with self.assertRaises(PublicationBlocked):
            ru.get_latest_revision().publish()
        ru.refresh_from_db()
        page.refresh_from_db()
        self.assertFalse(ru.live)
        self.assertFalse(page.live)


class EmergencyPublicationTests(GuardTestCase):
    """An emergency publication skips the review, never the scan or the translations."""

    REASON = "Дауыл туралы ескерту дереу шығуы керек."

    def test_a_stop_list_term_blocks_an_emergency_publication(self):
        page = self.draft("Брифингке Қайратов мырза қатысады.")
        StopListTerm.objects.create(phrase="Қайратов", legal_basis="Сот шешімі № 7-11/2026")

        with self.assertRaises(PublicationBlocked) as blocked:
            emergency_publish(page, user=self.press, reason=self.REASON)

        self.assertEqual([f.category for f in blocked.exception.findings], ["stop_list"])
        self.assert_draft_kept(page, "Қайратов")
        self.assertFalse(Clearance.objects.filter(revision__object_id=str(page.pk)).exists())

    def test_an_iin_split_across_paragraphs_blocks_an_emergency_publication(self):
        page = self.draft()
        page.body = [
            (
                "paragraph",
                f'<p data-block-key="a1">Өтініш иесінің ЖСН {IIN[:6]}</p>'
                f'<p data-block-key="b2">{IIN[6:]} болып табылады.</p>',
            )
        ]
        page.save_revision(user=self.author)

        with self.assertRaises(PublicationBlocked) as blocked:
            emergency_publish(page, user=self.press, reason=self.REASON)

        self.assertEqual([f.category for f in blocked.exception.findings], ["iin"])
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(Clearance.objects.filter(revision__object_id=str(page.pk)).exists())

    def test_an_emergency_publication_waits_for_the_required_translations(self):
        require_translations("kk", "ru")
        page = self.draft("Тек қазақша.")

        with self.assertRaisesMessage(PublicationBlocked, "Русский"):
            emergency_publish(page, user=self.press, reason=self.REASON)

        self.assert_draft_kept(page, "Тек қазақша.")
        self.assertFalse(Clearance.objects.filter(revision__object_id=str(page.pk)).exists())

    def test_an_emergency_publication_clears_and_publishes_kk_and_ru_together(self):
        require_translations("kk", "ru")
        page = self.draft("Қазақша мәтін.")
        ru = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru.save_revision(user=self.author)

        emergency_publish(page, user=self.press, reason=self.REASON)

        page.refresh_from_db()
        ru.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(ru.live)
        for live in (page.live_revision, ru.live_revision):
            clearance = Clearance.objects.get(revision=live)
            self.assertEqual(clearance.kind, Clearance.Kind.EMERGENCY)
            self.assertEqual(clearance.reason, self.REASON)


class PartialSaveTests(GuardTestCase):
    """``page.save(update_fields=[...])`` on a live page writes straight to what readers see."""

    def test_saving_only_the_lead_of_a_live_page_is_refused(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        live_lead = page.lead
        page.lead = f"Өтініш иесі, ЖСН {IIN}."

        with self.assertRaises(PublicationBlocked) as blocked:
            page.save(update_fields=["lead"])

        self.assertIn("only through moderation", str(blocked.exception))
        self.assertEqual([f.category for f in blocked.exception.findings], ["iin"])
        self.assertNotIn(IIN, str(blocked.exception))
        self.assertEqual(NewsPage.objects.get(pk=page.pk).lead, live_lead)

    def test_a_clean_change_of_a_live_page_is_refused_too(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.title = "Модерациядан өтпеген тақырып"
        with self.assertRaises(PublicationBlocked):
            page.save(update_fields=["title", "draft_title"])
        self.assertNotEqual(NewsPage.objects.get(pk=page.pk).title, page.title)

    def test_saving_the_approved_content_again_is_allowed(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.save(update_fields=["lead", "title"])
        page.lead = "Екінші нұсқаның лиды."
        page = moderate(page)
        first = page.revisions.order_by("created_at").first()
        page.lead = first.content["lead"]  # the lead of an approved version
        page.save(update_fields=["lead"])
        self.assertEqual(NewsPage.objects.get(pk=page.pk).lead, first.content["lead"])

    def test_bookkeeping_saves_of_a_live_page_stay_cheap(self):
        page = moderate(self.draft("Мақұлданған мәтін."))
        page.lead = f"ЖСН {IIN}"  # unsaved, and not among the fields saved
        page.locked, page.locked_by, page.locked_at = True, self.press, timezone.now()
        for fields in (["locked", "locked_by", "locked_at"], ["latest_revision_id", "expired"]):
            with CaptureQueriesContext(connection) as queries:
                page.save(update_fields=fields, clean=False)
            # The row is written before anything is read: the guard asked nothing.
            statements = [q["sql"].split()[0] for q in queries.captured_queries]
            self.assertEqual(statements[:2], ["SAVEPOINT", "UPDATE"])
        stored = NewsPage.objects.get(pk=page.pk)
        self.assertTrue(stored.locked)
        self.assertNotIn(IIN, stored.lead)


class LibraryReplacementTests(GuardTestCase):
    """Replacing the file (or title, alt text) of a document or image that live pages show."""

    def page_with(self, **fields):
        fields.setdefault("body", paragraph("Министрлік есепті жариялады."))
        page = NewsPageFactory(parent=self.index, live=False, **fields)
        page.save_revision(user=self.author)
        return page

    def live_page_with(self, **fields):
        return moderate(self.page_with(**fields))

    def document(self, text="Annual report, no personal data."):
        return get_document_model().objects.create(
            title="Жылдық есеп", file=ContentFile(build_pdf([text]), name="report.pdf")
        )

    def replace_document(self, document, data, name="report-v2.pdf", title=None):
        staff_login(self.client, self.author)
        return self.client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": title or document.title,
                "collection": str(document.collection_id),
                "tags": "",
                "file": SimpleUploadedFile(name, data, content_type="application/pdf"),
            },
        )

    def test_a_replacement_file_with_an_iin_is_refused_and_the_old_file_kept(self):
        document = self.document()
        page = self.live_page_with(body=[("document", {"document": document, "label": ""})])
        old_name, old_hash = document.file.name, document.file_hash

        response = self.replace_document(document, build_pdf([f"Applicant IIN {IIN}"]))

        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["file"]
        self.assertIn("restricted information", errors[0])
        self.assertIn("90", errors[0])
        self.assertNotIn(IIN, errors[0])
        document.refresh_from_db()
        self.assertEqual((document.file.name, document.file_hash), (old_name, old_hash))
        self.assertTrue(document.file.storage.exists(old_name))
        self.assertTrue(page.live)

    def test_an_iin_split_across_lines_of_the_new_file_is_refused_too(self):
        document = self.document()
        self.live_page_with(body=[("document", {"document": document, "label": ""})])
        response = self.replace_document(
            document, build_pdf([f"Applicant IIN {IIN[:6]}\n{IIN[6:]}"])
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)

    def test_a_clean_replacement_is_saved(self):
        document = self.document()
        self.live_page_with(body=[("document", {"document": document, "label": ""})])
        response = self.replace_document(document, build_pdf(["Corrected annual report."]))
        self.assertEqual(response.status_code, 302)
        document.refresh_from_db()
        self.assertIn("report-v2", document.file.name)

    def test_a_finding_waived_on_every_live_page_does_not_block(self):
        document = self.document(f"IIN {IIN}")
        page = self.page_with(body=[("document", {"document": document, "label": ""})])
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        waive(
            page,
            finding,
            user=member("legal_reviewers", "lawyer"),
            justification="Сот шешімі бойынша жария ақпарат.",
        )
        moderate(page)
        response = self.replace_document(document, build_pdf([f"IIN {IIN}, corrected."]))
        self.assertEqual(response.status_code, 302)

    def test_an_unreadable_replacement_of_a_live_document_is_refused(self):
        document = self.document()
        self.live_page_with(body=[("document", {"document": document, "label": ""})])
        response = self.replace_document(
            document, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("cannot be checked", response.context["form"].errors["file"][0])

    def test_an_image_title_with_an_iin_is_refused(self):
        image = get_image_model().objects.create(
            title="Брифинг", file=get_test_image_file("briefing.png")
        )
        self.live_page_with(hero_image=image, hero_image_alt="Брифинг")
        staff_login(self.client, self.author)

        response = self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": f"Өтініш иесі ЖСН {IIN}",
                "collection": str(image.collection_id),
                "tags": "",
                "file": SimpleUploadedFile(
                    f"{IIN}.png", get_test_image_file().file.getvalue(), content_type="image/png"
                ),
            },
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("restricted information", str(response.context["form"].errors))
        image.refresh_from_db()
        self.assertEqual(image.title, "Брифинг")
        self.assertNotIn(IIN, image.file.name)
