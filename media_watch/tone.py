"""The tone of a text (negative, neutral or positive) and the words that decided it.

A lexicon per language (``lexicons/{kk,ru,en}.tsv``, shipped with the code, nothing fetched
at run time) gives press words a weight from −2 (арест, өрт, corruption) to +2 (награда,
марапат, award). Entries match by word stems (:mod:`agency.analysis`), so every case form
counts; an entry may also be a phrase (рост цен, баға өсуі) that wins over its single words,
a root (``жақсар*``: the forms of a Kazakh verb) or one exact form (``=сәтті``). An entry of
weight 0 is a set phrase whose words only look loaded (Министерство по чрезвычайным
ситуациям, скорая помощь), and a *shifter* (снизилась, азайды, fell, погашена) turns round
the loaded words of its clause: преступность снизилась is good news.

Negation turns a word round too:

* Russian не, ни, без and English not, no, never, without, -n't reach the next three words;
  Russian нет reaches three words on and four back (пострадавших нет), and не before a verb
  of finding or occurring three back (нарушений не выявлено);
* Kazakh жоқ and емес follow what they negate and reach four words back (шағымдар түскен
  жоқ); a verb negated by its suffix -ма/-ме/-ба/-бе/-па/-пе (болмады, анықталмады,
  жақсармады) negates itself and the two words before it;
* no negation crosses punctuation that ends a clause, and set phrases that only look
  negative (не только, ғана емес, not only) are left alone.

A negated bad word counts half, for the good side (нарушений не выявлено: the absence of bad
news is mildly good); a negated good word counts fully bad (не открыли); a shifted word
counts fully the other way. The sum, divided by
the square root of the text's length in 40-word units past the first (long articles name more
loaded words without being more loaded), is the score; ±1 or beyond decides the tone.
"""

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agency.analysis import stem, tokenise, word_spans

NEGATIVE, NEUTRAL, POSITIVE = "negative", "neutral", "positive"
LANGUAGES = ("kk", "ru", "en")
LEXICONS = Path(__file__).resolve().parent / "lexicons"
THRESHOLD = 1.0
WORDS_PER_UNIT = 40
NEGATED_BAD = -0.5
NEGATED_GOOD = -1.0
SHIFT = "shift"
# A decrease or a resolution refers back to its clause's subject (задолженность по зарплате
# перед работниками полностью погашена), a decrease of a good thing to the next words only.
SHIFTER_REACH = (2, 8)
SHIFTER_REACH_FOR_GOOD = (2, 2)
SHIFTED = -1.0
MAX_REASONS = 8

# Negator: (words reached after it, words reached before it).
NEGATORS = {
    "ru": {"не": (3, 0), "ни": (3, 0), "без": (3, 0), "нет": (3, 4)},
    "kk": {"жоқ": (0, 4), "емес": (0, 4)},
    "en": {
        "not": (3, 0),
        "no": (3, 0),
        "never": (3, 0),
        "without": (3, 0),
        "cannot": (3, 0),
        "nobody": (3, 0),
        "none": (3, 0),
    },
}
EN_CONTRACTION = (3, 0)
KK_NEGATED_VERB_REACH = (0, 2)
# Russian не before a verb of finding or occurring negates the words before it too:
# нарушений не выявлено, жалоб не поступало, пострадавших не было.
RU_EXISTENTIAL_WORDS = (
    "выявлено выявлены выявлен выявила выявили поступало поступило поступали было были "
    "зафиксировано зафиксированы зарегистрировано зарегистрированы установлено обнаружено "
    "обнаружены имеется отмечено отмечалось допущено допущены наблюдается"
)
RU_EXISTENTIAL = frozenset(RU_EXISTENTIAL_WORDS.split())
RU_EXISTENTIAL_REACH = (3, 3)
# Set phrases with a negator that negate nothing: the word after a Russian or English
# negator (не только, not only), the word before a Kazakh one (ғана емес).
NOT_NEGATING = {
    "ru": {"только", "менее", "более", "раз", "смотря", "исключено"},
    "kk": {"ғана"},
    "en": {"only", "doubt"},
}
# A Kazakh verb with the negative suffix before a tense, participle or mood ending. The
# root has at least three letters, so қамады and жабады (which have ма/ба in the root) pass.
KK_NEGATED_VERB = re.compile(
    r"\w{3,}(?:ма|ме|ба|бе|па|пе)"
    r"(?:ды|ді|йды|йді|йтын|йтін|йтұғын|ған|ген|ғандықтан|гендіктен|ғаны|гені|ғанын|генін"
    r"|са|се|ңыз|ңіз|ңдар|ңдер|й|йық|йік|ймыз|йміз|ймын|ймін|йсыз|йсіз)"
)
KK_NOT_NEGATED = frozenset({"болмаса"})
CLAUSE_END = re.compile(r"[.,;:!?…()\[\]]|\s[–—-]\s")


@dataclass(frozen=True)
class ToneVerdict:
    """The tone of a text, its score and the words (as written) that decided it.

    A negated word is shown with its negator in text order: ``не + открыли``,
    ``шағымдар + жоқ``; a Kazakh verb negated by its own suffix (жақсармады) is shown as is.
    """

    tone: str  # "negative" | "neutral" | "positive"
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Entry:
    patterns: tuple[tuple[str, str], ...]  # ("stem" | "prefix" | "form", value) per word
    weight: float | None  # None: a shifter


class Lexicon:
    """One language's weighted words, indexed by the first word of each entry."""

    def __init__(self, language: str, lines):
        self.language = language
        self.by_stem: dict[str, list[_Entry]] = {}
        self.by_form: dict[str, list[_Entry]] = {}
        self.by_prefix: dict[str, list[_Entry]] = {}
        self.prefix_lengths: list[int] = []
        seen: dict[tuple[tuple[str, str], ...], tuple[float, str]] = {}
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            text, _tab, weight_text = line.partition("\t")
            weight = None if weight_text == SHIFT else float(weight_text)
            patterns = self._patterns(text)
            if not patterns:
                raise ValueError(f"{language} lexicon line {number}: no words in {text!r}")
            if patterns in seen:
                if seen[patterns][0] != weight:
                    raise ValueError(
                        f"{language} lexicon line {number}: {text!r} has the stems of "
                        f"{seen[patterns][1]!r} with another weight"
                    )
                continue
            seen[patterns] = (weight, text)
            entry = _Entry(patterns, weight)
            kind, value = patterns[0]
            index = {"stem": self.by_stem, "form": self.by_form, "prefix": self.by_prefix}[kind]
            index.setdefault(value, []).append(entry)
        self.prefix_lengths = sorted({len(prefix) for prefix in self.by_prefix}, reverse=True)
        self.size = len(seen)

    def _patterns(self, text: str) -> tuple[tuple[str, str], ...]:
        patterns = []
        for word in text.split():
            if word.startswith("="):
                patterns.append(("form", word[1:].lower()))
            elif word.endswith("*"):
                patterns.append(("prefix", word[:-1].lower()))
            else:
                patterns.extend(
                    ("stem", stem(part, self.language)) for part in tokenise(word, self.language)
                )
        return tuple(patterns)

    @classmethod
    @cache
    def load(cls, language: str) -> "Lexicon":
        """The lexicon shipped for ``language`` (read once)."""
        path = LEXICONS / f"{language}.tsv"
        with path.open(encoding="utf-8") as lines:
            return cls(language, lines)

    def _candidates(self, word: "_Word") -> list[_Entry]:
        found = [*self.by_stem.get(word.stem, ()), *self.by_form.get(word.lower, ())]
        for length in self.prefix_lengths:
            found.extend(self.by_prefix.get(word.lower[:length], ()))
        return found

    def match(self, words: list["_Word"], position: int) -> tuple[_Entry, int] | None:
        """The longest entry starting at ``words[position]`` and how many words it covers."""
        best = None
        for entry in self._candidates(words[position]):
            length = len(entry.patterns)
            if best is not None and length <= best[1]:
                continue
            if position + length > len(words):
                continue
            following = words[position : position + length]
            if all(
                _fits(pattern, word)
                for pattern, word in zip(entry.patterns, following, strict=True)
            ):
                if any(word.clause_before for word in following[1:]):
                    continue
                best = (entry, length)
        return best


@dataclass
class _Word:
    written: str
    lower: str
    stem: str
    start: int
    end: int
    clause_before: bool  # a clause ends between this word and the one before


def _fits(pattern: tuple[str, str], word: _Word) -> bool:
    kind, value = pattern
    if kind == "stem":
        return word.stem == value
    if kind == "form":
        return word.lower == value
    return word.lower.startswith(value)


def _words(text: str, language: str) -> list[_Word]:
    words = []
    previous_end = 0
    for written, start, end in word_spans(text, language):
        lower = written.lower()
        words.append(
            _Word(
                written,
                lower,
                stem(lower, language),
                start,
                end,
                bool(words) and CLAUSE_END.search(text, previous_end, start) is not None,
            )
        )
        previous_end = end
    return words


def _negator_reach(words: list[_Word], index: int, language: str) -> tuple[int, int] | None:
    """How far the word at ``index`` negates (after, before), or None if it negates nothing."""
    word = words[index]
    reach = NEGATORS.get(language, {}).get(word.lower)
    if reach is None and language == "en" and word.lower.endswith("n't"):
        reach = EN_CONTRACTION
    if reach is None and language == "kk":
        if (
            word.written[:1].islower()
            and word.lower not in KK_NOT_NEGATED
            and KK_NEGATED_VERB.fullmatch(word.lower)
        ):
            return KK_NEGATED_VERB_REACH
        return None
    if reach is None:
        return None
    if language == "kk":
        neighbour = words[index - 1].lower if index else ""
    else:
        neighbour = words[index + 1].lower if index + 1 < len(words) else ""
    if neighbour in NOT_NEGATING[language]:
        return None
    if language == "ru" and word.lower == "не" and neighbour in RU_EXISTENTIAL:
        return RU_EXISTENTIAL_REACH
    return reach


def _in_reach(
    words: list[_Word], negator: int, first: int, last: int, reach: tuple[int, int]
) -> bool:
    """Whether words ``first``…``last`` are within a negator's reach, in the same clause."""
    after, before = reach
    if first > negator:
        if first - negator > after:
            return False
        return not any(words[i].clause_before for i in range(negator + 1, first + 1))
    if last < negator:
        if negator - last > before:
            return False
        return not any(words[i].clause_before for i in range(last + 1, negator + 1))
    return False


def _hits(lexicon: Lexicon, words: list[_Word]) -> list[tuple[int, int, _Entry]]:
    """``(first word, last word, entry)`` for the lexicon's entries in the words, longest first."""
    hits = []
    position = 0
    while position < len(words):
        found = lexicon.match(words, position)
        if found is None:
            position += 1
            continue
        entry, length = found
        hits.append((position, position + length - 1, entry))
        position += length
    return hits


def _turner(
    words: list[_Word], first: int, last: int, turners: dict[int, tuple[int, int]]
) -> int | None:
    """The first negator or shifter whose reach takes in words ``first``…``last``."""
    for turner, reach in turners.items():
        if _in_reach(words, turner, first, last, reach):
            return turner
    return None


def _with(reason: str, words: list[_Word], turner: int, first: int) -> str:
    written = words[turner].written
    return f"{written} + {reason}" if turner < first else f"{reason} + {written}"


def score(text: str, language: str) -> ToneVerdict:
    """The tone of ``text`` written in ``language`` ("kk", "ru" or "en").

    A language without a lexicon gives a neutral verdict with no reasons: nothing is known.
    """
    if language not in LANGUAGES or not text:
        return ToneVerdict(NEUTRAL, 0.0, ())
    words = _words(text, language)
    hits = _hits(Lexicon.load(language), words)
    if not any(entry.weight for _first, _last, entry in hits):
        return ToneVerdict(NEUTRAL, 0.0, ())
    covered = {index for first, last, _entry in hits for index in range(first, last + 1)}
    negators: dict[int, tuple[int, int]] = {}
    self_negated: set[int] = set()
    for index in range(len(words)):
        reach = _negator_reach(words, index, language)
        if reach == KK_NEGATED_VERB_REACH:
            self_negated.add(index)
        if reach is not None and index not in covered:
            negators[index] = reach
    shifters = {
        first: SHIFTER_REACH
        for first, last, entry in hits
        if entry.weight is None and _turner(words, first, last, negators) is None
    }
    effects: list[tuple[float, int, str]] = []
    for first, last, entry in hits:
        if not entry.weight:
            continue
        weight = entry.weight
        reason = text[words[first].start : words[last].end]
        if self_negated.intersection(range(first, last + 1)):
            weight *= NEGATED_BAD if weight < 0 else NEGATED_GOOD
        elif (negator := _turner(words, first, last, negators)) is not None:
            weight *= NEGATED_BAD if weight < 0 else NEGATED_GOOD
            reason = _with(reason, words, negator, first)
        reaches = shifters if entry.weight < 0 else dict.fromkeys(shifters, SHIFTER_REACH_FOR_GOOD)
        if (shifter := _turner(words, first, last, reaches)) is not None:
            weight *= SHIFTED
            reason = _with(reason, words, shifter, first)
        effects.append((weight, first, reason))
    total = sum(effect for effect, _first, _reason in effects)
    total /= math.sqrt(max(1.0, len(words) / WORDS_PER_UNIT))
    if total <= -THRESHOLD:
        tone = NEGATIVE
        deciding = [item for item in effects if item[0] < 0]
    elif total >= THRESHOLD:
        tone = POSITIVE
        deciding = [item for item in effects if item[0] > 0]
    else:
        tone = NEUTRAL
        deciding = effects
    deciding.sort(key=lambda item: (-abs(item[0]), item[1]))
    reasons = tuple(dict.fromkeys(reason for _effect, _first, reason in deciding))[:MAX_REASONS]
    return ToneVerdict(tone, round(total, 2), reasons)
