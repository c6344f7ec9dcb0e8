"""An item's language: what the feed declares, or what the text shows.

Detection uses lingua restricted to Kazakh, Russian and English (it knows Kazakh, which many
detectors do not). The detector is built once per process, on first use: building it and
loading its models takes a moment and some memory.
"""

import threading

from lingua import Language as LinguaLanguage
from lingua import LanguageDetectorBuilder

SUPPORTED = ("kk", "ru", "en")
_CODES = {
    LinguaLanguage.KAZAKH: "kk",
    LinguaLanguage.RUSSIAN: "ru",
    LinguaLanguage.ENGLISH: "en",
}
_ALIASES = {"kaz": "kk", "kz": "kk", "rus": "ru", "eng": "en"}
#: Below this distance between the likeliest two languages the text is too short to tell.
MINIMUM_DISTANCE = 0.05

_detector = None
_lock = threading.Lock()


def detector():
    """The process's detector, built on first use."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = (
                    LanguageDetectorBuilder.from_languages(*_CODES)
                    .with_minimum_relative_distance(MINIMUM_DISTANCE)
                    .build()
                )
    return _detector


def declared(code: str | None) -> str:
    """A declared language (``kk``, ``ru-RU``, ``kaz`` ...) as ``kk``, ``ru`` or ``en``; empty
    for any other."""
    if not code:
        return ""
    primary = code.strip().lower().replace("_", "-").split("-", 1)[0]
    primary = _ALIASES.get(primary, primary)
    return primary if primary in SUPPORTED else ""


def detect(text: str) -> str:
    """``kk``, ``ru`` or ``en`` for ``text``, or empty when it cannot tell."""
    if not text or not any(character.isalpha() for character in text):
        return ""
    return _CODES.get(detector().detect_language_of(text), "")


def detect_many(texts: list[str]) -> list[str]:
    """:func:`detect` for many texts at once, on all the processor's cores."""
    if not texts:
        return []
    found = detector().detect_languages_in_parallel_of(list(texts))
    return [_CODES.get(language, "") for language in found]
