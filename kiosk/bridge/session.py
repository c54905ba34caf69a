"""`Session` in QML: one resident's visit — language, text size, contrast, idle warning, wipe."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk import i18n
from kiosk.bridge.qt import Property
from kiosk.core.session import IdlePolicy, IdleState, IdleTracker

log = logging.getLogger(__name__)

TEXT_SCALES = (1.0, 1.5, 2.0)


class SessionBridge(QObject):
    """Per-person state lives here and nowhere else, so the wipe can put all of it back.

    `wipe()` runs every registered hook synchronously (speech, clipboard, keyboard, temporary
    files), resets the per-person settings and emits `wiped`, on which QML destroys every screen
    and shows the attract screen.
    """

    languageChanged = Signal()
    textStepChanged = Signal()
    highContrastChanged = Signal()
    idleChanged = Signal()
    activeChanged = Signal()
    dataDeletedChanged = Signal()
    warningStarted = Signal()
    countdownTick = Signal(int)
    wiped = Signal()

    def __init__(
        self,
        policy: IdlePolicy,
        default_language: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._default_language = default_language
        self._language = default_language
        self._text_step = 0
        self._text_grows = True  # what the text-size button does next
        self._high_contrast = False
        self._active = False
        self._data_deleted = False
        self.policy = policy  # the idle limits from the settings
        self._idle = IdleTracker(policy, clock())
        self._last_seconds_left = -1
        self._wipe_hooks: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)
        i18n.set_language(default_language)

    # --- composition -------------------------------------------------------------------------
    def add_wipe_hook(self, hook: Callable[[], None]) -> None:
        """Register something to clear when a person leaves (called in registration order)."""
        self._wipe_hooks.append(hook)

    # --- per-person settings -----------------------------------------------------------------
    def _get_language(self) -> str:
        return self._language

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang == self._language or lang not in i18n.LANGUAGES:
            return
        i18n.set_language(lang)
        self._language = lang
        log.info("language %s", lang)
        self.languageChanged.emit()

    language = Property(str, _get_language, setLanguage, notify=languageChanged)

    def _get_text_step(self) -> int:
        return self._text_step

    @Slot(int)
    def setTextStep(self, step: int) -> None:
        last = len(TEXT_SCALES) - 1
        step = max(0, min(last, step))
        if step != self._text_step:
            self._text_step = step
            if step in (0, last):
                self._text_grows = step == 0
            self.textStepChanged.emit()

    textStep = Property(int, _get_text_step, setTextStep, notify=textStepChanged)

    @Property(int, constant=True)
    def textStepCount(self) -> int:
        return len(TEXT_SCALES)

    @Property(float, notify=textStepChanged)
    def textScale(self) -> float:
        return TEXT_SCALES[self._text_step]

    @Property(bool, notify=textStepChanged)
    def textGrows(self) -> bool:
        """True when the text-size button makes the text larger, False when smaller."""
        return self._text_grows

    @Slot()
    def cycleTextSize(self) -> None:
        """One step larger, up to the largest; from there one step smaller, down to normal; never
        a jump from the largest back to the smallest."""
        last = len(TEXT_SCALES) - 1
        step = self._text_step + (1 if self._text_grows else -1)
        step = max(0, min(last, step))
        self._text_grows = self._text_grows if 0 < step < last else step == 0
        if step != self._text_step:
            self._text_step = step
        self.textStepChanged.emit()

    def _get_high_contrast(self) -> bool:
        return self._high_contrast

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self.highContrastChanged.emit()

    highContrast = Property(bool, _get_high_contrast, setHighContrast, notify=highContrastChanged)

    # --- the visit ---------------------------------------------------------------------------
    @Property(bool, notify=activeChanged)
    def active(self) -> bool:
        """True from the first touch on the attract screen until the wipe."""
        return self._active

    @Slot()
    def begin(self) -> None:
        if not self._active:
            self._active = True
            self._data_deleted = False
            self._idle.reset(self._clock())
            self._timer.start()
            log.info("session started")
            self.activeChanged.emit()
            self.dataDeletedChanged.emit()

    @Property(bool, notify=dataDeletedChanged)
    def dataDeleted(self) -> bool:
        """True on the attract screen after a wipe, until the next person starts."""
        return self._data_deleted

    @Slot()
    def activity(self) -> None:
        self._idle.activity(self._clock())

    @Slot(bool)
    def setInForm(self, in_form: bool) -> None:
        self._idle.in_form = in_form

    @Property(bool, notify=idleChanged)
    def warning(self) -> bool:
        return self._idle.state is IdleState.WARNING

    @Property(int, notify=idleChanged)
    def secondsLeft(self) -> int:
        return self._idle.seconds_left(self._clock())

    @Property(bool, notify=idleChanged)
    def canExtend(self) -> bool:
        return self._idle.can_extend

    @Property(str, notify=idleChanged)
    def countdownText(self) -> str:
        n = self._idle.seconds_left(self._clock())
        return i18n.ngettext(
            "Your data will be deleted in {n} second.",
            "Your data will be deleted in {n} seconds.",
            n,
        ).format(n=n)

    @Slot()
    def extend(self) -> None:
        if self._idle.extend(self._clock()):
            log.info("more time (%d)", self._idle.extensions)
            self._last_seconds_left = -1
            self.idleChanged.emit()

    @Slot()
    def tick(self) -> None:
        if not self._active:
            return
        before = self._idle.state
        state = self._idle.tick(self._clock())
        if state is IdleState.EXPIRED:
            log.info("session timed out")
            self.wipe()
            return
        if state is IdleState.WARNING:
            if before is not IdleState.WARNING:
                log.info("idle warning")
                self.warningStarted.emit()
            left = self._idle.seconds_left(self._clock())
            if left != self._last_seconds_left:
                self._last_seconds_left = left
                self.idleChanged.emit()
                self.countdownTick.emit(left)

    def stop(self) -> None:
        """The kiosk is closing: no more idle ticks."""
        self._timer.stop()

    def preview_warning(self) -> None:
        """Start the idle warning now (screenshots and tests)."""
        if not self._active:
            self.begin()
        self._idle.warn_now(self._clock())
        self.warningStarted.emit()
        self.idleChanged.emit()

    @Slot()
    def wipe(self) -> None:
        """The person has gone: clear everything they left, synchronously, and start over."""
        for hook in self._wipe_hooks:
            try:
                hook()
            except Exception:  # a failing hook must not keep the next person's data dirty
                log.exception("wipe hook %r failed", hook)
        self._timer.stop()
        self._active = False
        self._data_deleted = True
        self._idle.reset(self._clock())
        self._last_seconds_left = -1
        self.setLanguage(self._default_language)
        self.setTextStep(0)
        self.setHighContrast(False)
        log.info("session wiped")
        self.activeChanged.emit()
        self.dataDeletedChanged.emit()
        self.idleChanged.emit()
        self.wiped.emit()
