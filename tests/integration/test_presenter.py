"""The presenter view of a guided lesson (on a second screen) never takes the keyboard: the main
window keeps the focus, so the keypad goes on working where the residents look."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest

from .conftest import find, settle, tap
from .test_trainer import _trainer_kiosk, _unlock, _wait


def _presenter() -> QWindow:
    found = [w for w in QGuiApplication.allWindows() if w.objectName() == "presenter"]
    assert len(found) == 1, found
    return found[0]


def test_the_presenter_window_leaves_the_focus_to_the_kiosk(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _unlock(kiosk)
    tap(kiosk.window, find(kiosk.window, "trainerGuided"))
    guided = kiosk.bridges.guided
    _wait(lambda: len(guided.lessons) > 0)
    kiosk.window.requestActivate()
    _wait(lambda: QGuiApplication.focusWindow() is kiosk.window)
    tap(kiosk.window, find(kiosk.window, "guidedLesson0"))
    assert guided.running
    presenter = _presenter()
    assert presenter.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    presenter.show()  # as when a second screen is connected
    settle(30, 5)
    assert presenter.isVisible()
    assert QGuiApplication.focusWindow() is kiosk.window
    # the keypad's keys reach the kiosk: Tab moves the focus among the main window's items
    before = kiosk.window.activeFocusItem()
    QTest.keyClick(QGuiApplication.focusWindow(), Qt.Key.Key_Tab)
    settle(20, 2)
    assert kiosk.window.activeFocusItem() is not None
    assert kiosk.window.activeFocusItem() is not before
    presenter.hide()
