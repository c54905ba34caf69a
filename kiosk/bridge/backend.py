"""`Backend` in QML: whether reports go to the practice portal, and whether the kiosk's database
is the usual file. The composition root (kiosk/app.py) builds the services and tells this object
when the database is open; it builds and holds none of them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.bridge.qt import Property
from kiosk.i18n import _
from kiosk.services.storage.database import StorageError


class BackendBridge(QObject):
    stateChanged = Signal()

    def __init__(self, practice: bool) -> None:
        super().__init__()
        self._practice = practice
        self._started = False
        self._failed = False
        self._problem: StorageError | None = None
        self._in_memory = False

    def set_started(self, storage_problem: StorageError | None, in_memory: bool) -> None:
        """The database is open; `storage_problem` says why it is not the usual file, and
        `in_memory` whether nothing of it outlives a restart."""
        self._started, self._problem, self._in_memory = True, storage_problem, in_memory
        self.stateChanged.emit()

    def set_failed(self) -> None:
        """The database could not be opened at all (not even in memory)."""
        self._started = self._failed = True
        self.stateChanged.emit()

    @Property(bool, notify=stateChanged)
    def started(self) -> bool:
        return self._started

    @Property(bool, constant=True)
    def practice(self) -> bool:
        """Reports go to the built-in practice portal: the banner says nothing reaches the city."""
        return self._practice

    @Property(str, notify=stateChanged)
    def storageProblem(self) -> str:
        """A sentence for staff when the database is not the usual file ('' when all is well)."""
        if self._failed:
            return _("The kiosk could not start its services. Please tell staff.")
        if self._problem is None:
            return ""
        text = self._problem.human()
        if self._in_memory:
            text += " " + _(
                "Until it is fixed, reports and progress are kept only until the kiosk restarts."
            )
        return text
