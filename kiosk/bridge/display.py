"""Physical size of the screen for QML: pixels per millimetre, from the panel or the config."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QScreen

from kiosk.bridge.qt import Property

log = logging.getLogger(__name__)


def pixels_per_mm(screen: QScreen | None, panel_width_mm: float) -> float:
    """Device-independent pixels per millimetre on `screen`.

    The panel width from the config wins, because EDID data is often wrong on kiosk panels;
    a difference of more than 5 % from what the screen reports is logged.
    """
    reported = 0.0
    if screen is not None and screen.physicalSize().width() > 0:
        reported = screen.size().width() / screen.physicalSize().width()
    if panel_width_mm > 0:
        width_px = screen.size().width() if screen is not None else 1920
        configured = width_px / panel_width_mm
        if reported and abs(reported - configured) / configured > 0.05:
            log.warning(
                "screen reports %.2f px/mm, config says %.2f px/mm; using the config",
                reported,
                configured,
            )
        return configured
    if reported <= 0:
        log.warning("screen reports no physical size; assuming 96 dpi")
        return 96 / 25.4
    return reported


class DisplayBridge(QObject):
    """`Display` in QML: millimetres to pixels, and the viewing distance sizes are made for."""

    changed = Signal()

    def __init__(self, panel_width_mm: float, viewing_distance_mm: int) -> None:
        super().__init__()
        self._panel_width_mm = panel_width_mm
        self._viewing_distance_mm = viewing_distance_mm
        self._px_per_mm = 96 / 25.4  # until the window's screen is known

    def set_screen(self, screen: QScreen | None) -> None:
        value = pixels_per_mm(screen, self._panel_width_mm)
        if abs(value - self._px_per_mm) > 1e-6:
            self._px_per_mm = value
            self.changed.emit()

    def simulate(self, px_per_mm: float) -> None:
        """Size everything as on a given panel (offscreen rendering has no real one)."""
        self._px_per_mm = px_per_mm
        self.changed.emit()

    @Property(float, notify=changed)
    def pxPerMm(self) -> float:
        return self._px_per_mm

    @Property(int, notify=changed)
    def viewingDistanceMm(self) -> int:
        return self._viewing_distance_mm
