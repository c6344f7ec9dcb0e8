"""Words and their stems in Kazakh, Russian and English, for search and word lists.

One analyser for the whole state body: the public search indexes and queries
stems from here, and a stop-list or a media watch can match any form of a word
by comparing stems. Russian and English use the Snowball stemmers
(``snowballstemmer``). No Snowball stemmer exists for Kazakh, so Kazakh has a
suffix grammar of its own: Kazakh is agglutinative, a noun is
``stem + plural + possessive + case`` (журналист-тер-ге, министрлі-гі-нің),
and the grammar strips those endings from the end of the word, longest first
and repeatedly, keeping derivations (-лық/-лік…) as part of the stem.

The Kazakh grammar aims at consistency, not at dictionary lemmas: every form of
a word must give the same stem (журналист, журналистерге → журналис), and
unrelated words different stems. It never leaves a stem shorter than three
letters, so short words (заң, үй) stay whole.

Proper names need more care in Russian. Snowball knows Russian words, not
Kazakh names: it reads the -ан of Нурлан and Казахстан as a verb ending
(нурла, but Нурланом → нурлан), the -ым of Досым as an adjective's, and the
-ов of a surname as a genitive plural, so Ахметов gives ахмет while Ахметову
gives ахметов. A name declines like a noun or an adjective and nothing else, so
:func:`name_stem` takes off only such case endings. :func:`stem_as_written`
picks it for a capitalised Russian word of a text; a word list that must find
names (the media watch) stems its own words both ways (see
:func:`looks_like_surname`).
"""

import os
import re
from functools import lru_cache

import snowballstemmer

SNOWBALL_LANGUAGES = {"ru": "russian", "en": "english"}

WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# у and й end a syllable like consonants do: оқу-ға, оқу-дың, түзету-і.
KK_VOWELS = frozenset("аәеёиоөұүыіэюя")
KK_MIN_STEM = 3
# A one-letter consonant ending (м, ң, н) is the most ambiguous: адам is not ада + м.
KK_MIN_STEM_AFTER_ONE_CONSONANT = 4


def _after_consonant(stem: str) -> bool:
    return bool(stem) and stem[-1] not in KK_VOWELS


def _after_vowel(stem: str) -> bool:
    return bool(stem) and stem[-1] in KK_VOWELS


def _after_full_vowel(stem: str) -> bool:
    """A vowel other than ы/і: облысы is облыс + ы (жұмысы, мәжілісі), not облы + сы, while
    жобасы and жүйесі are жоба + сы and жүйе + сі. Few nouns end in ы or і; many end in -ыс/-іс.
    """
    return _after_vowel(stem) and stem[-1] not in "ыі"


def _after_vowel_or_nasal(stem: str) -> bool:
    return bool(stem) and (stem[-1] in KK_VOWELS or stem[-1] in "мнң")


def _after_possessive(stem: str) -> bool:
    """The pronominal -н- cases follow a third-person possessive -ы/-і."""
    return bool(stem) and stem[-1] in "ыі"


def _after_first_or_second_person(stem: str) -> bool:
    """The bare dative -а/-е follows a possessive -ым/-ім/-ың/-ің (үйіме, ісіңе).

    After -ам/-ан… it is not taken: бағдарлама and бастама are whole words.
    """
    return len(stem) >= 2 and stem[-1] in "мң" and stem[-2] in "ыі"


def _third_person_after_consonant(stem: str) -> bool:
    """-ы/-і after a consonant, but not the adjective ending -ғы/-гі (жылғы, бүгінгі)."""
    if not _after_consonant(stem):
        return False
    return not (stem[-1] in "ғг" and len(stem) >= 2 and stem[-2] not in KK_VOWELS)


def _anywhere(stem: str) -> bool:
    return bool(stem)


def _endings(condition, *suffixes):
    return [(suffix, condition) for suffix in suffixes]


# Each slot lists (ending, condition on what precedes it). Endings starting with a
# voiceless т/қ/к/п follow a consonant; the -н- forms follow a vowel or a possessive.
KK_CASE = [
    *_endings(_after_vowel_or_nasal, "ның", "нің"),
    *_endings(_after_consonant, "дың", "дің", "тың", "тің"),
    *_endings(_after_consonant, "ға", "ге", "қа", "ке"),
    *_endings(_after_vowel, "ға", "ге"),
    *_endings(_after_possessive, "на", "не", "нда", "нде", "нан", "нен", "н"),
    *_endings(_after_first_or_second_person, "а", "е"),
    *_endings(_after_vowel, "ны", "ні"),
    *_endings(_after_consonant, "ды", "ді", "ты", "ті"),
    *_endings(_anywhere, "да", "де", "дан", "ден"),
    *_endings(_after_consonant, "та", "те", "тан", "тен"),
    *_endings(_after_vowel_or_nasal, "нан", "нен"),
    *_endings(_anywhere, "мен", "бен"),
    *_endings(_after_consonant, "пен"),
]
KK_POSSESSIVE = [
    *_endings(_after_consonant, "ымыз", "іміз", "ыңыз", "іңіз", "ым", "ім", "ың", "ің"),
    *_endings(_third_person_after_consonant, "ы", "і"),
    *_endings(_after_vowel, "мыз", "міз", "ңыз", "ңіз", "м", "ң"),
    *_endings(_after_full_vowel, "сы", "сі"),
]
KK_PLURAL = [
    *_endings(_anywhere, "лар", "лер", "дар", "дер"),
    *_endings(_after_consonant, "тар", "тер"),
]
KK_SLOTS = [
    sorted(slot, key=lambda ending: -len(ending[0])) for slot in (KK_CASE, KK_POSSESSIVE, KK_PLURAL)
]
# A voiced final consonant before a vowel ending returns to its dictionary form:
# министрлігі → министрліг → министрлік, кітабы → кітап.
KK_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}


def _strip_one(word: str, slot) -> str:
    for suffix, condition in slot:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        shortest = (
            KK_MIN_STEM_AFTER_ONE_CONSONANT
            if len(suffix) == 1 and suffix not in KK_VOWELS
            else KK_MIN_STEM
        )
        if len(stem) >= shortest and condition(stem):
            return stem
    return word


# Kazakh typed on a keyboard without its letters writes нын for ның, га for ға, ни for ні.
# A word with no Kazakh letter may carry these; the short ones that also end Russian names
# (и, ин, ын, им, н: Пушкин, Максим, Нурлан) are left out, and ка (Ивановка, Петровка), so
# such words stay whole.
KK_TYPED_ENDINGS = frozenset(
    ["нын", "нин", "дын", "дин", "тын", "тин", "га", "ни", "ди", "ти"]
    + ["ныз", "низ", "миз", "имиз", "иниз", "ыныз"]
)
# The Kazakh letters, and ё, as a keyboard without them types them (the stop-list's folding).
KK_LETTER_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def fold(word: str) -> str:
    """A lower-case word with the Kazakh letters and ё as a Russian keyboard types them."""
    return word.translate(KK_LETTER_FOLD)


def _typed_slot(slot):
    typed = [
        (folded, condition)
        for suffix, condition in slot
        if (folded := fold(suffix)) != suffix and folded in KK_TYPED_ENDINGS
    ]
    return sorted([*slot, *typed], key=lambda ending: -len(ending[0]))


KK_SLOTS_TYPED = [_typed_slot(slot) for slot in KK_SLOTS]


def _kazakh_stem(word: str, slots=KK_SLOTS) -> str:
    for _round in range(4):
        before = word
        for slot in slots:
            word = _strip_one(word, slot)
        if word == before:
            break
    if word[-1] in KK_DEVOICE:
        word = word[:-1] + KK_DEVOICE[word[-1]]
    if word.endswith("ст") and len(word) > KK_MIN_STEM + 1:
        # журналист + тер is written журналистер, + ке журналиске: the т drops out.
        word = word[:-1]
    return word


def _is_kazakh_ending(part: str) -> bool:
    """Whether a piece after a hyphen is only endings (ЭЦҚ-ны, 2025-жылғы is not)."""
    for slot in KK_SLOTS:
        for suffix, _condition in slot:
            if part == suffix:
                return True
    return False


@lru_cache(maxsize=8)
def _snowball(language: str):
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES[language])


@lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    """The stem of one lower-case word in ``kk``, ``ru`` or ``en`` (other languages: as is)."""
    if not word:
        return word
    if language == "kk":
        return _kazakh_stem(word)
    if language == "ru":
        word = word.replace("ё", "е")
    if language in SNOWBALL_LANGUAGES:
        return _snowball(language).stemWord(word)
    return word


# Case endings of Russian nouns and adjectives, longest first. The adjective endings -ым, -им,
# -ых, -их, -ыми, -ими count only after the consonants that end an adjective or a surname
# (Ахметовым, Пушкиных, Достоевским), so that Досым, Максим and Рахим stay whole. -ов, -ев and
# -ин are never endings: they belong to the surname.
RU_CASE_ENDINGS = (
    "а я о е ё у ю ы и ь й ом ем ём ой ою ам ям ами ями ах ях ия ии ию ие ией иям иями иях "
    "ье ья ью ьи ьей ьем ьям ьями ьях ого его ому ему ая яя ую юю ое ее ые ие ый ий"
)
RU_NAME_ENDINGS = sorted(RU_CASE_ENDINGS.split(), key=len, reverse=True)
RU_ADJECTIVE_ENDINGS = ("ыми", "ими", "ым", "им", "ых", "их")
RU_BEFORE_ADJECTIVE_ENDING = frozenset("вкнцшжчщ")
RU_SURNAME_RE = re.compile(
    r"[^\W\d_]{2,}(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ы|ых|ыми)?"
    r"|(?:ович|евич|ич|овн|евн|ичн)(?:а|у|ем|е|ой|ы|ну|ою)?"
    r"|(?:ск|цк)(?:ий|ая|ого|ой|ому|им|ом|ую|ие|их|ими))"
)


def _russian_name_stem(word: str) -> str:
    word = word.replace("ё", "е")
    for ending in RU_ADJECTIVE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= KK_MIN_STEM and stem[-1] in RU_BEFORE_ADJECTIVE_ENDING:
                return stem
            break
    for ending in RU_NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= KK_MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=20_000)
def name_stem(word: str, language: str) -> str:
    """The stem of one lower-case word read as a proper name (a person, a place, a body).

    In Russian only the case endings of nouns and adjectives come off: Ахметов, Ахметову,
    Ахметовым → ахметов; Нурлан, Нурланом → нурлан; Казахстан, Казахстане → казахстан. Kazakh
    and English names decline like any word, so there it is :func:`stem`.
    """
    if language == "ru" and word:
        return _russian_name_stem(word)
    return stem(word, language)


@lru_cache(maxsize=100_000)
def stem_as_written(word: str, language: str) -> str:
    """The stem of a word as written in a text: a capitalised Russian word is read as a name.

    A capitalised common word (the first of a sentence) mostly gets the same stem either
    way; a word list that must match it in both places registers both stems of its words.
    """
    if language == "ru" and word[:1].isupper():
        return name_stem(word.lower(), language)
    return stem(word.lower(), language)


def looks_like_surname(word: str, language: str) -> bool:
    """Whether a Russian word has the form of a surname or patronymic (Ахметов, Пушкина,
    Ахметович, Достоевский, in any case), whose plain :func:`stem` would be wrong."""
    return language == "ru" and RU_SURNAME_RE.fullmatch(word.lower()) is not None


def word_parts(word: str, language: str) -> list[tuple[str, int]]:
    """The parts of one word matched by ``WORD_RE``, as written, with their offsets in it.

    A hyphenated word gives its parts; in Kazakh an ending written after a hyphen (ЭЦҚ-ны)
    belongs to the part before it and is not a part of its own (see :func:`word_spans`).
    """
    if "-" not in word:
        return [(word.replace("’", "'"), 0)]
    parts = []
    offset = 0
    for part in word.replace("’", "'").split("-"):
        if not (parts and language == "kk" and _is_kazakh_ending(part.lower())):
            parts.append((part, offset))
        offset += len(part) + 1
    return parts


def word_spans(text: str, language: str) -> list[tuple[str, int, int]]:
    """The words of a text as written, with their character offsets: ``(word, start, end)``.

    They are the words of :func:`tokenise`, in the same order, before lower-casing. A Kazakh
    ending after a hyphen is inside the span of the word it belongs to (ЭЦҚ-ны is one span).
    """
    spans = []
    for match in WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        parts = word_parts(word, language)
        for index, (part, offset) in enumerate(parts):
            end = start + parts[index + 1][1] - 1 if index + 1 < len(parts) else match.end()
            spans.append((part, start + offset, end))
    return spans


def tokenise(text: str, language: str) -> list[str]:
    """The words of a text, lower-cased, letters and digits only.

    A hyphenated word gives its parts; in Kazakh an ending written after a hyphen
    (ЭЦҚ-ны, ХҚКО-да) belongs to the word before it and is dropped.
    """
    words = []
    for match in WORD_RE.finditer(text.lower()):
        first, *rest = match.group().replace("’", "'").split("-")
        words.append(first)
        words.extend(part for part in rest if not (language == "kk" and _is_kazakh_ending(part)))
    return words


def analyse(text: str, language: str) -> list[str]:
    """The stems of the words of a text, in order."""
    return [stem(word, language) for word in tokenise(text, language)]


CYRILLIC_RE = re.compile(r"[а-яёәғқңөұүһі]")


@lru_cache(maxsize=100_000)
def word_identity(word: str) -> frozenset[str]:
    """What identifies the word that ``word`` is a form of, under every analyser at once.

    Two words are forms of one word (:func:`same_word`) when they share an item. The items are
    the stems of the word, each tagged with its analyser and folded (:func:`fold`), so that a
    word typed without Kazakh letters is still recognised:

    * ``kk:`` the Kazakh grammar's stem. A word without Kazakh letters may carry endings typed
      without them (Нурланга, Нурланнын), unless it is shaped like a Russian surname (Иванин,
      Калинин are not genitives);
    * ``ru:`` the Russian name stem (:func:`name_stem`: case endings of nouns and adjectives);
    * ``rs:`` the Russian Snowball stem of a word written in lower case and not shaped like a
      surname (:func:`looks_like_surname`). A capitalised word is read as a name, as in
      :func:`stem_as_written`: Snowball takes the -им of Максим and the -ов of Иванов for
      endings, and the name stem already covers the cases of nouns and adjectives;
    * ``en:`` the English Snowball stem, for a word written in Latin letters (or digits).

    Every analyser applies whatever the language of the text: a Russian surname takes Kazakh
    endings in Kazakh text (Ивановқа), a Kazakh name Russian ones in Russian text (Нурлану).
    """
    lowered = word.lower()
    if not CYRILLIC_RE.search(lowered):
        return frozenset((f"en:{stem(lowered, 'en')}",))
    folded = fold(lowered)
    surname = looks_like_surname(folded, "ru")
    typed = not (surname or KAZAKH_LETTERS.intersection(lowered))
    kazakh = _kazakh_stem(lowered, KK_SLOTS_TYPED if typed else KK_SLOTS)
    items = [f"kk:{fold(kazakh)}", f"ru:{name_stem(folded, 'ru')}"]
    if word[:1].islower() and not surname:
        items.append(f"rs:{stem(folded, 'ru')}")
    return frozenset(items)


# A Russian feminine surname declines as an adjective: Иванова, Ивановой, Иванову. Its name stem
# is the masculine one, so the ending decides: Иванов and Ивановым are another person. -ы and -е
# stay allowed, for a first name of the same shape (Марина, Марины, Марине).
RU_FEMININE_SURNAME_RE = re.compile(r"[^\W\d_]{2,}(?:(?:ов|ев|ин|ын)(а)|(?:ск|цк)(ая))")
RU_FEMININE_FORMS = {
    "а": frozenset(("а", "ой", "ою", "у", "ы", "е")),
    "ая": frozenset(("ая", "ой", "ою", "ую")),
}


@lru_cache(maxsize=20_000)
def _feminine_surname(word: str) -> tuple[str, frozenset[str]] | None:
    """A capitalised word shaped like a Russian feminine surname: its stem and its endings."""
    if not word[:1].isupper():
        return None
    folded = fold(word.lower())
    match = RU_FEMININE_SURNAME_RE.fullmatch(folded)
    if match is None:
        return None
    ending = match.group(1) or match.group(2)
    return folded[: -len(ending)], RU_FEMININE_FORMS[ending]


def same_word(word: str, other: str) -> bool:
    """Whether ``word`` (of a text) is a form of the single word ``other``, in kk, ru or en.

    They share an item of :func:`word_identity`: Нұрлан gives Нұрланға, Нурланга and Нурлану;
    Иванов gives Ивановым and Ивановтың; облысы gives облысының; Иван does not give Иванов,
    Иванов not Ивановский, Нұрлан not Нұрланұлы. One case is one-way: a capitalised feminine
    surname gives only its own forms (Иванова: Ивановой, Иванову, Ивановаға), not the
    masculine Иванов or Ивановым. Case, ё/е and the Kazakh letters do not matter.
    """
    identity, other_identity = word_identity(word), word_identity(other)
    shared = identity & other_identity
    if not shared:
        return False
    feminine = _feminine_surname(other)
    if feminine is None or any(item.startswith("kk:") for item in shared):
        return True
    stem_, endings = feminine
    folded = fold(word.lower())
    return folded.startswith(stem_) and folded[len(stem_) :] in endings


@lru_cache(maxsize=20_000)
def forms_prefix(word: str) -> str:
    """What every form of ``word`` (by :func:`same_word`) begins with, folded.

    A stem is where a word's forms begin, except that a Kazakh stem may end in a devoiced
    letter (кітап, кітабы) and an English one in an i for a y (ministry → ministri) or be
    die, lie, tie (dying). A matcher finds the candidates for a word by this prefix and asks
    :func:`same_word` about each.
    """
    lowered = word.lower()
    folded = fold(lowered)
    prefix = folded
    for item in word_identity(word):
        analyser, item_stem = item.split(":", 1)
        if analyser == "en":
            folded_stem = item_stem
            if item_stem in ("die", "lie", "tie"):
                folded_stem = item_stem[:1]
            elif item_stem.endswith(("i", "e")):
                folded_stem = item_stem[:-1]
        else:
            folded_stem = item_stem
            if analyser == "kk" and item_stem[-1:] in "пк" and len(item_stem) > 1:
                folded_stem = item_stem[:-1]
        prefix = os.path.commonprefix([prefix, folded_stem])
    return prefix or folded[:1]
