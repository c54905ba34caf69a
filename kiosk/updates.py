"""The running kiosk and software updates: the session lock, and a restart after an upgrade.

`start(settings, kiosk, restart)` (from the runner, for a real run only) holds the session lock
(kiosk/services/updates/session_lock.py) from the start of a resident's session to the wipe, so
the update policy waits for them. An upgrade replaces the installed program under the running
kiosk; the kiosk notices (the program file is another file now) and, once no session is open,
asks the runner to end with RESTART_EXIT, which systemd's Restart=on-failure (the kiosk's user
units) starts again as the new release. A resident in a session is never interrupted: the
check runs at the wipe and every minute on the attract screen.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.services.updates.session_lock import SessionLock, default_path

log = logging.getLogger(__name__)
RESTART_EXIT = 75  # EX_TEMPFAIL: "start me again"; systemd's Restart=on-failure does
CHECK_EVERY_MS = 60_000


def identity(path: Path) -> tuple[int, int, int] | None:
    """What changes when a package manager puts a new file at `path` (it renames one in)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass
class Updates:
    lock: SessionLock
    program: Path | None  # the installed program whose replacement means "upgraded"
    active: Callable[[], bool]
    restart: Callable[[int], None]
    timer: QTimer | None = None
    _seen: tuple[int, int, int] | None = field(default=None)

    def __post_init__(self) -> None:
        self._seen = identity(self.program) if self.program is not None else None

    def session_changed(self) -> None:
        if self.active():
            self.lock.hold()
        else:
            self.lock.release()
            self.check()

    def upgraded(self) -> bool:
        return self.program is not None and identity(self.program) not in (None, self._seen)

    def check(self) -> None:
        """Restart into the new release when one is installed and nobody is in a session."""
        if self.upgraded() and not self.active():
            log.info("a new release is installed: restarting the kiosk (no session open)")
            self.restart(RESTART_EXIT)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        self.lock.release()


def start(settings: Settings, kiosk: Any, restart: Callable[[int], None]) -> Updates:
    configured = settings[opt.UPDATES_SESSION_LOCK]
    session = kiosk.bridges.session
    frozen = getattr(sys, "frozen", False)
    program = Path(os.path.realpath(sys.executable)) if frozen else None
    updates = Updates(
        SessionLock(Path(configured) if configured else default_path()),
        program,
        lambda: bool(session.active),
        restart,
    )
    session.activeChanged.connect(updates.session_changed)
    timer = QTimer()
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(updates.check)
    timer.start()
    updates.timer = timer
    return updates
