"""Time and memory of the attachment check on the hostile-file corpus.

``.venv/bin/python bench/hostile_uploads.py [--only LABEL ...]`` writes every file of
``tests.agency.hostile_files.corpus()`` to a scratch folder, then checks each in a fresh Python
process (so one file's peak does not hide the next) and prints, per file: the verdict (the
error code, or ``accepted``), the wall and CPU time of ``agency.uploads.check_files`` (the limit
applies to CPU time, which other processes on a busy machine do not inflate), the peak of
Python allocations (tracemalloc, in a second run: it slows every allocation, so the timed run
goes without it) and the growth of the process's peak resident memory
(``VmHWM`` after the timed check minus ``VmRSS`` before it: C allocations in zlib, expat and
libjpeg count here). The last line checks five copies of the 2.7-million-paragraph
DOCX in one call, as one form submission does. Exits non-zero when a file takes over 200 ms or
50 MB, or when a hostile file is accepted (or one of the harmless files at the limits is
refused).
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE_DIR, configure

LIMIT_MS = 200
LIMIT_MB = 50


def _status_kb(field: str) -> int:
    """``VmRSS`` (resident now) or ``VmHWM`` (its peak) of this process, in KB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def measure(paths: list[str], name: str) -> dict:
    """Check the files at ``paths`` as one submission; run in its own process."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from agency import uploads

    def check() -> str:
        files = [SimpleUploadedFile(name, Path(path).read_bytes()) for path in paths]
        try:
            uploads.check_files(files)
        except ValidationError as error:
            return ",".join(sorted({str(e.code) for e in error.error_list}))
        return "accepted"

    uploads.check_files(_warm_files())  # the readers' first use imports and builds tables
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # resets VmHWM to the current resident size
    before = _status_kb("VmRSS")
    # Timed without tracemalloc, which slows every allocation several times over.
    started, cpu = time.perf_counter(), time.process_time()
    verdict = check()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss = max(0, _status_kb("VmHWM") - before)
    tracemalloc.start()
    check()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "verdict": verdict,
        "ms": elapsed * 1000,
        "cpu_ms": cpu * 1000,
        "py_mb": peak / 2**20,
        "rss_mb": rss / 1024,
    }


def _warm_files() -> list:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.files import docx_bytes, image_bytes, pdf_bytes

    return [
        SimpleUploadedFile("a.pdf", pdf_bytes()),
        SimpleUploadedFile("a.png", image_bytes("PNG")),
        SimpleUploadedFile("a.jpg", image_bytes("JPEG")),
        SimpleUploadedFile("a.docx", docx_bytes()),
    ]


def _child(paths: list[str], name: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", name, *paths],
        check=True,
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        configure(scratch, "hostile-uploads")
        if args.measure:
            name, *paths = args.measure
            print(json.dumps(measure(paths, name)))
            return 0
        from tests.agency.hostile_files import HARMLESS, corpus, harmless

        failed = False
        print(
            f"{'file':<24} {'size':>9} {'verdict':<12} {'ms':>8} {'CPU ms':>8} {'py MB':>6} {'RSS MB':>6}"
        )
        rows = [row for row in corpus() + harmless() if args.only is None or row[0] in args.only]
        worst = None
        for label, name, data in rows:
            path = Path(scratch) / label
            path.write_bytes(data)
            result = _child([str(path)], name)
            _print(label, len(data), result)
            failed |= (result["verdict"] == "accepted") != (label in HARMLESS)
            failed |= (
                result["cpu_ms"] > LIMIT_MS or max(result["py_mb"], result["rss_mb"]) > LIMIT_MB
            )
            if label == "docx-2.7M-paragraphs":
                worst = (path, name, len(data))
        if worst is not None:
            path, name, size = worst
            result = _child([str(path)] * 5, name)
            _print("5 x 2.7M-paragraphs", size * 5, result)
            failed |= result["verdict"] == "accepted"
    return 1 if failed else 0


def _print(label: str, size: int, result: dict) -> None:
    print(
        f"{label:<24} {size / 1024:>7.0f}KB {result['verdict']:<12} {result['ms']:>8.1f} "
        f"{result['cpu_ms']:>8.1f} {result['py_mb']:>6.1f} {result['rss_mb']:>6.1f}"
    )


if __name__ == "__main__":
    sys.exit(main())
