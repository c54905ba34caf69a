"""Pure shell logic: the idle tracker, the countdown's speaking rhythm, the PIN, the gesture,
contrast arithmetic."""

from __future__ import annotations

import pytest

from kiosk.core.contrast import hex_rgb, ratio
from kiosk.core.gesture import CornerGesture
from kiosk.core.pin import PinGuard, hash_pin, verify_pin
from kiosk.core.session import IdlePolicy, IdleState, IdleTracker, countdown_should_speak

POLICY = IdlePolicy(idle_seconds=120, form_idle_seconds=180, warning_seconds=30, max_extensions=10)


def test_idle_warns_after_the_threshold_then_expires() -> None:
    idle = IdleTracker(POLICY, now=0)
    assert idle.tick(119.9) is IdleState.ACTIVE
    assert idle.tick(120) is IdleState.WARNING
    assert idle.seconds_left(120) == 30
    assert idle.seconds_left(135.5) == 15
    assert idle.tick(149.9) is IdleState.WARNING
    assert idle.tick(150) is IdleState.EXPIRED


def test_activity_resets_the_count_but_not_during_the_warning() -> None:
    idle = IdleTracker(POLICY, now=0)
    idle.activity(100)
    assert idle.tick(219) is IdleState.ACTIVE
    assert idle.tick(220) is IdleState.WARNING
    idle.activity(225)
    assert idle.tick(250) is IdleState.EXPIRED


def test_forms_get_longer() -> None:
    idle = IdleTracker(POLICY, now=0)
    idle.in_form = True
    assert idle.tick(170) is IdleState.ACTIVE
    assert idle.tick(180) is IdleState.WARNING


def test_more_time_ten_times_then_no_more() -> None:
    idle = IdleTracker(POLICY, now=0)
    now = 0.0
    for _ in range(10):
        now += 120
        assert idle.tick(now) is IdleState.WARNING
        assert idle.extend(now)
    now += 120
    idle.tick(now)
    assert not idle.can_extend
    assert not idle.extend(now)
    idle.reset(now)
    assert idle.can_extend and idle.state is IdleState.ACTIVE


def test_the_countdown_is_spoken_at_start_every_15_s_and_each_of_the_last_10() -> None:
    spoken = [s for s in range(30, 0, -1) if countdown_should_speak(s, 30)]
    assert spoken == [30, 15, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]


def test_pin_hash_is_salted_and_verifies() -> None:
    a, b = hash_pin("2468"), hash_pin("2468")
    assert a != b and a.startswith("scrypt$")
    assert verify_pin("2468", a) and not verify_pin("2469", a)
    assert not verify_pin("2468", "garbage")
    with pytest.raises(ValueError):
        hash_pin("12")


def test_five_wrong_pins_lock_the_pad_for_five_minutes() -> None:
    guard = PinGuard(hash_pin("2468"), max_tries=5, lock_seconds=300)
    for _ in range(4):
        assert not guard.attempt("0000", now=0)
    assert guard.seconds_locked(0) == 0
    assert not guard.attempt("0000", now=1)
    assert guard.seconds_locked(1) == 300
    assert not guard.attempt("2468", now=200)
    assert guard.attempt("2468", now=301)


def test_no_pin_configured_never_unlocks() -> None:
    guard = PinGuard("", 5, 300)
    assert not guard.configured
    assert not guard.attempt("", now=0)


def corners(gesture: CornerGesture, points: list[tuple[int, int]], start: float = 0.0) -> bool:
    result = False
    for i, (x, y) in enumerate(points):
        result = gesture.tap(x, y, 1920, 1080, start + i)
    return result


CLOCKWISE = [(5, 5), (1915, 5), (1915, 1075), (5, 1075)]


def test_the_corner_gesture() -> None:
    assert corners(CornerGesture(), CLOCKWISE)
    assert not corners(CornerGesture(), list(reversed(CLOCKWISE)))
    assert not corners(CornerGesture(), [(5, 5), (900, 500), (1915, 1075), (5, 1075)])
    assert not corners(CornerGesture(window_seconds=2), CLOCKWISE)  # too slow
    shaky = [CLOCKWISE[0], CLOCKWISE[1], CLOCKWISE[1], CLOCKWISE[2], CLOCKWISE[3]]
    assert corners(CornerGesture(), shaky)


def test_contrast_ratio() -> None:
    assert ratio(hex_rgb("#000000"), hex_rgb("#ffffff")) == pytest.approx(21.0)
    assert ratio(hex_rgb("#767676"), hex_rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)
