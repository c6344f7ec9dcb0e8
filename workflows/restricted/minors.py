"""Minors (Mass Media Law Art. 14 p.5): a child named together with a crime or an offence.

A word for a minor (or an age under 18 such as «15-летний», «15 жастағы», "15-year-old") and a
victim/suspect word in the same sentence with at most 60 characters between them. A sentence
ends at a line break or at ``!``, ``?``, ``…`` or a full stop after a word of four or more
letters (so «г.», «ул.» do not end it). The finding spans both words; "minor" counts only as a
noun ("a minor", not "minor injuries").
"""

import re

from .findings import LANGUAGES, Finding, make_finding
from .normalisation import is_word_char

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
ROLE_WORDS = {
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
        for stem in ROLE_WORDS[language]:
            for position in vocabulary.get(stem.split()[0], ()):
                if not position or not is_word_char(norm[position - 1]):
                    match = _ROLE_RE.get(stem, _ROLE_DEFAULT).match(norm, position)
                    if match:
                        roles.append(match.span())
    return sorted(roles)


def find_minors(
    text: str, norm: str, languages: frozenset[str], vocabulary: dict[str, list[int]]
) -> list[Finding]:
    """Minors named with a victim or suspect word; ``vocabulary`` locates the latter."""
    roles = _find_roles(norm, languages, vocabulary)
    if not roles:
        return []
    windows: list[list[int]] = []
    for r_start, r_end in roles:
        w_start = max(0, r_start - _MINOR_DISTANCE - 40)
        w_end = min(len(norm), r_end + _MINOR_DISTANCE + 40)
        while w_end < len(norm) and is_word_char(norm[w_end]):
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
    return [make_finding("minor", f"minor.{lang}", text, start, end) for start, end, lang in merged]


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
