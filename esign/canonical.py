"""The canonical document a person signs: exact bytes the site builds, keeps and shows.

The document is JSON with sorted keys, no whitespace and UTF-8 text (RFC 8785 in spirit; no
floating-point numbers, so the form never varies)::

    {"content":{…},"issued_at":"2026-05-04T09:15:00Z","nonce":"…","purpose":"citizen_request",
     "schema":"baspasoz.esign/1"}

``content`` is what the caller signs for: for a request, the recipient, the requester's type,
IIN/BIN, name and contacts, the subject, the text, the answer channel and each attachment's
name, size and SHA-256. The nonce is single-use and short-lived (``ESIGN_NONCE_MINUTES``), so
a signature made for one submission cannot be sent again with another. The bytes are kept with
the nonce (:class:`~esign.models.SigningNonce`), and it is those bytes, not whatever the page
sends back, that the signature must cover.
"""

import base64
import datetime
import json
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import SigningNonce

SCHEMA = "baspasoz.esign/1"
#: The largest document accepted: Streebog-512 in pure Python hashes about 150 KB a second.
MAX_BYTES = 256 * 1024


class DocumentError(ValueError):
    """The content cannot be put in a canonical document, or the bytes are not one."""


def _check(value, path: str = "content") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise DocumentError(f"{path}: keys must be text")
            _check(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, f"{path}[{index}]")
    elif isinstance(value, float) or not isinstance(value, str | int | bool | type(None)):
        raise DocumentError(f"{path}: {type(value).__name__} is not allowed (text, whole numbers)")


def encode(document: dict) -> bytes:
    """The canonical bytes of a document."""
    _check(document, "document")
    data = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"the document is larger than {MAX_BYTES} bytes")
    return data


@dataclass(frozen=True)
class Document:
    """A canonical document and its parts, as parsed from its bytes."""

    data: bytes
    schema: str
    nonce: str
    purpose: str
    issued_at: datetime.datetime
    content: dict

    @property
    def text(self) -> str:
        """The bytes as text, for a page that shows them as they are."""
        return self.data.decode("utf-8")

    @property
    def base64(self) -> str:
        """The bytes in base64: what the page hands NCALayer to sign (``data`` of its call)."""
        return base64.b64encode(self.data).decode("ascii")


def parse(data: bytes) -> Document:
    """The parts of canonical document bytes; :class:`DocumentError` if they are not one."""
    try:
        document = json.loads(data.decode("utf-8"))
        issued_at = datetime.datetime.fromisoformat(document["issued_at"])
        parsed = Document(
            data=data,
            schema=document["schema"],
            nonce=document["nonce"],
            purpose=document["purpose"],
            issued_at=issued_at,
            content=document["content"],
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(f"not a canonical document: {error}") from error
    if parsed.schema != SCHEMA or encode(document) != data:
        raise DocumentError("not a canonical document of this schema")
    return parsed


def issue(purpose: str, content: dict, *, now: datetime.datetime | None = None) -> Document:
    """Build, keep and return a new canonical document of ``content`` with a fresh nonce."""
    now = (now or timezone.now()).astimezone(datetime.UTC).replace(microsecond=0)
    nonce = secrets.token_urlsafe(32)
    data = encode(
        {
            "schema": SCHEMA,
            "nonce": nonce,
            "purpose": purpose,
            "issued_at": now.isoformat().replace("+00:00", "Z"),
            "content": content,
        }
    )
    SigningNonce.objects.create(
        value=nonce,
        purpose=purpose,
        document=data,
        issued_at=now,
        expires_at=now + datetime.timedelta(minutes=settings.ESIGN_NONCE_MINUTES),
    )
    return parse(data)


def rows(value, prefix: str = "") -> list[tuple[str, str]]:
    """The content flattened to ``(path, text)`` rows (``attachments.0.name``) for a page that
    shows a person what they sign; the page names each path in the reader's language."""
    if isinstance(value, dict):
        found = []
        for key in sorted(value):
            found.extend(rows(value[key], f"{prefix}.{key}" if prefix else key))
        return found
    if isinstance(value, list):
        found = []
        for index, item in enumerate(value):
            found.extend(rows(item, f"{prefix}.{index}" if prefix else str(index)))
        return found
    if value is None:
        return [(prefix, "")]
    if isinstance(value, bool):
        return [(prefix, "true" if value else "false")]
    return [(prefix, str(value))]
