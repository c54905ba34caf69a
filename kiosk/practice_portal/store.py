"""The practice portal's SQLite file: posted reports, and their status advancing over time.

Status is computed from the time since the report was made (one step per `step_seconds`:
queued → in progress → forwarded → closed, as Call Sofia names them), so nothing needs a timer
and a classroom can watch reports move. Contact details are never stored: this is practice.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.portal import call_sofia_state

# (Call Sofia state code, note in bg, note in en) for each step a practice report goes through.
STEPS = (
    (1, {"bg": "Сигналът е приет и чака обработка (пример).",
         "en": "The report is queued (sample).",
         "uk": "Сигнал прийнято, він чекає на обробку (приклад).",
         "tr": "Bildirim alındı ve işlenmeyi bekliyor (örnek)."}),
    (2, {"bg": "Сигналът се обработва (пример).",
         "en": "The report is being handled (sample).",
         "uk": "Сигнал обробляється (приклад).",
         "tr": "Bildirim işleniyor (örnek)."}),
    (4, {"bg": "Сигналът е изпратен на отговорната служба (пример).",
         "en": "The report was forwarded to the responsible service (sample).",
         "uk": "Сигнал передано відповідальній службі (приклад).",
         "tr": "Bildirim sorumlu birime iletildi (örnek)."}),
    (5, {"bg": "Сигналът е приключен (пример).",
         "en": "The report is closed (sample).",
         "uk": "Сигнал закрито (приклад).",
         "tr": "Bildirim kapatıldı (örnek)."}),
)  # fmt: skip
# A batch token turns into an id after this share of one step (immediately when step is 0).
TOKEN_DELAY_SHARE = 0.25

_SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT UNIQUE NOT NULL,
    token TEXT UNIQUE,
    service_code TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    lat REAL, long REAL,
    address TEXT NOT NULL DEFAULT '',
    address_id TEXT NOT NULL DEFAULT '',
    attributes TEXT NOT NULL DEFAULT '{}',
    media_url TEXT NOT NULL DEFAULT '',
    requested REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_requested ON requests(requested);
"""


@dataclass(frozen=True)
class Stored:
    """A report as stored, with its progress computed for `now`."""

    row: dict[str, Any]
    step: int  # index into STEPS
    updated: float
    expected: float

    @property
    def status(self) -> str:
        return call_sofia_state(STEPS[self.step][0]).status


class Store:
    """Thread-safe (one connection, one lock): route handlers call it from a thread pool."""

    def __init__(self, path: Path | str, step_seconds: float, clock: Any = time.time) -> None:
        self.step_seconds = max(0.0, step_seconds)
        self.clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if str(path) != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(self, fields: dict[str, Any], batch: bool) -> tuple[str, str]:
        """Store a report; returns (id, token). The token is '' for realtime services."""
        now = self.clock()
        year = time.gmtime(now).tm_year
        token = uuid.uuid4().hex if batch else ""
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO requests (id, token, service_code, description, lat, long, address,"
                " address_id, attributes, media_url, requested)"
                " VALUES ('pending-' || hex(randomblob(8)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    token or None, fields["service_code"], fields.get("description", ""),
                    fields.get("lat"), fields.get("long"), fields.get("address", ""),
                    fields.get("address_id", ""),
                    json.dumps(fields.get("attributes", {}), ensure_ascii=False),
                    fields.get("media_url", ""), now,
                ),
            )  # fmt: skip
            request_id = f"{year}-{cur.lastrowid:06d}"
            self._db.execute(
                "UPDATE requests SET id = ? WHERE seq = ?", (request_id, cur.lastrowid)
            )
        return request_id, token

    def by_token(self, token: str) -> tuple[bool, str]:
        """(known token, id or '' while the practice server still 'queues' it)."""
        with self._lock:
            row = self._db.execute(
                "SELECT id, requested FROM requests WHERE token = ?", (token,)
            ).fetchone()
        if row is None:
            return False, ""
        ready = self.clock() - row["requested"] >= self.step_seconds * TOKEN_DELAY_SHARE
        return True, row["id"] if ready else ""

    def find(
        self,
        ids: list[str] | None = None,
        codes: list[str] | None = None,
        start: float | None = None,
        end: float | None = None,
        status: str = "",
        limit: int = 1000,
    ) -> list[Stored]:
        """Reports by ids, or else by codes and time span (default: the last 90 days)."""
        sql, args = "SELECT * FROM requests", list[Any]()
        if ids:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            args += ids
        else:
            now = self.clock()
            where = ["requested >= ?", "requested <= ?"]
            args += [start if start is not None else now - 90 * 86400, end or now + 1]
            if codes:
                where.append(f"service_code IN ({','.join('?' * len(codes))})")
                args += codes
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC"
        with self._lock:
            rows = [dict(r) for r in self._db.execute(sql, args).fetchall()]
        found = [self._progress(r) for r in rows]
        if status and not ids:
            found = [s for s in found if s.status == status]
        return found[:limit]

    def _progress(self, row: dict[str, Any]) -> Stored:
        last = len(STEPS) - 1
        step_s = self.step_seconds
        elapsed = max(0.0, self.clock() - row["requested"])
        step = last if step_s == 0 else min(last, int(elapsed // step_s))
        return Stored(
            row=row,
            step=step,
            updated=row["requested"] + step * step_s,
            expected=row["requested"] + last * step_s,
        )
