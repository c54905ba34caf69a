"""Work that waits for the window's first frame: the resident sees the screen first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def after_first_frame(window: Any, callback: Callable[[], object]) -> None:
    """`callback()` once, when `window` (a QQuickWindow) has drawn its first frame; then it is
    disconnected, so nothing of it runs on the frames after."""

    def once() -> None:
        window.frameSwapped.disconnect(once)
        callback()

    window.frameSwapped.connect(once)
