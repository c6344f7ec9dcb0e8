"""Identifiers written in pieces are found as reliably as compact ones; failing checksums stay clean.

Property tests draw many numbers and ways of writing them from a seeded generator (reproducible
without a property-testing library), and tables pin down the cases people actually write.
"""

import random
import string

import pytest

from agency.identifiers import is_valid_iin_or_bin
from workflows.page_texts import rich_text_to_plain
from workflows.restricted import scan_text
from workflows.restricted.identifiers import _iban_valid, _luhn

SEPARATORS = (" ", "-", ".", "/", "\u00a0", " - ")
BREAKS = ("\n", " \n", "\n\n", "\r\n", "\n\f\n")
ROUNDS = 300


def categories(text):
    return {finding.category for finding in scan_text(text)}


def spans(text, category):
    return [text[f.start : f.end] for f in scan_text(text) if f.category == category]


def valid_iin(rng) -> str:
    while True:
        head = "".join(rng.choice(string.digits) for _ in range(11))
        for check in string.digits:
            if is_valid_iin_or_bin(head + check):
                return head + check


def invalid_iin(rng) -> str:
    number = valid_iin(rng)
    wrong = [d for d in string.digits if not is_valid_iin_or_bin(number[:11] + d)]
    return number[:11] + rng.choice(wrong)


def luhn_card(rng, length=16) -> str:
    while True:
        number = rng.choice("45") + "".join(rng.choice(string.digits) for _ in range(length - 1))
        if _luhn(number):
            return number


def kz_iban(rng) -> str:
    bban = "".join(rng.choice(string.digits) for _ in range(3)) + "".join(
        rng.choice(string.digits + string.ascii_uppercase) for _ in range(13)
    )
    for check in range(100):
        candidate = f"KZ{check:02d}{bban}"
        if _iban_valid(candidate):
            return candidate
    raise AssertionError("no check digits")


def pieces(number: str, rng, sizes) -> list[str]:
    """``number`` cut into pieces of the sizes ``sizes`` draws (the last piece takes the rest)."""
    parts, rest = [], number
    while rest:
        size = min(len(rest), sizes(rng))
        if len(rest) - size == 1:
            size += 1  # no one-digit piece at the end
        parts.append(rest[:size])
        rest = rest[size:]
    return parts


def written(number: str, rng, sizes, *, line_break: bool) -> str:
    """``number`` in pieces with one kind of separator and, maybe, one line break anywhere."""
    separator = rng.choice(SEPARATORS)
    text = separator.join(pieces(number, rng, sizes))
    if line_break:
        digit_positions = [i for i, char in enumerate(text) if char.isdigit()][1:]
        cut = rng.choice(digit_positions)
        before = text[:cut].rstrip(" -./\u00a0")
        after = text[cut:]
        if before and before[-1].isdigit():
            text = before + rng.choice(BREAKS) + after
    return text


@pytest.mark.parametrize("line_break", [False, True])
def test_split_iins_and_bins_are_found(line_break):
    rng = random.Random(20261206 + line_break)  # noqa: S311 (reproducible test data)
    for _ in range(ROUNDS):
        number = valid_iin(rng)
        text = written(number, rng, lambda r: r.randint(2, 6), line_break=line_break)
        found = spans(f"Өтініш иесінің ЖСН {text} көрсетілген.", "iin") + spans(
            f"Өтініш иесінің ЖСН {text} көрсетілген.", "bin"
        )
        assert found == [text], (number, text)


@pytest.mark.parametrize("line_break", [False, True])
def test_split_numbers_failing_the_checksum_are_not_iins(line_break):
    rng = random.Random(7 + line_break)  # noqa: S311 (reproducible test data)
    for _ in range(ROUNDS):
        text = written(invalid_iin(rng), rng, lambda r: r.randint(2, 6), line_break=line_break)
        assert not categories(f"ЖСН {text} көрсетілген.") & {"iin", "bin"}, text


@pytest.mark.parametrize("line_break", [False, True])
def test_split_cards_are_found_and_failing_luhn_is_clean(line_break):
    rng = random.Random(4400 + line_break)  # noqa: S311 (reproducible test data)
    for _ in range(ROUNDS):
        number = luhn_card(rng)
        text = written(number, rng, lambda r: 4, line_break=line_break)
        assert spans(f"Карта {text} бойынша.", "payment_card") == [text], text
        wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
        text = written(wrong, rng, lambda r: 4, line_break=line_break)
        first_line = "".join(char for char in text.split("\n")[0] if char.isdigit())
        if len(first_line) >= 13 and _luhn(first_line):
            continue  # the first line alone is a (shorter) valid card number
        assert "payment_card" not in categories(f"Карта {text} бойынша."), text


@pytest.mark.parametrize("line_break", [False, True])
def test_split_ibans_are_found_and_failing_mod97_is_clean(line_break):
    rng = random.Random(97 + line_break)  # noqa: S311 (reproducible test data)
    for _ in range(ROUNDS):
        iban = kz_iban(rng)
        text = written(iban, rng, lambda r: 4, line_break=line_break)
        assert spans(f"Шот {text} бойынша.", "iban") == [text], text
        wrong = iban[:-1] + ("1" if iban[-1] != "1" else "2")
        if not _iban_valid(wrong):
            text = written(wrong, rng, lambda r: 4, line_break=line_break)
            assert "iban" not in categories(f"Шот {text} бойынша."), text


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        ("ИИН 900115-300122", "iin", "900115-300122"),
        ("Заявитель 9001.1530.0122 обратился", "iin", "9001.1530.0122"),
        ("ЖСН 9001/1530/0122", "iin", "9001/1530/0122"),
        ("ЖСН 900115\n300122", "iin", "900115\n300122"),
        ("The applicant 90011530\n0122 wrote", "iin", "90011530\n0122"),
        ("БСН 1503 4000 4568", "bin", "1503 4000 4568"),
        ("Карта 4400-4301-2345-6789", "payment_card", "4400-4301-2345-6789"),
        ("Card 4400.4301.2345.6789", "payment_card", "4400.4301.2345.6789"),
        ("Карта 4400 43\n01 2345 6789", "payment_card", "4400 43\n01 2345 6789"),
        ("Шот KZ86-125K-ZT50-0410-0100", "iban", "KZ86-125K-ZT50-0410-0100"),
        ("Счёт KZ86 125K ZT50\n0410 0100", "iban", "KZ86 125K ZT50\n0410 0100"),
        ("IBAN kz86125kzt50\n04100100", "iban", "kz86125kzt50\n04100100"),
    ],
)
def test_written_in_pieces(text, category, span):
    assert spans(text, category) == [span]


@pytest.mark.parametrize(
    "html",
    [
        '<p data-block-key="a">Өтініш иесі, ЖСН 900115</p><p data-block-key="b">300122.</p>',
        "<p>Өтініш иесі, ЖСН 900115<br/>300122.</p>",
        "<p>ЖСН 9001 1530<br>0122</p>",
    ],
)
def test_rich_text_split_by_a_line_break_or_a_paragraph(html):
    assert "iin" in categories(rich_text_to_plain(html))


@pytest.mark.parametrize(
    "text",
    [
        "Бюджет 900 115 300 122 тенге.",
        "Объём 900.115.300.122 тг",
        "Кездесу 12.03.1985 14.30-да өтті.",
        "2024-2025-2026 жылдар",
        "Телефон 8-701-234-56-78 / 8-702-345-67-89",
        "Тел. +7 900 115 300 122",
        "Кесте:\n100\n200\n300\n400",
        "Pages 9001-1530-0123 (checksum fails)",
        "Мекенжай: 12/34, 56-78 пәтер",
        "Карта 4400 4301 2345 6788 (Luhn fails)",
        "Шот KZ86-125K-ZT50-0410-0101",
        "Коды 9001 1530 0122 1234 5678",
    ],
)
def test_look_alikes_stay_clean(text):
    assert not categories(text) & {"iin", "bin", "payment_card", "iban"}, text
