"""The default workflows end to end, and the rules each task enforces."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState, WorkflowTask
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests.press_pages.factories import (
    BriefingPageFactory,
    FAQAnswerPageFactory,
    locale,
)
from tests.workflows.helpers import IIN, WorkflowTestCase, paragraph
from tests.workflows.moderation import member, require_translations, submit
from workflows.guard import scan_bundle
from workflows.models import (
    Clearance,
    LegalReviewTask,
    ModerationSettings,
    PressSecretaryApprovalTask,
    RestrictedInformationCheckTask,
    TranslationCompletenessTask,
)
from workflows.services import waive

PHONE = "+7 701 234 56 78"


def task_names(state: WorkflowState) -> list[str]:
    return [
        type(task_state.task.specific).__name__
        for task_state in state.task_states.order_by("started_at", "pk")
    ]


def actions_of(page, user) -> list[str]:
    page.refresh_from_db()
    task = page.current_workflow_task
    return [name for name, *_rest in task.get_actions(page, user)] if task else []


def log_actions(page) -> list[str]:
    """The page's audit log after its creation, oldest first."""
    entries = PageLogEntry.objects.filter(page=page).exclude(action="wagtail.create")
    return list(entries.order_by("pk").values_list("action", flat=True))


class DefaultWorkflowTests(WorkflowTestCase):
    """News, briefings and FAQ answers, each through its default workflow."""

    def test_the_migration_assigns_a_workflow_to_each_type(self):
        settings = ModerationSettings.load()
        steps = {
            name: [
                type(wt.task.specific).__name__
                for wt in WorkflowTask.objects.filter(workflow__name=name).order_by("sort_order")
            ]
            for name in ("News", "Briefings", "FAQ answers")
        }
        self.assertEqual(settings.news_workflow.name, "News")
        self.assertEqual(settings.briefing_workflow.name, "Briefings")
        self.assertEqual(settings.faq_workflow.name, "FAQ answers")
        check, legal, press = (
            "RestrictedInformationCheckTask",
            "LegalReviewTask",
            "PressSecretaryApprovalTask",
        )
        self.assertEqual(
            steps,
            {
                "News": [check, press],
                "Briefings": [check, press],
                "FAQ answers": [check, legal, press],
            },
        )

    def test_news(self):
        page = self.news()
        state = submit(page, self.author)
        self.assertEqual(state.workflow.name, "News")
        self.assertEqual(
            task_names(state), ["RestrictedInformationCheckTask", "PressSecretaryApprovalTask"]
        )
        self.assertEqual(actions_of(page, self.author), [])
        self.assertIn("approve", actions_of(page, self.press))

        self.act(state, self.press)

        page.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        self.assertTrue(page.live)
        clearance = Clearance.objects.get(revision=page.live_revision)
        self.assertEqual((clearance.workflow_state, clearance.granted_by), (state, self.press))
        self.assertEqual(
            log_actions(page),
            [
                # Wagtail logs the start once the first task (the check) has already approved.
                "wagtail.workflow.approve",
                "wagtail.workflow.start",
                "wagtail.workflow.approve",
                "wagtail.publish",
            ],
        )
        approvals = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
        self.assertEqual([entry.user for entry in approvals.order_by("pk")], [None, self.press])

    def test_briefing(self):
        page = BriefingPageFactory(parent=self.briefing_index, live=False)
        state = submit(page, self.author)
        self.assertEqual(state.workflow.name, "Briefings")
        self.act(state, self.press)
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_faq_answer_goes_through_legal_review(self):
        page = FAQAnswerPageFactory(parent=self.faq_index, live=False)
        state = submit(page, self.author)
        self.assertEqual(state.workflow.name, "FAQ answers")
        self.assertIsInstance(self.current(state).task.specific, LegalReviewTask)
        self.assertEqual(actions_of(page, self.press), [])  # not the press secretary's step yet
        self.assertIn("approve", actions_of(page, self.lawyer))

        self.act(state, self.lawyer)
        self.assertIsInstance(self.current(state).task.specific, PressSecretaryApprovalTask)
        self.assertEqual(actions_of(page, self.lawyer), [])
        self.act(state, self.press)

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(
            task_names(state),
            ["RestrictedInformationCheckTask", "LegalReviewTask", "PressSecretaryApprovalTask"],
        )
        self.assertEqual(
            [
                e.user
                for e in PageLogEntry.objects.filter(
                    page=page, action="wagtail.workflow.approve"
                ).order_by("pk")
            ],
            [None, self.lawyer, self.press],
        )


class CheckTaskTests(WorkflowTestCase):
    """The automatic restricted-information check."""

    def test_a_clean_page_passes_and_the_report_is_stored(self):
        page = self.news()
        state = submit(page, self.author)
        check = state.task_states.get(
            task__in=RestrictedInformationCheckTask.objects.all()
        ).specific

        self.assertEqual(check.status, TaskState.STATUS_APPROVED)
        self.assertEqual(check.report["revisions"], [check.revision_id])
        self.assertEqual((check.report["findings"], check.report["waived"]), ([], []))
        self.assertIsNone(check.finished_by)

    def test_warnings_do_not_block(self):
        page = self.news(f"Қосымша ақпарат: {PHONE}.")
        state = submit(page, self.author)
        check = state.task_states.get(
            task__in=RestrictedInformationCheckTask.objects.all()
        ).specific

        self.assertEqual(check.status, TaskState.STATUS_APPROVED)
        self.assertEqual(
            [(f["category"], f["severity"]) for f in check.report["findings"]], [("phone", "warn")]
        )
        self.assertIn("1 warning", check.comment)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_a_blocking_finding_sends_the_page_back_and_a_fix_passes(self):
        page = self.news(f"Өтініш иесінің ЖСН {IIN}.")
        state = submit(page, self.author)
        check = self.current(state)

        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertEqual(check.status, TaskState.STATUS_REJECTED)
        self.assertEqual([f["category"] for f in check.report["findings"]], ["iin"])
        self.assertNotIn(IIN, str(check.report))
        self.assertIn("1 blocking finding", check.comment)
        self.assertEqual(actions_of(page, self.press), [])

        page.body = paragraph("Өтініш иесінің деректері жарияланбайды.")
        page.save_revision(user=self.author)
        state.resume(user=self.author)

        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertIsInstance(self.current(state).task.specific, PressSecretaryApprovalTask)
        self.act(state, self.press)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(
            log_actions(page),
            [
                "wagtail.workflow.reject",
                "wagtail.workflow.start",
                "wagtail.workflow.resume",
                "wagtail.workflow.approve",
                "wagtail.workflow.approve",
                "wagtail.publish",
            ],
        )


class SeparationOfDutiesTests(WorkflowTestCase):
    """Nobody approves a revision they wrote, whatever their groups."""

    def assert_cannot_approve_own(self, author):
        page = self.news()
        state = submit(page, author)
        task_state = self.current(state)
        self.assertIsInstance(task_state.task.specific, PressSecretaryApprovalTask)

        self.assertNotIn("approve", actions_of(page, author))
        with self.assertRaisesMessage(PermissionDenied, "Nobody approves a revision they wrote"):
            task_state.task.specific.on_action(task_state, author, "approve")
        page.refresh_from_db()
        self.assertFalse(page.live)
        # Another press secretary can.
        self.act(state, self.press)
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_a_press_secretary_cannot_approve_their_own_revision(self):
        self.assert_cannot_approve_own(member("press_secretaries", "writing-press-secretary"))

    def test_a_superuser_cannot_approve_their_own_revision(self):
        self.assert_cannot_approve_own(
            get_user_model().objects.create_superuser("boss", "boss@example.kz", "boss-password")
        )

    def test_an_author_may_still_request_changes_on_their_own_revision(self):
        author = member("press_secretaries", "writing-press-secretary")
        page = self.news()
        submit(page, author)
        self.assertIn("reject", actions_of(page, author))

    def test_someone_outside_the_group_cannot_act(self):
        page = self.news()
        state = submit(page, self.author)
        task_state = self.current(state)
        for outsider in (self.lawyer, member("heads", "head")):
            with self.subTest(outsider=outsider.username):
                self.assertEqual(actions_of(page, outsider), [])
                with self.assertRaises(PermissionDenied):
                    task_state.task.specific.on_action(task_state, outsider, "approve")


class LegalReviewTests(WorkflowTestCase):
    def test_a_waived_finding_passes_on_resubmission(self):
        page = FAQAnswerPageFactory(
            parent=self.faq_index,
            live=False,
            short_answer="Шешім Абылайхан Нұрланұлына қатысты.",
        )
        from workflows.models import StopListTerm

        StopListTerm.objects.create(
            phrase="Абылайхан Нұрланұлы", legal_basis="Сот шешімі № 3-1/2026"
        )
        state = submit(page, self.author)
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]

        with self.assertRaises(PermissionDenied):
            waive(page, finding, user=self.press, justification="Баспасөз хатшысы шешті.")
        waive(
            page,
            finding,
            user=self.lawyer,
            justification="Шешім жарияланған, атауды келтіруге болады.",
        )
        state.resume(user=self.author)

        check = (
            state.task_states.filter(task__in=RestrictedInformationCheckTask.objects.all())
            .latest("started_at")
            .specific
        )
        self.assertEqual(check.status, TaskState.STATUS_APPROVED)
        self.assertEqual(len(check.report["waived"]), 1)
        self.act(state, self.lawyer)
        self.act(state, self.press)
        page.refresh_from_db()
        self.assertTrue(page.live)
        waiver_log = PageLogEntry.objects.get(page=page, action="workflows.waive")
        self.assertEqual(waiver_log.user, self.lawyer)


class TranslationCompletenessTests(WorkflowTestCase):
    """The translation completeness task, added to the news workflow for these tests."""

    def setUp(self):
        require_translations("kk", "ru")
        workflow = Workflow.objects.create(name="News with translations")
        WorkflowTask.objects.create(
            workflow=workflow, task=TranslationCompletenessTask.objects.get(), sort_order=0
        )
        WorkflowTask.objects.create(
            workflow=workflow, task=PressSecretaryApprovalTask.objects.get(), sort_order=1
        )
        settings = ModerationSettings.load()
        settings.news_workflow = workflow
        settings.save()

    def translate(self, page, done: int | None = None):
        """Translate ``page`` into ru in wagtail-localize, the first ``done`` segments only."""
        TranslationCreator(self.author, [locale("ru")]).create_translations(page)
        translation = Translation.objects.get(source__object_id=page.translation_key)
        segments = list(translation.source.stringsegment_set.order_by("order"))
        for segment in segments[:done]:
            StringTranslation.objects.create(
                translation_of_id=segment.string_id,
                locale=locale("ru"),
                context_id=segment.context_id,
                data=f"RU {segment.string.data}",
            )
        return len(segments)

    def completeness(self, state) -> TaskState:
        return state.task_states.get(task__in=TranslationCompletenessTask.objects.all()).specific

    def test_rejects_without_a_ru_version(self):
        page = self.news()
        state = submit(page, self.author)
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertIn("No Русский version.", self.completeness(state).comment)

    def test_rejects_a_partial_translation(self):
        page = self.news()
        total = self.translate(page, done=1)
        state = submit(page, self.author)
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertIn(f"1 of {total} segments translated", self.completeness(state).comment)

    def test_approves_a_complete_translation(self):
        page = self.news()
        self.translate(page)
        state = submit(page, self.author)
        self.assertEqual(self.completeness(state).status, TaskState.STATUS_APPROVED)
        self.assertIsInstance(self.current(state).task.specific, PressSecretaryApprovalTask)


class DueTimeTests(WorkflowTestCase):
    def test_each_task_is_due_its_hours_after_it_started(self):
        hours = {
            RestrictedInformationCheckTask: 1,
            LegalReviewTask: 24,
            PressSecretaryApprovalTask: 4,
            TranslationCompletenessTask: 24,
        }
        for model, due_hours in hours.items():
            with self.subTest(task=model.__name__):
                self.assertEqual(model.objects.get().due_hours, due_hours)

        page = FAQAnswerPageFactory(parent=self.faq_index, live=False)
        state = submit(page, self.author)
        task_state = self.current(state)
        task = task_state.task.specific
        self.assertEqual(
            task.due_at(task_state), task_state.started_at + datetime.timedelta(hours=24)
        )


class ReapprovalTests(WorkflowTestCase):
    @override_settings(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=True)
    def test_editing_during_review_restarts_approval(self):
        page = self.news()
        state = submit(page, self.author)
        first_press = self.current(state)

        page.lead = "Қарау кезінде өзгертілген лид."
        edited = page.save_revision(user=self.author)
        self.act(state, self.press)

        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        again = self.current(state)
        self.assertNotEqual(again.pk, first_press.pk)
        self.assertEqual(again.revision, edited)
        self.assertEqual(
            task_names(state),
            [
                "RestrictedInformationCheckTask",
                "PressSecretaryApprovalTask",
                "RestrictedInformationCheckTask",
                "PressSecretaryApprovalTask",
            ],
        )

        self.act(state, self.press)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, edited)
        self.assertEqual(page.lead, "Қарау кезінде өзгертілген лид.")

    def test_the_setting_is_on(self):
        from django.conf import settings

        self.assertTrue(settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)

    def test_an_edit_by_the_reviewer_needs_another_reviewer(self):
        page = self.news()
        state = submit(page, self.author)
        page.lead = "Баспасөз хатшысы өзгерткен лид."
        page.save_revision(user=self.press)
        self.act(state, self.press)  # approves the author's revision; the check runs again

        self.assertNotIn("approve", actions_of(page, self.press))
        self.act(state, member("press_secretaries", "second-press"))
        page.refresh_from_db()
        self.assertTrue(page.live)
