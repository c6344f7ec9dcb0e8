"""A test PKI shaped like the NCA's, made here: keys, certificates, CRLs, timestamps, signatures.

Nothing here is NCA-signed. The shapes follow the NCA's: root → intermediate → personal
certificates with ``serialNumber=IIN…``, ``OU=BIN…`` for an organisation, the signing purpose
``1.3.6.1.5.5.7.3.4`` and the NCA role OIDs in the extended key usage; GOST 34.10-2015 keys
and signatures in the NCA's byte order (:mod:`esign.gost`). Every structure is built with
asn1crypto and signed here, RSA with ``cryptography`` and GOST with gostcrypto, and the
hashes are computed here too (``hashlib`` and gostcrypto), not with the code under test.

GOST operations take a few tenths of a second in pure Python: build the PKI once per session.
"""

import datetime
import hashlib
import itertools
import secrets

import gostcrypto
from asn1crypto import cms, core, crl, keys, pem, tsp, x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

SHA256 = "2.16.840.1.101.3.4.2.1"
STREEBOG512 = "1.2.398.3.10.1.3.3"
SIGNING = "1.3.6.1.5.5.7.3.4"
CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"
TIMESTAMPING = "1.3.6.1.5.5.7.3.8"
OCSP_SIGNING = "1.3.6.1.5.5.7.3.9"
INDIVIDUAL = "1.2.398.3.3.4.1.1"
LEGAL_ENTITY = "1.2.398.3.3.4.1.2"
FIRST_HEAD = "1.2.398.3.3.4.1.2.1"
HR = "1.2.398.3.3.4.1.2.4"

_serials = itertools.count(0x1000)


def digest(oid: str, data: bytes) -> bytes:
    if oid == SHA256:
        return hashlib.sha256(data).digest()
    return bytes(gostcrypto.gosthash.new("streebog512", data=data).digest())


class RsaKey:
    """An RSA 2048 key signing with SHA-256 (PKCS #1 v1.5)."""

    signature_oid = "1.2.840.113549.1.1.11"
    digest_oid = SHA256

    def __init__(self):
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.spki = self.private.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message, padding.PKCS1v15(), hashes.SHA256())


class _GostParameters(core.Sequence):
    _fields = [("paramset", core.ObjectIdentifier), ("digest", core.ObjectIdentifier)]


class _GostAlgorithm(core.Sequence):
    _fields = [("algorithm", core.ObjectIdentifier), ("parameters", _GostParameters)]


class _GostPublicKeyInfo(core.Sequence):
    _fields = [("algorithm", _GostAlgorithm), ("public_key", core.OctetBitString)]


class GostKey:
    """A GOST 34.10-2015 512-bit key as the NCA encodes it (little-endian parts)."""

    signature_oid = "1.2.398.3.10.1.1.2.3.2"
    digest_oid = STREEBOG512
    _curve = gostcrypto.gostsignature.CURVES_R_1323565_1_024_2019[
        "id-tc26-gost-3410-12-512-paramSetA"
    ]

    def __init__(self):
        self._engine = gostcrypto.gostsignature.new(gostcrypto.gostsignature.MODE_512, self._curve)
        order = self._curve["q"]
        self._private = (secrets.randbelow(order - 1) + 1).to_bytes(64, "big")
        point = bytes(self._engine.public_key_generate(bytearray(self._private)))
        encoded = core.OctetString(point[:64][::-1] + point[64:][::-1]).dump()
        self.spki = _GostPublicKeyInfo(
            {
                "algorithm": {
                    "algorithm": "1.2.398.3.10.1.1.2.2",
                    "parameters": {"paramset": "1.2.398.3.10.1.1.2.2.1", "digest": STREEBOG512},
                },
                "public_key": encoded,
            }
        ).dump()

    def sign(self, message: bytes) -> bytes:
        hashed = digest(STREEBOG512, message)[::-1]
        value = bytes(self._engine.sign(bytearray(self._private), bytearray(hashed)))
        return value[:64][::-1] + value[64:][::-1]


def name(**parts) -> x509.Name:
    return x509.Name.build(parts)


class _AnyPublicKeyInfo(core.Sequence):
    _fields = [("algorithm", core.Any), ("public_key", core.OctetBitString)]


def _key_id(key) -> bytes:
    bits = _AnyPublicKeyInfo.load(key.spki)["public_key"].contents[1:]
    return hashlib.sha1(bits, usedforsecurity=False).digest()


def _uri(url: str) -> x509.GeneralName:
    return x509.GeneralName(name="uniform_resource_identifier", value=url)


def _extension(extn_id, value, critical=False) -> dict:
    return {"extn_id": extn_id, "critical": critical, "extn_value": value}


class Issued:
    """A certificate with its key (``key``), and how to issue certificates under it."""

    def __init__(self, cert: x509.Certificate, key):
        self.cert = cert
        self.key = key

    @property
    def der(self) -> bytes:
        return self.cert.dump()

    @property
    def pem(self) -> bytes:
        return pem.armor("CERTIFICATE", self.der)


def issue(
    subject: x509.Name,
    key,
    issuer: "Issued | None",
    *,
    not_before: datetime.datetime,
    not_after: datetime.datetime,
    ca: bool = False,
    usage: set[str] | None = None,
    purposes: list[str] | None = None,
    policies: list[str] | None = None,
    ocsp_url: str = "",
    crl_url: str = "",
    critical_purposes: bool = False,
) -> Issued:
    """A certificate for ``key`` signed by ``issuer`` (``None``: self-signed)."""
    signer_key = issuer.key if issuer else key
    issuer_name = issuer.cert.subject if issuer else subject
    extensions = [_extension("key_identifier", _key_id(key))]
    extensions.append(
        _extension("authority_key_identifier", {"key_identifier": _key_id(signer_key)})
    )
    if ca:
        extensions.append(_extension("basic_constraints", {"ca": True}, critical=True))
    extensions.append(
        _extension(
            "key_usage",
            usage or ({"key_cert_sign", "crl_sign"} if ca else {"digital_signature"}),
            critical=True,
        )
    )
    if purposes:
        extensions.append(_extension("extended_key_usage", purposes, critical=critical_purposes))
    if policies:
        extensions.append(
            _extension("certificate_policies", [{"policy_identifier": oid} for oid in policies])
        )
    if ocsp_url:
        extensions.append(
            _extension(
                "authority_information_access",
                [
                    {
                        "access_method": "ocsp",
                        "access_location": _uri(ocsp_url),
                    }
                ],
            )
        )
    if crl_url:
        extensions.append(
            _extension(
                "crl_distribution_points",
                [{"distribution_point": {"full_name": [_uri(crl_url)]}}],
            )
        )
    algorithm = {"algorithm": signer_key.signature_oid}
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": next(_serials),
            "signature": algorithm,
            "issuer": issuer_name,
            "validity": {
                "not_before": x509.Time({"utc_time": not_before}),
                "not_after": x509.Time({"utc_time": not_after}),
            },
            "subject": subject,
            "subject_public_key_info": keys.PublicKeyInfo.load(key.spki),
            "extensions": extensions,
        }
    )
    cert = x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": algorithm,
            "signature_value": signer_key.sign(tbs.dump()),
        }
    )
    return Issued(x509.Certificate.load(cert.dump()), key)


def make_crl(
    issuer: Issued,
    revoked: dict[int, datetime.datetime],
    this_update: datetime.datetime,
    next_update: datetime.datetime,
) -> bytes:
    """A CRL (DER) of ``issuer`` listing ``{serial: revocation time}``."""
    algorithm = {"algorithm": issuer.key.signature_oid}
    tbs = crl.TbsCertList(
        {
            "version": "v2",
            "signature": algorithm,
            "issuer": issuer.cert.subject,
            "this_update": x509.Time({"utc_time": this_update}),
            "next_update": x509.Time({"utc_time": next_update}),
            "revoked_certificates": [
                {"user_certificate": serial, "revocation_date": x509.Time({"utc_time": at})}
                for serial, at in revoked.items()
            ]
            or None,
            "crl_extensions": [{"extn_id": "crl_number", "extn_value": 1}],
        }
    )
    return crl.CertificateList(
        {
            "tbs_cert_list": tbs,
            "signature_algorithm": algorithm,
            "signature": issuer.key.sign(tbs.dump()),
        }
    ).dump()


def signed_data(
    content: bytes,
    signer: Issued,
    certificates: list[Issued],
    *,
    content_type: str = "data",
    detached: bool = True,
    attributes: list | None = None,
    unsigned=None,
) -> cms.ContentInfo:
    """A CMS SignedData over ``content`` with signed attributes, as NCALayer makes one;
    ``unsigned(signature value)`` gives the unsigned attributes (a timestamp token)."""
    key = signer.key
    signed = cms.CMSAttributes(
        [
            {"type": "content_type", "values": [content_type]},
            {"type": "message_digest", "values": [digest(key.digest_oid, content)]},
            *(attributes or []),
        ]
    )
    info = {
        "version": "v1",
        "sid": {
            "issuer_and_serial_number": {
                "issuer": signer.cert.issuer,
                "serial_number": signer.cert.serial_number,
            }
        },
        "digest_algorithm": {"algorithm": key.digest_oid},
        "signed_attrs": signed,
        "signature_algorithm": {"algorithm": key.signature_oid},
        "signature": key.sign(signed.dump()),
    }
    if unsigned is not None:
        info["unsigned_attrs"] = unsigned(info["signature"])
    version = "v3" if content_type != "data" else "v1"
    encapsulated = {"content_type": content_type}
    if not detached:
        encapsulated["content"] = core.ParsableOctetString(content) if version == "v3" else content
    data = cms.SignedData(
        {
            "version": version,
            "digest_algorithms": [{"algorithm": key.digest_oid}],
            "encap_content_info": encapsulated,
            "certificates": [item.cert for item in certificates],
            "signer_infos": [info],
        }
    )
    return cms.ContentInfo({"content_type": "signed_data", "content": data})


def timestamp_token(
    tsa: Issued, chain: list[Issued], value: bytes, at: datetime.datetime, imprint_oid: str
) -> cms.ContentInfo:
    """An RFC 3161 token stamping ``value`` (a signature value) at ``at``."""
    info = tsp.TSTInfo(
        {
            "version": "v1",
            "policy": "1.2.398.3.3.2.6.4",
            "message_imprint": {
                "hash_algorithm": {"algorithm": imprint_oid},
                "hashed_message": digest(imprint_oid, value),
            },
            "serial_number": next(_serials),
            "gen_time": at,
        }
    )
    essential = {
        "type": "signing_certificate_v2",
        "values": [{"certs": [{"cert_hash": hashlib.sha256(tsa.der).digest()}]}],
    }
    return signed_data(
        info.dump(),
        tsa,
        chain,
        content_type="tst_info",
        detached=False,
        attributes=[essential],
    )


def unsigned_timestamp(token: cms.ContentInfo) -> list:
    return [{"type": "signature_time_stamp_token", "values": [token]}]
