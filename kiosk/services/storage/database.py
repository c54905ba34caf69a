"""The kiosk's SQLite database: one writer thread behind an async façade, WAL, migrations.

Every statement runs on one dedicated thread that owns the only connection (SQLite connections
must not be shared between threads, and one writer avoids "database is locked"). Callers await
`run(fn)`; the result comes back on the caller's event loop through `call_soon_threadsafe`, so it
works the same under qasync on the Qt thread and under plain asyncio, and the UI never waits on
the disk.

Durability: the database runs with `synchronous=NORMAL` (enough for the cache, which can always
be fetched again); `run(fn, durable=True)` switches to `synchronous=FULL` for that transaction so
that it is fsync'd before the await returns (the outbox uses it: a report is on disk before the
resident is told it is saved).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kiosk.i18n import N_, _

log = logging.getLogger(__name__)
T = TypeVar("T")

# Bumped when the bookkeeping below changes; module tables are versioned in `schema_migrations`.
STORAGE_LAYOUT_VERSION = 1
DB_FILE_NAME = "kiosk.sqlite3"


@dataclass(frozen=True)
class Migration:
    """One step of one module's schema; steps of a module are applied in `version` order."""

    module: str
    version: int
    sql: str


class StorageError(Exception):
    """The database cannot be used as asked. `message` is a short sentence for people."""

    message = N_("The kiosk cannot save information right now.")

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message)
        self.detail = detail

    def human(self) -> str:
        """The message in the current language, for the screen and the voice."""
        return _(self.message)


class StorageFull(StorageError):
    message = N_("The kiosk's disk is full, so new information cannot be saved. Please tell staff.")


class StorageReadOnly(StorageError):
    message = N_("The kiosk cannot write to its database. Please tell staff.")


class StorageCorrupt(StorageError):
    message = N_("The kiosk's database is damaged. A new one was started; please tell staff.")


class StorageEmptied(StorageError):
    message = N_(
        "The kiosk's database was found empty. It was kept aside and a new one started; "
        "reports that were waiting in it may be lost. Please tell staff."
    )


class StorageClosed(StorageError):
    message = N_("The kiosk is shutting down.")


def classify(exc: sqlite3.Error) -> StorageError:
    """Map an sqlite3 error to the domain error that says what the kiosk can do about it."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return StorageFull(str(exc))
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM) or (
        "readonly" in text or "unable to open" in text
    ):
        return StorageReadOnly(str(exc))
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        "malformed" in text or "not a database" in text
    ):
        return StorageCorrupt(str(exc))
    return StorageError(str(exc))


_STOP = object()
_OPEN = object()


class Storage:
    """The database. Create with `await Storage.open(path, migrations)`, or `Storage.deferred`
    (the composition root's way: nothing happens until the first query or `start()`); close
    with `close()`."""

    def __init__(self, path: Path | None, migrations: Sequence[Migration]) -> None:
        self.path = path
        self._migrations = sorted(migrations, key=lambda m: (m.module, m.version))
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="kiosk-sqlite", daemon=True)
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._deferred = False
        # Why the database is not the usual file (set while opening; shown to staff).
        self.problem: StorageError | None = None

    @classmethod
    async def open(
        cls, path: Path | None, migrations: Sequence[Migration] = (), *, read_only: bool = False
    ) -> Storage:
        """Open (creating if needed) and migrate. `path=None` keeps everything in memory."""
        storage = cls(path, migrations)
        storage._thread.start()
        try:
            await storage.run(lambda conn: storage._connect(read_only))
        except BaseException:
            await storage.close()
            raise
        return storage

    @classmethod
    def deferred(cls, path: Path, migrations: Sequence[Migration] = ()) -> Storage:
        """A database that opens as `open_resilient` does, on its first query or `start()`.

        Building it touches no file, so the composition root can hand it to every service
        before the first frame; queries wait behind the opening on the database thread.
        """
        storage = cls(path, migrations)
        storage._deferred = True
        return storage

    def start(self) -> None:
        """Begin opening a deferred database now (idempotent)."""
        if self._deferred and not self._thread.is_alive() and not self._closed:
            self._deferred = False
            self._thread.start()
            self._jobs.put((_OPEN,))

    @property
    def started(self) -> bool:
        """The database thread runs (the database is open or opening)."""
        return self._thread.is_alive()

    async def ready(self) -> StorageError | None:
        """Wait until the database is open; the problem, if it is not the usual file."""
        await self.run(lambda conn: None)
        return self.problem

    @classmethod
    async def open_resilient(
        cls, path: Path, migrations: Sequence[Migration] = ()
    ) -> tuple[Storage, StorageError | None]:
        """Open `path`; if that is impossible, keep the kiosk working and say why.

        A damaged file, or one found empty where a database existed (zero bytes, or only its
        WAL left), is moved aside (kept for IT, never deleted) and a new one started. A
        read-only, full or missing disk falls back to an in-memory database: the kiosk works,
        but nothing outlives a restart, which the returned problem says. Never raises a
        StorageError.
        """
        storage = cls.deferred(path, migrations)
        return storage, await storage.ready()

    async def run(
        self,
        fn: Callable[[sqlite3.Connection], T],
        *,
        durable: bool = False,
        transaction: bool = True,
    ) -> T:
        """Run `fn(conn)` on the database thread inside one transaction and return its result.

        sqlite3 errors come back as StorageError subclasses. `durable=True` fsyncs the commit.
        """
        if self._closed:
            raise StorageClosed()
        self.start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((fn, durable if transaction else None, loop, future))
        return await future

    async def execute(self, sql: str, params: Sequence[Any] = (), *, durable: bool = False) -> int:
        """Run one statement; returns the row id of an INSERT or the count of changed rows."""

        def job(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(sql, params)
            if sql.lstrip().upper().startswith("INSERT"):
                return cursor.lastrowid or 0
            return cursor.rowcount

        return await self.run(job, durable=durable)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return await self.run(lambda conn: conn.execute(sql, params).fetchall())

    async def checkpoint(self) -> None:
        """Copy the WAL into the database file and truncate the WAL to nothing, so no old page
        (of a report since deleted, say) stays in `-wal` (secure_delete has already zeroed it
        in the pages written back)."""
        if self.path is None:
            return

        def job(conn: sqlite3.Connection) -> None:
            busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                log.warning("database: the WAL could not be truncated (busy)")

        await self.run(job, transaction=False)

    async def close(self) -> None:
        """Finish queued work, close the connection and stop the thread."""
        if self._closed:
            return
        self._closed = True
        if self._thread.is_alive():
            # The thread answers like any job once the last writes are done and the file is
            # closed (no executor: under qasync its threads would outlive the application).
            loop = asyncio.get_running_loop()
            future: asyncio.Future[None] = loop.create_future()
            self._jobs.put((_STOP, loop, future))
            await future
            self._thread.join()

    # --- database thread ------------------------------------------------------------------

    def _serve(self) -> None:
        while True:
            item = self._jobs.get()
            if item[0] is _STOP:
                _, loop, future = item
                try:
                    if self._conn is not None:
                        self._conn.close()
                    outcome: tuple[bool, Any] = (True, None)
                except sqlite3.Error as exc:
                    outcome = (False, classify(exc))
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(_settle, future, outcome)
                return
            if item[0] is _OPEN:
                try:
                    self._open_resiliently()
                except Exception:  # not even memory: every query then fails with the reason
                    log.exception("database: cannot open at all")
                continue
            fn, durable, loop, future = item
            try:
                outcome = (True, self._transaction(fn, durable))
            except sqlite3.Error as exc:
                outcome = (False, classify(exc))
            except BaseException as exc:  # the caller sees its own bug, the thread survives
                outcome = (False, exc)
            # RuntimeError: the caller's loop is closed, so nobody is waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, future, outcome)

    def _transaction(self, fn: Callable[[sqlite3.Connection], Any], durable: bool | None) -> Any:
        conn = self._conn
        if conn is None:  # only the opening job runs before the connection exists
            return fn(None)  # type: ignore[arg-type]
        if durable is None:  # a statement that must run outside any transaction (a checkpoint)
            return fn(conn)
        if durable:
            conn.execute("PRAGMA synchronous=FULL")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
                conn.execute("COMMIT")
            except BaseException:
                # SQLite has already rolled back after some errors (SQLITE_FULL, for one).
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result
        finally:
            if durable:
                conn.execute("PRAGMA synchronous=NORMAL")

    def _open_resiliently(self) -> None:
        """On the database thread: the usual file; a damaged or emptied one moved aside and a
        new one started; else memory (see `open_resilient`). `problem` says which."""
        path = self.path
        assert path is not None
        problem: StorageError | None = None
        if how := _found_empty(path):
            problem = StorageEmptied(f"{path} was found empty ({how})")
        else:
            try:
                self._connect_classified()
                return
            except StorageCorrupt as corrupt:
                problem = corrupt
            except StorageError as unusable:
                log.error("database %s unusable (%s); working in memory", path, unusable.detail)
                self.problem = unusable
                self._in_memory()
                return
        self.problem = problem
        try:
            aside = _move_aside(path, "empty" if isinstance(problem, StorageEmptied) else "damaged")
            log.error("database %s: %s; kept as %s", path, problem.detail, aside.name)
            self._connect_classified()
            return
        except StorageError as again:
            log.error("cannot start a new database at %s: %s", path, again.detail)
            self.problem = again
        self._in_memory()

    def _in_memory(self) -> None:
        self.path = None
        self._connect_classified()

    def _connect_classified(self, read_only: bool = False) -> None:
        try:
            self._connect(read_only)
        except sqlite3.Error as exc:
            raise classify(exc) from None

    def _connect(self, read_only: bool) -> None:
        if self.path is None:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=True)
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageReadOnly(f"cannot create {self.path.parent}: {exc}") from None
            mode = "ro" if read_only else "rwc"
            conn = sqlite3.connect(
                f"file:{self.path}?mode={mode}", uri=True, isolation_level=None, timeout=10
            )
        try:
            # Reading the header first turns "not a database" into an error here, not later.
            conn.execute("PRAGMA schema_version").fetchone()
            if not read_only and self.path is not None:
                conn.execute("PRAGMA journal_mode=WAL").fetchone()
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            # Deleted rows (a resident's contact details) are overwritten, not just unlinked.
            conn.execute("PRAGMA secure_delete=ON")
            if not read_only:
                self._migrate(conn)
                if self.path is not None:  # a file on a disk that turned read-only opens fine,
                    _probe_write(conn)  # and only the first report would find out
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Bring every module's tables up to date, each step in its own transaction.

        PRAGMA user_version versions this bookkeeping; each module's steps are counted in
        `schema_migrations`, so modules can add tables independently without renumbering.
        """
        conn.execute("BEGIN IMMEDIATE")
        try:
            (layout,) = conn.execute("PRAGMA user_version").fetchone()
            if layout > STORAGE_LAYOUT_VERSION:
                raise StorageError(f"database layout {layout} is newer than this kiosk")
            if layout < 1:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations"
                    " (module TEXT PRIMARY KEY, version INTEGER NOT NULL)"
                )
                conn.execute(f"PRAGMA user_version={STORAGE_LAYOUT_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done = dict(conn.execute("SELECT module, version FROM schema_migrations").fetchall())
        for step in self._migrations:
            if step.version <= done.get(step.module, 0):
                continue
            if step.version != done.get(step.module, 0) + 1:
                raise StorageError(f"migration {step.module} {step.version} skips a step")
            # executescript commits on its own, so the whole step goes in one script.
            try:
                conn.executescript(
                    "BEGIN IMMEDIATE;\n"
                    + step.sql
                    + ";\nINSERT INTO schema_migrations(module, version)"
                    f" VALUES ('{step.module}', {step.version})"
                    " ON CONFLICT(module) DO UPDATE SET version=excluded.version;\nCOMMIT;"
                )
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            done[step.module] = step.version
            log.info("database: applied %s migration %d", step.module, step.version)


def _settle(future: asyncio.Future[Any], outcome: tuple[bool, Any]) -> None:
    if future.cancelled():
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


def _probe_write(conn: sqlite3.Connection) -> None:
    """Write the header's user_version back as it is: fails at once on a read-only disk."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version={int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _found_empty(path: Path) -> str:
    """How a database that existed was found empty ('' when it was not)."""
    try:
        if path.is_file() and path.stat().st_size == 0:
            return "zero bytes"
        if not path.exists() and Path(f"{path}-wal").is_file():
            return "only its WAL was left"
    except OSError:
        return ""
    return ""


def _move_aside(path: Path, why: str) -> Path:
    """Rename the database and its -wal/-shm out of the way (kept for IT); StorageReadOnly
    when the folder refuses."""
    aside = path.with_name(f"{path.name}.{why}-{int(time.time())}")
    try:
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(path) + suffix)
            if src.exists():
                src.rename(Path(str(aside) + suffix))
    except OSError as exc:
        raise StorageReadOnly(f"cannot move {path.name} aside: {exc}") from None
    return aside
