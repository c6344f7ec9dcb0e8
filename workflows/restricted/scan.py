"""The scanner's entry point: every detector over one text, overlaps resolved."""

from collections.abc import Collection

from .findings import LANGUAGES, Finding
from .identifiers import AllowList, find_emails, find_numbers, has_digit
from .markings import find_markings
from .minors import find_minors
from .normalisation import normalize
from .people import find_birth_dates, find_vehicle_plates
from .secret_vocabulary import find_secret_vocabulary
from .split import find_split_ibans, find_split_numbers
from .stop_list import StopList
from .vocabulary import vocabulary_positions

# When spans overlap, the lower number wins; categories not listed never suppress each other.
_PRIORITY = {
    "iban": 0,
    "iin": 1,
    "bin": 1,
    "email": 2,
    "id_document": 3,
    "payment_card": 4,
    "phone": 5,
}


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    unique = {(f.category, f.rule, f.start, f.end): f for f in findings}
    findings = list(unique.values())
    ranked = sorted(
        (f for f in findings if f.category in _PRIORITY),
        key=lambda f: (_PRIORITY[f.category], f.start, -(f.end - f.start)),
    )
    kept: list[Finding] = []
    for finding in ranked:
        if not any(_overlaps(finding, other) for other in kept):
            kept.append(finding)
    markings = sorted(
        (f for f in findings if f.category == "secrecy_marking"),
        key=lambda f: (-(f.end - f.start), f.start),
    )
    for finding in markings:
        if not any(
            _overlaps(finding, other) for other in kept if other.category == "secrecy_marking"
        ):
            kept.append(finding)
    kept.extend(
        f for f in findings if f.category not in _PRIORITY and f.category != "secrecy_marking"
    )
    return sorted(kept, key=lambda f: (f.start, f.category, f.end, f.rule))


def scan_text(
    text: str,
    *,
    stop_list: StopList | None = None,
    allow_list: AllowList | None = None,
    languages: Collection[str] | None = None,
    field: str = "",
) -> list[Finding]:
    """Run every detector over ``text`` and return the findings in text order.

    ``languages`` restricts the language-specific vocabularies (markings, minors, stop-list
    terms with a language); None means kk, ru and en. Identifier detectors always run.
    Allow-listed phones and e-mails are dropped. Where an ИИН/БИН, IBAN or e-mail overlaps a
    phone, card or ID number, only the stronger category is kept; overlapping markings keep the
    longest.
    """
    if not text:
        return []
    languages = LANGUAGES if languages is None else frozenset(languages)
    norm = normalize(text)
    found: list[Finding] = []
    if has_digit(text):
        found += find_numbers(text, norm, allow_list)
        found += find_split_numbers(text, norm)
        if "kz" in norm:
            found += find_split_ibans(text, norm)
        found += find_birth_dates(text, norm)
        found += find_vehicle_plates(text, norm)
    if "@" in text:
        found += find_emails(text, allow_list)
    if stop_list is not None:
        stop_findings, vocabulary = stop_list.scan_normalised(text, norm, languages)
    else:
        stop_findings, vocabulary = [], vocabulary_positions(norm)
    found += find_markings(text, norm, languages, vocabulary)
    found += find_minors(text, norm, languages, vocabulary)
    found += stop_findings
    found += find_secret_vocabulary(text, norm, languages)
    findings = _deduplicate(found)
    if field:
        findings = [finding.with_field(field) for finding in findings]
    return findings
