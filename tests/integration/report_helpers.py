"""Helpers for the report and track tests: wait, tap a button by its text, type on the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtQuick import QQuickItem

from tests.integration.conftest import find, find_paged, settle, tap, walk


def press(kiosk: Any, item: QQuickItem) -> None:
    """Tap an item after scrolling it into view, as the resident would with Up and Down (the
    screen scrolls to the focused item; focus moves away first in case it is already there)."""
    other = next((i for i in walk(kiosk.window.contentItem()) if i.objectName() == "barHelp"), None)
    if other is not None and other is not item:
        other.forceActiveFocus()
    tap(kiosk.window, item)


def wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    for _ in range(int(seconds * 100)):
        if condition():
            return
        settle(10, 1)
    assert condition(), "timed out"


def button(kiosk: Any, text: str, under: str = "") -> QQuickItem:
    """The visible button whose text is `text` (inside the item named `under`, if given)."""
    root = find(kiosk.window, under) if under else kiosk.window.contentItem()
    for item in walk(root):
        if item.isVisible() and item.property("text") == text and item.property("main") is not None:
            return item
    raise AssertionError(f"no button {text!r}")


def keyboard_keys(kiosk: Any) -> dict[str, QQuickItem]:
    keyboard = find(kiosk.window, "keyboard")
    keys: dict[str, QQuickItem] = {}
    for item in walk(keyboard):
        text = item.property("text")
        if (
            isinstance(text, str)
            and text
            and item.isVisible()
            and item.property("displayText") is not None  # a key (no metaObject(): see audit.py)
        ):
            keys.setdefault(text, item)
    return keys


def post_tap(kiosk: Any, item: QQuickItem) -> None:
    """A tap delivered by the event loop, as a finger's is, for the keyboard's keys that change
    its layout ("Цифри", "Латиница"): the new layout loads while the event is handled, as it
    does under a real finger (no Python frame below it)."""
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    press, release = QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((press, left), (release, none)):
        event = QMouseEvent(kind, centre, centre, left, buttons, Qt.KeyboardModifier.NoModifier)
        QGuiApplication.postEvent(kiosk.window, event)
        settle(20, 2)
    settle(50, 3)


def named_key(kiosk: Any, name: str) -> QQuickItem:
    """A key of the lowest row by its objectName: keyDigits, keyScript, keySpace, keyEnter."""
    keyboard = find(kiosk.window, "keyboard")
    return next(i for i in walk(keyboard) if i.objectName() == name and i.isVisible())


def type_text(kiosk: Any, field_input: QQuickItem, text: str) -> None:
    """Tap the field unless the keyboard is already up for it (a screen with one text field
    gives it the focus on opening), then tap each letter's key."""
    settle(50, 3)
    if not (field_input.hasActiveFocus() and find(kiosk.window, "keyboard").property("active")):
        tap(kiosk.window, field_input, reveal=False)
    wait(lambda: len(keyboard_keys(kiosk)) > 20)  # up, with its layout loaded
    keys = keyboard_keys(kiosk)
    for letter in text:
        name = letter.lower()
        if letter == " ":
            space = next(k for t, k in keys.items() if t.strip() == "" or t == " ")
            tap(kiosk.window, space, reveal=False)
            continue
        tap(kiosk.window, keys[name], reveal=False)
    settle(50, 3)


def pad_ok(kiosk: Any, pad_name: str) -> None:
    """The keypad's OK: the screen's primary action in the footer when the pad has none of its
    own, else its one primary key (whatever the language)."""
    pad = find(kiosk.window, pad_name)
    if pad.property("footerActions"):
        screen_item = find(kiosk.window, "screenHeader").parentItem()
        press(kiosk, find(kiosk.window, str(screen_item.property("primaryName"))))
        return
    for item in walk(pad):
        if item.isVisible() and item.property("kind") == "primary":
            press(kiosk, item)
            return
    raise AssertionError("no OK key")


def pad_digits(kiosk: Any, pad_name: str, digits: str) -> None:
    for digit in digits:
        press(kiosk, button(kiosk, digit, pad_name))


def screen(kiosk: Any) -> str:
    return str(kiosk.bridges.nav.screen)


def keyboard_up(kiosk: Any) -> bool:
    try:
        return bool(find(kiosk.window, "keyboard").property("active"))
    except AssertionError:
        return False


def next_step(kiosk: Any, name: str) -> None:
    """Tap Next (or the keyboard's Enter key while the keyboard covers the screen) and let the
    (possibly async) step change happen."""
    if keyboard_up(kiosk):
        enter = next(
            item
            for item in walk(find(kiosk.window, "keyboard"))
            if item.property("key") == 0x01000004 and item.isVisible()  # Qt.Key_Return
        )
        tap(kiosk.window, enter, reveal=False)
    else:
        press(kiosk, find(kiosk.window, name))
    settle(20, 3)


def choose(kiosk: Any, text: str, moves: bool = True) -> None:
    """Touch the tile whose words are `text`, turning the list's pages as the resident would;
    on a question with one answer, wait until the next question has come (the tile shows its
    check mark for a moment first)."""
    report = kiosk.bridges.report
    tile = next(
        (i for i in walk(kiosk.window.contentItem())
         if i.property("text") == text and i.property("selectable") is True),
        None,
    )  # fmt: skip
    assert tile is not None, f"no tile {text!r}"
    name = tile.objectName()
    before = (report.step["id"], screen(kiosk))
    tap(kiosk.window, find_paged(kiosk.window, name), reveal=False)
    if moves:
        wait(lambda: (report.step["id"], screen(kiosk)) != before and not report.busy)
        settle(20, 2)
