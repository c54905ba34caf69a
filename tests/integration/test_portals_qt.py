"""The embedded practice portal on the Qt event loop (qasync), as the kiosk runs it."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from typing import Any

from kiosk.compose import embedded_practice
from kiosk.config.loader import Settings
from kiosk.core.portal import NewRequest
from kiosk.services.portals.build import build_portals
from kiosk.services.portals.http import OFF_LOOP_BYTES, off_loop
from kiosk.services.portals.open311_parse import parse_requests


def test_report_and_find_help_on_the_qt_loop(qasync_loop: Any, qtbot: Any, tmp_path: Path) -> None:
    async def job() -> tuple[int, str, int]:
        portals = build_portals(Settings({}), embedded_practice(tmp_path / "practice.sqlite3"))
        try:
            assert portals.open311 is not None
            services = await portals.open311.services()
            posted = await portals.open311.submit(NewRequest("1", lat=42.69, long=23.32))
            tracked = await portals.open311.request(posted.service_request_id)
            near = await portals.places.nearby("fountain")
            return len(services), tracked.status, len(near.places)
        finally:
            await portals.aclose()

    task = asyncio.ensure_future(job(), loop=qasync_loop)
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() == (17, "open", 3)  # three sample fountains within 3 km


def test_a_large_reply_is_parsed_in_a_worker_thread(qasync_loop: Any, qtbot: Any) -> None:
    # Over OFF_LOOP_BYTES the parse runs via asyncio.to_thread, which must work under qasync;
    # how long the loop stalls is measured in benchmarks/portal_parse.py, not asserted here.
    body = json.dumps([{"service_request_id": str(i), "status": "open"}
                       for i in range(20_000)]).encode()  # fmt: skip
    assert len(body) > OFF_LOOP_BYTES
    threads: list[str] = []

    def parse(raw: bytes, fmt: str) -> int:
        threads.append(threading.current_thread().name)
        return len(parse_requests(raw, fmt))

    task = asyncio.ensure_future(off_loop(parse, body, "json"), loop=qasync_loop)
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result() == 20_000
    assert threads != [threading.main_thread().name]
