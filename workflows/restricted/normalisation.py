"""Text as the vocabulary detectors read it.

Markings, minors and stop-list terms are matched on the text :func:`normalize` folds, which
keeps the length of the original, so every offset found in it slices the original too.
"""

# str.replace per letter is an order of magnitude faster than str.translate on Cyrillic text.
_FOLD = (
    ("ё", "е"),
    ("ә", "а"),
    ("ғ", "г"),
    ("қ", "к"),
    ("ң", "н"),
    ("ө", "о"),
    ("ұ", "у"),
    ("ү", "у"),
    ("һ", "х"),
    ("і", "и"),
)


def normalize(text: str) -> str:
    """Fold case, ё/е and Kazakh letters, keeping the length (offsets stay valid).

    A character whose lower case is longer than one character (İ) is kept as it is.
    Latin look-alikes of Cyrillic letters are not folded.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or "Σ" in text:
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    for letter, folded in _FOLD:
        if letter in lowered:
            lowered = lowered.replace(letter, folded)
    return lowered


def is_word_char(char: str) -> bool:
    """Whether ``char`` is a letter, digit or underscore: no match starts or ends inside a word."""
    return char.isalnum() or char == "_"
