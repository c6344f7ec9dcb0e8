"""Fingerprints of items, to tell that two of them are copies of one story. No database here.

Two items are copies when their titles are the same once normalised (case, punctuation, ``ё``),
or when their title and text share most of their three-word shingles. The shingles are hashed
to 64 bits, and an item keeps the ``SKETCH_SIZE`` smallest hashes (a bottom-k sketch): the share
of the smallest hashes of both sketches together that are in each estimates the Jaccard
similarity of the two shingle sets. A story is indexed by its ``INDEX_KEYS`` smallest hashes
and its title's hash: a copy shares at least one of them with near certainty, so it is found by
an indexed lookup, and the sketches then decide.
"""

import hashlib
import re
from dataclasses import dataclass

SKETCH_SIZE = 32
INDEX_KEYS = 4
SHINGLE = 3
#: Two sketches this similar are one story.
SIMILARITY = 0.4
#: Titles shorter than this many words are too generic to join stories by themselves.
TITLE_WORDS = 4
#: At most this many words of title and text go into the sketch.
MAX_WORDS = 400

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, ``ё`` read as ``е``."""
    return _WORD.findall(text.casefold().replace("ё", "е"))


def hash64(text: str) -> int:
    """A stable signed 64-bit hash (it fits a ``BigIntegerField``)."""
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass(frozen=True)
class Fingerprint:
    """``title_key`` (empty for a short title), ``sketch`` (sorted hashes) and the ``keys`` a
    story is indexed by."""

    title_key: str
    sketch: tuple[int, ...]
    keys: tuple[int, ...]


def fingerprint(title: str, text: str = "") -> Fingerprint:
    """The fingerprint of an item with ``title`` and ``text`` (its summary or article)."""
    title_words = words(title)
    title_key = ""
    keys = []
    if len(title_words) >= TITLE_WORDS:
        normal = " ".join(title_words)
        title_key = hashlib.sha1(normal.encode(), usedforsecurity=False).hexdigest()
        keys.append(hash64("title:" + normal))
    tokens = (title_words + words(text))[:MAX_WORDS]
    if len(tokens) >= SHINGLE:
        shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    else:
        shingles = {" ".join(tokens)} if tokens else set()
    sketch = tuple(sorted({hash64(shingle) for shingle in shingles})[:SKETCH_SIZE])
    keys.extend(sketch[:INDEX_KEYS])
    return Fingerprint(title_key=title_key, sketch=sketch, keys=tuple(dict.fromkeys(keys)))


def similarity(first, second) -> float:
    """The Jaccard similarity that two sketches estimate (0 to 1)."""
    if not first or not second:
        return 0.0
    one, other = set(first), set(second)
    union = sorted(one | other)[:SKETCH_SIZE]
    shared = sum(1 for value in union if value in one and value in other)
    return shared / len(union)


def same_story(first: Fingerprint, title_key: str, sketch) -> bool:
    """Whether an item with ``first`` is a copy of a story with ``title_key`` and ``sketch``."""
    if first.title_key and first.title_key == title_key:
        return True
    return similarity(first.sketch, sketch) >= SIMILARITY
