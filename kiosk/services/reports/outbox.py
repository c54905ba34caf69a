"""The durable outbox: a report is on disk before it is sent, and is sent until the portal answers.

Protocol, per report: `enqueue` commits it with synchronous=FULL (fsync'd) before returning; the
sender marks it `sending` (fsync'd), calls the injected `deliver`, then records `delivered`,
`rejected` or a retry time (fsync'd). On start, reports left `sending` go back to `queued`.

Crash window: if the process dies after the portal accepted a report and before `delivered` is
on disk, or a try ends without a clear answer (a timeout), the portal may already have it.
GeoReport v2 has no idempotency key, and a real server simply creates a second request; so such
a report is marked `unsure` and, before it is sent again, looked up on the portal (`lookup`:
GET requests for its service since its first try, matched by the stable client id every report
carries in its description, `Kiosk reference: <uuid>`). Found: it is delivered with that id;
not there: it is sent. A portal that does not list requests cannot be asked, so the report is
sent again as before and `outbox_counts.resent_unchecked` says how often (staff see it). The
benchmark (benchmarks/outbox_kill.py, 1,000 kill -9s against the practice portal) and the e2e
kill test count 0 duplicates and 0 lost reports.

A row that cannot be read (damaged JSON, a missing field) is set aside as `rejected` with the
reason, and the queue goes on. After every delivery, refusal and purge the WAL is checkpointed
and truncated, so no old page of a report stays in `kiosk.sqlite3-wal`.

Privacy: once delivered, only the service code and the portal's id/token are kept; contact
details are deleted on delivery and on rejection; every entry, sent or not, is purged
`outbox.retention_days` after it was made (unsent ones are counted for staff). The status
summary holds counts and ages only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import sqlite3
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict
from typing import Any

from kiosk.core import outbox as rules
from kiosk.core.outbox import REPORT, DeliveryOutcome, Entry, LookupOutcome, Report
from kiosk.services.reports import outbox_rows as rows
from kiosk.services.reports.outbox_rows import MIGRATIONS as MIGRATIONS  # re-exported
from kiosk.services.reports.outbox_rows import OutboxStatus as OutboxStatus  # re-exported
from kiosk.services.storage.database import Storage, StorageError

log = logging.getLogger(__name__)

Deliver = Callable[[Report], Awaitable[DeliveryOutcome]]
# Sends one item of another kind (its JSON payload); the same outcomes as a report's.
DeliverItem = Callable[[Mapping[str, Any]], Awaitable[DeliveryOutcome]]
# Looks a report up on the portal: (report, first try's time) -> what was found.
Lookup = Callable[[Report, float], Awaitable[LookupOutcome]]


class Outbox:
    """Durable queue plus the task that sends it. Call `start()` once storage is open."""

    def __init__(
        self,
        storage: Storage,
        deliver: Deliver | None,
        *,
        items: Mapping[str, DeliverItem] | None = None,
        lookup: Lookup | None = None,
        policy: rules.RetryPolicy | None = None,
        retention_days: int = 30,
        send_timeout: float = 120.0,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self._storage = storage
        self._deliver = deliver  # None: reports are not sent from here (hand-off mode)
        self._items = dict(items or {})
        self._lookup = lookup
        # The kinds this outbox sends; entries of other kinds wait for an outbox that can.
        self._kinds = ([REPORT] if deliver is not None else []) + sorted(self._items)
        self._policy = policy or rules.RetryPolicy()
        self._retention_days = retention_days
        self._send_timeout = send_timeout
        self._clock = clock
        self._rand = rand
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._recovered = False

    @property
    def sends_reports(self) -> bool:
        """False in hand-off mode, where the outbox carries only other kinds of item."""
        return self._deliver is not None

    # --- the resident's side -----------------------------------------------------------

    async def enqueue(self, report: Report) -> int:
        """Store the report durably and return its local id; sending happens later.

        Enqueueing the same report (same client id) twice returns the first id: a second tap
        on "Send" cannot make a second report. Raises StorageError when the disk refuses.
        """
        payload = json.dumps(rows.encode(report.without_contact()), ensure_ascii=False)
        contact = json.dumps(asdict(report.contact)) if report.contact else None

        def job(conn: sqlite3.Connection) -> int:
            conn.execute(
                "INSERT INTO outbox (client_id, service_code, state, payload, contact,"
                " created_at) VALUES (?, ?, 'queued', ?, ?, ?)"
                " ON CONFLICT(client_id) DO NOTHING",
                (report.client_id, report.service_code, payload, contact, self._clock()),
            )
            row = conn.execute(
                "SELECT local_id FROM outbox WHERE client_id = ?", (report.client_id,)
            ).fetchone()
            return int(row[0])

        local_id = await self._storage.run(job, durable=True)
        if self._wake is not None:
            self._wake.set()
        return local_id

    async def enqueue_item(self, kind: str, key: str, payload: Mapping[str, Any]) -> int:
        """Store an item of another kind durably under `key` and return its local id.

        An item with the same key that is still waiting gets the new payload (the newer one
        supersedes it); one already finished is queued again with it. Raises StorageError.
        """
        if kind == REPORT:
            raise ValueError("reports go through enqueue()")
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)

        def job(conn: sqlite3.Connection) -> int:
            conn.execute(
                "INSERT INTO outbox (client_id, service_code, state, payload, created_at, kind)"
                " VALUES (?, ?, 'queued', ?, ?, ?)"
                " ON CONFLICT(client_id) DO UPDATE SET payload = excluded.payload,"
                " state = CASE WHEN state = 'sending' THEN 'sending' ELSE 'queued' END,"
                " next_attempt_at = 0, finished_at = NULL, last_error = ''",
                (key, kind, body, self._clock(), kind),
            )
            row = conn.execute("SELECT local_id FROM outbox WHERE client_id = ?", (key,))
            return int(row.fetchone()[0])

        local_id = await self._storage.run(job, durable=True)
        self.wake()
        return local_id

    async def find(self, key: str) -> Entry | None:
        """The entry stored under a client id or item key, if any."""
        found = await self._storage.fetchall(
            f"SELECT {rows.COLUMNS} FROM outbox WHERE client_id = ?", (key,)
        )
        return rows.entry(found[0]) if found else None

    async def send_now(self, local_id: int) -> Entry | None:
        """Try one queued entry now, whatever its wait (a command's one publication); returns
        it as it is afterwards. Other entries, and entries another process is sending, are
        left alone."""

        def claim(conn: sqlite3.Connection) -> Entry | None:
            row = conn.execute(
                f"SELECT {rows.COLUMNS} FROM outbox WHERE local_id = ? AND state = 'queued'",
                (local_id,),
            ).fetchone()
            if row is None:
                return None
            entry = rules.start_sending(rows.entry(row), float("inf"))
            conn.execute(
                "UPDATE outbox SET state = 'sending', attempts = ? WHERE local_id = ?",
                (entry.attempts, local_id),
            )
            return entry

        entry = await self._storage.run(claim, durable=True)
        if entry is not None:
            await self._send(entry)
        return await self.get(local_id)

    async def get(self, local_id: int) -> Entry | None:
        found = await self._storage.fetchall(
            f"SELECT {rows.COLUMNS} FROM outbox WHERE local_id = ?", (local_id,)
        )
        return rows.entry(found[0]) if found else None

    async def set_request_id(self, local_id: int, service_request_id: str) -> None:
        """Record the id a token resolved to (GET tokens/{token})."""
        await self._storage.execute(
            "UPDATE outbox SET service_request_id = ? WHERE local_id = ?",
            (service_request_id, local_id),
        )

    async def status(self, kind: str | None = REPORT) -> OutboxStatus:
        """Counts and ages of one kind of entry (residents' reports by default), or of all."""
        now = self._clock()
        where, args = ("kind = ?", (kind,)) if kind is not None else ("1", ())

        return await self._storage.run(lambda conn: rows.status(conn, where, args, now))

    # --- the sender ----------------------------------------------------------------------

    async def recover(self) -> int:
        """Queue again every report a previous run left `sending`; returns how many."""
        changed = await self._storage.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = 0, unsure = 1"
            " WHERE state = 'sending'",
            durable=True,
        )
        if changed:
            log.warning("outbox: %d report(s) were being sent when the kiosk stopped", changed)
        self._recovered = True
        return changed

    async def flush(self, *, limit: int | None = None) -> int:
        """Try every report that is due now, oldest first; returns how many were tried."""
        if not self._recovered:
            await self.recover()
        tried = 0
        while limit is None or tried < limit:
            entry = await self._claim_next()
            if entry is None:
                return tried
            await self._send(entry)
            tried += 1
        return tried

    async def purge(self) -> int:
        """Forget entries older than the retention period, sent or not, with their contact
        details; returns how many. Unsent ones are counted for staff."""
        cutoff = rules.purge_before(self._clock(), self._retention_days)

        def job(conn: sqlite3.Connection) -> tuple[int, int]:
            unsent = conn.execute(
                "DELETE FROM outbox WHERE state IN ('queued', 'sending') AND created_at <= ?"
                " AND kind = ?",
                (cutoff, REPORT),
            ).rowcount
            finished = conn.execute(
                "DELETE FROM outbox WHERE (state IN ('delivered', 'rejected') AND finished_at <= ?)"
                " OR (kind != ? AND created_at <= ?)",
                (cutoff, REPORT, cutoff),
            ).rowcount
            if unsent:
                rows.count(conn, "purged_unsent", unsent)
            return unsent, finished

        unsent, finished = await self._storage.run(job, durable=True)
        if unsent:
            log.warning("outbox: deleted %d report(s) never sent in %d days", unsent,
                        self._retention_days)  # fmt: skip
        if unsent or finished:
            log.info("outbox: purged %d finished report(s)", finished)
            await self._storage.checkpoint()
        return unsent + finished

    @property
    def on_disk(self) -> bool:
        """Whether what waits here outlives a restart (False: the database is in memory)."""
        return self._storage.path is not None

    def start(self) -> asyncio.Task[None]:
        """Run the sender in the background until `stop()`."""
        if self._task is None or self._task.done():
            self._wake = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def wake(self) -> None:
        """Look for due reports now (e.g. one was just enqueued elsewhere)."""
        if self._wake is not None:
            self._wake.set()

    async def retry_now(self) -> int:
        """Make every waiting report due now (the trainer's "send now", or the network came
        back); returns how many. Only one Outbox may use a database: see `recover`."""
        changed = await self._storage.execute(
            "UPDATE outbox SET next_attempt_at = 0 WHERE state = 'queued'"
        )
        self.wake()
        return changed

    async def _run(self) -> None:
        assert self._wake is not None
        last_purge = 0.0
        while True:
            self._wake.clear()
            try:
                if self._clock() - last_purge > 3600:
                    await self.purge()
                    last_purge = self._clock()
                await self.flush()
                status = await self.status()
                wait = status.next_attempt_in_seconds
            except StorageError as exc:
                log.error("outbox: database problem, waiting: %s", exc.detail)
                wait = self._policy.base_seconds
            except Exception:  # a bug must not stop reports from being sent for good
                log.exception("outbox: sender failed; trying again later")
                wait = self._policy.base_seconds
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    async def _claim_next(self) -> Entry | None:
        now = self._clock()
        marks = ",".join("?" * len(self._kinds)) or "NULL"

        def job(conn: sqlite3.Connection) -> Entry | None:
            while True:
                row = conn.execute(
                    f"SELECT {rows.COLUMNS} FROM outbox"
                    f" WHERE state = 'queued' AND next_attempt_at <= ? AND kind IN ({marks})"
                    " ORDER BY next_attempt_at, local_id LIMIT 1",
                    (now, *self._kinds),
                ).fetchone()
                if row is None:
                    return None
                if problem := rows.unreadable(row):
                    rows.set_aside(conn, row[0], problem, now)
                    log.error("outbox: entry %d cannot be read (%s); set aside", row[0], problem)
                    continue
                claimed = rules.start_sending(rows.entry(row), now)
                conn.execute(
                    "UPDATE outbox SET state = 'sending', attempts = ?,"
                    " first_sent_at = COALESCE(first_sent_at, ?) WHERE local_id = ?",
                    (claimed.attempts, now, claimed.local_id),
                )
                return claimed

        # Durable: after a crash the report must be known to have been (maybe) sent.
        return await self._storage.run(job, durable=True)

    async def _try(self, entry: Entry) -> DeliveryOutcome:
        """One try; a report the portal may already have is looked up there first."""
        if entry.kind == REPORT and entry.unsure and entry.report is not None:
            since = entry.first_sent_at or entry.created_at
            found = await self._look_up(entry.report, since)
            if found is not None:
                return found
        return await self._attempt(entry)

    async def _look_up(self, report: Report, since: float) -> DeliveryOutcome | None:
        """Delivered or RetryLater when the look-up settles the try; None: send it."""
        if self._lookup is None:
            found: LookupOutcome = rules.NotListed("no look-up for this portal")
        else:
            found = await self._lookup(report, since)
        if isinstance(found, rules.NotListed):
            log.warning("outbox: sending again unchecked (%s)", found.reason)
            await self._storage.run(lambda conn: rows.count(conn, "resent_unchecked", 1))
            return None
        if isinstance(found, rules.Delivered):
            log.info("outbox: the portal already had a report; not sent again")
        return found

    def _attempt(self, entry: Entry) -> Awaitable[DeliveryOutcome]:
        if entry.kind == REPORT:
            assert entry.report is not None and self._deliver is not None
            return self._deliver(entry.report)
        assert entry.item is not None
        return self._items[entry.kind](entry.item)

    async def _send(self, entry: Entry) -> None:
        try:
            outcome = await asyncio.wait_for(self._try(entry), self._send_timeout)
        except asyncio.TimeoutError:
            outcome = rules.RetryLater("the portal did not answer in time")
        except Exception as exc:  # any failure of a try is a reason to try again later
            reason = getattr(exc, "message", "") or type(exc).__name__
            log.warning("outbox: report %d failed: %s", entry.local_id, type(exc).__name__)
            outcome = rules.RetryLater(str(reason))
        after = rules.record(entry, outcome, self._clock(), self._policy, self._rand)
        await self._storage.execute(
            "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
            " service_request_id = ?, token = ?, finished_at = ?,"
            " payload = CASE WHEN ? = 'delivered' THEN NULL ELSE payload END,"
            " contact = CASE WHEN ? = 'queued' THEN contact ELSE NULL END,"
            " unsure = ? WHERE local_id = ?",
            (
                after.state.value,
                after.attempts,
                after.next_attempt_at,
                after.last_error,
                after.service_request_id,
                after.token,
                after.finished_at,
                after.state.value,
                after.state.value,
                # a try that ended without an answer may have reached the portal
                int(after.state is rules.State.QUEUED),
                after.local_id,
            ),
            durable=True,
        )
        if after.state is not rules.State.QUEUED:  # no page of the report stays in the WAL
            await self._storage.checkpoint()
        log.info(
            "outbox: report %d %s after %d tries", after.local_id, after.state.value, after.attempts
        )
