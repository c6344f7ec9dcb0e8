"""From a signer's certificate to a pinned anchor, as things stood at the time of signing.

The path is built from the certificates inside the signature and the pinned anchors only:
nothing is fetched, and no certificate outside the pinned folder is ever trusted for itself.
Each link's signature is checked with the issuer's key (:mod:`esign.algorithms`, so GOST and
RSA alike), each issuer must be a certification authority allowed to sign certificates, and
every certificate on the path must have been valid at the moment the timestamp gives, not at
the moment of checking.
"""

import datetime
from dataclasses import dataclass, field

from asn1crypto import x509

from . import algorithms
from .anchors import Anchor, Trust
from .certificates import readable_name, spki, tbs_and_signature
from .reasons import Reason

MAX_DEPTH = 6
#: Critical extensions this site understands; a certificate with any other is refused.
KNOWN_CRITICAL = {
    "basic_constraints",
    "key_usage",
    "extended_key_usage",
    "certificate_policies",
    "subject_alt_name",
    "issuer_alt_name",
    "name_constraints",
    "policy_constraints",
    "inhibit_any_policy",
    "policy_mappings",
}


@dataclass
class Chain:
    """A path from the signer's certificate (first) to the anchor (last), and what is wrong
    with it. An empty path means no path to a pinned anchor was found."""

    path: list[x509.Certificate] = field(default_factory=list)
    anchor: Anchor | None = None
    reasons: list[Reason] = field(default_factory=list)

    @property
    def links(self) -> list[tuple[x509.Certificate, x509.Certificate]]:
        """``(certificate, its issuer)`` for every certificate whose revocation matters: all
        but the anchor."""
        return list(zip(self.path[:-1], self.path[1:], strict=True))


def signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether ``issuer``'s key signed ``cert`` (names and key identifiers matching)."""
    if cert.issuer.hashable != issuer.subject.hashable:
        return False
    authority, own = cert.authority_key_identifier, issuer.key_identifier
    if authority and own and authority != own:
        return False
    oid, tbs, value = tbs_and_signature(cert)
    try:
        return algorithms.verify(algorithms.signature_algorithm(oid), spki(issuer), tbs, value)
    except algorithms.UnsupportedAlgorithmError:
        return False


def _find(chain: list, pool: list, trust: Trust) -> tuple[list, Anchor] | None:
    current = chain[-1]
    if len(chain) > 1 and (anchor := trust.pinned(current)) is not None:
        return chain, anchor
    if len(chain) >= MAX_DEPTH:
        return None
    seen = {cert.dump() for cert in chain}
    candidates = [anchor.certificate for anchor in trust.anchors] + pool
    for issuer in candidates:
        if issuer.dump() in seen or not signed_by(current, issuer):
            continue
        seen.add(issuer.dump())
        found = _find([*chain, issuer], pool, trust)
        if found:
            return found
    return None


def _validity(cert: x509.Certificate, at: datetime.datetime, leaf: bool) -> Reason | None:
    validity = cert["tbs_certificate"]["validity"]
    detail = readable_name(cert.subject)
    if at < validity["not_before"].native:
        return Reason("not_yet_valid", "" if leaf else detail)
    if at > validity["not_after"].native:
        return Reason("expired", "" if leaf else detail)
    return None


def _as_issuer(cert: x509.Certificate, below: int) -> Reason | None:
    """An issuer must be a CA allowed to sign certificates, with room for ``below`` CAs under it."""
    usage = cert.key_usage_value
    limit = cert.max_path_length
    if not cert.ca or (usage is not None and "key_cert_sign" not in usage.native):
        return Reason("untrusted", f"not a certification authority: {readable_name(cert.subject)}")
    if limit is not None and below > limit:
        return Reason("untrusted", f"path too long under {readable_name(cert.subject)}")
    return None


def build(
    leaf: x509.Certificate, pool: list[x509.Certificate], trust: Trust, at: datetime.datetime
) -> Chain:
    """The path from ``leaf`` to a pinned anchor through ``pool``, checked at time ``at``."""
    found = _find([leaf], [cert for cert in pool if cert.dump() != leaf.dump()], trust)
    if found is None:
        return Chain(reasons=[Reason("untrusted", readable_name(leaf.issuer))])
    path, anchor = found
    reasons = []
    for position, cert in enumerate(path):
        if (problem := _validity(cert, at, leaf=position == 0)) is not None:
            reasons.append(problem)
        if position > 0 and (problem := _as_issuer(cert, below=position - 1)) is not None:
            reasons.append(problem)
        if position < len(path) - 1:
            unknown = cert.critical_extensions - KNOWN_CRITICAL
            if unknown:
                reasons.append(Reason("untrusted", f"critical extension {sorted(unknown)}"))
    return Chain(path=path, anchor=anchor, reasons=reasons)
