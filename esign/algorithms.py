"""Hashes and signature checks by object identifier: the arithmetic under every check.

Certificates, CRLs, OCSP responses, timestamps and the signatures themselves all come down to
"does this key sign these bytes with this algorithm". RSA (PKCS #1 v1.5) is checked by
``cryptography``, GOST 34.10-2015 by :mod:`esign.gost`. An algorithm not listed here is not
supported, and a signature that uses it is refused.

The answers for certificates and revocation lists repeat (every signature of one agency goes
through the same intermediate certificate), and a GOST check costs a few tenths of a second in
pure Python, so the last answers are kept in memory, keyed by a hash of everything checked.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from . import gost


@dataclass(frozen=True)
class Digest:
    """A hash function: its short name and how to compute it."""

    name: str
    compute: Callable[[bytes], bytes]


def _hashlib(name: str) -> Callable[[bytes], bytes]:
    return lambda data: hashlib.new(name, data).digest()


DIGESTS: dict[str, Digest] = {
    "2.16.840.1.101.3.4.2.1": Digest("sha256", _hashlib("sha256")),
    "2.16.840.1.101.3.4.2.2": Digest("sha384", _hashlib("sha384")),
    "2.16.840.1.101.3.4.2.3": Digest("sha512", _hashlib("sha512")),
    # GOST 34.11-2015 (Streebog) under the NCA's identifiers and under TC 26's.
    "1.2.398.3.10.1.3.3": Digest("streebog512", gost.streebog512),
    "1.2.643.7.1.1.2.3": Digest("streebog512", gost.streebog512),
    "1.2.398.3.10.1.3.2": Digest("streebog256", gost.streebog256),
    "1.2.643.7.1.1.2.2": Digest("streebog256", gost.streebog256),
}
_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


@dataclass(frozen=True)
class SignatureAlgorithm:
    """A signature algorithm: ``family`` picks the verifier (``rsa``, ``gost2015-512``), and
    ``digest`` is the hash it implies, or ``""`` when the digest algorithm field says it (CMS
    signatures marked plain ``rsaEncryption``)."""

    name: str
    family: str
    digest: str


SIGNATURES: dict[str, SignatureAlgorithm] = {
    "1.2.840.113549.1.1.11": SignatureAlgorithm("rsa-sha256", "rsa", "sha256"),
    "1.2.840.113549.1.1.12": SignatureAlgorithm("rsa-sha384", "rsa", "sha384"),
    "1.2.840.113549.1.1.13": SignatureAlgorithm("rsa-sha512", "rsa", "sha512"),
    "1.2.840.113549.1.1.1": SignatureAlgorithm("rsa", "rsa", ""),
    "1.2.398.3.10.1.1.2.3.2": SignatureAlgorithm("gost2015-512", "gost2015-512", "streebog512"),
    # A CMS signer may name the key's algorithm rather than the signature's.
    "1.2.398.3.10.1.1.2.2": SignatureAlgorithm("gost2015-512", "gost2015-512", "streebog512"),
    "1.2.643.7.1.1.3.3": SignatureAlgorithm("gost2015-512", "gost2015-512", "streebog512"),
}


#: What people read for each algorithm name (``SignatureAlgorithm.name``).
LABELS = {
    "gost2015-512": _("GOST 34.10-2015, 512-bit"),
    "rsa-sha256": _("RSA with SHA-256"),
    "rsa-sha384": _("RSA with SHA-384"),
    "rsa-sha512": _("RSA with SHA-512"),
}


def label(name: str) -> str:
    """The algorithm's name for people, in the active language."""
    return str(LABELS.get(name, name))


class UnsupportedAlgorithmError(ValueError):
    """The algorithm, or the key it is used with, is not one this site checks."""


def digest(oid: str, data: bytes) -> bytes:
    """The hash of ``data`` with the digest algorithm ``oid``."""
    try:
        return DIGESTS[oid].compute(data)
    except KeyError:
        raise UnsupportedAlgorithmError(oid) from None


def signature_algorithm(oid: str, digest_oid: str = "") -> SignatureAlgorithm:
    """The signature algorithm ``oid``, with its digest taken from ``digest_oid`` when the
    algorithm does not imply one. A digest that contradicts the algorithm is refused."""
    algorithm = SIGNATURES.get(oid)
    if algorithm is None:
        raise UnsupportedAlgorithmError(oid)
    named = DIGESTS.get(digest_oid)
    if not algorithm.digest:
        if named is None or named.name not in _HASHES:
            raise UnsupportedAlgorithmError(f"{oid} with {digest_oid}")
        return SignatureAlgorithm(f"rsa-{named.name}", algorithm.family, named.name)
    if digest_oid and (named is None or named.name != algorithm.digest):
        raise UnsupportedAlgorithmError(f"{oid} with {digest_oid}")
    return algorithm


def _check_rsa(algorithm: SignatureAlgorithm, spki: bytes, message: bytes, value: bytes) -> bool:
    try:
        key = serialization.load_der_public_key(spki)
    except (ValueError, UnsupportedAlgorithm) as error:
        raise UnsupportedAlgorithmError("public key") from error
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 2048:
        raise UnsupportedAlgorithmError("public key")
    try:
        key.verify(value, message, padding.PKCS1v15(), _HASHES[algorithm.digest]())
    except InvalidSignature:
        return False
    return True


def _check_gost(algorithm: SignatureAlgorithm, spki: bytes, message: bytes, value: bytes) -> bool:
    try:
        return gost.verify(spki, message, value)
    except gost.GostKeyError as error:
        raise UnsupportedAlgorithmError("public key") from error


_CHECKERS = {"rsa": _check_rsa, "gost2015-512": _check_gost}
_answers: OrderedDict[bytes, bool] = OrderedDict()
_answers_lock = threading.Lock()
_REMEMBERED = 1024


def verify(algorithm: SignatureAlgorithm, spki: bytes, message: bytes, value: bytes) -> bool:
    """Whether ``value`` is ``algorithm``'s signature of ``message`` by the key ``spki`` (DER
    SubjectPublicKeyInfo). Raises :class:`UnsupportedAlgorithmError` for a key of the wrong
    kind."""
    key = hashlib.sha256(
        b"\0".join([algorithm.name.encode(), hashlib.sha256(spki).digest(), value])
        + hashlib.sha256(message).digest()
    ).digest()
    with _answers_lock:
        if key in _answers:
            _answers.move_to_end(key)
            return _answers[key]
    answer = _CHECKERS[algorithm.family](algorithm, spki, message, value)
    with _answers_lock:
        _answers[key] = answer
        while len(_answers) > _REMEMBERED:
            _answers.popitem(last=False)
    return answer
