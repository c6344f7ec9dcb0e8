"""The test NCA: an RSA and a GOST hierarchy, a timestamp authority, an OCSP responder and CRLs.

:func:`build` makes it once (see ``conftest.py``): per hierarchy a root, an intermediate, an
OCSP responder certified by the intermediate, and the personal certificates the cases need;
timestamp authorities under the RSA intermediate (one of them revoked a day ago) and under a
foreign root.
:class:`Responder` serves OCSP and the CRLs over HTTP on the loopback address, as the NCA's
``ocsp.pki.gov.kz`` and ``crl.pki.gov.kz`` would. :meth:`World.sign` plays NCALayer: a
detached CMS with signed attributes, a ``signingTime`` from a wrong clock (it must be ignored)
and a timestamp token from the test TSA at a chosen time.
"""

import datetime
import hashlib
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import cms, ocsp

from tests.agency.identifiers import make_iin

from . import pki

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
IIN = make_iin("88010130012")
HEAD_IIN = make_iin("75050540033")
BIN = make_iin("12034000456")


@dataclass
class Hierarchy:
    """One key family's CA and the certificates issued under it."""

    family: str
    root: pki.Issued
    intermediate: pki.Issued
    responder: pki.Issued
    foreign_root: pki.Issued
    leaves: dict[str, pki.Issued] = field(default_factory=dict)
    revoked: dict[int, datetime.datetime] = field(default_factory=dict)
    crls: dict[str, bytes] = field(default_factory=dict)


class World:
    """Everything the esign tests sign and verify with."""

    def __init__(self, base_url: str, now: datetime.datetime):
        self.base_url = base_url
        self.now = now
        self.hierarchies: dict[str, Hierarchy] = {}
        self.rsa_key = pki.RsaKey()
        self.tsa: pki.Issued | None = None
        self.revoked_tsa: pki.Issued | None = None
        self.foreign_tsa: pki.Issued | None = None
        self.requests: list[str] = []

    @property
    def ocsp_url(self) -> str:
        return f"{self.base_url}/ocsp"

    def crl_url(self, name: str) -> str:
        return f"{self.base_url}/crl/{name}.crl"

    @property
    def crl_urls(self) -> list[str]:
        return [self.crl_url(name) for h in self.hierarchies.values() for name in h.crls]

    def crl(self, name: str) -> bytes | None:
        for hierarchy in self.hierarchies.values():
            if name in hierarchy.crls:
                return hierarchy.crls[name]
        return None

    def anchors(self) -> list[pki.Issued]:
        """The roots a test pins: both families' (the TSA is under the RSA one)."""
        return [hierarchy.root for hierarchy in self.hierarchies.values()]

    def leaf(self, family: str, kind: str) -> pki.Issued:
        return self.hierarchies[family].leaves[kind]

    def sign(
        self,
        data: bytes,
        family: str,
        kind: str = "person",
        *,
        at: datetime.datetime | None = None,
        stamp: bool = True,
        tsa: pki.Issued | None = None,
        stamped_value: bytes | None = None,
    ) -> bytes:
        """A detached CMS of ``data`` by the ``kind`` certificate of ``family``, stamped at
        ``at`` (a minute before the real time by default, not before :attr:`now`: the NCA is
        built once per test session, and a signature is checked against the nonce issued just
        before it). ``stamped_value`` makes the token stamp other bytes."""
        hierarchy = self.hierarchies[family]
        leaf = hierarchy.leaves[kind]
        chain = [leaf] if kind == "foreign" else [leaf, hierarchy.intermediate]
        authority = tsa or self.tsa
        rsa = self.hierarchies["rsa"]
        moment = at or datetime.datetime.now(datetime.UTC).replace(microsecond=0) - MINUTE

        def unsigned(signature):
            token = pki.timestamp_token(
                authority,
                [authority, rsa.intermediate],
                stamped_value or signature,
                moment,
                leaf.key.digest_oid,
            )
            return pki.unsigned_timestamp(token)

        wrong_clock = {
            "type": "signing_time",
            "values": [cms.Time(name="utc_time", value=moment + 400 * DAY)],
        }
        return pki.signed_data(
            data, leaf, chain, attributes=[wrong_clock], unsigned=unsigned if stamp else None
        ).dump()

    # --- the OCSP responder -------------------------------------------------------------

    def ocsp_response(self, request_der: bytes) -> bytes:
        request = ocsp.OCSPRequest.load(request_der)
        nonce = next(
            (
                ext["extn_value"].parsed.native
                for ext in request["tbs_request"]["request_extensions"]
                if ext["extn_id"].native == "nonce"
            ),
            None,
        )
        cert_id = request["tbs_request"]["request_list"][0]["req_cert"]
        hierarchy = self._hierarchy_for(cert_id)
        if hierarchy is None:
            return ocsp.OCSPResponse({"response_status": "unauthorized"}).dump()
        serial = cert_id["serial_number"].native
        known = {leaf.cert.serial_number for leaf in hierarchy.leaves.values()}
        if serial in hierarchy.revoked:
            status = ocsp.CertStatus(
                name="revoked",
                value={
                    "revocation_time": hierarchy.revoked[serial],
                    "revocation_reason": "key_compromise",
                },
            )
        elif serial in known:
            status = ocsp.CertStatus(name="good", value=ocsp.StatusGood())
        else:
            status = ocsp.CertStatus(name="unknown", value=ocsp.StatusUnknown())
        now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        data = ocsp.ResponseData(
            {
                "responder_id": {"by_name": hierarchy.responder.cert.subject},
                "produced_at": now,
                "responses": [
                    {
                        "cert_id": cert_id,
                        "cert_status": status,
                        "this_update": now,
                        "next_update": now + datetime.timedelta(hours=1),
                    }
                ],
                "response_extensions": [{"extn_id": "nonce", "extn_value": nonce}]
                if nonce
                else None,
            }
        )
        responder = hierarchy.responder
        basic = ocsp.BasicOCSPResponse(
            {
                "tbs_response_data": data,
                "signature_algorithm": {"algorithm": responder.key.signature_oid},
                "signature": responder.key.sign(data.dump()),
                "certs": [responder.cert],
            }
        )
        return ocsp.OCSPResponse(
            {
                "response_status": "successful",
                "response_bytes": {"response_type": "basic_ocsp_response", "response": basic},
            }
        ).dump()

    def _hierarchy_for(self, cert_id) -> Hierarchy | None:
        """The hierarchy whose intermediate issued the certificate asked about: the responder
        answers for the intermediates' certificates only (the roots publish CRLs)."""
        for hierarchy in self.hierarchies.values():
            subject = hierarchy.intermediate.cert.subject.dump()
            if (
                cert_id["issuer_name_hash"].native
                == hashlib.sha1(subject, usedforsecurity=False).digest()
            ):
                return hierarchy
        return None


class _Handler(BaseHTTPRequestHandler):
    world: World

    def log_message(self, *args):
        pass

    def _answer(self, body: bytes | None, content_type: str) -> None:
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.server.world.requests.append(f"GET {self.path}")
        name = self.path.removeprefix("/crl/").removesuffix(".crl")
        self._answer(self.server.world.crl(name), "application/pkix-crl")

    def do_POST(self):
        self.server.world.requests.append(f"POST {self.path}")
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != "/ocsp":
            self._answer(None, "")
            return
        self._answer(self.server.world.ocsp_response(body), "application/ocsp-response")


class Responder:
    """The OCSP responder and CRL server, on a loopback port in a thread."""

    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self, world: World) -> None:
        self.server.world = world
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_url() -> str:
    """An address where nothing listens: an OCSP responder that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/ocsp"


def _hierarchy(world: World, family: str, key_class) -> Hierarchy:
    now = world.now
    long = {"not_before": now - 5 * 365 * DAY, "not_after": now + 20 * 365 * DAY}
    ca_key, leaf_key = key_class(), key_class()
    label = family.upper()
    root = pki.issue(
        pki.name(common_name=f"TEST ROOT ({label})", country_name="KZ"),
        ca_key,
        None,
        ca=True,
        **long,
    )
    intermediate = pki.issue(
        pki.name(common_name=f"TEST NCA ({label})", country_name="KZ"),
        key_class(),
        root,
        ca=True,
        crl_url=world.crl_url(f"root-{family}"),
        **long,
    )
    foreign_root = pki.issue(
        pki.name(common_name=f"FOREIGN ROOT ({label})", country_name="KZ"),
        key_class(),
        None,
        ca=True,
        **long,
    )
    responder = pki.issue(
        pki.name(common_name=f"TEST OCSP ({label})", country_name="KZ"),
        world.rsa_key,
        intermediate,
        purposes=[pki.OCSP_SIGNING],
        not_before=now - 30 * DAY,
        not_after=now + 365 * DAY,
    )
    hierarchy = Hierarchy(family, root, intermediate, responder, foreign_root)
    person = pki.name(
        common_name="ТЕСТОВ АЙДАР",
        surname="ТЕСТОВ",
        serial_number=f"IIN{IIN}",
        country_name="KZ",
        given_name="СЕРІКҰЛЫ",
    )
    head = pki.name(
        common_name="БАСШЫ ӘЛИЯ",
        surname="БАСШЫ",
        serial_number=f"IIN{HEAD_IIN}",
        country_name="KZ",
        organization_name="ТОО «ТЕСТ»",
        organizational_unit_name=f"BIN{BIN}",
    )
    signing = {"digital_signature", "non_repudiation"}
    current = {"not_before": now - 30 * DAY, "not_after": now + 335 * DAY}
    hints = {"ocsp_url": world.ocsp_url, "crl_url": world.crl_url(f"nca-{family}")}
    specs = {
        "person": (person, intermediate, signing, [pki.SIGNING, pki.INDIVIDUAL], current),
        "head": (
            head,
            intermediate,
            signing,
            [pki.SIGNING, pki.LEGAL_ENTITY, pki.FIRST_HEAD],
            current,
        ),
        "hr": (head, intermediate, signing, [pki.SIGNING, pki.LEGAL_ENTITY, pki.HR], current),
        "auth": (
            person,
            intermediate,
            {"digital_signature", "key_encipherment"},
            [pki.CLIENT_AUTH, pki.INDIVIDUAL],
            current,
        ),
        "revoked": (person, intermediate, signing, [pki.SIGNING, pki.INDIVIDUAL], current),
        "expired": (
            person,
            intermediate,
            signing,
            [pki.SIGNING, pki.INDIVIDUAL],
            {"not_before": now - 400 * DAY, "not_after": now - 10 * DAY},
        ),
        "future": (
            person,
            intermediate,
            signing,
            [pki.SIGNING, pki.INDIVIDUAL],
            {"not_before": now + 10 * DAY, "not_after": now + 400 * DAY},
        ),
        "foreign": (person, foreign_root, signing, [pki.SIGNING, pki.INDIVIDUAL], current),
    }
    if family == "rsa":
        specs["revoked_later"] = specs["revoked"]
    for kind, (subject, issuer, usage, purposes, validity) in specs.items():
        hierarchy.leaves[kind] = pki.issue(
            subject,
            leaf_key,
            issuer,
            usage=usage,
            purposes=purposes,
            policies=["1.2.398.3.3.2.3"],
            **hints,
            **validity,
        )
    hierarchy.revoked[hierarchy.leaves["revoked"].cert.serial_number] = now - DAY
    if "revoked_later" in hierarchy.leaves:
        hierarchy.revoked[hierarchy.leaves["revoked_later"].cert.serial_number] = now - DAY
    return hierarchy


def _publish_crls(world: World, hierarchy: Hierarchy) -> None:
    """The intermediate's CRL (the revoked certificates) and the root's (none revoked)."""
    now = world.now
    fresh = {"this_update": now - datetime.timedelta(hours=1), "next_update": now + DAY}
    family = hierarchy.family
    hierarchy.crls[f"nca-{family}"] = pki.make_crl(
        hierarchy.intermediate, hierarchy.revoked, **fresh
    )
    hierarchy.crls[f"root-{family}"] = pki.make_crl(hierarchy.root, {}, **fresh)


def _timestamp_authority(world: World, common_name: str, issuer: pki.Issued) -> pki.Issued:
    return pki.issue(
        pki.name(common_name=common_name, country_name="KZ"),
        world.rsa_key,
        issuer,
        purposes=[pki.TIMESTAMPING],
        critical_purposes=True,
        not_before=world.now - 365 * DAY,
        not_after=world.now + 365 * DAY,
    )


def build(base_url: str) -> World:
    """The whole test NCA (a few seconds: the GOST part is pure Python)."""
    world = World(base_url, datetime.datetime.now(datetime.UTC).replace(microsecond=0))
    world.hierarchies["rsa"] = _hierarchy(world, "rsa", pki.RsaKey)
    world.hierarchies["gost"] = _hierarchy(world, "gost", pki.GostKey)
    rsa = world.hierarchies["rsa"]
    world.tsa = _timestamp_authority(world, "TEST TSA", rsa.intermediate)
    world.revoked_tsa = _timestamp_authority(world, "TEST TSA (REVOKED)", rsa.intermediate)
    world.foreign_tsa = _timestamp_authority(world, "FOREIGN TSA", rsa.foreign_root)
    # The responder and the CRL answer for the authorities as for the people.
    rsa.leaves["tsa"], rsa.leaves["revoked_tsa"] = world.tsa, world.revoked_tsa
    rsa.revoked[world.revoked_tsa.cert.serial_number] = world.now - DAY
    for hierarchy in world.hierarchies.values():
        _publish_crls(world, hierarchy)
    return world
