"""The words the markings and minors detectors look for first.

They are found in the same Aho-Corasick pass as the stop-list terms (``StopList`` adds them to
its automaton), or in this small automaton when there is no stop list: one pass instead of
dozens of substring searches.
"""

import ahocorasick

from .markings import MARKING_NEEDLES
from .minors import ROLE_WORDS

VOCABULARY = tuple(
    sorted(
        {
            *MARKING_NEEDLES,
            "дсп",
            "кбп",
            "№",
            *(stem.split()[0] for stems in ROLE_WORDS.values() for stem in stems),
        }
    )
)


def _vocabulary_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in VOCABULARY:
        automaton.add_word(word, (len(word), (), word))
    automaton.make_automaton()
    return automaton


VOCABULARY_AUTOMATON = _vocabulary_automaton()


def vocabulary_positions(norm: str) -> dict[str, list[int]]:
    """Where each vocabulary word starts in ``norm`` (normalised text)."""
    positions: dict[str, list[int]] = {}
    for last, (length, _groups, word) in VOCABULARY_AUTOMATON.iter(norm):
        positions.setdefault(word, []).append(last - length + 1)
    return positions
