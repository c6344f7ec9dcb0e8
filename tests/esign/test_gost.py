"""The GOST arithmetic against the NCA's real certificates, and the test PKI's keys.

``data/nca_root_gost_2022.pem`` and ``data/nca_gost_2022.pem`` are the NCA RK's public
"(GOST) 2022" root and intermediate certificates; their SHA-256 fingerprints are the ones
pki.gov.kz publishes. They pin the byte order of keys, hashes and signatures against the real
thing (a CMS signature made by NCALayer has not been available to check).
"""

from pathlib import Path

import pytest

from esign import algorithms, anchors, chain, gost
from esign.certificates import fingerprint, holder, load_certificate, spki, tbs_and_signature

DATA = Path(__file__).resolve().parent / "data"
ROOT = load_certificate((DATA / "nca_root_gost_2022.pem").read_bytes())
INTERMEDIATE = load_certificate((DATA / "nca_gost_2022.pem").read_bytes())


def test_the_real_certificates_are_the_published_ones():
    assert fingerprint(ROOT) == (
        "AF:77:72:5F:83:28:BB:24:F8:9D:81:DA:3A:CD:F7:CE:"
        "E4:32:42:48:53:8B:7B:A2:CD:2A:86:05:17:FB:9D:CA"
    )
    assert fingerprint(INTERMEDIATE) == (
        "32:C7:D2:33:A4:27:03:A3:27:F3:02:55:43:A0:5B:93:"
        "0E:3F:39:A7:86:C6:8D:FA:19:6B:AA:86:D5:61:85:24"
    )
    assert "(GOST) 2022" in holder(INTERMEDIATE).issuer


def test_the_nca_root_signs_its_gost_intermediate_and_nothing_else():
    oid, tbs, value = tbs_and_signature(INTERMEDIATE)
    algorithm = algorithms.signature_algorithm(oid)

    assert algorithm.name == "gost2015-512"
    assert algorithms.verify(algorithm, spki(ROOT), tbs, value)
    assert not gost.verify(spki(ROOT), tbs + b"\0", value)
    assert not gost.verify(spki(INTERMEDIATE), tbs, value)
    assert not gost.verify(spki(ROOT), tbs, value[64:] + value[:64])


def test_a_path_through_the_real_intermediate_reaches_the_pinned_real_root():
    trust = anchors.Trust((anchors.Anchor(ROOT, fingerprint(ROOT)),))
    moment = INTERMEDIATE["tbs_certificate"]["validity"]["not_before"].native

    assert chain.signed_by(INTERMEDIATE, ROOT)
    found = chain.build(INTERMEDIATE, [], trust, moment)
    assert found.path == [INTERMEDIATE, ROOT] and found.reasons == []


def test_keys_of_another_kind_are_refused_not_misread(world):
    rsa_key = world.leaf("rsa", "person").key.spki

    with pytest.raises(gost.GostKeyError):
        gost.public_point(rsa_key)
    with pytest.raises(algorithms.UnsupportedAlgorithmError):
        algorithms.verify(
            algorithms.SIGNATURES["1.2.398.3.10.1.1.2.3.2"], rsa_key, b"x", bytes(128)
        )


def test_the_test_pki_signs_in_the_nca_byte_order(world):
    key = world.leaf("gost", "person").key
    value = key.sign(b"message")

    assert gost.verify(key.spki, b"message", value)
    assert not gost.verify(key.spki, b"massage", value)
