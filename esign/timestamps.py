"""The time of signing, from an RFC 3161 timestamp token: never from the signer's own clock.

NCALayer asks the NCA's timestamp authority to stamp the signature value and puts the token in
the signature's unsigned attributes. The token counts only if it stamps this very signature
value (its message imprint), its own signature holds, its signer's certificate is a
timestamping certificate, and that certificate leads to a pinned anchor and was valid at the
stamped time. The ``signingTime`` attribute the signer's computer writes is never used.

Whether the authority's certificate was revoked before the stamped time is asked of the same
sources as for the signer's (:mod:`esign.verification` does it, with the path kept here in
:attr:`Timestamp.links`): a revoked authority makes the signature invalid, and an answer that
cannot be had makes it "revocation unknown", checked again later.
"""

import datetime
from dataclasses import dataclass, field

from asn1crypto import tsp, x509

from . import algorithms, chain
from . import cms as cms_
from .anchors import Trust
from .certificates import TIMESTAMPING_PURPOSE, purposes
from .reasons import Reason

#: How far in the future a stamped time may lie: the authority's clock and ours differ a little.
CLOCK_SKEW = datetime.timedelta(minutes=5)


@dataclass
class Timestamp:
    """The stamped time (``None`` when there is no valid token) and why it was refused."""

    time: datetime.datetime | None = None
    authority: x509.Certificate | None = None
    #: ``(certificate, its issuer)`` from the authority's certificate up to the anchor: the
    #: certificates whose revocation at the stamped time matters.
    links: list[tuple[x509.Certificate, x509.Certificate]] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)


def _invalid(detail: str) -> Timestamp:
    return Timestamp(reasons=[Reason("timestamp_invalid", detail)])


def check(message: cms_.SignedMessage, trust: Trust, now: datetime.datetime) -> Timestamp:
    """The time the timestamp token of ``message`` proves."""
    tokens = message.timestamp_tokens()
    if not tokens:
        return Timestamp(reasons=[Reason("timestamp_missing")])
    try:
        token = cms_.load(tokens[0], expected_content=cms_.TST_INFO)
        info = tsp.TSTInfo.load(token.content or b"")
        imprint = info["message_imprint"]
        stamped = algorithms.digest(
            imprint["hash_algorithm"]["algorithm"].dotted, message.signature
        )
        generated = info["gen_time"].native
        holds = cms_.digest_matches(token, token.content) and cms_.signature_holds(token)
    except cms_.MalformedError as error:
        return _invalid(f"token: {error.code}")
    except algorithms.UnsupportedAlgorithmError as error:
        return _invalid(f"algorithm {error}")
    except (ValueError, TypeError, KeyError) as error:
        return _invalid(f"token: {error}")
    if stamped != imprint["hashed_message"].native:
        return _invalid("the token stamps another signature")
    if not holds:
        return _invalid("the token's signature does not hold")
    if TIMESTAMPING_PURPOSE not in purposes(token.signer):
        return _invalid("the token's signer is not a timestamp authority")
    if generated > now + CLOCK_SKEW:
        return _invalid("the stamped time is in the future")
    path = chain.build(token.signer, token.certificates + message.certificates, trust, generated)
    if path.reasons:
        return _invalid("authority: " + "; ".join(r.code for r in path.reasons))
    return Timestamp(time=generated, authority=token.signer, links=path.links)
