"""Restricted-information scanner: finds what a state body must not publish.

Pure functions over text, with no database access, so the moderation Task, the publication
guard and the document check all share one implementation and it can be tested and benchmarked
on its own. Every hit is a :class:`Finding` for a human reviewer: the scanner never publishes or
rejects anything itself (legal basis, §6.4). Categories and their default severities are listed
in :data:`CATEGORIES`.

Offsets are character offsets into the text given to :func:`scan_text` (start inclusive, end
exclusive). :func:`normalize` keeps the length of the text, so every vocabulary detector runs on
the normalised text and reports offsets that slice the original.

Identifiers (§5):

* ``iin``/``bin``: a 12-digit run that is not part of a longer digit run and passes the two-pass
  checksum (§5.1). Digit 5 in 0–3 is an ИИН (a birth day), 4–6 a БИН; 7–9 is reported only
  after an ИИН/БИН label, as the label says. Digits grouped by spaces (``9001 1530 0122``) count
  only right after a label (ИИН, ЖСН, IIN, БИН, БСН, BIN, optionally followed by ``:`` or ``№``).
* ``phone``: ``+7`` or ``8`` (not after a letter, digit, hyphen or slash), then a 10-digit
  national number starting with 7, with optional spaces, hyphens and brackets around the area
  or operator code. No-break and thin spaces count as spaces.
* ``email``: an address with a dotted domain.
* ``id_document``: a passport number (one Latin capital and 8 digits, not part of a longer code)
  or a 9-digit number within 40 characters of an ID-card word in any language.
* ``iban``: a KZ IBAN, compact or in groups of four, passing ISO 13616 mod-97.
* ``payment_card``: 13–19 digits, compact or grouped in fours (or 4-6-4/4-6-5), passing Luhn and
  starting with 2–6 (the card issuer ranges; 1, 7, 8, 9 and 0 are not payment cards), which
  keeps EAN codes and registry numbers out.

Secrecy markings (§6.1, §6.2, §6.4) are only reported as markings, never as ordinary words:

* fixed phrases anywhere in the text: «Для служебного пользования», «Совершенно секретно»,
  «Қызмет бабында пайдалану үшін», «Қызметтік пайдалану үшін», "For official use only",
  "Official use only", "Top secret";
* the abbreviations «ДСП» and «ҚБП», written in capitals as whole words (case-sensitive), unless
  chipboard is meant (плита, мебель, древесно… nearby);
* a copy number: «Экз. № 2», «Экземпляр № 2», «Дана № 2»;
* the other markings («Секретно», «Конфиденциально», «Строго конфиденциально», «Особой
  важности», «Не для печати», «Не для распространения», «Не подлежит разглашению», «Құпия»,
  «Өте құпия», «Жасырын», «Аса маңызды», "Secret", "Confidential", "Strictly confidential") only
  in marking position: alone on their line (give or take punctuation, quotes, brackets and a
  copy number); written in capitals in a line that is not itself all capitals (or has at most
  three words, so "THE SECRET OF SUCCESS" is a headline, not a marking); directly between
  brackets; directly between quotes with a capital first letter («Секретно»); directly after
  «гриф…», "marked", "marking", "with the marking" or "stamped" (or before «гриф…»/«белгі…» in
  Kazakh word order: «Құпия» грифі); or followed by a copy number on the same line;
* nothing counts right after «не»/"not"/"no" or right before «емес» («не секретно», «құпия емес»).

Minors (Mass Media Law Art. 14 p.5): a word for a minor (or an age under 18 such as
«15-летний», «15 жастағы», "15-year-old") and a victim/suspect word in the same sentence with at
most 60 characters between them. A sentence ends at a line break or at ``!``, ``?``, ``…`` or a
full stop after a word of four or more letters (so «г.», «ул.» do not end it). The finding spans
both words; "minor" counts only as a noun ("a minor", not "minor injuries").

Markings, minors and stop-list terms are matched on normalised text (:func:`normalize`) except
the case-sensitive abbreviations; ``languages`` in :func:`scan_text` selects their vocabularies.

Stop-list terms: see :class:`StopList` for the inflection rule.
"""

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, replace

import ahocorasick

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
}

LANGUAGES = frozenset({"kk", "ru", "en"})

PERSONAL_DATA = "Law on Personal Data No. 94-V, Art. 6, Art. 7 p.3; AIL Art. 1 p.8"
LEGAL_BASIS: dict[str, str] = {
    "iin": "Law on Personal Data No. 94-V, Art. 6; AIL Art. 1 p.8",
    "bin": "AIL Art. 11 p.5; Law on Personal Data No. 94-V, Art. 1 p.2 (if the holder is an individual entrepreneur)",
    "phone": PERSONAL_DATA,
    "email": PERSONAL_DATA,
    "id_document": "Law on Personal Data No. 94-V, Art. 6, Art. 7 p.10; MIA Order No. 533",
    "iban": "AIL Art. 1 p.8 (bank secret); Law on Personal Data No. 94-V, Art. 6",
    "payment_card": "AIL Art. 1 p.8 (bank secret); Law on Personal Data No. 94-V, Art. 6",
    "minor": "Mass Media Law No. 93-VIII, Art. 14 p.5, Art. 67 p.5-6",
}
_CLASSIFIED = "Law on State Secrets No. 349-I, Art. 18; AIL Art. 16 p.15"
_OFFICIAL_USE = "Government Decree No. 429 of 24.06.2022, p.3; AIL Art. 16 p.15"

MASK = "•"
EXCERPT_LIMIT = 80
_DIGIT_CATEGORIES = frozenset({"iin", "bin", "id_document", "payment_card", "phone"})
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


@dataclass(frozen=True)
class StopTerm:
    """A phrase editors must not publish; ``language`` "" applies it to every language."""

    phrase: str
    severity: str
    legal_basis: str
    rule: str
    language: str = ""


@dataclass(frozen=True)
class AllowList:
    """The agency's own published contacts, which are not reported as personal data.

    Phones are stored as 10-digit national numbers (starting with 7), e-mails lower-cased.
    """

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()

    @classmethod
    def build(cls, phones: Iterable[str] = (), emails: Iterable[str] = ()) -> "AllowList":
        """Build from contacts as written, for example ``"+7 (7172) 74-00-00"``."""
        national = {_national_phone(phone) for phone in phones}
        national.discard(None)
        return cls(
            phones=frozenset(national),
            emails=frozenset(email.strip().lower() for email in emails if email.strip()),
        )


def _national_phone(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) == 10 and digits[0] == "7":
        return digits
    return None


# --- Normalisation -------------------------------------------------------------------------

# str.replace per letter is an order of magnitude faster than str.translate on Cyrillic text.
_FOLD = (
    ("ё", "е"),
    ("ә", "а"),
    ("ғ", "г"),
    ("қ", "к"),
    ("ң", "н"),
    ("ө", "о"),
    ("ұ", "у"),
    ("ү", "у"),
    ("һ", "х"),
    ("і", "и"),
)


def normalize(text: str) -> str:
    """Fold case, ё/е and Kazakh letters, keeping the length (offsets stay valid).

    A character whose lower case is longer than one character (İ) is kept as it is.
    Latin look-alikes of Cyrillic letters are not folded.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or "Σ" in text:
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    for letter, folded in _FOLD:
        if letter in lowered:
            lowered = lowered.replace(letter, folded)
    return lowered


# --- Checksums and masking -----------------------------------------------------------------

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def is_valid_iin_or_bin(value: str) -> bool:
    """Check the ИИН/БИН control digit with the two-pass algorithm of МВД Order № 521 (§5.1)."""
    value = value.replace(" ", "")
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return False
    digits = [int(char) for char in value]
    check = sum(d * w for d, w in zip(digits, _W1, strict=False)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _W2, strict=False)) % 11
        if check == 10:
            return False
    return check == digits[11]


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _iban_valid(compact: str) -> bool:
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


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

    Digit identifiers keep at most their first two and last two characters, IBANs their first
    four and last two, e-mails the first character of the local part and the domain. Markings,
    minors and stop-list phrases are not personal data and are shown, shortened to 80
    characters. Unknown categories are masked completely.
    """
    if category in _DIGIT_CATEGORIES:
        return _mask_keep(raw, 2, 2)
    if category == "iban":
        return _mask_keep(raw, 4, 2)
    if category == "email":
        local, _at, domain = raw.partition("@")
        return f"{local[:1]}{MASK * 3}@{domain}"
    if category in ("secrecy_marking", "minor", "stop_list"):
        return _plain_excerpt(raw)
    return _mask_keep(raw, 0, 0)


def _fingerprint_key(category: str, raw: str) -> str:
    if category == "phone":
        return _national_phone(raw) or re.sub(r"\D", "", raw)
    if category in _DIGIT_CATEGORIES or category == "iban":
        return "".join(char for char in raw if char.isalnum()).upper()
    if category == "email":
        return raw.lower()
    return " ".join(normalize(raw).split())


def _finding(
    category: str,
    rule: str,
    text: str,
    start: int,
    end: int,
    *,
    severity: str | None = None,
    legal_basis: str | None = None,
) -> Finding:
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


# --- Identifiers ---------------------------------------------------------------------------

# Digit identifiers are ASCII, so their patterns run on an ASCII view of the text (bytes, one
# per character, everything else replaced by "?"): same offsets, and re scans bytes several
# times faster than str. "Not part of a longer run" boundaries are lookbehinds placed after
# the first character, so each pattern starts with a class the engine can skip ahead on.
_HAS_DIGIT = re.compile(r"\d").search
_SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007")  # no-break and thin spaces in numbers
# Number-like spans are found on a copy where digits are "0" and separators "1": a pattern
# starting with a literal is scanned for much faster than one starting with a class.
_NUMBER_CLASSES = bytes(
    48 if 48 <= byte <= 57 else 49 if chr(byte) in " -()" else 50 for byte in range(256)
)
_NUMBER_SPAN = re.compile(rb"0[01]{6,}0")
_DIGIT_RUN = re.compile(rb"[0-9](?<![0-9][0-9])[0-9]{8,}")
_LABEL_BEFORE = re.compile(r"(?<!\w)(иин|жсн|iin|бин|бсн|bin)[ \t\u00a0]*[:№]?[ \t\u00a0]*$")
_GROUPED_DIGITS = re.compile(rb"[0-9]{1,6}(?: [0-9]{1,6})+(?![0-9])")
_CARD_GROUPED = re.compile(
    rb"[0-9](?<![0-9][0-9])(?<![0-9][ \-][0-9])"
    rb"(?:[0-9]{3}(?:[ \-][0-9]{4}){2,3}(?:[ \-][0-9]{1,4})?|[0-9]{3}[ \-][0-9]{6}[ \-][0-9]{4,5})"
    rb"(?![0-9]|[ \-][0-9])"
)
_PHONE = re.compile(
    rb"(?:\+ ?7|8)[ \-]?(?:\( ?7[0-9]{2,4} ?\)|7[0-9]{2,4})(?:[ \-]?[0-9]{1,4}){1,4}(?![0-9])"
)
_PASSPORT = re.compile(rb"[A-Z][0-9]{8}")
_IBAN_GATE = re.compile(r"kz\d\d")
_IBAN = re.compile(rb"[Kk][Zz][0-9]{2}(?:[0-9]{3}[0-9A-Za-z]{13}|(?: [0-9A-Za-z]{4}){4})")
_ID_CARD_WORDS = re.compile(
    r"(?<!\w)(?:удостоверени\w*|уд\.\s*личности|№\s*уд\.|куалиг\w*|куалик\w*|id[\s\-]?card|identity\s+card)"
)
_EMAIL_LOCAL_PUNCTUATION = frozenset("._%+-")
_EMAIL_DOMAIN = re.compile(r"[\w\-]{1,63}(?:\.[\w\-]{1,63})*\.[^\W\d_]{2,24}")
_ID_CARD_DISTANCE = 40


def _label_before(norm: str, start: int) -> str | None:
    match = _LABEL_BEFORE.search(norm, max(0, start - 12), start)
    if not match:
        return None
    return "bin" if match.group(1) in ("бин", "бсн", "bin") else "iin"


def _iin_category(digits: str, label: str | None) -> str | None:
    fifth = digits[4]
    if fifth in "0123":
        return "iin"
    if fifth in "456":
        return "bin"
    return label


def _id_card_near(norm: str, start: int, end: int) -> bool:
    window_start = max(0, start - _ID_CARD_DISTANCE - 30)
    for match in _ID_CARD_WORDS.finditer(
        norm, window_start, min(len(norm), end + _ID_CARD_DISTANCE + 30)
    ):
        if match.end() <= start and start - match.end() <= _ID_CARD_DISTANCE:
            return True
        if match.start() >= end and match.start() - end <= _ID_CARD_DISTANCE:
            return True
    return False


def _find_numbers(text: str, norm: str, allow_list: AllowList | None) -> list[Finding]:
    """Digit identifiers, looked for only inside number-like spans of the text.

    One pass finds every span of 8+ digits, spaces, hyphens and brackets; the specific
    detectors then run only there, which is much cheaper than one pass over the text each.
    """
    spaced = text
    for space in _SPACES:
        if space in spaced:
            spaced = spaced.replace(space, " ")
    data = spaced.encode("ascii", "replace")
    found: list[Finding] = []
    for span in _NUMBER_SPAN.finditer(data.translate(_NUMBER_CLASSES)):
        start, end = span.span()
        digits = span.group().count(b"0")
        if digits < end - start or digits >= 9:
            _find_digit_runs(data, text, norm, start, end, found)
        if digits >= 12:
            _find_labelled_group(data, text, norm, start, end, found)
        if digits >= 13:
            _find_cards_grouped(data, text, start, end, found)
        if digits >= 10:
            _find_phones(data, text, max(0, start - 2), end, allow_list, found)
        if start and 65 <= data[start - 1] <= 90:  # a Latin capital: a passport?
            _find_passport(data, text, start - 1, found)
    if "kz" in norm:
        for gate in _IBAN_GATE.finditer(norm):
            _find_iban(data, text, gate.start(), found)
    return found


def _find_digit_runs(data: bytes, text: str, norm: str, start: int, end: int, found: list) -> None:
    for match in _DIGIT_RUN.finditer(data, start, end):
        digits = match.group().decode()
        start, end = match.span()
        length = len(digits)
        if length == 12:
            if is_valid_iin_or_bin(digits):
                category = _iin_category(digits, _label_before(norm, start))
                if category:
                    found.append(_finding(category, f"{category}.checksum", text, start, end))
        elif length == 9:
            if _id_card_near(norm, start, end):
                found.append(_finding("id_document", "id_document.id_card", text, start, end))
        elif 13 <= length <= 19 and digits[0] in "23456" and _luhn(digits):
            found.append(_finding("payment_card", "payment_card.luhn", text, start, end))


def _find_labelled_group(
    data: bytes, text: str, norm: str, start: int, end: int, found: list
) -> None:
    label = _label_before(norm, start)
    group = label and _GROUPED_DIGITS.match(data, start, end)
    if not group:
        return
    digits = ""
    for part in re.finditer(rb"[0-9]+", group.group()):
        digits += part.group().decode()
        if len(digits) >= 12:
            break
    if len(digits) == 12 and is_valid_iin_or_bin(digits):
        category = _iin_category(digits, label)
        found.append(_finding(category, f"{category}.checksum", text, start, start + part.end()))


def _find_cards_grouped(data: bytes, text: str, start: int, end: int, found: list) -> None:
    for match in _CARD_GROUPED.finditer(data, start, end):
        digits = re.sub(rb"[^0-9]", b"", match.group()).decode()
        if 13 <= len(digits) <= 19 and digits[0] in "23456" and _luhn(digits):
            found.append(_finding("payment_card", "payment_card.luhn", text, *match.span()))


def _find_phones(
    data: bytes, text: str, start: int, end: int, allow_list: AllowList | None, found: list
) -> None:
    for match in _PHONE.finditer(data, start, end):
        start, end = match.span()
        if start:
            before = text[start - 1]
            if before.isalnum() or before in "-/_" or (before == "+" and text[start] == "8"):
                continue
        digits = match.group().translate(None, b" -()+")
        if len(digits) != 11:
            continue
        national = digits[1:].decode()
        if allow_list and national in allow_list.phones:
            continue
        found.append(_finding("phone", "phone.kz", text, start, end))


def _is_code_char(char: str) -> bool:
    return char.isalnum() or char in "-/_"


def _find_passport(data: bytes, text: str, start: int, found: list) -> None:
    match = _PASSPORT.match(data, start)
    if not match:
        return
    end = match.end()
    if (start and _is_code_char(text[start - 1])) or (end < len(text) and _is_code_char(text[end])):
        return
    found.append(_finding("id_document", "id_document.passport", text, start, end))


def _find_iban(data: bytes, text: str, start: int, found: list) -> None:
    match = _IBAN.match(data, start)
    if not match:
        return
    end = match.end()
    if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return
    compact = match.group().replace(b" ", b"").decode().upper()
    if compact[4:7].isdigit() and _iban_valid(compact):
        found.append(_finding("iban", "iban.mod97", text, start, end))


def _find_emails(text: str, allow_list: AllowList | None) -> list[Finding]:
    found = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < 64:
            char = text[start - 1]
            if not (char.isalnum() or char in _EMAIL_LOCAL_PUNCTUATION):
                break
            start -= 1
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if start < at and domain:
            while start < at and text[start] in ".-+":
                start += 1
            end = domain.end()
            if start < at:
                address = text[start:end]
                if not (allow_list and address.lower() in allow_list.emails):
                    found.append(_finding("email", "email.address", text, start, end))
        at = text.find("@", at + 1)
    return found


# --- Secrecy markings ----------------------------------------------------------------------

# (rule, language, phrase, fixed, legal basis): fixed phrases count anywhere, the others only
# in marking position (see the module docstring).
_MARKINGS = (
    ("secrecy.ru.dsp_phrase", "ru", "для служебного пользования", True, _OFFICIAL_USE),
    ("secrecy.ru.top_secret", "ru", "совершенно секретно", True, _CLASSIFIED),
    ("secrecy.ru.special_importance", "ru", "особой важности", False, _CLASSIFIED),
    ("secrecy.ru.secret", "ru", "секретно", False, _CLASSIFIED),
    ("secrecy.ru.confidential", "ru", "строго конфиденциально", False, _OFFICIAL_USE),
    ("secrecy.ru.confidential", "ru", "конфиденциально", False, _OFFICIAL_USE),
    ("secrecy.ru.not_for_print", "ru", "не для печати", False, _OFFICIAL_USE),
    ("secrecy.ru.not_for_distribution", "ru", "не для распространения", False, _OFFICIAL_USE),
    ("secrecy.ru.not_to_be_disclosed", "ru", "не подлежит разглашению", False, _OFFICIAL_USE),
    ("secrecy.kk.kbp_phrase", "kk", "қызмет бабында пайдалану үшін", True, _OFFICIAL_USE),
    ("secrecy.kk.kbp_phrase", "kk", "қызметтік пайдалану үшін", True, _OFFICIAL_USE),
    ("secrecy.kk.top_secret", "kk", "өте құпия", False, _CLASSIFIED),
    ("secrecy.kk.special_importance", "kk", "аса маңызды", False, _CLASSIFIED),
    ("secrecy.kk.secret", "kk", "құпия", False, _CLASSIFIED),
    ("secrecy.kk.confidential", "kk", "жасырын", False, _OFFICIAL_USE),
    ("secrecy.en.official_use", "en", "for official use only", True, _OFFICIAL_USE),
    ("secrecy.en.official_use", "en", "official use only", True, _OFFICIAL_USE),
    ("secrecy.en.top_secret", "en", "top secret", True, _CLASSIFIED),
    ("secrecy.en.secret", "en", "secret", False, _CLASSIFIED),
    ("secrecy.en.confidential", "en", "strictly confidential", False, _OFFICIAL_USE),
    ("secrecy.en.confidential", "en", "confidential", False, _OFFICIAL_USE),
)


# Words one of which each marking contains; a text without the word skips the marking's
# pattern. The patterns have no leading lookbehind: starting with a literal lets re scan fast.
_MARKING_NEEDLES = (
    "секретно",
    "конфиденциально",
    "пользования",
    "важности",
    "печати",
    "распространения",
    "разглашению",
    "пайдалану",
    "купия",
    "манызды",
    "жасырын",
    "official",
    "secret",
    "confidential",
)


def _marking_groups() -> dict[str, list[tuple]]:
    groups: dict[str, list[tuple]] = {}
    for rule, language, phrase, fixed, basis in sorted(_MARKINGS, key=lambda m: -len(m[2])):
        words = normalize(phrase).split()
        needle = next(n for n in _MARKING_NEEDLES if any(n in word for word in words))
        pattern = re.compile(r"\s+".join(map(re.escape, words)) + r"(?!\w)")
        groups.setdefault(needle, []).append((pattern, rule, language, fixed, basis))
    return groups


_MARKING_GROUPS = _marking_groups()
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:ДСП|ҚБП)(?![^\W\d_])")
_CHIPBOARD = re.compile(r"плит|мебел|древесн|ламинир")
_COPY_NUMBER = re.compile(r"(?<!\w)(экз(?:емпляр)?\.?|дана)\s*№\s*\d+")
_NEGATION_BEFORE = re.compile(r"(?<!\w)(?:не|not|no)\s+$")
_NEGATION_AFTER = re.compile(r"\s+емес(?!\w)")
_MARKER_BEFORE = re.compile(
    r"(?<!\w)(?:гриф\w*|marked|with\s+the\s+marking|marking|stamped)[\s:«\"“„'(\[]*$"
)
_MARKER_AFTER = re.compile(r"[\s»\"”')\]]*(?:гриф|белги)")
_OPENERS = "«\"“„'‘"
_CLOSERS = "»\"”“'’"
_LINE_REST_OK = re.compile(r"[\W_]*(?:(?:экз(?:емпляр)?\.?|дана|copy)\s*№?\s*\d+[\W_]*)?$")
_LINE_HEAD_OK = re.compile(r"[\W_]*$")
_COPY_ON_LINE = re.compile(r"(?:экз(?:емпляр)?\.?|дана)\s*№")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end == -1 else line_end


def _in_marking_position(text: str, norm: str, start: int, end: int) -> bool:
    line_start, line_end = _line_bounds(text, start, end)
    if _LINE_HEAD_OK.match(norm, line_start, start) and _LINE_REST_OK.match(norm, end, line_end):
        return True
    original = text[start:end]
    if original.isupper():
        line = text[line_start:line_end]
        if any(char.islower() for char in line) or len(line.split()) <= 3:
            return True
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before in "([" and after in ")]":
        return True
    if before in _OPENERS and after in _CLOSERS and original[0].isupper():
        return True
    if _MARKER_BEFORE.search(norm, max(0, start - 30), start):
        return True
    if _MARKER_AFTER.match(norm, end, min(len(norm), end + 12)):
        return True
    return bool(_COPY_ON_LINE.search(norm, end, line_end))


def _negated(norm: str, start: int, end: int) -> bool:
    return bool(
        _NEGATION_BEFORE.search(norm, max(0, start - 8), start)
        or _NEGATION_AFTER.match(norm, end, min(len(norm), end + 10))
    )


def _find_markings(
    text: str, norm: str, languages: frozenset[str], vocabulary: dict[str, list[int]]
) -> list[Finding]:
    found = []
    for needle, patterns in _MARKING_GROUPS.items():
        if needle not in vocabulary:
            continue
        for pattern, rule, language, fixed, basis in patterns:
            if language not in languages:
                continue
            for match in pattern.finditer(norm):
                start, end = match.span()
                if (start and _is_word_char(norm[start - 1])) or _negated(norm, start, end):
                    continue
                if fixed or _in_marking_position(text, norm, start, end):
                    found.append(
                        _finding("secrecy_marking", rule, text, start, end, legal_basis=basis)
                    )
    if "дсп" in vocabulary or "кбп" in vocabulary:
        for match in _ABBREVIATION.finditer(text):
            start, end = match.span()
            rule = "secrecy.ru.dsp" if match.group() == "ДСП" else "secrecy.kk.kbp"
            if rule.split(".")[1] not in languages or _negated(norm, start, end):
                continue
            if _CHIPBOARD.search(norm, max(0, start - 25), min(len(norm), end + 25)):
                continue
            found.append(
                _finding("secrecy_marking", rule, text, start, end, legal_basis=_OFFICIAL_USE)
            )
    if "№" in vocabulary:
        for match in _COPY_NUMBER.finditer(norm):
            language = "kk" if match.group(1) == "дана" else "ru"
            if language in languages:
                found.append(
                    _finding(
                        "secrecy_marking",
                        f"secrecy.{language}.copy_number",
                        text,
                        *match.span(),
                        legal_basis=_CLASSIFIED,
                    )
                )
    return found


# --- Minors --------------------------------------------------------------------------------

_MINOR_DISTANCE = 60
_MINOR_WORDS = {
    "ru": r"несовершеннолетн\w*|малолетн\w*|подросток|подростк\w*|школьни[кц]\w*|ребенок|ребенк\w*"
    r"|учени[кц]\w*|дет(?:и|ей|ям|ьми|ях)|девочк\w*|мальчик\w*|(?:1[0-7]|[1-9])-?(?:и\s+)?летн\w*",
    "kk": r"камелетке\s+толмаган\w*|жасоспирим\w*|окушы\w*|бала(?:лар(?:ды|дын|га|да|дан|мен|ы|ын|ынын)?"
    r"|ны|нын|га|да|дан|мен|сы|сын|сынын|сына|сымен)?|(?:1[0-7]|[1-9])\s*жаст(?:агы|а)",
    "en": r"minors|(?:a|the|one|two|three|four|five|several)\s+minor(?!\s+(?:injur|offen|damage|role"
    r"|change|issue|amendment|detail|incident|violation|problem|accident|charge|repair))"
    r"|juveniles?|child(?:ren)?|schoolboys?|schoolgirls?|teenagers?|(?:1[0-7]|[1-9])-year-old",
}
_MINOR_RE = {lang: re.compile(rf"(?<!\w)(?:{words})(?!\w)") for lang, words in _MINOR_WORDS.items()}
# Victim and suspect words: stems located by the vocabulary pass, then matched in full there.
_ROLE_WORDS = {
    "ru": (
        "потерпевш",
        "пострадавш",
        "подозреваем",
        "обвиняем",
        "задержан",
        "подсудим",
        "осужден",
        "жертв",
    ),
    "kk": ("жабирленуш", "зардап шекк", "кудикт", "айыпталуш", "сотталуш", "усталд", "усталган"),
    "en": ("victim", "suspect", "accused", "detained", "defendant", "arrested"),
}
_ROLE_RE = {
    "зардап шекк": re.compile(r"зардап\s+шекк\w*"),
    "victim": re.compile(r"victims?(?!\w)"),
    "suspect": re.compile(r"suspect(?:s|ed)?(?!\w)"),
    "accused": re.compile(r"accused(?!\w)"),
    "detained": re.compile(r"detained(?!\w)"),
    "defendant": re.compile(r"defendants?(?!\w)"),
    "arrested": re.compile(r"arrested(?!\w)"),
}
_ROLE_DEFAULT = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{4})\.|[!?…])+[\"»”')]*\s+|\n")


def _find_roles(
    norm: str, languages: frozenset[str], vocabulary: dict[str, list[int]]
) -> list[tuple[int, int]]:
    roles = []
    for language in languages & LANGUAGES:
        for stem in _ROLE_WORDS[language]:
            for position in vocabulary.get(stem.split()[0], ()):
                if not position or not _is_word_char(norm[position - 1]):
                    match = _ROLE_RE.get(stem, _ROLE_DEFAULT).match(norm, position)
                    if match:
                        roles.append(match.span())
    return sorted(roles)


def _find_minors(
    text: str, norm: str, languages: frozenset[str], vocabulary: dict[str, list[int]]
) -> list[Finding]:
    roles = _find_roles(norm, languages, vocabulary)
    if not roles:
        return []
    windows: list[list[int]] = []
    for r_start, r_end in roles:
        w_start = max(0, r_start - _MINOR_DISTANCE - 40)
        w_end = min(len(norm), r_end + _MINOR_DISTANCE + 40)
        while w_end < len(norm) and _is_word_char(norm[w_end]):
            w_end += 1
        if windows and w_start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], w_end)
        else:
            windows.append([w_start, w_end])
    spans: list[tuple[int, int, str]] = []
    for language in sorted(languages & LANGUAGES):
        for w_start, w_end in windows:
            for minor in _MINOR_RE[language].finditer(norm, w_start, w_end):
                pair = _nearest_role(text, minor.start(), minor.end(), roles)
                if pair:
                    spans.append((*pair, language))
    merged: list[list] = []
    for start, end, language in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, language])
    return [_finding("minor", f"minor.{lang}", text, start, end) for start, end, lang in merged]


def _nearest_role(
    text: str, start: int, end: int, roles: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Span from the minor word to the closest victim/suspect word in the same sentence."""
    best = None
    for r_start, r_end in roles:
        gap = r_start - end if r_start >= end else start - r_end
        if gap < 0 or gap > _MINOR_DISTANCE:
            continue
        between = (end, r_start) if r_start >= end else (r_end, start)
        if _SENTENCE_END.search(text, *between):
            continue
        if best is None or gap < best[0]:
            best = (gap, min(start, r_start), max(end, r_end))
    return best[1:] if best else None


# Words whose presence (and position) the markings and minors detectors need. They are found
# in the same Aho-Corasick pass as the stop-list terms, or in this small automaton when
# there is no stop list: one pass instead of dozens of substring searches.
_VOCABULARY = tuple(
    sorted(
        {
            *_MARKING_NEEDLES,
            "дсп",
            "кбп",
            "№",
            *(stem.split()[0] for stems in _ROLE_WORDS.values() for stem in stems),
        }
    )
)


def _vocabulary_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in _VOCABULARY:
        automaton.add_word(word, (len(word), (), word))
    automaton.make_automaton()
    return automaton


_VOCABULARY_AUTOMATON = _vocabulary_automaton()


def _vocabulary_positions(norm: str) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for last, (length, _groups, word) in _VOCABULARY_AUTOMATON.iter(norm):
        positions.setdefault(word, []).append(last - length + 1)
    return positions


# --- Stop list -----------------------------------------------------------------------------


def _endings(words: str) -> tuple[str, ...]:
    return tuple(words.split())


# Endings are written normalised (ң→н, ғ→г, і→и…). Surname- and patronymic-forming suffixes
# (-ов, -ев, -ин, -ұлы) are left out on purpose.
_RU_ENDINGS = _endings(
    "а я у ю ом ем ой ей е и ы ам ям ами ями ах ях ь ью ьи ья ье ьей ьем ьям ьями ьях ии ия ию "
    "ией иям иями иях ий ого его ому ему ым им ыми ими ую юю ая яя ое ее ые ие ых их ою ею"
)
_EN_ENDINGS = _endings("s es")
_KK_AFTER_POSSESSIVE = _endings("нын нин на не н нда нде нан нен мен ндагы ндеги")
_KK_PLURAL_CASES = (
    "",
    *_endings("дын дин га ге ды ди да де дан ден мен ы и ынын инин ына ине ын ин ында инде"),
    *_endings("ынан инен ымен имен"),
)
_KK_AFTER_CONSONANT = frozenset(
    {
        *_endings("нын нин дын дин тын тин га ге ка ке ды ди ты ти да де та те дан ден тан тен"),
        *_endings("нан нен мен бен пен менен ша ше дай дей тай тей дагы деги тагы теги"),
        *_endings("ым им ымыз имиз"),
        *(p + c for p in ("ы", "и") for c in ("", *_KK_AFTER_POSSESSIVE)),
        *(p + c for p in _endings("лар лер дар дер тар тер") for c in _KK_PLURAL_CASES),
    }
)
_KK_AFTER_VOWEL = frozenset(
    {
        *_endings("нын нин дын дин га ге ны ни ды ди да де дан ден мен менен ша ше дай дей"),
        *_endings("дагы деги м мыз миз"),
        *_KK_AFTER_POSSESSIVE,
        *(p + c for p in ("сы", "си") for c in ("", *_KK_AFTER_POSSESSIVE)),
        *(p + c for p in ("лар", "лер") for c in _KK_PLURAL_CASES),
    }
)
_AFTER_STEM = frozenset({"", *_RU_ENDINGS, *_EN_ENDINGS, *_KK_AFTER_CONSONANT})
_REPLACING = frozenset({*_RU_ENDINGS, *_EN_ENDINGS})
_AFTER_VOWEL = frozenset({"", *_KK_AFTER_VOWEL})
_STRIPPABLE = frozenset("аеиоуыэюяaeiouyйь")
_TERM_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_WORD_TAIL = re.compile(r"[^\W_]*")
_WORD_GAP = re.compile(r"[\s.«»\"“”„'’()\[\]\-–—]*\s[\s.«»\"“”„'’()\[\]\-–—]*|[\-–—]")


def _stem(word: str) -> tuple[str, str]:
    if len(word) >= 4 and word[-1] in _STRIPPABLE:
        return word[:-1], word[-1]
    return word, ""


def _ending_ok(suffix: str, stripped: str) -> bool:
    if not stripped:
        return suffix in _AFTER_STEM
    if suffix in _REPLACING:
        return True
    return suffix[:1] == stripped and suffix[1:] in _AFTER_VOWEL


class StopList:
    """Editor-managed phrases matched in one Aho-Corasick pass, tolerating inflection.

    Matching ignores case, ё/е and the Kazakh letters (:func:`normalize`). A term is split into
    words (letters and digits, with inner hyphens or apostrophes); in the text its words must be
    separated by whitespace, optionally with quotes, brackets, hyphens or full stops (so
    «ТОО "Ақ Жол"» matches the term ``ТОО Ақ Жол``). Each word matches at a word start and must
    end where the text word ends, after an allowed ending:

    * a word of 4+ letters ending in a vowel, й or ь loses that letter to form its stem; the
      stem is followed either by a Russian (or English) ending that replaces the letter
      (Сергей → Сергея, Сергеем; Анна → Анны) or by the letter itself and a Kazakh ending that
      goes after a vowel (Алматы → Алматының, Алматыға; облысы → облысының);
    * any other word is its own stem, followed by nothing, a Russian/English ending or a Kazakh
      ending that goes after a consonant (Нұрлан → Нұрланға, Нұрланның; Иванов → Ивановым).

    The endings are closed lists of case, number and possessive forms; surname- and
    patronymic-forming suffixes (-ов, -ев, -ин, -ұлы) are deliberately absent, so ``Иван`` does not
    match «Иванов» and ``кот`` does not match «котлета». The ending rule is the same for every
    term whatever its language (a Russian surname takes Kazakh endings in Kazakh text);
    ``language`` only decides which texts a term applies to.

    The automaton is keyed by the stem of each term's first word. Where a key occurs at a word
    start, the first word's ending is checked once per group of terms and the second word is
    looked up by its stem in a dict, so the cost per occurrence does not grow with the number of
    terms sharing a first word (10,000 terms stay fast).
    """

    def __init__(self, terms: Iterable[StopTerm]):
        self._terms: list[tuple[StopTerm, tuple[tuple[str, str], ...]]] = []
        # first stem -> stripped letter of the first word -> group of terms
        by_stem: dict[str, dict[str, _TermGroup]] = {}
        for term in terms:
            words = tuple(_stem(word) for word in _TERM_WORD.findall(normalize(term.phrase)))
            if not words:
                continue
            index = len(self._terms)
            self._terms.append((term, words))
            first_stem, first_stripped = words[0]
            group = by_stem.setdefault(first_stem, {}).setdefault(first_stripped, _TermGroup())
            group.add(index, words)
        self._automaton = ahocorasick.Automaton()
        for stem, groups in by_stem.items():
            word = stem if stem in _VOCABULARY else ""
            self._automaton.add_word(stem, (len(stem), tuple(groups.items()), word))
        for word in _VOCABULARY:
            if word not in by_stem:
                self._automaton.add_word(word, (len(word), (), word))
        self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._terms)

    def find(self, text: str, languages: Collection[str] | None = None) -> list[Finding]:
        """Return a finding for every term occurring in ``text``.

        ``languages`` limits the search to terms for those languages (and terms for any
        language); None searches all terms.
        """
        return self._scan(text, normalize(text), languages)[0]

    def _scan(
        self, text: str, norm: str, languages: Collection[str] | None
    ) -> tuple[list[Finding], dict[str, list[int]]]:
        """Stop-list findings, and where the scanner's own vocabulary occurs (one pass)."""
        matches: list[tuple[int, int, int]] = []
        vocabulary: dict[str, list[int]] = {}
        word_tail = _WORD_TAIL.match
        for last, (length, groups, word) in self._automaton.iter(norm):
            start = last - length + 1
            if word:
                vocabulary.setdefault(word, []).append(start)
                if not groups:
                    continue
            if start:
                before = norm[start - 1]
                if before.isalnum() or before == "_":
                    continue
            tail = word_tail(norm, last + 1)
            suffix = tail.group()
            for stripped, group in groups:
                if _ending_ok(suffix, stripped):
                    group.collect(norm, start, tail.end(), matches)
        found = []
        for index, start, end in matches:
            term = self._terms[index][0]
            if languages is not None and term.language and term.language not in languages:
                continue
            found.append(
                _finding(
                    "stop_list",
                    term.rule,
                    text,
                    start,
                    end,
                    severity=term.severity,
                    legal_basis=term.legal_basis,
                )
            )
        return found, vocabulary


class _TermGroup:
    """Terms sharing a first word: one-word terms, and longer ones by the stem of word two."""

    __slots__ = ("next_lengths", "by_next", "single")

    def __init__(self):
        self.single: list[int] = []
        self.by_next: dict[str, list[tuple[int, tuple[tuple[str, str], ...]]]] = {}
        self.next_lengths: set[int] = set()

    def add(self, index: int, words: tuple[tuple[str, str], ...]) -> None:
        if len(words) == 1:
            self.single.append(index)
            return
        self.by_next.setdefault(words[1][0], []).append((index, words[1:]))
        self.next_lengths.add(len(words[1][0]))

    def collect(self, norm: str, start: int, word_end: int, matches: list) -> None:
        if self.single:
            matches.extend((index, start, word_end) for index in self.single)
        if not self.by_next:
            return
        gap = _WORD_GAP.match(norm, word_end)
        if not gap:
            return
        following = _WORD_TAIL.match(norm, gap.end()).group()
        for length in self.next_lengths:
            for index, rest in self.by_next.get(following[:length], ()):
                end = _match_words(norm, gap.end(), rest)
                if end is not None:
                    matches.append((index, start, end))


def _match_words(norm: str, position: int, words: tuple[tuple[str, str], ...]) -> int | None:
    """End of ``words`` matched from ``position`` (a word start), or None."""
    for number, (stem, stripped) in enumerate(words):
        if number:
            gap = _WORD_GAP.match(norm, position)
            if not gap:
                return None
            position = gap.end()
        if not norm.startswith(stem, position):
            return None
        tail = _WORD_TAIL.match(norm, position + len(stem))
        if not _ending_ok(tail.group(), stripped):
            return None
        position = tail.end()
    return position


# --- Entry points --------------------------------------------------------------------------


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
    if _HAS_DIGIT(text):
        found += _find_numbers(text, norm, allow_list)
    if "@" in text:
        found += _find_emails(text, allow_list)
    if stop_list is not None:
        stop_findings, vocabulary = stop_list._scan(text, norm, languages)
    else:
        stop_findings, vocabulary = [], _vocabulary_positions(norm)
    found += _find_markings(text, norm, languages, vocabulary)
    found += _find_minors(text, norm, languages, vocabulary)
    found += stop_findings
    findings = _deduplicate(found)
    if field:
        findings = [finding.with_field(field) for finding in findings]
    return findings


def has_blocking(findings: Iterable[Finding]) -> bool:
    """Whether any finding must block publication until a moderator waives it."""
    return any(finding.severity == BLOCK for finding in findings)
