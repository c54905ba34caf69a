"""The kiosk's offline backbone, built once: the database, the outbox, the cache, the departures.

`await open_offline(settings, portals)` opens the database in the data folder (falling back as
`Storage.open_resilient` says, with the problem kept for the trainer's screen), starts the
outbox's sender when reports go to an Open311 server, and builds the departures board on the
configured GTFS feeds or the practice portal's sample feed. `await offline.aclose()` at exit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from kiosk.config import schema as s
from kiosk.core.outbox import RetryPolicy
from kiosk.core.stats_publish import KIND as PUBLICATION
from kiosk.services.nearby.departures import Transport
from kiosk.services.portals.build import Portals
from kiosk.services.portals.http import HttpLimits, build_client
from kiosk.services.reports import outbox
from kiosk.services.reports.outbox import DeliverItem, Outbox
from kiosk.services.reports.outbox_open311 import open311_deliver, open311_lookup
from kiosk.services.storage import cache
from kiosk.services.storage.cache import Cache
from kiosk.services.storage.database import DB_FILE_NAME, Migration, Storage, StorageError
from kiosk.services.storage.paths import data_dir
from kiosk.services.trainer import stats_publish

log = logging.getLogger(__name__)
MIGRATIONS: tuple[Migration, ...] = outbox.MIGRATIONS + cache.MIGRATIONS


@dataclass
class Offline:
    storage: Storage
    problem: StorageError | None  # why the database is not the usual file (show to staff)
    outbox: Outbox | None  # None in hand-off mode: nothing is sent, nothing is kept
    transport: Transport
    # Filled in by whoever fetches the services list: code -> realtime/batch/blackbox.
    service_types: dict[str, str] = field(default_factory=dict)
    _clients: list[httpx.AsyncClient] = field(default_factory=list)
    _publishing: asyncio.Task[None] | None = None  # the daily statistics publication

    def cache(self, backend: str) -> Cache:
        """The cache of one backend, e.g. offline.cache("open311")."""
        return Cache(self.storage, backend)

    async def aclose(self) -> None:
        await stats_publish.stop(self._publishing)
        if self.outbox is not None:
            await self.outbox.stop()
        for client in self._clients:
            await client.aclose()
        await self.storage.close()


async def open_offline(
    settings: Any,
    portals: Portals,
    extra_migrations: tuple[Migration, ...] = (),
    *,
    in_memory: bool = False,
) -> Offline:
    """Build and start everything above. Never raises for a database problem (see `problem`);
    `in_memory` keeps the database in memory from the start (the data folder failed)."""
    migrations = MIGRATIONS + extra_migrations
    if in_memory:
        storage = await Storage.open(None, migrations)
        problem: StorageError | None = StorageError("the kiosk started without its data folder")
    else:
        path = data_dir(settings) / DB_FILE_NAME
        storage, problem = await Storage.open_resilient(path, migrations)
    clients: list[httpx.AsyncClient] = []
    service_types: dict[str, str] = {}
    box: Outbox | None = None
    publisher = _publisher(settings, storage, clients)
    if portals.open311 is not None or publisher is not None:
        box = Outbox(
            storage,
            open311_deliver(portals.open311, service_types=service_types)
            if portals.open311 is not None
            else None,
            items=publisher[1] if publisher is not None else None,
            lookup=open311_lookup(portals.open311) if portals.open311 is not None else None,
            policy=RetryPolicy(
                settings[s.OUTBOX_RETRY_BASE_SECONDS], settings[s.OUTBOX_RETRY_MAX_SECONDS]
            ),
            retention_days=settings[s.OUTBOX_RETENTION_DAYS],
        )
        box.start()
    static_url = settings[s.GTFS_STATIC_URL]
    if static_url:
        http = build_client(HttpLimits.from_settings(settings))
        clients.append(http)
        realtime_url = settings[s.GTFS_REALTIME_URL]
    else:
        # The practice portal's sample feed, in-process; no database is needed for it.
        embedded = portals.embedded
        http = portals.practice_http or build_client(
            HttpLimits.from_settings(settings), embedded.open_gtfs()
        )
        if portals.practice_http is None:
            clients.append(http)
        gtfs = embedded.base + embedded.gtfs_path
        static_url = gtfs + "/static.zip"
        realtime_url = settings[s.GTFS_REALTIME_URL] or gtfs + "/trip-updates"
    transport = Transport(
        http,
        Cache(storage, "gtfs"),
        static_url=static_url,
        realtime_url=realtime_url,
        lat=settings[s.KIOSK_LAT],
        lon=settings[s.KIOSK_LON],
        radius_m=settings[s.STOPS_RADIUS_M],
        window_minutes=settings[s.DEPARTURES_WINDOW_MIN],
        max_age=settings[s.CACHE_GTFS_MAX_AGE],
        max_bytes=max(60_000_000, settings[s.MAX_RESPONSE_BYTES]),
    )
    log.info("offline: database %s, outbox %s", storage.path or "in memory",
             "on" if box else "off (hand-off mode)")  # fmt: skip
    offline = Offline(storage, problem, box, transport, service_types, clients)
    if publisher is not None and box is not None:
        offline._publishing = stats_publish.start(publisher[0](box))
    return offline


def _publisher(
    settings: Any, storage: Storage, clients: list[httpx.AsyncClient]
) -> tuple[Callable[[Outbox], stats_publish.StatsPublisher], dict[str, DeliverItem]] | None:
    """The daily statistics publication, when the config says where (site, CKAN, resource)."""
    site, url = settings[s.SITE_ID], settings[s.STATS_CKAN_URL]
    resource = settings[s.STATS_RESOURCE_ID]
    if not (site and url and resource):
        return None
    http = build_client(HttpLimits.from_settings(settings))
    clients.append(http)
    writer = stats_publish.DatastoreWriter(http, url, settings[s.STATS_API_KEY])

    def make(box: Outbox) -> stats_publish.StatsPublisher:
        return stats_publish.StatsPublisher(
            storage, box, site=site, resource_id=resource,
            threshold=settings[s.STATS_SUPPRESS_BELOW],
        )  # fmt: skip

    return make, {PUBLICATION: stats_publish.ckan_deliver(writer)}
