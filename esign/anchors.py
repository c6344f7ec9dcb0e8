"""The pinned trust anchors: the NCA RK root and intermediate certificates the operator chose.

They live in a folder of their own (``ESIGN_ANCHORS_DIR``), never in the system's TLS store. A
certificate counts as an anchor only when the folder's record (``fingerprints.txt``) lists its
SHA-256 fingerprint: ``manage.py esign_anchors add FILE`` copies it in, records the fingerprint
and prints it, so it can be compared with the one pki.gov.kz publishes. A file put in the folder
by hand, or changed after it was recorded, is ignored (``esign_anchors list`` shows which).
With no anchor at all, every signature fails closed.
"""

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from asn1crypto import pem, x509

from .certificates import UnreadableError, fingerprint, load_certificate, readable_name

logger = logging.getLogger(__name__)

RECORD = "fingerprints.txt"
_SUFFIXES = {".pem", ".cer", ".crt", ".der"}


class AnchorError(ValueError):
    """A file that cannot be pinned as a trust anchor."""


@dataclass(frozen=True)
class Anchor:
    """A pinned certificate and its SHA-256 fingerprint."""

    certificate: x509.Certificate
    fingerprint: str


@dataclass(frozen=True)
class Entry:
    """A certificate file in the anchors folder, as ``esign_anchors list`` shows it."""

    path: Path
    fingerprint: str
    subject: str
    not_after: str
    pinned: bool


@dataclass(frozen=True)
class Trust:
    """The anchors one verification trusts, and where they came from (for the record)."""

    anchors: tuple[Anchor, ...]
    source: str = ""
    by_fingerprint: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self.by_fingerprint.update({anchor.fingerprint: anchor for anchor in self.anchors})

    @property
    def fingerprints(self) -> list[str]:
        return sorted(self.by_fingerprint)

    def pinned(self, cert: x509.Certificate) -> Anchor | None:
        return self.by_fingerprint.get(fingerprint(cert))


def folder() -> Path:
    return Path(settings.ESIGN_ANCHORS_DIR)


def recorded(directory: Path) -> dict[str, str]:
    """``{file name: fingerprint}`` from the folder's record."""
    path = directory / RECORD
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2:
            found[parts[1]] = parts[0].upper()
    return found


def entries(directory: Path | None = None) -> list[Entry]:
    """Every certificate file in the folder, pinned or not."""
    directory = directory or folder()
    if not directory.is_dir():
        return []
    record = recorded(directory)
    found = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in _SUFFIXES or not path.is_file():
            continue
        try:
            cert = load_certificate(path.read_bytes())
        except UnreadableError:
            logger.warning("Trust anchors: %s is not a certificate, ignored", path)
            continue
        print_ = fingerprint(cert)
        found.append(
            Entry(
                path=path,
                fingerprint=print_,
                subject=readable_name(cert.subject),
                not_after=cert["tbs_certificate"]["validity"]["not_after"].native.isoformat(),
                pinned=record.get(path.name) == print_,
            )
        )
    return found


def load(directory: Path | None = None) -> Trust:
    """The pinned anchors of the folder (``ESIGN_ANCHORS_DIR`` by default)."""
    directory = directory or folder()
    anchors = []
    for entry in entries(directory):
        if entry.pinned:
            cert = load_certificate(entry.path.read_bytes())
            anchors.append(Anchor(cert, entry.fingerprint))
        else:
            logger.warning("Trust anchors: %s is not in %s, ignored", entry.path, RECORD)
    return Trust(tuple(anchors), source=str(directory))


def from_files(paths: list[Path]) -> Trust:
    """Anchors given one by one (``verify_signature --trust-root``), instead of the folder."""
    anchors = []
    for path in paths:
        try:
            cert = load_certificate(Path(path).read_bytes())
        except (OSError, UnreadableError) as error:
            raise AnchorError(f"{path}: {error}") from error
        anchors.append(Anchor(cert, fingerprint(cert)))
    return Trust(tuple(anchors), source=", ".join(str(path) for path in paths))


def _file_name(source: Path, print_: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", source.stem).strip("._") or "anchor"
    return f"{stem[:60]}-{print_.replace(':', '')[:16]}.pem"


def add(source: Path, directory: Path | None = None) -> Entry:
    """Copy the certificate at ``source`` into the folder as PEM and record its fingerprint.

    Only a certification authority's certificate can be an anchor. Adding one already pinned
    changes nothing.
    """
    directory = directory or folder()
    try:
        cert = load_certificate(Path(source).read_bytes())
    except (OSError, UnreadableError) as error:
        raise AnchorError(f"{source}: {error}") from error
    if not cert.ca:
        raise AnchorError(f"{source}: not a certification authority's certificate")
    print_ = fingerprint(cert)
    for entry in entries(directory):
        if entry.fingerprint == print_ and entry.pinned:
            return entry
    directory.mkdir(parents=True, exist_ok=True)
    name = _file_name(Path(source), print_)
    target = directory / name
    target.write_bytes(pem.armor("CERTIFICATE", cert.dump()))
    record = recorded(directory)
    record[name] = print_
    lines = [f"{value} {key}" for key, value in sorted(record.items())]
    (directory / RECORD).write_text(
        "# SHA-256 fingerprint and file of each pinned trust anchor\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    return next(entry for entry in entries(directory) if entry.path == target)
