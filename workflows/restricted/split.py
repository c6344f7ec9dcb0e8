"""Identifiers written in pieces, the way people write them (§5): ИИН/БИН, payment cards, IBANs.

``identifiers`` finds the compact forms and the usual groupings; this module finds the same
numbers broken up by spaces, hyphens, full stops or slashes (``900115-300122``,
``9001.1530.0122``, ``4400/4301/2345/6789``, ``KZ86-125K-ZT50-0410-0100``) or across one line
break (a line wrapped in a PDF, a ``<br>`` or a paragraph boundary in rich text, which the page
walker turns into a line break). The same checksums decide: a number that fails its checksum
is never reported.

To keep ordinary numbers clean:

* all separators inside one number are the same character (a date and a time, ``12.03.1985
  14:30``, or a list, ``1, 2, 3``, is no identifier), with at most one line break besides;
* each piece between separators has at least two digits, except where a line break cuts it;
* the number is not part of a longer run of digits and separators;
* a 12-digit number in pieces followed by a currency or a unit (тенге, ₸, KZT, млн, адам,
  человек…) is an amount written in thousands (``900 115 300 122 теңге``), unless an ИИН/БИН
  label precedes it;
* cards keep their printed structure (groups of four, or 4-6-4/4-6-5), which a line break may
  cut anywhere.
"""

from __future__ import annotations

import re

from agency.identifiers import is_valid_iin_or_bin

from .findings import Finding, make_finding
from .identifiers import _iban_valid, _iin_category, _label_before, _luhn

# Digits are "0", characters that may separate pieces "1", everything else "2": a span of
# 13+ characters of digits and separators starting and ending with a digit is a candidate.
_CLASSES = bytes(
    48 if 48 <= b <= 57 else 49 if chr(b) in " \t\r\n\f-./" else 50 for b in range(256)
)
_CANDIDATE = re.compile(rb"0[01]{11,}0")
_PIECES = re.compile(rb"[0-9]+(?:(?: ?[\-./] ?| |[ \t]*[\r\n\f][ \t\r\n\f]{0,4})[0-9]+)+")
_PIECE = re.compile(rb"[0-9]+")
_SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007")
_UNIT_AFTER = re.compile(
    r"[\s\u00a0]*(?:тенге|тг\b|₸|kzt|tenge|млн|млрд|трлн|тыс|мын|руб|usd|\$|долл|евро|eur|"
    r"адам|человек|people|тонн|кг|га\b|км|шт)"
)
_IBAN_GATE = re.compile(r"kz\d")
_IBAN_SEPARATOR = re.compile(r"[ \t]*[\r\n\f][ \t\r\n\f]{0,4}| ?[\-./] ?| ")


def _separator_kind(separator: str) -> str:
    return "break" if any(c in separator for c in "\r\n\f") else separator.strip() or " "


def _pieces(chunk: bytes) -> tuple[list[str], list[str]] | None:
    """The digit pieces and separator kinds of ``chunk``, or None if the separators disagree."""
    pieces = [m.group().decode() for m in _PIECE.finditer(chunk)]
    bounds = [m.span() for m in _PIECE.finditer(chunk)]
    kinds = [
        _separator_kind(chunk[end:start].decode())
        for (_s, end), (start, _e) in zip(bounds, bounds[1:], strict=False)
    ]
    plain = {kind for kind in kinds if kind != "break"}
    if len(plain) > 1 or kinds.count("break") > 1:
        return None
    return pieces, kinds


def _short_pieces_ok(pieces: list[str], kinds: list[str]) -> bool:
    for index, piece in enumerate(pieces):
        at_break = (index and kinds[index - 1] == "break") or (
            index < len(kinds) and kinds[index] == "break"
        )
        if len(piece) < 2 and not at_break:
            return False
    return True


def _is_amount(norm: str, start: int, end: int) -> bool:
    return bool(_UNIT_AFTER.match(norm, end)) and _label_before(norm, start) is None


def _card_structure(lengths: list[int]) -> bool:
    if len(lengths) == 1:
        return 13 <= lengths[0] <= 19
    if lengths in ([4, 6, 4], [4, 6, 5]):
        return True
    return (
        len(lengths) >= 3 and all(length == 4 for length in lengths[:-1]) and 1 <= lengths[-1] <= 4
    )


def _card_ok(pieces: list[str], kinds: list[str]) -> bool:
    lengths = [len(piece) for piece in pieces]
    if "break" not in kinds:
        return _card_structure(lengths)
    cut = kinds.index("break")
    merged = [*lengths[:cut], lengths[cut] + lengths[cut + 1], *lengths[cut + 2 :]]
    return _card_structure(lengths) or _card_structure(merged)


def _spaced(text: str) -> str:
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def find_split_numbers(text: str, norm: str) -> list[Finding]:
    """ИИН/БИН and payment cards written in pieces (see the module docstring)."""
    data = _spaced(text).encode("ascii", "replace")
    found: list[Finding] = []
    for candidate in _CANDIDATE.finditer(data.translate(_CLASSES)):
        for match in _PIECES.finditer(data, *candidate.span()):
            start, end = match.span()
            if (start and (data[start - 1 : start] == b"+" or chr(data[start - 1]).isalnum())) or (
                end < len(data) and chr(data[end]).isalnum()
            ):
                continue
            split = _pieces(match.group())
            if split is None or not split[1]:
                continue
            pieces, kinds = split
            digits = "".join(pieces)
            if len(digits) == 12 and is_valid_iin_or_bin(digits):
                if not _short_pieces_ok(pieces, kinds) or _is_amount(norm, start, end):
                    continue
                category = _iin_category(digits, _label_before(norm, start))
                if category:
                    found.append(make_finding(category, f"{category}.checksum", text, start, end))
            elif (
                13 <= len(digits) <= 19
                and digits[0] in "23456"
                and _luhn(digits)
                and _card_ok(pieces, kinds)
            ):
                found.append(make_finding("payment_card", "payment_card.luhn", text, start, end))
    return found


def find_split_ibans(text: str, norm: str) -> list[Finding]:
    """KZ IBANs whose 20 characters are broken up by one kind of separator or a line break."""
    found: list[Finding] = []
    norm = _spaced(norm)
    for gate in _IBAN_GATE.finditer(norm):
        start = gate.start()
        if start and norm[start - 1].isalnum():
            continue
        position, characters, kinds = start + 2, [], []
        while len(characters) < 18 and position < len(norm):
            char = norm[position]
            if char.isascii() and char.isalnum():
                characters.append(char)
                position += 1
                continue
            separator = _IBAN_SEPARATOR.match(norm, position)
            if not separator:
                break
            kinds.append(_separator_kind(separator.group()))
            position = separator.end()
        end = position
        if len(characters) != 18 or not kinds or (end < len(norm) and norm[end].isalnum()):
            continue
        plain = {kind for kind in kinds if kind != "break"}
        if len(plain) > 1 or kinds.count("break") > 1:
            continue
        compact = ("KZ" + "".join(characters)).upper()
        if compact[2:7].isdigit() and _iban_valid(compact):
            found.append(make_finding("iban", "iban.mod97", text, start, end))
    return found
