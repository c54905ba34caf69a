"""Every QML file loads and instantiates cleanly in the kiosk's engine (Qt warnings fail)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk import screen_states as states
from kiosk.services.storage.paths import UI_DIR
from tests.integration.conftest import settle

# Main.qml is what every kiosk loads; Theme and KeyboardState are singletons; KKeyboard is
# made by Main.qml (KKeyboardArea), and a second on-screen keyboard in one window would fight
# the first.
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


def test_main_loads_clean_and_makes_no_keyboard_yet(kiosk: Any) -> None:
    """`build` raises on any load error of Main.qml; the keyboard, the heaviest part, is made only
    with a field (test_keyboard.py types in one) or once the kiosk has waited a while."""
    assert kiosk.window.isVisible()
    assert kiosk.window.findChild(QQuickItem, "keyboard") is None


def test_the_keyboard_is_made_while_nobody_types(kiosk: Any) -> None:
    """On a kiosk left waiting, the keys are made a few seconds after it starts, so the first
    field touched does not wait for them."""
    states.wait(lambda: kiosk.window.findChild(QQuickItem, "keyboard") is not None, "the keys")
