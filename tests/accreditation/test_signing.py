"""The canonical document an outlet's editor-in-chief signs, and its verification against the
signer's IIN and the outlet's BIN, with the test NCA."""

import hashlib
import html

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from accreditation import signing
from accreditation.models import AccreditationType
from accreditation.services.applications import ApplicationData, JournalistData
from esign import canonical
from esign.services import record, submissions_for
from tests.esign.world import BIN, HEAD_IIN, IIN
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

from .factories import ApplicationFactory
from .helpers import checked_photo

pytestmark = pytest.mark.django_db


def application_data(bin_=BIN) -> ApplicationData:
    return ApplicationData(
        outlet_name="«Тест Таймс»",
        editor_in_chief="БАСШЫ ӘЛИЯ",
        contact_email="editor@media.example.kz",
        bin=bin_,
        journalists=[
            JournalistData(
                full_name="Айдар Тестов",
                position="Тілші",
                iin=IIN,
                email="aidar@media.example.kz",
                photo=checked_photo(),
            )
        ],
    )


def issued(data=None, signer_iin=HEAD_IIN):
    data = data or application_data()
    expected = signing.content(None, AccreditationType.PERMANENT, data, signer_iin)
    return signing.issue(None, AccreditationType.PERMANENT, data, signer_iin), expected


def test_the_document_names_the_outlet_the_signer_the_journalists_and_their_photos():
    document, _expected = issued()
    photo = checked_photo()

    content = canonical.parse(document.data).content

    assert content["outlet"] == {"name": "«Тест Таймс»", "bin": BIN}
    assert content["signer"] == {"name": "БАСШЫ ӘЛИЯ", "iin": HEAD_IIN}
    (journalist,) = content["journalists"]
    assert journalist["photo"] == {
        "name": "p.jpg",
        "size": photo.size,
        "sha256": hashlib.sha256(photo.data).hexdigest(),
    }
    with translation.override("en"):
        rows = {row["path"]: row for row in signing.readable(document)}
    assert rows["signer.iin"]["label"] == "Signer's IIN"
    assert rows["journalists.0.photo.sha256"]["label"] == "Journalist 1: photo SHA-256"


def test_the_heads_signature_is_accepted_and_kept_with_the_application(pinned):
    document, expected = issued()
    cms = pinned.sign(document.data, "rsa", "head", at=timezone.now())

    outcome, errors = signing.check(document.nonce, cms, expected)
    application = ApplicationFactory()
    record(outcome, target=application)

    assert errors == []
    (submission,) = submissions_for(application)
    assert submission.purpose == "accreditation"
    assert (submission.iin, submission.bin) == (HEAD_IIN, BIN)
    assert submission.latest_check.state == "valid"


@pytest.mark.parametrize(
    ("certificate", "data", "signer_iin", "reason"),
    [
        ("head", application_data("990120007771"), HEAD_IIN, "The BIN in the certificate"),
        ("hr", application_data(), HEAD_IIN, "The certificate's role does not allow"),
        ("person", application_data(), IIN, "not an organisation's certificate with a BIN"),
        ("head", application_data(), IIN, "The IIN in the certificate differs"),
    ],
)
def test_a_signature_not_of_the_outlets_signer_is_refused(
    pinned, certificate, data, signer_iin, reason
):
    document, expected = issued(data, signer_iin)
    cms = pinned.sign(document.data, "rsa", certificate, at=timezone.now())

    with translation.override("en"):
        outcome, errors = signing.check(document.nonce, cms, expected)

    assert not outcome.acceptable
    assert any(reason in message for message in errors), errors


def test_an_application_changed_after_the_document_was_issued_is_refused(pinned):
    document, expected = issued()
    cms = pinned.sign(document.data, "rsa", "head", at=timezone.now())
    changed = {**expected, "contacts": {"email": "other@media.example.kz"}}

    with translation.override("en"):
        outcome, errors = signing.check(document.nonce, cms, changed)

    assert outcome.acceptable
    assert errors == [
        "The application has changed since the document was issued. Please sign again."
    ]


def test_the_officer_sees_the_signature_and_downloads_the_document_and_the_cms(pinned, client):
    document, expected = issued()
    outcome, _errors = signing.check(
        document.nonce, pinned.sign(document.data, "rsa", "head", at=timezone.now()), expected
    )
    application = ApplicationFactory()
    submission = record(outcome, target=application)
    user = member("accreditation_officers", "acc-officer")
    prefer_english(user)
    staff_login(client, user)

    text = html.unescape(
        client.get(
            reverse("accreditation_applications:application", args=[application.pk])
        ).content.decode()
    )

    assert "Signed with ЭЦП" in text and "БАСШЫ ӘЛИЯ" in text and HEAD_IIN in text
    assert "RSA with SHA-256" in text and "not revoked at the time of signing" in text
    urls = {
        part: reverse(
            "accreditation_applications:signed_file", args=[application.pk, submission.pk, part]
        )
        for part in ("document", "cms")
    }
    assert urls["document"] in text and urls["cms"] in text
    got = client.get(urls["document"])
    assert got.content == document.data and "no-store" in got["Cache-Control"]
    cms = client.get(urls["cms"])
    assert cms.content == bytes(submission.cms)
    assert cms["Content-Type"] == "application/pkcs7-signature"
    missing = reverse(
        "accreditation_applications:signed_file", args=[application.pk, submission.pk, "key"]
    )
    assert client.get(missing, follow=True).status_code == 404
    staff_login(client, member("editors", "editor"))
    assert client.get(urls["cms"]).status_code in (302, 403)


def test_an_application_without_a_signature_says_so(client):
    application = ApplicationFactory()
    user = member("accreditation_officers", "acc-officer")
    prefer_english(user)
    staff_login(client, user)

    page = client.get(reverse("accreditation_applications:application", args=[application.pk]))

    assert "No electronic signature." in page.content.decode()
