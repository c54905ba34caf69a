"""The durable outbox on real SQLite files, with a deliver callable that records what it sent."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.outbox import (
    Contact,
    Delivered,
    DeliveryOutcome,
    Location,
    Rejected,
    Report,
    RetryLater,
    RetryPolicy,
    State,
)
from kiosk.services.reports.outbox import MIGRATIONS, Outbox
from kiosk.services.storage.database import Storage

DAY = 86400.0


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


class Portal:
    """Answers each try with the next scripted outcome and remembers what it received."""

    def __init__(self, *outcomes: DeliveryOutcome | Exception) -> None:
        self.script: Iterator[DeliveryOutcome | Exception] = iter(outcomes)
        self.received: list[Report] = []

    async def __call__(self, report: Report) -> DeliveryOutcome:
        self.received.append(report)
        outcome = next(self.script, Delivered(service_request_id=f"R{len(self.received)}"))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def report(**changes: object) -> Report:
    base: dict[str, object] = {
        "service_code": "28",
        "location": Location(42.6977, 23.3219, "ul. Graf Ignatiev 10"),
        "description": "Street lamp is out",
        "attributes": {"kind": "lamp", "when": ("night", "evening")},
        "contact": Contact(first_name="Мария", email="maria@example.org"),
        "consent": True,
    }
    base.update(changes)
    return Report(**base)  # type: ignore[arg-type]


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT state, payload, contact FROM outbox").fetchall()


async def open_outbox(path: Path, portal: Portal, clock: Clock) -> tuple[Storage, Outbox]:
    storage = await Storage.open(path, MIGRATIONS)
    box = Outbox(
        storage, portal, policy=RetryPolicy(10, 100), retention_days=30, clock=clock,
        rand=lambda: 0.5,
    )  # fmt: skip
    return storage, box


@pytest.mark.anyio
async def test_enqueued_report_is_on_disk_before_sending_and_twice_is_once(tmp_path: Path) -> None:
    path, portal, clock = tmp_path / "db", Portal(), Clock()
    storage, box = await open_outbox(path, portal, clock)
    one = report()
    first = await box.enqueue(one)
    assert await box.enqueue(one) == first  # a second tap on "Send"
    rows = raw_rows(path)  # another connection sees it: it is committed
    assert len(rows) == 1 and rows[0][0] == "queued" and "maria@" in str(rows[0][2])
    assert portal.received == []
    assert await box.flush() == 1
    sent = portal.received[0]
    assert sent.attributes == one.attributes and sent.contact == one.contact
    assert sent.created_at == one.created_at and sent.client_id == one.client_id
    await storage.close()


@pytest.mark.anyio
async def test_transient_failure_is_retried_after_backoff(tmp_path: Path) -> None:
    clock = Clock()
    portal = Portal(RetryLater("network down"), ConnectionResetError("reset"))
    storage, box = await open_outbox(tmp_path / "db", portal, clock)
    local_id = await box.enqueue(report())
    await box.flush()
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.QUEUED and entry.attempts == 1
    assert entry.next_attempt_at == clock.now + 5  # base 10 x jitter 0.5
    assert await box.flush() == 0  # not due yet
    clock.now += 5
    await box.flush()  # the deliver callable raised: still a retry, never a crash
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.QUEUED and entry.attempts == 2
    assert entry.next_attempt_at == clock.now + 10
    status = await box.status()
    assert status.queued == 1 and status.next_attempt_in_seconds == 10
    clock.now += 10
    await box.flush()
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.DELIVERED and entry.attempts == 3
    assert len(portal.received) == 3
    await storage.close()


@pytest.mark.anyio
async def test_permanent_failure_is_rejected_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "db"
    storage, box = await open_outbox(path, Portal(Rejected("Unknown category")), Clock())
    local_id = await box.enqueue(report())
    await box.flush()
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.REJECTED
    assert entry.last_error == "Unknown category"
    assert raw_rows(path)[0][2] is None  # contact gone
    assert await box.flush() == 0  # never tried again
    await storage.close()


@pytest.mark.anyio
async def test_delivery_keeps_only_the_portal_reference(tmp_path: Path) -> None:
    path = tmp_path / "db"
    portal = Portal(Delivered(token="tok-7", notice="Thank you"))
    storage, box = await open_outbox(path, portal, Clock())
    local_id = await box.enqueue(report())
    await box.flush()
    await box.set_request_id(local_id, "00042")
    await storage.close()
    state, payload, contact = raw_rows(path)[0]
    assert (state, payload, contact) == ("delivered", None, None)
    # Nothing the resident typed is left in the files (secure_delete overwrote it).
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for secret in ("maria@example.org", "Мария", "Street lamp"):
        assert secret.encode() not in blob


@pytest.mark.anyio
async def test_every_entry_is_purged_after_retention_and_unsent_ones_are_counted(
    tmp_path: Path,
) -> None:
    clock = Clock()
    storage, box = await open_outbox(tmp_path / "db", Portal(), clock)
    await box.enqueue(report())
    await box.flush()
    waiting = await box.enqueue(report(contact=Contact(first_name="Мария", email="m@example.org")))
    clock.now += 29 * DAY
    assert await box.purge() == 0
    status = await box.status()
    assert (status.delivered, status.queued, status.purged_unsent) == (1, 1, 0)
    clock.now += 1 * DAY
    assert await box.purge() == 2  # the unsent one goes too, with its contact details
    status = await box.status()
    assert (status.delivered, status.queued, status.purged_unsent) == (0, 0, 1)
    assert await box.get(waiting) is None
    await storage.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert "Мария".encode() not in blob and b"m@example.org" not in blob


@pytest.mark.anyio
async def test_resume_after_reopening_requeues_interrupted_sends(tmp_path: Path) -> None:
    path, clock = tmp_path / "db", Clock()
    storage, box = await open_outbox(path, Portal(), clock)
    ids = [await box.enqueue(report(description=f"report {n}")) for n in range(3)]
    await storage.close()
    # A crash while sending leaves a row in `sending`.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE outbox SET state = 'sending', attempts = 1 WHERE local_id = ?",
                     (ids[0],))  # fmt: skip
    portal = Portal()
    storage, box = await open_outbox(path, portal, clock)
    assert (await box.status()).sending == 1
    assert await box.flush() == 3
    assert sorted(r.description for r in portal.received) == ["report 0", "report 1", "report 2"]
    status = await box.status()
    assert status.delivered == 3 and status.waiting == 0
    first = await box.get(ids[0])
    assert first is not None and first.attempts == 2
    await storage.close()


@pytest.mark.anyio
async def test_status_holds_no_personal_data(tmp_path: Path) -> None:
    storage, box = await open_outbox(tmp_path / "db", Portal(RetryLater("x")), Clock())
    await box.enqueue(report())
    await box.flush()
    status = await box.status()
    text = json.dumps(status.__dict__)
    assert "maria" not in text.lower() and "lamp" not in text.lower()
    await storage.close()


@pytest.mark.anyio
async def test_the_sender_task_sends_as_soon_as_a_report_is_enqueued(tmp_path: Path) -> None:
    import asyncio

    portal = Portal()
    storage = await Storage.open(tmp_path / "db", MIGRATIONS)
    box = Outbox(storage, portal)
    box.start()
    local_id = await box.enqueue(report())
    for _ in range(200):
        entry = await box.get(local_id)
        if entry is not None and entry.state is State.DELIVERED:
            break
        await asyncio.sleep(0.01)
    await box.stop()
    await storage.close()
    assert entry is not None and entry.state is State.DELIVERED
    assert entry.service_request_id == "R1"


@pytest.mark.anyio
async def test_retry_now_makes_waiting_reports_due(tmp_path: Path) -> None:
    clock = Clock()
    storage, box = await open_outbox(tmp_path / "db", Portal(RetryLater("offline")), clock)
    local_id = await box.enqueue(report())
    await box.flush()
    assert await box.flush() == 0
    assert await box.retry_now() == 1
    assert await box.flush() == 1
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.DELIVERED
    await storage.close()
