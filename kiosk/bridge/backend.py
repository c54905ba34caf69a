"""`Backend` in QML: the portals, the database, the outbox and the timetable, started once after
the first frame (so the attract screen shows at once) and closed at exit.

City-service bridges take this object and `await backend.ready()` before their first request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.bridge.tasks import running
from kiosk.config import Settings
from kiosk.config.schema import PORTAL_MODE, PRACTICE_STEP_SECONDS
from kiosk.services.storage.paths import data_dir

if TYPE_CHECKING:  # the services are imported when they start, after the first frame (~250 ms)
    from kiosk.services.portals.build import Portals
    from kiosk.services.storage.offline import Offline

log = logging.getLogger(__name__)
PRACTICE_DB = "practice-portal.sqlite3"


class BackendBridge(QObject):
    stateChanged = Signal()

    def __init__(self, settings: Settings, language: str) -> None:
        super().__init__()
        self._settings = settings
        self._language = language
        self.portals: Portals | None = None
        self.offline: Offline | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    def start(self) -> None:
        """Begin starting the services on the running loop (idempotent)."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        from kiosk.compose import embedded_practice
        from kiosk.services.lessons import learners
        from kiosk.services.portals.build import build_portals
        from kiosk.services.storage.offline import open_offline
        from kiosk.services.trainer import stats

        folder = data_dir(self._settings)
        folder.mkdir(parents=True, exist_ok=True)
        practice = embedded_practice(folder / PRACTICE_DB, self._settings[PRACTICE_STEP_SECONDS])
        self.portals = build_portals(self._settings, practice, self._language)
        self.offline = await open_offline(
            self._settings,
            self.portals,
            extra_migrations=learners.MIGRATIONS + stats.MIGRATIONS,
        )
        if self.offline.problem is not None:
            log.error("database: %s", self.offline.problem.detail)
        self._ready.set()
        self.stateChanged.emit()

    async def ready(self) -> Offline:
        """The started services (starting them if nobody has yet)."""
        self.start()
        await self._ready.wait()
        assert self.offline is not None
        return self.offline

    @Property(bool, notify=stateChanged)
    def started(self) -> bool:
        return self._ready.is_set()

    @Property(bool, constant=True)
    def practice(self) -> bool:
        """Reports go to the built-in practice portal: the banner says nothing reaches the city."""
        return self._settings[PORTAL_MODE] == "practice"

    @Property(str, notify=stateChanged)
    def storageProblem(self) -> str:
        """A sentence for staff when the database is not the usual file ('' when all is well)."""
        problem = self.offline.problem if self.offline else None
        return problem.human() if problem is not None else ""

    async def aclose(self) -> None:
        if self._task is not None and running(self._task):
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self.offline is not None:
            await self.offline.aclose()
        if self.portals is not None:
            await self.portals.aclose()
        self.offline = self.portals = None
        self._task = None


def close_blocking(backend: BackendBridge, loop: Any) -> None:
    """Close the services after the Qt loop has ended (the process is leaving)."""
    loop.run_until_complete(backend.aclose())
