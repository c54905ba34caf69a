"""Trainer mode's services on a real SQLite file: learner cards, statistics, certificates."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import learners, stats
from kiosk.services.lessons.learners import MIGRATIONS as LEARNER_MIGRATIONS
from kiosk.services.lessons.learners import LearnerStore
from kiosk.services.printing import certificates
from kiosk.services.storage.database import Storage
from kiosk.services.trainer.stats import MIGRATIONS as STATS_MIGRATIONS
from kiosk.services.trainer.stats import StatsStore, removable_folders

DAY = learners.SECONDS_PER_DAY


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def _open(path: Path) -> Storage:
    return await Storage.open(path, LEARNER_MIGRATIONS + STATS_MIGRATIONS)


@pytest.mark.anyio
async def test_card_progress_is_kept_under_a_hash_and_resumes(tmp_path: Path) -> None:
    clock = Clock(1_800_000_000.0)
    storage = await _open(tmp_path / "kiosk.sqlite3")
    store = LearnerStore(storage, retention_days=365, clock=clock)
    code = await store.new_card()
    assert await store.record(code, "L01", learners.STARTED)
    assert await store.record(code, "L01", learners.COMPLETED)
    assert await store.record(code, "L02", learners.STARTED)
    assert not await store.record("ZZZZZZZZ", "L01", learners.STARTED)
    progress = await store.resume(code)
    assert progress is not None and progress.completed() == ["L01"]
    assert await store.summary() == (1, {"L01": 1})
    await storage.close()
    raw = (tmp_path / "kiosk.sqlite3").read_bytes() + _wal(tmp_path)
    assert code.encode() not in raw and learners.show(code).encode() not in raw


def _wal(folder: Path) -> bytes:
    wal = folder / "kiosk.sqlite3-wal"
    return wal.read_bytes() if wal.exists() else b""


@pytest.mark.anyio
async def test_codes_expire_after_the_retention_period_of_inactivity(tmp_path: Path) -> None:
    clock = Clock(1_800_000_000.0)
    storage = await _open(tmp_path / "kiosk.sqlite3")
    store = LearnerStore(storage, retention_days=365, clock=clock)
    used, idle = await store.new_card(), await store.new_card()
    await store.record(used, "L01", learners.COMPLETED)
    await store.record(idle, "L01", learners.COMPLETED)
    clock.now += 200 * DAY
    assert await store.resume(used) is not None  # using a card keeps it alive
    clock.now += 200 * DAY  # idle: 400 days; used: 200 days
    assert await store.resume(idle) is None
    assert await store.resume(used) is not None
    counts = await storage.fetchall("SELECT COUNT(*) FROM learner_lesson")
    assert counts == [(1,)]  # the expired card's progress went with it
    await storage.close()


@pytest.mark.anyio
async def test_forget_me_deletes_card_and_progress(tmp_path: Path) -> None:
    storage = await _open(tmp_path / "kiosk.sqlite3")
    store = LearnerStore(storage, retention_days=365)
    code = await store.new_card()
    await store.record(code, "L01", learners.COMPLETED)
    assert await store.forget(code)
    assert await store.resume(code) is None
    assert await storage.fetchall("SELECT * FROM learner_lesson") == []
    assert not await store.forget(code)
    await storage.close()


@pytest.mark.anyio
async def test_statistics_export_suppresses_small_counts(tmp_path: Path) -> None:
    clock = Clock(1_800_000_000.0)  # 2027-01-15
    storage = await _open(tmp_path / "kiosk.sqlite3")
    store = StatsStore(storage, clock=clock)
    for _ in range(7):
        await store.count(stats.SESSIONS)
        await store.count(stats.LANGUAGE, "bg")
    for _ in range(2):
        await store.count(stats.SESSIONS)
        await store.count(stats.LANGUAGE, "uk")
    await store.count(stats.LESSON_COMPLETED, "L01")
    with pytest.raises(ValueError):
        await store.count("free text")
    stick = tmp_path / "stick"
    stick.mkdir()
    today = date.fromisoformat(store.today())
    out = await store.export(stick, today.replace(day=1), today, threshold=5)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    got = {(r["metric"], r["value"]): r["count"] for r in rows}
    assert got[("sessions", "")] == "9"
    assert got[("language", "uk")] == "<5"
    assert got[("language", "bg")] == ">=5"  # else 9 - 7 reveals the two; 7 is not "<5"
    assert got[("lesson_completed", "L01")] == "<5"
    assert not list(stick.glob("*.part"))
    await storage.close()


def test_removable_folders_lists_writable_drives(tmp_path: Path) -> None:
    (tmp_path / "media" / "trainer" / "STICK").mkdir(parents=True)
    found = removable_folders((tmp_path / "media", tmp_path / "absent"))
    assert found == [tmp_path / "media" / "trainer" / "STICK"]


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_certificate_pdf_says_what_it_is_and_is_not(qapp: Any, tmp_path: Path) -> None:
    done = [certificates.LessonDone("Докосване на екрана", ("1.1", "5.2"))]
    result = certificates.print_certificate(
        "Иванка Петрова", done, "Читалище „Надежда“", "28 ноември 2026", tmp_path, use_printer=False
    )
    assert result.pdf is not None and "Иванка" not in result.pdf.name
    text = " ".join(_pdf_text(result.pdf).split())
    for part in ("Иванка Петрова", "Докосване на екрана", "1.1, 5.2", "Надежда", "Подпис"):
        assert part in text
    assert "не е официална квалификация" in text


def test_learner_card_pdf_holds_the_code(qapp: Any, tmp_path: Path) -> None:
    result = certificates.print_card("KMPP3QXD", "Библиотека", tmp_path, use_printer=False)
    assert result.pdf is not None
    assert "KMPP-3QXD" in _pdf_text(result.pdf)
