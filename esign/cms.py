"""CMS signatures (RFC 5652) read field by field, GOST ones included.

asn1crypto reads the structure but knows no GOST object identifier, so everything that depends
on the algorithm is taken as raw bytes and dotted identifiers and handed to
:mod:`esign.algorithms`. Both the citizen's signature and a timestamp authority's token are
read here: a token is itself a CMS signature over a ``TSTInfo``.

Only signatures with signed attributes are accepted (NCALayer always adds them): the signature
covers the attributes, and the ``message-digest`` attribute covers the content.
"""

from dataclasses import dataclass

from asn1crypto import cms, core, x509

from . import algorithms
from .certificates import UnreadableError, spki, unarmor

DATA = "1.2.840.113549.1.7.1"
SIGNED_DATA = "1.2.840.113549.1.7.2"
TST_INFO = "1.2.840.113549.1.9.16.1.4"
CONTENT_TYPE_ATTR = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST_ATTR = "1.2.840.113549.1.9.4"
TIMESTAMP_ATTR = "1.2.840.113549.1.9.16.2.14"
#: The largest signature read: a CMS with a certificate chain and a timestamp is a few KB.
MAX_BYTES = 512 * 1024


class MalformedError(ValueError):
    """The bytes are not a CMS signature this site reads; ``code`` says what is wrong."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code = code


@dataclass
class SignedMessage:
    """One CMS SignedData with exactly one signer, taken apart."""

    der: bytes
    signed_data: cms.SignedData
    signer_info: cms.SignerInfo
    certificates: list[x509.Certificate]
    signer: x509.Certificate
    content_type: str
    content: bytes | None
    digest_oid: str
    signature_oid: str
    signature: bytes

    def attribute(self, oid: str, signed: bool = True) -> list:
        """The values of one signed (or unsigned) attribute."""
        attrs = self.signer_info["signed_attrs" if signed else "unsigned_attrs"]
        values = []
        for attr in attrs:
            if attr["type"].dotted == oid:
                values.extend(attr["values"])
        return values

    @property
    def signed_attributes_der(self) -> bytes:
        """The bytes the signature covers: the signed attributes encoded as a SET (RFC 5652
        §5.4), from their original encoding."""
        raw = self.signer_info["signed_attrs"].dump()
        return b"\x31" + raw[1:]

    def algorithm(self) -> algorithms.SignatureAlgorithm:
        """The signature algorithm; :class:`~esign.algorithms.UnsupportedAlgorithmError` if it
        is not one this site checks."""
        return algorithms.signature_algorithm(self.signature_oid, self.digest_oid)

    def timestamp_tokens(self) -> list[bytes]:
        """The DER of each RFC 3161 timestamp token over the signature (unsigned attribute)."""
        return [value.dump() for value in self.attribute(TIMESTAMP_ATTR, signed=False)]


def _signer_certificate(sid: cms.SignerIdentifier, certs: list[x509.Certificate]):
    if sid.name == "issuer_and_serial_number":
        issuer = sid.chosen["issuer"].hashable
        serial = sid.chosen["serial_number"].native
        for cert in certs:
            if cert.serial_number == serial and cert.issuer.hashable == issuer:
                return cert
    else:
        key_id = sid.chosen.native
        for cert in certs:
            if cert.key_identifier == key_id:
                return cert
    return None


def load(data: bytes, *, expected_content: str = DATA) -> SignedMessage:
    """Read a CMS SignedData (DER, PEM ``CMS``/``PKCS7`` or base64) with one signer.

    Raises :class:`MalformedError`: ``malformed`` for unreadable bytes, ``several_signers``,
    ``signer_missing`` when the signer's certificate is not inside.
    """
    if len(data) > MAX_BYTES:
        raise MalformedError("malformed", f"larger than {MAX_BYTES} bytes")
    try:
        der = unarmor(data)
        info = cms.ContentInfo.load(der)
        if info["content_type"].dotted != SIGNED_DATA:
            raise MalformedError("malformed", "not SignedData")
        signed_data = info["content"]
        infos = list(signed_data["signer_infos"])
        certificates = [
            choice.chosen for choice in signed_data["certificates"] if choice.name == "certificate"
        ]
        encapsulated = signed_data["encap_content_info"]
        content_type = encapsulated["content_type"].dotted
        content = encapsulated["content"]
        content = None if isinstance(content, core.Void) else bytes(content)
        if len(infos) != 1:
            raise MalformedError("several_signers" if infos else "malformed")
        signer_info = infos[0]
        if not signer_info["signed_attrs"]:
            raise MalformedError("malformed", "no signed attributes")
        signer = _signer_certificate(signer_info["sid"], certificates)
        message = SignedMessage(
            der=der,
            signed_data=signed_data,
            signer_info=signer_info,
            certificates=certificates,
            signer=signer,
            content_type=content_type,
            content=content,
            digest_oid=signer_info["digest_algorithm"]["algorithm"].dotted,
            signature_oid=signer_info["signature_algorithm"]["algorithm"].dotted,
            signature=signer_info["signature"].native,
        )
        declared = [value.dotted for value in message.attribute(CONTENT_TYPE_ATTR)]
    except MalformedError:
        raise
    except (UnreadableError, ValueError, TypeError, KeyError, IndexError) as error:
        raise MalformedError("malformed", str(error)) from error
    if content_type != expected_content or declared != [expected_content]:
        raise MalformedError("malformed", f"content type {content_type}")
    if signer is None:
        raise MalformedError("signer_missing")
    return message


def digest_matches(message: SignedMessage, content: bytes) -> bool:
    """Whether the ``message-digest`` attribute is the hash of ``content``."""
    values = message.attribute(MESSAGE_DIGEST_ATTR)
    if len(values) != 1:
        return False
    return values[0].native == algorithms.digest(message.digest_oid, content)


def signature_holds(message: SignedMessage) -> bool:
    """Whether the signer's key signs the signed attributes. Raises
    :class:`~esign.algorithms.UnsupportedAlgorithmError` for an algorithm not checked here."""
    return algorithms.verify(
        message.algorithm(), spki(message.signer), message.signed_attributes_der, message.signature
    )
