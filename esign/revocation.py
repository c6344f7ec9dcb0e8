"""Was a certificate revoked before the time of signing? OCSP first, then CRLs.

Only the addresses in the settings are ever asked (``ESIGN_OCSP_URLS``, ``ESIGN_CRL_URLS``); a
certificate's own AIA and CDP addresses only put the listed ones in order, so a forged
certificate cannot make the site fetch from an address of its choosing. An answer counts only
when it is signed by the certificate's issuer (or, for OCSP, by a responder the issuer
certified for OCSP signing) and speaks for the time of signing: issued after it, or still
current now. A certificate revoked after the stamped time of signing was good when it signed.

When no source gives a usable answer the status is ``unknown``: the verdict is then "revocation
unknown", not "invalid", and the submission is checked again later (:mod:`esign.jobs`).
"""

import datetime
import hashlib
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings

from asn1crypto import crl as crl_
from asn1crypto import ocsp, x509

from . import algorithms
from .certificates import (
    OCSP_SIGNING_PURPOSE,
    UnreadableError,
    key_bits,
    purposes,
    readable_name,
    spki,
    unarmor,
)
from .chain import signed_by

logger = logging.getLogger(__name__)

SKEW = datetime.timedelta(minutes=5)
OCSP_LIMIT = 1024 * 1024
CRL_CACHE_SECONDS = 900


class FetchError(OSError):
    """An address did not answer, or answered with something else than expected."""


@dataclass
class Status:
    """One certificate's revocation status at the time of signing, with the evidence."""

    serial: str
    subject: str
    state: str = "unknown"  # good | revoked | unknown
    source: str = ""  # ocsp | crl
    url: str = ""
    raw: bytes | None = None
    revoked_at: datetime.datetime | None = None
    this_update: datetime.datetime | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "serial": self.serial,
            "subject": self.subject,
            "state": self.state,
            "source": self.source,
            "url": self.url,
            "sha256": hashlib.sha256(self.raw).hexdigest() if self.raw else "",
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "this_update": self.this_update.isoformat() if self.this_update else None,
            "notes": self.notes,
        }


def _usable(this_update, next_update, signed_at, now) -> bool:
    """Whether information issued at ``this_update`` speaks for ``signed_at``: issued after it,
    or the latest the source publishes (still current now)."""
    if this_update is None or this_update > now + SKEW:
        return False
    if this_update >= signed_at:
        return True
    return next_update is not None and next_update >= now


def _judge(status: Status, revoked_at, signed_at) -> Status:
    if revoked_at is not None and revoked_at <= signed_at:
        status.state, status.revoked_at = "revoked", revoked_at
    else:
        status.state, status.revoked_at = "good", revoked_at
        if revoked_at is not None:
            status.notes.append("revoked after the time of signing")
    return status


def _status(cert: x509.Certificate) -> Status:
    return Status(serial=format(cert.serial_number, "x"), subject=readable_name(cert.subject))


# --- OCSP -------------------------------------------------------------------------------


def ocsp_request(cert: x509.Certificate, issuer: x509.Certificate) -> tuple[bytes, bytes]:
    """An OCSP request for ``cert`` (DER) and the nonce it carries."""
    nonce = os.urandom(16)
    cert_id = ocsp.CertId(
        {
            "hash_algorithm": {"algorithm": "sha1"},
            "issuer_name_hash": hashlib.sha1(issuer.subject.dump(), usedforsecurity=False).digest(),
            "issuer_key_hash": hashlib.sha1(key_bits(issuer), usedforsecurity=False).digest(),
            "serial_number": cert.serial_number,
        }
    )
    request = ocsp.OCSPRequest(
        {
            "tbs_request": {
                "request_list": [{"req_cert": cert_id}],
                "request_extensions": [{"extn_id": "nonce", "extn_value": nonce}],
            }
        }
    )
    return request.dump(), nonce


def _same_cert(cert_id: ocsp.CertId, cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    name = cert_id["hash_algorithm"]["algorithm"].native
    if name not in {"sha1", "sha256"}:
        return False
    return (
        cert_id["serial_number"].native == cert.serial_number
        and cert_id["issuer_name_hash"].native
        == hashlib.new(name, issuer.subject.dump(), usedforsecurity=False).digest()
        and cert_id["issuer_key_hash"].native
        == hashlib.new(name, key_bits(issuer), usedforsecurity=False).digest()
    )


def _responder(basic, issuer: x509.Certificate, produced_at) -> x509.Certificate | None:
    """The certificate that signed the response: the issuer itself, or a responder certificate
    the issuer signed for OCSP signing, valid when the response was produced."""
    responder_id = basic["tbs_response_data"]["responder_id"]

    def named(cert):
        if responder_id.name == "by_name":
            return responder_id.chosen.hashable == cert.subject.hashable
        return (
            responder_id.chosen.native
            == hashlib.sha1(key_bits(cert), usedforsecurity=False).digest()
        )

    if named(issuer):
        return issuer
    for cert in basic["certs"]:
        validity = cert["tbs_certificate"]["validity"]
        if (
            named(cert)
            and OCSP_SIGNING_PURPOSE in purposes(cert)
            and validity["not_before"].native <= produced_at <= validity["not_after"].native
            and signed_by(cert, issuer)
        ):
            return cert
    return None


def read_ocsp(raw, cert, issuer, nonce, signed_at, now) -> Status:
    """The status an OCSP response gives ``cert``; ``unknown`` with a note if it gives none."""
    status = _status(cert)
    try:
        response = ocsp.OCSPResponse.load(raw)
        if response["response_status"].native != "successful":
            status.notes.append(f"ocsp: {response['response_status'].native}")
            return status
        basic = response["response_bytes"]["response"].parsed
        data = basic["tbs_response_data"]
        produced_at = data["produced_at"].native
        signer = _responder(basic, issuer, produced_at)
        algorithm = algorithms.signature_algorithm(basic["signature_algorithm"]["algorithm"].dotted)
        holds = signer is not None and algorithms.verify(
            algorithm, spki(signer), data.dump(), basic["signature"].native
        )
        echoed = [
            ext["extn_value"].parsed.native
            for ext in data["response_extensions"]
            if ext["extn_id"].native == "nonce"
        ]
        single = next(
            (r for r in data["responses"] if _same_cert(r["cert_id"], cert, issuer)), None
        )
    except (ValueError, TypeError, KeyError, algorithms.UnsupportedAlgorithmError) as error:
        status.notes.append(f"ocsp: unreadable ({error})")
        return status
    if not holds:
        status.notes.append("ocsp: not signed by the issuer or its responder")
    elif echoed and echoed != [nonce]:
        status.notes.append("ocsp: another request's nonce")
    elif single is None:
        status.notes.append("ocsp: no answer for this certificate")
    elif (
        not _usable(single["this_update"].native, single["next_update"].native, signed_at, now)
        or produced_at > now + SKEW
    ):
        status.notes.append("ocsp: stale or from the future")
    elif single["cert_status"].name == "unknown":
        status.notes.append("ocsp: the responder does not know the certificate")
    else:
        status.source, status.raw = "ocsp", raw
        status.this_update = single["this_update"].native
        revoked = single["cert_status"]
        revoked_at = revoked.chosen["revocation_time"].native if revoked.name == "revoked" else None
        return _judge(status, revoked_at, signed_at)
    return status


# --- CRLs -------------------------------------------------------------------------------

_index_lock = threading.Lock()
_indexes: dict[bytes, dict[int, datetime.datetime]] = {}
_fetched: dict[str, tuple[float, bytes]] = {}


def _revoked_serials(crl: crl_.CertificateList, der: bytes) -> dict[int, datetime.datetime]:
    key = hashlib.sha256(der).digest()
    with _index_lock:
        if key in _indexes:
            return _indexes[key]
    index = {
        entry["user_certificate"].native: entry["revocation_date"].native
        for entry in crl["tbs_cert_list"]["revoked_certificates"]
    }
    with _index_lock:
        if len(_indexes) > 16:
            _indexes.clear()
        _indexes[key] = index
    return index


def read_crl(raw, cert, issuer, signed_at, now) -> Status | None:
    """The status a CRL gives ``cert``, or ``None`` if the CRL is not its issuer's."""
    status = _status(cert)
    try:
        der = unarmor(raw)
        crl = crl_.CertificateList.load(der)
        tbs = crl["tbs_cert_list"]
        if tbs["issuer"].hashable != issuer.subject.hashable or crl.delta_crl_indicator_value:
            return None
        algorithm = algorithms.signature_algorithm(crl["signature_algorithm"]["algorithm"].dotted)
        holds = algorithms.verify(algorithm, spki(issuer), tbs.dump(), crl["signature"].native)
        this_update, next_update = tbs["this_update"].native, tbs["next_update"].native
    except (UnreadableError, ValueError, TypeError, KeyError) as error:
        status.notes.append(f"crl: unreadable ({error})")
        return status
    except algorithms.UnsupportedAlgorithmError as error:
        status.notes.append(f"crl: algorithm {error}")
        return status
    if not holds:
        status.notes.append("crl: not signed by the issuer")
        return status
    if not _usable(this_update, next_update, signed_at, now):
        status.notes.append("crl: stale")
        return status
    status.source, status.raw, status.this_update = "crl", der, this_update
    return _judge(status, _revoked_serials(crl, der).get(cert.serial_number), signed_at)


# --- Sources ----------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would lead to an address the settings do not list: it is not followed."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, limit: int, timeout: float, body: bytes | None = None) -> bytes:
    """GET (or POST an OCSP request to) an http(s) address, at most ``limit`` bytes; redirects
    are not followed."""
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{url}: not an http address")
    headers = {"Content-Type": "application/ocsp-request"} if body is not None else {}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
    try:
        with _opener.open(request, timeout=timeout) as answer:
            data = answer.read(limit + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise FetchError(f"{url}: {error}") from error
    if len(data) > limit:
        raise FetchError(f"{url}: larger than {limit} bytes")
    return data


def forget_fetched() -> None:
    """Drop the CRLs kept in memory (a new configuration, or a test)."""
    with _index_lock:
        _fetched.clear()
        _indexes.clear()


def _ordered(allowed: list[str], hints: list[str]) -> list[str]:
    """The allowed addresses, those the certificate names first."""
    wanted = {hint.rstrip("/") for hint in hints}
    return sorted(allowed, key=lambda url: url.rstrip("/") not in wanted)


class NetworkSource:
    """OCSP, then CRLs, from the addresses in the settings only."""

    def __init__(self, ocsp_urls=None, crl_urls=None, timeout=None):
        self.ocsp_urls = list(settings.ESIGN_OCSP_URLS if ocsp_urls is None else ocsp_urls)
        self.crl_urls = list(settings.ESIGN_CRL_URLS if crl_urls is None else crl_urls)
        self.timeout = settings.ESIGN_FETCH_TIMEOUT if timeout is None else timeout

    def _crl(self, url: str) -> bytes:
        with _index_lock:
            kept = _fetched.get(url)
        if kept and time.monotonic() - kept[0] < CRL_CACHE_SECONDS:
            return kept[1]
        data = fetch(url, limit=settings.ESIGN_CRL_MAX_MB * 1024 * 1024, timeout=self.timeout)
        with _index_lock:
            _fetched[url] = (time.monotonic(), data)
        return data

    def status(self, cert, issuer, signed_at, now) -> Status:
        notes = []
        for url in _ordered(self.ocsp_urls, cert.ocsp_urls):
            request, nonce = ocsp_request(cert, issuer)
            try:
                raw = fetch(url, limit=OCSP_LIMIT, timeout=self.timeout, body=request)
            except FetchError as error:
                notes.append(f"ocsp: {error}")
                continue
            status = read_ocsp(raw, cert, issuer, nonce, signed_at, now)
            status.url = url
            if status.state != "unknown":
                return status
            notes.extend(status.notes)
        hints = [point.url for point in cert.crl_distribution_points if point.url]
        for url in _ordered(self.crl_urls, hints):
            try:
                raw = self._crl(url)
            except FetchError as error:
                notes.append(f"crl: {error}")
                continue
            status = read_crl(raw, cert, issuer, signed_at, now)
            if status is not None:
                status.url = url
                if status.state != "unknown":
                    return status
                notes.extend(status.notes)
        status = _status(cert)
        status.notes = notes or ["no revocation source answered"]
        return status


class CrlSource:
    """Only the CRLs given (``verify_signature --crl``): nothing is fetched."""

    def __init__(self, crls: list[bytes]):
        self.crls = crls

    def status(self, cert, issuer, signed_at, now) -> Status:
        notes = []
        for raw in self.crls:
            status = read_crl(raw, cert, issuer, signed_at, now)
            if status is not None:
                if status.state != "unknown":
                    return status
                notes.extend(status.notes)
        status = _status(cert)
        status.notes = notes or ["none of the CRLs given is this certificate's issuer's"]
        return status
