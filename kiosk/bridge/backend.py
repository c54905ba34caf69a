"""`Backend` in QML: the portals, the database, the outbox and the timetable, started once after
the first frame (so the attract screen shows at once) and closed at exit.

City-service bridges take this object and `await backend.ready()` before their first request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.bridge.tasks import running
from kiosk.config import Settings
from kiosk.config.schema import DATA_DIR, PORTAL_MODE, PRACTICE_STEP_SECONDS
from kiosk.i18n import _
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
        """Start everything; a fault of the data folder or the database is kept as `problem`
        for staff and the kiosk goes on in memory. The screens waiting in `ready()` are never
        left waiting: whatever happens, `_ready` is set."""
        try:
            await self._open(data_dir(self._settings))
        except Exception:  # a bug or an unforeseen fault: still serve what can be served
            log.exception("backend: starting failed; starting again in memory")
            await self._close_services()
            try:
                await self._open(None)
            except Exception:
                log.exception("backend: cannot start even in memory")
        finally:
            self._ready.set()
            self.stateChanged.emit()

    async def _open(self, folder: Path | None) -> None:
        from kiosk.compose import embedded_practice
        from kiosk.services.lessons import learners
        from kiosk.services.portals.build import build_portals
        from kiosk.services.storage.offline import open_offline
        from kiosk.services.trainer import stats

        practice_db: Path | str = ":memory:"
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                practice_db = folder / PRACTICE_DB
            except OSError as exc:  # open_offline finds the same fault and reports it
                log.error("data folder %s cannot be used: %s", folder, exc)
        settings = self._settings
        if folder is None:
            settings = settings.with_values({DATA_DIR.key: ""})
        practice = embedded_practice(practice_db, settings[PRACTICE_STEP_SECONDS])
        self.portals = build_portals(settings, practice, self._language)
        self.offline = await open_offline(
            settings,
            self.portals,
            extra_migrations=learners.MIGRATIONS + stats.MIGRATIONS,
            in_memory=folder is None,
        )
        if self.offline.problem is not None:
            log.error("database: %s", self.offline.problem.detail)

    async def ready(self) -> Offline:
        """The started services (starting them if nobody has yet). Raises StorageError when
        they could not start at all (the caller tells the resident, not a traceback)."""
        self.start()
        await self._ready.wait()
        if self.offline is None:
            from kiosk.services.storage.database import StorageError

            raise StorageError("the kiosk's services could not start")
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
        if not self._ready.is_set():
            return ""
        if self.offline is None:
            return _("The kiosk could not start its services. Please tell staff.")
        problem = self.offline.problem
        if problem is None:
            return ""
        text = problem.human()
        if self.offline.storage.path is None:
            text += " " + _(
                "Until it is fixed, reports and progress are kept only until the kiosk restarts."
            )
        return text

    def wiped(self) -> None:
        """A session ended: checkpoint and truncate the database's WAL, so no page written
        during it (a report, a learner's progress) stays in `-wal`."""
        if self.offline is not None:
            task = asyncio.ensure_future(self.offline.storage.checkpoint())
            task.add_done_callback(_log_failure)

    @property
    def in_memory(self) -> bool:
        """Nothing outlives a restart: the database could not be opened on disk."""
        return self.offline is not None and self.offline.storage.path is None

    async def aclose(self) -> None:
        if self._task is not None and running(self._task):
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._close_services()
        self._task = None

    async def _close_services(self) -> None:
        offline, portals, self.offline, self.portals = self.offline, self.portals, None, None
        with contextlib.suppress(Exception):  # closing what half-started must not fail too
            if offline is not None:
                await offline.aclose()
        with contextlib.suppress(Exception):
            if portals is not None:
                await portals.aclose()


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("database checkpoint after a session: %s", task.exception())


def close_blocking(backend: BackendBridge, loop: Any) -> None:
    """Close the services after the Qt loop has ended (the process is leaving)."""
    loop.run_until_complete(backend.aclose())
