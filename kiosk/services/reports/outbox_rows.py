"""How outbox entries are stored: the table, and reports to and from its JSON columns."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from kiosk.core.outbox import REPORT, Contact, Entry, Location, Report, State
from kiosk.services.storage.database import Migration

MIGRATIONS = (
    Migration(
        "outbox",
        1,
        """
        CREATE TABLE outbox (
            local_id INTEGER PRIMARY KEY,
            client_id TEXT NOT NULL UNIQUE,
            service_code TEXT NOT NULL,
            state TEXT NOT NULL,
            payload TEXT,               -- the report without contact; NULL once delivered
            contact TEXT,               -- NULL when not given, and once finished
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            service_request_id TEXT NOT NULL DEFAULT '',
            token TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at)
        """,
    ),
    # Other kinds of item than a resident's report ride on the same durable queue (their
    # `payload` is their own JSON; `service_code` holds the kind).
    Migration("outbox", 2, "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'report'"),
    # When the first try began and whether the portal may already have the report (a try ended
    # without a clear answer): such a report is looked up on the portal before it is sent again.
    # `outbox_counts` keeps what staff are told in numbers (reports sent again unchecked, unsent
    # reports purged after the retention period).
    Migration(
        "outbox",
        3,
        """
        ALTER TABLE outbox ADD COLUMN first_sent_at REAL;
        ALTER TABLE outbox ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE outbox_counts (name TEXT PRIMARY KEY, count INTEGER NOT NULL DEFAULT 0)
        """,
    ),
)

COLUMNS = (
    "local_id, service_code, state, payload, contact, attempts, next_attempt_at, last_error,"
    " service_request_id, token, created_at, finished_at, kind, first_sent_at, unsure"
)


def encode(report: Report) -> dict[str, Any]:
    return {
        "service_code": report.service_code,
        "location": asdict(report.location),
        "description": report.description,
        "attributes": {
            k: v if isinstance(v, str) else list(v) for k, v in report.attributes.items()
        },
        "language": report.language,
        "service_type": report.service_type,
        "created_at": report.created_at.isoformat(),
        "client_id": report.client_id,
    }


def decode(payload: str, contact: str | None) -> Report:
    data = json.loads(payload)
    attributes = {k: v if isinstance(v, str) else tuple(v) for k, v in data["attributes"].items()}
    person = Contact(**json.loads(contact)) if contact else None
    return Report(
        service_code=data["service_code"],
        location=Location(**data["location"]),
        description=data["description"],
        attributes=attributes,
        contact=person,
        consent=person is not None,
        language=data["language"],
        service_type=data.get("service_type", ""),  # not kept before 2025-06
        created_at=datetime.fromisoformat(data["created_at"]),
        client_id=data["client_id"],
    )


def entry(row: tuple[Any, ...]) -> Entry:
    (local_id, code, state, payload, contact, attempts, next_at, error, sr_id, token, created,
     finished, kind, first_sent, unsure) = row  # fmt: skip
    is_report = kind == REPORT
    return Entry(
        local_id=local_id,
        report=decode(payload, contact) if payload and is_report else None,
        kind=kind,
        item=json.loads(payload) if payload and not is_report else None,
        service_code=code,
        state=State(state),
        attempts=attempts,
        next_attempt_at=next_at,
        last_error=error,
        service_request_id=sr_id,
        token=token,
        created_at=created,
        finished_at=finished,
        first_sent_at=first_sent,
        unsure=bool(unsure),
    )


UNREADABLE = "could not be read: "


def set_aside(conn: Any, local_id: int, problem: str, now: float) -> None:
    """Take an unreadable row out of the queue: refused, with the reason, for staff to see."""
    conn.execute(
        "UPDATE outbox SET state = 'rejected', last_error = ?, finished_at = ?, payload = NULL,"
        " contact = NULL, unsure = 0 WHERE local_id = ?",
        (UNREADABLE + problem, now, local_id),
    )


def count(conn: Any, name: str, by: int) -> None:
    """Add to one of the numbers staff are told (outbox_counts)."""
    conn.execute(
        "INSERT INTO outbox_counts (name, count) VALUES (?, ?)"
        " ON CONFLICT(name) DO UPDATE SET count = count + excluded.count",
        (name, by),
    )


def unreadable(row: tuple[Any, ...]) -> str:
    """Why a stored row cannot be made into an entry ('' when it can): damaged JSON, a field
    missing or of the wrong type. Such a row is set aside, never left to block the queue."""
    try:
        entry(row)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    return ""


@dataclass(frozen=True)
class OutboxStatus:
    """For the trainer's outbox screen: counts and ages, no personal data."""

    queued: int = 0
    sending: int = 0
    delivered: int = 0
    rejected: int = 0
    oldest_waiting_seconds: float | None = None
    next_attempt_in_seconds: float | None = None
    unreadable: int = 0  # rows set aside because they could not be read
    resent_unchecked: int = 0  # sent again to a portal that could not be asked whether it had it
    purged_unsent: int = 0  # waiting reports deleted at the end of the retention period

    @property
    def waiting(self) -> int:
        return self.queued + self.sending


def status(conn: Any, where: str, args: tuple[Any, ...], now: float) -> OutboxStatus:
    """Counts and ages of the entries `where` selects (the outbox's status)."""
    counts = dict(
        conn.execute(f"SELECT state, COUNT(*) FROM outbox WHERE {where} GROUP BY state", args)
    )
    notes = dict(conn.execute("SELECT name, count FROM outbox_counts"))
    unreadable = conn.execute(
        f"SELECT COUNT(*) FROM outbox WHERE state = 'rejected' AND last_error LIKE ? AND {where}",
        (UNREADABLE + "%", *args),
    ).fetchone()[0]
    oldest, next_at = conn.execute(
        "SELECT MIN(created_at), MIN(CASE WHEN state = 'queued' THEN next_attempt_at END)"
        f" FROM outbox WHERE state IN ('queued', 'sending') AND {where}",
        args,
    ).fetchone()
    return OutboxStatus(
        queued=counts.get("queued", 0),
        sending=counts.get("sending", 0),
        delivered=counts.get("delivered", 0),
        rejected=counts.get("rejected", 0),
        oldest_waiting_seconds=None if oldest is None else max(0.0, now - oldest),
        next_attempt_in_seconds=None if next_at is None else max(0.0, next_at - now),
        unreadable=unreadable,
        resent_unchecked=notes.get("resent_unchecked", 0),
        purged_unsent=notes.get("purged_unsent", 0),
    )
