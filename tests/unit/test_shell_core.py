"""Pure shell logic: the idle tracker, the countdown's speaking rhythm, the PIN, the gesture,
contrast arithmetic."""

from __future__ import annotations

import pytest

from kiosk.core.contrast import hex_rgb, ratio
from kiosk.core.gesture import CornerGesture
from kiosk.core.pin import (
    LockState,
    PinGuard,
    hash_pin,
    hash_problem,
    hash_weakness,
    verify_pin,
)
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
    a, b = hash_pin("246813"), hash_pin("246813")
    assert a != b and a.startswith("scrypt$")
    assert verify_pin("246813", a) and not verify_pin("246814", a)
    assert not verify_pin("246813", "garbage")
    with pytest.raises(ValueError):
        hash_pin("12")


def test_five_wrong_pins_lock_the_pad_for_five_minutes() -> None:
    guard = PinGuard(hash_pin("246813"), max_tries=5, lock_seconds=300)
    for _ in range(4):
        assert not guard.attempt("000000", now=0)
    assert guard.seconds_locked(0) == 0
    assert not guard.attempt("000000", now=1)
    assert guard.seconds_locked(1) == 300
    assert not guard.attempt("246813", now=200)
    assert guard.attempt("246813", now=301)


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


def test_pins_shorter_than_six_digits_or_common_are_refused() -> None:
    for short in ("2468", "24680", "12a456", "1" * 13):
        with pytest.raises(ValueError, match="6 to 12 digits"):
            hash_pin(short)
    for common in ("123456", "000000", "777777777"):
        with pytest.raises(ValueError, match="first anybody would try"):
            hash_pin(common)
    assert hash_pin("246813").endswith("$6")


def test_a_malformed_hash_is_named_and_never_verifies() -> None:
    good = hash_pin("246813")
    assert hash_problem(good) == "" and hash_problem("") == ""
    parts = good.split("$")
    broken = {
        "scrypt$16384$8$1$c2FsdA==": "not a hash made by",
        "bcrypt" + good[6:]: "not a hash made by",
        good.replace("$8$", "$x$"): "damaged",
        "$".join([*parts[:4], "!!!!", *parts[5:]]): "damaged",
        good.replace("$16384$", "$1000$"): "cost",
        good.replace("$16384$", "$1048576$"): "cost",
        "$".join([*parts[:5], "YWJj", parts[6]]): "too short",
    }
    for stored, problem in broken.items():
        assert problem in hash_problem(stored), stored
        assert not verify_pin("246813", stored)


def test_weak_hashes_are_named() -> None:
    old = hash_pin("246813").rsplit("$", 1)[0]  # as made before the 6-digit rule
    assert "4 digits" in hash_weakness(old) and verify_pin("246813", old)
    assert hash_weakness(hash_pin("246813")) == ""
    common = "$".join(hash_pin("246813", b"0123456789abcdef").split("$")[:5])
    import base64
    import hashlib

    digest = hashlib.scrypt(b"123456", salt=b"0123456789abcdef", n=2**14, r=8, p=1, dklen=32)
    common += "$" + base64.b64encode(digest).decode() + "$6"
    assert "first anybody would try" in hash_weakness(common)


def test_each_lockout_is_longer_and_every_change_is_saved_first() -> None:
    saved: list[LockState] = []
    guard = PinGuard(hash_pin("246813"), 5, 300, save=saved.append)
    locks = []
    now = 0.0
    for _ in range(5):
        for _ in range(5):
            assert not guard.attempt("000000", now)
        locks.append(guard.seconds_locked(now))
        now += guard.seconds_locked(now) + 1
    assert locks == [300, 900, 3600, 14400, 14400]
    assert saved[-1] == guard.state and saved[-1].lockouts == 5
    assert guard.attempt("246813", now)
    assert guard.state == LockState() and saved[-1] == LockState()


def test_a_restarted_guard_keeps_the_count_and_the_lock() -> None:
    saved: list[LockState] = []
    first = PinGuard(hash_pin("246813"), 5, 300, save=saved.append)
    for _ in range(3):
        first.attempt("000000", 100.0)
    again = PinGuard(first.stored_hash, 5, 300, saved[-1])
    assert again.failures == 3
    again.attempt("000000", 101.0)
    again.attempt("000000", 102.0)
    restarted = PinGuard(first.stored_hash, 5, 300, again.state)
    assert restarted.seconds_locked(103.0) == 299
    assert not restarted.attempt("246813", 200.0)
    # a clock set back a year does not stretch the lock past its own length
    assert restarted.seconds_locked(102.0 - 365 * 86400) == 300
