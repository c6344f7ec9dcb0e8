"""Secrecy markings (§6.1, §6.2, §6.4), reported only as markings, never as ordinary words.

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
"""

import re

from .findings import CLASSIFIED, OFFICIAL_USE, Finding, make_finding
from .normalisation import is_word_char, normalize

# (rule, language, phrase, fixed, legal basis): fixed phrases count anywhere, the others only
# in marking position (see the module docstring).
_MARKINGS = (
    ("secrecy.ru.dsp_phrase", "ru", "для служебного пользования", True, OFFICIAL_USE),
    ("secrecy.ru.top_secret", "ru", "совершенно секретно", True, CLASSIFIED),
    ("secrecy.ru.special_importance", "ru", "особой важности", False, CLASSIFIED),
    ("secrecy.ru.secret", "ru", "секретно", False, CLASSIFIED),
    ("secrecy.ru.confidential", "ru", "строго конфиденциально", False, OFFICIAL_USE),
    ("secrecy.ru.confidential", "ru", "конфиденциально", False, OFFICIAL_USE),
    ("secrecy.ru.not_for_print", "ru", "не для печати", False, OFFICIAL_USE),
    ("secrecy.ru.not_for_distribution", "ru", "не для распространения", False, OFFICIAL_USE),
    ("secrecy.ru.not_to_be_disclosed", "ru", "не подлежит разглашению", False, OFFICIAL_USE),
    ("secrecy.kk.kbp_phrase", "kk", "қызмет бабында пайдалану үшін", True, OFFICIAL_USE),
    ("secrecy.kk.kbp_phrase", "kk", "қызметтік пайдалану үшін", True, OFFICIAL_USE),
    ("secrecy.kk.top_secret", "kk", "өте құпия", False, CLASSIFIED),
    ("secrecy.kk.special_importance", "kk", "аса маңызды", False, CLASSIFIED),
    ("secrecy.kk.secret", "kk", "құпия", False, CLASSIFIED),
    ("secrecy.kk.confidential", "kk", "жасырын", False, OFFICIAL_USE),
    ("secrecy.en.official_use", "en", "for official use only", True, OFFICIAL_USE),
    ("secrecy.en.official_use", "en", "official use only", True, OFFICIAL_USE),
    ("secrecy.en.top_secret", "en", "top secret", True, CLASSIFIED),
    ("secrecy.en.secret", "en", "secret", False, CLASSIFIED),
    ("secrecy.en.confidential", "en", "strictly confidential", False, OFFICIAL_USE),
    ("secrecy.en.confidential", "en", "confidential", False, OFFICIAL_USE),
)


# Words one of which each marking contains; a text without the word skips the marking's
# pattern. The patterns have no leading lookbehind: starting with a literal lets re scan fast.
MARKING_NEEDLES = (
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
        needle = next(n for n in MARKING_NEEDLES if any(n in word for word in words))
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


def find_markings(
    text: str, norm: str, languages: frozenset[str], vocabulary: dict[str, list[int]]
) -> list[Finding]:
    """Markings in ``text``; ``vocabulary`` says which needles occur (see ``vocabulary``)."""
    found = []
    for needle, patterns in _MARKING_GROUPS.items():
        if needle not in vocabulary:
            continue
        for pattern, rule, language, fixed, basis in patterns:
            if language not in languages:
                continue
            for match in pattern.finditer(norm):
                start, end = match.span()
                if (start and is_word_char(norm[start - 1])) or _negated(norm, start, end):
                    continue
                if fixed or _in_marking_position(text, norm, start, end):
                    found.append(
                        make_finding("secrecy_marking", rule, text, start, end, legal_basis=basis)
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
                make_finding("secrecy_marking", rule, text, start, end, legal_basis=OFFICIAL_USE)
            )
    if "№" in vocabulary:
        for match in _COPY_NUMBER.finditer(norm):
            language = "kk" if match.group(1) == "дана" else "ru"
            if language in languages:
                found.append(
                    make_finding(
                        "secrecy_marking",
                        f"secrecy.{language}.copy_number",
                        text,
                        *match.span(),
                        legal_basis=CLASSIFIED,
                    )
                )
    return found
