"""The signing step of the accreditation forms, through the public views, with the test NCA.

The page shows the application's canonical document; the test plays NCALayer (a detached CMS
by the test NCA over the exact bytes the page gave) and posts it back with the hidden fields.
"""

import base64
import html
import re

from django.test import Client
from django.utils import timezone

import pytest

from accreditation.models import AccreditationSettings, Application, UnsignedApplications
from accreditation.views.signing import HeldPhotos
from esign.services import submissions_for
from tests.accreditation.factories import IntakeFactory, accreditation_page, png_bytes
from tests.accreditation.helpers import photo, post_data
from tests.esign.world import BIN, HEAD_IIN, IIN
from tests.press_pages.factories import BriefingIndexPageFactory, BriefingPageFactory, kk_home

pytestmark = pytest.mark.django_db

CHANGED = "The application has changed since the document was issued. Please sign again."


@pytest.fixture
def page():
    IntakeFactory()
    return accreditation_page("en")


def application(client, url, **overrides):
    return post_data(client, url, **{"bin": BIN, "signer_iin": HEAD_IIN, "step": None, **overrides})


def hidden(response) -> dict:
    """The signing page's form as the browser would send it back."""
    text = response.content.decode()
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', text)
    return {name: html.unescape(value) for name, value in fields}


def to_sign(client, url, data):
    """Send the application; the signing page and the exact bytes to sign."""
    response = client.post(url, data)
    assert response.status_code == 200, response.content.decode()[:3000]
    assert "accreditation/signing.html" in [t.name for t in response.templates]
    return response, base64.b64decode(hidden(response)["document"])


def sign_and_send(client, url, response, cms: bytes, **changes):
    back = {**hidden(response), "step": "sign", "signature": base64.b64encode(cms).decode()}
    return client.post(url, {**back, **changes})


def test_the_editor_signs_and_the_application_is_filed_with_its_signature(pinned, page):
    client = Client()
    response, document = to_sign(client, page.url, application(client, page.url))
    text = html.unescape(response.content.decode())
    assert "Sign with ЭЦП" in text and "Send without a signature" in text
    assert "Signer's IIN" in text and HEAD_IIN in text and "Айдос Серіков" in text
    assert "no-store" in response["Cache-Control"]
    assert "13579" in response["Content-Security-Policy"]  # NCALayer's local address
    cms = pinned.sign(document, "rsa", "head", at=timezone.now())

    done = sign_and_send(client, page.url, response, cms)

    assert done.status_code == 303, done.content.decode()[:3000]
    filed = Application.objects.get()
    assert filed.journalists.get().photo.name.endswith(".jpg")
    (submission,) = submissions_for(filed)
    assert bytes(submission.document) == document
    assert (submission.iin, submission.bin) == (HEAD_IIN, BIN)
    assert submission.latest_check.state == "valid"
    assert HeldPhotos.session_key not in client.session
    assert filed.number in client.get(done["Location"]).content.decode()


def test_a_temporary_application_is_signed_for_its_event(pinned):
    starts = timezone.now() + timezone.timedelta(days=10)
    event = BriefingPageFactory(
        parent=BriefingIndexPageFactory(parent=kk_home()),
        starts_at=starts,
        ends_at=starts + timezone.timedelta(hours=1),
    )
    url = accreditation_page().url + "temporary/"
    client = Client()
    response, document = to_sign(client, url, application(client, url, briefing=str(event.pk)))
    assert event.title in html.unescape(response.content.decode())

    done = sign_and_send(
        client, url, response, pinned.sign(document, "rsa", "head", at=timezone.now())
    )

    assert done.status_code == 303
    filed = Application.objects.get()
    assert filed.kind == "temporary" and len(submissions_for(filed)) == 1


@pytest.mark.parametrize(
    ("certificate", "signer_iin", "reason"),
    [
        ("person", IIN, "not an organisation's certificate with a BIN"),
        ("head", IIN, "The IIN in the certificate differs"),
        ("hr", HEAD_IIN, "The certificate's role does not allow"),
    ],
)
def test_a_signature_not_of_the_outlets_signer_is_refused_and_nothing_typed_is_lost(
    pinned, page, certificate, signer_iin, reason
):
    client = Client()
    data = application(client, page.url, signer_iin=signer_iin, outlet_name="«Тест Таймс»")
    response, document = to_sign(client, page.url, data)

    refused = sign_and_send(
        client, page.url, response, pinned.sign(document, "rsa", certificate, at=timezone.now())
    )

    assert refused.status_code == 400
    text = html.unescape(refused.content.decode())
    assert "The signature was not accepted" in text and reason in text
    again = hidden(refused)
    assert again["nonce"] != hidden(response)["nonce"]  # a new document to sign
    assert again["outlet_name"] == "«Тест Таймс»" and again["signer_iin"] == signer_iin
    assert not Application.objects.exists()


def test_a_signature_for_another_outlets_bin_is_refused(pinned, page):
    client = Client()
    other_bin = "040140000018"
    response, document = to_sign(client, page.url, application(client, page.url, bin=other_bin))

    refused = sign_and_send(
        client, page.url, response, pinned.sign(document, "rsa", "head", at=timezone.now())
    )

    assert refused.status_code == 400
    assert "The BIN in the certificate" in html.unescape(refused.content.decode())
    assert not Application.objects.exists()


def test_a_replayed_signature_is_refused(pinned, page):
    client = Client()
    response, document = to_sign(client, page.url, application(client, page.url))
    cms = pinned.sign(document, "rsa", "head", at=timezone.now())
    assert sign_and_send(client, page.url, response, cms).status_code == 303

    replay = sign_and_send(
        client,
        page.url,
        response,
        cms,
        submission_token="6c1f5b9e-8a44-4c1c-9a0e-2d1c0a9e0b11",
        **{"journalists-0-photo": photo()},
    )

    assert replay.status_code == 400
    assert "This document has already been signed and submitted once." in html.unescape(
        replay.content.decode()
    )
    assert Application.objects.count() == 1


def test_an_application_changed_after_it_was_signed_is_not_filed(pinned, page):
    client = Client()
    response, document = to_sign(client, page.url, application(client, page.url))
    cms = pinned.sign(document, "rsa", "head", at=timezone.now())

    changed = sign_and_send(
        client, page.url, response, cms, **{"journalists-0-position": "Бас редактор"}
    )
    assert changed.status_code == 400
    assert CHANGED in html.unescape(changed.content.decode())
    reissued = base64.b64decode(hidden(changed)["document"])
    other_photo = sign_and_send(
        client,
        page.url,
        changed,
        pinned.sign(reissued, "rsa", "head", at=timezone.now()),
        **{"journalists-0-photo": photo(png_bytes(), "p.png", "image/png")},
    )
    assert other_photo.status_code == 400
    assert CHANGED in html.unescape(other_photo.content.decode())
    assert not Application.objects.exists()


def test_the_photos_are_kept_when_the_applicant_goes_back_to_the_form(pinned, page):
    client = Client()
    response, _document = to_sign(client, page.url, application(client, page.url))

    back = client.post(page.url, {**hidden(response), "step": "edit"})

    assert back.status_code == 200
    text = html.unescape(back.content.decode())
    assert 'value="Qazaq Times"' in text and "You do not need to attach them again." in text
    again, document = to_sign(client, page.url, {**hidden(response), "step": ""})
    done = sign_and_send(
        client, page.url, again, pinned.sign(document, "rsa", "head", at=timezone.now())
    )
    assert done.status_code == 303
    assert Application.objects.get().journalists.get().photo.name.endswith(".jpg")


def test_unsigned_applications_are_accepted_by_default(page):
    client = Client()
    response, _document = to_sign(client, page.url, application(client, page.url))

    done = client.post(page.url, {**hidden(response), "step": "unsigned"})

    assert done.status_code == 303
    assert submissions_for(Application.objects.get()) == []


def test_unsigned_applications_are_refused_when_the_setting_says_so(page):
    settings = AccreditationSettings.load()
    settings.unsigned_applications = UnsignedApplications.REFUSE
    settings.save()
    client = Client()
    response, _document = to_sign(client, page.url, application(client, page.url))
    assert "Send without a signature" not in response.content.decode()

    refused = client.post(page.url, {**hidden(response), "step": "unsigned"})

    assert refused.status_code == 400
    assert "only when signed with an ЭЦП" in html.unescape(refused.content.decode())
    assert not Application.objects.exists()


def test_the_signers_iin_is_required_and_checked_for_an_outlet_in_kazakhstan(page):
    client = Client()
    missing = client.post(page.url, application(client, page.url, signer_iin=""))
    wrong = client.post(page.url, application(client, page.url, signer_iin="750505400331"))

    assert missing.status_code == wrong.status_code == 400
    assert "Give the IIN of the person who signs the application." in html.unescape(
        missing.content.decode()
    )
    assert "This is not a valid IIN: check the 12 digits." in wrong.content.decode()
    assert 'href="#id_signer_iin"' in wrong.content.decode()


def test_a_foreign_outlet_without_the_signers_iin_can_only_send_unsigned(page):
    client = Client()
    data = application(client, page.url, bin="", signer_iin="", is_foreign="on", country="Qatar")
    response = client.post(page.url, data)
    assert "accreditation/signing.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert "data-sign-button" not in text and "data-signing-form" not in text
    assert "data-sign-unavailable" in text

    refused = client.post(page.url, {**hidden(response), "step": "sign", "signature": "MA=="})
    done = client.post(page.url, {**hidden(response), "step": "unsigned"})

    assert refused.status_code == 400
    assert "issued to the signer's IIN" in html.unescape(refused.content.decode())
    assert done.status_code == 303 and Application.objects.get().outlet.is_foreign
