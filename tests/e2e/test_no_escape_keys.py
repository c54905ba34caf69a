"""No way out by the keyboard: the kiosk in kiosk mode under an X server (the X11 path; under
cage the same keys reach the kiosk, and cage itself acts only on VT switching, which it allows
only with -s). Each key combination a desktop user would try leaves the screen exactly as it was,
the kiosk's window full screen and focused, and the kiosk running."""

from __future__ import annotations

import time
from pathlib import Path
from subprocess import Popen

import pytest
from PySide6.QtGui import QImage

from tests.e2e.screens import (
    Xvfb,
    artifact_dir,
    kiosk_log,
    running_kiosk,
    same_picture,
    shows_attract_screen,
    wait_for,
    xvfb_display,
)
from tests.e2e.xtest import XTest

pytestmark = pytest.mark.slow

COMBINATIONS = [
    "alt+Tab", "super", "Super_L", "ctrl+alt+BackSpace", "alt+Escape", "ctrl+w", "F11",
    "alt+F4", "ctrl+q", "ctrl+alt+Delete",
    *(f"ctrl+alt+F{n}" for n in range(1, 13)),
]  # fmt: skip


def settled_screen(x: Xvfb, shot: Path) -> QImage:
    """The screen once nothing has moved on it for 4.5 s (the spoken caption has finished: a
    pause between two sentences shows the idle hint for a moment)."""
    pictures: list[QImage] = []

    def still() -> bool:
        pictures.append(x.screenshot(shot))
        last = pictures[-4:]
        return len(last) == 4 and all(same_picture(last[0], p) for p in last[1:])

    wait_for("the screen to stop changing", still, timeout=90, every=1.5)
    return pictures[-1]


def press_all(x: Xvfb, kiosk: Popen[bytes], window: str, combinations: list[str]) -> None:
    """Press each; after each the kiosk runs, full screen, with the focus."""
    for combination in combinations:
        x.xdotool("key", "--clearmodifiers", combination)
        assert kiosk.poll() is None, f"{combination} ended the kiosk"
        focused = x.xdotool("getwindowfocus")
        assert focused == window, f"{combination} moved the focus away from the kiosk"
        geometry = x.xdotool("getwindowgeometry", "--shell", focused)
        assert "WIDTH=1280" in geometry and "HEIGHT=720" in geometry, (combination, geometry)


def changes(x: Xvfb, kiosk: Popen[bytes], window: str, shot: Path) -> list[str]:
    """The combinations that change the settled screen: all pressed at once first (the screen
    must come out the same), one by one only to name the culprits."""
    before = settled_screen(x, shot)
    press_all(x, kiosk, window, COMBINATIONS)
    time.sleep(0.5)  # time for a reaction to show; a change is what fails
    if same_picture(before, x.screenshot(shot.with_suffix(".after.png"))):
        return []
    found = []
    for combination in COMBINATIONS:
        before = settled_screen(x, shot)
        press_all(x, kiosk, window, [combination])
        time.sleep(0.5)
        after = x.screenshot(shot.with_suffix(".after.png"))
        if not same_picture(before, after):
            found.append(combination)
            after.save(str(shot.with_suffix(f".{combination}.png")))
    return found


def test_no_key_combination_changes_what_a_resident_sees(tmp_path: Path) -> None:
    shots = artifact_dir(tmp_path)
    with xvfb_display(tmp_path) as x, running_kiosk(x.env(), tmp_path) as kiosk:

        def attract_up() -> bool:
            assert kiosk.poll() is None, f"the kiosk ended: {kiosk_log(tmp_path)}"
            return shows_attract_screen(x.screenshot(shots / "keys-attract.png"))

        wait_for("the attract screen", attract_up, timeout=120, every=1.0)
        window = x.xdotool("getwindowfocus")
        assert changes(x, kiosk, window, shots / "keys-attract.png") == []
        pointer = XTest(x.display)
        try:
            pointer.tap(1100, 50)  # touch anywhere (beside the greeting): a visit starts at home
        finally:
            pointer.close()
        wait_for("the home screen", lambda: not shows_attract_screen(
            x.screenshot(shots / "keys-home.png")), timeout=60)  # fmt: skip
        assert changes(x, kiosk, window, shots / "keys-home.png") == []
