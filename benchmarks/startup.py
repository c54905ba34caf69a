"""Start-up benchmark: process start → first frame of the attract screen, and peak memory.

Runs `python -m kiosk --smoke-test` (offscreen; it prints 'first-frame' when the attract screen is
first drawn, then 'ready' once the portals and database are up, and quits) several times, next to
a bare QML window for comparison, and prints medians.
Target (DESIGN.md): ≤ 0.35 s median and ≤ 150 MB on a 2-core machine.
Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
engine.loadData(b'import QtQuick\\nWindow { visible: true; width: 1920; height: 1080;'
                b' Text { text: "Hello" } }')
engine.rootObjects()[0].frameSwapped.connect(
    lambda: (print("first-frame", flush=True), app.quit())
)
app.exec()
"""


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def one_run(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawn to 'first-frame' on stdout, the child's RSS then, and its peak RSS
    over the whole run (for the kiosk: every capability built, portals up, one sentence
    synthesised), in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    ready = None
    rss_first = 0.0
    for line in proc.stdout:
        if line.strip() == "first-frame" and ready is None:
            ready = time.perf_counter() - start
            rss_first = _rss_mb(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if ready is None or proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} did not reach its first frame")
    return ready, rss_first, usage.ru_maxrss / 1024


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=tempfile.mkdtemp(),
        QT_QUICK_BACKEND="software",
    )
    # An installed kiosk runs from compiled bytecode; without it every start compiles ~170
    # modules (~0.25 s). The warm-up run below writes the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    kiosk = [sys.executable, "-m", "kiosk", "--smoke-test"]
    bare = [sys.executable, "-c", BARE]
    one_run(kiosk, env)  # warm the file cache
    results: dict[str, list[tuple[float, float, float]]] = {"kiosk": [], "bare QML window": []}
    for _ in range(runs):  # interleaved, so machine noise falls on both alike
        results["kiosk"].append(one_run(kiosk, env))
        results["bare QML window"].append(one_run(bare, env))
    print(f"machine: {machine()}")
    print(f"runs: {runs}")
    medians = {}
    for name, values in results.items():
        times = [t for t, _, _ in values]
        medians[name] = statistics.median(times)
        print(
            f"{name:16} first frame median {medians[name]:.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}); "
            f"RSS at first frame {statistics.median(m for _, m, _ in values):.0f} MB, "
            f"peak {statistics.median(m for _, _, m in values):.0f} MB"
        )
    print(f"ratio kiosk / bare window: {medians['kiosk'] / medians['bare QML window']:.2f}")


if __name__ == "__main__":
    main()
