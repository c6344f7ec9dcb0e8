"""News bodies with and without personal data, the page editor's POST data, and a test case
with the people of the publication guard tests."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase

from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from press_pages.models import NewsPage
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
)
from tests.workflows.moderation import member, prefer_english

# A valid ИИН (the checksum holds): personal data that blocks publication.
IIN = "900115300122"


def paragraph(text: str, key: str = "a1b2c") -> list:
    """A body of one paragraph, stored as the page editor stores rich text."""
    return [("paragraph", f'<p data-block-key="{key}">{text}</p>')]


def iin_body(iin: str = IIN):
    """A body whose second paragraph holds an applicant's ИИН."""
    return [
        ("paragraph", "<p>Министрлік жаңа қызметті іске қосты.</p>"),
        ("paragraph", f"<p>Өтініш берушінің ЖСН: {iin}.</p>"),
    ]


def edit_form_data(revision: Revision, **fields) -> dict:
    """The page editor's POST data for a news revision, as the browser would send it back."""
    content = revision.content
    body = content["body"]
    if isinstance(body, str):
        body = json.loads(body)
    stream = {"count": str(len(body))}
    for order, block in enumerate(body):
        stream[str(order)] = {
            "type": block["type"],
            "value": rich_text(block["value"]),
            "id": block["id"],
            "deleted": "",
            "order": str(order),
        }
    data = {
        "title": content["title"],
        "slug": content["slug"],
        "lead": content["lead"],
        "display_date": content["display_date"],
        "body": stream,
        "topic_links": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def has_body_text(revision: Revision, text: str) -> bool:
    """Whether ``text`` is in the revision's fields (the body is stored as a JSON string)."""
    content = dict(revision.content)
    if isinstance(content.get("body"), str):
        content["body"] = json.loads(content["body"])
    return text in json.dumps(content, ensure_ascii=False)


class GuardTestCase(TestCase):
    """A news index, a superuser, an editor (the author) and a press secretary."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())
        cls.superuser = get_user_model().objects.create_superuser(
            "root", "root@example.kz", "root-password"
        )
        cls.author = member("editors", "author")
        cls.press = member("press_secretaries", "press")
        prefer_english(cls.superuser, cls.author, cls.press)

    def draft(self, text: str = "Министрлік жаңа қызметті іске қосты.", **fields) -> NewsPage:
        """A news draft saved by the author, never moderated."""
        page = NewsPageFactory(parent=self.index, live=False, body=paragraph(text), **fields)
        page.save_revision(user=self.author)
        return page

    def assert_draft_kept(self, page, text: str):
        """The page is not live and its latest revision still holds ``text``."""
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertTrue(has_body_text(page.get_latest_revision(), text))


class WorkflowTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.briefing_index = BriefingIndexPageFactory(parent=home)
        cls.faq_index = FAQIndexPageFactory(parent=home)
        cls.author = member("editors", "author")
        cls.press = member("press_secretaries", "press")
        cls.lawyer = member("legal_reviewers", "lawyer")

    def news(self, text="Министрлік жаңа қызметті іске қосты.", **fields):
        return NewsPageFactory(parent=self.news_index, live=False, body=paragraph(text), **fields)

    def current(self, state: WorkflowState) -> TaskState:
        state.refresh_from_db()
        return state.current_task_state.specific

    def act(self, state, user, action="approve"):
        task_state = self.current(state)
        task_state.task.specific.on_action(task_state, user, action)
        state.refresh_from_db()
        return state
