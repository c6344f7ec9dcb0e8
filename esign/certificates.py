"""What an NCA certificate says about its holder, and reading certificates and signatures in.

NCA RK certificates name the person in the subject: ``CN`` (surname and given name),
``GIVENNAME`` (the patronymic), ``serialNumber`` = ``IIN`` and twelve digits; a legal entity's
certificate adds ``O`` and ``OU`` = ``BIN`` and twelve digits. The holder's role in the
organisation is an object identifier under ``1.2.398.3.3.4`` in the extended key usage (or the
certificate policies): ``.1.2.1`` first head, ``.1.2.2`` right to sign, ``.1.2.5`` employee.
A signing key has the extended key usage ``1.3.6.1.5.5.7.3.4`` and the key usage
non-repudiation; an authentication key (client authentication, key encipherment) does not.
"""

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from asn1crypto import core, pem, x509

SIGNING_PURPOSE = "1.3.6.1.5.5.7.3.4"
TIMESTAMPING_PURPOSE = "1.3.6.1.5.5.7.3.8"
OCSP_SIGNING_PURPOSE = "1.3.6.1.5.5.7.3.9"
ROLE_PREFIX = "1.2.398.3.3.4."
_IIN = re.compile(r"^IIN(\d{12})$")
_BIN = re.compile(r"^BIN(\d{12})$")


class _Algorithm(core.Sequence):
    _fields = [
        ("algorithm", core.ObjectIdentifier),
        ("parameters", core.Any, {"optional": True}),
    ]


class RawPublicKeyInfo(core.Sequence):
    """SubjectPublicKeyInfo read without asn1crypto's key types, which know no GOST OIDs."""

    _fields = [("algorithm", _Algorithm), ("public_key", core.BitString)]


class UnreadableError(ValueError):
    """The bytes are not a certificate, CRL or signature in a form this site reads."""


def unarmor(data: bytes) -> bytes:
    """DER from DER, PEM (any label) or bare base64, as NCALayer and files give them."""
    if data[:1] == b"\x30":
        return data
    data = data.strip()
    if data.startswith(b"-----"):
        try:
            return pem.unarmor(data)[2]
        except ValueError as error:
            raise UnreadableError(str(error)) from error
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError) as error:
        raise UnreadableError(str(error)) from error


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from DER or PEM bytes."""
    try:
        cert = x509.Certificate.load(unarmor(data))
        cert["tbs_certificate"]["subject"].native  # noqa: B018  (parse now, not later)
    except (ValueError, TypeError, KeyError) as error:
        raise UnreadableError(str(error)) from error
    return cert


def fingerprint(cert: x509.Certificate) -> str:
    """The SHA-256 fingerprint, as pki.gov.kz and OpenSSL print it (``AF:77:…``)."""
    digest = hashlib.sha256(cert.dump()).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def spki(cert: x509.Certificate) -> bytes:
    """The DER SubjectPublicKeyInfo, as it is (asn1crypto cannot parse GOST keys)."""
    return cert["tbs_certificate"]["subject_public_key_info"].dump()


def key_bits(cert: x509.Certificate) -> bytes:
    """The subject public key's BIT STRING value, without the unused-bits octet (what an OCSP
    request's key hash covers)."""
    return RawPublicKeyInfo.load(spki(cert))["public_key"].contents[1:]


def _attributes(name: x509.Name, oid: str) -> list[str]:
    values = []
    for rdn in name.chosen:
        for attribute in rdn:
            if attribute["type"].dotted == oid:
                value = attribute["value"].native
                values.append(value if isinstance(value, str) else str(value))
    return values


def _first(name: x509.Name, oid: str) -> str:
    values = _attributes(name, oid)
    return values[0].strip() if values else ""


def _extension(cert: x509.Certificate, name: str):
    for extension in cert["tbs_certificate"]["extensions"]:
        if extension["extn_id"].native == name:
            return extension["extn_value"].parsed
    return None


def purposes(cert: x509.Certificate) -> set[str]:
    """The extended key usage, as dotted object identifiers."""
    usage = _extension(cert, "extended_key_usage")
    return {purpose.dotted for purpose in usage} if usage is not None else set()


def key_usage(cert: x509.Certificate) -> set[str]:
    """The key usage bits that are set (``digital_signature``, ``non_repudiation`` …)."""
    usage = _extension(cert, "key_usage")
    return set(usage.native) if usage is not None else set()


def policies(cert: x509.Certificate) -> set[str]:
    """The certificate policies, as dotted object identifiers."""
    found = _extension(cert, "certificate_policies")
    return {policy["policy_identifier"].dotted for policy in found} if found is not None else set()


def is_signing_key(cert: x509.Certificate) -> bool:
    """A key for signatures, not only for signing in: the signing purpose and non-repudiation."""
    return SIGNING_PURPOSE in purposes(cert) and "non_repudiation" in key_usage(cert)


def readable_name(name: x509.Name) -> str:
    """A distinguished name as a person reads it: ``CN=…, O=…, C=KZ``."""
    try:
        return name.human_friendly
    except (ValueError, KeyError):
        return ""


@dataclass(frozen=True)
class Holder:
    """Who a certificate names, read from its subject and extensions."""

    iin: str
    bin: str
    name: str
    organisation: str
    roles: frozenset[str]
    serial: str
    issuer: str

    def as_dict(self) -> dict:
        return {
            "iin": self.iin,
            "bin": self.bin,
            "name": self.name,
            "organisation": self.organisation,
            "roles": sorted(self.roles),
            "serial": self.serial,
            "issuer": self.issuer,
        }


def holder(cert: x509.Certificate) -> Holder:
    """The holder an NCA certificate names (empty strings for what it does not say)."""
    subject = cert["tbs_certificate"]["subject"]
    iin = next(
        (m.group(1) for v in _attributes(subject, "2.5.4.5") if (m := _IIN.match(v.strip()))), ""
    )
    bin_ = next(
        (m.group(1) for v in _attributes(subject, "2.5.4.11") if (m := _BIN.match(v.strip()))), ""
    )
    full_name = " ".join(
        part for part in (_first(subject, "2.5.4.3"), _first(subject, "2.5.4.42")) if part
    )
    roles = {oid for oid in purposes(cert) | policies(cert) if oid.startswith(ROLE_PREFIX)}
    return Holder(
        iin=iin,
        bin=bin_,
        name=full_name,
        organisation=_first(subject, "2.5.4.10"),
        roles=frozenset(roles),
        serial=format(cert.serial_number, "x"),
        issuer=readable_name(cert["tbs_certificate"]["issuer"]),
    )


def tbs_and_signature(cert: x509.Certificate) -> tuple[str, bytes, bytes]:
    """``(signature algorithm OID, signed bytes, signature)`` of a certificate."""
    return (
        cert["signature_algorithm"]["algorithm"].dotted,
        cert["tbs_certificate"].dump(),
        cert["signature_value"].native,
    )
