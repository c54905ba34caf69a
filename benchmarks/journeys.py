"""Touches and "Down" presses per journey and text size (issue 12): file a report, play L01 to
its end, find a pharmacy, read the departures; by touch only, in Bulgarian, high contrast, on a
1920×1080 panel of 476 mm (or --size), on the practice portal in-process.

    python benchmarks/journeys.py                 # this checkout
    python benchmarks/journeys.py --tree OLD_DIR  # another checkout's kiosk (e.g. before the
                                                  # screen frame), driven by this checkout's driver

The driver (tests/journeys.py) presses "Down" / "Up" where what is to be touched is below the
fold (the layout before the frame has them), counts them, and counts every touch. A journey that
cannot be finished by touch at all prints why.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SIZES = ("normal", "large", "largest")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", help="run the kiosk of this checkout (its kiosk/, ui/, assets/)")
    parser.add_argument("--size", default="1920x1080", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--journeys", default="report,lesson,pharmacy,departures")
    args = parser.parse_args()
    if args.tree and not os.environ.get("_JOURNEYS_CHILD"):
        return _in_other_tree(Path(args.tree).resolve())
    return _run(args)


def _in_other_tree(tree: Path) -> int:
    """Run again with the other checkout's kiosk package and this checkout's driver."""
    with tempfile.TemporaryDirectory(prefix="journeys-") as folder:
        root = Path(folder)
        for name in ("kiosk", "ui", "assets", "locales"):
            (root / name).symlink_to(tree / name)
        (root / "tests").symlink_to(HERE / "tests")
        env = dict(os.environ, _JOURNEYS_CHILD="1", PYTHONPATH=str(root))
        return subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=env, cwd=root)


def _run(args: argparse.Namespace) -> int:
    if not os.environ.get("_JOURNEYS_CHILD"):
        sys.path.insert(0, str(HERE))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build, prepare_environment

    prepare_environment(True)
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import Settings
    from tests.journey_walks import WALKS
    from tests.journeys import NotOnScreen, Touches, settle, wait

    app = QGuiApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app, already_running=True)
    loop.set_default_executor(ThreadPoolExecutor(max_workers=2))
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)  # driven by the driver's own Qt event loops
    width, height = (int(v) for v in args.size.split("x"))
    data = tempfile.mkdtemp(prefix="journeys-data-")
    import kiosk

    print(f"kiosk from {Path(kiosk.__file__).resolve().parent.parent}, {width}x{height}")
    print("| journey | size | touches | of them Down/Up | finished |")
    print("| --- | --- | --- | --- | --- |")
    settings = Settings({
        "session.tap_filter_ms": 0, "paths.data_dir": data, "speech.engine": "off",
        "site.address": "пл. „Славейков“ 4",
    })  # fmt: skip
    kiosk_ = build(
        settings, windowed=True, start_screen="home", window_size=(width, height),
        simulated_panel_mm=476.0 * width / 1920, start_backend=True,
    )  # fmt: skip
    kiosk_.show()
    settle(30, 3)
    bridges = kiosk_.bridges
    for journey in args.journeys.split(","):
        for step, size in enumerate(SIZES):
            if bridges.session.active:
                bridges.session.wipe()
                settle()
            bridges.session.begin()
            bridges.session.setLanguage("bg")
            bridges.session.setTextStep(step)
            bridges.session.setHighContrast(True)
            bridges.nav.go("home")
            wait(lambda: bridges.backend.started, "the portals")
            touch = Touches(kiosk_, down=True)
            outcome = "yes"
            try:
                WALKS[journey](kiosk_, touch)
            except (NotOnScreen, AssertionError) as exc:
                outcome = f"no: {str(exc)[:80]}"
            print(f"| {journey} | {size} | {touch.taps} | {touch.downs} | {outcome} |", flush=True)
    task = asyncio.ensure_future(kiosk_.aclose())
    while not task.done():
        settle(10, 1)
    kiosk_.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
