"""Cache of portal data in SQLite with the time it was fetched, so the kiosk works offline.

`get_or_fetch` returns the cached copy while it is younger than `max_age`; otherwise it asks the
portal and stores the answer. When the portal fails (unreachable, refusing, garbage), the cached
copy is returned with its age, however old; only with nothing cached does the domain error reach
the caller. `describe_age` says how old the data is in words, in the kiosk's language.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_timedelta

from kiosk.core.errors import PortalError
from kiosk.i18n import babel_locale
from kiosk.services.storage.database import Migration, Storage, StorageError

log = logging.getLogger(__name__)
T = TypeVar("T")

MIGRATIONS = (
    Migration(
        "cache",
        1,
        """
        CREATE TABLE cache (
            backend TEXT NOT NULL,
            key TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (backend, key)
        ) WITHOUT ROWID
        """,
    ),
)


@dataclass(frozen=True)
class Codec(Generic[T]):
    """How a value is stored: `dump` to bytes, `load` back. JSON by default."""

    dump: Callable[[T], bytes]
    load: Callable[[bytes], T]


def _json_dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


JSON: Codec[Any] = Codec(_json_dump, json.loads)
BYTES: Codec[bytes] = Codec(bytes, bytes)


@dataclass(frozen=True)
class Cached(Generic[T]):
    """A value and where it came from. `stale`: the portal failed and this is the old copy."""

    value: T
    fetched_at: float
    age_seconds: float
    from_cache: bool
    stale: bool = False
    problem: PortalError | None = None  # why the portal could not give a fresh copy


class Cache:
    """Portal data by (backend, key). One per backend, e.g. Cache(storage, "open311:sofia")."""

    def __init__(
        self, storage: Storage, backend: str, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._storage = storage
        self._backend = backend
        self._clock = clock

    async def get(self, key: str, codec: Codec[T] = JSON) -> Cached[T] | None:
        rows = await self._storage.fetchall(
            "SELECT fetched_at, data FROM cache WHERE backend = ? AND key = ?",
            (self._backend, key),
        )
        if not rows:
            return None
        fetched_at, data = rows[0]
        try:
            value = codec.load(bytes(data))
        except Exception as exc:  # a copy from an older kiosk version: treat as absent
            log.warning("cache: dropping unreadable %s/%s (%s)", self._backend, key, exc)
            return None
        age = max(0.0, self._clock() - fetched_at)
        return Cached(value, fetched_at, age, from_cache=True)

    async def put(self, key: str, value: T, codec: Codec[T] = JSON) -> float:
        """Store a fresh value; returns the time it was stored."""
        now = self._clock()
        data = codec.dump(value)

        def job(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO cache (backend, key, fetched_at, data) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(backend, key) DO UPDATE"
                " SET fetched_at = excluded.fetched_at, data = excluded.data",
                (self._backend, key, now, data),
            )

        await self._storage.run(job)
        return now

    async def get_or_fetch(
        self,
        key: str,
        fetch: Callable[[], Awaitable[T]],
        max_age: float,
        codec: Codec[T] = JSON,
    ) -> Cached[T]:
        """The cached value if younger than `max_age`, else a fresh one, else the old one.

        Raises the portal's domain error only when there is nothing cached to fall back on.
        A full or read-only disk does not stop fresh data from being shown.
        """
        cached = await self._read(key, codec)
        if cached is not None and cached.age_seconds < max_age:
            return cached
        try:
            value = await fetch()
        except PortalError as exc:
            if cached is None:
                raise
            log.info("cache: %s/%s from cache (%s)", self._backend, key, type(exc).__name__)
            return Cached(
                cached.value, cached.fetched_at, cached.age_seconds, True, stale=True, problem=exc
            )
        try:
            fetched_at = await self.put(key, value, codec)
        except StorageError as exc:
            log.warning("cache: cannot store %s/%s: %s", self._backend, key, exc.detail)
            fetched_at = self._clock()
        return Cached(value, fetched_at, 0.0, from_cache=False)

    async def forget(self, key: str | None = None) -> None:
        """Drop one key, or everything of this backend (after the portal URL changed)."""
        if key is None:
            await self._storage.execute("DELETE FROM cache WHERE backend = ?", (self._backend,))
        else:
            await self._storage.execute(
                "DELETE FROM cache WHERE backend = ? AND key = ?", (self._backend, key)
            )

    async def _read(self, key: str, codec: Codec[T]) -> Cached[T] | None:
        try:
            return await self.get(key, codec)
        except StorageError as exc:  # a damaged cache must not stop the portal being asked
            log.warning("cache: cannot read %s/%s: %s", self._backend, key, exc.detail)
            return None


def describe_age(age_seconds: float, lang: str | None = None) -> str:
    """How old the data is, in words: "3 hours ago" / "преди 3 часа"."""
    return format_timedelta(
        timedelta(seconds=-max(0.0, age_seconds)),
        add_direction=True,
        threshold=1.0,
        locale=babel_locale(lang),
    )


def describe_as_of(fetched_at: float, lang: str | None = None, tz: str = "Europe/Sofia") -> str:
    """The date and time the data was fetched ("данни към …"), in the kiosk's time zone."""
    moment = datetime.fromtimestamp(fetched_at, tz=timezone.utc)
    return format_datetime(moment, format="medium", tzinfo=ZoneInfo(tz), locale=babel_locale(lang))
