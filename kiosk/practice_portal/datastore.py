"""The practice portal's CKAN DataStore: tables made with datastore_create, written with
datastore_upsert and read with datastore_search, as CKAN 2.11 documents them.

Enough of the spec for a city's kiosks to publish their statistics to it and for a test to
read the table back: typed columns with a data dictionary (`info`), a primary key that makes
`upsert` replace, the `insert`/`update`/`upsert` methods, and search with filters, q, sort,
fields, limit/offset, total and paging links. Tables live in the portal's SQLite file.
Errors come as CKAN's do: Validation Error (409) with per-field lists, Not Found (404),
Authorization Error (403).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

TYPES = ("text", "int", "int4", "int8", "numeric", "float", "float8", "bool", "date",
         "timestamp", "json")  # fmt: skip
_SCHEMA = """
CREATE TABLE IF NOT EXISTS ds_tables (
    resource_id TEXT PRIMARY KEY,
    fields TEXT NOT NULL,          -- JSON list of {id, type, info?}
    primary_key TEXT NOT NULL      -- JSON list of field ids
);
CREATE TABLE IF NOT EXISTS ds_rows (
    resource_id TEXT NOT NULL,
    _id INTEGER NOT NULL,
    key TEXT,                      -- JSON of the primary key's values; NULL without a key
    record TEXT NOT NULL,
    PRIMARY KEY (resource_id, _id),
    UNIQUE (resource_id, key)
);
"""


class DatastoreError(Exception):
    """A CKAN action error: HTTP status, `__type` and the message (a string or field lists)."""

    def __init__(self, status: int, kind: str, message: Any) -> None:
        super().__init__(kind)
        self.status, self.kind, self.message = status, kind, message


def _invalid(field: str, text: Any) -> DatastoreError:
    return DatastoreError(409, "Validation Error", {field: [text]})


def _not_found(resource_id: str) -> DatastoreError:
    return DatastoreError(404, "Not Found Error", f'Resource "{resource_id}" was not found.')


def _list(value: Any) -> list[str]:
    """CKAN lists: a JSON list or a comma-separated string."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part) for part in value]
    raise _invalid("fields", "Not a list")


def _coerce(kind: str, value: Any, name: str) -> Any:
    """A record's value as the column's type stores it (as PostgreSQL would cast it)."""
    if value is None or (value == "" and kind != "text"):
        return None
    try:
        if kind in ("int", "int4", "int8"):
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if kind in ("numeric", "float", "float8"):
            return float(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            return {"true": True, "false": False, "t": True, "f": False}[str(value).lower()]
        if kind == "date":
            return date.fromisoformat(str(value)[:10]).isoformat()
        if kind == "timestamp":
            return datetime.fromisoformat(str(value)).isoformat()
        if kind == "json":
            return value
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (ValueError, KeyError, TypeError):
        text = f'invalid input syntax for type {kind}: "{value}" ({name})'
        raise _invalid("records", text) from None


def _order(value: Any) -> tuple[bool, Any]:
    """A sort key: nulls last, numbers as numbers, the rest as text."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return value is None, value if number else str(value if value is not None else "")


def _by(name: str) -> Any:
    def key(row: dict[str, Any]) -> tuple[bool, Any]:
        return _order(row.get(name))

    return key


class Datastore:
    """Thread-safe (one connection, one lock), like the portal's report store."""

    def __init__(self, path: Path | str) -> None:
        self._lock = threading.Lock()
        self._path = str(path)
        self._conn: sqlite3.Connection | None = None

    @property
    def _db(self) -> sqlite3.Connection:
        """Opened on first use: a kiosk's embedded portal seldom has tables."""
        if self._conn is None:
            conn = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            if self._path != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA busy_timeout=5000")
            conn.executescript(_SCHEMA)
            self._conn = conn
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def has(self, resource_id: str) -> bool:
        with self._lock:
            return self._table(resource_id) is not None

    def _table(self, resource_id: str) -> tuple[list[dict[str, Any]], list[str]] | None:
        row = self._db.execute(
            "SELECT fields, primary_key FROM ds_tables WHERE resource_id = ?", (resource_id,)
        ).fetchone()
        return (json.loads(row[0]), json.loads(row[1])) if row else None

    # --- datastore_create ---------------------------------------------------------------
    def create(self, params: dict[str, Any]) -> dict[str, Any]:
        resource_id = str(params.get("resource_id") or "")
        if not resource_id:
            raise _invalid("resource_id", "resource_id or resource required")
        fields = params.get("fields") or []
        if not isinstance(fields, list) or not all(
            isinstance(f, dict) and isinstance(f.get("id"), str) and f["id"] for f in fields
        ):
            raise _invalid("fields", "fields must be a list of objects with an id")
        for f in fields:
            if f.get("type", "text") not in TYPES:
                raise _invalid("fields", f'"{f.get("type")}" is not a valid field type')
            if f["id"].startswith("_"):
                raise _invalid("fields", f'"{f["id"]}" is not a valid field name')
        with self._lock:
            old = self._table(resource_id)
            merged = {f["id"]: f for f in (old[0] if old else [])}
            for f in fields:
                merged[f["id"]] = {"id": f["id"], "type": f.get("type", "text")} | (
                    {"info": f["info"]} if isinstance(f.get("info"), dict) else {}
                )
            key = _list(params.get("primary_key")) if "primary_key" in params else (
                old[1] if old else []
            )  # fmt: skip
            missing = [k for k in key if k not in merged]
            if missing:
                raise _invalid("primary_key", f"field(s) {', '.join(missing)} do not exist")
            self._db.execute(
                "INSERT INTO ds_tables (resource_id, fields, primary_key) VALUES (?, ?, ?)"
                " ON CONFLICT (resource_id) DO UPDATE SET fields = excluded.fields,"
                " primary_key = excluded.primary_key",
                (resource_id, json.dumps(list(merged.values()), ensure_ascii=False),
                 json.dumps(key)),
            )  # fmt: skip
        result: dict[str, Any] = {"resource_id": resource_id, "fields": list(merged.values()),
                                  "primary_key": key, "method": "insert"}  # fmt: skip
        if params.get("records"):
            self.upsert({**params, "method": "insert"})
        return result

    # --- datastore_upsert ---------------------------------------------------------------
    def upsert(self, params: dict[str, Any]) -> dict[str, Any]:
        resource_id = str(params.get("resource_id") or "")
        method = str(params.get("method") or "upsert")
        if method not in ("upsert", "insert", "update"):
            raise _invalid("method", f'"{method}" is not a valid method')
        records = params.get("records") or []
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise _invalid("records", "records must be a list of objects")
        with self._lock:
            table = self._table(resource_id)
            if table is None:
                raise _not_found(resource_id)
            fields, key = table
            types = {f["id"]: f["type"] for f in fields}
            self._db.execute("BEGIN")
            try:
                for n, record in enumerate(records, 1):
                    self._write(resource_id, record, n, types, key, method)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("ROLLBACK" if params.get("dry_run") else "COMMIT")
        result: dict[str, Any] = {"resource_id": resource_id, "method": method}
        if params.get("include_records"):
            result["records"] = records
        return result

    def _write(self, resource_id: str, record: dict[str, Any], n: int, types: dict[str, str],
               key: list[str], method: str) -> None:  # fmt: skip
        extra = [k for k in record if k not in types and k != "_id"]
        if extra:
            raise _invalid("records", f'row "{n}" has extra keys "{", ".join(extra)}"')
        clean = {k: _coerce(types[k], v, k) for k, v in record.items() if k != "_id"}
        if method != "insert" and not key and "_id" not in record:
            raise _invalid("records", f'"{method}" requires a primary key or _id')
        missing = [k for k in key if clean.get(k) is None]
        if key and missing:
            raise _invalid(
                "records", f'fields "{", ".join(missing)}" are missing but needed as key'
            )
        key_json = json.dumps([clean[k] for k in key], ensure_ascii=False) if key else None
        found = (
            self._db.execute(
                "SELECT _id, record FROM ds_rows WHERE resource_id = ? AND key = ?",
                (resource_id, key_json),
            ).fetchone()
            if key_json is not None
            else None
        )
        if found is not None and method == "insert":
            raise _invalid("records", f'row "{n}": duplicate key value violates unique constraint')
        if found is None and method == "update":
            raise _invalid("key", [f'key "{key_json}" not found'])
        if found is not None:
            merged = json.loads(found[1]) | clean
            self._db.execute(
                "UPDATE ds_rows SET record = ? WHERE resource_id = ? AND _id = ?",
                (json.dumps(merged, ensure_ascii=False), resource_id, found[0]),
            )
            return
        next_id = self._db.execute(
            "SELECT COALESCE(MAX(_id), 0) + 1 FROM ds_rows WHERE resource_id = ?", (resource_id,)
        ).fetchone()[0]
        self._db.execute(
            "INSERT INTO ds_rows (resource_id, _id, key, record) VALUES (?, ?, ?, ?)",
            (resource_id, next_id, key_json, json.dumps(clean, ensure_ascii=False)),
        )

    # --- datastore_search ---------------------------------------------------------------
    def search(self, params: dict[str, Any], site: str) -> dict[str, Any]:
        resource_id = str(params.get("resource_id") or "")
        with self._lock:
            table = self._table(resource_id)
            if table is None:
                raise _not_found(resource_id)
            fields, _key = table
            rows = [
                {"_id": _id} | {f["id"]: json.loads(rec).get(f["id"]) for f in fields}
                for _id, rec in self._db.execute(
                    "SELECT _id, record FROM ds_rows WHERE resource_id = ? ORDER BY _id",
                    (resource_id,),
                )
            ]
        try:
            limit = min(int(params.get("limit", 100)), 32000)
            offset = int(params.get("offset", 0))
            if limit < 0 or offset < 0:
                raise ValueError
        except (TypeError, ValueError):
            raise _invalid("limit", "Must be a natural number") from None
        filters = params.get("filters") or {}
        if isinstance(filters, str):
            try:
                filters = json.loads(filters)
            except ValueError:
                raise _invalid("filters", "Not a JSON object") from None
        if not isinstance(filters, dict):
            raise _invalid("filters", "Not a JSON object")
        names = ["_id", *(f["id"] for f in fields)]
        unknown = [k for k in filters if k not in names]
        if unknown:
            raise _invalid("filters", f'field "{unknown[0]}" not in table')
        for name, wanted in filters.items():
            allowed = {str(v) for v in (wanted if isinstance(wanted, list) else [wanted])}
            rows = [r for r in rows if str(r.get(name)) in allowed]
        q = params.get("q")
        if isinstance(q, str) and q.strip():
            rows = [r for r in rows if q.lower() in json.dumps(r, ensure_ascii=False).lower()]
        elif isinstance(q, dict):
            rows = [r for r in rows if all(str(t).lower() in str(r.get(k, "")).lower()
                                           for k, t in q.items())]  # fmt: skip
        for part in reversed(_list(params.get("sort"))):
            name, _sep, order = part.partition(" ")
            if name not in names:
                raise _invalid("sort", f'field "{name}" not in table')
            rows.sort(key=_by(name), reverse=order.strip() == "desc")
        chosen = _list(params.get("fields")) or names
        unknown = [k for k in chosen if k not in names]
        if unknown:
            raise _invalid("fields", f'field "{unknown[0]}" not in table')
        total = len(rows)
        page = [{k: r.get(k) for k in chosen} for r in rows[offset : offset + limit]]
        by_id = {"_id": {"id": "_id", "type": "int"}} | {f["id"]: f for f in fields}
        base = "/api/3/action/datastore_search"
        result: dict[str, Any] = {
            "resource_id": resource_id,
            "fields": [by_id[k] for k in chosen],
            "records": page,
            "limit": limit,
            "offset": offset,
            "_links": {"start": f"{base}?resource_id={resource_id}",
                       "next": f"{base}?offset={offset + limit}&resource_id={resource_id}"},
        }  # fmt: skip
        if str(params.get("include_total", "true")).lower() not in ("false", "0"):
            result["total"] = total
            result["total_was_estimated"] = False
        if params.get("records_format") == "lists":
            result["records"] = [[r[k] for k in chosen] for r in page]
        return result
