"""Start-up and storage faults end in a staff notice and a kiosk that keeps serving: a data
folder that is a file, read-only, full or missing; a zero-length or damaged database. A report
held only in memory is never announced as saved on this kiosk."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.bridge.report_submit import submit_report
from kiosk.config import Settings
from kiosk.core.portal import Service
from kiosk.core.wizard import Place, Wizard
from tests.integration.conftest import close_backend, find, settle


def run(coro: Coroutine[Any, Any, Any]) -> Any:
    task = asyncio.ensure_future(coro)
    for _ in range(1000):
        if task.done():
            break
        settle(10, 1)
    return task.result()


def started(kiosk: Any) -> Any:
    from kiosk import i18n

    i18n.set_language("en")  # a kiosk starts in Bulgarian; the messages are checked in English
    backend = kiosk.bridges.backend
    for _ in range(1000):
        if backend.started:
            break
        settle(10, 1)
    assert backend.started, "the backend never finished starting: a screen would wait forever"
    return backend


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` at `folder` (root only; skipped elsewhere)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def report_wizard() -> Wizard:
    wizard = Wizard([Service("28", "Street lights")], Place(42.6977, 23.3219, "pl. Test 1"))
    wizard.answers.update({"category": "s:28", "where": "here", "description": "Лампата"})
    return wizard


def serving(kiosk: Any, settings: Settings, *, expect_problem: str) -> None:
    """The kiosk still serves: the staff notice names the fault, and a report goes through."""
    backend = started(kiosk)
    assert expect_problem in backend.storageProblem
    kiosk.bridges.nav.go("attract")
    settle()
    notice = find(kiosk.window, "attractStaffNotice")
    assert notice.height() > 0
    services = kiosk.services
    receipt = run(submit_report(services.outbox, services.portals.open311, report_wizard(), "en"))
    assert "saved on this kiosk" not in receipt.status
    assert not receipt.rejected  # delivered to the practice portal (it too is in memory)


@pytest.mark.error_log  # the storage fault is logged
def test_a_data_folder_that_is_a_file(make_kiosk: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    settings = Settings({"paths.data_dir": str(blocker)})
    kiosk = make_kiosk(settings, backend=True)
    serving(kiosk, settings, expect_problem="cannot write to its database")
    assert "kept only until the kiosk restarts" in kiosk.bridges.backend.storageProblem


@pytest.mark.error_log  # the storage fault is logged
def test_a_read_only_data_folder(make_kiosk: Any, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        first = make_kiosk(Settings({"paths.data_dir": str(disk)}), backend=True)
        started(first)  # the database exists; then the disk turns read-only (errors=remount-ro)
        view = tmp_path / "data"
        view.mkdir()
        subprocess.run(["mount", "--bind", str(disk), str(view)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
            assert (view / "kiosk.sqlite3").exists()
            settings = Settings({"paths.data_dir": str(view)})
            kiosk = make_kiosk(settings, backend=True)
            serving(kiosk, settings, expect_problem="cannot write to its database")
            close_backend(kiosk)
        finally:
            subprocess.run(["umount", "-l", str(view)], check=False)
        close_backend(first)


@pytest.mark.error_log  # the storage fault is logged
def test_a_full_data_folder(make_kiosk: Any, tmp_path: Path) -> None:
    with small_disk(tmp_path / "data", "64k") as folder:
        filler = folder / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        settings = Settings({"paths.data_dir": str(folder)})
        kiosk = make_kiosk(settings, backend=True)
        serving(kiosk, settings, expect_problem="disk is full")
        close_backend(kiosk)


def test_a_missing_data_folder_is_made(make_kiosk: Any, tmp_path: Path) -> None:
    settings = Settings({"paths.data_dir": str(tmp_path / "not" / "yet")})
    backend = started(make_kiosk(settings, backend=True))
    assert backend.storageProblem == "" and (tmp_path / "not" / "yet" / "kiosk.sqlite3").exists()


@pytest.mark.error_log  # the storage fault is logged
def test_a_zero_length_database_is_kept_aside_and_reported(make_kiosk: Any, tmp_path: Path) -> None:
    (tmp_path / "kiosk.sqlite3").write_bytes(b"")
    settings = Settings({"paths.data_dir": str(tmp_path)})
    kiosk = make_kiosk(settings, backend=True)
    backend = started(kiosk)
    assert "was found empty" in backend.storageProblem
    assert "kept only until" not in backend.storageProblem  # a new file was started
    kept = [p.name for p in tmp_path.iterdir() if ".empty-" in p.name]
    assert len(kept) == 1 and (tmp_path / kept[0]).stat().st_size == 0
    assert kiosk.services.storage.path == tmp_path / "kiosk.sqlite3"


@pytest.mark.error_log  # the storage fault is logged
def test_a_damaged_database_is_kept_aside_and_reported(make_kiosk: Any, tmp_path: Path) -> None:
    (tmp_path / "kiosk.sqlite3").write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    settings = Settings({"paths.data_dir": str(tmp_path)})
    backend = started(make_kiosk(settings, backend=True))
    assert "database is damaged" in backend.storageProblem
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


@pytest.mark.error_log  # the storage fault is logged
def test_a_report_held_only_in_memory_is_not_announced_as_saved(
    make_kiosk: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    settings = Settings({
        "paths.data_dir": str(blocker),
        "portal.mode": "open311",
        "portal.open311_url": "http://127.0.0.1:9/open311/v2",  # nothing listens: never sent
    })  # fmt: skip
    kiosk = make_kiosk(settings, backend=True)
    started(kiosk)
    services = kiosk.services
    receipt = run(submit_report(services.outbox, services.portals.open311, report_wizard(), "en"))
    assert "saved on this kiosk" not in receipt.status
    assert "has not reached the city yet" in receipt.status and receipt.number == ""


@pytest.mark.error_log  # the storage fault is logged
def test_the_trainer_menu_shows_the_staff_notice(make_kiosk: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    kiosk = make_kiosk(Settings({"paths.data_dir": str(blocker)}), backend=True)
    started(kiosk)
    run(kiosk.bridges.trainer_desk.checkKiosk())
    assert "cannot write to its database" in kiosk.bridges.trainer_desk.staffNotice
