"""Anonymous daily counts in the kiosk's database, and their CSV export to a USB stick."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kiosk.core import stats as core
from kiosk.core.stats import Cell
from kiosk.i18n import _
from kiosk.services.storage.database import Migration, Storage

log = logging.getLogger(__name__)

MIGRATIONS = (
    Migration(
        "stats",
        1,
        """
        CREATE TABLE stats_daily (
            day TEXT NOT NULL,        -- ISO date, local time
            metric TEXT NOT NULL,     -- one of kiosk.core.stats.METRICS
            value TEXT NOT NULL,      -- from a fixed list; '' for plain counts
            count INTEGER NOT NULL,
            PRIMARY KEY (day, metric, value)
        )
        """,
    ),
)

MOUNT_ROOTS = (Path("/media"), Path("/run/media"))


class StatsStore:
    """Add to and read the daily counts."""

    def __init__(self, storage: Storage, clock: Callable[[], float] = time.time) -> None:
        self._storage = storage
        self._clock = clock

    def today(self) -> str:
        return datetime.fromtimestamp(self._clock()).date().isoformat()

    async def count(self, metric: str, value: str = "") -> None:
        """Add one to today's count of `metric` (and `value`)."""
        if metric not in core.METRICS:
            raise ValueError(f"unknown metric {metric!r}")
        row = (self.today(), metric, core.safe_value(value) if value else "")
        await self._storage.execute(
            "INSERT INTO stats_daily (day, metric, value, count) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (day, metric, value) DO UPDATE SET count = count + 1",
            row,
        )

    async def cells(self, first: date, last: date) -> list[Cell]:
        rows = await self._storage.fetchall(
            "SELECT day, metric, value, count FROM stats_daily WHERE day BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        )
        return [Cell(str(d), str(m), str(v), int(n)) for d, m, v, n in rows]

    async def export(self, folder: Path, first: date, last: date, threshold: int) -> Path:
        """Write the counts from `first` to `last` as CSV into `folder`; returns the file.

        Raises OSError when the folder cannot be written (the bridge says so in plain words).
        """
        text = core.to_csv(await self.cells(first, last), threshold, _)
        target = folder / f"kiosk-statistics-{first.isoformat()}-{last.isoformat()}.csv"
        await asyncio.to_thread(_write, target, text)
        log.info("statistics exported (%d bytes)", len(text))
        return target

    async def delete_before(self, first: date) -> int:
        def job(conn: sqlite3.Connection) -> int:
            sql = "DELETE FROM stats_daily WHERE day < ?"
            return conn.execute(sql, (first.isoformat(),)).rowcount

        return await self._storage.run(job)


def _write(target: Path, text: str) -> None:
    part = target.with_name(target.name + ".part")
    with open(part, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())  # a USB stick pulled right after "saved" still has the file
    part.replace(target)


def removable_folders(roots: tuple[Path, ...] = MOUNT_ROOTS) -> list[Path]:
    """Writable mounted drives: /media/USER/NAME, /media/NAME or /run/media/USER/NAME."""
    found: list[Path] = []
    for root in roots:
        try:
            entries = sorted(root.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                children = sorted(p for p in entry.iterdir() if p.is_dir())
            except OSError:
                continue
            # /media/USER holds drives; a drive mounted straight under /media holds files
            if os.path.ismount(entry):
                candidates = [entry]
            else:
                candidates = [c for c in children if os.path.ismount(c)] or children
            found.extend(c for c in candidates if os.access(c, os.W_OK))
    return found
