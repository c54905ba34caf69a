"""Lesson library cost: the first read of a content folder (the validator runs) against later
reads (its verdict kept), and the plain course load the kiosk did before content packages.

    python benchmarks/lesson_library.py [--rounds N]

Prints medians; the machine is shared, so compare the lines with each other.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.i18n import LOCALES_DIR
from kiosk.services.lessons.files import LESSONS_DIR, load_course
from kiosk.services.lessons.library import Library
from kiosk.services.lessons.pack import pack


def timed(fn: object, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        packages = Path(tmp) / "packages"
        pack(LESSONS_DIR, packages / "silver-kiosk-lessons", LOCALES_DIR)
        verdicts = Path(tmp) / "lesson-checks.json"

        def first() -> None:
            verdicts.unlink(missing_ok=True)
            Library(packages, None, None, verdicts).load("bg")

        Library(packages, None, None, verdicts).load("bg")
        lessons = len(load_course(packages / "silver-kiosk-lessons").lessons)
        print(f"content folder: {lessons} lessons")
        print(f"plain load_course (bg)                    {timed(load_course, rounds):7.1f} ms")
        print(f"library, first read (validator runs)      {timed(first, rounds):7.1f} ms")
        warm = lambda: Library(packages, None, None, verdicts).load("bg")  # noqa: E731
        print(f"library, a new kiosk start (verdict kept) {timed(warm, rounds):7.1f} ms")
        english = lambda: Library(packages, None, None, verdicts).load("en")  # noqa: E731
        print(f"library, in English (verdict kept)        {timed(english, rounds):7.1f} ms")


if __name__ == "__main__":
    main()
