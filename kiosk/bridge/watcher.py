"""Sees every touch and key before QML does: activity for the idle timer, the trainer gesture,
stopping speech, and dropping key auto-repeat (tremor)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


class InputWatcher(QObject):
    """An event filter on the kiosk's window; it never consumes a press, only observes it.
    On the window, not the application: every input reaches the window first, and the
    application's other events (timers, deferred deletes, queued calls: hundreds of thousands
    in a session) never cross into Python."""

    def __init__(self) -> None:
        super().__init__()
        self._on_press: list[Callable[[float, float], None]] = []
        self._on_any: list[Callable[[], None]] = []
        self._on_key: list[Callable[[], None]] = []
        self._installed = False

    def install(self, window: QObject) -> None:
        """Start watching the events sent to `window` (once; later calls do nothing)."""
        if not self._installed:
            self._installed = True
            window.installEventFilter(self)

    def on_press(self, callback: Callable[[float, float], None]) -> None:
        """`callback(x, y)` in window coordinates for each touch or mouse press."""
        self._on_press.append(callback)

    def on_any_input(self, callback: Callable[[], None]) -> None:
        self._on_any.append(callback)

    def on_key(self, callback: Callable[[], None]) -> None:
        """`callback()` for each key pressed (the tactile keypad or a keyboard)."""
        self._on_key.append(callback)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.isAutoRepeat():
                return True  # ACCESSIBILITY 11: key auto-repeat off
            self._notify_any()
            for key_callback in self._on_key:
                key_callback()
        elif kind in _PRESSES:
            pos = None
            if isinstance(event, QMouseEvent):
                pos = event.position()
            elif isinstance(event, QTouchEvent) and event.points():
                pos = event.points()[0].position()
            self._notify_any()
            if pos is not None:
                for callback in self._on_press:
                    callback(pos.x(), pos.y())
        return False

    def _notify_any(self) -> None:
        for callback in self._on_any:
            callback()
