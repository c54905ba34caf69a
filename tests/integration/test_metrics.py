"""The metrics file for node_exporter's textfile collector: valid Prometheus text format (read
back with prometheus_client's own parser), the values from the kiosk's real database, nothing
about any person, and the running kiosk writes it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.core import stats
from kiosk.core.outbox import Location, Report
from kiosk.services.health import metrics
from kiosk.services.reports import outbox
from kiosk.services.reports.outbox import Outbox
from kiosk.services.storage.database import Storage
from kiosk.services.trainer.stats import MIGRATIONS as STATS_MIGRATIONS
from kiosk.services.trainer.stats import StatsStore


def parse(text: str) -> dict[str, Any]:
    """name -> (labels, value) of each sample, by the reference parser."""
    return {
        sample.name: (sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_the_file_is_valid_prometheus_text_and_leaves_out_what_is_unknown() -> None:
    full = metrics.Health(version="0.2.0", site='lyulin "2"', outbox_queued=3,
                          outbox_oldest_age_s=125.5, portal_last_success=1_800_000_000.0,
                          speech_ok=True, printer_ok=False, sessions_today=14)  # fmt: skip
    got = parse(metrics.render(full, 1_800_000_100.0))
    assert got["silver_kiosk_up"] == ({}, 1.0)
    assert got["silver_kiosk_info"] == ({"version": "0.2.0", "site": 'lyulin "2"'}, 1.0)
    assert got["silver_kiosk_outbox_queued"][1] == 3
    assert got["silver_kiosk_outbox_oldest_age_seconds"][1] == 125.5
    assert got["silver_kiosk_portal_last_success_timestamp_seconds"][1] == 1_800_000_000
    assert got["silver_kiosk_speech_ok"][1] == 1 and got["silver_kiosk_printer_ok"][1] == 0
    assert got["silver_kiosk_sessions_today"][1] == 14
    sparse = parse(metrics.render(metrics.Health(version="0.2.0", site=""), 5.0))
    assert set(sparse) == {"silver_kiosk_up", "silver_kiosk_info",
                           "silver_kiosk_metrics_timestamp_seconds"}  # fmt: skip


@pytest.mark.anyio
async def test_values_come_from_the_kiosks_database(tmp_path: Path) -> None:
    now = time.time()
    storage = await Storage.open(tmp_path / "kiosk.sqlite3", outbox.MIGRATIONS + STATS_MIGRATIONS)
    box = Outbox(storage, None, clock=lambda: now - 600)
    await box.enqueue(Report("3", Location(42.69, 23.32), description="A private sentence"))
    store = StatsStore(storage, clock=lambda: now)
    for _ in range(4):
        await store.count(stats.SESSIONS)
    values = await metrics.database_health(storage, now)
    await storage.close()
    text = metrics.render(metrics.Health(version="0.2.0", site="x", **values), now)
    got = parse(text)
    assert got["silver_kiosk_outbox_queued"][1] == 1
    assert got["silver_kiosk_outbox_oldest_age_seconds"][1] == pytest.approx(600, abs=1)
    assert got["silver_kiosk_sessions_today"][1] == 4
    assert "silver_kiosk_portal_last_success_timestamp_seconds" not in got  # nothing sent yet
    assert "private" not in text.lower()


def test_the_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "textfile" / "silver-kiosk.prom"
    metrics.write(target, "silver_kiosk_up 1\n")
    metrics.write(target, "silver_kiosk_up 1\nsilver_kiosk_sessions_today 2\n")
    assert parse(target.read_text())["silver_kiosk_sessions_today"][1] == 2
    assert [p.name for p in target.parent.iterdir()] == ["silver-kiosk.prom"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_the_running_kiosk_writes_the_file(tmp_path: Path, qtbot: Any, make_kiosk: Any) -> None:
    from kiosk import health
    from kiosk.config import Settings

    target = tmp_path / "silver-kiosk.prom"
    settings = Settings({"health.metrics_file": str(target), "site.id": "sofia-test",
                         "paths.data_dir": str(tmp_path)})  # fmt: skip
    kiosk = make_kiosk(settings)
    monitor = health.start(settings, kiosk)
    qtbot.waitUntil(target.exists, timeout=20_000)
    got = parse(target.read_text())
    assert got["silver_kiosk_info"][0]["site"] == "sofia-test"
    assert "silver_kiosk_speech_ok" in got
    assert monitor.task is not None
    monitor.task.cancel()
    monitor.notifier.close()
