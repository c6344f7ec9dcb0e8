"""Watch terms found in any form of their words: many terms at once, by word stems.

A term (the agency's name, an official's name, a topic) and a text are both read as
sequences of stems (:mod:`agency.analysis`), so «министерству информации» finds the term
«Министерство информации» and «Ақпарат министрлігінің» finds «Ақпарат министрлігі». All
the terms of a language go into one Aho-Corasick automaton built once; each stem that occurs
in some term is given one character, and a text becomes a string of one character per word
(words no term contains become one shared filler character, and punctuation that ends a
phrase one break character). The automaton then finds every term, however many, in one
pass, and a term of several words matches only as consecutive words of one phrase.

Russian proper names are stemmed as names when capitalised in the text
(:func:`agency.analysis.stem_as_written`): Ахметов, Ахметову and Ахметовым give one stem, and
it is not the stem of the first name Ахмет. A Russian term's word that is not a surname is
registered under both its plain stem and its name stem, so a capitalised first word
(«Министерство…» at the start of a sentence) and the same word in lower case both match.
"""

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from agency.analysis import (
    WORD_RE,
    looks_like_surname,
    name_stem,
    stem,
    stem_as_written,
    word_parts,
)

# Splitting with the word pattern captured gives separators and words in turn, and with them
# every word's offsets, without a match object per word.
SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
FILLER = "\x00"
# Stands between two words where punctuation ends a phrase; no term stem has it.
BREAK = "\x01"
BREAK_RE = re.compile(r"[.,;:!?…()\[\]{}]")
# Stems get characters from here on, past the control characters and never a surrogate.
FIRST_CODE = 0x100
SURROGATES = range(0xD800, 0xE000)
# Forms of words already seen, per language; emptied when full (news vocabulary is bounded).
MEMO_LIMIT = 200_000
# Stem variants multiply across a term's words; no real term comes near this.
MAX_VARIANTS = 256


@dataclass(frozen=True)
class Term:
    """A watch term: ``key`` is the caller's id for it; it matches texts in ``language``."""

    key: object
    text: str
    language: str  # "kk" | "ru" | "en"
    kind: str = "topic"  # "agency" | "person" | "topic"


@dataclass(frozen=True)
class Hit:
    """One occurrence of a term: ``matched`` is ``text[start:end]`` of the text searched."""

    term: Term
    matched: str
    start: int
    end: int


def _term_word_stems(word: str, language: str, kind: str) -> tuple[str, ...]:
    """The stems a term's word may take in a text (see the module docstring)."""
    lowered = word.lower()
    if language != "ru":
        return (stem(lowered, language),)
    as_name = name_stem(lowered, language)
    if kind == "person" or (word[:1].isupper() and looks_like_surname(word, language)):
        return (as_name,)
    return tuple(dict.fromkeys((stem(lowered, language), as_name)))


def _prefix_keys(word_stem: str, language: str) -> tuple[str, ...]:
    """What a word form must begin with to have ``word_stem`` (see :class:`_WordCodes`).

    Russian stems are prefixes of the word (ё read as е). A Kazakh stem may differ from the
    word in its last letter (министрлігі → министрлік), an English one too (ministry →
    ministri), and three English exceptions change more (dying → die).
    """
    if language == "ru":
        return (word_stem[:3],)
    keys = [word_stem[: min(3, max(1, len(word_stem) - 1))]]
    if language == "en" and word_stem in ("die", "lie", "tie"):
        keys.append(word_stem[0] + "y")
    return tuple(keys)


class _WordCodes(dict):
    """Each form of a word, as written, to the characters of its parts in a matcher's string.

    Stemming a new word form costs far more than the rest of matching, and most forms belong
    to no term: a part whose first three letters (or two, or one) begin no term stem cannot
    have such a stem and is not stemmed.
    """

    def __init__(self, language: str, codes: dict[str, str], prefixes: set[str]):
        super().__init__()
        self.language = language
        self.codes = codes
        self.prefixes = prefixes

    def _code(self, part: str) -> str:
        lowered = part.lower()
        start = lowered[:3].replace("ё", "е") if self.language == "ru" else lowered[:3]
        prefixes = self.prefixes
        if start in prefixes or start[:2] in prefixes or start[:1] in prefixes:
            return self.codes.get(stem_as_written(part, self.language), FILLER)
        return FILLER

    def __missing__(self, word: str) -> str:
        if len(self) >= MEMO_LIMIT:
            self.clear()
        value = "".join(self._code(part) for part, _ in word_parts(word, self.language))
        self[word] = value
        return value


class _Gaps(dict):
    """What separates two words, as written, to :data:`BREAK` or nothing."""

    def __missing__(self, gap: str) -> str:
        if len(self) >= MEMO_LIMIT:
            self.clear()
        value = self[gap] = BREAK if BREAK_RE.search(gap) else ""
        return value


def _interleave(codes: list[str], gaps: list[str]) -> list[str]:
    """Word codes with the gaps between them: ``[word, gap, word, …, word]``."""
    items = [""] * (2 * len(codes) - 1)
    items[0::2] = codes
    items[1::2] = gaps
    return items


class _LanguageIndex:
    """The automaton of one language's terms."""

    def __init__(self, language: str, gaps: _Gaps):
        self.language = language
        self.codes: dict[str, str] = {}
        self.keys: dict[str, list[int]] = {}
        self.prefixes: set[str] = set()
        self.words = _WordCodes(language, self.codes, self.prefixes)
        self.gaps = gaps
        self.automaton: ahocorasick.Automaton | None = None

    def _code(self, word_stem: str) -> str:
        code = self.codes.get(word_stem)
        if code is None:
            self.prefixes.update(_prefix_keys(word_stem, self.language))
            number = FIRST_CODE + len(self.codes)
            if number >= SURROGATES.start:
                number += len(SURROGATES)
            code = self.codes[word_stem] = chr(number)
        return code

    def add(self, index: int, term: Term) -> None:
        pieces = SPLIT_RE.split(term.text)
        words = pieces[1::2]
        if not words:
            return
        choices: list[tuple[str, ...]] = []
        for number, word in enumerate(words):
            if number:
                choices.append((self.gaps[pieces[2 * number]],))
            for part, _offset in word_parts(word, self.language):
                choices.append(_term_word_stems(part, self.language, term.kind))
        for variant in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
            key = "".join(item if item in ("", BREAK) else self._code(item) for item in variant)
            entries = self.keys.setdefault(key, [])
            if index not in entries:
                entries.append(index)

    def build(self) -> None:
        if not self.keys:
            return
        self.automaton = ahocorasick.Automaton()
        for key, entries in self.keys.items():
            self.automaton.add_word(key, (len(key), tuple(entries)))
        self.automaton.make_automaton()

    def matches(self, pieces: list[str]) -> tuple[list[tuple[int, int, int]], list[str]]:
        """``(term index, first, last)`` for every term in a text split by ``SPLIT_RE``, as
        positions in the matched string, and the items that string was joined from."""
        if self.automaton is None:
            return [], []
        items = _interleave(
            list(map(self.words.__getitem__, pieces[1::2])),
            list(map(self.gaps.__getitem__, pieces[2:-1:2])),
        )
        found = [
            (index, last - length + 1, last)
            for last, (length, entries) in self.automaton.iter("".join(items))
            for index in entries
        ]
        return found, items


class _Spans:
    """Character offsets in the text of positions in a matched string, for the hits only."""

    def __init__(self, pieces: list[str], items: list[str], language: str):
        self.offsets = list(itertools.accumulate(map(len, pieces)))
        self.ends = list(itertools.accumulate(map(len, items)))
        self.words = pieces[1::2]
        self.language = language

    def span(self, position: int) -> tuple[int, int]:
        """Where the word part at ``position`` of the matched string is in the text."""
        item = bisect.bisect_right(self.ends, position)
        word = item // 2  # a gap's break is never inside a match's first or last position
        start, end = self.offsets[2 * word], self.offsets[2 * word + 1]
        number = position - (self.ends[item - 1] if item else 0)
        if number == 0 and self.ends[item] - (self.ends[item - 1] if item else 0) == 1:
            return start, end
        parts = word_parts(self.words[word], self.language)
        if number + 1 < len(parts):
            end = start + parts[number + 1][1] - 1
        return start + parts[number][1], end


class TermMatcher:
    """Finds many watch terms at once in texts; build it once and reuse it.

    A term matches texts in its own language; ``find(text, None)`` tries every language the
    terms are in (for a text whose language is unknown). Every occurrence is reported,
    including terms that overlap or contain one another. The words of a term match
    consecutive words of the text, in any form, with nothing but spaces, quotes, hyphens or
    dashes between them; punctuation that ends a phrase (``. , ; : ! ? …`` and brackets)
    stops a match unless the term has it in the same place.
    """

    def __init__(self, terms: Iterable[Term]):
        self.terms: tuple[Term, ...] = tuple(terms)
        self._indexes: dict[str, _LanguageIndex] = {}
        gaps = _Gaps()
        for index, term in enumerate(self.terms):
            language_index = self._indexes.get(term.language)
            if language_index is None:
                language_index = _LanguageIndex(term.language, gaps)
                self._indexes[term.language] = language_index
            language_index.add(index, term)
        for language_index in self._indexes.values():
            language_index.build()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the terms are in."""
        return tuple(self._indexes)

    def find(self, text: str, language: str | None = None) -> list[Hit]:
        """Every occurrence of a term in ``text``, in the order of the text."""
        if language is None:
            indexes = list(self._indexes.values())
        elif language in self._indexes:
            indexes = [self._indexes[language]]
        else:
            return []
        if not text:
            return []
        pieces = SPLIT_RE.split(text)
        if len(pieces) < 2:
            return []
        found: dict[tuple[int, int, int], Hit] = {}
        for language_index in indexes:
            matches, items = language_index.matches(pieces)
            if not matches:
                continue
            spans = _Spans(pieces, items, language_index.language)
            for index, first, last in matches:
                start, end = spans.span(first)[0], spans.span(last)[1]
                if (index, start, end) not in found:
                    found[(index, start, end)] = Hit(self.terms[index], text[start:end], start, end)
        return [found[key] for key in sorted(found, key=lambda key: (key[1], -key[2], key[0]))]
