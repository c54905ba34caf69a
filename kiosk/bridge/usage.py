"""What a visit leaves behind, counted anonymously in the background: sessions, their length and
language, the services used, lessons started and finished, and a typed learner card's progress.

Built with the shell (it only holds the stores; nothing is opened before the first count), so
the session hooks count without building the trainer's desk.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from kiosk.core import stats
from kiosk.services.storage.database import StorageClosed

if TYPE_CHECKING:
    from kiosk.services.lessons.learners import LearnerStore
    from kiosk.services.trainer.stats import StatsStore

log = logging.getLogger(__name__)

# The first screen of each service: entering it counts the service as used, once per session.
SERVICE_SCREENS = {
    "report-category": "report",
    "track": "track",
    "helpNearby": "places",
    "departures": "departures",
    "lessons": "lessons",
    "learnerCard": "learner_card",
}


class Usage:
    """The anonymous counts (fixed metric names only) and the learner cards' progress."""

    def __init__(
        self,
        stats_store: StatsStore,
        learners: LearnerStore,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._stats, self.learners, self._clock = stats_store, learners, clock
        self._session_started: float | None = None
        self._used: set[str] = set()  # services used in this session
        self._tasks: set[asyncio.Task[None]] = set()

    def session_started(self) -> None:
        self._session_started = self._clock()

    def session_ended(self, language: str) -> None:
        """Wipe hook: count the session, its length bucket and the language it ended in."""
        if self._session_started is None:
            return
        seconds = self._clock() - self._session_started
        self._session_started = None
        self._used.clear()
        self._spawn(
            (stats.SESSIONS, ""),
            (stats.LANGUAGE, language),
            (stats.SESSION_LENGTH, stats.length_bucket(seconds)),
        )

    def screen_changed(self, screen: str) -> None:
        """Nav moved: the first screen of a service counts it as used, once per session."""
        service = SERVICE_SCREENS.get(screen)
        if service and self._session_started is not None and service not in self._used:
            self._used.add(service)
            self._spawn((stats.SERVICE_USED, service))

    def count(self, metric: str, value: str = "") -> None:
        """A lesson started or completed, a service used (fixed names only)."""
        self._spawn((metric, value))

    def record(self, code: str, lesson_id: str, status: str) -> None:
        """Note a lesson against a learner card (in the background)."""
        self._later(self._record(code, lesson_id, status))

    def _spawn(self, *items: tuple[str, str]) -> None:
        self._later(self._count(*items))

    def _later(self, job: Coroutine[Any, Any, None]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # screenshots and shell tests run without the services' loop
            job.close()
            log.debug("no event loop: not counted")
            return
        task = loop.create_task(job)
        self._tasks.add(task)  # the loop keeps only weak references to tasks
        task.add_done_callback(self._tasks.discard)

    async def _count(self, *items: tuple[str, str]) -> None:
        try:
            for metric, value in items:
                await self._stats.count(metric, value)
        except StorageClosed:  # the kiosk is shutting down: nothing is wrong
            log.info("statistics not counted: the kiosk is shutting down")
        except Exception:  # counting must never disturb a resident
            log.exception("statistics could not be counted")

    async def _record(self, code: str, lesson_id: str, status: str) -> None:
        try:
            await self.learners.record(code, lesson_id, status)
        except StorageClosed:
            log.info("learner progress not saved: the kiosk is shutting down")
        except Exception:  # progress is a bonus: a resident's lesson never stops for it
            log.exception("learner progress not saved")
