"""A translator marks a translation ready for review; the completeness task shows it."""

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.translation import override

from wagtail.models import PageLogEntry, Workflow, WorkflowTask
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from press_pages.models import NewsPage
from tests.press_pages.factories import locale
from tests.signin import staff_login
from tests.workflows.helpers import WorkflowTestCase
from tests.workflows.moderation import member, prefer_english, require_translations, submit
from workflows.models import (
    ModerationSettings,
    PressSecretaryApprovalTask,
    TranslationCompletenessTask,
    TranslationReadiness,
)


class TranslationReadinessTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.translator = member("editors", "translator")
        prefer_english(cls.translator, cls.author)
        cls.outsider = member("legal_reviewers", "outsider")
        require_translations("kk", "ru")
        workflow = Workflow.objects.create(name="News with translations")
        for order, task in enumerate(
            (TranslationCompletenessTask.objects.get(), PressSecretaryApprovalTask.objects.get())
        ):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        settings = ModerationSettings.load()
        settings.news_workflow = workflow
        settings.save()

    def setUp(self):
        self.page = self.news()
        self.page.save_revision(user=self.author)
        TranslationCreator(self.author, [locale("ru"), locale("en")]).create_translations(self.page)
        self.translation = Translation.objects.get(
            source__object_id=self.page.translation_key, target_locale=locale("ru")
        )
        self.ru = NewsPage.objects.get(
            translation_key=self.page.translation_key, locale=locale("ru")
        )
        self.url = reverse("workflows_translation_ready", args=[self.ru.pk])

    def translate_everything(self):
        for segment in self.translation.source.stringsegment_set.all():
            StringTranslation.objects.create(
                translation_of_id=segment.string_id,
                locale=locale("ru"),
                context_id=segment.context_id,
                data="Русский текст.",
            )

    def post(self, user, ready):
        staff_login(self.client, user)
        return self.client.post(self.url, {"ready": ready})

    def test_the_translation_editor_and_the_page_header_offer_the_mark(self):
        explore_url = reverse("wagtailadmin_explore", args=[self.ru.pk])
        staff_login(self.client, self.translator)
        self.assertContains(self.client.get(explore_url), f'href="{self.url}"')
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.ru.pk]))
        self.assertContains(response, "js-translation-editor")
        self.assertContains(response, f'action="{self.url}"')
        self.assertContains(response, "Mark translation ready")

    def test_a_translator_marks_a_complete_translation_ready_and_it_is_logged(self):
        self.translate_everything()
        response = self.post(self.translator, "yes")

        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[self.ru.pk]),
            fetch_redirect_response=False,
        )
        readiness = TranslationReadiness.objects.get(translation=self.translation)
        self.assertEqual(readiness.marked_by, self.translator)
        entry = PageLogEntry.objects.get(page=self.ru, action="workflows.translation_ready")
        self.assertEqual((entry.user, entry.data["language"]), (self.translator, "ru"))
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("The Русский translation is marked ready for review.", messages)

        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.ru.pk]))
        self.assertContains(editor, "Not ready after all")

        self.post(self.translator, "no")
        self.assertFalse(TranslationReadiness.objects.exists())
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=self.ru, action="workflows.translation_not_ready"
            ).exists()
        )

    def test_an_incomplete_translation_cannot_be_marked_ready(self):
        response = self.post(self.translator, "yes")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Translate every segment first")
        self.assertFalse(TranslationReadiness.objects.exists())

    def test_bad_input_is_refused_with_a_message(self):
        response = self.post(self.translator, "\x00maybe")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose whether the translation is ready for review.")

    def test_only_those_who_may_edit_the_translation_may_mark_it(self):
        response = self.post(self.outsider, "yes")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(TranslationReadiness.objects.exists())

    def test_a_source_page_is_not_a_translation(self):
        url = reverse("workflows_translation_ready", args=[self.page.pk])
        staff_login(self.client, self.translator)
        # (LocaleMiddleware first tries the address with a language prefix.)
        self.assertEqual(self.client.get(url, follow=True).status_code, 404)

    def test_the_completeness_task_shows_which_translations_are_ready(self):
        self.translate_everything()
        self.post(self.translator, "yes")

        with override("en"):  # the comment is written in the active language
            state = submit(self.page, self.author)

        task_state = state.task_states.get(task__in=TranslationCompletenessTask.objects.all())
        self.assertIn("Ready for review: Русский.", task_state.comment)
        self.assertIn("Not marked ready by the translator: English.", task_state.comment)
        staff_login(self.client, self.author)
        history = self.client.get(
            reverse("wagtailadmin_pages:workflow_history_detail", args=[self.page.pk, state.pk])
        )
        self.assertContains(history, "Ready for review: Русский.")

    def test_a_mark_made_before_the_source_changed_is_not_counted_as_ready(self):
        self.translate_everything()
        self.post(self.translator, "yes")
        self.page.lead = "Министрлік тағы бір жаңа қызметті іске қосты."
        self.page.save_revision(user=self.author)
        self.page.save()
        TranslationSource.update_or_create_from_instance(self.page)

        with override("en"):  # the comment is written in the active language
            state = submit(self.page, self.author)

        comment = state.task_states.get(task__in=TranslationCompletenessTask.objects.all()).comment
        self.assertNotIn("Ready for review:", comment)
        self.assertIn(
            "Marked ready, but the source has changed since and is not fully translated: Русский.",
            comment,
        )
