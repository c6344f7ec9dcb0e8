"""News items composed from sentence fragments, for benchmark-sized demos.

Each item combines a region, an event with numbers and a few general
sentences (the fragments are in ``data/<language>/generated.yaml``), in all
three languages at once, so the Russian and English versions say the same as
the Kazakh one. Fragments are whole sentences: numbers and region names never
need grammatical agreement (Russian numerals are drawn so that the genitive
plural is always correct).
"""

import random
from dataclasses import dataclass

from .content import EVENTS, GENERAL_SENTENCES, REGIONS
from .text import LANGUAGES, L


def _genitive_plural_number(rng: random.Random, low: int, high: int) -> int:
    """A number in [low, high] after which Russian uses the genitive plural (5–20, 25…)."""
    while True:
        number = rng.randint(low, high)
        if number % 10 in (0, 5, 6, 7, 8, 9) or 11 <= number % 100 <= 14:
            return number


@dataclass(frozen=True)
class GeneratedNews:
    title: L
    lead: L
    paragraphs: tuple[L, L]
    topic: str


def generated_news(index: int) -> GeneratedNews:
    """The ``index``-th composed news item; the same index always gives the same text."""
    rng = random.Random(index)  # noqa: S311 (repeatable demo text, not security)
    region = rng.choice(REGIONS)
    event = rng.choice(EVENTS)
    numbers = {
        "n": _genitive_plural_number(rng, 5, 250),
        "m": _genitive_plural_number(rng, 5, 30),
    }
    general = rng.sample(GENERAL_SENTENCES, 3)

    def combine(*parts: L) -> L:
        return L(*(" ".join(part[code] for part in parts) for code in LANGUAGES))

    return GeneratedNews(
        title=L(*(event.title[code].format(region=region[code], **numbers) for code in LANGUAGES)),
        lead=event.lead,
        paragraphs=(combine(event.detail.format(**numbers), general[0]), combine(*general[1:])),
        topic=event.topic,
    )
