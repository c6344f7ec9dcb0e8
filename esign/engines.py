"""The engines that check a signature's mathematics, chosen by its algorithm.

* RSA: pyHanko (with pyhanko-certvalidator) validates the whole CMS signature: its integrity,
  the path to the pinned anchors at the stamped time, and the timestamp token. Its overall
  judgement (``bottom_line``) must hold, not only its ``valid`` flag, which stays true for a
  signature over other content.
* GOST 34.10-2015: nothing on PyPI checks a GOST CMS signature, so the signature is read with
  asn1crypto (:mod:`esign.cms`) and its mathematics done by gostcrypto (:mod:`esign.gost`).
  It has not yet met a signature made by a real NCALayer.

An engine is only one voice: :mod:`esign.verification` runs the site's own checks (digest,
pinned path, key purpose, IIN/BIN, timestamp, revocation) whatever the engine says. Engines are
replaceable: ``ESIGN_VERIFIERS`` maps a signature algorithm's OID to the dotted path of another
:class:`Verifier` class, for example one that asks an outside verification service.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from asgiref.sync import async_to_sync
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from . import algorithms, cms
from .anchors import Trust
from .reasons import Reason

logger = logging.getLogger(__name__)


@dataclass
class EngineResult:
    """An engine's answer: whether it confirms the signature, and if not, why."""

    engine: str
    confirmed: bool
    reasons: list[Reason] = field(default_factory=list)


class Verifier:
    """Checks one signature's mathematics; subclasses set ``name`` and implement ``check``."""

    name = ""

    def check(
        self,
        message: cms.SignedMessage,
        content: bytes,
        trust: Trust,
        signed_at: datetime.datetime,
    ) -> EngineResult:
        raise NotImplementedError


class GostVerifier(Verifier):
    """GOST 34.10-2015 512-bit: the CMS read raw, the mathematics by gostcrypto."""

    name = "gostcrypto"

    def check(self, message, content, trust, signed_at) -> EngineResult:
        if not cms.digest_matches(message, content):
            return EngineResult(self.name, False, [Reason("digest_mismatch")])
        try:
            holds = cms.signature_holds(message)
        except algorithms.UnsupportedAlgorithmError as error:
            return EngineResult(self.name, False, [Reason("unsupported_algorithm", str(error))])
        if not holds:
            return EngineResult(self.name, False, [Reason("signature_invalid")])
        return EngineResult(self.name, True)


class PyHankoVerifier(Verifier):
    """RSA: pyHanko validates the detached CMS against the pinned anchors at the stamped time.

    Revocation is left to the site's own check (pyHanko is given no revocation data and may not
    fetch any), so its "soft-fail" mode only means that.
    """

    name = "pyhanko"

    def check(self, message, content, trust, signed_at) -> EngineResult:
        roots = [anchor.certificate for anchor in trust.anchors]
        if not roots:  # an empty list would make pyHanko trust the system's store
            return EngineResult(self.name, False, [Reason("no_anchors")])
        context = ValidationContext(
            trust_roots=roots,
            other_certs=message.certificates,
            moment=signed_at,
            allow_fetching=False,
            revocation_mode="soft-fail",
        )
        usage = KeyUsageConstraints(
            key_usage={"non_repudiation"}, extd_key_usage={"email_protection"}
        )
        try:
            status = async_to_sync(async_validate_detached_cms)(
                content,
                message.signed_data,
                signer_validation_context=context,
                key_usage_settings=usage,
            )
        except Exception as error:  # pyHanko raises its own errors for what it cannot read
            logger.warning("pyHanko could not validate a signature: %s", error)
            return EngineResult(self.name, False, [Reason("engine_rejected", str(error)[:200])])
        if status.bottom_line:
            return EngineResult(self.name, True)
        stamp = status.timestamp_validity
        if not status.intact:
            reasons = [Reason("digest_mismatch")]
        elif not status.valid:
            reasons = [Reason("signature_invalid")]
        elif not status.trusted:
            reasons = [Reason("untrusted", "pyHanko")]
        elif stamp is not None and not (stamp.intact and stamp.valid and stamp.trusted):
            reasons = [Reason("timestamp_invalid", "pyHanko")]
        else:
            reasons = [Reason("engine_rejected", status.summary()[:200])]
        return EngineResult(self.name, False, reasons)


#: The engine of each signature algorithm (by OID), before ``ESIGN_VERIFIERS``.
DEFAULT_VERIFIERS = {
    oid: {"rsa": "esign.engines.PyHankoVerifier", "gost2015-512": "esign.engines.GostVerifier"}[
        algorithm.family
    ]
    for oid, algorithm in algorithms.SIGNATURES.items()
}


def verifier_for(signature_oid: str) -> Verifier | None:
    """The engine for a signature algorithm, or ``None`` when none is configured."""
    path = {**DEFAULT_VERIFIERS, **settings.ESIGN_VERIFIERS}.get(signature_oid)
    return import_string(path)() if path else None
