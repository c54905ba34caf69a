"""`python -m kiosk screenshot`: render a screen, an overlay or a state mid-journey to a PNG.

--screen NAME                          a screen or an overlay (over home), as it opens
--journey report --at review           a journey's state on the practice data (the portal
--journey lesson --lesson l01-touch --step 3       runs in-process: kiosk.screen_states)
--screen help --journey report --at question       an overlay over a journey's state
--size 1080x1920                       another panel (476 mm per 1920 px, unless the config
                                       names the panel)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import Any

JOURNEYS = ("report", "track", "places", "departures", "lesson", "lessons", "easier")


def add_arguments(shot: argparse.ArgumentParser) -> None:
    """The command's options (the parser is built for every command: nothing heavy here)."""
    shot.add_argument("--screen", default="", help="screen or overlay name")
    shot.add_argument("--lang", default="bg", choices=("bg", "en", "uk", "tr"))
    shot.add_argument(
        "--text-size", default="normal", choices=("normal", "large", "largest"), dest="text_size"
    )
    shot.add_argument("--theme", default="normal", choices=("normal", "high-contrast"))
    shot.add_argument("--size", default="1920x1080", help="window size in pixels, WIDTHxHEIGHT")
    shot.add_argument("--out", required=True, help="the PNG file to write")
    shot.add_argument("--journey", choices=JOURNEYS, help="a state mid-journey")
    shot.add_argument("--at", default="", help="with --journey: the state (e.g. review)")
    shot.add_argument("--lesson", help="a lesson id, e.g. l01-touch (lesson-step or --journey)")
    shot.add_argument("--step", type=int, default=1, help="with --lesson: the step, from 1")


def screenshot(args: argparse.Namespace) -> int:
    """Render one screen, overlay or journey state to a PNG, then exit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.config import schema as opt
    from kiosk.runner import OVERLAYS, _start_qt, _window_size, load_config

    settings = load_config(args)
    from kiosk.services.storage.logs import setup_logging

    setup_logging(None, "WARNING")
    from kiosk.bridge.nav import SCREENS
    from kiosk.screen_states import JOURNEYS as STATES
    from kiosk.screen_states import StateError

    screen = args.screen or ("" if args.journey else "attract")
    if screen and screen not in SCREENS and screen not in OVERLAYS:
        known = ", ".join(sorted((*SCREENS, *OVERLAYS)))
        print(f"There is no screen called {screen!r}. Screens: {known}.", file=sys.stderr)
        return 2
    if args.journey and args.at and args.at not in STATES[args.journey]:
        states = ", ".join(STATES[args.journey])
        print(f"The {args.journey} journey has no state {args.at!r}: {states}.", file=sys.stderr)
        return 2
    if args.journey and screen in SCREENS:
        print("Give --journey or a --screen, not both (an overlay may go with a journey).",
              file=sys.stderr)  # fmt: skip
        return 2
    app = _start_qt(settings)
    from kiosk.app import build

    start = screen if screen in SCREENS else "home"
    size = _window_size(args.size)
    # drawn as on a 21.5-inch 1920x1080 panel (476 mm wide) unless the config names the panel
    panel = settings[opt.PANEL_WIDTH_MM] or 476.0 * size[0] / 1920
    loop = _driving_loop(app) if args.journey else None
    bridge_overlays = OVERLAYS
    kiosk = build(
        settings,
        windowed=True,
        start_screen=start,
        window_size=size,
        simulated_panel_mm=panel,
        start_backend=loop is not None,
    )
    try:
        _arrange(kiosk, args, screen, bridge_overlays)
        image = grab(kiosk)
    except StateError as exc:
        print(f"Could not reach that state: {exc}", file=sys.stderr)
        return 2
    finally:
        _shut_down(kiosk, loop)
    if not image.save(args.out):
        print(f"Could not write {args.out}.", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def _arrange(kiosk: Any, args: argparse.Namespace, screen: str, overlays: Any) -> None:
    from kiosk import screen_states
    from kiosk.runner import show_overlay

    bridges = kiosk.bridges
    if args.journey:
        kiosk.show()
        screen_states.begin(kiosk, args.lang)  # after the first frame: the portals start
    bridges.session.setLanguage(args.lang)
    bridges.session.setTextStep(("normal", "large", "largest").index(args.text_size))
    bridges.session.setHighContrast(args.theme == "high-contrast")
    if args.journey:
        screen_states.reach(kiosk, args.journey, args.at, lesson=args.lesson or "", step=args.step)
    elif screen != "attract":
        bridges.session.begin()
    if screen in overlays:
        show_overlay(kiosk, screen)
    if args.lesson and not args.journey:
        bridges.lessons.show_step(args.lesson, args.step)


def _driving_loop(app: Any) -> Any:
    """The qasync loop the bridges' requests run on, marked running while the states are
    reached by driving Qt's own event loop (as the tests drive the kiosk)."""
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(app, already_running=True)
    loop.shot_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="shot-io")
    loop.set_default_executor(loop.shot_executor)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    return loop


def grab(kiosk: Any) -> Any:
    """Show the window, let layouts settle and the keyboard load (nothing may still be loading
    when the kiosk closes), and grab what is drawn."""
    from PySide6.QtQuick import QQuickItem

    from kiosk.screen_states import settle, wait

    kiosk.show()
    settle(30, 6)  # layouts settle over a few polish passes
    wait(lambda: kiosk.window.findChild(QQuickItem, "keyboard") is not None, "the keyboard")
    settle(30, 2)
    return kiosk.window.grabWindow()


def _shut_down(kiosk: Any, loop: Any) -> None:
    """Close the portals, then the kiosk, and delete its window and QML engine while the
    application still exists: a QML object destroyed after it (at the interpreter's exit)
    may still make a QPixmap, and Qt aborts."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.screen_states import settle

    if loop is not None:
        task = asyncio.ensure_future(kiosk.aclose())
        for _ in range(500):
            if task.done():
                break
            settle(10, 1)
    kiosk.close()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    if loop is not None:
        asyncio.events._set_running_loop(None)
        loop.shot_executor.shutdown(wait=True, cancel_futures=True)
