"""Drag and pinch handlers only in lesson widgets (ACCESSIBILITY 9: a lesson teaches that
gesture, with a Skip; everywhere else a resident touches, never drags). Handlers are declared
in the QML sources, so the sources are read: every file, shown in a test's walk or not."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.services.storage.paths import UI_DIR

GESTURE = re.compile(r"^\s*(DragHandler|PinchHandler|PinchArea)\s*\{", re.MULTILINE)
WIDGET = re.compile(r"^\s*property bool lessonWidget: true\b", re.MULTILINE)


def gestures(source: str) -> list[str]:
    """The gesture handlers a QML source declares, unless it is a lesson widget's."""
    return [] if WIDGET.search(source) else GESTURE.findall(source)


def test_no_gesture_handler_outside_a_lesson_widget() -> None:
    found = {
        str(path.relative_to(UI_DIR)): names
        for path in sorted(UI_DIR.rglob("*.qml"))
        if (names := gestures(path.read_text(encoding="utf-8")))
    }
    assert not found, found


def test_the_check_finds_a_handler_and_spares_a_lesson_widget() -> None:
    screen = "Item {\n    Rectangle {\n        DragHandler { }\n    }\n    PinchArea {}\n}\n"
    assert gestures(screen) == ["DragHandler", "PinchArea"]
    assert gestures("Item {\n    property bool lessonWidget: true\n" + screen[7:]) == []
    assert [p.name for p in Path(UI_DIR, "lessons").glob("*.qml") if GESTURE.search(p.read_text())]
