"""`Shell` in QML: what the frame around every screen needs — mode, help contacts, the calm
error screen that replaces any unexpected failure."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import APP_NAME, __version__
from kiosk.bridge.qt import Property
from kiosk.core.city import CALL_SOFIA_PHONE

log = logging.getLogger(__name__)


class ShellBridge(QObject):
    errorChanged = Signal()
    homeRequested = Signal()
    keypadModeChanged = Signal()

    def __init__(
        self, *, windowed: bool, start_screen: str, venue: str, staff_help: str, tap_filter_ms: int
    ) -> None:
        super().__init__()
        self._windowed = windowed
        self._start_screen = start_screen
        self._venue = venue
        self._staff_help = staff_help
        self._tap_filter_ms = tap_filter_ms
        self._error = False
        self._keypad_mode = False

    @Property(str, constant=True)
    def appName(self) -> str:
        return APP_NAME

    @Property(str, constant=True)
    def version(self) -> str:
        return __version__

    @Property(bool, constant=True)
    def windowed(self) -> bool:
        return self._windowed

    @Property(str, constant=True)
    def startScreen(self) -> str:
        """The screen shown first: 'attract', or another for `screenshot --screen`."""
        return self._start_screen

    @Property(str, constant=True)
    def venue(self) -> str:
        return self._venue

    @Property(str, constant=True)
    def staffHelp(self) -> str:
        return self._staff_help

    @Property(str, constant=True)
    def cityPhone(self) -> str:
        """Call Sofia, the municipal contact centre (PORTALS.md §2)."""
        return CALL_SOFIA_PHONE

    @Property(int, constant=True)
    def tapFilterMs(self) -> int:
        return self._tap_filter_ms

    @Property(bool, notify=keypadModeChanged)
    def keypadMode(self) -> bool:
        """True after a key press until the next touch: the focus ring is drawn only then
        (focus-visible), so a touch never leaves a ring on the first answer of a screen."""
        return self._keypad_mode

    def set_keypad_mode(self, on: bool) -> None:
        if on != self._keypad_mode:
            self._keypad_mode = on
            self.keypadModeChanged.emit()

    @Property(bool, notify=errorChanged)
    def errorShown(self) -> bool:
        return self._error

    def show_error(self) -> None:
        """Called by the exception hook: the resident sees the calm error screen."""
        if not self._error:
            self._error = True
            self.errorChanged.emit()

    def clear_error(self) -> None:
        if self._error:
            self._error = False
            self.errorChanged.emit()

    @Slot()
    def dismissError(self) -> None:
        self._error = False
        self.errorChanged.emit()
        self.homeRequested.emit()
