"""Site search by word stems: any form of a word finds the same pages.

Neither SQLite nor PostgreSQL knows Kazakh, so the words are stemmed in Python
(``agency.analysis``): each searched field is indexed twice, as written (the
admin's search) and as the stems of its words in the page's language
(:class:`AnalysedSearchField`). A visitor's query is stemmed the same way and
searched for those stems; PostgreSQL uses its ``simple`` configuration so it
does not stem them again.

- Unquoted words: a page must have every word's stem (stop words such as "және"
  or "и" are left out of this). When no page has them all, the pages with any of
  them are shown, ranked so that more matching words come first, and the page
  says so.
- Words in double quotes («», “”) must appear together, in that order.
- When nothing has all the words, a word the pages of that language do not hold
  is replaced by the closest one they do ("did you mean"). The vocabulary is
  built from the live pages on the first such search and cached until the next
  publication.
"""

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache

from wagtail.search import index
from wagtail.search.query import And, Or, Phrase, PlainText

from agency.analysis import WORD_RE, analyse, stem, tokenise
from agency.cache import current_generation

QUOTED_RE = re.compile(r'"([^"]*)"?|«([^»]*)»?|“([^”]*)”?')
VOCABULARY_SECONDS = 24 * 60 * 60
SUGGESTION_CUTOFF = 0.75

STOP_WORDS = {
    language: frozenset(words.split(" "))
    for language, words in {
        "kk": "және мен да де та те бен пен үшін бойынша туралы бұл осы ол не немесе әрі",
        "ru": "и в во на с со по к ко о об от для из за что как а но или не же ли",
        "en": "the a an and or of to in on for with is are was by at as from",
    }.items()
}


def page_language(page) -> str:
    return page.locale.language_code


def searchable_text(value) -> str:
    """The plain text of a field value as search fields give it (a string, or a list of them)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, (list, tuple, type({}.values()))):
        return " ".join(searchable_text(item) for item in value)
    return str(value)


class AnalysedSearchField(index.SearchField):
    """A field indexed as the stems of its words, in the language of the page.

    It goes beside the plain ``SearchField`` of the same field: the index keeps
    both because their types differ, and a field named ``title`` still goes to
    the index's title column, which ranks higher.
    """

    def raw_text(self, obj) -> str:
        return searchable_text(super().get_value(obj))

    def get_value(self, obj):
        return " ".join(analyse(self.raw_text(obj), page_language(obj)))


def analysed_fields(*names, title_boost=2):
    """``AnalysedSearchField`` entries for the title and the named fields."""
    return [
        AnalysedSearchField("title", boost=title_boost),
        *(AnalysedSearchField(name) for name in names),
    ]


@dataclass
class ParsedQuery:
    """A visitor's query as stems: loose words and quoted phrases."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)

    def parts(self):
        return [PlainText(word) for word in self.words] + [
            Phrase(" ".join(phrase)) for phrase in self.phrases
        ]


def parse_query(query: str, language: str) -> ParsedQuery:
    phrases = []

    def take_phrase(match):
        text = next(group for group in match.groups() if group is not None)
        stems = analyse(text, language)
        if len(stems) > 1:
            phrases.append(stems)
            return " "
        return f" {text} "

    loose = QUOTED_RE.sub(take_phrase, query)
    stop_words = STOP_WORDS.get(language, frozenset())
    words = tokenise(loose, language)
    kept = [word for word in words if word not in stop_words] or words
    stems = list(dict.fromkeys(stem(word, language) for word in kept))
    return ParsedQuery(words=stems, phrases=phrases)


@dataclass
class SearchOutcome:
    """What a search found, and how to tell the visitor about it."""

    results: object
    all_words: bool = True
    suggestion: str = ""


def search_pages(queryset, query: str, language: str, vocabulary_key: str) -> SearchOutcome:
    """Search ``queryset`` (live pages of one language) for a visitor's query.

    ``vocabulary_key`` names the set of pages for the cached vocabulary of
    "did you mean" (for example ``"site"`` or ``"faq:12"``).
    """
    parts = parse_query(query, language).parts()
    if not parts:
        return SearchOutcome(results=queryset.none())
    combined = parts[0] if len(parts) == 1 else And(parts)
    results = queryset.search(combined)
    if results.count():
        return SearchOutcome(results=results)
    suggestion = suggest(query, language, queryset, vocabulary_key)
    if len(parts) > 1:
        some = queryset.search(Or(parts))
        if some.count():
            return SearchOutcome(results=some, all_words=False, suggestion=suggestion)
    return SearchOutcome(results=results, suggestion=suggestion)


@dataclass
class Vocabulary:
    """The words of a set of pages: every written form, and each stem's most frequent form."""

    forms: list[str]
    by_stem: dict[str, str]


def build_vocabulary(pages, language: str) -> Vocabulary:
    forms = defaultdict(Counter)
    for page in pages:
        for search_field in page.get_search_fields():
            if isinstance(search_field, AnalysedSearchField):
                for word in tokenise(search_field.raw_text(page), language):
                    if not word.isdigit():
                        forms[stem(word, language)][word] += 1
    return Vocabulary(
        forms=sorted({word for counts in forms.values() for word in counts}),
        by_stem={word_stem: counts.most_common(1)[0][0] for word_stem, counts in forms.items()},
    )


def vocabulary(queryset, language: str, key: str) -> Vocabulary:
    cache_key = f"search-vocabulary:{current_generation()}:{language}:{key}"
    known = cache.get(cache_key)
    if known is None:
        known = build_vocabulary(queryset.specific(), language)
        cache.set(cache_key, known, VOCABULARY_SECONDS)
    return known


def _closest(word: str, language: str, known: Vocabulary) -> str:
    word_stem = stem(word, language)
    if word_stem in known.by_stem or word.isdigit() or len(word) < 3:
        return word
    close = difflib.get_close_matches(word, known.forms, n=1, cutoff=SUGGESTION_CUTOFF)
    if close:
        return close[0]
    close = difflib.get_close_matches(word_stem, known.by_stem, n=1, cutoff=SUGGESTION_CUTOFF)
    return known.by_stem[close[0]] if close else word


def suggest(query: str, language: str, queryset, key: str) -> str:
    """The query with each unknown word replaced by the closest known one; "" if none is."""
    known = vocabulary(queryset, language, key)
    if not known.forms:
        return ""
    changed = False

    def replace(match):
        nonlocal changed
        word = match.group().lower()
        closest = _closest(word, language, known)
        changed = changed or closest != word
        return closest if closest != word else match.group()

    suggestion = WORD_RE.sub(replace, query)
    return suggestion if changed else ""
