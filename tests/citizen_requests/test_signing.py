"""The signing step of the request forms, through the form views, with the test NCA.

The page shows the canonical document; the test plays NCALayer (a detached CMS with a
timestamp from the test PKI over the exact bytes the page gave) and posts it back.
"""

import base64
import html
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from citizen_requests.kinds import RequestKind, Signature, UnsignedPolicy
from citizen_requests.models import CitizenRequest, PersonalDataAccess, RequestSettings
from citizen_requests.reports.figures import figures
from esign.models import SignedSubmission
from esign.services import submissions_for
from tests.agency.identifiers import make_iin
from tests.citizen_requests.helpers import (
    form_page,
    officer,
    status_page,
    valid_data,
    viewer_without_personal_data,
)
from tests.esign.world import BIN, HEAD_IIN, IIN
from tests.signin import staff_login
from tests.workflows.moderation import prefer_english

pytestmark = pytest.mark.django_db


def hidden(response, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    assert found, name
    return html.unescape(found.group(1))


def to_sign(client, page, data):
    """Send the form; the signing page it answers with and the exact bytes to sign."""
    response = client.post(page.url, data)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "citizen_requests/signing.html" in [t.name for t in response.templates]
    return response, base64.b64decode(hidden(response, "document"))


def signed_post(client, page, data, response, signature: bytes):
    return client.post(
        page.url,
        {
            **data,
            "step": "sign",
            "nonce": hidden(response, "nonce"),
            "signature": base64.b64encode(signature).decode(),
        },
    )


@pytest.fixture
def page():
    return form_page(RequestKind.INFORMATION, "en")


def test_a_good_signature_registers_the_request_with_its_signed_submission(pinned, page):
    client = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(client, page, data)
    text = response.content.decode()
    assert "Sign with ЭЦП" in text and "Send without a signature" in text
    assert data["subject"] in text and IIN in text
    cms = pinned.sign(document, "rsa", at=timezone.now())

    done = signed_post(client, page, data, response, cms)

    assert done.status_code == 200
    assert "citizen_requests/acknowledgement.html" in [t.name for t in done.templates]
    case = CitizenRequest.objects.get()
    assert case.signature == Signature.SIGNED
    (submission,) = submissions_for(case)
    assert bytes(submission.document) == document
    assert submission.iin == IIN and submission.latest_check.state == "valid"


def test_a_legal_entity_signs_with_its_heads_key_against_the_bin(pinned, page):
    client = Client()
    data = valid_data(
        iin=None,
        step=None,
        requester_type="legal_entity",
        organisation="ТОО «ТЕСТ»",
        bin=BIN,
        signatory_position="Директор",
        outgoing_number="12",
        outgoing_date="2026-01-05",
    )
    response, document = to_sign(client, page, data)

    done = signed_post(
        client, page, data, response, pinned.sign(document, "rsa", "head", at=timezone.now())
    )

    assert "citizen_requests/acknowledgement.html" in [t.name for t in done.templates]
    (submission,) = SignedSubmission.objects.all()
    assert submission.bin == BIN and submission.iin == HEAD_IIN


def test_a_signature_of_someone_else_is_refused_with_the_reason_and_nothing_typed_is_lost(
    pinned, page
):
    client = Client()
    other = make_iin("90010130001")
    data = valid_data(iin=other, step=None, text="Менің сұрауым «мәтін»")
    response, document = to_sign(client, page, data)

    refused = signed_post(
        client, page, data, response, pinned.sign(document, "rsa", at=timezone.now())
    )

    assert refused.status_code == 400
    text = refused.content.decode()
    assert "The IIN in the certificate differs from the IIN in the form." in text
    assert "Менің сұрауым «мәтін»" in html.unescape(text)
    assert hidden(refused, "nonce") != hidden(response, "nonce")  # a new document to sign
    assert hidden(refused, "iin") == other
    assert not CitizenRequest.objects.exists()


def test_a_form_sent_with_no_signature_is_told_to_sign_and_keeps_what_was_typed(pinned, page):
    client = Client()
    data = valid_data(iin=IIN, step=None, text="Менің сұрауым")
    response, _document = to_sign(client, page, data)

    refused = signed_post(client, page, data, response, b"")

    assert refused.status_code == 400
    text = html.unescape(refused.content.decode())
    assert "No signature was received" in text and "Менің сұрауым" in text
    assert not CitizenRequest.objects.exists()


def test_a_replayed_signature_is_refused(pinned, page):
    client = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(client, page, data)
    cms = pinned.sign(document, "rsa", at=timezone.now())
    assert signed_post(client, page, data, response, cms).status_code == 200

    again = {**data, "submission_token": "6c1f5b9e-8a44-4c1c-9a0e-2d1c0a9e0b11"}
    replay = signed_post(client, page, again, response, cms)

    assert replay.status_code == 400
    assert "This document has already been signed and submitted once." in replay.content.decode()
    assert CitizenRequest.objects.count() == 1


def test_a_form_changed_after_the_document_was_issued_is_not_registered(pinned, page):
    client = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(client, page, data)
    cms = pinned.sign(document, "rsa", at=timezone.now())

    changed = signed_post(client, page, {**data, "text": "Басқа мәтін"}, response, cms)

    assert changed.status_code == 400
    assert "The form has changed since the document was issued" in changed.content.decode()
    assert not CitizenRequest.objects.exists()


@pytest.mark.parametrize(
    ("policy", "marked"),
    [(UnsignedPolicy.ACCEPT, Signature.UNSIGNED), (UnsignedPolicy.FLAG, Signature.FLAGGED)],
)
def test_unsigned_requests_are_accepted_or_flagged_per_setting(page, policy, marked):
    settings = RequestSettings.load()
    settings.unsigned_requests = policy
    settings.save()
    client = Client()
    data = valid_data(step=None)
    to_sign(client, page, data)

    done = client.post(page.url, {**data, "step": "unsigned"})

    assert "citizen_requests/acknowledgement.html" in [t.name for t in done.templates]
    assert CitizenRequest.objects.get().signature == marked
    notice = "was not signed with an ЭЦП" in done.content.decode()
    assert notice == (policy == UnsignedPolicy.FLAG)


def test_unsigned_requests_are_refused_when_the_setting_says_so(page):
    settings = RequestSettings.load()
    settings.unsigned_requests = UnsignedPolicy.REFUSE
    settings.save()
    client = Client()
    data = valid_data(step=None)
    response, _document = to_sign(client, page, data)
    assert "Send without a signature" not in response.content.decode()

    refused = client.post(page.url, {**data, "step": "unsigned"})

    assert refused.status_code == 400
    assert "only when signed with an ЭЦП" in refused.content.decode()
    assert not CitizenRequest.objects.exists()


def test_going_back_to_the_form_keeps_what_was_typed(page):
    client = Client()
    data = valid_data(step=None, subject="Бюджет 2026")
    to_sign(client, page, data)

    back = client.post(page.url, {**data, "step": "edit"})

    assert back.status_code == 200
    assert page.get_template(back.wsgi_request) in [t.name for t in back.templates]
    assert 'value="Бюджет 2026"' in back.content.decode()


def test_the_officer_sees_the_signature_and_the_downloads_are_checked_and_logged(
    pinned, page, client
):
    citizen = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(citizen, page, data)
    signed_post(citizen, page, data, response, pinned.sign(document, "rsa", at=timezone.now()))
    case = CitizenRequest.objects.get()
    (submission,) = submissions_for(case)
    user = officer()
    prefer_english(user)
    staff_login(client, user)

    text = html.unescape(
        client.get(reverse("citizen_requests_cases:case", args=[case.pk])).content.decode()
    )

    assert "Signed with ЭЦП" in text and "ТЕСТОВ АЙДАР" in text and IIN in text
    assert "RSA with SHA-256" in text and "not revoked at the time of signing" in text
    urls = {
        part: reverse("citizen_requests_cases:signed_file", args=[case.pk, submission.pk, part])
        for part in ("document", "cms")
    }
    assert urls["document"] in text and urls["cms"] in text
    before = PersonalDataAccess.objects.filter(request=case).count()
    got = client.get(urls["document"])
    assert got.content == document and "no-store" in got["Cache-Control"]
    cms = client.get(urls["cms"])
    assert cms.content == bytes(submission.cms)
    assert cms["Content-Type"] == "application/pkcs7-signature"
    assert PersonalDataAccess.objects.filter(request=case).count() == before + 2
    other = Client()
    staff_login(other, viewer_without_personal_data())
    assert other.get(urls["cms"]).status_code == 403
    missing = reverse("citizen_requests_cases:signed_file", args=[case.pk, submission.pk, "key"])
    assert client.get(missing, follow=True).status_code == 404


def test_the_status_page_says_signed_and_verified_with_the_iin_masked(pinned, page):
    citizen = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(citizen, page, data)
    done = signed_post(
        citizen, page, data, response, pinned.sign(document, "rsa", at=timezone.now())
    )
    case = CitizenRequest.objects.get()

    shown = Client().post(
        status_page("en").url, {"number": case.number, "code": done.context["tracking_code"]}
    )

    text = shown.content.decode()
    assert "Signed with ЭЦП and verified" in text
    assert f"{IIN[:6]}•••••{IIN[-1]}" in text and IIN not in text


def test_the_reports_count_signed_and_unsigned_requests(pinned, page):
    citizen = Client()
    data = valid_data(iin=IIN, step=None)
    response, document = to_sign(citizen, page, data)
    signed_post(citizen, page, data, response, pinned.sign(document, "rsa", at=timezone.now()))
    Client().post(page.url, valid_data())

    counted = figures(CitizenRequest.objects.all())

    assert (counted.signed, counted.unsigned) == (1, 1)


def _individual(iin=IIN):
    return valid_data(iin=iin, step=None)


def _legal_entity(bin_=BIN):
    return valid_data(
        iin=None,
        step=None,
        requester_type="legal_entity",
        organisation="ТОО «ТЕСТ»",
        bin=bin_,
        signatory_position="Директор",
        outgoing_number="12",
        outgoing_date="2026-01-05",
    )


#: case → (the form's data, the certificate, signing options, what is done to the bytes, the
#: reason shown; ``None`` when the request is registered)
UI_CASES = {
    "good": (_individual, "person", {}, None, None),
    "good_legal_entity": (_legal_entity, "head", {}, None, None),
    "tampered_content": (
        _individual,
        "person",
        {},
        lambda document: document.replace(b'"subject"', b'"subject" '),
        "The signed document differs from the one the site issued.",
    ),
    "wrong_iin": (
        lambda: _individual(make_iin("90010130001")),
        "person",
        {},
        None,
        "The IIN in the certificate differs from the IIN in the form.",
    ),
    "wrong_bin": (
        lambda: _legal_entity(make_iin("99012000777")),
        "head",
        {},
        None,
        "The BIN in the certificate differs from the BIN in the form.",
    ),
    "role_not_allowed": (
        _legal_entity,
        "hr",
        {},
        None,
        "The certificate's role does not allow filing on behalf of the organisation.",
    ),
    "foreign_root": (
        _individual,
        "foreign",
        {},
        None,
        "The certificate does not lead to a trusted root of the National Certification Authority.",
    ),
    "revoked": (
        _individual,
        "revoked",
        {},
        None,
        "The certificate was revoked before the time of signing.",
    ),
    "expired": (
        _individual,
        "expired",
        {},
        None,
        "The certificate had expired at the time of signing.",
    ),
    "not_yet_valid": (
        _individual,
        "future",
        {},
        None,
        "The certificate was not yet valid at the time of signing.",
    ),
    "authentication_key": (
        _individual,
        "auth",
        {},
        None,
        "The key is not a signing key: an authentication key cannot sign a request.",
    ),
    "missing_timestamp": (
        _individual,
        "person",
        {"stamp": False},
        None,
        "The signature has no timestamp from a timestamp authority.",
    ),
    "replayed_nonce": (
        _individual,
        "person",
        {},
        None,
        "This document has already been signed and submitted once.",
    ),
}


@pytest.mark.parametrize("case", list(UI_CASES))
def test_every_case_gets_its_verdict_through_the_form(pinned, page, case):
    make_data, certificate, options, alter, reason = UI_CASES[case]
    client = Client()
    data = make_data()
    response, document = to_sign(client, page, data)
    signed = alter(document) if alter else document
    cms = pinned.sign(signed, "rsa", certificate, at=timezone.now(), **options)
    if case == "replayed_nonce":
        first = signed_post(client, page, data, response, cms)
        assert "citizen_requests/acknowledgement.html" in [t.name for t in first.templates]
        data = {**data, "submission_token": "6c1f5b9e-8a44-4c1c-9a0e-2d1c0a9e0b11"}

    answer = signed_post(client, page, data, response, cms)

    templates = [t.name for t in answer.templates]
    registered = 1 if case == "replayed_nonce" else 0
    if reason is None:
        assert answer.status_code == 200
        assert "citizen_requests/acknowledgement.html" in templates
        (case_,) = CitizenRequest.objects.all()
        assert case_.signature == Signature.SIGNED
        assert submissions_for(case_)[0].latest_check.state == "valid"
    else:
        assert answer.status_code == 400
        assert "citizen_requests/signing.html" in templates
        text = html.unescape(answer.content.decode())
        assert "The signature was not accepted" in text and reason in text
        assert CitizenRequest.objects.count() == registered
