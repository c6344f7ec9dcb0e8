"""Kazakh identifiers and phone numbers, as every part of the site reads them.

* ИИН and БИН (individual and business identification numbers): twelve digits whose last is a
  control digit (МВД Order № 521 of 29.06.2023), see :func:`is_valid_iin_or_bin`. The public
  forms check what people type with it; the restricted-information scanner
  (``workflows.restricted``) uses it to tell a real ИИН in a text from any twelve digits.
* Phone numbers: :func:`normalise_phone` is how the forms store a phone;
  :func:`national_phone` is the 10-digit national number the scanner compares against the
  agency's own published numbers.

Plain functions without the database; the form cleaners that turn a bad value into a
translated error are in ``agency.forms``.
"""

import re

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


def national_phone(raw: str) -> str | None:
    """The 10-digit national number (starting with 7) of a Kazakh phone as written, or None."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) == 10 and digits[0] == "7":
        return digits
    return None


def normalise_phone(value: str) -> str:
    """``+7 701 234 56 78`` for a Kazakh number, ``+<digits>`` for another, or ``""`` if invalid."""
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+"):
        if digits.startswith("7") and len(digits) == 11:
            return f"+7 {digits[1:4]} {digits[4:7]} {digits[7:9]} {digits[9:]}"
        return f"+{digits}" if 8 <= len(digits) <= 15 else ""
    if len(digits) == 11 and digits[0] in "78":
        return f"+7 {digits[1:4]} {digits[4:7]} {digits[7:9]} {digits[9:]}"
    if len(digits) == 10 and digits[0] == "7":
        return f"+7 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    return ""
