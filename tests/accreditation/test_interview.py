"""Interview requests: an accredited journalist asks to interview an official, and it becomes a
media request of the forms module, with its number, deadlines and case view."""

import uuid

from django.core import mail

import pytest

from citizen_requests import deadlines
from citizen_requests.kinds import RequestKind, Status
from citizen_requests.models import CitizenRequest
from tests.accreditation.events_helpers import accreditation_page, subpage
from tests.accreditation.factories import AccreditationFactory

pytestmark = pytest.mark.django_db


def form_data(card_number: str, **overrides) -> dict:
    data = {
        "card_number": card_number,
        "official": "Нұрлан Әбенов",
        "official_position": "вице-министр",
        "topic": "Цифрлық қызметтер",
        "interview_format": "video",
        "preferred_dates": "10–14 наурыз, таңертең",
        "text": "1. Жоба қашан аяқталады?\n2. Қанша қаражат бөлінді?",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


class TestInterviewRequest:
    def test_a_journalist_files_a_media_request_with_the_details_of_the_accreditation(
        self, client, django_capture_on_commit_callbacks
    ):
        page = accreditation_page()
        accreditation = AccreditationFactory()
        url = subpage(page, "interview")
        assert client.get(url).status_code == 200

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url, form_data(accreditation.card_number, email="other@example.kz")
            )
        assert response.status_code == 303
        [case] = CitizenRequest.objects.all()
        assert case.kind == RequestKind.MEDIA
        assert case.status == Status.REGISTERED
        assert case.number.startswith("БАҚ-")
        assert case.full_name == accreditation.full_name
        assert case.outlet == accreditation.outlet.name
        assert case.accreditation_number == accreditation.card_number
        assert case.email == accreditation.email, "the answer goes to the accreditation's address"
        assert case.channel == "email"
        assert "Нұрлан Әбенов" in case.subject
        assert "вице-министр" in case.text and "Қанша қаражат бөлінді?" in case.text
        assert case.language == "kk"
        # The media request's clock, from the one deadline engine.
        assert case.answer_due == deadlines.compute(RequestKind.MEDIA, case.received_at).answer_due

        done = client.get(response["Location"])
        content = done.content.decode()
        assert case.number in content
        assert "data-code" in content, "the tracking code is shown once"
        assert "data-code" not in client.get(response["Location"]).content.decode()
        assert [m.to for m in mail.outbox] == [[accreditation.email]]

    def test_a_double_submit_registers_once(self, client):
        page = accreditation_page()
        accreditation = AccreditationFactory()
        data = form_data(accreditation.card_number)
        client.post(subpage(page, "interview"), data)
        client.post(subpage(page, "interview"), data)
        assert CitizenRequest.objects.count() == 1

    @pytest.mark.parametrize("trait", ["expired", "deprived"])
    def test_only_a_valid_accreditation_may_ask(self, client, trait):
        page = accreditation_page()
        accreditation = AccreditationFactory(**{trait: True})
        response = client.post(subpage(page, "interview"), form_data(accreditation.card_number))
        assert response.status_code == 400
        assert not CitizenRequest.objects.exists()
        content = response.content.decode()
        assert "error-summary" in content
        assert "Нұрлан Әбенов" in content, "what was typed is kept"

    def test_unknown_card_and_missing_consent_are_explained(self, client):
        page = accreditation_page()
        response = client.post(subpage(page, "interview"), form_data("КАР-2026-777777", consent=""))
        assert response.status_code == 400
        content = response.content.decode()
        assert 'aria-describedby="id_consent_error"' in content or "id_consent_error" in content
        assert not CitizenRequest.objects.exists()
