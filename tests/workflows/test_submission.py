"""Submitting moderated pages from the editor: a new page from the create view, and an
Approve posted from the editor that must not restart the review."""

from django.contrib.messages import get_messages
from django.db.models.signals import post_save
from django.test import TestCase
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from press_pages.models import NewsPage
from tests.press_pages.factories import NewsIndexPageFactory, kk_home
from tests.signin import staff_login
from tests.workflows.helpers import edit_form_data
from tests.workflows.moderation import member, prefer_english


def news_form(title: str, text: str, slug: str = "new-service") -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Министрлік жаңа қызметті іске қосты.",
            "display_date": "2026-11-28",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "topic_links": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


class CreateViewSubmissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())
        cls.editor = member("editors", "create-editor")
        prefer_english(cls.editor)

    def setUp(self):
        staff_login(self.client, self.editor)
        self.url = reverse(
            "wagtailadmin_pages:add", args=("press_pages", "newspage", self.index.pk)
        )

    def test_the_create_view_offers_the_type_workflow(self):
        response = self.client.get(self.url)

        self.assertContains(response, "Submit to News")
        self.assertContains(response, 'name="action-submit"')

    def test_submitting_a_new_page_starts_its_workflow(self):
        data = news_form("Жаңа қызмет", "Азаматтар өтінішті онлайн бере алады.")
        data["action-submit"] = "Submit"

        response = self.client.post(self.url, data)

        page = NewsPage.objects.get(title="Жаңа қызмет")
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        state = page.current_workflow_state
        self.assertEqual(state.workflow.name, "News")
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.current_task_state.task.name, "Press secretary approval")
        self.assertFalse(page.live)

    def test_a_sent_back_submission_says_so_at_once(self):
        data = news_form("ЖСН бар жаңалық", "Өтініш берушінің ЖСН: 900115300122.")
        data["action-submit"] = "Submit"

        response = self.client.post(self.url, data, follow=True)

        page = NewsPage.objects.get(title="ЖСН бар жаңалық")
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        texts = [str(m) for m in get_messages(response.wsgi_request)] + [response.content.decode()]
        self.assertTrue(any("was sent back" in text for text in texts))


class ApproveFromTheEditorTests(TestCase):
    """A reviewer's Approve is posted with the whole edit form; unchanged fields stay unchanged."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())
        cls.editor = member("editors", "approve-editor")
        cls.secretary = member("press_secretaries", "approve-secretary")

    def submitted_page(self, title: str) -> NewsPage:
        staff_login(self.client, self.editor)
        add_url = reverse("wagtailadmin_pages:add", args=("press_pages", "newspage", self.index.pk))
        data = news_form(title, "Брифинг сәрсенбіде өтеді.")
        data["action-submit"] = "Submit"
        self.client.post(add_url, data)
        self.client.logout()
        return NewsPage.objects.get(title=title)

    def approve_from_the_editor(self, page: NewsPage, **fields):
        staff_login(self.client, self.secretary)
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        form = self.client.get(edit_url)
        self.assertEqual(form.status_code, 200)
        data = edit_form_data(page.get_latest_revision(), **fields)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        return self.client.post(edit_url, data)

    def test_approve_posted_from_the_editor_publishes_without_a_new_revision(self):
        page = self.submitted_page("Брифинг туралы")
        revisions = page.revisions.count()
        task_state = page.current_workflow_state.current_task_state

        response = self.approve_from_the_editor(page)

        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, "approved")
        self.assertEqual(page.revisions.count(), revisions)
        self.assertTrue(page.live)

    def test_an_unchanged_approve_writes_the_page_row_only_to_publish_it(self):
        page = self.submitted_page("Брифинг кестесі")
        writes = []

        def record(sender, instance, **kwargs):
            if instance.pk == page.pk:
                writes.append(instance.live)

        post_save.connect(record, sender=NewsPage, weak=False)
        self.addCleanup(post_save.disconnect, record, sender=NewsPage)

        response = self.approve_from_the_editor(page)

        self.assertEqual(response.status_code, 302)
        self.assertEqual(writes, [True])

    def test_the_form_skips_its_save_only_for_an_unchanged_workflow_action(self):
        page = self.submitted_page("Брифинг орны")
        revision = page.get_latest_revision()
        form_class = page.get_edit_handler().get_form_class()

        def form(**fields):
            draft = revision.as_object()
            bound = form_class(
                edit_form_data(revision, **fields),
                instance=draft,
                for_user=self.secretary,
                parent_page=page.get_parent(),
            )
            self.assertTrue(bound.is_valid(), bound.errors)
            return bound

        self.assertFalse(form().is_unchanged_workflow_action(), "Save draft is not an action")
        self.assertTrue(form(**{"action-workflow-action": "true"}).is_unchanged_workflow_action())
        changed = form(**{"action-workflow-action": "true", "lead": "Брифинг бейсенбіге ауысты."})
        self.assertFalse(changed.is_unchanged_workflow_action())
