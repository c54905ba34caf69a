"""The lock a kiosk holds while a resident is in a session, which the update policy respects.

unattended-upgrades (Debian 12: 2.9) stops only for SIGTERM, for battery power and for metered
connections; it takes a logind shutdown-delay inhibitor for itself but never looks at other
programs' inhibitors. So the kiosk says "a resident is here" with a file lock instead: an
exclusive flock(2) on `session.lock` in the kiosk user's runtime folder
(`$XDG_RUNTIME_DIR/silver-kiosk/session.lock`, i.e. /run/user/<uid>/silver-kiosk/), taken when a
session starts and released at the wipe. The kernel drops it when the kiosk exits or crashes,
so it can never be left behind. The update policy (`silver-kiosk updates check`, run by
apt-daily-upgrade.service's ExecCondition and by the DPkg::Pre-Invoke hook) tries each such lock
and waits for another day part while one is held.
"""

from __future__ import annotations

import fcntl
import glob
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from kiosk import APP_ID

log = logging.getLogger(__name__)
LOCK_NAME = "session.lock"
# Where the policy looks (as root) when the config names no lock: every user's runtime folder.
RUNTIME_PATTERN = f"/run/user/*/{APP_ID}/{LOCK_NAME}"


def default_path() -> Path:
    """This user's lock: in the runtime folder (a tmpfs logind makes for the user's session)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return Path(runtime) / APP_ID / LOCK_NAME


class SessionLock:
    """An exclusive flock held from `hold()` to `release()`; both may be called repeatedly."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def hold(self) -> bool:
        """Take the lock; False (logged, the session goes on) when the file cannot be used."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            log.warning("session lock %s not taken: %s", self.path, exc)
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:  # another kiosk of the same user holds it: still a session
            log.warning("session lock %s is held elsewhere: %s", self.path, exc)
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the only descriptor releases the flock


def is_held(path: Path) -> bool:
    """Whether a process holds the lock now (tried without waiting, released at once)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False  # no file: no kiosk has had a session since the runtime folder was made
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def lock_paths(configured: str = "") -> list[Path]:
    """The locks to check: the configured one, else every user's runtime-folder lock."""
    if configured:
        return [Path(configured)]
    return [Path(p) for p in sorted(glob.glob(RUNTIME_PATTERN))]


def held(paths: Iterable[Path]) -> list[Path]:
    return [path for path in paths if is_held(path)]
