"""The session folder: private, memory-backed when the system offers it, never /tmp; a dead
kiosk's folder is shredded at the next start, a living one's is left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.services.storage import session_dir


def test_the_folder_is_private_and_in_the_runtime_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    folder = session_dir.new_session_dir()
    assert folder.parent == tmp_path / "silver-kiosk"
    assert (folder.parent.stat().st_mode & 0o777) == 0o700
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert folder.name.startswith(f"session-{os.getpid()}-")


def test_without_a_runtime_dir_it_is_shared_memory_never_tmp(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    base = session_dir.runtime_base()
    assert not str(base).startswith("/tmp")
    if Path("/dev/shm").is_dir():
        assert base == Path("/dev/shm") / f"silver-kiosk-{os.getuid()}"


def test_a_dead_kiosks_folder_is_shredded_a_living_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    base = tmp_path / "silver-kiosk"
    base.mkdir(mode=0o700)
    dead = base / f"session-{gone.stdout.strip()}-abc"
    dead.mkdir()
    (dead / "certificate.pdf").write_bytes(b"Name of a learner")
    living = base / f"session-{os.getppid()}-def"  # the test runner's parent still runs
    living.mkdir()
    (living / "slip.pdf").write_bytes(b"in use")
    mine = session_dir.new_session_dir()
    assert not dead.exists() and living.exists() and mine.exists()
    session_dir.shred(living)
    assert not living.exists()


def test_the_wipe_shreds_what_the_folder_holds(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.pdf").write_bytes(b"y")
    session_dir.empty(tmp_path)
    assert tmp_path.is_dir() and list(tmp_path.iterdir()) == []
