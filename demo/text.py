"""Trilingual strings and ASCII slugs for the demo content."""

import re
from dataclasses import dataclass

from django.utils.text import slugify

LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class L:
    """One piece of text in Kazakh (the source language), Russian and English."""

    kk: str
    ru: str
    en: str

    def __getitem__(self, code: str) -> str:
        return getattr(self, code)

    def format(self, **kwargs) -> "L":
        return L(*(self[code].format(**kwargs) for code in LANGUAGES))


# Kazakh letters first: they are not in the Russian table. The result only
# has to be a readable ASCII slug (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``).
_CYRILLIC_TO_LATIN = {
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

SLUG_MAX_WORDS = 8


def transliterate(text: str) -> str:
    """Kazakh or Russian Cyrillic to plain Latin letters; other characters pass through."""
    return "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def slug_for(text: str, suffix: str = "") -> str:
    """A short ASCII slug from a title in any of the three languages."""
    words = re.findall(r"[a-z0-9]+", transliterate(text))
    slug = slugify("-".join(words[:SLUG_MAX_WORDS]))
    return f"{slug}-{suffix}" if suffix else slug
