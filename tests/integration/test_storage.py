"""SQLite storage on real files: migrations, the writer thread, failures as domain errors."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kiosk.services.storage.database import (
    Migration,
    Storage,
    StorageCorrupt,
    StorageError,
    StorageFull,
    StorageReadOnly,
)

NOTES_V1 = Migration("notes", 1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
NOTES_V2 = Migration("notes", 2, "ALTER TABLE notes ADD COLUMN lang TEXT NOT NULL DEFAULT 'bg'")
OTHER_V1 = Migration("other", 1, "CREATE TABLE other (k TEXT PRIMARY KEY)")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_migrations_apply_once_per_module_and_in_order(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    storage = await Storage.open(path, [NOTES_V1])
    await storage.execute("INSERT INTO notes (text) VALUES (?)", ("first",))
    await storage.close()
    storage = await Storage.open(path, [OTHER_V1, NOTES_V2, NOTES_V1])
    rows = await storage.fetchall("SELECT text, lang FROM notes")
    versions = dict(await storage.fetchall("SELECT module, version FROM schema_migrations"))
    (mode,) = (await storage.fetchall("PRAGMA journal_mode"))[0]
    await storage.close()
    assert rows == [("first", "bg")]
    assert versions == {"notes": 2, "other": 1}
    assert mode == "wal"


@pytest.mark.anyio
async def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    broken = Migration("notes", 2, "ALTER TABLE notes ADD COLUMN x TEXT; SELECT nonsense()")
    await (await Storage.open(path, [NOTES_V1])).close()  # create v1
    with pytest.raises(StorageError):
        await Storage.open(path, [NOTES_V1, broken])
    storage = await Storage.open(path, [NOTES_V1])
    cols = [r[1] for r in await storage.fetchall("PRAGMA table_info(notes)")]
    await storage.close()
    assert cols == ["id", "text"]


@pytest.mark.anyio
async def test_work_runs_on_one_thread_and_errors_roll_back(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", [NOTES_V1])
    threads = await asyncio.gather(
        *(storage.run(lambda conn: threading.get_ident()) for _ in range(20))
    )
    assert len(set(threads)) == 1 and threads[0] != threading.get_ident()

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO notes (text) VALUES ('half')")
        raise KeyError("a bug in the caller")

    with pytest.raises(KeyError):
        await storage.run(half_then_fail)
    assert await storage.fetchall("SELECT * FROM notes") == []
    await storage.execute("INSERT INTO notes (text) VALUES ('ok')", durable=True)

    # Durable work is fsync'd (FULL = 2); everything else relies on WAL's NORMAL (1).
    def level(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA synchronous").fetchone()[0])

    assert (await storage.run(level, durable=True), await storage.run(level)) == (2, 1)
    assert await storage.fetchall("SELECT text FROM notes") == [("ok",)]
    await storage.close()


@pytest.mark.anyio
async def test_a_full_disk_is_a_domain_error_and_reads_still_work(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", [NOTES_V1])
    await storage.execute("INSERT INTO notes (text) VALUES ('kept')")
    # The page limit makes SQLite report SQLITE_FULL exactly as a full disk does.
    (pages,) = (await storage.fetchall("PRAGMA page_count"))[0]
    await storage.fetchall(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StorageFull) as caught:
        await storage.execute("INSERT INTO notes (text) VALUES (?)", ("x" * 100_000,))
    assert "disk is full" in caught.value.human()
    assert await storage.fetchall("SELECT text FROM notes") == [("kept",)]
    await storage.close()


@pytest.mark.anyio
async def test_read_only_database_refuses_writes_clearly(tmp_path: Path) -> None:
    path = tmp_path / "db"
    await (await Storage.open(path, [NOTES_V1])).close()
    storage = await Storage.open(path, [NOTES_V1], read_only=True)
    with pytest.raises(StorageReadOnly):
        await storage.execute("INSERT INTO notes (text) VALUES ('no')")
    await storage.close()


@pytest.mark.error_log  # the damaged file is logged
@pytest.mark.anyio
async def test_a_damaged_file_is_moved_aside_and_the_kiosk_keeps_working(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StorageCorrupt):
        await Storage.open(path, [NOTES_V1])
    storage, problem = await Storage.open_resilient(path, [NOTES_V1])
    assert isinstance(problem, StorageCorrupt)
    await storage.execute("INSERT INTO notes (text) VALUES ('fresh')")
    await storage.close()
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not")


@pytest.mark.error_log  # the fallback is logged
@pytest.mark.anyio
async def test_an_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    storage, problem = await Storage.open_resilient(blocker / "kiosk.sqlite3", [NOTES_V1])
    assert isinstance(problem, StorageError) and storage.path is None
    await storage.execute("INSERT INTO notes (text) VALUES ('in memory')")
    await storage.close()


@pytest.mark.anyio
async def test_closed_storage_refuses_new_work(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "db", [NOTES_V1])
    await storage.close()
    with pytest.raises(StorageError):
        await storage.fetchall("SELECT 1")


QASYNC_SCENARIO = """
import asyncio, json, sys
from pathlib import Path
import qasync
from PySide6.QtCore import QCoreApplication, QThread
from kiosk.services.storage.database import Migration, Storage

app = QCoreApplication([])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)

async def scenario():
    notes = Migration("notes", 1, "CREATE TABLE notes (t)")
    storage = await Storage.open(Path(sys.argv[1]), [notes])
    await storage.execute("INSERT INTO notes VALUES ('from qt')", durable=True)
    rows = await storage.fetchall("SELECT t FROM notes")
    on_gui_thread = QThread.currentThread() is app.thread()
    await storage.close()
    return {"rows": rows, "on_gui_thread": on_gui_thread}

print(json.dumps(loop.run_until_complete(scenario())))
loop.close()
"""


def test_results_arrive_on_the_qt_thread_under_qasync(tmp_path: Path) -> None:
    """Under qasync the façade resolves futures on the Qt thread. (In a child process: a qasync
    loop left installed would make every later asyncio test in the session fail.)"""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", QASYNC_SCENARIO, str(tmp_path / "db")],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"rows": [["from qt"]], "on_gui_thread": True}
    assert done.stderr == ""
