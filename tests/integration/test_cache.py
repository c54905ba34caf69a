"""The portal-data cache on a real SQLite file: fresh, cached, stale with its age, or the error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.errors import PortalReplyInvalid, PortalUnavailable
from kiosk.services.storage import cache as cache_module
from kiosk.services.storage.cache import BYTES, Cache, describe_age, describe_as_of
from kiosk.services.storage.database import Storage


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class Portal:
    def __init__(self) -> None:
        self.calls = 0
        self.failure: Exception | None = None

    async def services(self) -> list[dict[str, str]]:
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        return [{"service_code": "28", "service_name": f"Lighting v{self.calls}"}]


@pytest.mark.anyio
async def test_fresh_then_cached_then_refetched_after_max_age(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    clock, portal = Clock(), Portal()
    cache = Cache(storage, "open311:practice", clock=clock)
    first = await cache.get_or_fetch("services", portal.services, max_age=600)
    assert not first.from_cache and first.value[0]["service_name"] == "Lighting v1"
    clock.now += 300
    second = await cache.get_or_fetch("services", portal.services, max_age=600)
    assert second.from_cache and second.age_seconds == 300 and portal.calls == 1
    clock.now += 301
    third = await cache.get_or_fetch("services", portal.services, max_age=600)
    assert not third.from_cache and third.value[0]["service_name"] == "Lighting v2"
    await storage.close()


@pytest.mark.anyio
async def test_unreachable_portal_serves_the_old_copy_with_its_age(tmp_path: Path) -> None:
    path = tmp_path / "db"
    storage = await Storage.open(path, cache_module.MIGRATIONS)
    clock, portal = Clock(), Portal()
    await Cache(storage, "open311:practice", clock=clock).get_or_fetch(
        "services", portal.services, 60
    )
    await storage.close()
    # After a restart, three days later, with the network down:
    storage = await Storage.open(path, cache_module.MIGRATIONS)
    clock.now += 3 * 86400
    portal.failure = PortalUnavailable("connect refused")
    cache = Cache(storage, "open311:practice", clock=clock)
    old = await cache.get_or_fetch("services", portal.services, 60)
    assert old.stale and old.from_cache and isinstance(old.problem, PortalUnavailable)
    assert old.value[0]["service_name"] == "Lighting v1"
    assert describe_age(old.age_seconds, "en") == "3 days ago"
    assert describe_age(old.age_seconds, "bg") == "преди 3 дни"
    # Another backend has no copy: the domain error reaches the caller.
    with pytest.raises(PortalUnavailable):
        await Cache(storage, "open311:city", clock=clock).get_or_fetch(
            "services", portal.services, 60
        )
    await storage.close()


@pytest.mark.anyio
async def test_garbage_reply_also_falls_back_and_bytes_round_trip(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    cache = Cache(storage, "gtfs")
    blob = bytes(range(256)) * 10

    async def zip_feed() -> bytes:
        return blob

    async def garbage() -> bytes:
        raise PortalReplyInvalid("not a zip")

    assert (await cache.get_or_fetch("static", zip_feed, 0, BYTES)).value == blob
    back = await cache.get_or_fetch("static", garbage, 0, BYTES)
    assert back.stale and back.value == blob
    await cache.forget()
    assert await cache.get("static", BYTES) is None
    await storage.close()


@pytest.mark.anyio
async def test_a_full_disk_still_shows_fresh_data(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    (pages,) = (await storage.fetchall("PRAGMA page_count"))[0]
    await storage.fetchall(f"PRAGMA max_page_count={pages}")

    async def big() -> str:
        return "x" * 200_000

    result = await Cache(storage, "ckan").get_or_fetch("places", big, 60)
    assert result.value == "x" * 200_000 and not result.from_cache
    await storage.close()


def test_as_of_is_shown_in_sofia_time() -> None:
    assert describe_as_of(1_800_000_000, "en") == "15 Jan 2027, 10:00:00"


@pytest.mark.anyio
async def test_portal_objects_round_trip_through_the_cache(tmp_path: Path) -> None:
    from kiosk.core.portal import Place, Service, ServiceAttribute, ServiceDefinition
    from kiosk.services.storage.cache_codecs import DEFINITION, PLACES, SERVICES

    services = [Service("28", "Улично осветление", keywords=("лампа", "тъмно"), metadata=True)]
    definition = ServiceDefinition("2", (
        ServiceAttribute("DANGER", datatype="singlevaluelist", required=True,
                         values=(("no", "Не"), ("yes", "Да"))),
        ServiceAttribute("NOTICED", datatype="datetime", order=2),
    ))  # fmt: skip
    places = [Place("p1", "pharmacy", "Аптека (пример)", 42.69, 23.32, is_sample=True)]
    storage = await Storage.open(tmp_path / "db", cache_module.MIGRATIONS)
    cache = Cache(storage, "open311:practice")
    await cache.put("services", services, SERVICES)
    await cache.put("definition 2", definition, DEFINITION)
    await cache.put("places pharmacy", places, PLACES)
    got_services = await cache.get("services", SERVICES)
    got_definition = await cache.get("definition 2", DEFINITION)
    got_places = await cache.get("places pharmacy", PLACES)
    await storage.close()
    assert got_services is not None and got_services.value == services
    assert got_definition is not None and got_definition.value == definition
    assert got_places is not None and got_places.value == places
