"""L01 by touch: a right touch marks its target at once, a double touch enlarges the photo of the
park, a hold opens the little menu the text promises."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.integration.conftest import find, settle
from tests.integration.lesson_helpers import open_step_screen, press, reveal, step_number, visible


def centre_of(kiosk: Any, name: str) -> Any:
    item = reveal(kiosk, name)
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def test_each_right_touch_marks_its_circle(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    lessons = open_step_screen(
        kiosk, "l01-touch", step=step_number(lessons, "l01-touch", "tap-try")
    )
    for done, circle in enumerate(("red", "green", "blue"), 1):
        assert not visible(kiosk, f"done-{circle}")
        press(kiosk, f"target-{circle}")
        assert visible(kiosk, f"done-{circle}"), circle  # the check mark on the circle
        assert find(kiosk.window, f"target-{circle}").property("done") is True
        assert lessons.feedbackRight
        assert lessons.stepDone == (done == 3)
    # touching a marked circle again keeps it marked and changes nothing else
    press(kiosk, "target-red")
    assert visible(kiosk, "done-red") and lessons.stepDone


def test_a_double_touch_enlarges_the_photo_of_the_park(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    number = step_number(lessons, "l01-touch", "double-tap-try")
    lessons = open_step_screen(kiosk, "l01-touch", step=number)
    photo = find(kiosk.window, "image-park")
    assert photo.property("paintedWidth") > 0  # a real picture, not a box of words
    assert photo.property("scale") == 1
    centre = centre_of(kiosk, "target-park")
    QTest.mouseDClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    settle(400, 3)
    assert lessons.stepDone and visible(kiosk, "done-park")
    assert find(kiosk.window, "image-park").property("scale") == 2


def test_a_hold_opens_the_menu(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, "l01-touch")
    lessons = open_step_screen(
        kiosk, "l01-touch", step=step_number(lessons, "l01-touch", "hold-try")
    )
    assert not visible(kiosk, "holdMenu")
    press(kiosk, "target-photo-button")  # a short touch is not a hold
    assert not visible(kiosk, "holdMenu") and not lessons.feedbackRight
    centre = centre_of(kiosk, "target-photo-button")
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(kiosk.window, button, none, centre)
    hold_ms = int(float(lessons._player.step.widget.params["hold_seconds"]) * 1000)
    settle(hold_ms + 200, 1)
    QTest.mouseRelease(kiosk.window, button, none, centre)
    settle()
    assert lessons.stepDone and visible(kiosk, "holdMenu") and visible(kiosk, "done-photo-button")
