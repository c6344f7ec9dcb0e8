"""Every case gets its verdict, RSA and GOST alike, through the form's API.

A document is issued (:func:`esign.services.issue_document`), signed by the test NCA's
certificate of the case as NCALayer would sign it, and verified with
:func:`esign.services.verify_document` against the pinned test roots, the test OCSP responder
and CRLs.
"""

import datetime

from django.utils import translation

import pytest
from asn1crypto import pem

from esign import services
from esign.verification import INVALID, VALID

from .world import BIN, DAY, HEAD_IIN, IIN

pytestmark = pytest.mark.django_db

CONTENT = {
    "recipient": "Министрлік",
    "requester": {"type": "individual", "iin": IIN, "name": "Тестов Айдар"},
    "subject": "Сұрау",
    "text": "Мәтін — текст — text",
    "answer_channel": "email",
    "attachments": [{"name": "хат.pdf", "size": 1234, "sha256": "ab" * 32}],
}

#: case → (certificate, form IIN, form BIN, expected state, expected reason codes)
CASES = {
    "good": ("person", IIN, "", VALID, []),
    "organisation": ("head", HEAD_IIN, BIN, VALID, []),
    "wrong_iin": ("person", HEAD_IIN, "", INVALID, ["iin_mismatch"]),
    "wrong_bin": ("head", HEAD_IIN, "123456789012", INVALID, ["bin_mismatch"]),
    "role_not_allowed": ("hr", HEAD_IIN, BIN, INVALID, ["role_not_allowed"]),
    "individual_key_for_organisation": ("person", IIN, BIN, INVALID, ["bin_missing"]),
    "authentication_key": ("auth", IIN, "", INVALID, ["not_signing_key"]),
    "foreign_root": ("foreign", IIN, "", INVALID, ["untrusted"]),
    "revoked": ("revoked", IIN, "", INVALID, ["revoked"]),
    "expired": ("expired", IIN, "", INVALID, ["expired"]),
    "not_yet_valid": ("future", IIN, "", INVALID, ["not_yet_valid"]),
}


def codes(verdict) -> list[str]:
    return [reason.code for reason in verdict.reasons]


def signed(world, family, kind="person", **options):
    document = services.issue_document("citizen_request", CONTENT)
    return document, world.sign(document.data, family, kind, **options)


@pytest.mark.parametrize("family", ["rsa", "gost"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_case_gets_its_verdict(world, pinned, family, case):
    kind, iin, bin_, state, reasons = CASES[case]
    document, cms = signed(world, family, kind)

    outcome = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=iin, bin_=bin_
    )

    assert (outcome.verdict.state, codes(outcome.verdict)) == (state, reasons)
    assert outcome.acceptable is (state == VALID)


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_a_valid_verdict_names_the_signer_the_time_and_the_evidence(world, pinned, family):
    # Just before the document is issued: a nonce's window opens five minutes before its issue.
    at = datetime.datetime.now(datetime.UTC).replace(microsecond=0) - datetime.timedelta(seconds=30)
    document, cms = signed(world, family, "head", at=at)

    as_ncalayer_returns_it = pem.armor("CMS", cms).decode()

    verdict = services.verify_document(
        document.nonce, as_ncalayer_returns_it, purpose="citizen_request", iin=HEAD_IIN, bin_=BIN
    ).verdict

    assert verdict.valid
    assert verdict.signed_at == at  # the timestamp's time, not the signer's signingTime
    assert (verdict.signer.iin, verdict.signer.bin) == (HEAD_IIN, BIN)
    assert verdict.signer.name == "БАСШЫ ӘЛИЯ"
    assert verdict.signer.organisation == "ТОО «ТЕСТ»"
    assert "1.2.398.3.3.4.1.2.1" in verdict.signer.roles
    assert verdict.algorithm == {"rsa": "rsa-sha256", "gost": "gost2015-512"}[family]
    assert verdict.engine == {"rsa": "pyhanko", "gost": "gostcrypto"}[family]
    assert verdict.anchor in verdict.anchors and len(verdict.anchors) == 2
    leaf, intermediate = verdict.revocation
    assert (leaf.state, leaf.source) == ("good", "ocsp")
    assert verdict.ocsp_response == leaf.raw and verdict.crl is None
    assert (intermediate.state, intermediate.source) == ("good", "crl")


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_a_document_other_than_the_issued_one_is_refused(world, pinned, family):
    document = services.issue_document("citizen_request", CONTENT)
    cms = world.sign(document.data.replace("Сұрау".encode(), "Сұрақ".encode()), family)

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["digest_mismatch"])


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_a_nonce_is_used_once(world, pinned, family):
    document, cms = signed(world, family)
    first = services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)

    replayed = services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)

    assert first.verdict.valid
    assert (replayed.verdict.state, codes(replayed.verdict)) == (INVALID, ["nonce_used"])
    assert not replayed.acceptable


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_a_signature_without_a_timestamp_is_refused(world, pinned, family):
    document, cms = signed(world, family, stamp=False)

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["timestamp_missing"])


def test_a_timestamp_from_an_untrusted_authority_is_refused(world, pinned):
    document, cms = signed(world, "rsa", tsa=world.foreign_tsa)

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert codes(verdict) == ["timestamp_invalid"]
    assert "authority" in verdict.reasons[0].detail


def test_a_timestamp_of_another_signature_is_refused(world, pinned):
    document, cms = signed(world, "rsa", stamped_value=b"another signature value")

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert codes(verdict) == ["timestamp_invalid"]


def test_a_timestamp_before_the_document_was_issued_is_refused(world, pinned):
    document, cms = signed(world, "rsa", at=world.now - 2 * DAY)

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["timestamp_outside_window"])


def test_without_pinned_anchors_verification_fails_closed(world, settings, tmp_path):
    settings.ESIGN_ANCHORS_DIR = tmp_path / "empty"
    settings.ESIGN_OCSP_URLS = [world.ocsp_url]
    world.requests.clear()
    document, cms = signed(world, "rsa")

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["no_anchors"])
    with translation.override("en"):
        assert verdict.reasons[0].message == "Cannot be verified: no trust anchors configured."
    with translation.override("ru"):
        assert verdict.reasons[0].message.startswith("Проверка невозможна")
    assert world.requests == []


def test_a_certificate_copied_into_the_folder_by_hand_is_not_an_anchor(world, pinned, settings):
    (settings.ESIGN_ANCHORS_DIR / "fingerprints.txt").unlink()
    document, cms = signed(world, "rsa")

    verdict = services.verify_document(
        document.nonce, cms, purpose="citizen_request", iin=IIN
    ).verdict

    assert codes(verdict) == ["no_anchors"]


def test_an_unknown_expired_or_foreign_purpose_nonce_is_refused(world, pinned):
    document, cms = signed(world, "rsa")
    unknown = services.verify_document("no-such-nonce", cms, purpose="citizen_request", iin=IIN)
    other_purpose = services.verify_document(document.nonce, cms, purpose="accreditation", iin=IIN)
    late = services.verify_document(
        document.nonce,
        cms,
        purpose="citizen_request",
        iin=IIN,
        now=world.now + datetime.timedelta(hours=2),
    )

    assert codes(unknown.verdict) == ["nonce_unknown"]
    assert codes(other_purpose.verdict) == ["nonce_unknown"]
    assert codes(late.verdict) == ["nonce_expired"]


def test_garbage_is_refused_with_a_reason_not_an_error(world, pinned):
    document = services.issue_document("citizen_request", CONTENT)

    verdict = services.verify_document(
        document.nonce, "-----BEGIN CMS-----\nnot base64\n", purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["malformed"])


def test_a_form_sent_without_a_signature_is_told_to_sign(world, pinned):
    document = services.issue_document("citizen_request", CONTENT)

    verdict = services.verify_document(
        document.nonce, "", purpose="citizen_request", iin=IIN
    ).verdict

    assert (verdict.state, codes(verdict)) == (INVALID, ["signature_missing"])
    with translation.override("en"):
        assert "Sign with ЭЦП" in verdict.reasons[0].message
