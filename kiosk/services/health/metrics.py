"""The kiosk's health as a Prometheus text-format file for node_exporter's textfile collector.

No network listener of the kiosk's own: node_exporter (which the city already runs) reads every
*.prom file in its textfile folder. The file is written aside and renamed, so the collector
never reads half a file. Values are counts, ages and yes/no — nothing about any person.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.services.storage.database import Storage


@dataclass(frozen=True)
class Health:
    """One reading. None means "not known" and leaves the sample out."""

    version: str
    site: str
    outbox_queued: int | None = None
    outbox_oldest_age_s: float | None = None
    portal_last_success: float | None = None  # epoch seconds of the last delivery to a portal
    speech_ok: bool | None = None
    printer_ok: bool | None = None
    sessions_today: int | None = None


_HELP = {
    "silver_kiosk_up": ("gauge", "1 while the kiosk runs (the file's age tells when it stopped)."),
    "silver_kiosk_info": ("gauge", "The kiosk's version and site, as labels; always 1."),
    "silver_kiosk_outbox_queued": ("gauge", "Reports and publications waiting to be sent."),
    "silver_kiosk_outbox_oldest_age_seconds": ("gauge", "How long the oldest one has waited."),
    "silver_kiosk_portal_last_success_timestamp_seconds": (
        "gauge",
        "When the kiosk last delivered something to a portal (Unix time).",
    ),
    "silver_kiosk_speech_ok": ("gauge", "1 when the voice can speak, else 0."),
    "silver_kiosk_printer_ok": ("gauge", "1 when a printer is set up, else 0."),
    "silver_kiosk_sessions_today": ("gauge", "Sessions started today on this kiosk."),
    "silver_kiosk_metrics_timestamp_seconds": ("gauge", "When this file was written (Unix time)."),
}


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def render(health: Health, now: float) -> str:
    """The file's text (Prometheus text exposition format 0.0.4)."""
    samples: dict[str, tuple[str, float]] = {
        "silver_kiosk_up": ("", 1),
        "silver_kiosk_info": (
            f'{{version="{_label(health.version)}",site="{_label(health.site)}"}}',
            1,
        ),
        "silver_kiosk_metrics_timestamp_seconds": ("", now),
    }
    optional: Mapping[str, float | bool | None] = {
        "silver_kiosk_outbox_queued": health.outbox_queued,
        "silver_kiosk_outbox_oldest_age_seconds": health.outbox_oldest_age_s,
        "silver_kiosk_portal_last_success_timestamp_seconds": health.portal_last_success,
        "silver_kiosk_speech_ok": health.speech_ok,
        "silver_kiosk_printer_ok": health.printer_ok,
        "silver_kiosk_sessions_today": health.sessions_today,
    }
    for name, value in optional.items():
        if value is not None:
            samples[name] = ("", float(value))
    lines: list[str] = []
    for name, (kind, text) in _HELP.items():
        if name not in samples:
            continue
        labels, value = samples[name]
        number = repr(float(value)) if not float(value).is_integer() else str(int(value))
        lines += [f"# HELP {name} {text}", f"# TYPE {name} {kind}", f"{name}{labels} {number}"]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    """Write aside, then rename: the collector never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    part.write_text(text, encoding="utf-8")
    os.chmod(part, 0o644)
    part.replace(path)


async def database_health(storage: Storage, now: float | None = None) -> dict[str, float | None]:
    """The outbox and today's sessions, read from the kiosk's database."""
    now = time.time() if now is None else now
    today = datetime.fromtimestamp(now).date().isoformat()

    def job(conn: sqlite3.Connection) -> dict[str, float | None]:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        out: dict[str, float | None] = {}
        if "outbox" in tables:
            queued, oldest = conn.execute(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state IN ('queued','sending')"
            ).fetchone()
            (last,) = conn.execute(
                "SELECT MAX(finished_at) FROM outbox WHERE state = 'delivered'"
            ).fetchone()
            out["outbox_queued"] = queued
            out["outbox_oldest_age_s"] = max(0.0, now - oldest) if oldest is not None else 0.0
            out["portal_last_success"] = last
        if "stats_daily" in tables:
            (sessions,) = conn.execute(
                "SELECT COALESCE(SUM(count), 0) FROM stats_daily"
                " WHERE day = ? AND metric = 'sessions'",
                (today,),
            ).fetchone()
            out["sessions_today"] = sessions
        return out

    return await storage.run(job)
