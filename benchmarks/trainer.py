"""Trainer mode: what a learner code costs to hash and look up, and a year's statistics export."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kiosk.core import learners, stats
from kiosk.services.lessons.learners import MIGRATIONS as LEARNER_MIGRATIONS
from kiosk.services.lessons.learners import LearnerStore
from kiosk.services.storage.database import Storage
from kiosk.services.trainer.stats import MIGRATIONS as STATS_MIGRATIONS
from kiosk.services.trainer.stats import StatsStore

CARDS = 500
DAYS = 365


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"


async def main() -> None:
    hashes = []
    for _ in range(20):
        t = time.perf_counter()
        learners.code_hash(learners.new_code())
        hashes.append(time.perf_counter() - t)
    print(f"code_hash (scrypt n=2^14): {ms(hashes)}")
    with tempfile.TemporaryDirectory() as folder:
        storage = await Storage.open(
            Path(folder) / "k.sqlite3", LEARNER_MIGRATIONS + STATS_MIGRATIONS
        )
        store = LearnerStore(storage, retention_days=365)
        t = time.perf_counter()
        codes = [await store.new_card() for _ in range(CARDS)]
        print(f"new_card x{CARDS}: {(time.perf_counter() - t) / CARDS * 1000:.1f} ms each")
        resumes = []
        for code in codes[:50]:
            t = time.perf_counter()
            await store.resume(code)
            resumes.append(time.perf_counter() - t)
        print(f"resume with {CARDS} cards: {ms(resumes)}")
        rows = []
        first = date(2026, 1, 1)
        for d in range(DAYS):
            day = (first + timedelta(days=d)).isoformat()
            rows.append((day, stats.SESSIONS, "", 40))
            rows += [
                (day, stats.LANGUAGE, lang, n)
                for lang, n in (("bg", 30), ("uk", 6), ("en", 3), ("tr", 1))
            ]
            rows += [(day, stats.SESSION_LENGTH, b, 7) for b in stats.LENGTH_BUCKETS]
            rows += [(day, stats.LESSON_COMPLETED, f"l{i:02d}", i % 9) for i in range(16)]
        await storage.run(
            lambda conn: conn.executemany("INSERT INTO stats_daily VALUES (?, ?, ?, ?)", rows)
        )
        exporter = StatsStore(storage)
        t = time.perf_counter()
        out = await exporter.export(Path(folder), first, first + timedelta(days=DAYS - 1), 5)
        print(
            f"export {DAYS} days ({len(rows)} cells, {out.stat().st_size // 1024} KiB): "
            f"{(time.perf_counter() - t) * 1000:.0f} ms"
        )
        await storage.close()


if __name__ == "__main__":
    asyncio.run(main())
