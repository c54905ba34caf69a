"""The trainer's way out: tap the four screen corners clockwise from top left within a time."""

from __future__ import annotations

CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")


class CornerGesture:
    """Recognises taps in the corners in order; any other tap or a pause starts over.

    A corner is a square whose side is `corner_fraction` of the shorter screen side.
    """

    def __init__(self, window_seconds: float = 6.0, corner_fraction: float = 0.12) -> None:
        self.window_seconds = window_seconds
        self.corner_fraction = corner_fraction
        self._progress = 0
        self._started = 0.0

    def corner_of(self, x: float, y: float, width: float, height: float) -> str | None:
        side = min(width, height) * self.corner_fraction
        left, right = x <= side, x >= width - side
        top, bottom = y <= side, y >= height - side
        if top and left:
            return "top-left"
        if top and right:
            return "top-right"
        if bottom and right:
            return "bottom-right"
        if bottom and left:
            return "bottom-left"
        return None

    def tap(self, x: float, y: float, width: float, height: float, now: float) -> bool:
        """Feed one tap; True when it completes the gesture."""
        corner = self.corner_of(x, y, width, height)
        if self._progress and now - self._started > self.window_seconds:
            self._progress = 0
        if self._progress and corner == CORNERS[self._progress - 1]:
            return False  # the same corner again: a shaky double tap, not a new start
        if corner != CORNERS[self._progress]:
            self._progress = 1 if corner == CORNERS[0] else 0
            self._started = now
            return False
        if self._progress == 0:
            self._started = now
        self._progress += 1
        if self._progress == len(CORNERS):
            self._progress = 0
            return True
        return False
