"""The shell end to end offscreen: start, navigate, per-person settings, idle, Finish, wipe."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.config import Settings
from tests.integration.conftest import find, find_paged, key, settle, shown, tap, tap_at


def test_touch_a_language_starts_a_session_in_it(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_en"))
    assert kiosk.bridges.session.active
    assert kiosk.bridges.session.language == "en"
    assert kiosk.bridges.nav.screen == "home"
    find(kiosk.window, "barHelp")
    find(kiosk.window, "barFinish")


def test_touch_anywhere_starts_in_the_default_language(kiosk: Any) -> None:
    tap_at(kiosk.window, 1900, 700)  # the margin beside the language buttons
    assert kiosk.bridges.nav.screen == "home"
    assert kiosk.bridges.session.language == "bg"


def test_make_it_easier_changes_text_contrast_and_language(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    tap(kiosk.window, find(kiosk.window, "tileEasier"))
    assert kiosk.bridges.nav.screen == "easier"
    tap(kiosk.window, find(kiosk.window, "textStep2"))
    assert kiosk.bridges.session.textScale == 2.0
    tap(kiosk.window, find_paged(kiosk.window, "contrastHigh"))
    assert kiosk.bridges.session.highContrast
    tap(kiosk.window, find_paged(kiosk.window, "lang_uk"))
    assert kiosk.bridges.session.language == "uk"
    assert kiosk.bridges.session.textScale == 2.0  # the other choices stay


def test_a_long_list_pages_and_the_way_forward_stays_in_view(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    kiosk.bridges.session.setTextStep(2)
    kiosk.bridges.nav.go("easier")
    settle()
    done = find(kiosk.window, "easierDone")
    bottom = done.mapToScene(done.boundingRect().bottomLeft()).y()
    assert bottom <= kiosk.window.height()  # Done is in the footer, at the largest size too
    assert not find(kiosk.window, "screenHeader").parentItem().property("scrollable")
    more = find(kiosk.window, "pagerMore")
    pages = 1
    while more.isEnabled() and pages < 20:
        tap(kiosk.window, more, reveal=False)
        pages += 1
    assert pages > 2 and shown(find(kiosk.window, "lang_tr"))  # the last group, by touch
    previous = find(kiosk.window, "pagerPrevious")
    assert shown(previous) and not shown(more)  # at the end: Previous only


def test_bar_text_size_cycles_through_three_steps(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    steps = []
    for _ in range(3):
        tap(kiosk.window, find(kiosk.window, "barTextSize"))
        steps.append(kiosk.bridges.session.textStep)
    assert steps == [1, 2, 1]  # up to the largest, then one step down: never a jump


def test_tremor_filter_ignores_a_second_tap_within_half_a_second(make_kiosk: Any) -> None:
    kiosk = make_kiosk()  # the default filter: 500 ms
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    button = find(kiosk.window, "barTextSize")
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    settle()
    assert kiosk.bridges.session.textStep == 1


def test_sliding_off_a_button_cancels_it(kiosk: Any) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    button = find(kiosk.window, "language_en")
    inside = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
    outside = button.mapToScene(QPointF(button.width() / 2, button.height() * 3)).toPoint()
    QTest.mousePress(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside
    )
    QTest.mouseMove(kiosk.window, outside)
    QTest.mouseRelease(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, outside
    )
    settle()
    assert kiosk.bridges.session.language == "bg"
    assert kiosk.bridges.nav.screen == "attract"


def test_finish_asks_first_and_then_wipes_everything(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_en"))
    session = kiosk.bridges.session
    session.setTextStep(2)
    session.setHighContrast(True)
    QGuiApplication.clipboard().setText("0888 123 456")
    (kiosk.session_tmp / "receipt.pdf").write_bytes(b"%PDF")
    tap(kiosk.window, find(kiosk.window, "barFinish"))
    tap(kiosk.window, find(kiosk.window, "finishNo"))  # the safe choice first
    assert session.active
    tap(kiosk.window, find(kiosk.window, "barFinish"))
    tap(kiosk.window, find(kiosk.window, "finishYes"))
    assert not session.active
    assert kiosk.bridges.nav.screen == "attract"
    assert (session.language, session.textStep, session.highContrast) == ("bg", 0, False)
    assert QGuiApplication.clipboard().text() == ""
    assert list(kiosk.session_tmp.iterdir()) == []
    assert session.dataDeleted
    find(kiosk.window, "language_bg")


def test_idle_warns_counts_down_allows_more_time_then_wipes(make_kiosk: Any, clock: Any) -> None:
    kiosk = make_kiosk(clock=clock)
    session = kiosk.bridges.session
    tap(kiosk.window, find(kiosk.window, "language_en"))
    session.setTextStep(1)
    clock.advance(119)
    session.tick()
    assert not session.warning
    clock.advance(2)
    session.tick()
    settle()
    assert session.warning
    assert session.secondsLeft == 30
    assert "30 seconds" in session.countdownText
    tap(kiosk.window, find(kiosk.window, "idleMore"))
    assert not session.warning and session.active
    assert kiosk.bridges.session.textStep == 1  # the exact state is kept
    for _ in range(9):  # ten extensions in all are possible
        clock.advance(121)
        session.tick()
        assert session.warning and session.canExtend
        session.extend()
    clock.advance(121)
    session.tick()
    settle()
    assert session.warning and not session.canExtend
    find(kiosk.window, "idleDone")
    with pytest.raises(AssertionError):
        find(kiosk.window, "idleMore")
    clock.advance(30)
    session.tick()
    settle()
    assert not session.active
    assert session.textStep == 0
    assert kiosk.bridges.nav.screen == "attract"


def test_idle_warning_ignores_passing_touches(make_kiosk: Any, clock: Any) -> None:
    kiosk = make_kiosk(clock=clock)
    session = kiosk.bridges.session
    tap(kiosk.window, find(kiosk.window, "language_en"))
    clock.advance(121)
    session.tick()
    settle()
    tap_at(kiosk.window, 5, 600)  # on the scrim, not the button
    assert session.warning


def test_help_is_in_the_same_place_on_every_screen_and_explains_it(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_en"))
    places = []
    for screen in ("home", "easier"):
        kiosk.bridges.nav.go(screen)
        settle()
        button = find(kiosk.window, "barHelp")
        places.append((button.x(), button.y(), button.width(), button.height()))
        tap(kiosk.window, button)
        assert kiosk.window.property("overlay") != ""
        tap(kiosk.window, find(kiosk.window, "helpClose"))
    assert places[0] == places[1]


def test_keys_alone_reach_every_control(kiosk: Any) -> None:
    window = kiosk.window
    assert window.activeFocusItem().objectName() not in ("language_bg", "language_en")
    key(window, Qt.Key.Key_Down)  # nothing starts focused: the first Down goes to Bulgarian
    key(window, Qt.Key.Key_Return)
    assert kiosk.bridges.nav.screen == "home"
    seen = set()
    for _ in range(40):  # round the whole screen: bar, tiles, Up/Down
        key(window, Qt.Key.Key_Down)
        seen.add(window.activeFocusItem().objectName())
    assert {"barHome", "barHelp", "barTextSize", "barFinish", "tileEasier"} <= seen
    while window.activeFocusItem().objectName() != "tileEasier":
        key(window, Qt.Key.Key_Down)
    key(window, Qt.Key.Key_Return)
    assert kiosk.bridges.nav.screen == "easier"
    key(window, Qt.Key.Key_Backspace)  # the keypad's Back
    assert kiosk.bridges.nav.screen == "home"
    key(window, Qt.Key.Key_F1)  # the keypad's Help
    assert window.property("overlay") == "help"
    assert window.activeFocusItem().objectName() == "helpClose"
    key(window, Qt.Key.Key_Backspace)
    assert window.property("overlay") == ""


@pytest.mark.error_log  # the exception is logged
def test_an_exception_in_a_slot_shows_the_calm_error_screen(kiosk: Any, qtbot: Any) -> None:
    import sys

    from kiosk.app import install_exception_hook

    previous = sys.excepthook
    install_exception_hook(kiosk.bridges.shell)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    settle()
    assert kiosk.bridges.shell.errorShown
    tap(kiosk.window, find(kiosk.window, "errorHome"))
    assert not kiosk.bridges.shell.errorShown
    assert kiosk.bridges.nav.screen == "attract"


def test_kiosk_mode_refuses_to_close(make_kiosk: Any) -> None:
    kiosk = make_kiosk(windowed=False)
    assert kiosk.bridges.trainer.lockdown
    kiosk.window.close()
    settle()
    assert kiosk.window.isVisible()
    key(kiosk.window, Qt.Key.Key_Escape)
    assert kiosk.window.isVisible()


def test_trainer_gesture_and_pin_unlock_the_way_out(make_kiosk: Any, clock: Any) -> None:
    from kiosk.core.pin import hash_pin

    settings = Settings({"kiosk.trainer_pin_hash": hash_pin("246813")})
    kiosk = make_kiosk(settings, windowed=False, clock=clock)
    for x, y in ((10, 10), (1910, 10), (1910, 1070), (10, 1070)):
        tap_at(kiosk.window, x, y)
    assert kiosk.window.property("overlay") != ""
    assert not kiosk.bridges.trainer.unlocked
    for _ in range(5):
        assert not kiosk.bridges.trainer.tryPin("111111")
    assert kiosk.bridges.trainer.secondsLocked == 300
    assert not kiosk.bridges.trainer.tryPin("246813")  # locked: even the right PIN is refused
    clock.advance(301)
    kiosk.bridges.session.activity()  # the five minutes of waiting were not idle ones
    assert kiosk.bridges.trainer.tryPin("246813")
    settle()
    find_paged(kiosk.window, "trainerExit")


def test_the_pin_lock_holds_across_a_restart(make_kiosk: Any, clock: Any, tmp_path: Any) -> None:
    """A kiosk closed (or killed) while the pad is locked starts again locked, with the count
    kept, and the next lockout is longer."""
    from kiosk.core.pin import hash_pin

    settings = Settings(
        {"kiosk.trainer_pin_hash": hash_pin("246813"), "paths.data_dir": str(tmp_path)}
    )
    first = make_kiosk(settings, windowed=False, clock=clock)
    for _ in range(3):
        assert not first.bridges.trainer.tryPin("111111")
    # no close: as after a power cut, only what each answer wrote is on disk
    second = make_kiosk(settings, windowed=False, clock=clock)
    assert second.bridges.trainer.triesLeft == 2
    for _ in range(2):
        assert not second.bridges.trainer.tryPin("111111")
    assert second.bridges.trainer.secondsLocked == 300
    third = make_kiosk(settings, windowed=False, clock=clock)
    assert third.bridges.trainer.secondsLocked == 300
    assert not third.bridges.trainer.tryPin("246813")
    clock.advance(301)
    for _ in range(5):
        assert not third.bridges.trainer.tryPin("111111")
    assert third.bridges.trainer.secondsLocked == 900  # the second lockout is longer
    assert third.bridges.trainer.lockProblem == ""


def test_a_form_on_screen_gets_the_longer_idle_limit(make_kiosk: Any, clock: Any) -> None:
    """session.form_idle_seconds: QML tells the session when a form is on screen."""
    settings = Settings({"session.idle_seconds": 60, "session.form_idle_seconds": 300})
    kiosk = make_kiosk(settings, clock=clock)
    session = kiosk.bridges.session
    tap(kiosk.window, find(kiosk.window, "language_en"))
    kiosk.bridges.nav.go("track")  # typing the report's number: a form
    settle()
    clock.advance(120)
    session.tick()
    assert not session.warning  # past the general limit, within the form's
    clock.advance(181)
    session.tick()
    assert session.warning
    session.extend()
    kiosk.bridges.nav.go("home")  # no form: the general limit again
    settle()
    clock.advance(61)
    session.tick()
    assert session.warning
