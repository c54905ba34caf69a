"""Starting the kiosk: the interactive run, the smoke test, and rendering a screen to PNG."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import ConfigError, Settings
from kiosk.config import schema as opt
from kiosk.config.loader import load_config as load_layers
from kiosk.frames import after_first_frame

if TYPE_CHECKING:
    from kiosk.app import Kiosk

log = logging.getLogger(__name__)

NO_DISPLAY = (
    "No display was found: run the kiosk under Xvfb with `xvfb-run -a ./dev run`, or headless "
    "with `QT_QPA_PLATFORM=offscreen ./dev run` (nothing is shown then)."
)
OVERLAYS = ("help", "finish", "idle", "pin", "error")


def load_config(args: argparse.Namespace) -> Settings:
    """The settings from --config, the user's or the system's file; exits with the message."""
    explicit = Path(args.config) if getattr(args, "config", None) else None
    try:
        return load_layers(explicit)
    except ConfigError as exc:
        print(f"Silver Kiosk cannot start: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def folder_problem(settings: Settings) -> str:
    """Why the kiosk cannot start with these folders ('' when it can): a path that is a file
    is a mistake in the config, not a fault the kiosk can work around."""
    from kiosk.services.storage.paths import data_dir, log_dir

    for key, folder in (
        (opt.DATA_DIR.key, data_dir(settings)),
        (opt.LOG_DIR.key, log_dir(settings)),
    ):
        if folder.exists() and not folder.is_dir():
            return f"'{key}' is {str(folder)!r}, which is a file, not a folder. Set it to a folder."
    return ""


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def window_size(settings: Settings, windowed: bool) -> tuple[int, int] | None:
    """The window's size in windowed mode; None in kiosk mode (full screen)."""
    return _window_size(settings[opt.WINDOW_SIZE]) if windowed else None


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"A window size looks like 1280x800, not {text!r}.") from None
    return width, height


def start_logging(settings: Settings) -> Path | None:
    """The log file in the configured folder, at the configured level (logging first)."""
    from kiosk.services.storage.logs import setup_logging
    from kiosk.services.storage.paths import log_dir

    return setup_logging(log_dir(settings), settings[opt.LOG_LEVEL])


def _start_qt(settings: Settings) -> object:
    from kiosk.app import prepare_environment

    prepare_environment(settings[opt.SOFTWARE_RENDERING])
    from PySide6.QtGui import QGuiApplication

    from kiosk import APP_ID, APP_NAME

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    return app


def run(args: argparse.Namespace) -> int:
    settings = load_config(args)
    if problem := folder_problem(settings):
        print(f"Silver Kiosk cannot start: {problem}", file=sys.stderr)
        return 2
    start_logging(settings)
    for warning in settings.warnings:  # the kiosk runs; doctor lists them for the installer
        log.warning("config: %s", warning)
    if not _has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = _start_qt(settings)
    import qasync

    from kiosk.app import asyncio_exception_handler, build, install_exception_hook

    loop = qasync.QEventLoop(app)
    # Plain threads for blocking work: qasync's default QThread executor aborts the process
    # when a QThread is still running at exit.
    executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kiosk-io")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    windowed = args.windowed or args.smoke_test
    size = window_size(settings, windowed)
    kiosk = build(settings, windowed=windowed, window_size=size)
    install_exception_hook(kiosk.bridges.shell)
    loop.set_exception_handler(asyncio_exception_handler(kiosk.bridges.shell))
    stop = asyncio.Event()
    kiosk.bridges.trainer.exitRequested.connect(stop.set)
    app.lastWindowClosed.connect(stop.set)  # type: ignore[attr-defined]
    signal.signal(signal.SIGTERM, lambda *_: loop.call_soon_threadsafe(stop.set))
    smoke: list[int] = []
    if args.smoke_test:
        after_first_frame(kiosk.window, lambda: _first_frame(smoke))
    from kiosk import health as kiosk_health

    monitor = kiosk_health.start(settings, kiosk)  # systemd's watchdog, the metrics file
    from kiosk import updates as kiosk_updates

    exit_code: list[int] = []

    def restart(code: int) -> None:
        exit_code.append(code)
        stop.set()

    # the session lock the update policy waits for; a restart into an upgraded release
    updates = kiosk_updates.start(settings, kiosk, restart)
    _check_lessons_ahead(kiosk, loop)
    kiosk.show()
    log.info("kiosk running (%s)", "windowed" if windowed else "kiosk mode")
    with loop:
        if args.smoke_test:
            ready = loop.create_task(_ready(kiosk, stop, smoke))
        loop.run_until_complete(_until_stopped(stop, kiosk))
        loop.run_until_complete(monitor.stop())
        updates.stop()
        if args.smoke_test and not ready.done():
            ready.cancel()
    kiosk.close()
    executor.shutdown(wait=True, cancel_futures=True)
    if args.smoke_test:
        return 0 if _speak_once(settings) else 1
    return exit_code[0] if exit_code else 0


def _check_lessons_ahead(kiosk: Kiosk, loop: asyncio.AbstractEventLoop) -> None:
    """A new lessons package is checked by the validator when first read (seconds): do that in
    a worker after the first frame, before a resident opens the lessons."""
    after_first_frame(  # the library too is made then, not before the frame
        kiosk.window, lambda: loop.run_in_executor(None, kiosk.services.lesson_library.prepare)
    )


def _first_frame(seen: list[int]) -> None:
    seen.append(1)
    print("first-frame", flush=True)


async def _ready(kiosk: object, stop: asyncio.Event, drawn: list[int]) -> None:
    """The smoke test's end: everything a resident may touch is up — the first frame drawn,
    the on-screen keyboard loaded, every dialog made (otherwise made when first opened), every
    capability built (a frozen bundle lacking a module fails here), the portals and
    database started."""
    from PySide6.QtCore import QMetaObject
    from PySide6.QtQuick import QQuickItem

    bridges = kiosk.bridges  # type: ignore[attr-defined]
    window = kiosk.window  # type: ignore[attr-defined]
    while not drawn:  # the first frame first, as in a real start
        await asyncio.sleep(0.02)
    QMetaObject.invokeMethod(window, "makeAll")
    while not (bridges.backend.started and window.findChild(QQuickItem, "keyboard")):
        await asyncio.sleep(0.02)
    bridges.build_all()
    print(f"capabilities built: {', '.join(bridges.built())}", flush=True)
    print("ready", flush=True)
    stop.set()


async def _until_stopped(stop: asyncio.Event, kiosk: object) -> None:
    """Run until the trainer leaves (or the system stops the kiosk), then close the portals,
    database and outbox while the loop still runs; the loop ends when this returns."""
    await stop.wait()
    log.info("stopping")
    await kiosk.aclose()  # type: ignore[attr-defined]


def _speak_once(settings: Settings) -> bool:
    """The smoke test's last step: the configured engine synthesises one Bulgarian sentence."""
    if settings[opt.SPEECH_ENGINE] == "off":
        print("speech: off by configuration, not tried", flush=True)
        return True
    from kiosk.services.speech import create_engine

    engine = create_engine(settings)
    if engine is None:
        print("Speech failed: no speech engine could start (see the log).", file=sys.stderr)
        return False
    try:
        said = engine.synthesise("Добър ден. Аз съм вашият помощник.", "bg", 150, 0)
    except Exception as exc:  # the smoke test reports any failure as one line, not a traceback
        print(f"Speech failed: {engine.name} could not speak Bulgarian ({exc}).", file=sys.stderr)
        return False
    finally:
        engine.close()
    if said.duration_ms < 500:
        print(f"Speech failed: {engine.name} made only {said.duration_ms} ms.", file=sys.stderr)
        return False
    print(f"spoke {said.duration_ms} ms with {engine.name}", flush=True)
    return True


def show_overlay(kiosk: object, name: str) -> None:
    """Open an overlay the way the running kiosk would."""
    bridges = kiosk.bridges  # type: ignore[attr-defined]
    if name == "idle":
        bridges.session.preview_warning()
    elif name == "error":
        bridges.shell.show_error()
    elif name == "pin":
        bridges.trainer.pinRequested.emit()
    else:
        from PySide6.QtCore import Q_ARG, QMetaObject

        QMetaObject.invokeMethod(kiosk.window, "showOverlay", Q_ARG(str, name))  # type: ignore[attr-defined]


def make_pin() -> int:
    from kiosk.core.pin import hash_pin

    first = getpass.getpass("New trainer PIN (6 to 12 digits): ")
    second = getpass.getpass("The same PIN again: ")
    if first != second:
        print("The two PINs are different; nothing was made.", file=sys.stderr)
        return 1
    try:
        hashed = hash_pin(first)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("Put this line in the [kiosk] section of the config file:")
    print(f'trainer_pin_hash = "{hashed}"')
    return 0
