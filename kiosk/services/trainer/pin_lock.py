"""The PIN pad's lock on disk: wrong tries and the lock survive a restart, a crash, a power cut.

A small SQLite file of its own in the data folder (`trainer-lock.sqlite3`), read once at start
and written with `synchronous=FULL` (fsync'd) before a wrong PIN is answered. When the folder
cannot be written the lock still works for this run, and `problem` says why it will not last.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kiosk.core.pin import LockState

log = logging.getLogger(__name__)
FILE_NAME = "trainer-lock.sqlite3"


class PinLockFile:
    """`state` as read at start; `save(state)` before every answer to a PIN."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.problem = ""
        self.state = LockState()
        self._conn: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=5)
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS pin_lock (id INTEGER PRIMARY KEY CHECK (id = 1),"
                " failures INTEGER NOT NULL, lockouts INTEGER NOT NULL, locked_until REAL NOT NULL)"
            )
            row = conn.execute(
                "SELECT failures, lockouts, locked_until FROM pin_lock WHERE id = 1"
            ).fetchone()
        except (sqlite3.Error, OSError) as exc:
            self._fail(f"cannot keep the PIN lock in {self.path}: {exc}")
            return
        self._conn = conn
        if row is not None:
            failures, lockouts, until = row
            self.state = LockState(max(0, int(failures)), max(0, int(lockouts)), float(until))

    def save(self, state: LockState) -> None:
        self.state = state
        if self._conn is None:
            return
        try:
            self._conn.execute(
                "INSERT INTO pin_lock (id, failures, lockouts, locked_until) VALUES (1, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET failures = excluded.failures,"
                " lockouts = excluded.lockouts, locked_until = excluded.locked_until",
                (state.failures, state.lockouts, state.locked_until),
            )
        except sqlite3.Error as exc:
            self._fail(f"cannot save the PIN lock in {self.path}: {exc}")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _fail(self, detail: str) -> None:
        log.error("%s; the lock holds only until the kiosk restarts", detail)
        self.problem = detail
        if self._conn is not None:
            self._conn.close()
            self._conn = None
