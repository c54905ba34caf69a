"""Lesson files: how long loading, validating and extracting take, and libyaml vs pure Python.

Run from the repository root: `python benchmarks/lessons.py`. Prints medians of several runs;
the machine is noisy, so compare the numbers within one run.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from kiosk.services.lessons import yaml_lines as lesson_yaml
from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.files import LESSONS_DIR, load_course
from kiosk.services.lessons.validate import validate

RUNS = 9


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    files = sorted(LESSONS_DIR.rglob("*.yaml"))
    texts = [f.read_text("utf-8") for f in files]
    lines = sum(t.count("\n") for t in texts)
    course = load_course(LESSONS_DIR)
    print(f"{len(course.lessons)} lessons, {len(files)} files, {lines} lines")
    print(f"load_course bg        {median_ms(lambda: load_course(LESSONS_DIR, 'bg')):7.1f} ms")
    print(f"load_course en        {median_ms(lambda: load_course(LESSONS_DIR, 'en')):7.1f} ms")
    print(f"validate (with .po)   {median_ms(validate):7.1f} ms")
    print(
        f"extract all strings   {median_ms(lambda: [list(strings_in(t)) for t in texts]):7.1f} ms"
    )
    parse_c = median_ms(lambda: [lesson_yaml.parse_yaml(t) for t in texts])

    class PureLoader(yaml.SafeLoader):  # the same line-keeping constructors, pure-Python parser
        pass

    for tag, build in lesson_yaml._LineLoader.yaml_constructors.items():
        PureLoader.add_constructor(tag, build)
    parse_py = median_ms(lambda: [yaml.load(t, Loader=PureLoader) for t in texts], runs=3)
    print(f"parse, libyaml        {parse_c:7.1f} ms")
    print(f"parse, pure Python    {parse_py:7.1f} ms  ({parse_py / parse_c:.1f}x)")


if __name__ == "__main__":
    main()
