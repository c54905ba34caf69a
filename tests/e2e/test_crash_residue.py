"""Nothing survives a session, even a crash: a kiosk killed mid-session (a report typed up to
its contact details, a certificate printed) and started again leaves none of what was typed in
any file the kiosk's user can write — data, cache, config, state, runtime and temp folders,
SQLite files with their -wal/-shm, logs, Qt's and the voice's caches."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.e2e.crash_residue_session import CONTACT_NAME, DESCRIPTION, LEARNER, PHONE

ROOT = Path(__file__).resolve().parents[2]


def forms(text: str) -> set[bytes]:
    """How a program may have written the text: UTF-8 (as typed and capitalised), UTF-16 (Qt),
    JSON with escapes."""
    out = set()
    for variant in {text, text.capitalize(), text.title(), text.upper()}:
        out |= {variant.encode(), variant.encode("utf-16-le"), json.dumps(variant)[1:-1].encode()}
    return out


def every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_killed_session_leaves_nothing_typed_behind(tmp_path: Path) -> None:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(runtime),
        "TMPDIR": str(tmp_path / "tmp"),
    }
    (tmp_path / "tmp").mkdir()
    config = home / ".config" / "silver-kiosk" / "kiosk.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[speech]\nengine = "off"\n[session]\ntap_filter_ms = 0\n', encoding="utf-8")
    session = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.crash_residue_session", str(config)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert session.stdout is not None
    # a session that never gets ready must not outlive the test
    watchdog = threading.Timer(200, session.kill)
    watchdog.start()
    try:
        line = session.stdout.readline()
    finally:
        watchdog.cancel()
    if not line.startswith("ready"):
        session.kill()
        pytest.fail(f"the session did not get ready: {line!r} {session.communicate()[1][-3000:]}")
    folder = Path(line.split(" ", 1)[1].strip())
    assert folder.is_relative_to(runtime)  # memory-backed, never /tmp
    assert (folder.parent.stat().st_mode & 0o777) == 0o700
    pdfs = list(folder.glob("*.pdf"))
    assert pdfs, "the certificate was printed into the session folder"
    session.send_signal(signal.SIGKILL)  # mid-session: nothing is cleaned up on the way out
    session.communicate(timeout=30)
    assert folder.exists(), "the killed kiosk's folder is there until the next start"

    again = subprocess.run(
        [sys.executable, "-m", "kiosk", "--smoke-test"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr[-3000:]
    assert not folder.exists(), "the next start shreds what a killed kiosk left"

    secrets = {s: forms(s) for s in (CONTACT_NAME, PHONE, DESCRIPTION, LEARNER)}
    found = []
    for path in every_file(tmp_path):
        data = path.read_bytes()
        found += [f"{s!r} in {path.relative_to(tmp_path)}" for s, fs in secrets.items()
                  if any(f in data for f in fs)]  # fmt: skip
    searched = every_file(tmp_path)
    names = {p.name for p in searched}
    assert "kiosk.sqlite3" in names and "kiosk.log" in names  # the search did reach them
    print(f"\nsearched {len(searched)} files: {len(found)} found")
    assert found == []
