"""Progress by learner card in the kiosk's database, keyed only by the hash of the card's code."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable

from kiosk.core import learners as core
from kiosk.core.learners import Progress
from kiosk.services.storage.database import Migration, Storage

log = logging.getLogger(__name__)

MIGRATIONS = (
    Migration(
        "learners",
        1,
        """
        CREATE TABLE learner (
            code_hash TEXT PRIMARY KEY,   -- scrypt of the card's code; the code is never kept
            last_seen REAL NOT NULL
        );
        CREATE TABLE learner_lesson (
            code_hash TEXT NOT NULL REFERENCES learner (code_hash) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (code_hash, lesson_id)
        )
        """,
    ),
)


class LearnerStore:
    """Cards and their progress. Every call first forgets cards idle past the retention period.

    Hashing (about 50 ms of scrypt) runs on the database thread with the query, never on the loop.
    """

    def __init__(
        self,
        storage: Storage,
        retention_days: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._storage = storage
        self._retention_days = retention_days
        self._clock = clock

    async def new_card(self) -> str:
        """Make a new card and return its code (shown and printed, never stored)."""
        now = self._clock()
        code = core.new_code()

        def job(conn: sqlite3.Connection) -> None:
            self._purge(conn, now)
            conn.execute(
                "INSERT OR REPLACE INTO learner (code_hash, last_seen) VALUES (?, ?)",
                (core.code_hash(code), now),
            )

        await self._storage.run(job, durable=True)
        log.info("learner card made")
        return code

    async def resume(self, code: str) -> Progress | None:
        """The progress of a card, or None when there is no such card (or it has expired)."""
        now = self._clock()

        def job(conn: sqlite3.Connection) -> Progress | None:
            self._purge(conn, now)
            key = core.code_hash(code)
            if conn.execute("SELECT 1 FROM learner WHERE code_hash = ?", (key,)).fetchone() is None:
                return None
            conn.execute("UPDATE learner SET last_seen = ? WHERE code_hash = ?", (now, key))
            rows = conn.execute(
                "SELECT lesson_id, status FROM learner_lesson WHERE code_hash = ?", (key,)
            ).fetchall()
            return Progress(now, {lesson: status for lesson, status in rows})

        return await self._storage.run(job)

    async def record(self, code: str, lesson_id: str, status: str) -> bool:
        """Note a lesson started or completed for a card; False when the card is unknown."""
        now = self._clock()

        def job(conn: sqlite3.Connection) -> bool:
            self._purge(conn, now)
            key = core.code_hash(code)
            if conn.execute("SELECT 1 FROM learner WHERE code_hash = ?", (key,)).fetchone() is None:
                return False
            old = conn.execute(
                "SELECT status FROM learner_lesson WHERE code_hash = ? AND lesson_id = ?",
                (key, lesson_id),
            ).fetchone()
            keep = Progress(now, {lesson_id: old[0]} if old else {}).merge(lesson_id, status)
            conn.execute(
                "INSERT OR REPLACE INTO learner_lesson (code_hash, lesson_id, status)"
                " VALUES (?, ?, ?)",
                (key, lesson_id, keep),
            )
            conn.execute("UPDATE learner SET last_seen = ? WHERE code_hash = ?", (now, key))
            return True

        return await self._storage.run(job, durable=True)

    async def forget(self, code: str) -> bool:
        """'Forget me': delete the card and all its progress. False when there was none."""

        def job(conn: sqlite3.Connection) -> bool:
            key = core.code_hash(code)
            conn.execute("DELETE FROM learner_lesson WHERE code_hash = ?", (key,))
            return conn.execute("DELETE FROM learner WHERE code_hash = ?", (key,)).rowcount > 0

        gone = await self._storage.run(job, durable=True)
        log.info("learner card forgotten" if gone else "forget: no such card")
        return gone

    async def purge_expired(self) -> int:
        """Forget every card idle past the retention period; returns how many."""
        now = self._clock()
        return await self._storage.run(lambda conn: self._purge(conn, now), durable=True)

    async def summary(self) -> tuple[int, dict[str, int]]:
        """For the trainer: how many cards, and per lesson how many cards completed it."""
        now = self._clock()

        def job(conn: sqlite3.Connection) -> tuple[int, dict[str, int]]:
            self._purge(conn, now)
            (cards,) = conn.execute("SELECT COUNT(*) FROM learner").fetchone()
            rows = conn.execute(
                "SELECT lesson_id, COUNT(*) FROM learner_lesson WHERE status != ?"
                " GROUP BY lesson_id ORDER BY lesson_id",
                (core.STARTED,),
            ).fetchall()
            return int(cards), {str(lesson): int(n) for lesson, n in rows}

        return await self._storage.run(job)

    def _purge(self, conn: sqlite3.Connection, now: float) -> int:
        cutoff = now - self._retention_days * core.SECONDS_PER_DAY
        old = [
            k
            for (k,) in conn.execute("SELECT code_hash FROM learner WHERE last_seen < ?", (cutoff,))
        ]
        for key in old:
            conn.execute("DELETE FROM learner_lesson WHERE code_hash = ?", (key,))
            conn.execute("DELETE FROM learner WHERE code_hash = ?", (key,))
        if old:
            log.info(
                "forgot %d learner cards idle for over %d days", len(old), self._retention_days
            )
        return len(old)
