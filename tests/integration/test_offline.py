"""The offline backbone as the composition root builds it, on the default (practice) settings."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.compose import embedded_practice
from kiosk.config.loader import Settings
from kiosk.core.outbox import Location, Report, State
from kiosk.services.nearby.gtfs_timetable import SOFIA
from kiosk.services.portals.build import build_portals
from kiosk.services.storage.offline import open_offline


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_practice_kiosk_sends_reports_and_shows_departures(tmp_path: Path) -> None:
    settings = Settings({"paths.data_dir": str(tmp_path / "data")})
    portals = build_portals(settings, embedded_practice(tmp_path / "practice.sqlite3"))
    offline = await open_offline(settings, portals)
    try:
        assert offline.problem is None and offline.outbox is not None
        assert offline.storage.path == tmp_path / "data" / "kiosk.sqlite3"
        local_id = await offline.outbox.enqueue(
            Report("28", Location(42.6936, 23.3229), "Лампата не свети")
        )
        for _ in range(300):
            entry = await offline.outbox.get(local_id)
            if entry is not None and entry.state is State.DELIVERED:
                break
            await asyncio.sleep(0.01)
        assert entry is not None and entry.state is State.DELIVERED
        assert entry.service_request_id or entry.token
        board = await offline.transport.board(datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA))
        assert board.departures and board.stops and not board.stale
    finally:
        await offline.aclose()
        await portals.aclose()


@pytest.mark.anyio
async def test_hand_off_mode_keeps_no_outbox(tmp_path: Path) -> None:
    settings = Settings({"paths.data_dir": str(tmp_path), "portal.mode": "handoff"})
    portals = build_portals(settings, embedded_practice(tmp_path / "practice.sqlite3"))
    offline = await open_offline(settings, portals)
    try:
        assert offline.outbox is None
        board = await offline.transport.board(datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA))
        assert board.departures
    finally:
        await offline.aclose()
        await portals.aclose()
