"""The update policy's pieces: the session lock, the update window, the opt-in repository
files, and the kiosk's restart into an upgraded release only when no session is open."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.services.updates.session_lock import SessionLock, held, is_held, lock_paths
from kiosk.services.updates.window import check
from kiosk.updates import RESTART_EXIT, Updates
from kiosk.updates_cli import NOT_NOW, main_for_tests, unattended_running

MONDAY_10 = datetime(2026, 12, 7, 10, 0)
MONDAY_7_30 = datetime(2026, 12, 7, 7, 30)  # the site opens at 8:00
MONDAY_3 = datetime(2026, 12, 7, 3, 0)


@contextmanager
def holder(code: str) -> Iterator[None]:
    """Another process that takes a lock, says 'held', and waits to be killed."""
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "held"
            yield
        finally:
            child.kill()


HOURS = {"site.opening_hours": "Mo-Fr 08:00-20:00; Sa 09:00-15:00"}


def test_the_lock_is_held_from_the_session_start_to_the_wipe(tmp_path: Path) -> None:
    path = tmp_path / "run" / "silver-kiosk" / "session.lock"
    lock = SessionLock(path)
    assert not is_held(path)
    assert lock.hold() and lock.hold()  # twice is once
    assert is_held(path) and held([path]) == [path]
    lock.release()
    lock.release()
    assert not is_held(path) and path.exists()


def test_a_lock_dies_with_its_process(tmp_path: Path) -> None:
    path = tmp_path / "session.lock"
    code = (
        "import sys, time; from pathlib import Path;"
        "from kiosk.services.updates.session_lock import SessionLock;"
        f"SessionLock(Path({str(path)!r})).hold(); print('held', flush=True); time.sleep(60)"
    )
    with holder(code):
        assert is_held(path)
    assert not is_held(path)  # a crashed kiosk leaves no session behind


def test_the_window_waits_for_the_session_and_the_opening_hours(tmp_path: Path) -> None:
    path = tmp_path / "session.lock"
    settings = Settings(HOURS)
    assert check(settings, MONDAY_3, [path]).allowed
    assert not check(settings, MONDAY_10, [path]).allowed
    assert not check(settings, MONDAY_7_30, [path]).allowed  # opens within the hour
    lock = SessionLock(path)
    lock.hold()
    verdict = check(settings, MONDAY_3, [path])
    assert not verdict.allowed and "session" in verdict.reason
    lock.release()
    anytime = Settings({**HOURS, "updates.only_when_closed": False})
    assert check(anytime, MONDAY_10, [path]).allowed
    assert check(Settings({"site.opening_hours": ""}), MONDAY_10, [path]).allowed  # never open


def test_the_configured_lock_is_the_one_checked(tmp_path: Path) -> None:
    assert lock_paths(str(tmp_path / "x.lock")) == [tmp_path / "x.lock"]


def test_check_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "kiosk.toml"
    lock = tmp_path / "session.lock"
    config.write_text(f'[updates]\nsession_lock = "{lock}"\n', encoding="utf-8")
    base = ["--config", str(config), "updates", "check"]
    assert main_for_tests([*base, "--at", "2026-12-07T03:00"]) == 0
    assert main_for_tests([*base, "--at", "2026-12-07T10:00"]) == NOT_NOW
    assert "not now: the site is open" in capsys.readouterr().out
    # the Pre-Invoke hook: an admin's own apt run is never held back
    assert main_for_tests([*base, "--at", "2026-12-07T10:00", "--if-unattended"]) == 0


def test_unattended_upgrades_is_seen_by_its_lock(tmp_path: Path) -> None:
    path = tmp_path / "unattended-upgrades.lock"
    path.touch()
    assert not unattended_running(path)
    code = (
        "import fcntl, os, time;"
        f"fd = os.open({str(path)!r}, os.O_RDWR); fcntl.lockf(fd, fcntl.LOCK_EX);"
        "print('held', flush=True); time.sleep(60)"
    )
    with holder(code):
        assert unattended_running(path)
    assert not unattended_running(path)


def test_enable_writes_the_key_the_source_and_the_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "city.asc"
    key.write_text("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGXX\n-----END PGP-----\n")
    root = tmp_path / "root"
    url = "https://apt.example.org/silver-kiosk"
    assert main_for_tests(["updates", "enable", url, "--key", str(key), "--root", str(root)]) == 0
    sources = (root / "etc/apt/sources.list.d/silver-kiosk.sources").read_text()
    assert f"URIs: {url}\nSuites: stable\nComponents: main\n" in sources
    assert "Signed-By: /etc/apt/keyrings/silver-kiosk.asc\n" in sources
    assert (root / "etc/apt/keyrings/silver-kiosk.asc").read_bytes() == key.read_bytes()
    periodic = (root / "etc/apt/apt.conf.d/20silver-kiosk-auto-upgrades").read_text()
    assert 'APT::Periodic::Unattended-Upgrade "1";' in periodic
    # a binary key replaces the armored one
    binary = tmp_path / "city.gpg"
    binary.write_bytes(b"\x99\x02\x0d\x04rest")
    assert main_for_tests(["updates", "enable", url, "--key", str(binary), "--root",
                           str(root)]) == 0  # fmt: skip
    assert sorted(p.name for p in (root / "etc/apt/keyrings").iterdir()) == ["silver-kiosk.gpg"]
    assert main_for_tests(["updates", "status", "--root", str(root)]) == 0
    assert f"repository: {url} (stable)" in capsys.readouterr().out
    assert main_for_tests(["updates", "disable", "--root", str(root)]) == 0
    assert [p for p in root.rglob("*") if p.is_file()] == []
    text = tmp_path / "not-a-key.txt"
    text.write_text("hello")
    assert main_for_tests(["updates", "enable", url, "--key", str(text), "--root",
                           str(root)]) == 2  # fmt: skip


class FakeSession:
    def __init__(self) -> None:
        self.active = False


def test_the_kiosk_restarts_into_a_new_release_only_without_a_session(tmp_path: Path) -> None:
    program = tmp_path / "opt" / "silver-kiosk"
    program.parent.mkdir()
    program.write_bytes(b"release 0.1.0")
    session, restarts = FakeSession(), []
    updates = Updates(SessionLock(tmp_path / "session.lock"), program, lambda: session.active,
                      restarts.append)  # fmt: skip
    session.active = True
    updates.session_changed()
    assert updates.lock.held
    updates.check()
    assert restarts == []  # nothing installed yet
    new = program.with_name("silver-kiosk.dpkg-new")  # dpkg unpacks aside, then renames
    new.write_bytes(b"release 0.2.0")
    new.replace(program)
    updates.check()
    assert restarts == []  # a resident is in a session: never interrupted
    session.active = False
    updates.session_changed()  # the wipe
    assert restarts == [RESTART_EXIT] and not updates.lock.held
