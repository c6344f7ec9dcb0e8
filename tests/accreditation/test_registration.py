"""Registration for press events: card number plus e-mailed link, places, waiting list, questions.

Journalists go through the public pages (the briefing's ``register/``, ``confirm/<token>/`` and
``questions/<token>/`` routes) with the test client; the link is read from the e-mail.
"""

import datetime

from django.core import mail
from django.utils import timezone

import pytest

from accreditation import events
from accreditation.models import AccreditationType, EventQuestion, EventRegistration
from agency import ratelimit
from press_pages.models import BriefingPage
from tests.accreditation.events_helpers import (
    QUEUED,
    accreditation_page,
    briefing,
    deliver_queued,
    link_token,
    mail_to,
    registration_of,
    subpage,
)
from tests.accreditation.factories import AccreditationFactory
from tests.press_pages.factories import translate

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


def live(page, **fields):
    """Change the live state of ``page`` directly (publication is tested in test_notices)."""
    BriefingPage.objects.filter(pk=page.pk).update(**fields)
    page.refresh_from_db()
    return page


def ask_for_place(client, page, card_number: str):
    return client.post(subpage(page, "register"), {"card_number": card_number})


def confirm(client, page, accreditation):
    """Open the link from the journalist's latest mail and press "Confirm"."""
    token = link_token(mail_to(accreditation.email)[-1])
    url = subpage(page, "confirm", token=token)
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "confirm"})
    assert response.status_code == 303
    return registration_of(accreditation)


def register(client, page, accreditation):
    response = ask_for_place(client, page, accreditation.card_number)
    assert response.status_code == 303
    return confirm(client, page, accreditation)


class TestRegistration:
    def test_the_link_goes_to_the_accreditation_address_and_confirms_a_place(self, client):
        page = briefing(capacity=10)
        accreditation = AccreditationFactory()

        response = ask_for_place(client, page, f"  {accreditation.card_number.lower()} ")
        assert response.status_code == 303
        assert response["Location"].endswith("register/?sent=1")
        assert "no-store" in response["Cache-Control"]
        registration = registration_of(accreditation)
        assert registration.status == Status.UNCONFIRMED
        assert registration.language == "kk"
        [message] = mail_to(accreditation.email)
        assert page.title in message.subject
        assert registration.confirm_token in message.body

        # Asking holds no place.
        assert events.places(page).registered == 0
        registration = confirm(client, page, accreditation)
        assert registration.status == Status.REGISTERED
        assert registration.confirmed_at is not None
        assert events.places(page) == events.Places(10, 1, 0)

        # The personal page shows the place; confirming again changes nothing.
        url = subpage(page, "confirm", token=registration.confirm_token)
        response = client.get(url)
        assert b'data-registration-status="registered"' in response.content
        assert b"noindex" in response.content
        client.post(url, {"action": "confirm"})
        assert registration_of(accreditation).confirmed_at == registration.confirmed_at

    def test_the_link_is_mailed_through_django_q2_after_the_commit(
        self, client, broker, django_capture_on_commit_callbacks
    ):
        page = briefing()
        accreditation = AccreditationFactory()
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            ask_for_place(client, page, accreditation.card_number)
        assert mail_to(accreditation.email) == []
        deliver_queued(callbacks, broker)
        [message] = mail_to(accreditation.email)
        assert link_token(message) == registration_of(accreditation).confirm_token

    def test_card_numbers_are_read_as_journalists_type_them(self):
        assert events.normalise_card_number("кар-2026-000017") == "КАР-2026-000017"
        assert events.normalise_card_number("KAP-2026-17") == "КАР-2026-000017"
        assert events.normalise_card_number(" 2026 17 ") == "КАР-2026-000017"
        assert events.normalise_card_number("2026-000017") == "КАР-2026-000017"

    def test_every_card_number_gets_the_same_answer_and_only_the_holder_hears_why(self, client):
        page = briefing(accreditation_required=True)
        accreditation_page()
        expired = AccreditationFactory(expired=True)
        deprived = AccreditationFactory(deprived=True)
        mail.outbox.clear()

        answers = []
        for number in (expired.card_number, deprived.card_number, "КАР-2026-123456"):
            response = ask_for_place(client, page, number)
            answers.append((response.status_code, response["Location"]))
        assert len(set(answers)) == 1, "the page reveals nothing about the card"
        assert not EventRegistration.objects.exists()

        [to_expired] = mail_to(expired.email)
        assert "temporary/" in to_expired.body, "pointed to temporary accreditation"
        [to_deprived] = mail_to(deprived.email)
        assert "temporary/" in to_deprived.body
        assert len(mail.outbox) == 2, "nothing is sent for an unknown card"

    def test_only_an_accreditation_valid_on_the_event_day_registers(self):
        page = briefing()
        day = events.event_day(page)
        ends_before = AccreditationFactory(valid_until=day - datetime.timedelta(days=1))
        not_yet = AccreditationFactory(valid_from=day + datetime.timedelta(days=1))
        valid = AccreditationFactory()
        assert events.ineligibility(ends_before, page) == events.Ineligible.EXPIRED
        assert events.ineligibility(not_yet, page) == events.Ineligible.NOT_YET
        assert events.ineligibility(valid, page) is None

    def test_a_temporary_accreditation_is_for_its_own_event_only(self, client):
        page = briefing()
        other = briefing()
        temporary = AccreditationFactory(kind=AccreditationType.TEMPORARY, briefing=page)
        assert events.ineligibility(temporary, page) is None
        assert events.ineligibility(temporary, other) == events.Ineligible.OTHER_EVENT

        ask_for_place(client, other, temporary.card_number)
        assert not EventRegistration.objects.exists()
        register(client, page, temporary)
        assert registration_of(temporary).status == Status.REGISTERED

    def test_a_translation_registers_for_the_same_event_in_its_language(self, client):
        page = briefing(capacity=1)
        russian = translate(page, "ru", title="Брифинг по итогам")
        first, second = AccreditationFactory(), AccreditationFactory()

        register(client, page, first)
        response = ask_for_place(client, russian, second.card_number)
        assert response.status_code == 303
        [message] = mail_to(second.email)
        assert "/ru/" in message.body
        assert "Брифинг по итогам" in message.subject
        registration = confirm(client, russian, second)
        assert registration.briefing_id == page.pk, "registrations belong to the event"
        assert registration.language == "ru"
        assert registration.status == Status.WAITLISTED, "one place, taken on the kk page"

    def test_closed_registration_takes_no_one(self, client):
        page = briefing(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
        accreditation = AccreditationFactory()
        mail.outbox.clear()
        response = client.get(subpage(page, "register"))
        assert b"data-registration-closed" in response.content
        response = ask_for_place(client, page, accreditation.card_number)
        assert response.status_code == 409
        assert not EventRegistration.objects.exists()
        assert mail.outbox == []

    def test_a_link_asked_for_in_time_still_confirms_after_the_deadline(self, client):
        page = briefing()
        accreditation = AccreditationFactory()
        ask_for_place(client, page, accreditation.card_number)
        asked_at = registration_of(accreditation).created_at
        live(page, registration_deadline=asked_at + datetime.timedelta(microseconds=1))
        assert not events.registration_open(page)
        assert confirm(client, page, accreditation).status == Status.REGISTERED

    def test_a_cancelled_event_confirms_nobody(self, client):
        page = briefing()
        accreditation = AccreditationFactory()
        ask_for_place(client, page, accreditation.card_number)
        live(page, cancelled=True)
        token = link_token(mail_to(accreditation.email)[-1])
        response = client.post(subpage(page, "confirm", token=token), {"action": "confirm"})
        assert response.status_code == 409
        assert registration_of(accreditation).status == Status.UNCONFIRMED

    def test_bad_input_is_explained_and_kept(self, client):
        page = briefing()
        response = ask_for_place(client, page, "")
        assert response.status_code == 400
        assert b"error-summary" in response.content
        assert (
            b'aria-describedby="id_card_number_helptext id_card_number_error"' in response.content
        )
        response = client.post(subpage(page, "register"), {"card_number": "x", "website": "bot"})
        assert response.status_code == 400
        assert b'value="x"' in response.content

    def test_unknown_token_is_not_found(self, client):
        page = briefing()
        assert client.get(subpage(page, "confirm", token="a" * 43)).status_code == 404
        assert client.get(subpage(page, "questions", token="a" * 43)).status_code == 404

    def test_asking_is_rate_limited(self, client, settings):
        settings.RATE_LIMITS = {"submit_email": (2, 3600)}
        page = briefing()
        accreditation = AccreditationFactory()
        for _attempt in range(2):
            assert ask_for_place(client, page, accreditation.card_number).status_code == 303
        response = ask_for_place(client, page, accreditation.card_number)
        assert response.status_code == 429
        assert len(mail_to(accreditation.email)) == 2
        ratelimit.reset("submit_email", f"events:{accreditation.card_number}")


class TestPlaces:
    def test_when_the_places_are_taken_the_next_join_the_waiting_list_in_order(self, client):
        page = briefing(capacity=2)
        journalists = [AccreditationFactory() for _ in range(4)]
        for accreditation in journalists:
            ask_for_place(client, page, accreditation.card_number)
        # Places go in the order of confirmation, not of asking.
        for accreditation in reversed(journalists):
            confirm(client, page, accreditation)
        statuses = [registration_of(a).status for a in journalists]
        assert statuses == [
            Status.WAITLISTED,
            Status.WAITLISTED,
            Status.REGISTERED,
            Status.REGISTERED,
        ]
        assert events.places(page) == events.Places(2, 2, 2)
        assert events.waiting_position(registration_of(journalists[1])) == 1
        assert events.waiting_position(registration_of(journalists[0])) == 2

        response = client.get(subpage(page, "register"))
        assert b'data-places-left="0"' in response.content

    def test_a_cancellation_gives_the_place_to_the_first_in_line_and_tells_them(self, client):
        page = briefing(capacity=1)
        holder, first, second = (AccreditationFactory() for _ in range(3))
        for accreditation in (holder, first, second):
            register(client, page, accreditation)
        mail.outbox.clear()

        url = subpage(page, "confirm", token=registration_of(holder).confirm_token)
        response = client.post(url, {"action": "cancel"})
        assert response.status_code == 303
        assert registration_of(holder).status == Status.CANCELLED
        assert registration_of(first).status == Status.REGISTERED
        assert registration_of(second).status == Status.WAITLISTED
        [message] = mail_to(first.email)
        assert registration_of(first).confirm_token in message.body
        assert mail_to(second.email) == []

        # Cancelling a waiting-list entry frees no place.
        events.cancel(registration_of(second))
        assert events.places(page) == events.Places(1, 1, 0)

    def test_a_cancelled_registration_can_register_again_at_the_end_of_the_line(self, client):
        page = briefing(capacity=1)
        holder, other = AccreditationFactory(), AccreditationFactory()
        register(client, page, holder)
        events.cancel(registration_of(holder))
        register(client, page, other)
        registration = register(client, page, holder)
        assert registration.status == Status.WAITLISTED
        assert EventRegistration.objects.filter(accreditation=holder).count() == 1

    def test_more_places_promote_the_waiting_list(self, client):
        page = briefing(capacity=1)
        journalists = [AccreditationFactory() for _ in range(3)]
        for accreditation in journalists:
            register(client, page, accreditation)
        promoted = events.promote(live(page, capacity=2))
        assert [r.accreditation for r in promoted] == [journalists[1]]
        assert events.places(page) == events.Places(2, 2, 1)

    def test_no_limit_registers_everyone(self, client):
        page = briefing(capacity=None)
        for accreditation in [AccreditationFactory() for _ in range(3)]:
            assert register(client, page, accreditation).status == Status.REGISTERED


class TestQuestions:
    def test_a_registrant_sends_questions_before_the_event(self, client):
        page = briefing()
        accreditation = AccreditationFactory()
        registration = register(client, page, accreditation)
        url = subpage(page, "questions", token=registration.confirm_token)

        response = client.post(url, {"text": "  Қашан іске қосылады?  "})
        assert response.status_code == 303
        [question] = EventQuestion.objects.all()
        assert question.text == "Қашан іске қосылады?"
        response = client.get(f"{url}?sent=1")
        assert "Қашан іске қосылады?" in response.content.decode()

        response = client.post(url, {"text": ""})
        assert response.status_code == 400

    def test_questions_need_a_confirmed_registration_and_stop_when_the_event_starts(self, client):
        page = briefing()
        accreditation = AccreditationFactory()
        ask_for_place(client, page, accreditation.card_number)
        registration = registration_of(accreditation)
        with pytest.raises(events.QuestionRefused):
            events.ask(registration, "Сұрақ")
        registration = confirm(client, page, accreditation)
        events.ask(registration, "Сұрақ")
        with pytest.raises(events.QuestionRefused):
            events.ask(registration, "Кеш", now=page.starts_at)
        for n in range(events.MAX_QUESTIONS - 1):
            events.ask(registration, f"Сұрақ {n}")
        with pytest.raises(events.QuestionRefused):
            events.ask(registration, "Тым көп")

    def test_the_briefing_page_offers_registration_and_temporary_accreditation(self, client):
        accreditation_page()
        page = briefing(accreditation_required=True, capacity=20)
        content = client.get(page.url).content.decode()
        assert "data-event-registration" in content
        assert subpage(page, "register") in content
        assert f"temporary/?event={page.pk}" in content
