"""Pictograms for QML: assets/icons/<name>.svg drawn in the ink colour a button asks for.

Each pictogram is drawn once, in one colour, and recoloured here rather than stored once per
theme: `image://pictogram/help/ffffff` is help.svg at the Image's sourceSize with every painted
pixel set to #ffffff (its antialiased edges keep their coverage). Recolouring on the CPU costs
well under a millisecond per size and colour (benchmarks/pictograms.py), works the same with
the software renderer and offscreen, and Qt's image cache keeps each result, so the bar's
pictograms are drawn once per size and theme, not once per screen. A shader effect would
recolour every frame instead, which the software renderer cannot do.
ui/components/KIcon.qml builds the address; docs/pictograms.md lists the names.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQml import QQmlImageProviderBase
from PySide6.QtQuick import QQuickImageProvider
from PySide6.QtSvg import QSvgRenderer

from kiosk.services.storage.paths import ASSETS_DIR

log = logging.getLogger(__name__)

PROVIDER_ID = "pictogram"
ICONS_DIR = ASSETS_DIR / "icons"
DEFAULT_SIZE = 48  # the drawing's own box, used when QML gives no sourceSize
_ID = re.compile(r"([a-z][a-z0-9-]*)/((?:[0-9a-f]{2})?[0-9a-f]{6})")


def names(folder: Path = ICONS_DIR) -> list[str]:
    """Every pictogram there is, by name (the file name without .svg)."""
    return sorted(path.stem for path in folder.glob("*.svg"))


def parse(pictogram_id: str) -> tuple[str, QColor] | None:
    """`help/ffffff` (or `help/80ffffff`, alpha first as QML writes it) → name and ink."""
    match = _ID.fullmatch(pictogram_id)
    if match is None:
        return None
    return match.group(1), QColor("#" + match.group(2))


def render(svg: bytes, ink: QColor, size: QSize) -> QImage:
    """The drawing scaled into `size`, every painted pixel in `ink`; a null image if the
    drawing cannot be read."""
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        return QImage()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    # Keep each pixel's coverage, replace its colour: the drawing's own colour never shows.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), ink)
    painter.end()
    return image


class PictogramProvider(QQuickImageProvider):
    """The `pictogram` image provider; registered on the engine by kiosk/app.py."""

    def __init__(self, folder: Path = ICONS_DIR) -> None:
        super().__init__(QQmlImageProviderBase.ImageType.Image)
        self._folder = folder
        self._svg: dict[str, bytes] = {}  # files are read once; they never change while running

    def _drawing(self, name: str) -> bytes | None:
        if name not in self._svg:
            path = self._folder / f"{name}.svg"
            if not path.is_file():
                return None
            self._svg[name] = path.read_bytes()
        return self._svg[name]

    def requestImage(self, id: str, size: QSize, requestedSize: QSize) -> QImage:
        parsed = parse(id)
        svg = self._drawing(parsed[0]) if parsed else None
        if parsed is None or svg is None:
            log.error("no pictogram %r (names are in docs/pictograms.md)", id)
            return QImage()  # QML then warns that the image could not be loaded
        width = requestedSize.width() if requestedSize.width() > 0 else 0
        height = requestedSize.height() if requestedSize.height() > 0 else 0
        side = max(width, height) or DEFAULT_SIZE
        wanted = QSize(width or side, height or side)
        image = render(svg, parsed[1], wanted)
        if image.isNull():
            log.error("pictogram %s.svg cannot be read", parsed[0])
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
