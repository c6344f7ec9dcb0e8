"""What the editor and the press secretary see after the automatic check sent a page back.

One message that says why (not Wagtail's "submitted" beside ours), the rejection credited to
the check rather than to the editor who submitted, and no "Publish" offered while restricted
information blocks the latest version.
"""

from django.contrib.messages import constants, get_messages
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from tests.signin import staff_login
from tests.workflows.helpers import IIN, GuardTestCase, edit_form_data
from tests.workflows.moderation import member, submit
from workflows import guard
from workflows.models import (
    RestrictedInformationCheckTask,
    RestrictedInformationCheckTaskState,
    Waiver,
)
from workflows.panels import category_label, review_history


def prefer(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return user


class CheckOutcomeTestCase(GuardTestCase):
    def setUp(self):
        guard.clear_scan_cache()

    def submit_in_the_editor(self, page, user, **fields):
        """Post the page editor's "Submit for moderation" as ``user``; returns the response."""
        staff_login(self.client, user)
        data = edit_form_data(page.get_latest_revision(), **fields)
        data["action-submit"] = "Submit"
        return self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    def messages_of(self, response) -> list:
        return list(get_messages(response.wsgi_request))


class OneMessageTests(CheckOutcomeTestCase):
    def test_an_english_editor_reads_one_message_that_says_why(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")

        response = self.submit_in_the_editor(page, self.author)

        page.refresh_from_db()
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        [message] = self.messages_of(response)
        self.assertEqual(message.level, constants.WARNING)
        text = str(message)
        self.assertIn("sent back by the automatic check “Restricted-information check”", text)
        self.assertIn("Personal identification number (ИИН) in Body, block 1", text)
        self.assertNotIn(IIN, text)
        self.assertNotIn("submitted for moderation", text)

    def test_a_kazakh_editor_reads_it_in_kazakh(self):
        editor = prefer(member("editors", "kk-editor"), "kk")
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")

        response = self.submit_in_the_editor(page, editor)

        [message] = self.messages_of(response)
        self.assertEqual(message.level, constants.WARNING)
        with translation.override("kk"):
            label = category_label("iin")
        self.assertNotEqual(label, "Personal identification number (ИИН)")
        self.assertIn(label, str(message))
        self.assertIn("автоматты тексеруі", str(message))
        with translation.override("kk"):
            check = str(RestrictedInformationCheckTask.get_verbose_name())
        self.assertIn(f"«{check}»", str(message))
        self.assertNotIn("Restricted-information check", str(message))
        self.assertNotIn("sent back", str(message))

    def test_a_clean_submission_still_says_submitted(self):
        page = self.draft("Министрлік жаңа қызметті іске қосты.")

        response = self.submit_in_the_editor(page, self.author)

        [message] = self.messages_of(response)
        self.assertEqual(message.level, constants.SUCCESS)
        self.assertIn("submitted for moderation", str(message))

    def test_a_resubmission_sent_back_again_says_so_once(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        self.submit_in_the_editor(page, self.author)
        self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))  # read

        response = self.submit_in_the_editor(page, self.author, lead="Жаңартылған кіріспе.")

        messages = self.messages_of(response)
        self.assertEqual(len(messages), 1, [str(m) for m in messages])
        self.assertIn("sent back by the automatic check", str(messages[0]))


class CreditedToTheCheckTests(CheckOutcomeTestCase):
    def test_the_rejection_is_logged_without_the_editors_name(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")

        self.submit_in_the_editor(page, self.author)

        task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
        self.assertEqual(task_state.status, TaskState.STATUS_REJECTED)
        self.assertIsNone(task_state.finished_by)
        reject = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
        self.assertIsNone(reject.user)
        start = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
        self.assertEqual(start.user, self.author)
        self.assertEqual(reject.uuid, start.uuid, "the entries of one submission stay together")

    def test_the_approval_by_the_check_is_not_the_editors_either(self):
        page = self.draft("Министрлік жаңа қызметті іске қосты.")

        self.submit_in_the_editor(page, self.author)

        approve = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
        self.assertIsNone(approve.user)
        self.assertEqual(
            str(approve.message),
            "The automatic check “Restricted-information check” found nothing that blocks "
            "publication. Next step: “Press secretary approval”.",
        )

    def test_the_review_history_names_the_check(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        self.submit_in_the_editor(page, self.author)

        [entry] = [e for e in review_history(page) if e.action == "wagtail.workflow.reject"]

        self.assertEqual(entry.user, "Restricted-information check")
        self.assertIn("1 blocking finding", entry.comment)

    def test_the_admin_histories_do_not_name_the_editor_for_the_rejection(self):
        self.author.first_name, self.author.last_name = "Дана", "Жұмабаева"
        self.author.save()
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        self.submit_in_the_editor(page, self.author)
        state = WorkflowState.objects.get(object_id=str(page.pk))
        staff_login(self.client, self.press)

        history = self.client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
        detail = self.client.get(
            reverse("wagtailadmin_pages:workflow_history_detail", args=(page.pk, state.pk))
        )

        rows = BeautifulSoup(history.content.decode(), "html.parser").find_all("tr")
        [reject] = [row for row in rows if "sent the page back" in row.get_text()]
        self.assertIn(
            "The automatic check “Restricted-information check” sent the page back.",
            reject.get_text(),
        )
        [approve] = [row for row in rows if "found nothing" in row.get_text()] or [None]
        self.assertIsNone(approve, "the check rejected; it approved nothing")
        self.assertNotIn("Жұмабаева", reject.get_text())
        self.assertIn("system", reject.get_text())
        timeline = BeautifulSoup(detail.content.decode(), "html.parser").find(id="tab-timeline")
        [checked] = [
            row
            for row in timeline.find_all("tr")
            if "Restricted-information check" in row.get_text()
        ]
        self.assertNotIn("Жұмабаева", checked.get_text())
        self.assertIn("1 blocking finding", checked.get_text())

    def test_the_check_comment_is_read_in_the_readers_language(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        state = submit(page, self.author)
        task_state = RestrictedInformationCheckTaskState.objects.get(workflow_state=state)

        with translation.override("en"):
            english = task_state.get_comment()
        with translation.override("kk"):
            kazakh = task_state.get_comment()

        self.assertIn("1 blocking finding", english)
        self.assertNotEqual(kazakh, english)


class PublishOfferedTests(CheckOutcomeTestCase):
    def menu(self, page, user) -> BeautifulSoup:
        staff_login(self.client, user)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content.decode(), "html.parser")

    def test_no_publish_on_a_page_the_check_sent_back(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        submit(page, self.author)

        html = self.menu(page, self.press)

        self.assertIsNone(html.find("button", attrs={"name": "action-publish"}))
        texts = [b.get_text(" ", strip=True) for b in html.find_all("button", disabled=True)]
        self.assertTrue(
            any("Publishing blocked by restricted information" in text for text in texts), texts
        )
        self.assertTrue(any("Body, block 1" in text for text in texts), texts)

    def test_publish_is_offered_again_once_the_finding_is_waived(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        state = submit(page, self.author)
        report = RestrictedInformationCheckTaskState.objects.get(workflow_state=state).report
        [finding] = report["findings"]
        Waiver.objects.create(
            page=page,
            fingerprint=finding["fingerprint"],
            category=finding["category"],
            rule=finding["rule"],
            excerpt=finding["excerpt"],
            justification="The number is published by the court itself.",
            waived_by=self.press,
        )

        html = self.menu(page, self.press)

        self.assertIsNotNone(html.find("button", attrs={"name": "action-publish"}))

    def test_a_clean_page_keeps_its_publish_button(self):
        page = self.draft("Министрлік жаңа қызметті іске қосты.")

        html = self.menu(page, self.press)

        self.assertIsNotNone(html.find("button", attrs={"name": "action-publish"}))
