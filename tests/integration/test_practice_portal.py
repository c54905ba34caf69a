"""The practice portal through ASGITransport, driven by the real Open311 and CKAN clients."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

from kiosk.core.errors import AccessDenied, NotFound, PortalRejected
from kiosk.core.portal import DATATYPES, PLACE_CATEGORIES, NewRequest
from kiosk.practice_portal.app import CKAN_PATH, EMBEDDED_BASE, OPEN311_PATH, create_app
from kiosk.services.nearby.places import PlaceFinder
from kiosk.services.portals.ckan import CkanClient
from kiosk.services.portals.http import HttpLimits, build_client
from kiosk.services.portals.open311 import Open311Client

pytestmark = pytest.mark.anyio
ID = re.compile(r"\d{4}-\d{6}")
KIOSK = (42.6936, 23.3229)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Clock:
    def __init__(self) -> None:
        self.now = 1_780_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def http(tmp_path: Path, clock: Clock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(tmp_path / "portal.sqlite3", status_step_seconds=60, api_key="practice")
    app.state.store.clock = clock
    async with build_client(HttpLimits(), httpx.ASGITransport(app=app)) as client:
        yield client
    app.state.store.close()


def open311(http: httpx.AsyncClient, fmt: str = "json", **kw: str) -> Open311Client:
    kw.setdefault("api_key", "practice")
    return Open311Client(http, EMBEDDED_BASE + OPEN311_PATH, fmt=fmt, **kw)


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_services_in_bulgarian_by_default_and_english_by_locale(
    http: httpx.AsyncClient, fmt: str
) -> None:
    bg = await open311(http, fmt).services()
    en = await open311(http, fmt, locale="en").services()
    assert [s.code for s in bg] == [s.code for s in en]
    assert "39" not in {s.code for s in bg}  # COVID-19 is historic and hidden
    assert len(bg) == 17 and {s.type for s in bg} == {"realtime", "batch"}
    lights_bg = next(s for s in bg if s.code == "28")
    lights_en = next(s for s in en if s.code == "28")
    assert lights_bg.name == "Улично осветление" and lights_en.name == "Street lighting"
    assert lights_bg.group and lights_bg.keywords and lights_bg.metadata


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_definitions_together_use_every_datatype(http: httpx.AsyncClient, fmt: str) -> None:
    client = open311(http, fmt, locale="en")
    seen, info = set(), 0
    for service in await client.services():
        definition = await client.definition(service.code)
        assert definition.service_code == service.code
        seen |= {a.datatype for a in definition.attributes if a.variable}
        info += sum(not a.variable for a in definition.attributes)
        for attribute in definition.attributes:
            if attribute.datatype.endswith("valuelist"):
                assert attribute.values
    assert seen == set(DATATYPES) and info > 0
    with pytest.raises(NotFound):
        await client.definition("999")


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_report_track_and_watch_status_advance(
    http: httpx.AsyncClient, clock: Clock, fmt: str
) -> None:
    client = open311(http, fmt, jurisdiction_id="sofia.bg")
    new = NewRequest("28", lat=KIOSK[0], long=KIOSK[1], description="Лампата мига",
                     attributes={"LAMPS": "2", "LAMP_PROBLEM": ("off", "blink")},
                     email="resident@example.org")  # fmt: skip
    posted = await client.submit(new)
    assert ID.fullmatch(posted.service_request_id) and not posted.token
    assert "(пример)" in posted.service_notice
    first = await client.request(posted.service_request_id)
    assert (first.status, first.service_code, first.description) == ("open", "28", "Лампата мига")
    assert first.lat == pytest.approx(KIOSK[0]) and not first.offset_guessed
    assert "чака" in first.status_notes and first.agency_responsible
    notes = [first.status_notes]
    for _ in range(3):
        clock.now += 60
        notes.append((await client.request(posted.service_request_id)).status_notes)
    last = await client.request(posted.service_request_id)
    assert last.status == "closed" and len(set(notes)) == 4
    assert last.updated_datetime is not None and last.requested_datetime is not None
    assert (last.updated_datetime - last.requested_datetime).total_seconds() == 180


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_batch_service_gives_a_token_that_turns_into_an_id(
    http: httpx.AsyncClient, clock: Clock, fmt: str
) -> None:
    client = open311(http, fmt)
    posted = await client.submit(
        NewRequest(
            "2",
            address_string="ул. „Шипка“ 5",
            attributes={"WATER_PROBLEM": ("leak",), "DANGER": "yes"},
        ),
        service_type="batch",
    )
    assert posted.token and not posted.service_request_id
    assert (await client.token(posted.token)).service_request_id == ""  # still queued
    clock.now += 15
    request_id = (await client.token(posted.token)).service_request_id
    assert ID.fullmatch(request_id)
    assert (await client.request(request_id)).address == "ул. „Шипка“ 5"
    with pytest.raises(NotFound):
        await client.token("no-such-token")


async def test_request_lists_and_filters(http: httpx.AsyncClient, clock: Clock) -> None:
    client = open311(http)
    ids = []
    for code in ("1", "5", "5"):
        result = await client.submit(NewRequest(code, lat=KIOSK[0], long=KIOSK[1]))
        ids.append(result.service_request_id)
        clock.now += 100
    assert [r.service_request_id for r in await client.requests()] == ids[::-1]
    assert {r.service_code for r in await client.requests(service_codes=["5"])} == {"5"}
    assert [r.service_request_id for r in await client.requests(ids=ids[:2])] == ids[1::-1]
    middle = datetime.fromtimestamp(clock.now - 150, timezone.utc)
    since = await client.requests(start=middle)
    before = await client.requests(end=middle)
    assert [r.service_request_id for r in since] == [ids[2]]
    assert [r.service_request_id for r in before] == [ids[1], ids[0]]
    closed = await client.requests(status="closed")
    # 300 s and 200 s old: closed after three 60 s steps; the newest (100 s) is still open
    assert [r.service_request_id for r in closed] == ids[1::-1]
    with pytest.raises(NotFound):
        await client.request("2026-999999")


@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_refusals_carry_the_servers_reason(http: httpx.AsyncClient, fmt: str) -> None:
    where = NewRequest("22", lat=KIOSK[0], long=KIOSK[1], attributes={"DANGER": "no"})
    with pytest.raises(AccessDenied) as denied:
        await open311(http, fmt, api_key="wrong").submit(where)
    assert denied.value.status == 403 and "api_key" in denied.value.detail
    client = open311(http, fmt)
    with pytest.raises(PortalRejected, match="DOGS is required"):
        await client.submit(where)
    with pytest.raises(PortalRejected, match="must be a number"):
        await client.submit(
            NewRequest("22", lat=1, long=2, attributes={"DOGS": "many", "DANGER": "no"})
        )
    with pytest.raises(PortalRejected, match="must be one of"):
        await client.submit(
            NewRequest("22", lat=1, long=2, attributes={"DOGS": "2", "DANGER": "perhaps"})
        )
    with pytest.raises(PortalRejected, match="service_code"):
        await client.submit(NewRequest("39", address_string="x"))
    with pytest.raises(NotFound, match="jurisdiction"):
        await open311(http, fmt, jurisdiction_id="plovdiv.bg").services()


async def test_reports_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "portal.sqlite3"
    transport = httpx.ASGITransport(app=create_app(db, 60))
    async with build_client(HttpLimits(), transport) as http:
        posted = await open311(http).submit(NewRequest("11", address_string="пл. „Славейков“"))
    transport = httpx.ASGITransport(app=create_app(db, 60))
    async with build_client(HttpLimits(), transport) as http:
        assert (await open311(http).token(posted.token)).token == posted.token


async def test_ckan_search_show_and_datastore_paging(http: httpx.AsyncClient) -> None:
    ckan = CkanClient(http, EMBEDDED_BASE + CKAN_PATH)
    count, datasets = await ckan.package_search(rows=100)
    assert count == 6 and all("(пример)" in d.title for d in datasets)
    pharmacies = await ckan.package_show("sample-pharmacies")
    (table,) = pharmacies.resources
    assert table.datastore_active and pharmacies.data_date == "2026-11-01"
    page = await ckan.datastore_search(table.id, limit=2, offset=1, filters={"sample": True})
    assert len(page.records) == 2 and page.total == 4
    assert isinstance(page.records[0]["lat"], float)  # delivered as a string, typed numeric
    everything = await ckan.datastore_all(table.id, page_size=3)
    assert [r["_id"] for r in everything] == [1, 2, 3, 4]
    fountains = await ckan.package_show("sample-drinking-fountains")
    assert fountains.resources[0].url.startswith(EMBEDDED_BASE + CKAN_PATH + "/resources/")
    assert fountains.resources[0].format == "GEOJSON"
    with pytest.raises(NotFound):
        await ckan.package_show("no-such-dataset")
    with pytest.raises(PortalRejected, match="Action name not known"):
        await ckan.action("no_such_action", {})


async def test_find_help_lists_every_category_nearest_first(http: httpx.AsyncClient) -> None:
    names = [
        "sample-pharmacies",
        "sample-clinics",
        "sample-municipal-offices",
        "sample-day-centres",
        "sample-drinking-fountains",
        "sample-public-toilets",
    ]
    datasets = dict(zip(PLACE_CATEGORIES, names, strict=True))
    finder = PlaceFinder(CkanClient(http, EMBEDDED_BASE + CKAN_PATH), datasets, KIOSK,
                         max_distance_m=1500)  # fmt: skip
    assert finder.categories() == list(PLACE_CATEGORIES)
    for category in PLACE_CATEGORIES:
        near = await finder.nearby(category)
        assert near.places, category
        distances = [d for _, d in near.places]
        assert distances == sorted(distances) and distances[-1] <= 1500
        for place, _ in near.places:
            assert place.is_sample and "(пример)" in place.name and place.category == category
    fountains = await finder.nearby("fountain")
    assert len(fountains.places) == 2  # the third is 1.6 km away


async def test_the_gtfs_feeds_are_served_alongside(http: httpx.AsyncClient) -> None:
    static = await http.get(EMBEDDED_BASE + "/gtfs/static.zip")
    live = await http.get(EMBEDDED_BASE + "/gtfs/trip-updates")
    assert static.status_code == 200 and static.content.startswith(b"PK")
    assert live.status_code == 200 and live.headers["content-type"] == "application/x-protobuf"
