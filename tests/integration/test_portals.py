"""Building the portal clients from the settings: practice, a real Open311 server, hand-off."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.compose import embedded_practice
from kiosk.config.loader import Settings
from kiosk.core.portal import NewRequest
from kiosk.services.portals.build import build_portals

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_practice_mode_runs_everything_in_process(tmp_path: Path) -> None:
    portals = build_portals(Settings({}), embedded_practice(tmp_path / "practice.sqlite3"))
    try:
        assert portals.is_practice and portals.open311 is not None
        services = await portals.open311.services(locale="en")
        assert any(s.name == "Street lighting" for s in services)
        posted = await portals.open311.submit(NewRequest("5", lat=42.69, long=23.32))
        assert posted.service_request_id
        near = await portals.places.nearby("pharmacy")
        assert near.places and near.places[0][0].is_sample
        assert portals.practice_open
        zipped = await portals.practice_http.get(portals.practice_gtfs_base + "/static.zip")
        assert zipped.status_code == 200
    finally:
        await portals.aclose()
    assert (tmp_path / "practice.sqlite3").exists()  # practice reports persist


async def test_open311_mode_uses_the_configured_server(tmp_path: Path) -> None:
    settings = Settings({
        "portal.mode": "open311", "portal.open311_url": "https://311.example.org/v2/",
        "portal.open311_format": "xml", "portal.open311_api_key": "k",
        "portal.jurisdiction_id": "sofia.bg", "portal.ckan_url": "https://data.example.org",
    })  # fmt: skip
    portals = build_portals(settings, embedded_practice(tmp_path / "p.sqlite3"))
    try:
        assert not portals.is_practice and portals.open311 is not None
        assert portals.open311.base_url == "https://311.example.org/v2"
        assert (portals.open311.fmt, portals.open311.api_key) == ("xml", "k")
        assert portals.open311.jurisdiction_id == "sofia.bg"
        assert portals.ckan.site_url == "https://data.example.org"
        assert not portals.practice_open  # nothing embedded was needed
    finally:
        await portals.aclose()


async def test_handoff_mode_has_no_open311_and_an_empty_url_falls_back(tmp_path: Path) -> None:
    handoff = build_portals(
        Settings({"portal.mode": "handoff"}), embedded_practice(tmp_path / "p.sqlite3")
    )
    assert handoff.open311 is None and handoff.mode == "handoff"
    await handoff.aclose()
    unset = build_portals(
        Settings({"portal.mode": "open311"}), embedded_practice(tmp_path / "p.sqlite3")
    )
    assert unset.is_practice and unset.open311 is not None
    await unset.aclose()
