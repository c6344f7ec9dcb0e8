"""The verdict on one detached CMS signature of given bytes: what every caller goes through.

:func:`verify` runs, in this order, stopping at the first stage that finds something wrong
(the verdict is invalid by then, and a GOST check costs tenths of a second):

1. trust anchors are pinned (none: "cannot be verified", fail closed);
2. the signature reads, has one signer whose certificate is inside, an algorithm this site
   checks, and carries no content other than the bytes given;
3. the certificate is a signing key, its IIN is the form's, and for an organisation its BIN is
   the form's and its role may file (``ESIGN_FILING_ROLE_OIDS``); the message digest is the
   hash of the bytes given;
4. the timestamp token proves the time of signing;
5. the path to a pinned anchor holds at that time;
6. the algorithm's engine (:mod:`esign.engines`) confirms the signature;
7. no certificate on the path, nor on the timestamp authority's path, was revoked before that
   time; if that cannot be learnt, the verdict is "revocation unknown" (not invalid) and is
   checked again later.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from asn1crypto import x509

from . import algorithms, anchors, chain, cms, engines, timestamps
from .certificates import Holder, holder, is_signing_key
from .reasons import Reason
from .revocation import NetworkSource, Status

logger = logging.getLogger(__name__)

VALID = "valid"
INVALID = "invalid"
REVOCATION_UNKNOWN = "revocation_unknown"
TSA_UNKNOWN = "timestamp_revocation_unknown"


@dataclass
class Verdict:
    """The outcome of one verification, with everything needed to keep it as evidence."""

    state: str
    reasons: list[Reason] = field(default_factory=list)
    signer: Holder | None = None
    certificate: bytes = b""
    algorithm: str = ""
    algorithm_oid: str = ""
    signed_at: datetime.datetime | None = None
    engine: str = ""
    anchors: list[str] = field(default_factory=list)
    anchor: str = ""
    revocation: list[Status] = field(default_factory=list)
    #: The timestamp authority's certificates, as :attr:`revocation` (a certificate both paths
    #: share is asked about once and appears in both).
    timestamp_revocation: list[Status] = field(default_factory=list)
    checked_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def valid(self) -> bool:
        return self.state == VALID

    def _leaf_evidence(self, source: str) -> bytes | None:
        leaf = self.revocation[0] if self.revocation else None
        return leaf.raw if leaf is not None and leaf.source == source else None

    @property
    def ocsp_response(self) -> bytes | None:
        """The raw OCSP response that decided the signer's certificate, if OCSP did."""
        return self._leaf_evidence("ocsp")

    @property
    def crl(self) -> bytes | None:
        """The CRL (DER) that decided the signer's certificate, if a CRL did."""
        return self._leaf_evidence("crl")

    def as_dict(self) -> dict:
        """The verdict as JSON data (what ``verify_signature --format json`` prints, and more)."""
        signer = self.signer.as_dict() if self.signer else {}
        return {
            "valid": self.valid,
            "state": self.state,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "signer": signer,
            "algorithm": self.algorithm,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "engine": self.engine,
            "anchor": self.anchor,
            "anchors": self.anchors,
            "revocation": [status.as_dict() for status in self.revocation],
            "timestamp_revocation": [status.as_dict() for status in self.timestamp_revocation],
            "checked_at": self.checked_at.isoformat(),
        }


def holder_reasons(cert: x509.Certificate, iin: str | None, bin_: str | None) -> list[Reason]:
    """What is wrong with the certificate for this filer: key purpose, IIN, BIN and role.

    ``iin``/``bin_`` are what the form says (``None``: not compared; the command line without
    ``--iin``). With a BIN the filer is an organisation, and the holder's role must be one of
    ``ESIGN_FILING_ROLE_OIDS``.
    """
    reasons = []
    named = holder(cert)
    if not is_signing_key(cert):
        reasons.append(Reason("not_signing_key"))
    if iin is not None:
        if not named.iin:
            reasons.append(Reason("iin_missing"))
        elif named.iin != "".join(ch for ch in iin if ch.isdigit()):
            reasons.append(Reason("iin_mismatch"))
    if bin_:
        if not named.bin:
            reasons.append(Reason("bin_missing"))
        elif named.bin != "".join(ch for ch in bin_ if ch.isdigit()):
            reasons.append(Reason("bin_mismatch"))
        elif not named.roles & set(settings.ESIGN_FILING_ROLE_OIDS):
            reasons.append(Reason("role_not_allowed", ", ".join(sorted(named.roles))))
    return reasons


def verify(
    content: bytes,
    signature: bytes,
    *,
    iin: str | None = None,
    bin_: str | None = None,
    trust: anchors.Trust | None = None,
    revocation=None,
    now: datetime.datetime | None = None,
) -> Verdict:
    """The verdict on ``signature`` (a detached CMS, DER/PEM/base64) over exactly ``content``.

    ``trust`` defaults to the pinned anchors folder and ``revocation`` to OCSP and CRLs at the
    addresses in the settings (:class:`~esign.revocation.NetworkSource`).
    """
    now = now or timezone.now()
    trust = anchors.load() if trust is None else trust
    verdict = Verdict(state=INVALID, anchors=trust.fingerprints, checked_at=now)
    if not signature.strip():
        verdict.reasons = [Reason("signature_missing")]
        return verdict
    if not trust.anchors:
        verdict.reasons = [Reason("no_anchors")]
        return verdict
    try:
        message = cms.load(signature)
        return _judge(verdict, message, content, iin, bin_, trust, revocation, now)
    except cms.MalformedError as error:
        verdict.reasons = [Reason(error.code, str(error)[:200])]
    except (ValueError, TypeError, KeyError) as error:  # a certificate inside that does not parse
        logger.warning("Unreadable part of a signature: %s", error, exc_info=True)
        verdict.state, verdict.reasons = INVALID, [Reason("malformed", str(error)[:200])]
    return verdict


def _judge(verdict, message, content, iin, bin_, trust, revocation, now) -> Verdict:
    verdict.signer = holder(message.signer)
    verdict.certificate = message.signer.dump()
    verdict.algorithm_oid = message.signature_oid
    try:
        verdict.algorithm = message.algorithm().name
        engine = engines.verifier_for(message.signature_oid)
        if engine is None:
            raise algorithms.UnsupportedAlgorithmError(message.signature_oid)
        digest_ok = cms.digest_matches(message, content)
        verdict.engine = engine.name
        verdict.reasons = holder_reasons(message.signer, iin, bin_)
        if message.content is not None and message.content != content:
            verdict.reasons.append(Reason("content_mismatch"))
        elif not digest_ok:
            verdict.reasons.append(Reason("digest_mismatch"))
        elif not verdict.reasons and not cms.signature_holds(message):
            verdict.reasons.append(Reason("signature_invalid"))
    except algorithms.UnsupportedAlgorithmError as error:
        verdict.reasons = [Reason("unsupported_algorithm", str(error))]
    if verdict.reasons:
        return verdict

    stamp = timestamps.check(message, trust, now)
    if stamp.time is None:
        verdict.reasons = stamp.reasons
        return verdict
    verdict.signed_at = stamp.time
    path = chain.build(message.signer, message.certificates, trust, stamp.time)
    verdict.anchor = path.anchor.fingerprint if path.anchor else ""
    if path.reasons:
        verdict.reasons = path.reasons
        return verdict
    confirmed = engine.check(message, content, trust, stamp.time)
    if not confirmed.confirmed:
        verdict.reasons = confirmed.reasons
        return verdict

    source = revocation or NetworkSource()
    asked = {}
    for cert, issuer in path.links + stamp.links:
        key = (cert.dump(), issuer.dump())
        if key not in asked:
            asked[key] = source.status(cert, issuer, stamp.time, now)
    verdict.revocation = [asked[(c.dump(), i.dump())] for c, i in path.links]
    verdict.timestamp_revocation = [asked[(c.dump(), i.dump())] for c, i in stamp.links]
    return _settle(verdict)


def _settle(verdict: Verdict) -> Verdict:
    """The verdict from the revocation statuses of both paths (the signer's, the authority's)."""
    own = [id(status) for status in verdict.revocation]
    authority = [s for s in verdict.timestamp_revocation if id(s) not in own]
    revoked = [Reason("revoked", s.subject) for s in verdict.revocation if s.state == "revoked"]
    revoked += [Reason("timestamp_revoked", s.subject) for s in authority if s.state == "revoked"]
    unknown = []
    for code, statuses in (("revocation_unknown", verdict.revocation), (TSA_UNKNOWN, authority)):
        first = next((status for status in statuses if status.state == "unknown"), None)
        if first is not None:
            unknown.append(Reason(code, "; ".join(first.notes)[:500]))
    if revoked:
        verdict.reasons = revoked
    elif unknown:
        verdict.state, verdict.reasons = REVOCATION_UNKNOWN, unknown
    else:
        verdict.state = VALID
    return verdict
