"""The services as the composition root builds them (kiosk/compose.py), on the default settings."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.compose import Services
from kiosk.config.loader import Settings
from kiosk.core.outbox import Location, Report, State
from kiosk.services.nearby.gtfs_timetable import SOFIA


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_building_the_services_touches_no_file(tmp_path: Path) -> None:
    """Each service is built on first use; building them opens no database and no portal, so
    the root may hand them to bridges before the first frame (and a screenshot writes nothing)."""
    services = Services(Settings({"paths.data_dir": str(tmp_path / "data")}))
    assert services.outbox is not None and services.stats is not None
    assert services.portals.places is not None and services.open311_cache is not None
    assert not (tmp_path / "data" / "kiosk.sqlite3").exists()
    assert not (tmp_path / "data" / "practice-portal.sqlite3").exists()


@pytest.mark.anyio
async def test_practice_kiosk_sends_reports_and_shows_departures(tmp_path: Path) -> None:
    services = Services(Settings({"paths.data_dir": str(tmp_path / "data")}))
    services.start()
    try:
        outbox = services.outbox
        assert await services.storage.ready() is None and outbox is not None
        assert services.storage.path == tmp_path / "data" / "kiosk.sqlite3"
        local_id = await outbox.enqueue(
            Report("28", Location(42.6936, 23.3229), "Лампата не свети", language="en")
        )
        for _ in range(300):
            entry = await outbox.get(local_id)
            if entry is not None and entry.state is State.DELIVERED:
                break
            await asyncio.sleep(0.01)
        assert entry is not None and entry.state is State.DELIVERED
        assert entry.service_request_id or entry.token
        board = await services.departures.board(datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA))
        assert board.departures and board.stops and not board.stale
    finally:
        await services.aclose()


@pytest.mark.anyio
async def test_hand_off_mode_keeps_no_outbox(tmp_path: Path) -> None:
    services = Services(Settings({"paths.data_dir": str(tmp_path), "portal.mode": "handoff"}))
    try:
        assert services.outbox is None and services.portals.open311 is None
        board = await services.departures.board(datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA))
        assert board.departures
    finally:
        await services.aclose()


@pytest.mark.anyio
async def test_lessons_practise_on_the_practice_portal_in_every_mode(tmp_path: Path) -> None:
    """A practice report from a lesson never reaches the city's server."""
    settings = Settings({
        "paths.data_dir": str(tmp_path), "portal.mode": "open311",
        "portal.open311_url": "https://311.example.org/v2",
    })  # fmt: skip
    services = Services(settings)
    try:
        practice = services.portals.practice_open311
        assert practice is not services.portals.open311
        assert practice.base_url.startswith(services.portals.embedded.base)
    finally:
        await services.aclose()
