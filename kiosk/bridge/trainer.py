"""`Trainer` in QML: the corner gesture, the PIN pad with its lockout, and leaving the kiosk."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.qt import Property
from kiosk.core.gesture import CornerGesture
from kiosk.core.pin import PinGuard

if TYPE_CHECKING:
    from kiosk.services.trainer.pin_lock import PinLockFile

log = logging.getLogger(__name__)


# Screens that belong to trainer mode; leaving them locks it again.
TRAINER_SCREENS = frozenset({
    "trainer", "trainerPrint", "trainerProgress", "trainerStats", "trainerSettings",
    "trainerSetting", "trainerOutbox", "trainerGuided",
})  # fmt: skip


class TrainerBridge(QObject):
    """Trainer access. In kiosk mode the window cannot be closed until `unlocked` is true."""

    pinRequested = Signal()
    stateChanged = Signal()
    exitRequested = Signal()

    def __init__(
        self,
        guard: PinGuard,
        lockdown: bool,
        clock: Callable[[], float] = time.monotonic,
        pin_clock: Callable[[], float] = time.time,
        lock_file: PinLockFile | None = None,
    ) -> None:
        super().__init__()
        self._guard = guard
        self._lockdown = lockdown
        self._clock = clock  # the gesture's
        self._pin_clock = pin_clock  # the lock's: wall-clock time, it outlives a reboot
        self._lock_file = lock_file
        self._gesture = CornerGesture()
        self._unlocked = False

    def corner_tap(self, x: float, y: float, width: float, height: float) -> None:
        """Fed every press on the window; the fourth corner in order opens the PIN pad."""
        if self._gesture.tap(x, y, width, height, self._clock()):
            log.info("trainer gesture")
            self.pinRequested.emit()

    @Property(bool, constant=True)
    def lockdown(self) -> bool:
        """Kiosk mode: full screen, and no way out but the PIN."""
        return self._lockdown

    @Property(bool, constant=True)
    def configured(self) -> bool:
        return self._guard.configured

    @Property(bool, notify=stateChanged)
    def unlocked(self) -> bool:
        return self._unlocked

    @Property(int, notify=stateChanged)
    def secondsLocked(self) -> int:
        return self._guard.seconds_locked(self._pin_clock())

    @Property(int, notify=stateChanged)
    def triesLeft(self) -> int:
        return self._guard.max_tries - self._guard.failures

    @Slot(str, result=bool)
    def tryPin(self, pin: str) -> bool:
        ok = self._guard.attempt(pin, self._pin_clock())
        # never log the PIN; the outcome and the lock are enough
        log.info("trainer PIN %s", "accepted" if ok else "refused")
        self._unlocked = ok
        self.stateChanged.emit()
        return ok

    @Slot()
    def refresh(self) -> None:
        """Re-read the lock countdown (QML calls this from a timer while the pad is shown)."""
        self.stateChanged.emit()

    @Slot()
    def lock(self) -> None:
        if self._unlocked:
            self._unlocked = False
            self.stateChanged.emit()

    @Slot()
    def exitKiosk(self) -> None:
        if self._unlocked or not self._lockdown:
            log.info("leaving the kiosk")
            self.exitRequested.emit()

    @Property(str, constant=True)
    def lockProblem(self) -> str:
        """For staff: why the PIN lock will not outlive a restart ('' when it will)."""
        return self._lock_file.problem if self._lock_file is not None else ""

    def close(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()

    def may_close(self) -> bool:
        return self._unlocked or not self._lockdown
