"""The dashboard's "My worklist": what waits for each role, since when, and what is overdue."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import TaskState
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
)
from tests.press_pages.outline import outline
from tests.signin import staff_login
from tests.workflows.moderation import approve_all, member, prefer_english, submit
from workflows import guard
from workflows.hooks.reviews import build_worklist
from workflows.services import emergency_publish

pytestmark = pytest.mark.django_db

SLUGS = itertools.count(1)
IIN = "900115300122"


@pytest.fixture(autouse=True)
def _fresh_scan_cache():
    """Isolation: the guard memoises findings by revision id, and ids repeat across tests."""
    guard._SCAN_CACHE.clear()
    yield
    guard._SCAN_CACHE.clear()


@pytest.fixture
def news_index():
    return NewsIndexPageFactory(parent=kk_home())


@pytest.fixture
def author():
    return member("editors", "author")


@pytest.fixture
def secretary():
    user = member("press_secretaries", "secretary")
    prefer_english(user)  # new accounts get the admin in Kazakh; these tests read English
    return user


def draft(parent, title, **fields):
    return NewsPageFactory(
        parent=parent, live=False, title=title, slug=f"news-{next(SLUGS)}", **fields
    )


def titles(rows) -> list[str]:
    return [row.title for row in rows]


def started_hours_ago(state, hours):
    TaskState.objects.filter(pk=state.current_task_state_id).update(
        started_at=timezone.now() - datetime.timedelta(hours=hours)
    )


class TestWhatWaitsForWhom:
    def test_press_secretary_sees_submitted_pages_oldest_first(self, news_index, author, secretary):
        newer = submit(draft(news_index, "Кейінгі"), author)
        older = submit(draft(news_index, "Ертеректегі"), author)
        started_hours_ago(older, 3)

        worklist = build_worklist(secretary)

        assert titles(worklist.reviews) == ["Ертеректегі", "Кейінгі"]
        row = worklist.reviews[0]
        assert row.task == older.current_task_state.task.name
        assert row.edit_url == reverse("wagtailadmin_pages:edit", args=[row.page_id])
        task = older.current_task_state.task.specific
        older.current_task_state.refresh_from_db()
        assert row.due_at == task.due_at(older.current_task_state)
        assert worklist.changes_requested == [] and worklist.follow_ups == []
        assert newer.current_task_state is not None

    def test_author_sees_changes_requested_with_the_reason_and_nothing_to_review(
        self, news_index, author, secretary
    ):
        submit(draft(news_index, "Тексерілетін"), author)
        state = submit(draft(news_index, "Құпия дерек", lead=f"ЖСН {IIN}"), author)

        worklist = build_worklist(author)

        assert worklist.reviews == []
        [row] = worklist.changes_requested
        assert row.title == "Құпия дерек"
        state.refresh_from_db()
        assert row.task == state.current_task_state.task.name
        assert row.note == state.current_task_state.comment
        assert row.note, "the reason is shown"
        assert titles(build_worklist(secretary).reviews) == ["Тексерілетін"]

    def test_nobody_is_asked_to_review_their_own_revision(self, news_index, secretary):
        submit(draft(news_index, "Өз жаңалығы"), secretary)
        other = member("press_secretaries", "other-secretary")

        assert build_worklist(secretary).reviews == []
        assert titles(build_worklist(other).reviews) == ["Өз жаңалығы"]

    def test_legal_reviewers_see_their_step_only(self, author, secretary):
        legal = member("legal_reviewers", "legal")
        faq_index = FAQIndexPageFactory(parent=kk_home())
        answer = FAQAnswerPageFactory(
            parent=faq_index, live=False, title="Сұрақ", slug=f"faq-{next(SLUGS)}"
        )
        submit(answer, author)
        news_index = NewsIndexPageFactory(parent=kk_home())
        submit(draft(news_index, "Жаңалық"), author)

        assert titles(build_worklist(legal).reviews) == ["Сұрақ"]
        assert titles(build_worklist(secretary).reviews) == ["Жаңалық"]

    def test_emergency_publications_wait_for_follow_up_review(self, news_index, author, secretary):
        legal = member("legal_reviewers", "legal")
        page = draft(news_index, "Шұғыл хабарлама")
        page.save_revision(user=author)
        publication = emergency_publish(
            page, user=secretary, reason="Төтенше жағдай туралы шұғыл ескерту."
        )

        for user in (legal, member("press_secretaries", "other-secretary")):
            [row] = build_worklist(user).follow_ups
            assert row.title == "Шұғыл хабарлама"
            assert row.note == "Төтенше жағдай туралы шұғыл ескерту."
            assert row.since == publication.published_at
        assert build_worklist(author).follow_ups == []

        approve_all(publication.workflow_state)
        assert build_worklist(legal).follow_ups == [], "the follow-up review is done"


class TestOverdue:
    def test_a_review_past_its_due_time_is_marked_in_words(
        self, client, news_index, author, secretary
    ):
        state = submit(draft(news_index, "Кешіккен"), author)
        submit(draft(news_index, "Уақытында"), author)
        task = state.current_task_state.task.specific
        started_hours_ago(state, task.due_hours + 1)

        worklist = build_worklist(secretary)
        assert [row.overdue for row in worklist.reviews] == [True, False]

        staff_login(client, secretary)
        response = client.get(reverse("wagtailadmin_home"))
        page = outline(response)
        html = response.content.decode()
        assert "My worklist" in page.text["h2"] or 'id="my-worklist' in html
        rows = html[html.index("Кешіккен") : html.index("Уақытында")]
        assert "Overdue" in rows
        assert "Overdue" not in html[html.index("Уақытында") :]
        assert page.find("a", href=reverse("wagtailadmin_pages:edit", args=[state.object_id]))


class TestPanel:
    def test_empty_worklist_says_so(self, client, secretary):
        staff_login(client, secretary)
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert "Nothing is waiting for you." in response.content.decode()

    def test_queries_do_not_grow_with_the_number_of_pages(self, news_index, author, secretary):
        def fresh(user):
            """The user as a new request loads it, without per-object caches."""
            return type(user).objects.get(pk=user.pk)

        submit(draft(news_index, "Бір"), author)
        build_worklist(fresh(secretary))  # warms the content type cache, as any request has
        with CaptureQueriesContext(connection) as one:
            build_worklist(fresh(secretary))
        for title in ("Екі", "Үш", "Төрт", "Бес"):
            submit(draft(news_index, title), author)
        submit(draft(news_index, "Қайтарылды", lead=f"ЖСН {IIN}"), secretary)
        with CaptureQueriesContext(connection) as five:
            worklist = build_worklist(fresh(secretary))
        assert len(worklist.reviews) == 5
        assert len(five) == len(one)


class TestAwaitingMe:
    """The worklist's first section: what the user can act on, overdue first, then by due time."""

    def test_overdue_first_then_the_soonest_due(self, news_index, author):
        both = member("press_secretaries", "press-and-legal")
        member("legal_reviewers", "press-and-legal")
        faq_index = FAQIndexPageFactory(parent=kk_home())
        answer = FAQAnswerPageFactory(
            parent=faq_index, live=False, title="Заң қарауындағы жауап", slug=f"faq-{next(SLUGS)}"
        )
        legal = submit(answer, author)  # legal review: due in 24 hours
        late = submit(draft(news_index, "Мерзімі өткен"), author)  # press: due in 4 hours
        fresh = submit(draft(news_index, "Жаңа ғана"), author)
        started_hours_ago(legal, 10)
        started_hours_ago(late, 5)
        started_hours_ago(fresh, 1)

        rows = build_worklist(both).reviews

        assert titles(rows) == ["Мерзімі өткен", "Жаңа ғана", "Заң қарауындағы жауап"]
        assert [row.overdue for row in rows] == [True, False, False]

    @pytest.mark.parametrize("language", ["kk", "ru", "en"])
    def test_the_panel_in_the_users_language(self, client, news_index, author, language):
        secretary = member("press_secretaries", f"secretary-{language}")
        profile = UserProfile.get_for_user(secretary)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        late = submit(draft(news_index, "Мерзімі өткен"), author)
        started_hours_ago(late, 5)

        staff_login(client, secretary)
        response = client.get(reverse("wagtailadmin_home"))

        panel = BeautifulSoup(response.content.decode(), "html.parser").find(
            id="my-worklist-section"
        )
        with translation.override(language):
            heading = translation.gettext("Awaiting me")
            overdue = translation.gettext("Overdue")
            due = translation.gettext("Due")
        if language != "en":
            assert heading != "Awaiting me", "translated"
        section = panel.find(id="worklist-reviews")
        assert section.get_text(strip=True) == heading
        table = panel.find("table", attrs={"aria-labelledby": "worklist-reviews"})
        assert due in table.find("thead").get_text()
        [row] = table.find("tbody").find_all("tr")
        assert "Мерзімі өткен" in row.get_text()
        assert overdue in row.get_text()
        assert row.find("time", datetime=True) is not None
