"""The officers' view of an event's registrations and the attendance list as CSV and PDF."""

import csv
import io

from django.urls import reverse
from django.utils import translation

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from accreditation import attendance, events
from accreditation.models import EventQuestion, EventRegistration
from tests.accreditation.events_helpers import briefing
from tests.accreditation.factories import AccreditationFactory, EventRegistrationFactory
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


@pytest.fixture
def officer():
    user = member("accreditation_officers", "officer")
    prefer_english(user)
    return user


@pytest.fixture
def event():
    page = briefing(capacity=2, title="Брифинг: бюджет", slug="budget")
    EventRegistrationFactory(
        briefing=page,
        accreditation=AccreditationFactory(full_name="Әлия Серікқызы"),
    )
    EventRegistrationFactory(
        briefing=page,
        # A name a spreadsheet would run as a formula.
        accreditation=AccreditationFactory(full_name="=HYPERLINK(1)"),
    )
    EventRegistrationFactory(briefing=page, status=Status.WAITLISTED)
    EventRegistrationFactory(briefing=page, status=Status.UNCONFIRMED)
    return page


def url(name, *args):
    return reverse(f"accreditation_events:{name}", args=args)


class TestPermissions:
    @pytest.mark.parametrize("role", ["editors", "press_secretaries", "request_officers"])
    def test_only_accreditation_officers_see_registrations(self, client, event, role):
        staff_login(client, member(role, role))
        for address in (url("index"), url("event", event.pk), url("csv", event.pk)):
            assert client.get(address).status_code == 403
        assert not PageLogEntry.objects.filter(action__startswith="accreditation.").exists()

    def test_heads_may_look_but_not_cancel(self, client, event):
        head = member("heads", "head")
        staff_login(client, head)
        assert client.get(url("event", event.pk)).status_code == 200
        registration = EventRegistration.objects.filter(status=Status.REGISTERED).first()
        response = client.post(url("cancel", event.pk, registration.pk))
        assert response.status_code == 403
        assert response.get("Location", "") != url("event", event.pk)
        registration.refresh_from_db()
        assert registration.status == Status.REGISTERED


class TestEventView:
    def test_the_list_counts_places_and_the_event_shows_everyone_and_is_audited(
        self, client, officer, event
    ):
        EventQuestion.objects.create(
            registration=EventRegistration.objects.filter(status=Status.REGISTERED).first(),
            text="Бюджет қашан бекітіледі?",
        )
        staff_login(client, officer)
        response = client.get(url("index"))
        assert response.status_code == 200
        assert event.title in response.content.decode()

        response = client.get(url("event", event.pk))
        content = response.content.decode()
        assert response.status_code == 200
        assert "Әлия Серікқызы" in content
        assert "Бюджет қашан бекітіледі?" in content
        assert url("csv", event.pk) in content and url("pdf", event.pk) in content
        entry = PageLogEntry.objects.get(action="accreditation.view_personal_data")
        assert entry.page_id == event.pk
        assert entry.user == officer

    def test_the_page_editor_links_a_briefing_to_its_registrations(
        self, client, django_user_model, event
    ):
        admin = django_user_model.objects.create_superuser("admin", "admin@example.kz", "x")
        staff_login(client, admin)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
        assert response.status_code == 200
        assert url("event", event.pk) in response.content.decode()

    def test_an_officer_cancels_a_registration_and_the_next_moves_up(self, client, officer, event):
        staff_login(client, officer)
        registration = EventRegistration.objects.filter(status=Status.REGISTERED).first()
        waiting = EventRegistration.objects.get(status=Status.WAITLISTED)
        response = client.post(url("cancel", event.pk, registration.pk))
        assert response.status_code == 302
        registration.refresh_from_db()
        waiting.refresh_from_db()
        assert registration.status == Status.CANCELLED
        assert waiting.status == Status.REGISTERED
        entry = ModelLogEntry.objects.get(action="accreditation.registration_cancel")
        assert entry.user == officer
        assert entry.data["briefing"] == event.pk

    def test_get_does_not_cancel(self, client, officer, event):
        staff_login(client, officer)
        registration = EventRegistration.objects.filter(status=Status.REGISTERED).first()
        assert client.get(url("cancel", event.pk, registration.pk)).status_code == 405


class TestExports:
    def test_csv_lists_those_with_a_place_formula_safe_and_without_personal_identifiers(
        self, client, officer, event
    ):
        staff_login(client, officer)
        response = client.get(url("csv", event.pk))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment;" in response["Content-Disposition"]
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert "Брифинг: бюджет" in table[0][0]
        header_at = next(i for i, row in enumerate(table) if row and row[0] == "No.")
        data = table[header_at + 1 :]
        assert [row[1] for row in data] == ["Әлия Серікқызы", "'=HYPERLINK(1)"]
        registered = events.attendance(event)
        assert [row[4] for row in data] == [r.accreditation.card_number for r in registered]
        for registration in registered:
            assert registration.accreditation.iin not in text
            assert registration.accreditation.email not in text
            assert registration.accreditation.phone not in text

        entry = PageLogEntry.objects.get(action="accreditation.attendance_export")
        assert entry.data == {"format": "csv", "journalists": 2}
        assert entry.user == officer

    def test_pdf_is_a_printable_list(self, client, officer, event):
        staff_login(client, officer)
        response = client.get(url("pdf", event.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert PageLogEntry.objects.get(action="accreditation.attendance_export").data == {
            "format": "pdf",
            "journalists": 2,
        }

    def test_an_empty_list_prints_too(self):
        page = briefing()
        assert attendance.as_pdf(page, []).startswith(b"%PDF")
        with translation.override("en"):
            assert "No." in attendance.as_csv(page, [])

    def test_the_audit_log_names_the_actions(self, client, officer, event):
        from wagtail.log_actions import registry

        staff_login(client, officer)
        client.get(url("csv", event.pk))
        entry = PageLogEntry.objects.get(action="accreditation.attendance_export")
        with translation.override("en"):
            assert registry.get_action_label(entry.action) == "Export an attendance list"
