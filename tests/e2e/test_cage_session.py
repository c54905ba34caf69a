"""The kiosk session for real: cage (headless) with the kiosk on Qt's wayland platform, seen
through grim as the screen shows it; and the X11 path under Xvfb, seen through a root-window
grab. Screenshots are kept in $KIOSK_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.screens import (
    ROOT,
    artifact_dir,
    cage_session,
    kiosk_log,
    running_kiosk,
    shows_attract_screen,
    wait_for,
    xvfb_display,
)

pytestmark = pytest.mark.slow


def test_the_kiosk_fills_a_cage_session(tmp_path: Path) -> None:
    shots = artifact_dir(tmp_path)
    with cage_session(tmp_path) as cage, running_kiosk(cage.client_env(), tmp_path) as kiosk:
        shot = shots / "cage-attract.png"

        def attract_up() -> bool:
            assert kiosk.poll() is None, f"the kiosk ended: {kiosk_log(tmp_path)}"
            return shows_attract_screen(cage.screenshot(shot))

        wait_for("the attract screen inside cage", attract_up, timeout=120, every=1.0)
        image = cage.screenshot(shot)
        assert (image.width(), image.height()) == (1280, 720)  # the whole output, no frame
        assert kiosk.poll() is None
    assert cage.proc is not None and cage.proc.returncode == 0
    assert "Traceback" not in kiosk_log(tmp_path)


def test_the_smoke_test_passes_on_wayland(tmp_path: Path) -> None:
    """First frame, the on-screen keyboard, every capability and a spoken sentence, on Qt's
    wayland platform inside cage."""
    with cage_session(tmp_path) as cage:
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", "--smoke-test"],
            cwd=ROOT,
            env=cage.client_env(),
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout.splitlines()
    assert "Traceback" not in result.stderr


def test_the_kiosk_fills_an_x11_screen(tmp_path: Path) -> None:
    """The X11 path (a desktop's automatic login): full screen and focused with no window
    manager to help."""
    shots = artifact_dir(tmp_path)
    with xvfb_display(tmp_path) as x, running_kiosk(x.env(), tmp_path) as kiosk:
        shot = shots / "x11-attract.png"

        def attract_up() -> bool:
            assert kiosk.poll() is None, f"the kiosk ended: {kiosk_log(tmp_path)}"
            return shows_attract_screen(x.screenshot(shot))

        wait_for("the attract screen under Xvfb", attract_up, timeout=120, every=1.0)
        focused = x.xdotool("getwindowfocus")
        geometry = x.xdotool("getwindowgeometry", "--shell", focused)
        assert "WIDTH=1280" in geometry and "HEIGHT=720" in geometry, geometry
