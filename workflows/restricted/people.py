"""Personal data other than numbers with a checksum: dates of birth next to a name, vehicle plates.

* ``birth_date``: a date (``12.03.1985``, ``1985-03-12``, ``12 марта 1985``, ``1985 жылғы 12
  наурыз``, ``12 March 1985``, ``March 12, 1985``) or a year of birth (``1985 г.р.``, ``1985
  ж.т.``) within 40 characters of a birth word (родился/родилась, рождения, г.р., д.р., ж.т.,
  туған/туылған, born, birth, DOB), with a person's name (two capitalised words, or a surname and
  initials) within 80 characters. A date with no birth word (the date of an event) is not
  reported, nor a birth word with no name. Years before 1900 are history, not personal data.
  A warning, not a block: the biographies of heads that a state body must publish (AIL Art. 16)
  carry their dates of birth lawfully (Law on Personal Data No. 94-V, Art. 7 p.4).
* ``vehicle_plate``: a Kazakhstan registration plate of the 2012 format, three digits, two
  (legal entities) or three (individuals) Latin capitals and a region code 01–20, compact or with
  single spaces (``123 ABC 02``, ``123ABC02``, ``123 AB 02``), as a whole word. Not reported:
  letter groups that are units or currencies (``100 KG 01``, ``500 USD 10``), and codes after
  «арт.», «код», "SKU", "model" and the like. A plate points to its owner: a warning.
"""

import re

from .findings import Finding, make_finding

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
_NAME = re.compile(
    rf"(?<![\w-])[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
    rf"(?:\s+[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|\s+[{_UPPER}]\.\s?(?:[{_UPPER}]\.)?)"
)
# Matched on normalised text: lower case, Kazakh letters folded (қ→к, ү→у, ә→а…).
_MARKER = re.compile(
    r"(?<!\w)(?:родил(?:ся|ась)|рожден\w*|рождения|г\.\s?р\.|д\.\s?р\.|ж\.\s?т\.|"
    r"туган|туылган|born|birth|dob|d\.o\.b\.)"
)
_RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_KK_MONTHS = "кантар|акпан|наурыз|сауир|мамыр|маусым|шилде|тамыз|кыркуйек|казан|караша|желтоксан"
_EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"[0-3]?\d"
_DATE = re.compile(
    rf"(?<![\d.])(?:{_DAY}[./]{{1}}[01]?\d[./]{_YEAR}|{_YEAR}-[01]\d-[0-3]\d"
    rf"|{_DAY}\s+(?:{_RU_MONTHS}|{_KK_MONTHS}\w*|{_EN_MONTHS})\s+{_YEAR}(?:\s*(?:г|ж)\.)?"
    rf"|{_YEAR}\s+жыл\w*\s+{_DAY}\s+(?:{_KK_MONTHS})\w*"
    rf"|(?:{_EN_MONTHS})\s+{_DAY},?\s+{_YEAR}"
    rf"|{_YEAR}(?=\s*(?:г\.\s?р\.|ж\.\s?т\.|года\s+рождения|жылы\s+туган)))(?![\d])"
)
_MARKER_DISTANCE = 40
_NAME_DISTANCE = 80

_PLATE = re.compile(r"(?<![\w\-/.])[0-9]{3} ?([A-Z]{2,3}) ?(?:0[1-9]|1[0-9]|20)(?![\w\-/])")
_NOT_PLATE_LETTERS = frozenset(
    [
        "KG",
        "ML",
        "MM",
        "CM",
        "KM",
        "GB",
        "MB",
        "KB",
        "TB",
        "MW",
        "KW",
        "HZ",
        "PC",
        "KV",
        "AM",
        "PM",
        "KZ",
        "RU",
        "US",
        "EU",
        "ID",
        "NO",
        "KZT",
        "USD",
        "EUR",
        "RUB",
        "PCS",
        "MHZ",
        "GHZ",
        "KWH",
        "MWH",
        "LTD",
        "LLP",
        "JSC",
        "MAX",
        "MIN",
        "ISO",
    ]
)
_CODE_BEFORE = re.compile(
    r"(?<!\w)(?:арт|артикул|код|code|sku|model|модел\w*|part|серия|series|тип|type|no|ref)"
    r"[\s.:№#-]*$"
)


def find_birth_dates(text: str, norm: str) -> list[Finding]:
    """Dates of birth next to a person's name (see the module docstring)."""
    found = []
    for marker in _MARKER.finditer(norm):
        window_start = max(0, marker.start() - _MARKER_DISTANCE)
        window_end = min(len(norm), marker.end() + _MARKER_DISTANCE)
        dates = list(_DATE.finditer(norm, window_start, window_end))
        if not dates:
            continue
        date = min(dates, key=lambda d: abs(d.start() - marker.start()))
        start, end = min(date.start(), marker.start()), max(date.end(), marker.end())
        if found and found[-1].end > start:
            continue  # a second birth word about the same date
        names = _NAME.finditer(
            text, max(0, start - _NAME_DISTANCE), min(len(text), end + _MARKER_DISTANCE)
        )
        if any(name.end() <= start or name.start() >= end for name in names):
            found.append(make_finding("birth_date", "birth_date.near_name", text, start, end))
    return found


def find_vehicle_plates(text: str, norm: str) -> list[Finding]:
    """Kazakhstan vehicle registration plates (see the module docstring)."""
    found = []
    for match in _PLATE.finditer(text):
        if match.group(1) in _NOT_PLATE_LETTERS:
            continue
        start, end = match.span()
        if _CODE_BEFORE.search(norm, max(0, start - 16), start):
            continue
        rule = "vehicle_plate.individual" if len(match.group(1)) == 3 else "vehicle_plate.legal"
        found.append(make_finding("vehicle_plate", rule, text, start, end))
    return found
