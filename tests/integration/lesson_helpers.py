"""Driving the lesson step screen by touch in tests: open a step, bring a part into view, tap
it, read what the rendered practice widget shows (its parts, texts and colours)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.integration.conftest import find, find_paged, settle, tap, walk

# Hue ranges (degrees) of the colours a lesson may name (kiosk.core.lesson_widgets.COLOURS).
HUES = {
    "red": ((0, 15), (340, 361)),
    "orange": ((15, 40),),
    "yellow": ((40, 70),),
    "green": ((70, 170),),
    "blue": ((190, 250),),
    "purple": ((250, 320),),
}


def open_step_screen(kiosk: Any, lesson_id: str, lang: str = "bg", step: int = 0) -> Any:
    """The lesson step screen with `lesson_id` open (at `step`, from 1, when given)."""
    session, lessons = kiosk.bridges.session, kiosk.bridges.lessons
    session.begin()
    session.setLanguage(lang)
    lessons.start(lesson_id)
    opening = kiosk.bridges.nav.screen != "lesson-step"
    kiosk.bridges.nav.go("lesson-step")
    settle()
    if opening:  # the screen narrates its step 300 ms after it opens: not over a test's first tap
        settle(100, 4)
    if step:
        lessons.show_step(lesson_id, step)
        settle()
    return lessons


def step_number(lessons: Any, lesson_id: str, step_id: str) -> int:
    """The 1-based number of a step as the learner sees it."""
    lessons.start(lesson_id)
    return [s.id for s in lessons._player.steps].index(step_id) + 1


def visible(kiosk: Any, name: str) -> bool:
    return any(i.objectName() == name and i.isVisible() for i in walk(kiosk.window.contentItem()))


def viewport(item: QQuickItem) -> tuple[float, float]:
    """The top and bottom (scene y) of the scrolled area an item is shown in."""
    parent, root = item.parentItem(), item
    while parent is not None:
        if parent.property("contentY") is not None and parent.property("interactive") is not None:
            top = parent.mapToScene(QPointF(0, 0)).y()
            return top, top + parent.height()
        root, parent = parent, parent.parentItem()
    # the window's content item, not item.window(): a second Python wrapper of the window, once
    # collected, leaves the test's own wrapper pointing at nothing (shiboken)
    return 0.0, float(root.height())


def reveal(kiosk: Any, name: str) -> QQuickItem:
    """The visible item called `name`, scrolled into view with the Up and Down buttons."""
    window = kiosk.window
    for _attempt in range(20):
        item = find(window, name)
        top = item.mapToScene(QPointF(0, 0)).y()
        bottom = top + item.height()
        area_top, area_bottom = viewport(item)
        up = find(window, "scrollUp") if visible(kiosk, "scrollUp") else None
        down = find(window, "scrollDown") if visible(kiosk, "scrollDown") else None
        if top < area_top - 1 and up is not None and up.isEnabled():
            tap(window, up, reveal=False)
        elif bottom > area_bottom + 1 and down is not None and down.isEnabled() and top > area_top:
            tap(window, down, reveal=False)
        else:
            break
    return find(window, name)


MORE_MENU = {"resetWidget", "skipWidget", "leaveLesson"}


def press(kiosk: Any, name: str) -> None:
    """Tap a control by name as a resident would: an answer on another page is reached with
    "More choices", a rare control through the step's "More…", and (only where a widget is
    taller than the screen) the Up and Down buttons."""
    window = kiosk.window
    if name in MORE_MENU:
        tap(window, find(window, "stepMore"), reveal=False)
        tap(window, find(window, name), reveal=False)
    elif name.startswith(("option-", "action-")):  # answers, and the recovery's moves
        settle()  # a note that just appeared may have moved the choices to another page
        tap(window, find_paged(window, name), reveal=False)
    else:
        tap(window, reveal(kiosk, name), reveal=False)


def hold(kiosk: Any, name: str) -> None:
    """Press a part, keep the finger down past the press-and-hold time, let go."""
    item = reveal(kiosk, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(kiosk.window, button, none, centre)
    settle(QGuiApplication.styleHints().mousePressAndHoldInterval() + 300, 1)
    QTest.mouseRelease(kiosk.window, button, none, centre)
    settle()


def widget_items(kiosk: Any) -> Iterator[QQuickItem]:
    """The visible items of the step's practice widget."""
    loader = find(kiosk.window, "widgetLoader")
    return (i for i in walk(loader) if i.isVisible() and i.opacity() > 0)


def shown_texts(items: Iterator[QQuickItem]) -> list[str]:
    found = []
    for item in items:
        text = item.property("text")
        if isinstance(text, str) and text:
            found.append(text)
    return found


def colour_share(image: QImage, rect: QRectF, colour: str) -> float:
    """The share of pixels in `rect` (window pixels) whose hue is `colour`'s (saturated ones)."""
    ranges = HUES[colour]
    hits = total = 0
    left, top = max(0, int(rect.left())), max(0, int(rect.top()))
    right = min(image.width(), int(rect.right()))
    bottom = min(image.height(), int(rect.bottom()))
    step = max(1, min(right - left, bottom - top) // 40)
    for y in range(top, bottom, step):
        for x in range(left, right, step):
            total += 1
            c = QColor(image.pixel(x, y))
            hue = c.hsvHue()
            if c.hsvSaturationF() < 0.35 or c.valueF() < 0.2 or hue < 0:
                continue
            if any(lo <= hue < hi for lo, hi in ranges):
                hits += 1
    return hits / total if total else 0.0


def scene_rect(item: QQuickItem) -> QRectF:
    top_left = item.mapToScene(QPointF(0, 0))
    return QRectF(top_left.x(), top_left.y(), item.width(), item.height())


def shoot(kiosk: Any, name: str) -> None:
    """Save what the window shows as <name>.png in $KIOSK_TEST_ARTIFACTS, when it is set (to
    look at what a learner sees); nothing otherwise."""
    folder = os.environ.get("KIOSK_TEST_ARTIFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        kiosk.window.grabWindow().save(str(Path(folder) / f"{name}.png"))
