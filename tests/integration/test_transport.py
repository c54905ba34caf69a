"""Departures board: timetable fetched from the practice routes, cached, used stale when offline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from kiosk.core.errors import PortalUnavailable
from kiosk.practice_portal import gtfs_routes
from kiosk.services.nearby.departures import Transport
from kiosk.services.nearby.gtfs_timetable import SOFIA
from kiosk.services.storage import cache as cache_module
from kiosk.services.storage.cache import Cache
from kiosk.services.storage.database import Storage

RUSH = datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Switch(httpx.AsyncBaseTransport):
    """Serves the practice routes until `down` is set; then every request fails with 503."""

    def __init__(self) -> None:
        self.down = False
        self.app = httpx.ASGITransport(app=Starlette(routes=gtfs_routes.routes))
        self.calls: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        if self.down:
            return httpx.Response(503, text="<html>maintenance</html>")
        return await self.app.handle_async_request(request)


def transport_for(client: httpx.AsyncClient, cache: Cache, clock: list[float]) -> Transport:
    return Transport(
        client, cache, static_url="http://practice/gtfs/static.zip",
        realtime_url="http://practice/gtfs/trip-updates", lat=42.6977, lon=23.3219,
        radius_m=700, window_minutes=30, max_age=3600, clock=lambda: clock[0],
    )  # fmt: skip


@pytest.mark.anyio
async def test_board_live_then_cached_then_stale_offline(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    switch = Switch()
    clock = [RUSH.timestamp()]
    async with httpx.AsyncClient(transport=switch) as client:
        transport = transport_for(client, Cache(storage, "gtfs", clock=lambda: clock[0]), clock)
        board = await transport.board(RUSH)
        assert board.departures and board.live and not board.stale
        assert switch.calls.count("/gtfs/static.zip") == 1
        clock[0] += 600
        await transport.board(RUSH)
        assert switch.calls.count("/gtfs/static.zip") == 1  # the cached slice was used
        switch.down = True
        clock[0] += 2 * 86400
        offline = await transport.board(RUSH)
        assert offline.stale and not offline.live and offline.departures
        assert isinstance(offline.problem, PortalUnavailable)
        assert offline.timetable_age_seconds == 2 * 86400 + 600
        assert not any(d.realtime for d in offline.departures)
        with pytest.raises(PortalUnavailable):  # another place: nothing cached
            await Transport(
                client, Cache(storage, "gtfs"), static_url="http://practice/gtfs/static.zip",
                lat=42.70, lon=23.33, radius_m=500, window_minutes=30, max_age=3600,
            ).board(RUSH)  # fmt: skip
    await storage.close()


@pytest.mark.anyio
async def test_old_live_delays_are_ignored(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    clock = [RUSH.timestamp() + 3600]  # the practice feed is stamped with the real time
    async with httpx.AsyncClient(transport=Switch()) as client:
        transport = transport_for(client, Cache(storage, "gtfs"), clock)
        clock[0] = datetime.now(SOFIA).timestamp() + 3600
        assert await transport.live() is None
        clock[0] = datetime.now(SOFIA).timestamp()
        assert await transport.live() is not None
    await storage.close()
