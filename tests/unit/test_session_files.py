"""The kiosk session's files (packaging/session): greetd's config, the script cage runs, the
user unit. The installed files are checked again in a clean Debian root by
packaging/offline-install-test.sh; the session itself runs in tests/e2e/test_cage_session.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSION = ROOT / "packaging" / "session"
sys.path.insert(0, str(SESSION))
from check_greetd import problems  # noqa: E402 - the packaging folder is not a package


def test_greetd_config_starts_cage_for_the_kiosk_user_without_vt_switching() -> None:
    assert problems((SESSION / "greetd.toml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ('command = "/usr/bin/cage -d --', 'command = "/usr/bin/cage -d -s --'),
        ('user = "kiosk"', 'user = "root"'),
        ("vt = 7", "vt = 1"),
        ("[default_session]", "[staff]"),
        ('= "kiosk"', '= "kiosk'),
    ],
)
def test_the_greetd_check_finds_each_fault(change: str, problem: str) -> None:
    text = (SESSION / "greetd.toml").read_text(encoding="utf-8")
    assert change in text
    assert problems(text.replace(change, problem)) != []


def fake_systemctl(tmp_path: Path, start_exit: int) -> tuple[dict[str, str], Path]:
    calls = tmp_path / "calls"
    tool = tmp_path / "bin" / "systemctl"
    tool.parent.mkdir()
    tool.write_text(
        f'#!/bin/sh\necho "$*" >> {calls}\n'
        f'case "$*" in *"start --wait"*) exit {start_exit} ;; esac\nexit 0\n',
        encoding="utf-8",
    )
    tool.chmod(0o755)
    env = dict(os.environ, PATH=f"{tool.parent}:{os.environ['PATH']}", WAYLAND_DISPLAY="wayland-0")
    return env, calls


@pytest.mark.parametrize("kiosk_exit", [0, 1])
def test_the_session_runs_the_kiosk_unit_and_ends_with_it(tmp_path: Path, kiosk_exit: int) -> None:
    """Inside cage: the display handed to the user manager, the unit started and waited for;
    when it ends (a trainer left, or systemd gave up) the script ends and stops the unit."""
    env, calls = fake_systemctl(tmp_path, kiosk_exit)
    subprocess.run(["sh", str(SESSION / "session")], env=env, timeout=30, check=False)
    assert calls.read_text(encoding="utf-8").splitlines() == [
        "--user import-environment WAYLAND_DISPLAY",
        "--user start --wait silver-kiosk-session.service",
        "--user stop silver-kiosk-session.service",
    ]


def test_the_units_pass_systemd_analyze(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed (the offline install test runs it)")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    unit = tmp_path / "silver-kiosk-session.service"
    text = (SESSION / "silver-kiosk-session.service").read_text(encoding="utf-8")
    unit.write_text(text.replace("/usr/bin/silver-kiosk", "/bin/true"), encoding="utf-8")
    result = subprocess.run(
        [tool, "--user", "verify", str(unit)],
        env=dict(os.environ, XDG_RUNTIME_DIR=str(runtime)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    assert "Restart=on-failure" in text and "QT_QPA_PLATFORM=wayland" in text
