"""The request officer's dashboard panel: my open cases, due within three working days, overdue."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from agency.calendar import WorkingCalendar
from citizen_requests.admin.dashboard import my_cases
from citizen_requests.kinds import Status
from tests.citizen_requests.helpers import make_case, officer
from tests.signin import staff_login
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

LIST = reverse("citizen_requests_cases:list")


def cases_due(user, *due_dates, **fields):
    return [make_case(executor=user, answer_due=due, **fields) for due in due_dates]


def test_the_counts_follow_the_working_calendar():
    user, other = officer("me"), officer("other")
    wednesday = datetime.date(2026, 12, 9)
    # Three working days after Wednesday 9 December: Thursday, Friday, then Monday the 14th.
    cases_due(user, datetime.date(2026, 12, 14), datetime.date(2026, 12, 15))
    cases_due(user, datetime.date(2026, 12, 8))  # overdue
    cases_due(user, datetime.date(2026, 12, 10), status=Status.ANSWERED)
    cases_due(other, datetime.date(2026, 12, 10), datetime.date(2026, 12, 1))
    with translation.override("en"):
        rows = my_cases(user, today=wednesday)
    counts = {row["label"]: row["count"] for row in rows}
    assert counts == {"My open cases": 3, "Due within 3 working days": 1, "Overdue": 1}
    links = [row["url"] for row in rows]
    assert links == [
        f"{LIST}?executor={user.pk}&status=open",
        f"{LIST}?executor={user.pk}&due_within=5",
        f"{LIST}?executor={user.pk}&overdue=on",
    ]


def test_the_panel_shows_an_officer_their_cases_in_their_language(client):
    user = officer("kk-officer")
    today = timezone.localdate()
    soon = WorkingCalendar.load().add_working_days(today, 2)
    cases_due(user, soon, soon + datetime.timedelta(days=30), today - datetime.timedelta(days=1))
    staff_login(client, user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="my-requests-section"') :]
    with translation.override("kk"):
        heading = translation.gettext("My requests")
        labels = [
            translation.gettext("My open cases"),
            translation.gettext("Due within %(days)s working days") % {"days": 3},
            translation.gettext("Overdue"),
        ]
    assert heading != "My requests" and escape(heading) in html
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a>:\s*<strong data-count>(\d+)</strong>', panel)
    assert [(escape(label), count) for _url, label, count in rows] == [
        (escape(labels[0]), "3"),
        (escape(labels[1]), "1"),
        (escape(labels[2]), "1"),
    ]
    first = client.get(rows[0][0].replace("&amp;", "&"))
    assert first.status_code == 200
    assert len(first.context["object_list"]) == 3


def test_the_panel_is_for_those_who_work_on_cases(client):
    staff_login(client, member("editors", "editor"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="my-requests-section"' not in html
