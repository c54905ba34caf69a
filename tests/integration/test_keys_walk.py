"""Every screen can be walked with the keypad alone: Down visits every control in turn (the bar's
and the screen's), Up goes back, and the focus never gets stuck (no trap)."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.bridge.nav import SCREENS
from tests.audit import INTERACTIVE_ROLES
from tests.integration.conftest import key, settle, walk


def ident(item: QQuickItem) -> int:
    """The C++ object's address: Python wrappers of one item are not always the same object."""
    return int(shiboken6.getCppPointer(item)[0])


def focusable(kiosk: Any) -> set[int]:
    """The controls the keypad should reach on the current screen: those in the focus chain,
    and every item that presents itself as a control (button, field...) even if it is not."""
    found = set()
    for item in walk(kiosk.window.contentItem()):
        if not (item.isVisible() and item.isEnabled() and item.opacity() > 0):
            continue
        iface = QAccessible.queryAccessibleInterface(item)
        control = iface is not None and iface.role() in INTERACTIVE_ROLES
        if (item.activeFocusOnTab() or control) and item.objectName() != "keyboard":
            found.add(ident(item))
    return found


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_keypad_reaches_every_control_without_a_trap(kiosk: Any, screen: str) -> None:
    kiosk.bridges.session.begin()
    if screen == "attract":
        kiosk.bridges.nav.reset()
    else:
        kiosk.bridges.nav.go(screen)
    settle(20, 4)
    window = kiosk.window
    window.grabWindow()  # a frame: layouts are polished before one, so "scrollable" is final
    settle(10, 1)
    wanted = focusable(kiosk)
    assert wanted, f"{screen}: nothing can take the keypad focus"
    seen: list[QQuickItem] = []
    for _ in range(len(wanted) * 2 + 4):
        key(window, Qt.Key.Key_Down)
        item = window.activeFocusItem()
        assert item is not None and item.isVisible(), f"{screen}: the focus was lost"
        seen.append(item)
    missing = wanted - {ident(i) for i in seen}
    names = [
        i.objectName() or i.property("text")
        for i in walk(window.contentItem())
        if ident(i) in missing
    ]
    assert not missing, f"{screen}: the keypad never reaches {names}"
    before = window.activeFocusItem()
    key(window, Qt.Key.Key_Down)
    key(window, Qt.Key.Key_Up)
    assert ident(window.activeFocusItem()) == ident(before)
