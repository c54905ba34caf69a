"""Every pictogram loads through KIcon in the kiosk's own engine, draws something at 48 and
160 px in both themes (software renderer, offscreen), and its drawn ink meets 3:1 against the
fill of every button kind (WCAG 1.4.11). Also the way a button shows one beside its words."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRectF, QSize, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQml import QJSEngine, QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.bridge.pictograms import PictogramProvider, names
from kiosk.core.contrast import ratio
from kiosk.services.storage.paths import UI_DIR
from tests.integration.conftest import find, settle
from tests.unit.test_pictograms import BUTTON_KINDS

GRID = b"""
import QtQuick
import "components"

Grid {
    property var names: []
    property string fillName
    property string inkName
    property int side
    columns: Math.floor(1900 / (side + 8))
    spacing: 8
    Repeater {
        model: parent.names
        Rectangle {
            objectName: "cell-" + modelData
            width: side; height: side
            color: Theme[fillName]
            KIcon { name: modelData; size: side; color: Theme[inkName] }
        }
    }
}
"""


def _create(kiosk: Any, qml: bytes, **props: Any) -> QQuickItem:
    component = QQmlComponent(kiosk.engine)
    component.setData(QByteArray(qml), QUrl.fromLocalFile(str(UI_DIR / "pictogram_test.qml")))
    assert component.isReady(), component.errorString()
    item = component.createWithInitialProperties(props)
    assert item is not None, component.errorString()
    QJSEngine.setObjectOwnership(item, QJSEngine.ObjectOwnership.CppOwnership)  # not collected
    component.setParent(item)  # the component lives as long as what it made
    item.setParentItem(kiosk.window.contentItem())
    item.setZ(1000)  # above the screen the kiosk shows
    settle(10, 2)
    return item


def _rgb(color: QColor) -> tuple[float, float, float]:
    return (color.redF(), color.greenF(), color.blueF())


def _ink_pixels(frame: QImage, rect: QRectF, fill: QColor) -> tuple[int, float]:
    """How many pixels of `rect` differ from `fill` by at least 3:1, and the best ratio."""
    count, best = 0, 1.0
    step = 1 if rect.width() <= 48 else 2
    ratios: dict[int, float] = {}  # antialiasing gives few distinct colours
    for y in range(int(rect.top()), int(rect.bottom()), step):
        for x in range(int(rect.left()), int(rect.right()), step):
            pixel = frame.pixel(x, y)
            if pixel not in ratios:
                ratios[pixel] = ratio(_rgb(QColor.fromRgb(pixel)), _rgb(fill))
            value = ratios[pixel]
            best = max(best, value)
            if value >= 3:
                count += step * step
    return count, best


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("side", [48, 160])
def test_every_pictogram_draws_its_ink_on_every_button(
    kiosk: Any, high_contrast: bool, side: int
) -> None:
    kiosk.bridges.session.setHighContrast(high_contrast)
    all_names = names()
    assert len(all_names) >= 30
    for kind, (fill_name, ink_name) in BUTTON_KINDS.items():
        grid = _create(
            kiosk, GRID, names=all_names, fillName=fill_name, inkName=ink_name, side=side
        )
        frame = kiosk.window.grabWindow()
        for name in all_names:
            cell = next(c for c in grid.childItems() if c.objectName() == f"cell-{name}")
            icon = cell.childItems()[0]
            painted = (icon.property("paintedWidth"), icon.property("paintedHeight"))
            assert painted == (side, side), f"{name} is not drawn: {painted}"  # 0 until loaded
            fill = cell.property("color")
            rect = cell.mapRectToScene(QRectF(0, 0, side, side))
            count, best = _ink_pixels(frame, rect, fill)
            where = f"{name} on {kind} ({fill.name()}), {side} px"
            assert count >= 0.05 * side * side, f"{where}: only {count} pixels of ink"
            assert best >= 3, f"{where}: ink at most {best:.1f}:1"
        grid.deleteLater()
        settle(10, 1)


BUTTON = b"""
import QtQuick
import "components"

// How a button shows a pictogram beside its words (the real buttons get an `icon` property).
KButton {
    id: button
    objectName: "exampleHelp"
    kind: "bar"
    text: "Help"
    contentItem: Row {
        spacing: Theme.gap
        KIcon {
            objectName: "exampleIcon"
            anchors.verticalCenter: parent.verticalCenter
            name: "help"
            color: button.ink
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: button.text
            color: button.ink
            font.pixelSize: button.fontSize
            font.bold: true
        }
    }
}
"""


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_a_button_shows_its_pictogram_beside_its_words(kiosk: Any, high_contrast: bool) -> None:
    kiosk.bridges.session.setHighContrast(high_contrast)
    button = _create(kiosk, BUTTON)
    icon = find(kiosk.window, "exampleIcon")
    assert icon.property("paintedHeight") == icon.height() > 0
    assert icon.property("color") == button.property("ink")
    assert icon.property("source").toString().startswith("image://pictogram/help/")
    # about a line of text tall, inside the button, before the words
    assert icon.height() >= button.property("fontSize")
    assert icon.mapToItem(button, 0, 0).x() >= 0
    frame = kiosk.window.grabWindow()
    rect = icon.mapRectToScene(QRectF(0, 0, icon.width(), icon.height()))
    count, best = _ink_pixels(frame, rect, button.property("fill"))
    assert count > 0.05 * icon.width() * icon.height() and best >= 3
    button.deleteLater()
    settle(10, 1)


@pytest.mark.error_log  # an unknown pictogram is logged
def test_an_unknown_name_gives_no_picture(qapp: Any) -> None:
    provider = PictogramProvider()
    size = QSize()
    assert provider.requestImage("no-such-thing/ffffff", size, QSize(48, 48)).isNull()
    assert provider.requestImage("help", size, QSize(48, 48)).isNull()
    image = provider.requestImage("help/ff0000", size, QSize(0, 0))
    assert (image.width(), image.height()) == (48, 48)  # the drawing's own size
    assert (size.width(), size.height()) == (48, 48)
