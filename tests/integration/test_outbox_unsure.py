"""The outbox when the portal may already have a report (a crash mid-send, a try that timed out):
it is looked up before it is sent again; a row that cannot be read is set aside; no page of a
report stays in the WAL after delivery, refusal or purge."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.core.outbox import (
    Delivered,
    LookupOutcome,
    NotListed,
    Rejected,
    Report,
    RetryLater,
    RetryPolicy,
    State,
)
from kiosk.services.reports.outbox import MIGRATIONS, Outbox
from kiosk.services.storage.database import Storage
from tests.integration.test_outbox import Clock, Portal, report


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Lookup:
    def __init__(self, answer: LookupOutcome) -> None:
        self.answer = answer
        self.asked: list[tuple[str, float]] = []

    async def __call__(self, found: Report, since: float) -> LookupOutcome:
        self.asked.append((found.client_id, since))
        return self.answer


async def crashed_mid_send(path: Path, clock: Clock) -> int:
    """A report whose first try began (at clock time) and never finished."""
    storage = await Storage.open(path, MIGRATIONS)
    box = Outbox(storage, Portal(), clock=clock)
    local_id = await box.enqueue(report())
    await box._claim_next()  # marked `sending`, first try time recorded; then the crash
    await storage.close()
    return local_id


async def reopen(path: Path, portal: Portal, lookup: Lookup | None, clock: Clock) -> Outbox:
    storage = await Storage.open(path, MIGRATIONS)
    return Outbox(storage, portal, lookup=lookup, policy=RetryPolicy(10, 100), clock=clock,
                  rand=lambda: 0.5)  # fmt: skip


@pytest.mark.anyio
async def test_a_report_the_portal_already_has_is_not_sent_again(tmp_path: Path) -> None:
    clock = Clock()
    local_id = await crashed_mid_send(tmp_path / "db", clock)
    started = clock.now
    clock.now += 30
    portal, lookup = Portal(), Lookup(Delivered("2026-000042"))
    box = await reopen(tmp_path / "db", portal, lookup, clock)
    assert await box.flush() == 1
    assert portal.received == []
    assert [since for _id, since in lookup.asked] == [started]
    entry = await box.get(local_id)
    assert entry is not None and entry.state is State.DELIVERED
    assert entry.service_request_id == "2026-000042" and entry.report is None
    await box._storage.close()


@pytest.mark.anyio
async def test_a_report_the_portal_does_not_have_is_sent_once(tmp_path: Path) -> None:
    clock = Clock()
    await crashed_mid_send(tmp_path / "db", clock)
    portal, lookup = Portal(), Lookup(None)
    box = await reopen(tmp_path / "db", portal, lookup, clock)
    assert await box.flush() == 1
    assert len(portal.received) == 1 and len(lookup.asked) == 1
    assert (await box.status()).resent_unchecked == 0
    await box._storage.close()


@pytest.mark.anyio
async def test_a_portal_that_cannot_be_asked_gets_it_again_and_staff_see_how_often(
    tmp_path: Path,
) -> None:
    clock = Clock()
    await crashed_mid_send(tmp_path / "db", clock)
    portal = Portal()
    box = await reopen(tmp_path / "db", portal, Lookup(NotListed("404")), clock)
    assert await box.flush() == 1
    assert len(portal.received) == 1
    assert (await box.status()).resent_unchecked == 1
    await box._storage.close()
    box = await reopen(tmp_path / "db", Portal(), None, clock)  # counted on disk
    assert (await box.status()).resent_unchecked == 1
    await box._storage.close()


@pytest.mark.anyio
async def test_when_the_look_up_fails_nothing_is_sent_and_it_is_asked_again(
    tmp_path: Path,
) -> None:
    clock = Clock()
    await crashed_mid_send(tmp_path / "db", clock)
    portal, lookup = Portal(), Lookup(RetryLater("network down"))
    box = await reopen(tmp_path / "db", portal, lookup, clock)
    await box.flush()
    assert portal.received == []
    clock.now += 100
    lookup.answer = None
    await box.flush()
    assert len(portal.received) == 1 and len(lookup.asked) == 2
    await box._storage.close()


@pytest.mark.anyio
async def test_a_try_that_ended_without_an_answer_is_looked_up_before_the_next(
    tmp_path: Path,
) -> None:
    clock = Clock()
    storage = await Storage.open(tmp_path / "db", MIGRATIONS)
    portal, lookup = Portal(RetryLater("timed out")), Lookup(Delivered("7"))
    box = Outbox(storage, portal, lookup=lookup, policy=RetryPolicy(10, 100), clock=clock)
    local_id = await box.enqueue(report())
    await box.flush()
    assert len(portal.received) == 1 and lookup.asked == []  # a first try is never looked up
    clock.now += 200
    await box.flush()
    assert len(portal.received) == 1 and len(lookup.asked) == 1
    entry = await box.get(local_id)
    assert entry is not None and entry.service_request_id == "7"
    await storage.close()


@pytest.mark.error_log  # the unreadable row is logged
@pytest.mark.anyio
async def test_an_unreadable_row_is_set_aside_and_the_queue_goes_on(tmp_path: Path) -> None:
    clock = Clock()
    storage = await Storage.open(tmp_path / "db", MIGRATIONS)
    portal = Portal()
    box = Outbox(storage, portal, clock=clock)
    bad = await box.enqueue(report(description="first, then damaged"))
    good = [await box.enqueue(report(description=f"good {n}")) for n in range(5)]
    await storage.execute(
        'UPDATE outbox SET payload = \'{"service_code": "28", "loca\' WHERE local_id = ?',
        (bad,),
    )
    assert await box.flush() == 5
    assert sorted(r.description for r in portal.received) == [f"good {n}" for n in range(5)]
    status = await box.status()
    assert (status.delivered, status.rejected, status.unreadable, status.waiting) == (5, 1, 1, 0)
    rows = await storage.fetchall(
        "SELECT state, last_error, payload FROM outbox WHERE local_id = ?", (bad,)
    )
    assert rows[0][0] == "rejected" and rows[0][1].startswith("could not be read: JSONDecodeError")
    assert rows[0][2] is None
    assert [(await box.get(i)).state for i in good] == [State.DELIVERED] * 5  # type: ignore[union-attr]
    await storage.close()


def files_of(db: Path) -> bytes:
    return b"".join(Path(f"{db}{suffix}").read_bytes() for suffix in ("", "-wal")
                    if Path(f"{db}{suffix}").exists())  # fmt: skip


def forms(text: str) -> list[bytes]:
    """The text as SQLite may hold it: UTF-8, or inside JSON with non-ASCII escaped."""
    return [text.encode(), json.dumps(text).strip('"').encode()]


CONTACT = ("Мария", "maria@example.org")
DESCRIPTION = "Street lamp is out"


@pytest.mark.anyio
@pytest.mark.parametrize("outcome", [Delivered("1"), Rejected("wrong category")])
async def test_no_page_of_a_report_stays_in_the_wal_after_it_is_finished(
    tmp_path: Path, outcome: Delivered | Rejected
) -> None:
    db = tmp_path / "kiosk.sqlite3"
    storage = await Storage.open(db, MIGRATIONS)
    box = Outbox(storage, Portal(outcome), clock=Clock())
    await box.enqueue(report())
    blob = files_of(db)
    assert all(any(f in blob for f in forms(s)) for s in (*CONTACT, DESCRIPTION))  # waiting
    await box.flush()
    # still open (closing checkpoints anyway): the database file and its WAL as they are now
    blob = files_of(db)
    gone = (*CONTACT, DESCRIPTION) if isinstance(outcome, Delivered) else CONTACT
    assert [s for s in gone if any(f in blob for f in forms(s))] == []
    assert Path(f"{db}-wal").stat().st_size == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT contact FROM outbox").fetchone() == (None,)
    await storage.close()
