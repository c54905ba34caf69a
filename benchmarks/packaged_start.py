"""Packaged against source start: the frozen bundle's smoke test next to `python -m kiosk`'s.

Runs `<bundle>/silver-kiosk --smoke-test` and `python -m kiosk --smoke-test` alternately (offscreen,
each in a clean home), and prints the medians of: spawn → 'first-frame' (the attract screen is
drawn), spawn → 'ready' (portals and database up), and spawn → exit (after one Bulgarian
sentence is synthesised), with the frozen/source ratio of each. The machine is noisy: compare the
ratios of one run. packaging/build.sh runs it after each build.
Usage: python benchmarks/packaged_start.py [--rounds N] [--bundle dist/silver-kiosk]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKS = ("first-frame", "ready")


def one_run(argv: list[str]) -> dict[str, float]:
    """Seconds from spawn to each mark on stdout and to the exit; fails on a non-zero exit."""
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env |= {"QT_QPA_PLATFORM": "offscreen"}
        env |= {
            f"XDG_{d}_HOME": f"{home}/{d.lower()}" for d in ("CONFIG", "DATA", "CACHE", "STATE")
        }
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*argv, "--smoke-test"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        times: dict[str, float] = {}
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() in MARKS:
                times[line.strip()] = time.perf_counter() - start
        if proc.wait(timeout=120) != 0:
            raise SystemExit(f"{argv[0]} --smoke-test failed (exit {proc.returncode})")
        times["exit"] = time.perf_counter() - start
        missing = [m for m in MARKS if m not in times]
        if missing:
            raise SystemExit(f"{argv[0]} --smoke-test never printed {missing}")
        return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "silver-kiosk"))
    args = parser.parse_args()
    frozen_argv = [str(Path(args.bundle) / "silver-kiosk")]
    source_argv = [sys.executable, "-m", "kiosk"]
    runs: dict[str, list[dict[str, float]]] = {"frozen": [], "source": []}
    one_run(frozen_argv)  # warm the page cache for both, so neither pays a cold disk
    one_run(source_argv)
    for _ in range(args.rounds):
        runs["frozen"].append(one_run(frozen_argv))
        runs["source"].append(one_run(source_argv))
    print(f"median of {args.rounds} runs each, alternating   frozen   source   frozen/source")
    for mark in (*MARKS, "exit"):
        f = statistics.median(r[mark] for r in runs["frozen"])
        s = statistics.median(r[mark] for r in runs["source"])
        print(f"  spawn → {mark:<30} {f:7.2f} s {s:7.2f} s   {f / s:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
