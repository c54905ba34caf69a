"""The services half of the composition root: every service the kiosk uses, built here once.

`kiosk/app.py` builds one `Services` and hands each bridge the typed services it uses (see
kiosk/bridges.py); no bridge sees this object. Each service is built on first use, so the
attract screen's first frame waits for none of them: the database opens on its first query (or
`start()`, called after the first frame), the HTTP clients with the first portal a screen needs.

The practice portal is a server above the services layer (it uses the kiosk's core); the root
hands it to the portal clients as an `Embedded`, so no service imports it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.services.storage.paths import data_dir

if TYPE_CHECKING:  # each stack is imported when first built, after the first frame
    import httpx

    from kiosk.services.lessons.learners import LearnerStore
    from kiosk.services.lessons.library import Library
    from kiosk.services.nearby.departures import Transport
    from kiosk.services.portals.build import Embedded, Portals
    from kiosk.services.reports.outbox import Outbox
    from kiosk.services.speech.service import SpeechService
    from kiosk.services.storage.cache import Cache
    from kiosk.services.storage.database import Storage
    from kiosk.services.trainer.pin_lock import PinLockFile
    from kiosk.services.trainer.stats import StatsStore
    from kiosk.services.trainer.stats_publish import DatastoreWriter, StatsPublisher

log = logging.getLogger(__name__)
PRACTICE_DB = "practice-portal.sqlite3"


def embedded_practice(db_path: Path | str, status_step_seconds: float = 120.0) -> Embedded:
    """The practice portal in-process (no socket): its reports in `db_path`, opened on first use."""
    import httpx
    from starlette.applications import Starlette

    from kiosk.practice_portal import gtfs_routes
    from kiosk.practice_portal.app import (
        CKAN_PATH,
        EMBEDDED_BASE,
        GTFS_PATH,
        OPEN311_PATH,
        create_app,
    )
    from kiosk.services.portals.build import Embedded

    def open_portal() -> tuple[httpx.AsyncBaseTransport, Callable[[], None]]:
        try:
            app = create_app(db_path, status_step_seconds)
        except (sqlite3.Error, OSError) as exc:  # a read-only, full or missing data folder
            log.error("practice portal: cannot use %s (%s); keeping its reports in memory",
                      db_path, exc)  # fmt: skip
            app = create_app(":memory:", status_step_seconds)
        return httpx.ASGITransport(app=app), app.state.store.close

    return Embedded(
        base=EMBEDDED_BASE,
        open311_path=OPEN311_PATH,
        ckan_path=CKAN_PATH,
        gtfs_path=GTFS_PATH,
        open=open_portal,
        open_gtfs=lambda: httpx.ASGITransport(app=Starlette(routes=gtfs_routes.routes)),
    )


def speech_service(settings: Settings) -> SpeechService:
    """The voice: the configured engine, the audio player and the headset monitor."""
    from kiosk.services.speech import create_engine
    from kiosk.services.speech.headset import HeadsetMonitor
    from kiosk.services.speech.player import create_player
    from kiosk.services.speech.service import SpeechService

    player = create_player()
    headset = HeadsetMonitor(settings[s.SPEECH_HEADSET_DETECTION])
    service = SpeechService(create_engine(settings), player, headset)
    player.setParent(service)
    headset.setParent(service)
    headset.start()
    return service


class Services:
    """The kiosk's services, each built once on first use; `aclose()` at exit."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.clock = clock  # wall-clock time for the stores (statistics, learner cards)
        self._own_clients: list[httpx.AsyncClient] = []  # the GTFS feeds' own, when any
        self._publishing: asyncio.Task[None] | None = None  # the daily statistics publication
        self._tasks: set[asyncio.Task[None]] = set()  # the loop keeps only weak references

    def __repr__(self) -> str:
        return f"<Services built={sorted(k for k in self.__dict__ if not k.startswith('_'))}>"

    @cached_property
    def folder(self) -> Path:
        return data_dir(self.settings)

    # --- the database and what lives in it ------------------------------------------------
    @cached_property
    def storage(self) -> Storage:
        """The kiosk's database; opens on its first query (a damaged or unwritable file is
        replaced and `storage.problem` says so for staff)."""
        from kiosk.services.lessons import learners
        from kiosk.services.reports import outbox
        from kiosk.services.storage import cache
        from kiosk.services.storage.database import DB_FILE_NAME, Storage
        from kiosk.services.trainer import stats

        migrations = outbox.MIGRATIONS + cache.MIGRATIONS + learners.MIGRATIONS + stats.MIGRATIONS
        return Storage.deferred(self.folder / DB_FILE_NAME, migrations)

    @cached_property
    def outbox(self) -> Outbox | None:
        """What waits to be sent: reports to the Open311 server, and the daily statistics when
        the config says where. None when there is nothing to send (hand-off mode, no
        publication): nothing is kept."""
        open311 = self.portals.open311
        publication = self._publication
        if open311 is None and publication is None:
            return None
        from kiosk.core.outbox import RetryPolicy
        from kiosk.core.stats_publish import KIND as PUBLICATION
        from kiosk.services.reports.outbox import Outbox
        from kiosk.services.reports.outbox_open311 import open311_deliver, open311_lookup
        from kiosk.services.trainer import stats_publish

        settings = self.settings
        return Outbox(
            self.storage,
            open311_deliver(open311) if open311 is not None else None,
            items={PUBLICATION: stats_publish.ckan_deliver(publication)} if publication else None,
            lookup=open311_lookup(open311) if open311 is not None else None,
            policy=RetryPolicy(
                settings[s.OUTBOX_RETRY_BASE_SECONDS], settings[s.OUTBOX_RETRY_MAX_SECONDS]
            ),
            retention_days=settings[s.OUTBOX_RETENTION_DAYS],
        )

    @cached_property
    def _publication(self) -> DatastoreWriter | None:
        """Where the daily statistics go (the city's CKAN DataStore), when site.id and the
        statistics.* options say so."""
        settings = self.settings
        site, url = settings[s.SITE_ID], settings[s.STATS_CKAN_URL]
        if not (site and url and settings[s.STATS_RESOURCE_ID]):
            return None
        from kiosk.services.portals.http import HttpLimits, build_client
        from kiosk.services.trainer.stats_publish import DatastoreWriter

        http = build_client(HttpLimits.from_settings(settings))
        self._own_clients.append(http)
        return DatastoreWriter(http, url, settings[s.STATS_API_KEY])

    @cached_property
    def publisher(self) -> StatsPublisher | None:
        """Queues the daily statistics publication (the outbox sends it), when configured."""
        outbox = self.outbox
        if outbox is None or self._publication is None:
            return None
        from kiosk.services.trainer.stats_publish import StatsPublisher

        settings = self.settings
        return StatsPublisher(
            self.storage, outbox, site=settings[s.SITE_ID],
            resource_id=settings[s.STATS_RESOURCE_ID], threshold=settings[s.STATS_SUPPRESS_BELOW],
        )  # fmt: skip

    def _cache(self, backend: str) -> Cache:
        from kiosk.services.storage.cache import Cache

        return Cache(self.storage, backend)

    @cached_property
    def open311_cache(self) -> Cache:
        return self._cache("open311")

    @cached_property
    def ckan_cache(self) -> Cache:
        return self._cache("ckan")

    @cached_property
    def stats(self) -> StatsStore:
        from kiosk.services.trainer.stats import StatsStore

        return StatsStore(self.storage, self.clock)

    @cached_property
    def learners(self) -> LearnerStore:
        from kiosk.services.lessons.learners import LearnerStore

        return LearnerStore(self.storage, self.settings[s.LEARNER_RETENTION_DAYS], self.clock)

    @cached_property
    def pin_lock(self) -> PinLockFile:
        """The PIN pad's lock, kept on disk so that it outlives a restart."""
        from kiosk.services.trainer.pin_lock import PinLockFile

        return PinLockFile(self.folder)

    @cached_property
    def lesson_library(self) -> Library:
        """The installed content packages and the site's lessons, shared by the lesson screens,
        the guided lessons and the trainer's desk."""
        from kiosk.services.lessons.library import library_for

        return library_for(self.settings)

    # --- the portals ------------------------------------------------------------------------
    @cached_property
    def portals(self) -> Portals:
        from kiosk.services.portals.build import build_portals

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # the database finds the same fault and tells staff
            log.error("data folder %s cannot be used: %s", self.folder, exc)
        practice = embedded_practice(
            self.folder / PRACTICE_DB, self.settings[s.PRACTICE_STEP_SECONDS]
        )
        return build_portals(self.settings, practice)

    @cached_property
    def departures(self) -> Transport:
        """Next departures: the configured GTFS feeds, else the practice portal's sample feed."""
        from kiosk.services.nearby.departures import Transport
        from kiosk.services.portals.http import HttpLimits, build_client

        settings, portals = self.settings, self.portals
        static_url = settings[s.GTFS_STATIC_URL]
        if static_url:
            http = build_client(HttpLimits.from_settings(settings))
            self._own_clients.append(http)
            realtime_url = settings[s.GTFS_REALTIME_URL]
        else:
            if portals.practice_open:
                http = portals.practice_http
            else:  # only the sample feed, in-process; no practice database is needed for it
                limits = HttpLimits.from_settings(settings)
                http = build_client(limits, portals.embedded.open_gtfs())
                self._own_clients.append(http)
            static_url = portals.practice_gtfs_base + "/static.zip"
            realtime_url = settings[s.GTFS_REALTIME_URL] or (
                portals.practice_gtfs_base + "/trip-updates"
            )
        return Transport(
            http,
            self._cache("gtfs"),
            static_url=static_url,
            realtime_url=realtime_url,
            lat=settings[s.KIOSK_LAT],
            lon=settings[s.KIOSK_LON],
            radius_m=settings[s.STOPS_RADIUS_M],
            window_minutes=settings[s.DEPARTURES_WINDOW_MIN],
            max_age=settings[s.CACHE_GTFS_MAX_AGE],
            max_bytes=max(60_000_000, settings[s.MAX_RESPONSE_BYTES]),
        )

    # --- life -------------------------------------------------------------------------------
    def start(self) -> None:
        """After the first frame: open the database and send the reports still waiting."""
        self.storage.start()
        if self.outbox is not None:
            self.outbox.start()
            if self.publisher is not None and self._publishing is None:
                from kiosk.services.trainer import stats_publish

                self._publishing = stats_publish.start(self.publisher)
        log.info("services: database %s, outbox %s", self.storage.path or "in memory",
                 "on" if self.outbox else "off (hand-off mode)")  # fmt: skip

    def after_session(self) -> None:
        """A session ended: checkpoint and truncate the database's WAL, so no page written
        during it (a report, a learner's progress) stays in `-wal`."""
        storage = self.__dict__.get("storage")
        if storage is None or not storage.started:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # screenshots and shell tests run without the loop
            return
        task = loop.create_task(storage.checkpoint())
        self._tasks.add(task)
        task.add_done_callback(_checkpointed)
        task.add_done_callback(self._tasks.discard)

    async def aclose(self) -> None:
        """Stop the outbox, close the clients and the database (only what was built)."""
        built = self.__dict__
        if self._publishing is not None:
            from kiosk.services.trainer import stats_publish

            await stats_publish.stop(self._publishing)
            self._publishing = None
        if built.get("outbox") is not None:
            await built["outbox"].stop()
        for client in self._own_clients:
            await client.aclose()
        self._own_clients.clear()
        if "portals" in built:
            await built["portals"].aclose()
        if "storage" in built:
            await built["storage"].close()
        for name in ("outbox", "portals", "storage", "departures", "_publication"):
            built.pop(name, None)


def _checkpointed(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("database checkpoint after a session: %s", task.exception())
