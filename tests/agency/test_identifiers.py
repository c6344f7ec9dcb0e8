"""ИИН/БИН checksums and phone numbers, without the database."""

from django.core.exceptions import ValidationError

import pytest

from agency.forms import clean_identifier, clean_phone_number
from agency.identifiers import is_valid_iin_or_bin, national_phone, normalise_phone
from tests.agency.identifiers import INVALID_VECTORS, VALID_VECTORS


@pytest.mark.parametrize("value", VALID_VECTORS)
def test_checksum_accepts_worked_examples(value):
    assert is_valid_iin_or_bin(value)


@pytest.mark.parametrize(
    "value", [*INVALID_VECTORS, "90011530012", "9001153001220", "90011530012a", "٩٠٠١١٥٣٠٠١٢٢"]
)
def test_checksum_rejects(value):
    assert not is_valid_iin_or_bin(value)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8 701 234 56 78", "+7 701 234 56 78"),
        ("+7 (701) 234-56-78", "+7 701 234 56 78"),
        ("7012345678", "+7 701 234 56 78"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phones_are_normalised(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("written", "national"),
    [
        ("+7 (7172) 74-00-00", "7172740000"),
        ("8 701 234 56 78", "7012345678"),
        ("7012345678", "7012345678"),
        ("+44 20 7946 0958", None),
        ("12-34", None),
    ],
)
def test_the_national_number_of_a_phone(written, national):
    assert national_phone(written) == national


def test_an_identifier_is_stored_without_spaces_or_hyphens():
    assert clean_identifier(" 9001 1530-0122 ", "IIN") == "900115300122"
    assert clean_identifier("", "IIN") == ""


def test_a_wrong_identifier_is_a_checksum_error():
    with pytest.raises(ValidationError) as error:
        clean_identifier("900115300123", "IIN")
    assert error.value.code == "checksum"


def test_a_phone_is_stored_normalised_or_refused():
    assert clean_phone_number(" 8 701 234 56 78 ") == "+7 701 234 56 78"
    assert clean_phone_number(None) == ""
    with pytest.raises(ValidationError) as error:
        clean_phone_number("12-34")
    assert error.value.code == "phone"
