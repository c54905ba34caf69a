"""A resident's journeys by touch only, counted: file a report, play L01 to its end, find a
pharmacy, read the departures. Every touch lands in the middle of an item that is fully on
screen; a list on another page is reached with "More choices" / "Previous" (touches too).

`Touches(kiosk, down=False)` FAILS when what is to be touched is not fully on screen: the
screen frame promises that "Down" is never needed. With `down=True` (the layout before the
frame, for the benchmark) the driver presses "Down" / "Up" until it is, and counts them.

Used by tests/integration/test_journeys.py and benchmarks/journeys.py (which also runs it on
an older checkout of the kiosk, so it uses only what both layouts have: object names and the
bridges' state for what the resident reads on the screen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

# the way forward of the report's screens before the frame (the frame names its own)
FORWARD = ("reportNext", "questionNext", "locationNext", "contactNext", "reviewSend", "stepNext")
ENTER = 0x01000004  # Qt.Key_Return: the keyboard's Enter key


class NotOnScreen(AssertionError):
    """What the resident must touch is not fully on screen (or not there at all)."""


def settle(ms: int = 0, rounds: int = 6) -> None:
    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


def wait(condition: Callable[[], Any], what: str, seconds: float = 20.0) -> None:
    for _ in range(int(seconds * 100)):
        if condition():
            settle()
            return
        settle(10, 1)
    raise AssertionError(f"timed out waiting for {what}")


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    """The item and all below it, depth first (a stack, not nested generators: a lesson's
    tree is walked a few thousand times per test)."""
    stack = [item]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.childItems()))


def drawn(item: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() <= 0:
            return False
        node = node.parentItem()
    return item.width() > 0 and item.height() > 0


def _rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


class Touches:
    """Touches on one kiosk, counted."""

    def __init__(self, kiosk: Any, down: bool = False) -> None:
        self.kiosk, self.window, self.down = kiosk, kiosk.window, down
        self.taps = 0  # every touch, "Down" and "Up" included
        self.downs = 0  # "Down" and "Up" presses

    # --- seeing --------------------------------------------------------------------------
    def items(self, name: str) -> list[QQuickItem]:
        return [i for i in walk(self.window.contentItem()) if i.objectName() == name]

    def shown(self, name: str) -> QQuickItem | None:
        return next((i for i in self.items(name) if drawn(i)), None)

    def whole(self, item: QQuickItem) -> bool:
        """Drawn and not cut off by the window's edge or a clipping ancestor."""
        if not drawn(item):
            return False
        full, part = _rect(item), self.visible_part(item)
        return part.width() >= full.width() - 1 and part.height() >= full.height() - 1

    def button_with(self, text: str) -> str:
        """The name of a button whose words are `text` (the resident reads them), once the
        list holding it has arrived."""
        for _ in range(200):
            for item in walk(self.window.contentItem()):
                if (
                    item.property("text") == text
                    and item.inherits("QQuickAbstractButton")
                    and item.objectName()
                ):
                    return str(item.objectName())
            settle(10, 1)
        raise NotOnScreen(f"no button {text!r}")

    # --- touching ------------------------------------------------------------------------
    def tap(self, name: str) -> None:
        """Touch the item called `name` (turning pages or, before the frame, scrolling first)."""
        item = self.reach(name)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        self.click(centre)

    def click(self, point: QPoint, double: bool = False) -> None:
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        if double:
            QTest.mouseDClick(self.window, button, none, point)
        else:
            QTest.mouseClick(self.window, button, none, point)
        self.taps += 1
        settle()

    def hold(self, name: str, ms: int) -> None:
        item = self.reach(name)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(self.window, button, none, centre)
        settle(ms + 200, 1)
        QTest.mouseRelease(self.window, button, none, centre)
        self.taps += 1
        settle()

    def swipe_up(self, area: QQuickItem) -> None:
        """A finger drawn upwards across `area` (a practice list): the list moves on."""
        rect = self.visible_part(area)
        x = int(rect.center().x())
        start, end = int(rect.bottom() - rect.height() * 0.1), int(rect.top() + rect.height() * 0.2)
        button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(self.window, button, none, QPoint(x, start))
        for i in range(1, 11):
            QTest.mouseMove(self.window, QPoint(x, start + (end - start) * i // 10), 15)
        QTest.mouseRelease(self.window, button, none, QPoint(x, end), 15)
        self.taps += 1
        wait(lambda: not area.property("moving"), "the list to stop")

    def reach(self, name: str) -> QQuickItem:
        """The item, fully on screen, on its page of a paged list; or (before the frame, with
        `down`) scrolled to with "Down" and "Up" until its middle is on screen (a resident
        touches the part she sees); else NotOnScreen."""
        for _ in range(80):
            item = self.shown(name)
            if item is not None and self.whole(item):
                return item
            if item is None and self.turn_page(name):
                continue
            if item is not None and self.down:
                if self.middle_shown(item):  # a resident touches the part she sees
                    return item
                if self.scroll_towards(item):
                    continue
            break
        where = "not fully on screen" if self.shown(name) is not None else "not shown"
        raise NotOnScreen(f"{name!r} is {where}")

    def turn_page(self, name: str) -> bool:
        """`name` is in a paged list, on another page: touch "More choices" (or, at the last
        page, "Previous"), as a resident looking for it would."""
        for item in self.items(name):
            pager = item.parentItem()
            while pager is not None and pager.property("pageOf") is None:
                pager = pager.parentItem()
            if pager is None or not drawn(pager):
                continue
            more = next(c for c in walk(pager) if c.objectName() == "pagerMore")
            previous = next(c for c in walk(pager) if c.objectName() == "pagerPrevious")
            button = more if pager.property("hasMore") else previous
            if not drawn(button) or not button.isEnabled():
                return False
            if not self.whole(button):
                raise NotOnScreen(f"the page buttons of the list with {name!r} are cut off")
            self.click(button.mapToScene(QPointF(button.width() / 2, button.height() / 2))
                       .toPoint())  # fmt: skip
            return True
        return False

    def visible_part(self, item: QQuickItem) -> QRectF:
        """The part of the item not cut off by the window's edge or a clipping ancestor."""
        part = _rect(item).intersected(QRectF(0, 0, self.window.width(), self.window.height()))
        node = item.parentItem()
        while node is not None:
            if node.clip():
                part = part.intersected(_rect(node))
            node = node.parentItem()
        return part

    def middle_shown(self, item: QQuickItem) -> bool:
        return self.visible_part(item).contains(_rect(item).center())

    def scroll_towards(self, item: QQuickItem) -> bool:
        """Before the frame: "Down" (or "Up") once towards the item, if it moves the screen."""
        rect = _rect(item)
        down, up = self.shown("scrollDown"), self.shown("scrollUp")
        button = up if rect.top() < self._viewport_top(item) else down
        if button is None or not button.isEnabled():
            return False
        self.downs += 1
        self.click(button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint())
        return True

    @staticmethod
    def _viewport_top(item: QQuickItem) -> float:
        node = item.parentItem()
        while node is not None:
            if node.clip():
                return float(_rect(node).top())
            node = node.parentItem()
        return 0.0

    # --- typing on the on-screen keyboard ------------------------------------------------
    def type_text(self, field_name: str, text: str) -> None:
        """Tap the field (unless the keys are already up for it), then each letter's key."""
        focused = any(i.hasActiveFocus() for i in self.items(field_name))
        if not (focused and self._keyboard_up()):
            self.tap(field_name)
            wait(self._keyboard_up, "the keyboard")
        for letter in text:
            key = self._key(letter)
            self.click(key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint())

    def tap_key(self, code: int) -> None:
        """The keyboard's key with this Qt key code (Enter)."""
        keyboard = self.shown("keyboard")
        key = next(
            (i for i in walk(keyboard) if i.property("key") == code and drawn(i)), None
        ) if keyboard is not None else None  # fmt: skip
        if key is None:
            raise NotOnScreen(f"no key {code:#x} on the keyboard")
        self.click(key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint())

    def _keyboard_up(self) -> bool:
        keyboard = self.shown("keyboard")
        return keyboard is not None and bool(keyboard.property("active"))

    def _key(self, letter: str) -> QQuickItem:
        keyboard = self.shown("keyboard")
        assert keyboard is not None
        for item in walk(keyboard):
            text = item.property("text")
            if item.property("displayText") is None or not drawn(item):
                continue
            if (letter == " " and isinstance(text, str) and text.strip() == "") or text == letter:
                return item
        raise NotOnScreen(f"no key {letter!r}")
