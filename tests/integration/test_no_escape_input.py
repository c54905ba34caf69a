"""No way out by touch: a long press, a long touch or a right click in a text field opens no
menu (Qt Quick Controls' TextField has had a default context menu since Qt 6.9, and a menu is a
way to the clipboard and beyond)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.config import Settings
from kiosk.services.storage.paths import UI_DIR
from tests.integration.conftest import find_paged, settle, tap, walk
from tests.integration.test_keyboard import add_field

# A screen that holds text fields (trainerPrint: on its certificate step), and one given the
# probe field of
# test_keyboard.py: every text field is a KTextField (test_every_text_field_is_a_ktextfield).
SCREENS_WITH_FIELDS = ["trainerPrint", "home"]
TEXT_TYPES = re.compile(r"^\s*(T\.|QQC2?\.)?(TextField|TextInput|TextArea|TextEdit)\s*\{", re.M)


def shown_windows() -> set[int]:
    return {
        shiboken6.getCppPointer(w)[0] for w in QGuiApplication.topLevelWindows() if w.isVisible()
    }


def visible_popups(kiosk: Any, windows: set[int], inside: QQuickItem | None = None) -> list[str]:
    """Menus and popups showing in the kiosk's window (but for the keyboard's own, such as its
    list of the kiosk's languages, when `inside` is the keyboard), and new windows."""
    own = {shiboken6.getCppPointer(i)[0] for i in walk(inside)} if inside is not None else set()
    found = [
        item.metaObject().className()
        for item in walk(kiosk.window.contentItem())
        if item.isVisible()
        and re.search("Popup|Menu", item.metaObject().className())
        and shiboken6.getCppPointer(item)[0] not in own
    ]
    return found + [f"a new window ({n})" for n in shown_windows() - windows]


def centre(item: QQuickItem) -> QPointF:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))


def text_fields(kiosk: Any) -> list[QQuickItem]:
    return [
        item
        for item in walk(kiosk.window.contentItem())
        if item.isVisible() and item.metaObject().className() == "QQuickTextField"
    ]


def post(kiosk: Any, event: QEvent) -> None:
    """Delivered by the event loop, as real input is (see report_helpers.post_tap: a field
    that gets the focus may make the keyboard load a layout, which must not happen inside a
    Python call)."""
    QGuiApplication.postEvent(kiosk.window, event)
    settle(20, 2)


def mouse(kind: QEvent.Type, point: QPointF, button: Qt.MouseButton, down: bool) -> QMouseEvent:
    buttons = button if down else Qt.MouseButton.NoButton
    return QMouseEvent(kind, point, point, button, buttons, Qt.KeyboardModifier.NoModifier)


def presses(kiosk: Any, point: QPointF) -> Iterator[str]:
    """A right click, a long mouse press and a long touch at `point`, each named as it ends."""
    press, release = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease
    right, left = Qt.MouseButton.RightButton, Qt.MouseButton.LeftButton
    post(kiosk, mouse(press, point, right, True))
    post(kiosk, mouse(release, point, right, False))
    settle(50, 4)
    yield "right click"
    post(kiosk, mouse(press, point, left, True))
    settle(100, 12)  # 1.2 s: longer than any press-and-hold threshold
    yield "long press (held)"
    post(kiosk, mouse(release, point, left, False))
    settle(50, 4)
    yield "long press"
    # Touches through QTest (a posted touch lacks the device's bookkeeping): the field has the
    # focus and the keyboard its layout by now, so nothing loads inside this Python call.
    device, spot = QTest.createTouchDevice(), point.toPoint()
    QTest.touchEvent(kiosk.window, device).press(0, spot).commit()
    settle(100, 12)
    yield "long touch (held)"
    QTest.touchEvent(kiosk.window, device).release(0, spot).commit()
    settle(50, 4)
    yield "long touch"


def test_every_text_field_is_a_ktextfield() -> None:
    """The one text field component is the one tested below: no screen, overlay or lesson
    widget makes a text input of its own."""
    own = [
        path.relative_to(UI_DIR).as_posix()
        for path in UI_DIR.rglob("*.qml")
        if path.name != "KTextField.qml" and TEXT_TYPES.search(path.read_text(encoding="utf-8"))
    ]
    assert own == []


def test_no_menu_on_a_long_press_or_right_click_in_any_text_field(make_kiosk: Any) -> None:
    tried = 0
    for name in SCREENS_WITH_FIELDS:
        kiosk = make_kiosk(Settings({"session.tap_filter_ms": 0}), windowed=False, start=name)
        kiosk.bridges.session.begin()
        if name == "home":
            add_field(kiosk)
        if name == "trainerPrint":  # its fields are on the certificate's step
            settle(50, 4)
            tap(kiosk.window, find_paged(kiosk.window, "printCertificateStep"))
        settle(50, 4)
        windows = shown_windows()
        for field in text_fields(kiosk):
            for what in presses(kiosk, centre(field)):
                assert visible_popups(kiosk, windows) == [], f"{what} in a text field on {name}"
                assert kiosk.window.isVisible() and kiosk.bridges.nav.screen == name
            tried += 1
    assert tried >= 3, "fewer text fields than expected: did a screen change?"
