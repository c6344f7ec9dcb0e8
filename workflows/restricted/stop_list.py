"""Stop-list terms: editor-managed phrases, matched tolerating inflection (see :class:`StopList`)."""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import ahocorasick

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


def _endings(words: str) -> tuple[str, ...]:
    return tuple(words.split())


# Endings are written normalised (ң→н, ғ→г, і→и…). Surname- and patronymic-forming suffixes
# (-ов, -ев, -ин, -ұлы) are left out on purpose.
_RU_ENDINGS = _endings(
    "а я у ю ом ем ой ей е и ы ам ям ами ями ах ях ь ью ьи ья ье ьей ьем ьям ьями ьях ии ия ию "
    "ией иям иями иях ий ого его ому ему ым им ыми ими ую юю ая яя ое ее ые ие ых их ою ею"
)
_EN_ENDINGS = _endings("s es")
_KK_AFTER_POSSESSIVE = _endings("нын нин на не н нда нде нан нен мен ндагы ндеги")
_KK_PLURAL_CASES = (
    "",
    *_endings("дын дин га ге ды ди да де дан ден мен ы и ынын инин ына ине ын ин ында инде"),
    *_endings("ынан инен ымен имен"),
)
_KK_AFTER_CONSONANT = frozenset(
    {
        *_endings("нын нин дын дин тын тин га ге ка ке ды ди ты ти да де та те дан ден тан тен"),
        *_endings("нан нен мен бен пен менен ша ше дай дей тай тей дагы деги тагы теги"),
        *_endings("ым им ымыз имиз"),
        *(p + c for p in ("ы", "и") for c in ("", *_KK_AFTER_POSSESSIVE)),
        *(p + c for p in _endings("лар лер дар дер тар тер") for c in _KK_PLURAL_CASES),
    }
)
_KK_AFTER_VOWEL = frozenset(
    {
        *_endings("нын нин дын дин га ге ны ни ды ди да де дан ден мен менен ша ше дай дей"),
        *_endings("дагы деги м мыз миз"),
        *_KK_AFTER_POSSESSIVE,
        *(p + c for p in ("сы", "си") for c in ("", *_KK_AFTER_POSSESSIVE)),
        *(p + c for p in ("лар", "лер") for c in _KK_PLURAL_CASES),
    }
)
_AFTER_STEM = frozenset({"", *_RU_ENDINGS, *_EN_ENDINGS, *_KK_AFTER_CONSONANT})
_REPLACING = frozenset({*_RU_ENDINGS, *_EN_ENDINGS})
_AFTER_VOWEL = frozenset({"", *_KK_AFTER_VOWEL})
_STRIPPABLE = frozenset("аеиоуыэюяaeiouyйь")
_TERM_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_WORD_TAIL = re.compile(r"[^\W_]*")
_WORD_GAP = re.compile(r"[\s.«»\"“”„'’()\[\]\-–—]*\s[\s.«»\"“”„'’()\[\]\-–—]*|[\-–—]")


def _stem(word: str) -> tuple[str, str]:
    if len(word) >= 4 and word[-1] in _STRIPPABLE:
        return word[:-1], word[-1]
    return word, ""


def _ending_ok(suffix: str, stripped: str) -> bool:
    if not stripped:
        return suffix in _AFTER_STEM
    if suffix in _REPLACING:
        return True
    return suffix[:1] == stripped and suffix[1:] in _AFTER_VOWEL


class StopList:
    """Editor-managed phrases matched in one Aho-Corasick pass, tolerating inflection.

    Matching ignores case, ё/е and the Kazakh letters (:func:`normalize`). A term is split into
    words (letters and digits, with inner hyphens or apostrophes); in the text its words must be
    separated by whitespace, optionally with quotes, brackets, hyphens or full stops (so
    «ТОО "Ақ Жол"» matches the term ``ТОО Ақ Жол``). Each word matches at a word start and must
    end where the text word ends, after an allowed ending:

    * a word of 4+ letters ending in a vowel, й or ь loses that letter to form its stem; the
      stem is followed either by a Russian (or English) ending that replaces the letter
      (Сергей → Сергея, Сергеем; Анна → Анны) or by the letter itself and a Kazakh ending that
      goes after a vowel (Алматы → Алматының, Алматыға; облысы → облысының);
    * any other word is its own stem, followed by nothing, a Russian/English ending or a Kazakh
      ending that goes after a consonant (Нұрлан → Нұрланға, Нұрланның; Иванов → Ивановым).

    The endings are closed lists of case, number and possessive forms; surname- and
    patronymic-forming suffixes (-ов, -ев, -ин, -ұлы) are deliberately absent, so ``Иван`` does not
    match «Иванов» and ``кот`` does not match «котлета». The ending rule is the same for every
    term whatever its language (a Russian surname takes Kazakh endings in Kazakh text);
    ``language`` only decides which texts a term applies to.

    The automaton is keyed by the stem of each term's first word. Where a key occurs at a word
    start, the first word's ending is checked once per group of terms and the second word is
    looked up by its stem in a dict, so the cost per occurrence does not grow with the number of
    terms sharing a first word (10,000 terms stay fast).
    """

    def __init__(self, terms: Iterable[StopTerm]):
        self._terms: list[tuple[StopTerm, tuple[tuple[str, str], ...]]] = []
        # first stem -> stripped letter of the first word -> group of terms
        by_stem: dict[str, dict[str, _TermGroup]] = {}
        for term in terms:
            words = tuple(_stem(word) for word in _TERM_WORD.findall(normalize(term.phrase)))
            if not words:
                continue
            index = len(self._terms)
            self._terms.append((term, words))
            first_stem, first_stripped = words[0]
            group = by_stem.setdefault(first_stem, {}).setdefault(first_stripped, _TermGroup())
            group.add(index, words)
        self._automaton = ahocorasick.Automaton()
        for stem, groups in by_stem.items():
            word = stem if stem in VOCABULARY else ""
            self._automaton.add_word(stem, (len(stem), tuple(groups.items()), word))
        for word in VOCABULARY:
            if word not in by_stem:
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
        word_tail = _WORD_TAIL.match
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
            tail = word_tail(norm, last + 1)
            suffix = tail.group()
            for stripped, group in groups:
                if _ending_ok(suffix, stripped):
                    group.collect(norm, start, tail.end(), matches)
        found = []
        for index, start, end in matches:
            term = self._terms[index][0]
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
    """Terms sharing a first word: one-word terms, and longer ones by the stem of word two."""

    __slots__ = ("next_lengths", "by_next", "single")

    def __init__(self):
        self.single: list[int] = []
        self.by_next: dict[str, list[tuple[int, tuple[tuple[str, str], ...]]]] = {}
        self.next_lengths: set[int] = set()

    def add(self, index: int, words: tuple[tuple[str, str], ...]) -> None:
        if len(words) == 1:
            self.single.append(index)
            return
        self.by_next.setdefault(words[1][0], []).append((index, words[1:]))
        self.next_lengths.add(len(words[1][0]))

    def collect(self, norm: str, start: int, word_end: int, matches: list) -> None:
        if self.single:
            matches.extend((index, start, word_end) for index in self.single)
        if not self.by_next:
            return
        gap = _WORD_GAP.match(norm, word_end)
        if not gap:
            return
        following = _WORD_TAIL.match(norm, gap.end()).group()
        for length in self.next_lengths:
            for index, rest in self.by_next.get(following[:length], ()):
                end = _match_words(norm, gap.end(), rest)
                if end is not None:
                    matches.append((index, start, end))


def _match_words(norm: str, position: int, words: tuple[tuple[str, str], ...]) -> int | None:
    """End of ``words`` matched from ``position`` (a word start), or None."""
    for number, (stem, stripped) in enumerate(words):
        if number:
            gap = _WORD_GAP.match(norm, position)
            if not gap:
                return None
            position = gap.end()
        if not norm.startswith(stem, position):
            return None
        tail = _WORD_TAIL.match(norm, position + len(stem))
        if not _ending_ok(tail.group(), stripped):
            return None
        position = tail.end()
    return position
