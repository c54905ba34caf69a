"""The outbox delivering through the Open311 client to the practice portal (ASGITransport)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kiosk.core.errors import (
    AccessDenied,
    NotFound,
    PortalRejected,
    PortalReplyInvalid,
    PortalTimeout,
)
from kiosk.core.outbox import Contact, Location, Rejected, Report, RetryLater, State
from kiosk.practice_portal.app import EMBEDDED_BASE, OPEN311_PATH, create_app
from kiosk.services.portals.open311 import Open311Client
from kiosk.services.reports.outbox import MIGRATIONS, Outbox
from kiosk.services.reports.outbox_open311 import open311_deliver, outcome_of, to_new_request
from kiosk.services.storage.database import Storage


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def lamp_report(**changes: object) -> Report:
    base: dict[str, object] = {
        "service_code": "28",
        "location": Location(42.6977, 23.3219),
        "description": "Лампата не свети",
    }
    base.update(changes)
    return Report(**base)  # type: ignore[arg-type]


def test_form_carries_contact_only_with_consent_and_the_reference() -> None:
    with_contact = lamp_report(contact=Contact(first_name="Мария", phone="0888"), consent=True)
    form = dict(to_new_request(with_contact, device_id="kiosk-7").form_fields())
    assert form["first_name"] == "Мария" and form["phone"] == "0888"
    assert form["device_id"] == "kiosk-7"
    assert form["description"].endswith("Kiosk reference: " + with_contact.client_id)
    anonymous = dict(to_new_request(lamp_report()).form_fields())
    assert not {"first_name", "last_name", "email", "phone"} & set(anonymous)


def test_failures_sort_into_retry_or_refuse() -> None:
    assert isinstance(outcome_of(NotFound("no such service", status=404)), Rejected)
    assert isinstance(outcome_of(PortalRejected("bad field", status=400)), Rejected)
    assert isinstance(outcome_of(PortalRejected("slow down", status=429)), RetryLater)
    assert isinstance(outcome_of(AccessDenied("bad key", status=403)), RetryLater)
    assert isinstance(outcome_of(PortalTimeout("slow")), RetryLater)
    assert isinstance(outcome_of(PortalReplyInvalid("garbage")), RetryLater)


@pytest.mark.anyio
async def test_reports_reach_the_practice_portal(tmp_path: Path) -> None:
    app = create_app(tmp_path / "portal.sqlite3", 60.0, api_key="k1")
    storage = await Storage.open(tmp_path / "kiosk.sqlite3", MIGRATIONS)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        good = Open311Client(http, EMBEDDED_BASE + OPEN311_PATH, api_key="k1")
        box = Outbox(storage, open311_deliver(good))
        ok = await box.enqueue(lamp_report(contact=Contact(email="m@example.org"), consent=True))
        unknown = await box.enqueue(lamp_report(service_code="9999"))
        await box.flush()
        sent = await box.get(ok)
        assert sent is not None and sent.state is State.DELIVERED and sent.service_request_id
        tracked = await good.request(sent.service_request_id)
        assert "Лампата не свети" in tracked.description
        refused = await box.get(unknown)
        assert refused is not None and refused.state is State.REJECTED and refused.last_error
        # A wrong API key is a set-up problem: the report waits, it is not thrown away.
        wrong_key = Outbox(storage, open311_deliver(
            Open311Client(http, EMBEDDED_BASE + OPEN311_PATH, api_key="wrong")))  # fmt: skip
        waiting = await wrong_key.enqueue(lamp_report())
        await wrong_key.flush()
        entry = await wrong_key.get(waiting)
        assert entry is not None and entry.state is State.QUEUED and entry.attempts == 1
    await storage.close()


@pytest.mark.anyio
async def test_the_look_up_finds_a_report_on_the_practice_portal_by_its_reference(
    tmp_path: Path,
) -> None:
    import time

    from kiosk.core.outbox import Delivered, NotListed
    from kiosk.services.reports.outbox_open311 import open311_lookup

    app = create_app(tmp_path / "portal.sqlite3", 3600.0)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport) as http:
        client = Open311Client(http, EMBEDDED_BASE + OPEN311_PATH)
        sent, other, never = lamp_report(), lamp_report(), lamp_report()
        since = time.time()
        result = await client.submit(to_new_request(sent))
        await client.submit(to_new_request(other))
        lookup = open311_lookup(client)
        assert await lookup(sent, since) == Delivered(result.service_request_id)
        assert await lookup(never, since) is None
        assert await lookup(lamp_report(service_code="29"), since) is None

    def no_listing(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(404, text="Not Found")
        return httpx.Response(200, json=[{"service_request_id": "1"}])

    async with httpx.AsyncClient(transport=httpx.MockTransport(no_listing)) as http:
        lookup = open311_lookup(Open311Client(http, "https://city.example/open311/v2"))
        assert isinstance(await lookup(sent, since), NotListed)

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(down)) as http:
        lookup = open311_lookup(Open311Client(http, "https://city.example/open311/v2"))
        assert isinstance(await lookup(sent, since), RetryLater)
    app.state.store.close()
