"""The clock of a page with a deadline (the Art. 37 obligatory message, due 3 hours after its
event) in words, and on every admin screen that shows the page: the explorer's status, the
editor above its tabs, and the dashboard's worklist."""

import datetime
import json
import zoneinfo

from django.urls import reverse
from django.utils import translation

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.press_pages.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
)
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english, submit
from workflows.deadlines import Clock, clocks_for, format_duration
from workflows.hooks.reviews import build_worklist

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
EVENT = datetime.datetime(2026, 5, 12, 11, 5, tzinfo=ALMATY)
DEADLINE = EVENT + datetime.timedelta(hours=3)


def at(hours=0, minutes=0, seconds=0) -> datetime.datetime:
    return EVENT + datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def clock(now, published_at=None) -> Clock:
    return Clock(event_at=EVENT, deadline=DEADLINE, published_at=published_at, now=now)


class TestClockInWords:
    @pytest.mark.parametrize(
        ("minutes", "round_up", "text"),
        [
            (0.5, False, "less than a minute"),
            (0.5, True, "1 min"),
            (45, False, "45 min"),
            (60, False, "1 h"),
            (72, False, "1 h 12 min"),
            (59.5, True, "1 h"),
            (185, False, "3 h 5 min"),
        ],
    )
    def test_durations(self, minutes, round_up, text):
        with translation.override("en"):
            delta = datetime.timedelta(minutes=minutes)
            assert format_duration(delta, round_up=round_up) == text

    def test_states_and_sentences(self):
        with translation.override("en"):
            assert clock(at(1, 48)).label == "Due by 2:05 p.m., 1 h 12 min left"
            assert clock(at(1, 48)).running
            assert clock(at(3)).label == "Overdue by less than a minute (due by 2:05 p.m.)"
            assert clock(at(3, 25)).overdue
            assert clock(at(3, 25)).label == "Overdue by 25 min (due by 2:05 p.m.)"
            assert clock(at(5), at(2, 40)).label == "Published in time (due by 2:05 p.m.)"
            assert clock(at(5), at(2, 40)).brief == "In time (due by 2:05 p.m.)"
            late = clock(at(5), at(3, 25))
            assert late.label == "Published 25 min late (due by 2:05 p.m.)"
            assert late.brief == "25 min late (due by 2:05 p.m.)"
            assert not late.overdue, "a live page is no longer overdue"
            next_day = clock(at(14))
            assert next_day.label == "Overdue by 11 h (due by 05/12/2026 2:05 p.m.)"

    def test_the_time_is_written_as_each_language_writes_it(self):
        with translation.override("kk"):
            assert "14:05" in clock(at(1, 48)).label
        with translation.override("ru"):
            assert "14:05" in clock(at(1, 48)).label


@pytest.fixture
def page_data(db):
    with time_machine.travel(at(0, 30), tick=False):
        index = NewsIndexPageFactory(parent=kk_home())
        author = member("editors", "author")
        secretary = member("press_secretaries", "secretary")
        prefer_english(secretary)
        page = ObligatoryMessagePageFactory(
            parent=index, live=False, event_at=EVENT, slug="flood", title="Су тасқыны"
        )
        news = NewsPageFactory(parent=index, live=False, slug="plain", title="Жай жаңалық")
        for item in (page, news):
            submit(item, author)
    return {"index": index, "page": page, "news": news, "secretary": secretary}


@pytest.mark.django_db
class TestClockInTheAdmin:
    def test_the_explorer_shows_the_clock_in_the_status(self, client, page_data):
        with time_machine.travel(at(1, 48), tick=False):
            staff_login(client, page_data["secretary"])
            response = client.get(reverse("wagtailadmin_explore", args=[page_data["index"].pk]))
        assert response.status_code == 200
        rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
        statuses = {
            row.select_one("td.title a").text.strip(): " ".join(row.text.split()) for row in rows
        }
        assert (
            "In review: Press secretary approval. Due by 2:05 p.m., 1 h 12 min left"
            in statuses["Су тасқыны"]
        )
        assert "Due by" not in statuses["Жай жаңалық"]

    def test_the_editor_shows_the_clock_above_the_tabs(self, client, page_data):
        page = page_data["page"]
        with time_machine.travel(at(3, 25), tick=False):
            staff_login(client, page_data["secretary"])
            response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        [section] = html.select("section.deadline-clock")
        assert "deadline-clock--overdue" in section["class"]
        assert section["data-deadline"] == DEADLINE.isoformat()
        assert section.select_one("h2").text.strip() == "Obligatory message"
        assert "Art. 37" in section.text
        assert "Time of the event: May 12, 2026, 11:05 a.m." in " ".join(section.text.split())
        [timer] = section.select('[role="timer"]')
        assert timer.text == "Overdue by 25 min (due by 2:05 p.m.)"
        patterns = json.loads(html.select_one("#deadline-clock-patterns").text)
        assert patterns["running"] == "Due by %(time)s, %(left)s left"
        assert section.find_next_sibling(class_="w-tabs"), "the tabs follow the clock"
        assert html.select_one('script[src*="workflows/deadline_clock.js"]')
        news_editor = client.get(reverse("wagtailadmin_pages:edit", args=[page_data["news"].pk]))
        assert b"deadline-clock" not in news_editor.content

    def test_a_new_message_asks_for_the_time_of_the_event(self, client, page_data):
        staff_login(client, page_data["secretary"])
        response = client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=["press_pages", "obligatorymessagepage", page_data["index"].pk],
            )
        )
        assert response.status_code == 200
        [section] = BeautifulSoup(response.content, "html.parser").select("section.deadline-clock")
        assert "Enter the time of the event: the page is due 3 h after it." in " ".join(
            section.text.split()
        )
        assert not section.has_attr("data-deadline")

    def test_the_worklist_shows_the_clock_and_puts_the_deadline_first(self, client, page_data):
        secretary = page_data["secretary"]
        with time_machine.travel(at(2, 50), tick=False):
            worklist = build_worklist(secretary)
            staff_login(client, secretary)
            response = client.get(reverse("wagtailadmin_home"))
        rows = {row.page_id: row for row in worklist.reviews}
        message_row = rows[page_data["page"].pk]
        assert message_row.due_at == DEADLINE, "earlier than the step's own 4 hours"
        assert worklist.reviews[0] is message_row
        assert rows[page_data["news"].pk].clock is None
        [worklist_panel] = BeautifulSoup(response.content, "html.parser").select(
            "#my-worklist-section"
        )
        text = " ".join(worklist_panel.text.split())
        assert "Due by 2:05 p.m., 10 min left" in text

    def test_the_workflow_report_has_a_deadline_column(self, client, page_data):
        with time_machine.travel(at(3, 25), tick=False):
            staff_login(client, page_data["secretary"])
            response = client.get(reverse("wagtailadmin_reports:workflow"))
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        headers = [th.text.strip() for th in html.select("table.listing thead th")]
        assert headers[2:4] == ["Status", "Deadline"]
        cells = {
            row.select("td")[1].text.split()[0]: row.select_one("[data-deadline-clock-cell]")
            for row in html.select("table.listing tbody tr")
        }
        assert cells["Су"].text.strip() == "Overdue by 25 min (due by 2:05 p.m.)"
        assert cells["Жай"].text.strip() == "—"

    def test_clocks_cost_one_query_per_page_type_with_a_deadline(
        self, page_data, django_assert_num_queries
    ):
        with django_assert_num_queries(1):
            clocks = clocks_for([page_data["page"].pk, page_data["news"].pk], now=at(1))
        assert list(clocks) == [page_data["page"].pk]
        assert clocks_for([]) == {}
