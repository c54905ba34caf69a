"""Next departures near the kiosk: the timetable from the cache or the feed, plus live delays.

The static feed is fetched at most once per `max_age` (it is large), sliced to the stops near
the kiosk on a worker thread, and cached as JSON; when the feed cannot be fetched the cached
slice is used however old, and the board says how old. Live delays are fetched on every board
and simply left out when unavailable or older than `realtime_max_age`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx

from kiosk.core.errors import PortalError
from kiosk.services.nearby.gtfs import (
    Departure,
    RealtimeFeed,
    Stop,
    Timetable,
    load_timetable_async,
    parse_trip_updates,
)
from kiosk.services.portals.http import fetch, raise_for_status
from kiosk.services.storage.cache import Cache, Cached, Codec

log = logging.getLogger(__name__)

TIMETABLE_CODEC: Codec[Timetable] = Codec(
    lambda table: json.dumps(table.to_json(), ensure_ascii=False).encode(),
    lambda data: Timetable.from_json(json.loads(data)),
)


@dataclass(frozen=True)
class Board:
    """What the departures screen shows. `stale`: the timetable is an old copy (see `problem`)."""

    departures: list[Departure]
    stops: list[Stop]
    timetable_fetched_at: float
    timetable_age_seconds: float
    stale: bool
    live: bool  # live delays were applied
    problem: PortalError | None = None


class Transport:
    """Departures for one kiosk location. Built once by the composition root."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        cache: Cache,
        *,
        static_url: str,
        realtime_url: str = "",
        lat: float,
        lon: float,
        radius_m: float,
        window_minutes: int,
        max_age: float,
        realtime_max_age: float = 300.0,
        max_bytes: int = 60_000_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client, self._cache = client, cache
        self._static_url, self._realtime_url = static_url, realtime_url
        self._where = (lat, lon, radius_m)
        self._window, self._max_age = window_minutes, max_age
        self._realtime_max_age, self._max_bytes = realtime_max_age, max_bytes
        self._clock = clock
        # Any change of feed or place is a different slice, so it is a different key.
        self._key = f"timetable {static_url} {lat:.5f},{lon:.5f} r{radius_m:g}"

    async def timetable(self) -> Cached[Timetable]:
        return await self._cache.get_or_fetch(
            self._key, self._fetch_timetable, self._max_age, TIMETABLE_CODEC
        )

    async def live(self) -> RealtimeFeed | None:
        """Current trip updates, or None (no URL, unreachable, unreadable or too old)."""
        if not self._realtime_url:
            return None
        try:
            reply = await fetch(
                self._client, "GET", self._realtime_url, max_bytes=self._max_bytes,
                accept="application/x-protobuf",
            )  # fmt: skip
            raise_for_status(reply)
            feed = parse_trip_updates(reply.body)
        except PortalError as exc:
            log.info("live delays unavailable: %s", type(exc).__name__)
            return None
        if self._clock() - feed.timestamp > self._realtime_max_age:
            log.info("live delays ignored: %.0f s old", self._clock() - feed.timestamp)
            return None
        return feed

    async def board(self, now: datetime | None = None) -> Board:
        """The next departures. Raises PortalError only with no timetable at all."""
        cached = await self.timetable()
        feed = await self.live()
        moment = now or datetime.fromtimestamp(self._clock(), timezone.utc)
        table = cached.value
        return Board(
            departures=table.departures(moment, self._window, feed),
            stops=list(table.stops.values()),
            timetable_fetched_at=cached.fetched_at,
            timetable_age_seconds=cached.age_seconds,
            stale=cached.stale,
            live=feed is not None,
            problem=cached.problem,
        )

    async def _fetch_timetable(self) -> Timetable:
        reply = await fetch(
            self._client, "GET", self._static_url, max_bytes=self._max_bytes,
            accept="application/zip",
        )  # fmt: skip
        raise_for_status(reply)
        return await load_timetable_async(reply.body, *self._where)
