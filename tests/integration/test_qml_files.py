"""Every QML file loads and instantiates cleanly in the kiosk's engine (Qt warnings fail)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent

from kiosk.services.storage.paths import UI_DIR
from tests.integration.conftest import settle

# Main.qml is what every kiosk loads; Theme and KeyboardState are singletons; KKeyboard is
# created by Main.qml after the first frame, and a second on-screen keyboard in one window would
# fight the first.
BUILT_BY_MAIN = ("Main.qml", "Theme.qml", "KeyboardState.qml", "KKeyboard.qml")
# The keyboard's style and layouts (ui/keyboard/) live in the context Qt's keyboard gives them
# (its `keyboard`, a key's `control`): test_keyboard.py shows every one of them in it.
KEYBOARD = UI_DIR / "keyboard"
FILES = sorted(
    p for p in UI_DIR.rglob("*.qml") if p.name not in BUILT_BY_MAIN and KEYBOARD not in p.parents
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(UI_DIR)))
def test_qml_file_loads_clean(file_kiosk: Any, qasync_loop: Any, path: Path) -> None:
    kiosk = file_kiosk
    component = QQmlComponent(kiosk.engine, QUrl.fromLocalFile(str(path)))
    assert component.isReady(), component.errorString()
    item = component.create()
    assert item is not None, component.errorString()
    item.setParentItem(kiosk.window.contentItem())
    settle(10, 1)
    item.deleteLater()
    settle(10, 1)


def test_main_and_its_keyboard_load_clean(kiosk: Any) -> None:
    """`build` raises on any load error of Main.qml; the keyboard follows the first frame."""
    from PySide6.QtQuick import QQuickItem

    assert kiosk.window.isVisible()
    settle(30, 5)
    assert kiosk.window.findChild(QQuickItem, "keyboard") is not None
