"""Accuracy of the tone lexicons on the labelled news items.

Run: ``.venv/bin/python bench/media_watch_tone.py [--errors]``

Scores every item of ``media_watch/data/tone_labelled.tsv`` (headline and lead, each labelled
negative, neutral or positive by hand) with ``media_watch.tone.score`` and prints, per split
("dev": the items looked at while the lexicons were developed; "held-out": written afterwards)
and language, the accuracy and the confusion matrix (rows: the label; columns: the verdict),
then the same over all items. ``--errors`` lists the items scored wrong with their reasons.
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from media_watch.tone import NEGATIVE, NEUTRAL, POSITIVE, score

LABELLED = Path(__file__).resolve().parent.parent / "media_watch" / "data" / "tone_labelled.tsv"
TONES = (NEGATIVE, NEUTRAL, POSITIVE)


def labelled_items(path=LABELLED):
    """``(split, language, label, text)`` for every item of the labelled set."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(("#", "split\t")) or not line.strip():
                continue
            split, language, label, text = line.rstrip("\n").split("\t")
            yield split, language, label, text


def report(title, items, verdicts):
    """Print the accuracy and confusion matrix of each language, and return the right count."""
    right_total = 0
    for language in ("kk", "ru", "en"):
        confusion = Counter()
        for (_split, item_language, label, _text), verdict in zip(items, verdicts, strict=True):
            if item_language == language:
                confusion[label, verdict.tone] += 1
        count = sum(confusion.values())
        if not count:
            continue
        right = sum(confusion[tone, tone] for tone in TONES)
        right_total += right
        print(f"{title} {language}: accuracy {right / count:.2f} ({right}/{count})")
        print("    " + "label \\ verdict".rjust(18) + "".join(f"{tone:>10}" for tone in TONES))
        for label in TONES:
            print(f"    {label:>18}" + "".join(f"{confusion[label, tone]:>10}" for tone in TONES))
    print(f"{title} all: accuracy {right_total / len(items):.2f} ({right_total}/{len(items)})")
    return right_total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the items scored wrong")
    args = parser.parse_args()

    items = list(labelled_items())
    started = time.perf_counter()
    verdicts = [score(text, language) for _split, language, _label, text in items]
    elapsed = time.perf_counter() - started

    for split in ("dev", "held-out"):
        chosen = [index for index, item in enumerate(items) if item[0] == split]
        report(split, [items[index] for index in chosen], [verdicts[index] for index in chosen])
        print()
    right = report("all", items, verdicts)
    print(f"{right} of {len(items)} right; scored in {elapsed * 1000:.0f} ms")
    if args.errors:
        for (split, language, label, text), verdict in zip(items, verdicts, strict=True):
            if verdict.tone != label:
                print(
                    f"\n[{split} {language}] {label} → {verdict.tone} ({verdict.score}) {verdict.reasons}\n    {text}"
                )


if __name__ == "__main__":
    main()
