"""How outbox entries are stored: the table, and reports to and from its JSON columns."""

from __future__ import annotations

import json
from dataclasses import asdict
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
)

COLUMNS = (
    "local_id, service_code, state, payload, contact, attempts, next_attempt_at, last_error,"
    " service_request_id, token, created_at, finished_at, kind"
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
        created_at=datetime.fromisoformat(data["created_at"]),
        client_id=data["client_id"],
    )


def entry(row: tuple[Any, ...]) -> Entry:
    (local_id, code, state, payload, contact, attempts, next_at, error, sr_id, token, created,
     finished, kind) = row  # fmt: skip
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
    )
