"""The signing step as the forms use it: issue a document, verify its signature, keep both.

The flow of a form that asks for an ЭЦП::

    document = issue_document("citizen_request", content)       # show it, have NCALayer sign
    outcome = verify_document(document.nonce, cms, purpose="citizen_request", iin=form_iin)
    if outcome.acceptable:                                       # valid, or revocation unknown
        citizen_request = ...                                    # the service files it
        record(outcome, target=citizen_request)

:func:`verify_document` uses the nonce up whatever the verdict; :func:`record` keeps the
signed submission with its first check, and :func:`recheck` appends a later one (the job of
:mod:`esign.jobs` does it for verdicts whose revocation status was unknown).
"""

import contextlib
import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from . import canonical, verification
from .algorithms import label as algorithm_label
from .certificates import UnreadableError, unarmor
from .models import RevocationList, SignatureCheck, SignedSubmission, SigningNonce
from .reasons import Reason
from .signals import signature_checked
from .timestamps import CLOCK_SKEW
from .verification import INVALID, REVOCATION_UNKNOWN, VALID, Verdict

issue_document = canonical.issue


@dataclass
class Outcome:
    """A verification of an issued document: the document, the signature and the verdict."""

    purpose: str
    nonce: str
    document: bytes
    signature: bytes
    iin: str
    bin: str
    verdict: Verdict

    @property
    def acceptable(self) -> bool:
        """Whether the submission may be filed: a valid signature, or one whose revocation
        status is not known yet (it is checked again later; it is never refused for that)."""
        return self.verdict.state in (VALID, REVOCATION_UNKNOWN)


def _digits(value: str | None) -> str:
    return "".join(ch for ch in (value or "") if ch.isdigit())


def _use_nonce(value: str, purpose: str, now: datetime.datetime) -> tuple[bytes, str]:
    """The issued document of nonce ``value``, using the nonce up; or ``b""`` and the code of
    why not."""
    row = SigningNonce.objects.filter(value=value, purpose=purpose).first()
    if row is None:
        return b"", "nonce_unknown"
    taken = SigningNonce.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now)
    if not taken:
        return b"", "nonce_used"
    if row.expires_at < now:
        return b"", "nonce_expired"
    return bytes(row.document), ""


def _window(document: bytes, verdict: Verdict) -> Reason | None:
    """A timestamp must fall between the document's issue and the end of its nonce's life."""
    if verdict.signed_at is None:
        return None
    issued_at = canonical.parse(document).issued_at
    latest = issued_at + datetime.timedelta(minutes=settings.ESIGN_NONCE_MINUTES)
    if issued_at - CLOCK_SKEW <= verdict.signed_at <= latest + CLOCK_SKEW:
        return None
    return Reason("timestamp_outside_window", verdict.signed_at.isoformat())


def _judge(document: bytes, signature: bytes, iin: str, bin_: str, now, **options) -> Verdict:
    verdict = verification.verify(
        document, signature, iin=iin or None, bin_=bin_ or None, now=now, **options
    )
    if verdict.state != INVALID and (problem := _window(document, verdict)):
        verdict.state, verdict.reasons = INVALID, [problem]
    return verdict


def verify_document(
    nonce: str,
    signature: bytes | str,
    *,
    purpose: str,
    iin: str,
    bin_: str = "",
    now: datetime.datetime | None = None,
) -> Outcome:
    """Verify ``signature`` (the CMS NCALayer returned: PEM, base64 or DER) over the document
    issued with ``nonce`` for ``purpose``, against the filer's ``iin`` (and BIN for an
    organisation, ``bin_``). The nonce is used up, whatever the verdict."""
    now = now or timezone.now()
    raw = signature.encode("ascii", "replace") if isinstance(signature, str) else bytes(signature)
    with contextlib.suppress(UnreadableError):
        raw = unarmor(raw)  # kept as DER, the form a .p7s file has
    iin, bin_ = _digits(iin), _digits(bin_)
    with transaction.atomic():
        document, problem = _use_nonce(nonce, purpose, now)
    if problem:
        verdict = Verdict(state=INVALID, reasons=[Reason(problem)], checked_at=now)
    else:
        verdict = _judge(document, raw, iin, bin_, now)
    return Outcome(purpose, nonce, document, raw, iin, bin_, verdict)


def _keep_crl(der: bytes | None, verdict: Verdict) -> RevocationList | None:
    if not der:
        return None
    leaf = verdict.revocation[0]
    kept, _created = RevocationList.objects.get_or_create(
        sha256=hashlib.sha256(der).hexdigest(),
        defaults={
            "der": der,
            "issuer": verdict.signer.issuer if verdict.signer else "",
            "this_update": leaf.this_update,
        },
    )
    return kept


def _append(submission: SignedSubmission, verdict: Verdict) -> SignatureCheck:
    check = SignatureCheck.objects.create(
        submission=submission,
        state=verdict.state,
        reasons=[{"code": r.code, "detail": r.detail} for r in verdict.reasons],
        engine=verdict.engine,
        signed_at=verdict.signed_at,
        ocsp_response=verdict.ocsp_response,
        crl=_keep_crl(verdict.crl, verdict),
        revocation=[status.as_dict() for status in verdict.revocation],
        timestamp_revocation=[status.as_dict() for status in verdict.timestamp_revocation],
        anchors=verdict.anchors,
        anchor=verdict.anchor,
        checked_at=verdict.checked_at,
    )
    transaction.on_commit(
        lambda: signature_checked.send(SignatureCheck, submission=submission, check=check)
    )
    return check


def record(outcome: Outcome, *, target=None) -> SignedSubmission:
    """Keep a verified submission and its first check; ``target`` is what it was filed as (a
    model instance), if anything. Raises ``ValueError`` when there is nothing to keep (the
    nonce was refused, so no document was verified)."""
    if not outcome.document:
        raise ValueError("no issued document was verified")
    verdict = outcome.verdict
    signer = verdict.signer
    with transaction.atomic():
        submission = SignedSubmission.objects.create(
            purpose=outcome.purpose,
            document=outcome.document,
            document_sha256=hashlib.sha256(outcome.document).hexdigest(),
            cms=outcome.signature,
            certificate=verdict.certificate,
            iin=signer.iin if signer else "",
            bin=signer.bin if signer else "",
            name=(signer.name if signer else "")[:300],
            organisation=(signer.organisation if signer else "")[:300],
            roles=sorted(signer.roles) if signer else [],
            serial=(signer.serial if signer else "")[:80],
            issuer=(signer.issuer if signer else "")[:500],
            algorithm=verdict.algorithm,
            algorithm_oid=verdict.algorithm_oid,
            signed_at=verdict.signed_at,
            expected_iin=outcome.iin,
            expected_bin=outcome.bin,
            nonce=outcome.nonce,
            content_type=ContentType.objects.get_for_model(target) if target is not None else None,
            object_id=str(target.pk) if target is not None else "",
        )
        _append(submission, verdict)
    return submission


def recheck(submission: SignedSubmission, *, now=None, **options) -> SignatureCheck:
    """Verify a kept submission again, as things stand now, and append the check.

    ``options`` go to :func:`esign.verification.verify` (``trust``, ``revocation``).
    """
    verdict = _judge(
        bytes(submission.document),
        bytes(submission.cms),
        submission.expected_iin,
        submission.expected_bin,
        now or timezone.now(),
        **options,
    )
    with transaction.atomic():
        return _append(submission, verdict)


def submissions_for(target) -> "list[SignedSubmission]":
    """The signed submissions filed as ``target``, newest first."""
    return list(
        SignedSubmission.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
        )
    )


def summaries(target) -> list[dict]:
    """The signed submissions filed as ``target`` for a staff page: the submission, its
    algorithm's name, its latest check (later checks are appended) and that check's reasons."""
    found = []
    for submission in submissions_for(target):
        check = submission.latest_check
        found.append(
            {
                "submission": submission,
                "algorithm": algorithm_label(submission.algorithm),
                "check": check,
                "reasons": check.reason_list if check else [],
            }
        )
    return found
