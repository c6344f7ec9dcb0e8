"""Stop-list terms: editor-managed phrases, matched in any form of their words (see :class:`StopList`)."""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import ahocorasick

from agency.analysis import forms_prefix, same_word, word_identity

from .findings import Finding, make_finding
from .normalisation import normalize
from .vocabulary import VOCABULARY


@dataclass(frozen=True)
class StopTerm:
    """A phrase editors must not publish; ``language`` "" applies it to every language."""

    phrase: str
    severity: str
    legal_basis: str
    rule: str
    language: str = ""


_TERM_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_WORD_TAIL = re.compile(r"[^\W_]*")
_WORD_GAP = re.compile(r"[\s.«»\"“”„'’()\[\]\-–—]*\s[\s.«»\"“”„'’()\[\]\-–—]*|[\-–—]")
_LAST_PART = re.compile(r"[^\W_]+$")
#: How many text words each term word remembers its verdict for.
VERDICTS_KEPT = 2048


@dataclass(frozen=True)
class _TermWord:
    """One word of a term: the text word matching it begins with ``key`` (normalised); the
    ``prefix`` (all but its last part, for a hyphenated word) must be there as it is, and the
    rest of the text word must be a form of ``last`` (:func:`agency.analysis.same_word`)."""

    prefix: str
    key: str
    last: str
    identity: frozenset[str]
    #: text word -> whether it is a form of ``last``: texts repeat their words.
    verdicts: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, word: str) -> "_TermWord":
        last = _LAST_PART.search(word).group()
        prefix = normalize(word[: len(word) - len(last)])
        return cls(prefix, prefix + forms_prefix(last), last, word_identity(last))

    def ends_at(self, text: str, norm: str, start: int) -> int | None:
        """Where the text word starting at ``start`` ends if it is a form of this word (the
        normalised text at ``start`` being known to begin with ``key``), else None."""
        end = _WORD_TAIL.match(norm, start + len(self.key)).end()
        word = text[start + len(self.prefix) : end]
        verdict = self.verdicts.get(word)
        if verdict is None:
            verdict = not word_identity(word).isdisjoint(self.identity) and same_word(
                word, self.last
            )
            if len(self.verdicts) < VERDICTS_KEPT:
                self.verdicts[word] = verdict
        return end if verdict else None


class StopList:
    """Editor-managed phrases matched in one Aho-Corasick pass, tolerating inflection.

    Matching ignores case, ё/е and the Kazakh letters (:func:`normalize`). A term is split into
    words (letters and digits, with inner hyphens or apostrophes); in the text its words must be
    separated by whitespace, optionally with quotes, brackets, hyphens or full stops (so
    «ТОО "Ақ Жол"» matches the term ``ТОО Ақ Жол``). Each word matches a whole text word that
    is a form of it by the state body's one analyser, :func:`agency.analysis.same_word`: the
    Kazakh suffix grammar, Russian name and Snowball stems, English Snowball. So Нұрлан matches
    Нұрланға and Нурланга, Иванов Сергей matches Ивановым Сергеем, министрлігі matches
    министрлігінің; ``Иван`` does not match «Иванов», Нұрлан not «Нұрланұлы», ``кот`` not
    «котлета». The rule is the same for every term whatever its language (a Russian surname
    takes Kazakh endings in Kazakh text); ``language`` only decides which texts a term applies
    to. The analyser reads the words as written in the text (offsets in the normalised text
    are offsets in the original), and compares its stems folded.

    The automaton is keyed by what every form of each term's first word begins with
    (:func:`agency.analysis.forms_prefix`). Where a key occurs at a word start, the text word
    is analysed once per distinct first word (analyses are cached) and the second word is
    looked up by its key in a dict, so the cost per occurrence does not grow with the number of
    terms sharing a first word (10,000 terms stay fast).
    """

    def __init__(self, terms: Iterable[StopTerm]):
        self._terms: list[StopTerm] = []
        # key of the first word -> the first word -> group of terms
        by_key: dict[str, dict[_TermWord, _TermGroup]] = {}
        for term in terms:
            words = tuple(_TermWord.of(word) for word in _TERM_WORD.findall(term.phrase))
            if not words:
                continue
            index = len(self._terms)
            self._terms.append(term)
            group = by_key.setdefault(words[0].key, {}).setdefault(words[0], _TermGroup())
            group.add(index, words)
        self._automaton = ahocorasick.Automaton()
        for key, groups in by_key.items():
            word = key if key in VOCABULARY else ""
            self._automaton.add_word(key, (len(key), tuple(groups.items()), word))
        for word in VOCABULARY:
            if word not in by_key:
                self._automaton.add_word(word, (len(word), (), word))
        self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._terms)

    def find(self, text: str, languages: Collection[str] | None = None) -> list[Finding]:
        """Return a finding for every term occurring in ``text``.

        ``languages`` limits the search to terms for those languages (and terms for any
        language); None searches all terms.
        """
        return self.scan_normalised(text, normalize(text), languages)[0]

    def scan_normalised(
        self, text: str, norm: str, languages: Collection[str] | None
    ) -> tuple[list[Finding], dict[str, list[int]]]:
        """Stop-list findings in ``text`` (``norm`` being ``normalize(text)``), and where the
        scanner's own vocabulary occurs in it, in one pass."""
        matches: list[tuple[int, int, int]] = []
        vocabulary: dict[str, list[int]] = {}
        for last, (length, groups, word) in self._automaton.iter(norm):
            start = last - length + 1
            if word:
                vocabulary.setdefault(word, []).append(start)
                if not groups:
                    continue
            if start:
                before = norm[start - 1]
                if before.isalnum() or before == "_":
                    continue
            for term_word, group in groups:
                end = term_word.ends_at(text, norm, start)
                if end is not None:
                    group.collect(text, norm, start, end, matches)
        found = []
        for index, start, end in matches:
            term = self._terms[index]
            if languages is not None and term.language and term.language not in languages:
                continue
            found.append(
                make_finding(
                    "stop_list",
                    term.rule,
                    text,
                    start,
                    end,
                    severity=term.severity,
                    legal_basis=term.legal_basis,
                )
            )
        return found, vocabulary


class _TermGroup:
    """Terms sharing a first word: one-word terms, and longer ones by the key of word two."""

    __slots__ = ("next_lengths", "by_next", "single")

    def __init__(self):
        self.single: list[int] = []
        self.by_next: dict[str, list[tuple[int, tuple[_TermWord, ...]]]] = {}
        self.next_lengths: set[int] = set()

    def add(self, index: int, words: tuple[_TermWord, ...]) -> None:
        if len(words) == 1:
            self.single.append(index)
            return
        self.by_next.setdefault(words[1].key, []).append((index, words[1:]))
        self.next_lengths.add(len(words[1].key))

    def collect(self, text: str, norm: str, start: int, word_end: int, matches: list) -> None:
        if self.single:
            matches.extend((index, start, word_end) for index in self.single)
        if not self.by_next:
            return
        gap = _WORD_GAP.match(norm, word_end)
        if not gap:
            return
        following = _WORD_TAIL.match(norm, gap.end()).group()
        for length in self.next_lengths:
            if length > len(following):
                continue
            for index, rest in self.by_next.get(following[:length], ()):
                end = _match_words(text, norm, gap.end(), rest)
                if end is not None:
                    matches.append((index, start, end))


def _match_words(text: str, norm: str, position: int, words: tuple[_TermWord, ...]) -> int | None:
    """End of ``words`` matched from ``position`` (a word start), or None."""
    for number, word in enumerate(words):
        if number:
            gap = _WORD_GAP.match(norm, position)
            if not gap:
                return None
            position = gap.end()
        if not norm.startswith(word.key, position):
            return None
        end = word.ends_at(text, norm, position)
        if end is None:
            return None
        position = end
    return position
