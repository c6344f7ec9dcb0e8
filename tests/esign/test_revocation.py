"""Revocation at the time of signing: which OCSP answers and CRLs count, and what is fetched."""

import datetime

from django.utils import translation

import pytest

from esign import revocation
from esign.verification import verify

from . import pki
from .world import DAY, IIN, closed_url


def answered_now() -> datetime.datetime:
    """The moment a test reads an OCSP answer: the test responder stamps its answers with the
    real time, which is later than ``world.now`` (the moment the session's NCA was built)."""
    return datetime.datetime.now(datetime.UTC)


def certs(world, family, kind="person"):
    hierarchy = world.hierarchies[family]
    return hierarchy.leaves[kind].cert, hierarchy.intermediate.cert


def test_a_certificate_revoked_after_the_time_of_signing_was_good_when_it_signed(world, pinned):
    data = b"signed three days ago"
    signature = world.sign(data, "rsa", "revoked_later", at=world.now - 3 * DAY)

    verdict = verify(data, signature, iin=IIN)

    assert verdict.valid
    leaf = verdict.revocation[0]
    assert (leaf.state, leaf.revoked_at) == ("good", world.now - DAY)
    assert leaf.notes == ["revoked after the time of signing"]


def test_an_ocsp_answer_signed_by_another_responder_does_not_count(world):
    cert, issuer = certs(world, "rsa")
    request, nonce = revocation.ocsp_request(cert, issuer)
    gost_responder = world.hierarchies["gost"].responder
    world.hierarchies["rsa"].responder, saved = gost_responder, world.hierarchies["rsa"].responder
    try:
        raw = world.ocsp_response(request)
    finally:
        world.hierarchies["rsa"].responder = saved

    status = revocation.read_ocsp(raw, cert, issuer, nonce, world.now, answered_now())

    assert status.state == "unknown"
    assert status.notes == ["ocsp: not signed by the issuer or its responder"]


def test_an_ocsp_answer_to_another_request_does_not_count(world):
    cert, issuer = certs(world, "rsa")
    request, _nonce = revocation.ocsp_request(cert, issuer)
    raw = world.ocsp_response(request)

    replayed = revocation.read_ocsp(raw, cert, issuer, b"another nonce", world.now, answered_now())
    other_cert = revocation.read_ocsp(
        raw, world.leaf("rsa", "revoked").cert, issuer, _nonce, world.now, answered_now()
    )

    assert replayed.notes == ["ocsp: another request's nonce"]
    assert other_cert.notes == ["ocsp: no answer for this certificate"]


def test_a_crl_counts_only_if_its_issuer_signed_it_and_it_speaks_for_the_time(world):
    cert, issuer = certs(world, "rsa", "revoked")
    hierarchy = world.hierarchies["rsa"]
    forged = pki.make_crl(
        pki.Issued(issuer, hierarchy.root.key), {}, world.now - DAY, world.now + DAY
    )
    stale = pki.make_crl(hierarchy.intermediate, {}, world.now - 3 * DAY, world.now - 2 * DAY)
    current = world.crl("nca-rsa")

    assert revocation.read_crl(forged, cert, issuer, world.now, world.now).notes == [
        "crl: not signed by the issuer"
    ]
    assert revocation.read_crl(stale, cert, issuer, world.now, world.now).notes == ["crl: stale"]
    assert revocation.read_crl(current, cert, issuer, world.now, world.now).state == "revoked"
    assert revocation.read_crl(world.crl("nca-gost"), cert, issuer, world.now, world.now) is None
    assert revocation.read_crl(b"not a crl", cert, issuer, world.now, world.now).state == "unknown"


def test_only_the_addresses_in_the_settings_are_asked(world, pinned, settings):
    settings.ESIGN_OCSP_URLS = [closed_url()]  # the certificates name the test responder
    settings.ESIGN_CRL_URLS = [world.crl_url("root-rsa")]
    data = b"only listed addresses"

    verdict = verify(data, world.sign(data, "rsa"), iin=IIN)

    assert verdict.state == "revocation_unknown"
    assert world.requests == ["GET /crl/root-rsa.crl"]  # not the leaf's own OCSP or CDP address
    assert verdict.revocation[1].state == "good"  # the intermediate, from the root's CRL


def test_fetching_refuses_other_schemes_missing_files_and_oversized_answers(world):
    with pytest.raises(revocation.FetchError, match="not an http address"):
        revocation.fetch("file:///etc/passwd", limit=10, timeout=1)
    with pytest.raises(revocation.FetchError, match="404"):
        revocation.fetch(world.crl_url("missing"), limit=10_000, timeout=1)
    with pytest.raises(revocation.FetchError, match="larger than 10 bytes"):
        revocation.fetch(world.crl_url("nca-rsa"), limit=10, timeout=1)


def test_a_fetched_crl_is_kept_for_a_while(world, pinned, settings):
    settings.ESIGN_OCSP_URLS = []
    source = revocation.NetworkSource()
    cert, issuer = certs(world, "rsa")
    moment = world.now - datetime.timedelta(minutes=1)

    first = source.status(cert, issuer, moment, world.now)
    second = source.status(cert, issuer, moment, world.now)

    assert first.state == second.state == "good" and first.source == "crl"
    assert world.requests.count("GET /crl/nca-rsa.crl") == 1


def test_an_ocsp_answer_signed_by_the_issuer_itself_counts(world):
    cert, issuer = certs(world, "rsa", "revoked")
    hierarchy = world.hierarchies["rsa"]
    request, nonce = revocation.ocsp_request(cert, issuer)
    hierarchy.responder, saved = hierarchy.intermediate, hierarchy.responder
    try:
        raw = world.ocsp_response(request)
    finally:
        hierarchy.responder = saved

    status = revocation.read_ocsp(raw, cert, issuer, nonce, world.now, answered_now())

    assert (status.state, status.source, status.revoked_at) == ("revoked", "ocsp", world.now - DAY)


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_a_timestamp_from_a_revoked_authority_makes_the_signature_invalid(world, pinned, family):
    data = b"stamped by a revoked authority"
    signature = world.sign(data, family, tsa=world.revoked_tsa)

    verdict = verify(data, signature, iin=IIN)

    assert verdict.state == "invalid"
    assert [(reason.code, reason.detail) for reason in verdict.reasons] == [
        ("timestamp_revoked", "Common Name: TEST TSA (REVOKED), Country: KZ")
    ]
    with translation.override("en"):
        assert verdict.reasons[0].message == (
            "The timestamp authority's certificate was revoked before the time of the timestamp."
        )
    authority = verdict.timestamp_revocation[0]
    assert (authority.state, authority.source) == ("revoked", "ocsp")
    assert [status.state for status in verdict.revocation] == ["good", "good"]


def test_an_authority_revoked_after_the_stamped_time_was_good_when_it_stamped(world, pinned):
    data = b"stamped three days ago"
    signature = world.sign(data, "rsa", "revoked_later", at=world.now - 3 * DAY)
    stamped_then = world.sign(data, "rsa", at=world.now - 3 * DAY, tsa=world.revoked_tsa)

    assert verify(data, signature, iin=IIN).valid
    verdict = verify(data, stamped_then, iin=IIN)

    assert verdict.valid
    assert verdict.timestamp_revocation[0].notes == ["revoked after the time of signing"]


def test_a_revoked_authority_is_found_in_the_crl_when_ocsp_is_down(world, pinned, settings):
    settings.ESIGN_OCSP_URLS = [closed_url()]
    data = b"stamped by a revoked authority, OCSP down"

    verdict = verify(data, world.sign(data, "gost", tsa=world.revoked_tsa), iin=IIN)

    assert [reason.code for reason in verdict.reasons] == ["timestamp_revoked"]
    assert verdict.timestamp_revocation[0].source == "crl"


def test_an_authority_whose_status_cannot_be_had_leaves_revocation_unknown(world, pinned, settings):
    """The signer's certificates are decided by their CRLs; nothing answers for the
    authority's (under the RSA root), so the verdict waits for a later check."""
    settings.ESIGN_OCSP_URLS = [closed_url()]
    settings.ESIGN_CRL_URLS = [world.crl_url("nca-gost"), world.crl_url("root-gost")]
    data = b"the authority's responder is down"

    verdict = verify(data, world.sign(data, "gost"), iin=IIN)

    assert verdict.state == "revocation_unknown"
    assert [reason.code for reason in verdict.reasons] == ["timestamp_revocation_unknown"]
    assert [status.state for status in verdict.revocation] == ["good", "good"]
    assert [status.state for status in verdict.timestamp_revocation] == ["unknown", "unknown"]
    assert "TEST TSA" in verdict.as_dict()["timestamp_revocation"][0]["subject"]
