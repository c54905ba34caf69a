"""The command line as an installer or newcomer meets it: clear one-line errors, never a
traceback; doctor, screenshot and the smoke test work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.bridges import CAPABILITIES

ROOT = Path(__file__).resolve().parents[2]


def kiosk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_no_display_says_how_to_run_headless() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--windowed"],
        cwd=ROOT,
        env={k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "qt.qpa" not in result.stderr
    no_traceback(result)


def test_a_broken_config_names_the_key_and_what_is_allowed(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[session]\nidle_seconds = 3\n", encoding="utf-8")
    result = kiosk("--config", str(config), "--windowed")
    assert result.returncode == 2
    assert "'session.idle_seconds' is 3; allowed: a whole number from 30 to 3600" in result.stderr
    no_traceback(result)


def test_doctor_checks_and_prints_the_effective_config(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[session]\nidle_seconds = 90\n',
        encoding="utf-8",
    )
    result = kiosk("--config", str(config), "doctor")
    assert "font NotoSans-Regular.ttf (Noto Sans) has full Cyrillic" in result.stdout
    assert "OK    pictograms: all " in result.stdout
    assert "idle_seconds = 90" in result.stdout
    assert "trainer_pin_hash = (not set)" in result.stdout
    assert "data folder" in result.stdout
    no_traceback(result)


@pytest.mark.slow
def test_screenshot_writes_the_screen(tmp_path: Path) -> None:
    out = tmp_path / "home.png"
    result = kiosk(
        "screenshot",
        "--screen",
        "home",
        "--lang",
        "bg",
        "--text-size",
        "largest",
        "--theme",
        "high-contrast",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(5, 1075).name() == "#000000"  # high contrast: black background


def test_screenshot_of_an_unknown_screen_lists_the_known_ones(tmp_path: Path) -> None:
    result = kiosk("screenshot", "--screen", "nope", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "There is no screen called 'nope'" in result.stderr and "home" in result.stderr
    no_traceback(result)


@pytest.mark.slow
def test_screenshot_of_a_state_mid_journey_on_a_portrait_panel(tmp_path: Path) -> None:
    """The practice portal runs in the process; the report is answered up to its review."""
    out = tmp_path / "review.png"
    result = kiosk(
        "screenshot", "--journey", "report", "--at", "review", "--size", "1080x1920",
        "--out", str(out), timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout  # the path is printed
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1080, 1920)
    no_traceback(result)


@pytest.mark.slow
def test_screenshot_of_a_typing_lesson_step_exits_cleanly(tmp_path: Path) -> None:
    """The step focuses its field at once: only the kiosk's own keyboard comes up, never Qt's
    desktop panel, whose QML engine outlived the application and aborted the exit (134)."""
    result = kiosk(
        "screenshot", "--screen", "lesson-step", "--lesson", "l03-keyboard", "--step", "3",
        "--out", str(tmp_path / "step.png"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "QPixmap" not in result.stderr and "Cannot find style" not in result.stderr


def test_screenshot_of_an_unknown_state_lists_the_known_ones(tmp_path: Path) -> None:
    result = kiosk(
        "screenshot", "--journey", "report", "--at", "nowhere", "--out", str(tmp_path / "x.png")
    )
    assert result.returncode == 2
    assert "no state 'nowhere'" in result.stderr and "review" in result.stderr
    no_traceback(result)


@pytest.mark.slow
def test_smoke_test_reaches_the_first_frame(tmp_path: Path) -> None:
    result = kiosk(
        "--smoke-test", env={"QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "first-frame"  # drawn, then every capability built
    assert lines[1] == "capabilities built: " + ", ".join(CAPABILITIES)
    assert lines[2] == "ready"  # portals and database up
    assert "espeak-ng" in result.stdout  # and one Bulgarian sentence synthesised


def test_a_data_dir_that_is_a_file_stops_the_kiosk_with_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[paths]\ndata_dir = "{blocker}"\n', encoding="utf-8")
    result = kiosk("--config", str(config), "--smoke-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert "'paths.data_dir'" in result.stderr and "is a file, not a folder" in result.stderr
    no_traceback(result)
    doctor = kiosk("--config", str(config), "doctor")
    assert doctor.returncode == 1
    assert f"FAIL  data folder {blocker} is a file, not a folder" in doctor.stdout
    no_traceback(doctor)


def test_a_malformed_pin_hash_is_refused_at_start_and_by_the_doctor(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\ntrainer_pin_hash = "scrypt$16384$8$1$$"\n', encoding="utf-8")
    result = kiosk("--config", str(config), "--windowed")
    assert result.returncode == 2
    assert "'kiosk.trainer_pin_hash' is not valid" in result.stderr
    doctor = kiosk("--config", str(config), "doctor")
    assert doctor.returncode == 1
    assert doctor.stdout.startswith("FAIL ") and "trainer_pin_hash" in doctor.stdout
    no_traceback(result)
    no_traceback(doctor)


def test_the_doctor_reports_a_weak_pin_and_a_config_others_can_read(tmp_path: Path) -> None:
    from kiosk.core.pin import hash_pin

    old = hash_pin("246813").rsplit("$", 1)[0]  # a hash from before the 6-digit rule
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[kiosk]\ntrainer_pin_hash = "{old}"\n',
        encoding="utf-8",
    )
    config.chmod(0o644)
    doctor = kiosk("--config", str(config), "doctor")
    assert doctor.returncode == 1
    assert "FAIL  weak trainer PIN: it was made when PINs of 4 digits were allowed" in doctor.stdout
    assert "is readable by every user" in doctor.stdout
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\n'
        f'[kiosk]\ntrainer_pin_hash = "{hash_pin("246813")}"\n',
        encoding="utf-8",
    )
    config.chmod(0o640)
    doctor = kiosk("--config", str(config), "doctor")
    assert "OK    trainer PIN hash is sound" in doctor.stdout
    assert "with the PIN hash is not readable by others" in doctor.stdout


def test_pin_refuses_short_and_common_pins() -> None:
    for pin, message in (("2468", "6 to 12 digits"), ("123456", "first anybody would try")):
        # no terminal (a new session): getpass reads the PIN from standard input
        proc = subprocess.run(
            [sys.executable, "-m", "kiosk", "pin"], cwd=ROOT, input=f"{pin}\n{pin}\n",
            capture_output=True, text=True, timeout=60, start_new_session=True, check=False,
        )  # fmt: skip
        assert proc.returncode == 1 and message in proc.stderr
        assert "trainer_pin_hash" not in proc.stdout
