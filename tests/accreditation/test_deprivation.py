"""A withdrawn accreditation gives no right to attend: its registrations for coming events are
cancelled, the places go to the waiting lists, and the journalist is told in their language."""

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry

import pytest

from accreditation import events, services
from accreditation.models import EventRegistration
from agency.models import OutboxMessage
from tests.accreditation.events_helpers import QUEUED, briefing
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    EventRegistrationFactory,
)
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

Status = EventRegistration.Status
Reason = EventRegistration.CancelReason


@pytest.fixture
def officer():
    return member("accreditation_officers", "officer")


def journalist_speaking(language: str):
    application = ApplicationFactory(language=language)
    return AccreditationFactory(journalist=ApplicationJournalistFactory(application=application))


def test_deprivation_cancels_registrations_for_coming_events_and_tells_the_journalist(officer):
    journalist = journalist_speaking("ru")
    full = briefing(capacity=1, title="Брифинг: бюджет", slug="budget")
    later = briefing(
        title="Брифинг: салық", slug="tax", starts_at=timezone.now() + datetime.timedelta(days=9)
    )
    past = briefing(
        title="Өткен брифинг", slug="past", starts_at=timezone.now() - datetime.timedelta(days=2)
    )
    holding = EventRegistrationFactory(briefing=full, accreditation=journalist)
    waiting_other = EventRegistrationFactory(
        briefing=full,
        status=Status.WAITLISTED,
        confirmed_at=timezone.now() + datetime.timedelta(seconds=1),
    )
    unconfirmed = EventRegistrationFactory(
        briefing=later, accreditation=journalist, status=Status.UNCONFIRMED, confirmed_at=None
    )
    attended = EventRegistrationFactory(briefing=past, accreditation=journalist)

    with QUEUED:
        services.deprive(journalist, user=officer, ground="rules_breach")

    for registration in (holding, unconfirmed):
        registration.refresh_from_db()
        assert (registration.status, registration.cancel_reason) == (
            Status.CANCELLED,
            Reason.DEPRIVED,
        )
    attended.refresh_from_db()
    assert attended.status == Status.REGISTERED and attended.cancel_reason == "", "past: kept"
    waiting_other.refresh_from_db()
    assert waiting_other.status == Status.REGISTERED, "the freed place goes to the next in line"

    [notice] = OutboxMessage.objects.filter(recipients__contains=journalist.email)
    with translation.override("ru"):
        assert notice.subject == gettext("Your registrations for our events are cancelled")
    body = notice.data["body"]
    assert "Брифинг: бюджет" in body and "Брифинг: салық" in body
    assert "Өткен брифинг" not in body
    assert journalist.card_number in body
    assert OutboxMessage.objects.filter(recipients__contains=waiting_other.accreditation.email)

    logged = ModelLogEntry.objects.filter(action="accreditation.registration_cancel")
    assert sorted(entry.data["reason"] for entry in logged) == ["deprived", "deprived"]


def test_without_coming_registrations_nothing_is_sent(officer):
    journalist = journalist_speaking("kk")
    past = briefing(starts_at=timezone.now() - datetime.timedelta(days=1))
    EventRegistrationFactory(briefing=past, accreditation=journalist)
    with QUEUED:
        services.deprive(journalist, user=officer, ground="editor_request")
    assert not OutboxMessage.objects.filter(recipients__contains=journalist.email).exists()


def test_who_cancelled_is_kept_and_a_new_registration_clears_it(officer):
    event = briefing()
    by_journalist = EventRegistrationFactory(briefing=event)
    by_officer = EventRegistrationFactory(briefing=event)
    events.cancel(by_journalist)
    events.cancel(by_officer, user=officer)
    by_journalist.refresh_from_db()
    by_officer.refresh_from_db()
    assert by_journalist.cancel_reason == Reason.JOURNALIST
    assert by_officer.cancel_reason == Reason.OFFICER
    events.request_registration(event, by_journalist.accreditation.card_number, "kk")
    by_journalist.refresh_from_db()
    assert (by_journalist.status, by_journalist.cancel_reason) == (Status.UNCONFIRMED, "")
