"""Identifiers (§5): personal numbers, phones, e-mails, ID documents, bank accounts and cards.

* ``iin``/``bin``: a 12-digit run that is not part of a longer digit run and passes the two-pass
  checksum (§5.1, ``agency.identifiers.is_valid_iin_or_bin``). Digit 5 in 0–3 is an ИИН (a birth
  day), 4–6 a БИН; 7–9 is reported only after an ИИН/БИН label, as the label says. Digits grouped
  by spaces (``9001 1530 0122``) count only right after a label (ИИН, ЖСН, IIN, БИН, БСН, BIN,
  optionally followed by ``:`` or ``№``).
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

The agency's own published phones and e-mails (:class:`AllowList`) are not reported.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from agency.identifiers import is_valid_iin_or_bin, national_phone

from .findings import Finding, make_finding


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
        national = {national_phone(phone) for phone in phones}
        national.discard(None)
        return cls(
            phones=frozenset(national),
            emails=frozenset(email.strip().lower() for email in emails if email.strip()),
        )


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


# Digit identifiers are ASCII, so their patterns run on an ASCII view of the text (bytes, one
# per character, everything else replaced by "?"): same offsets, and re scans bytes several
# times faster than str. "Not part of a longer run" boundaries are lookbehinds placed after
# the first character, so each pattern starts with a class the engine can skip ahead on.
has_digit = re.compile(r"\d").search
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


def find_numbers(text: str, norm: str, allow_list: AllowList | None) -> list[Finding]:
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
                    found.append(make_finding(category, f"{category}.checksum", text, start, end))
        elif length == 9:
            if _id_card_near(norm, start, end):
                found.append(make_finding("id_document", "id_document.id_card", text, start, end))
        elif 13 <= length <= 19 and digits[0] in "23456" and _luhn(digits):
            found.append(make_finding("payment_card", "payment_card.luhn", text, start, end))


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
        found.append(
            make_finding(category, f"{category}.checksum", text, start, start + part.end())
        )


def _find_cards_grouped(data: bytes, text: str, start: int, end: int, found: list) -> None:
    for match in _CARD_GROUPED.finditer(data, start, end):
        digits = re.sub(rb"[^0-9]", b"", match.group()).decode()
        if 13 <= len(digits) <= 19 and digits[0] in "23456" and _luhn(digits):
            found.append(make_finding("payment_card", "payment_card.luhn", text, *match.span()))


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
        found.append(make_finding("phone", "phone.kz", text, start, end))


def _is_code_char(char: str) -> bool:
    return char.isalnum() or char in "-/_"


def _find_passport(data: bytes, text: str, start: int, found: list) -> None:
    match = _PASSPORT.match(data, start)
    if not match:
        return
    end = match.end()
    if (start and _is_code_char(text[start - 1])) or (end < len(text) and _is_code_char(text[end])):
        return
    found.append(make_finding("id_document", "id_document.passport", text, start, end))


def _find_iban(data: bytes, text: str, start: int, found: list) -> None:
    match = _IBAN.match(data, start)
    if not match:
        return
    end = match.end()
    if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return
    compact = match.group().replace(b" ", b"").decode().upper()
    if compact[4:7].isdigit() and _iban_valid(compact):
        found.append(make_finding("iban", "iban.mod97", text, start, end))


def find_emails(text: str, allow_list: AllowList | None) -> list[Finding]:
    """E-mail addresses, found from each ``@`` outwards."""
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
                    found.append(make_finding("email", "email.address", text, start, end))
        at = text.find("@", at + 1)
    return found
