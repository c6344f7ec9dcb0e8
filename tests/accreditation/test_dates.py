"""Dates people read in accreditation: messages, letters, lists and pages give the Asia/Almaty
day in the reader's language format, never ISO 8601 (which stays in machine fields only)."""

import datetime

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.users.models import UserProfile

import pytest

from accreditation import attendance, cards, services
from accreditation.models import ApplicationJournalist, Intake
from tests.accreditation.card_pages import accreditation_page
from tests.accreditation.events_helpers import briefing
from tests.accreditation.factories import (
    VALID_BIN,
    VALID_IIN,
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    EventRegistrationFactory,
    IntakeFactory,
    OutletFactory,
)
from tests.accreditation.helpers import checked_photo
from tests.signin import staff_login
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

#: 20:30 UTC on 6 December is already 7 December in Almaty (UTC+5).
LATE_EVENING_UTC = datetime.datetime(2026, 12, 6, 20, 30, tzinfo=datetime.UTC)


def shown(day, language: str, fmt: str = "DATE_FORMAT") -> str:
    with translation.override(language):
        return date_format(day, fmt)


def officer_in(client, language: str):
    user = member("accreditation_officers", f"acc-officer-{language}")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    staff_login(client, user)
    return user


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("language", ["kk", "en"])
def test_the_approval_message_gives_the_validity_in_the_officers_language(client, language):
    officer_in(client, language)
    journalist = ApplicationJournalistFactory()
    url = reverse(
        "accreditation_applications:decide",
        args=[journalist.application_id, journalist.pk, "approve"],
    )
    response = client.post(url)
    assert response.status_code == 302
    valid_until = ApplicationJournalist.objects.get().accreditation.valid_until
    (message,) = messages_of(response)
    assert shown(valid_until, language) in message
    assert valid_until.isoformat() not in message


def test_the_deprivation_message_gives_the_bar_in_the_officers_language(client):
    officer_in(client, "en")
    record = AccreditationFactory()
    response = client.post(
        reverse("accreditation_records:deprive", args=[record.pk]),
        {"ground": "editor_request", "note": "Letter No 15"},
    )
    record.refresh_from_db()
    (message,) = messages_of(response)
    assert shown(record.barred_until, "en") in message
    assert record.barred_until.isoformat() not in message


def test_the_intake_message_and_its_name_give_local_dates(client):
    officer_in(client, "en")
    today = timezone.localdate()
    response = client.post(
        reverse("accreditation_intakes:add"),
        {"opens_on": today, "announcement_kk": "Басталды", "announcement_ru": "Начат"},
    )
    intake = Intake.objects.get()
    (message,) = messages_of(response)
    assert shown(intake.opens_on, "en") in message and shown(intake.closes_on, "en") in message
    assert today.isoformat() not in message
    with translation.override("kk"):
        assert str(intake) == f"{shown(intake.opens_on, 'kk')} – {shown(intake.closes_on, 'kk')}"


@pytest.mark.parametrize("language", ["kk", "en"])
def test_the_decision_letter_gives_the_validity_in_the_outlets_language(
    language, mailoutbox, django_capture_on_commit_callbacks
):
    journalist = ApplicationJournalistFactory(application__language=language)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(journalist, user=member("accreditation_officers", "acc-officer"))
    valid_until = ApplicationJournalist.objects.get().accreditation.valid_until
    body = mailoutbox[-1].body
    assert shown(valid_until, language) in body
    assert valid_until.isoformat() not in body


def test_the_acknowledgement_gives_the_almaty_day_of_receipt(
    mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(
        language="en",
        received_at=LATE_EVENING_UTC,
        review_due=datetime.date(2026, 12, 10),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.send_acknowledgement(application.pk)
    body = mailoutbox[-1].body
    assert shown(datetime.date(2026, 12, 7), "en") in body
    assert shown(datetime.date(2026, 12, 10), "en") in body
    assert "2026-12-" not in body


def test_a_barred_journalist_is_told_the_bar_in_the_users_language():
    barred = AccreditationFactory(deprived=True, iin=VALID_IIN)
    journalist = ApplicationJournalistFactory(iin=VALID_IIN)
    with translation.override("en"), pytest.raises(services.AccreditationError) as error:
        services.approve(journalist, user=member("accreditation_officers", "acc-officer"))
    assert shown(barred.barred_until, "en") in error.value.messages[0]
    assert barred.barred_until.isoformat() not in error.value.messages[0]


def test_the_automatic_refusal_note_gives_the_bar_in_the_applicants_language():
    barred = AccreditationFactory(deprived=True, iin=VALID_IIN)
    IntakeFactory()
    data = services.ApplicationData(
        outlet_name="Qazaq Times",
        editor_in_chief="Сәуле Ахметова",
        contact_email="editor@qazaqtimes.example.kz",
        bin=VALID_BIN,
        journalists=[
            services.JournalistData(
                full_name="Айдос Серіков",
                position="Тілші",
                iin=VALID_IIN,
                email="aidos@example.kz",
                photo=checked_photo(),
            )
        ],
    )
    with translation.override("en"):
        application, _created = services.apply(kind="permanent", data=data, language="en")
    note = application.journalists.get().refusal_note
    assert shown(barred.barred_until, "en") in note
    assert barred.barred_until.isoformat() not in note


def test_the_attendance_list_gives_the_validity_in_the_short_local_format():
    registration = EventRegistrationFactory(briefing=briefing())
    valid_until = registration.accreditation.valid_until
    with translation.override("kk"):
        (row,) = attendance.rows([registration])
    assert shown(valid_until, "kk", "SHORT_DATE_FORMAT") in row
    assert valid_until.isoformat() not in row


def test_the_card_check_gives_dates_in_the_pages_language():
    page = accreditation_page("en")
    card = AccreditationFactory()
    html = Client().get(cards.verify_path(page, card.token)).content.decode()
    assert shown(card.valid_until, "en") in html
    assert shown(card.valid_until, "kk") not in html
    assert f'datetime="{card.valid_until.isoformat()}"' in html


def test_the_outlets_list_gives_dates_in_the_pages_language():
    page = accreditation_page("en")
    AccreditationFactory(outlet=OutletFactory(list_publicly=True))
    html = Client().get(page.url + page.reverse_subpage("outlets")).content.decode()
    today = timezone.localdate()
    assert shown(today, "en") in html
    assert shown(today, "kk") not in html
