"""The composition root: logging → config → storage → i18n → services → bridges → QML.

Everything the kiosk is made of is built here, in that order, and connected here; nothing else
creates services or looks them up. `Services` (kiosk/compose.py) builds each service once, on
first use; `Bridges` (kiosk/bridges.py) hands each bridge the typed services it uses. The shell
is built before the first frame; each capability when first used, then the rest after the first
frame (with the database and the outbox), so the attract screen does not wait for reporting,
lessons or departures.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtQml import QJSEngine, QQmlApplicationEngine, QQmlEngine, qmlRegisterSingletonType
from PySide6.QtQuick import QQuickWindow
from shiboken6 import isValid

from kiosk import i18n
from kiosk.bridge.backend import BackendBridge
from kiosk.bridge.pictograms import PROVIDER_ID, PictogramProvider
from kiosk.bridge.session import SessionBridge
from kiosk.bridge.shell import ShellBridge
from kiosk.bridge.speech import SpeechBridge
from kiosk.bridge.trainer import TRAINER_SCREENS
from kiosk.bridge.watcher import InputWatcher
from kiosk.bridges import SINGLETONS, Bridges
from kiosk.compose import Services, speech_service
from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.core.session import IdlePolicy, countdown_should_speak
from kiosk.frames import after_first_frame
from kiosk.services.storage.paths import FONTS_DIR, KEYBOARD_DIR, UI_DIR
from kiosk.services.storage.session_dir import empty as empty_folder
from kiosk.services.storage.session_dir import new_session_dir, shred

log = logging.getLogger(__name__)

# Bridges per engine, so tests can build several kiosks in one process.
_bridges_by_engine: dict[int, Bridges] = {}
_registered = False


@dataclass(repr=False)
class Kiosk:
    """A running kiosk: the engine, its window and the objects QML sees."""

    def __repr__(self) -> str:  # never touch Qt objects here: they may already be gone
        return f"<Kiosk session_tmp={self.session_tmp.name}>"

    settings: Settings
    services: Services
    engine: QQmlApplicationEngine
    window: QQuickWindow
    bridges: Bridges
    watcher: InputWatcher
    session_tmp: Path
    fixed_size: bool = False

    def close(self) -> None:
        self.bridges.speech.shutdown()  # stops the synthesis thread before its objects go
        self.bridges.session.stop()
        self.bridges.trainer.close()
        self.window.removeEventFilter(self.watcher)
        if QGuiApplication.instance() is not None:
            _reset_keyboard()  # the input method is the application's: no keys for the next
        self.window.hide()  # not close(): in kiosk mode closing is refused by design
        self.window.deleteLater()
        self.engine.deleteLater()
        _bridges_by_engine.pop(id(self.engine), None)
        shred(self.session_tmp)

    async def aclose(self) -> None:
        """Close the services while the loop still runs: the outbox, the portals, the database."""
        await self.services.aclose()

    def show(self) -> None:
        """Full screen in kiosk mode (geometry set by hand: bare X servers ignore the request)."""
        if self.bridges.trainer.lockdown and not self.fixed_size:
            self.window.showFullScreen()
            self.window.setGeometry(self.window.screen().geometry())
            self.window.requestActivate()
        else:
            self.window.show()

    def window_size(self) -> tuple[float, float]:
        return float(self.window.width()), float(self.window.height())


def _register_singletons() -> None:
    global _registered
    if _registered:
        return
    # Registered as plain QObjects: QML reads properties, methods and signals from the object
    # itself, so a capability's module is imported only when a screen first asks for it.
    for name, (attr, _cls) in SINGLETONS.items():
        # PySide's stub lacks the (type, uri, major, minor, name, callback) overload it has
        qmlRegisterSingletonType(QObject, "Kiosk", 1, 0, name, _provider(attr))  # type: ignore[call-overload]
    _registered = True


def _provider(attr: str) -> Any:
    def provide(engine: QQmlEngine) -> QObject:
        obj = _bridges_by_engine[id(engine)].get(attr)
        QJSEngine.setObjectOwnership(obj, QJSEngine.ObjectOwnership.CppOwnership)
        return obj

    return provide


def load_fonts() -> list[str]:
    """Load the bundled fonts and make Noto Sans the default; never rely on system fonts."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("cannot load font %s", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        font = QGuiApplication.font()
        font.setFamily(families[0])
        QGuiApplication.setFont(font)
    return families


def build(
    settings: Settings,
    *,
    windowed: bool,
    start_screen: str = "attract",
    window_size: tuple[int, int] | None = None,
    simulated_panel_mm: float = 0.0,
    clock: Callable[[], float] | None = None,
    speech: SpeechBridge | None = None,
    start_backend: bool = True,
) -> Kiosk:
    """Build a kiosk in the running QGuiApplication. Logging and config are done by the caller.

    `simulated_panel_mm` sizes everything as on a panel that wide showing the whole window
    (screenshots and tests render offscreen, where no real panel exists). `clock` replaces the
    monotonic clock of the idle timer and PIN lock (tests); `speech` replaces the voice (tests
    pass one on a recording fake). `start_backend` starts the portals, database and outbox after
    the first frame (it needs the running qasync loop; screenshots and shell tests go without).
    """
    pin_clock = clock or time.time
    clock = clock or time.monotonic
    t0 = time.perf_counter()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication), "create the QGuiApplication first"

    # i18n
    i18n.set_language(settings[opt.DEFAULT_LANGUAGE])
    load_fonts()

    # services: each built on first use (kiosk/compose.py); a private temporary folder for this
    # person's files (memory-backed, 0700; a crashed kiosk's is shredded), emptied by the wipe
    services = Services(settings)
    session_tmp = new_session_dir()

    # bridges: the shell's now, each capability's on first use (kiosk/bridges.py)
    bridges = Bridges.build(
        settings,
        services,
        session_tmp,
        windowed=windowed,
        start_screen=start_screen,
        clock=clock,
        pin_clock=pin_clock,
        speech=speech or SpeechBridge(speech_service(settings), settings),
    )
    policy = bridges.session.policy

    # QML
    _register_singletons()
    engine = QQmlApplicationEngine()
    _bridges_by_engine[id(engine)] = bridges
    engine.addImageProvider(PROVIDER_ID, PictogramProvider())  # KIcon's; the engine owns it
    engine.addImportPath(str(UI_DIR))
    engine.addImportPath(str(KEYBOARD_DIR))  # the keyboard style: QtQuick/VirtualKeyboard/Styles
    watcher = InputWatcher()
    kiosk_box: list[Kiosk] = []

    # QML's strings: Qt's own translator, loaded by the engine from ui/i18n/qml_<lang>.qm (see
    # kiosk/i18n_qm.py: a translator in Python froze the kiosk); the engine retranslates itself
    engine.setUiLanguage(settings[opt.DEFAULT_LANGUAGE])
    bridges.session.languageChanged.connect(
        lambda: engine.setUiLanguage(bridges.session.language) if isValid(engine) else None
    )
    bridges.session.languageChanged.connect(bridges.i18n.languageChanged)
    bridges.session.add_wipe_hook(bridges.speech.resetForNewSession)
    bridges.session.add_wipe_hook(_clear_clipboard)
    bridges.session.add_wipe_hook(_reset_keyboard)
    bridges.session.add_wipe_hook(lambda: empty_folder(session_tmp))
    bridges.session.add_wipe_hook(bridges.trainer.lock)
    bridges.session.add_wipe_hook(bridges.shell.clear_error)
    bridges.session.add_wipe_hook(services.after_session)  # no page of the session in the WAL
    # anonymous counts of sessions and services; leaving the trainer screens locks trainer mode
    # again (the capabilities connect their own wipe hooks when first built)
    bridges.session.add_wipe_hook(lambda: bridges.usage.session_ended(bridges.session.language))
    bridges.session.activeChanged.connect(
        lambda: bridges.usage.session_started() if bridges.session.active else None
    )

    def screen_changed() -> None:
        screen = bridges.nav.screen
        bridges.usage.screen_changed(screen)
        if bridges.trainer.unlocked and screen not in TRAINER_SCREENS:
            bridges.trainer_desk.screen_changed(screen)

    bridges.nav.screenChanged.connect(screen_changed)
    bridges.session.warningStarted.connect(
        lambda: bridges.speech.warn(_spoken_warning(bridges.session))
    )
    bridges.session.countdownTick.connect(
        lambda left: _speak_countdown(bridges.speech, bridges.session, left, policy)
    )
    app.aboutToQuit.connect(bridges.speech.shutdown)
    watcher.on_any_input(bridges.session.activity)
    watcher.on_press(lambda _x, _y: bridges.speech.stop())  # any touch silences the voice
    watcher.on_key(lambda: bridges.shell.set_keypad_mode(True))  # focus ring: keys only
    watcher.on_press(lambda _x, _y: bridges.shell.set_keypad_mode(False))
    watcher.on_press(
        lambda x, y: (
            bridges.trainer.corner_tap(x, y, *kiosk_box[0].window_size()) if kiosk_box else None
        )
    )

    def qml_warnings(warnings: list[Any]) -> None:
        for warning in warnings:
            # an error in our QML is an error; Qt's own components (qrc:/qt-project.org/...)
            # say things such as the virtual keyboard's teardown order: a warning
            ours = not warning.url().toString().startswith("qrc:/qt-project.org/")
            (log.error if ours else log.warning)("QML: %s", warning.toString())

    engine.warnings.connect(qml_warnings)
    engine.load(QUrl.fromLocalFile(str(UI_DIR / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the interface (ui/Main.qml) could not be loaded; see the log")
    window = roots[0]
    if window_size is not None:
        window.resize(*window_size)
    # Installed once the first frame is up: while QML loads, a Python event filter would see
    # hundreds of events, and PySide wraps each object by initialising the type of every loaded
    # module (~25 ms of enum creation). Nobody has touched the screen before it is drawn.
    after_first_frame(window, lambda: watcher.install(window))
    if start_backend:

        def start() -> None:
            # the next turns of the loop, not this frame's: the frame is shown first
            QTimer.singleShot(0, lambda: start_services(services, bridges.backend))
            QTimer.singleShot(0, bridges.build_rest)

        after_first_frame(window, start)
    if simulated_panel_mm > 0:
        bridges.display.simulate(window.width() / simulated_panel_mm)
    else:
        bridges.display.set_screen(window.screen())
        window.screenChanged.connect(bridges.display.set_screen)
    kiosk = Kiosk(
        settings, services, engine, window, bridges, watcher, session_tmp, window_size is not None
    )
    kiosk_box.append(kiosk)
    log.info("kiosk built in %.0f ms", (time.perf_counter() - t0) * 1000)
    return kiosk


def start_services(services: Services, backend: BackendBridge) -> None:
    """After the first frame: open the database, send waiting reports, tell `Backend`."""
    services.start()
    opened = asyncio.ensure_future(services.storage.ready())
    _background.add(opened)

    def done(task: asyncio.Future[Any]) -> None:
        _background.discard(task)
        if task.cancelled():
            return
        if task.exception() is not None:  # not even in memory: staff are told, screens go on
            log.error("database: cannot open at all: %s", task.exception())
            backend.set_failed()
            return
        problem = services.storage.problem
        if problem is not None:
            log.error("database: %s", problem.detail)
        backend.set_started(problem, in_memory=services.storage.path is None)

    opened.add_done_callback(done)


_background: set[asyncio.Future[Any]] = set()  # the loop keeps only weak references


def _spoken_warning(session: SessionBridge) -> str:
    return i18n._("Are you still there?") + " " + session.countdownText


def _speak_countdown(
    speech: SpeechBridge, session: SessionBridge, left: int, policy: IdlePolicy
) -> None:
    """At the start (the warning itself says it), every 15 s, then each of the last 10 s."""
    warning = int(policy.warning_seconds)
    if left != warning and countdown_should_speak(left, warning):
        speech.speak(str(left) if left <= 10 else session.countdownText)


def _clear_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.clear()


def _reset_keyboard() -> None:
    """Drop what the on-screen keyboard holds (pre-edit text, shift state) and hide it."""
    method = QGuiApplication.inputMethod()
    method.reset()
    method.hide()


def install_exception_hook(shell: ShellBridge) -> None:
    """Any exception that escapes a slot is logged and shows the calm error screen."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        shell.show_error()

    sys.excepthook = hook


def asyncio_exception_handler(shell: ShellBridge) -> Any:
    def handle(loop: Any, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        log.critical("unhandled exception in a task: %s", context.get("message"), exc_info=exc)
        shell.show_error()

    return handle


def prepare_environment(software_rendering: bool) -> None:
    """Environment Qt reads at start: the on-screen keyboard, and software drawing without a GPU."""
    _skip_pyside_source_scan()
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # only the kiosk's own keyboard (ui/components/KKeyboard.qml): never Qt's desktop panel, a
    # second window with its own QML engine, which a field focused before the kiosk's keyboard
    # has loaded would open (and whose engine outlives the application: Qt aborts at exit)
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    # The kiosk's own keyboard style and layouts (ui/keyboard/): large keys named in words, no
    # hide or language key. Qt finds the style under an import path (build() adds ui/keyboard).
    os.environ.setdefault("QT_VIRTUALKEYBOARD_STYLE", "kiosk")
    os.environ.setdefault("QT_VIRTUALKEYBOARD_LAYOUT_PATH", str(KEYBOARD_DIR / "layouts"))
    if software_rendering:
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    # Messages that are not about the kiosk: QtMultimedia saying it uses PulseAudio because
    # PipeWire's library is absent, and QtVirtualKeyboard's PopupList shadowing a property
    # (an upstream warning in Qt's own QML).
    quiet = "qt.multimedia.symbolsresolver=false;qt.qml.propertyCache.append=false"
    rules = os.environ.get("QT_LOGGING_RULES")
    os.environ["QT_LOGGING_RULES"] = f"{rules};{quiet}" if rules else quiet


def _skip_pyside_source_scan() -> None:
    """PySide6 hooks every import and reads the new module's whole source (inspect.getsource,
    kept in linecache) to see whether it mentions "PySide6", for its opt-in `__feature__`
    switches (snake_case, true_property). The kiosk uses none, so every module may be marked
    "ignore" (-1) unread: from source, 12 MB less memory and faster imports of the capabilities
    (a frozen bundle has no sources to read). The same cost upstream: napari/napari#8584."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]
