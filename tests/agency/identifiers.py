"""Identifiers for test data: ИИН/БИН checksum vectors, and ИИН and IBANs made valid on demand."""

from agency.identifiers import is_valid_iin_or_bin

VALID_VECTORS = ["900115300122", "050721603459", "850412300704", "150340004568", "791028302728"]
INVALID_VECTORS = ["123456789012", "900115300123", *(f"85041230073{digit}" for digit in range(10))]

_W1 = range(1, 12)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def make_iin(first_eleven: str) -> str:
    """A valid ИИН from its first 11 digits (the control digit computed as the МВД does)."""
    digits = [int(char) for char in first_eleven]
    check = sum(d * w for d, w in zip(digits, _W1, strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _W2, strict=True)) % 11
    value = first_eleven + str(check)
    assert is_valid_iin_or_bin(value)
    return value


def make_iban(bban: str) -> str:
    """A Kazakh IBAN for ``bban`` with its check digits (ISO 13616 mod 97)."""
    number = int("".join(str(int(char, 36)) for char in bban + "KZ00"))
    return f"KZ{98 - number % 97:02d}{bban}"
