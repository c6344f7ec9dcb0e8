"""GOST 34.10-2015 (512-bit) signatures of the National Certification Authority, with gostcrypto.

The NCA's current GOST keys behave exactly like GOST R 34.10-2012-512 on the curve
tc26-512-paramSetA with the Streebog-512 hash; only the object identifiers and the byte order
are the NCA's own. The byte conventions, checked against the NCA's "(GOST) 2022" root and
intermediate certificates:

* the public key is an OCTET STRING inside the BIT STRING: ``x ‖ y``, each 64 bytes little-endian;
* the hash is Streebog-512 of the message, read as a little-endian number;
* the signature is ``r ‖ s``, each 64 bytes little-endian.

gostcrypto reads every number big-endian, so each part is reversed before it is handed over.
The same conventions are assumed for a CMS signature made by NCALayer; no such signature has
been checked here yet.
"""

import gostcrypto
from asn1crypto import core

from .certificates import RawPublicKeyInfo

#: Public key algorithm: GOST 34.10-2015 512-bit (NCA) and GOST R 34.10-2012 512-bit (TC 26).
KEY_OIDS = {"1.2.398.3.10.1.1.2.2", "1.2.643.7.1.1.1.2"}
#: Curve parameter sets equal to tc26-512-paramSetA: the NCA's name for it and TC 26's own.
PARAMSET_OIDS = {"1.2.398.3.10.1.1.2.2.1", "1.2.643.7.1.2.1.2.1"}
CURVE = gostcrypto.gostsignature.CURVES_R_1323565_1_024_2019["id-tc26-gost-3410-12-512-paramSetA"]
SIZE = 64


class GostKeyError(ValueError):
    """The public key is not a GOST 34.10-2015 512-bit key on the expected curve."""


class _Parameters(core.Sequence):
    _fields = [
        ("public_key_paramset", core.ObjectIdentifier),
        ("digest_paramset", core.ObjectIdentifier, {"optional": True}),
    ]


def streebog512(data: bytes) -> bytes:
    """The Streebog-512 hash (GOST 34.11-2015) of ``data``, in gostcrypto's byte order."""
    return bytes(gostcrypto.gosthash.new("streebog512", data=data).digest())


def streebog256(data: bytes) -> bytes:
    """The Streebog-256 hash (GOST 34.11-2015) of ``data``, in gostcrypto's byte order."""
    return bytes(gostcrypto.gosthash.new("streebog256", data=data).digest())


def public_point(spki_der: bytes) -> bytes:
    """The ``x ‖ y`` point (big-endian, as gostcrypto takes it) of a DER SubjectPublicKeyInfo."""
    try:
        info = RawPublicKeyInfo.load(spki_der)
        algorithm = info["algorithm"]["algorithm"].dotted
        parameters = info["algorithm"]["parameters"]
        bits = info["public_key"].contents
        if algorithm not in KEY_OIDS or not bits or bits[0] != 0:
            raise GostKeyError(algorithm)
        paramset = _Parameters.load(parameters.dump())["public_key_paramset"].dotted
        point = core.OctetString.load(bits[1:]).native
    except (ValueError, TypeError, KeyError) as error:
        raise GostKeyError(str(error)) from error
    if paramset not in PARAMSET_OIDS or len(point) != 2 * SIZE:
        raise GostKeyError(paramset)
    return point[:SIZE][::-1] + point[SIZE:][::-1]


def verify(spki_der: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` (NCA byte order) signs ``message`` with the key of ``spki_der``."""
    if len(signature) != 2 * SIZE:
        return False
    point = public_point(spki_der)
    digest = streebog512(message)[::-1]
    value = signature[:SIZE][::-1] + signature[SIZE:][::-1]
    engine = gostcrypto.gostsignature.new(gostcrypto.gostsignature.MODE_512, CURVE)
    try:
        return bool(engine.verify(bytearray(point), bytearray(digest), bytearray(value)))
    except gostcrypto.gostsignature.GOSTSignatureError:
        return False
