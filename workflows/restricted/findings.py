"""What the scanner reports: findings, their categories, severities and legal bases, and how
an excerpt is masked before anyone sees it."""

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace

from django.utils.translation import gettext_noop

from agency.identifiers import national_phone

from .normalisation import normalize

BLOCK = "block"
WARN = "warn"

CATEGORIES: dict[str, str] = {
    "iin": BLOCK,
    "bin": WARN,
    "phone": WARN,
    "email": WARN,
    "id_document": BLOCK,
    "iban": BLOCK,
    "payment_card": BLOCK,
    "secrecy_marking": BLOCK,
    "minor": WARN,
    "stop_list": BLOCK,
    "birth_date": WARN,
    "vehicle_plate": WARN,
    "secret_vocabulary": WARN,
}

LANGUAGES = frozenset({"kk", "ru", "en"})

# Legal bases are stored in English in the reports, and shown in the reader's language.
PERSONAL_DATA = gettext_noop("Law on Personal Data No. 94-V, Art. 6, Art. 7 p.3; AIL Art. 1 p.8")
LEGAL_BASIS: dict[str, str] = {
    "iin": gettext_noop("Law on Personal Data No. 94-V, Art. 6; AIL Art. 1 p.8"),
    "bin": gettext_noop(
        "AIL Art. 11 p.5; Law on Personal Data No. 94-V, Art. 1 p.2 (if the holder is an individual entrepreneur)"
    ),
    "phone": PERSONAL_DATA,
    "email": PERSONAL_DATA,
    "id_document": gettext_noop(
        "Law on Personal Data No. 94-V, Art. 6, Art. 7 p.10; MIA Order No. 533"
    ),
    "iban": gettext_noop("AIL Art. 1 p.8 (bank secret); Law on Personal Data No. 94-V, Art. 6"),
    "payment_card": gettext_noop(
        "AIL Art. 1 p.8 (bank secret); Law on Personal Data No. 94-V, Art. 6"
    ),
    "minor": gettext_noop("Mass Media Law No. 93-VIII, Art. 14 p.5, Art. 67 p.5-6"),
    "birth_date": gettext_noop("Law on Personal Data No. 94-V, Art. 1 p.2, Art. 7 p.3-4"),
    "vehicle_plate": gettext_noop("Law on Personal Data No. 94-V, Art. 1 p.2, Art. 7 p.3"),
}
CLASSIFIED = gettext_noop("Law on State Secrets No. 349-I, Art. 18; AIL Art. 16 p.15")
OFFICIAL_USE = gettext_noop("Government Decree No. 429 of 24.06.2022, p.3; AIL Art. 16 p.15")

MASK = "•"
EXCERPT_LIMIT = 80
_DIGIT_CATEGORIES = frozenset(
    {"iin", "bin", "id_document", "payment_card", "phone", "vehicle_plate"}
)


@dataclass(frozen=True)
class Finding:
    """One piece of possibly restricted information, located in a text.

    ``excerpt`` is safe to show and log: personal data is masked (:func:`mask`). ``fingerprint``
    identifies the match independently of where it is, so a reviewer's waiver can follow it
    when the text around it changes.
    """

    category: str
    severity: str
    rule: str
    start: int
    end: int
    excerpt: str
    legal_basis: str
    field: str = ""
    fingerprint: str = ""

    def as_dict(self) -> dict:
        """Return the finding as a JSON-safe dict."""
        return asdict(self)

    def with_field(self, field: str) -> "Finding":
        """Return a copy located in ``field`` (for example ``"body[3].text"``)."""
        return replace(self, field=field)


def _mask_keep(raw: str, head: int, tail: int) -> str:
    total = sum(char.isalnum() for char in raw)
    if total <= head + tail:
        head = tail = 0
    shown_until, shown_from = head, total - tail
    masked, seen = [], 0
    for char in raw:
        if char.isalnum():
            if shown_until <= seen < shown_from:
                char = MASK
            seen += 1
        masked.append(char)
    return "".join(masked)


def _plain_excerpt(raw: str) -> str:
    text = " ".join(raw.split())
    if len(text) > EXCERPT_LIMIT:
        text = text[: EXCERPT_LIMIT - 1] + "…"
    return text


def mask(category: str, raw: str) -> str:
    """Return ``raw`` as it may be shown in the admin and in logs (§5.4 masking rule).

    Digit identifiers and vehicle plates keep at most their first two and last two characters,
    IBANs their first four and last two, e-mails the first character of the local part and the
    domain, dates of birth their words but no digit. Markings, minors, stop-list phrases and
    the vocabulary of secrets are not personal data and are shown, shortened to 80 characters.
    Unknown categories are masked completely.
    """
    if category in _DIGIT_CATEGORIES:
        return _mask_keep(raw, 2, 2)
    if category == "iban":
        return _mask_keep(raw, 4, 2)
    if category == "email":
        local, _at, domain = raw.partition("@")
        return f"{local[:1]}{MASK * 3}@{domain}"
    if category == "birth_date":
        return _plain_excerpt("".join(MASK if char.isdigit() else char for char in raw))
    if category in ("secrecy_marking", "minor", "stop_list", "secret_vocabulary"):
        return _plain_excerpt(raw)
    return _mask_keep(raw, 0, 0)


def _fingerprint_key(category: str, raw: str) -> str:
    if category == "phone":
        return national_phone(raw) or re.sub(r"\D", "", raw)
    if category in _DIGIT_CATEGORIES or category == "iban":
        return "".join(char for char in raw if char.isalnum()).upper()
    if category == "email":
        return raw.lower()
    return " ".join(normalize(raw).split())


def make_finding(
    category: str,
    rule: str,
    text: str,
    start: int,
    end: int,
    *,
    severity: str | None = None,
    legal_basis: str | None = None,
) -> Finding:
    """The finding of ``category`` at ``text[start:end]``, masked and fingerprinted."""
    raw = text[start:end]
    key = f"{category}|{rule}|{_fingerprint_key(category, raw)}"
    return Finding(
        category=category,
        severity=severity or CATEGORIES[category],
        rule=rule,
        start=start,
        end=end,
        excerpt=mask(category, raw),
        legal_basis=legal_basis if legal_basis is not None else LEGAL_BASIS.get(category, ""),
        fingerprint=hashlib.sha256(key.encode()).hexdigest(),
    )


def has_blocking(findings: Iterable[Finding]) -> bool:
    """Whether any finding must block publication until a moderator waives it."""
    return any(finding.severity == BLOCK for finding in findings)
