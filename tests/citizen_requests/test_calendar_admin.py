"""The working calendar and the units in the admin: administrators change them, request officers
only look, and what is entered there changes the deadlines."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest

from agency.calendar import LOCAL_TZ
from agency.models import CalendarDay
from citizen_requests import deadlines
from citizen_requests.kinds import Status
from citizen_requests.models import InformationSubtask, Unit
from tests.citizen_requests.factories import CitizenRequestFactory, UnitFactory
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

D = datetime.date
CAL = "citizen_requests_calendar"
UNITS = "citizen_requests_units"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.kz", "pw")
    prefer_english(user)
    staff_login(client, user)
    return client


@pytest.fixture
def officer_client(client):
    user = member("request_officers", "officer")
    prefer_english(user)
    staff_login(client, user)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- The working calendar


def test_administrator_adds_a_decreed_day_off_and_the_deadlines_follow(admin_client):
    received = datetime.datetime(2026, 5, 6, 10, tzinfo=LOCAL_TZ)
    assert deadlines.compute("media", received).answer_due == D(2026, 5, 15)

    response = admin_client.post(
        reverse(f"{CAL}:add"),
        {"date": "2026-05-08", "is_working": "", "note": "Decree № 123 of 1 December 2025"},
        follow=True,
    )
    assert response.status_code == 200
    admin_client.post(
        reverse(f"{CAL}:add"),
        {"date": "2026-05-16", "is_working": "on", "note": "Decree № 123 of 1 December 2025"},
    )

    assert dict(CalendarDay.objects.values_list("date", "is_working")) == {
        D(2026, 5, 8): False,
        D(2026, 5, 16): True,
    }
    assert deadlines.compute("media", received).answer_due == D(2026, 5, 16)


def test_a_transfer_that_changes_nothing_is_refused(admin_client):
    saturday = admin_client.post(reverse(f"{CAL}:add"), {"date": "2026-05-09", "note": ""})
    assert saturday.status_code == 200
    assert "is already a day off" in saturday.content.decode()
    assert "Public holiday: Victory Day" in saturday.content.decode()

    wednesday = admin_client.post(reverse(f"{CAL}:add"), {"date": "2026-05-13", "is_working": "on"})
    assert "is already a working day" in wednesday.content.decode()
    assert not CalendarDay.objects.exists()


def test_one_row_per_date(admin_client):
    CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False)
    response = admin_client.post(reverse(f"{CAL}:add"), {"date": "2026-05-08", "note": "again"})
    assert response.status_code == 200
    assert CalendarDay.objects.count() == 1


def test_saving_a_transfer_warns_about_running_clocks(admin_client):
    CitizenRequestFactory(
        received_at=datetime.datetime(2026, 5, 4, 10, tzinfo=LOCAL_TZ),
        answer_due=D(2026, 5, 19),
    )
    CitizenRequestFactory(  # closed: not affected
        received_at=datetime.datetime(2026, 5, 4, 10, tzinfo=LOCAL_TZ),
        answer_due=D(2026, 5, 19),
        status=Status.ANSWERED,
    )
    CitizenRequestFactory(  # due before the day: not affected
        received_at=datetime.datetime(2026, 4, 1, 10, tzinfo=LOCAL_TZ),
        answer_due=D(2026, 4, 16),
    )
    response = admin_client.post(
        reverse(f"{CAL}:add"), {"date": "2026-05-08", "note": "late decree"}, follow=True
    )
    assert any("1 open request has a deadline" in m for m in messages_of(response))


def test_administrator_edits_and_deletes_a_transfer(admin_client):
    row = CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False)
    admin_client.post(
        reverse(f"{CAL}:edit", args=[row.pk]), {"date": "2026-05-08", "note": "Decree № 5"}
    )
    row.refresh_from_db()
    assert row.note == "Decree № 5"

    admin_client.post(reverse(f"{CAL}:delete", args=[row.pk]))
    assert not CalendarDay.objects.exists()
    assert deadlines.is_working_day(D(2026, 5, 8))


def test_calendar_listing_explains_each_row(admin_client):
    CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False, note="Decree № 5")
    CalendarDay.objects.create(date=D(2026, 3, 25), is_working=True, note="Decree № 6")
    response = admin_client.get(reverse(f"{CAL}:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Decree № 5" in html and "Friday" in html and "Day off" in html
    assert "Public holiday: Nowruz Holiday (observed)" in html
    assert reverse(f"{CAL}:year", args=[timezone.localdate().year]) in html

    filtered = admin_client.get(reverse(f"{CAL}:index"), {"date__year": "2025"})
    assert "Decree № 5" not in filtered.content.decode()


def test_year_overview_merges_holidays_and_transfers(admin_client):
    CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False, note="Decree № 5")
    CalendarDay.objects.create(date=D(2026, 5, 16), is_working=True, note="Decree № 5")
    response = admin_client.get(reverse(f"{CAL}:year", args=[2026]))
    assert response.status_code == 200
    days = {row["date"]: row for row in response.context["days"]}
    assert days[D(2026, 3, 23)]["working"] is False
    assert days[D(2026, 12, 16)]["rule"] == "Public holiday: Independence Day"
    assert days[D(2026, 5, 8)]["transfer"].note == "Decree № 5"
    assert days[D(2026, 5, 16)]["working"] is True
    assert D(2026, 5, 12) not in days  # an ordinary Tuesday
    # 261 weekdays, 14 of them holidays, one extra day off, one working Saturday.
    assert response.context["working_days"] == 261 - 14 - 1 + 1
    assert admin_client.get(reverse(f"{CAL}:year", args=[1900]), follow=True).status_code == 404


def test_year_overview_in_kazakh_and_russian(client):
    user = get_user_model().objects.create_superuser("kk-admin", "kk@example.kz", "pw")
    staff_login(client, user)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "kk"
    profile.save()
    html = client.get(reverse(f"{CAL}:year", args=[2026])).content.decode()
    assert "Наурыз мейрамы" in html

    profile.preferred_language = "ru"
    profile.save()
    assert client.get(reverse(f"{CAL}:year", args=[2026])).status_code == 200


def test_request_officers_see_the_calendar_but_cannot_change_it(officer_client):
    row = CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False)
    assert officer_client.get(reverse(f"{CAL}:index")).status_code == 200
    assert officer_client.get(reverse(f"{CAL}:year", args=[2026])).status_code == 200
    for url in (reverse(f"{CAL}:add"), reverse(f"{CAL}:edit", args=[row.pk])):
        response = officer_client.get(url)
        assert response.status_code == 403
        assert "You are not allowed to do this." in response.content.decode()
    officer_client.post(reverse(f"{CAL}:delete", args=[row.pk]))
    officer_client.post(reverse(f"{CAL}:add"), {"date": "2026-05-16", "is_working": "on"})
    assert list(CalendarDay.objects.values_list("date", flat=True)) == [D(2026, 5, 8)]


def test_other_staff_cannot_see_the_calendar(client):
    editor = member("editors", "editor")
    staff_login(client, editor)
    assert client.get(reverse(f"{CAL}:index")).status_code == 403
    assert client.get(reverse(f"{CAL}:year", args=[2026])).status_code == 403


def test_calendar_and_units_are_in_the_settings_menu(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "working-calendar" in html and "request-units" in html


# --- Units


def test_administrator_manages_units(admin_client):
    admin_client.post(
        reverse(f"{UNITS}:add"),
        {"name": "Legal department", "email": "legal@agency.example.kz", "active": "on"},
    )
    unit = Unit.objects.get(name="Legal department")
    assert unit.active and unit.email == "legal@agency.example.kz"

    admin_client.post(
        reverse(f"{UNITS}:edit", args=[unit.pk]),
        {"name": "Legal department", "email": "legal@agency.example.kz"},
    )
    unit.refresh_from_db()
    assert not unit.active

    duplicate = admin_client.post(reverse(f"{UNITS}:add"), {"name": "Legal department"})
    assert duplicate.status_code == 200 and Unit.objects.count() == 1


def test_unit_listing_counts_open_requests_and_searches(admin_client):
    legal, press = UnitFactory(name="Legal department"), UnitFactory(name="Press service")
    CitizenRequestFactory.create_batch(2, unit=legal)
    CitizenRequestFactory(unit=legal, status=Status.ANSWERED)
    response = admin_client.get(reverse(f"{UNITS}:index"))
    rows = {unit.name: unit.open_requests for unit in response.context["object_list"]}
    assert rows == {"Legal department": 2, "Press service": 0}

    found = admin_client.get(reverse(f"{UNITS}:index"), {"q": "press"})
    assert [u.pk for u in found.context["object_list"]] == [press.pk]


def test_a_unit_with_requests_cannot_be_deleted_only_deactivated(admin_client):
    unit = UnitFactory(name="Legal department")
    request = CitizenRequestFactory(unit=None)
    InformationSubtask.objects.create(
        request=request, unit=unit, question="?", due_on=D(2026, 5, 20)
    )
    response = admin_client.post(reverse(f"{UNITS}:delete", args=[unit.pk]), follow=True)
    assert response.status_code == 200
    assert Unit.objects.filter(pk=unit.pk).exists()
    assert any("cannot be deleted" in m for m in messages_of(response))

    unused = UnitFactory(name="Archive")
    admin_client.post(reverse(f"{UNITS}:delete", args=[unused.pk]))
    assert not Unit.objects.filter(pk=unused.pk).exists()


def test_request_officers_see_units_but_cannot_change_them(officer_client):
    unit = UnitFactory(name="Legal department")
    assert officer_client.get(reverse(f"{UNITS}:index")).status_code == 200
    officer_client.post(reverse(f"{UNITS}:edit", args=[unit.pk]), {"name": "Renamed"})
    officer_client.post(reverse(f"{UNITS}:add"), {"name": "New unit"})
    assert list(Unit.objects.values_list("name", flat=True)) == ["Legal department"]
