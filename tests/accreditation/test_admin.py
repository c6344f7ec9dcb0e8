"""The officers' admin: intakes, applications with due dates and per-journalist decisions,
accreditation records and deprivations; permissions, audited personal data."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from accreditation.models import Accreditation, Application, ApplicationJournalist, Intake
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
)
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client):
    user = member("accreditation_officers", "acc-officer")
    prefer_english(user)
    staff_login(client, user)
    client.user = user
    return client


def logged(action: str) -> int:
    return ModelLogEntry.objects.filter(action=action).count()


def test_the_menu_and_the_logs_report_show_accreditation(officer_client):
    home = officer_client.get(reverse("wagtailadmin_home")).content.decode()
    for url in ("accreditation_intakes:list", "accreditation_applications:list"):
        assert reverse(url) in home
    AccreditationFactory()
    officer_client.get(
        reverse("accreditation_records:accreditation", args=[Accreditation.objects.get().pk])
    )
    report = officer_client.get(reverse("wagtailadmin_reports:site_history"))
    assert report.status_code == 200
    assert "Personal data viewed" in report.content.decode()


def test_open_an_intake_with_kk_and_ru_announcements(officer_client):
    url = reverse("accreditation_intakes:add")
    today = timezone.localdate()
    missing = officer_client.post(url, {"opens_on": today, "announcement_kk": "Басталды"})
    assert missing.status_code == 400
    response = officer_client.post(
        url,
        {"opens_on": today, "announcement_kk": "Басталды", "announcement_ru": "Начат"},
    )
    assert response.status_code == 302
    intake = Intake.objects.get()
    assert intake.opened_by == officer_client.user
    assert logged("accreditation.open_intake") == 1
    listing = officer_client.get(reverse("accreditation_intakes:list")).content.decode()
    assert intake.closes_on.strftime("%Y") in listing


def test_heads_see_but_cannot_act(client):
    head = member("heads", "head")
    prefer_english(head)
    staff_login(client, head)
    assert client.get(reverse("accreditation_intakes:list")).status_code == 200
    response = client.post(
        reverse("accreditation_intakes:add"),
        {"opens_on": timezone.localdate(), "announcement_kk": "a", "announcement_ru": "b"},
    )
    assert response.status_code == 403
    journalist = ApplicationJournalistFactory()
    url = reverse(
        "accreditation_applications:decide",
        args=[journalist.application_id, journalist.pk, "approve"],
    )
    assert client.post(url).status_code == 403
    record = AccreditationFactory()
    url = reverse("accreditation_records:deprive", args=[record.pk])
    assert client.post(url, {"ground": "rules_breach", "note": "x"}).status_code == 403
    assert not Accreditation.objects.filter(status="deprived").exists()


def test_the_menu_is_only_for_those_who_may_see_the_records(client):
    lists = [
        reverse(name)
        for name in (
            "accreditation_intakes:list",
            "accreditation_applications:list",
            "accreditation_records:list",
            "accreditation_deprivations:list",
            "accreditation_events:index",
        )
    ]
    staff_login(client, member("heads", "head"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert all(url in home for url in lists)
    for role in ("editors", "request_officers"):
        staff_login(client, member(role, role))
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert not any(url in home for url in lists), role


def test_editors_are_not_allowed(client):
    staff_login(client, member("editors", "editor"))
    for name in (
        "accreditation_intakes:list",
        "accreditation_applications:list",
        "accreditation_records:list",
    ):
        assert client.get(reverse(name)).status_code == 403


def test_applications_list_due_dates_and_overdue_without_personal_data(officer_client):
    late = ApplicationFactory(review_due=timezone.localdate() - datetime.timedelta(days=1))
    ApplicationJournalistFactory(application=late, iin="900115300122")
    on_time = ApplicationFactory()
    response = officer_client.get(reverse("accreditation_applications:list"))
    html = response.content.decode()
    assert late.number in html and on_time.number in html
    assert "acc-overdue" in html
    assert "900115300122" not in html
    overdue_only = officer_client.get(reverse("accreditation_applications:list") + "?overdue=on")
    assert on_time.number not in overdue_only.content.decode()
    assert logged("accreditation.view_personal_data") == 0


def test_the_application_shows_personal_data_and_logs_every_view(officer_client):
    journalist = ApplicationJournalistFactory()
    url = reverse("accreditation_applications:application", args=[journalist.application_id])
    html = officer_client.get(url).content.decode()
    assert journalist.iin in html and journalist.full_name in html
    assert logged("accreditation.view_personal_data") == 1
    photo = officer_client.get(
        reverse("accreditation_applications:photo", args=[journalist.application_id, journalist.pk])
    )
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert "no-store" in photo["Cache-Control"]
    assert logged("accreditation.view_personal_data") == 2


def test_approve_and_refuse_each_journalist(officer_client):
    application = ApplicationFactory()
    first = ApplicationJournalistFactory(application=application)
    second = ApplicationJournalistFactory(application=application, iin="850325400565")

    def decide(journalist, action, data=None):
        url = reverse(
            "accreditation_applications:decide", args=[application.pk, journalist.pk, action]
        )
        return officer_client.post(url, data or {})

    assert decide(first, "approve").status_code == 302
    missing_ground = decide(second, "refuse", {f"refuse-{second.pk}-ground": ""})
    assert missing_ground.status_code == 400
    response = decide(
        second,
        "refuse",
        {f"refuse-{second.pk}-ground": "documents", f"refuse-{second.pk}-note": "No ID"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    application.refresh_from_db()
    assert first.decision == ApplicationJournalist.Decision.APPROVED
    assert second.refusal_ground == "documents"
    assert application.status == Application.Status.DECIDED
    assert first.accreditation.is_valid()
    assert logged("accreditation.approve") == 1 and logged("accreditation.refuse") == 1
    # Deciding twice shows a message, not an error page.
    again = decide(first, "approve")
    assert again.status_code == 302


def test_accreditations_list_filters_and_deprivation(officer_client):
    active = AccreditationFactory(full_name="Active Journalist")
    expired = AccreditationFactory(expired=True, full_name="Expired Journalist")
    url = reverse("accreditation_records:list")
    html = officer_client.get(url).content.decode()
    assert active.card_number in html and expired.card_number not in html
    html = officer_client.get(url + "?state=expired").content.decode()
    assert expired.card_number in html and active.card_number not in html
    assert active.iin not in officer_client.get(url).content.decode()

    deprive_url = reverse("accreditation_records:deprive", args=[active.pk])
    assert officer_client.post(deprive_url, {"ground": "rules_breach"}).status_code == 400
    response = officer_client.post(
        deprive_url, {"ground": "editor_request", "note": "Letter No 15 of 2 May"}
    )
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.state() == "deprived" and active.barred_until
    deprivations = officer_client.get(reverse("accreditation_deprivations:list")).content.decode()
    assert active.card_number in deprivations
    assert "The editor-in-chief asked for it" in deprivations
    assert logged("accreditation.deprive") == 1


def test_the_record_view_and_photo_are_audited(officer_client):
    record = AccreditationFactory()
    html = officer_client.get(
        reverse("accreditation_records:accreditation", args=[record.pk])
    ).content.decode()
    assert record.iin in html
    assert (
        officer_client.get(reverse("accreditation_records:photo", args=[record.pk])).status_code
        == 200
    )
    assert logged("accreditation.view_personal_data") == 2
