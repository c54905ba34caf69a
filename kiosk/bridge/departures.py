"""`Departures` in QML: the next buses and trams from the stops near the kiosk as one board in
order of time (departures_board), refreshed every 30 s while the screen shows (with a pause for
WCAG 2.2.2), and honest about live times, the timetable only, sample data, or no data at all.
The screen reads the board aloud a page at a time, as it reads any screen."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from babel.dates import format_time
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.bridge.departures_board import board_rows, no_departures_text
from kiosk.bridge.places_text import distance_text
from kiosk.bridge.qt import Property
from kiosk.bridge.tasks import Failed, Request, running
from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.core.city import TIME_ZONE
from kiosk.core.errors import PortalError
from kiosk.i18n import _, babel_locale
from kiosk.services.storage.cache import describe_age

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.services.nearby.departures import Board, Transport

SOFIA = ZoneInfo(TIME_ZONE)  # departure times are the city's clock
log = logging.getLogger(__name__)
REFRESH_MS = 30_000


class DeparturesBridge(QObject):
    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        transport: Transport,
        speak: Callable[[str], None],
    ) -> None:
        super().__init__()
        self._settings, self._transport, self._speak = settings, transport, speak
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._request = Request(self.changed.emit, speak)
        self._fetching: asyncio.Future[None] | None = None
        # The moment the board is for; tests fix it to see departures at any hour.
        self.now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        self.reset()

    @Slot()
    def reset(self) -> None:
        """Stop updating and forget the board (leaving the screen, and the session wipe)."""
        self._timer.stop()
        self._request.cancel()
        self._board: Board | None = None
        self._rows: list[dict[str, Any]] = []
        self._sample = False
        self._problem = ""
        self._paused = False
        self._updated: datetime | None = None
        self.changed.emit()

    # --- what QML shows ----------------------------------------------------------------------
    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._request.running

    @Property(str, notify=changed)
    def busyText(self) -> str:
        return self._request.busy_text

    @Property(bool, notify=changed)
    def loaded(self) -> bool:
        return self._board is not None

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    @Property("QVariantList", notify=changed)
    def rows(self) -> list[dict[str, Any]]:
        """The board: cancelled departures first, then every departure by its time."""
        return self._rows

    @Property(bool, notify=changed)
    def live(self) -> bool:
        return self._board is not None and self._board.live

    @Property(bool, notify=changed)
    def paused(self) -> bool:
        return self._paused

    @Property(str, notify=changed)
    def statusText(self) -> str:
        """One short line over the board: sample data (said once for the board), an old copy of
        the timetable, and when it was updated (each row says whether its time is live)."""
        board = self._board
        if board is None:
            return ""
        parts = []
        if self._sample:
            parts.append(_("Sample: not real times."))
        if board.stale:
            parts.append(
                _("The timetable could not be updated; this copy was saved {age}.").format(
                    age=describe_age(board.timetable_age_seconds)
                )
            )
        if self._updated is not None:
            clock = format_time(self._updated, "short", tzinfo=SOFIA, locale=babel_locale())
            parts.append(_("Updated at {time}.").format(time=clock))
        if self._paused:
            parts.append(_("Updates are paused."))
        return " ".join(parts)

    @Property(str, notify=changed)
    def emptyText(self) -> str:
        """What to say when there is nothing to show (empty when there is)."""
        if self._board is None or self._rows:
            return ""
        if not self._board.stops:
            radius = self._settings[s.STOPS_RADIUS_M]
            return _("There are no bus or tram stops within {distance} of this kiosk.").format(
                distance=distance_text(radius, with_time=False)
            )
        return no_departures_text(self._settings[s.DEPARTURES_WINDOW_MIN])

    @Slot()
    def retranslate(self) -> None:
        """The language changed: say the same board in the new words."""
        if self._board is not None and self._updated is not None:
            self._rows, self._sample = board_rows(self._board, self._updated)
        self.changed.emit()

    # --- actions -----------------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """The screen is showing: load now and every 30 s (unless paused)."""
        self._paused = False
        self._timer.start()
        self._load(speak=True)

    @Slot()
    def stop(self) -> None:
        """The screen has gone: no more updates in the background."""
        self._timer.stop()

    @Slot()
    def refresh(self) -> None:
        if not self._paused:
            self._load(speak=False)

    @Slot()
    def togglePause(self) -> None:
        self._paused = not self._paused
        if self._paused:
            self._timer.stop()
        else:
            self._timer.start()
            self._load(speak=False)
        self.changed.emit()
        self._speak(_("Updates are paused.") if self._paused else _("The times update again."))

    # --- loading -----------------------------------------------------------------------------
    def _load(self, speak: bool) -> None:
        if not running(self._fetching):  # a refresh while one is running changes nothing
            self._fetching = asyncio.ensure_future(self._fetch(speak))

    async def _fetch(self, speak: bool) -> None:
        now = self.now()
        got = await self._request.run(
            self._transport.board(now),
            busy=_("Looking up the next departures. Please wait."), speak_busy=speak,
            fail=_with_signs,
            what="departures",
        )  # fmt: skip
        if got is None:
            return
        if isinstance(got, Failed):
            self._problem = got.sentence
        else:
            self._board, self._problem = got, ""
            self._rows, self._sample = board_rows(got, now)
            self._updated = now
        self.changed.emit()  # the screen says the board (or the problem) once it is laid out


def _with_signs(error: PortalError) -> str:
    return error.human() + " " + _("The timetable is also on the signs at each stop.")
