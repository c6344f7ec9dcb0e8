"""The canonical document, the kept evidence, and the re-check of unknown revocation statuses."""

import base64
import datetime
import hashlib
import json

from django.utils import translation

import pytest
from django_q.models import Schedule

from esign import canonical, jobs, services
from esign.models import (
    ImmutableRecordError,
    RevocationList,
    SignatureCheck,
    SignedSubmission,
    SigningNonce,
)
from esign.signals import signature_checked
from esign.verification import INVALID, REVOCATION_UNKNOWN, VALID

from .world import DAY, IIN, closed_url

pytestmark = pytest.mark.django_db

CONTENT = {
    "recipient": "Министрлік",
    "requester": {"type": "individual", "iin": IIN, "name": "Тестов Айдар"},
    "text": "Сәлем, «әлем»!\nNew line",
    "attachments": [{"name": "a.pdf", "size": 3, "sha256": hashlib.sha256(b"pdf").hexdigest()}],
}


def test_the_canonical_document_is_sorted_compact_utf8_json_kept_with_its_nonce():
    document = services.issue_document("citizen_request", CONTENT)

    parsed = json.loads(document.data)
    assert (
        document.data
        == json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    )
    assert "Сәлем, «әлем»!".encode() in document.data  # UTF-8, not \\u escapes
    assert parsed["schema"] == canonical.SCHEMA and parsed["content"] == CONTENT
    assert parsed["nonce"] == document.nonce and parsed["purpose"] == "citizen_request"
    assert parsed["issued_at"].endswith("Z")
    kept = SigningNonce.objects.get(value=document.nonce)
    assert bytes(kept.document) == document.data and kept.used_at is None
    assert kept.expires_at - kept.issued_at == datetime.timedelta(minutes=30)
    assert canonical.parse(document.data) == document
    assert base64.b64decode(document.base64) == document.data
    assert ("attachments.0.name", "a.pdf") in canonical.rows(document.content)


def test_two_documents_of_the_same_content_have_different_nonces():
    first = services.issue_document("citizen_request", CONTENT)
    second = services.issue_document("citizen_request", CONTENT)

    assert first.nonce != second.nonce and first.data != second.data


@pytest.mark.parametrize(
    "content",
    [{"size": 1.5}, {"when": datetime.date(2026, 1, 1)}, {1: "key"}, {"x": {"y": [b"z"]}}],
)
def test_content_that_would_not_serialise_the_same_everywhere_is_refused(content):
    with pytest.raises(canonical.DocumentError):
        services.issue_document("citizen_request", content)


def test_bytes_that_are_not_a_canonical_document_are_refused():
    document = services.issue_document("citizen_request", CONTENT)
    spaced = json.dumps(json.loads(document.data), sort_keys=True, ensure_ascii=False).encode()

    for data in (spaced, b"\xff", b"{}", document.data.replace(b"esign/1", b"esign/9")):
        with pytest.raises(canonical.DocumentError):
            canonical.parse(data)


def test_a_recorded_submission_keeps_the_evidence_and_cannot_be_changed(world, pinned):
    document = services.issue_document("citizen_request", CONTENT)
    cms = world.sign(document.data, "rsa")
    outcome = services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)
    target = SigningNonce.objects.get(value=document.nonce)  # any model stands for a request

    submission = services.record(outcome, target=target)

    submission = SignedSubmission.objects.get(pk=submission.pk)
    assert bytes(submission.document) == document.data
    assert submission.document_sha256 == hashlib.sha256(document.data).hexdigest()
    assert bytes(submission.cms) == cms
    assert bytes(submission.certificate) == world.leaf("rsa", "person").der
    assert (submission.iin, submission.name, submission.algorithm) == (
        IIN,
        "ТЕСТОВ АЙДАР СЕРІКҰЛЫ",
        "rsa-sha256",
    )
    assert submission.signed_at == outcome.verdict.signed_at
    assert submission.target == target
    assert services.submissions_for(target) == [submission]
    check = submission.latest_check
    assert check.state == VALID and check.engine == "pyhanko" and check.reasons == []
    assert bytes(check.ocsp_response) == outcome.verdict.ocsp_response
    assert check.anchors == outcome.verdict.anchors and check.anchor
    assert [status["state"] for status in check.revocation] == ["good", "good"]

    submission.name = "Someone else"
    with pytest.raises(ImmutableRecordError):
        submission.save()
    with pytest.raises(ImmutableRecordError):
        SignedSubmission.objects.filter(pk=submission.pk).update(iin="000000000000")
    with pytest.raises(ImmutableRecordError):
        check.save()
    with pytest.raises(ImmutableRecordError):
        SignatureCheck.objects.update(state=INVALID)


def test_a_refused_nonce_leaves_nothing_to_record(world, pinned):
    outcome = services.verify_document("unknown", b"", purpose="citizen_request", iin=IIN)

    with pytest.raises(ValueError, match="no issued document"):
        services.record(outcome)


def test_revocation_decided_by_a_crl_keeps_the_crl_once(world, pinned, settings):
    settings.ESIGN_OCSP_URLS = [closed_url()]
    submissions = []
    for _ in range(2):
        document = services.issue_document("citizen_request", CONTENT)
        cms = world.sign(document.data, "rsa")
        outcome = services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)
        submissions.append(services.record(outcome))

    first, second = (submission.latest_check for submission in submissions)
    assert first.state == second.state == VALID
    assert first.crl_id == second.crl_id and first.ocsp_response is None
    kept = RevocationList.objects.get()
    assert bytes(kept.der) == world.crl("nca-rsa")
    assert first.revocation[0]["source"] == "crl"


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_revocation_unknown_is_accepted_and_the_job_settles_it_later(
    world, pinned, settings, family, django_capture_on_commit_callbacks
):
    settings.ESIGN_OCSP_URLS = [closed_url()]
    settings.ESIGN_CRL_URLS = []
    document = services.issue_document("citizen_request", CONTENT)
    cms = world.sign(document.data, family)
    outcome = services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)
    submission = services.record(outcome)
    heard = []

    def hear(check, **kwargs):
        heard.append(check.state)

    assert outcome.verdict.state == REVOCATION_UNKNOWN and not outcome.verdict.valid
    assert outcome.acceptable
    assert [r.code for r in outcome.verdict.reasons] == [
        "revocation_unknown",
        "timestamp_revocation_unknown",
    ]
    assert list(jobs.waiting_for_revocation()) == [submission]
    assert jobs.recheck_unknown() == {"checked": 1, "settled": 0}  # the sources are still down

    settings.ESIGN_OCSP_URLS = [world.ocsp_url]
    settings.ESIGN_CRL_URLS = world.crl_urls
    signature_checked.connect(hear)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert jobs.recheck_unknown() == {"checked": 1, "settled": 1}
    finally:
        signature_checked.disconnect(hear)

    states = list(submission.checks.order_by("checked_at", "pk").values_list("state", flat=True))
    assert states == [REVOCATION_UNKNOWN, REVOCATION_UNKNOWN, VALID]
    assert list(jobs.waiting_for_revocation()) == []
    assert heard == [VALID]
    assert jobs.recheck_unknown() == {"checked": 0, "settled": 0}


def test_the_job_stops_early_while_the_sources_are_down_and_skips_old_submissions(
    world, pinned, settings
):
    settings.ESIGN_OCSP_URLS = [closed_url()]
    settings.ESIGN_CRL_URLS = []
    for _ in range(jobs.GIVE_UP_AFTER + 1):
        document = services.issue_document("citizen_request", CONTENT)
        cms = world.sign(document.data, "rsa")
        services.record(
            services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)
        )

    assert jobs.recheck_unknown() == {"checked": jobs.GIVE_UP_AFTER, "settled": 0}
    settings.ESIGN_RECHECK_DAYS = 0
    assert jobs.recheck_unknown() == {"checked": 0, "settled": 0}


def test_a_recheck_with_the_anchors_gone_appends_an_invalid_check(
    world, pinned, settings, tmp_path
):
    document = services.issue_document("citizen_request", CONTENT)
    cms = world.sign(document.data, "rsa")
    submission = services.record(
        services.verify_document(document.nonce, cms, purpose="citizen_request", iin=IIN)
    )
    settings.ESIGN_ANCHORS_DIR = tmp_path / "none"

    check = services.recheck(submission)

    assert (check.state, check.reasons) == (INVALID, [{"code": "no_anchors", "detail": ""}])
    with translation.override("en"):
        assert [r.message for r in check.reason_list] == [
            "Cannot be verified: no trust anchors configured."
        ]
    assert submission.checks.count() == 2 and submission.latest_check == check


def test_the_jobs_are_scheduled_and_expired_documents_are_pruned():
    recheck = Schedule.objects.get(name="esign: recheck_unknown")
    assert (recheck.func, recheck.schedule_type, recheck.minutes) == (
        "esign.jobs.recheck_unknown",
        Schedule.MINUTES,
        30,
    )
    assert Schedule.objects.get(name="esign: prune_nonces").func == "esign.jobs.prune_nonces"
    old = services.issue_document(
        "citizen_request", CONTENT, now=datetime.datetime.now(datetime.UTC) - 2 * DAY
    )
    fresh = services.issue_document("citizen_request", CONTENT)

    assert jobs.prune_nonces() == 1
    assert list(SigningNonce.objects.values_list("value", flat=True)) == [fresh.nonce]
    assert old.nonce != fresh.nonce
