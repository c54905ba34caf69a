"""Report a problem over real HTTP: the practice portal under uvicorn on loopback goes away while
a resident sends a report (saved, 'it will be sent automatically'), comes back, and the outbox
delivers it; then the resident tracks it with the kiosk's number."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from kiosk.config import Settings
from kiosk.core.outbox import State
from kiosk.practice_portal.app import OPEN311_PATH, create_app
from tests.integration.conftest import clock, find, make_kiosk, settle  # noqa: F401 - fixtures
from tests.integration.report_helpers import choose, next_step, pad_digits, pad_ok, press, wait


class Portal:
    """The practice portal on one fixed loopback port, which can be stopped and started."""

    def __init__(self, db: Path) -> None:
        self.db = db
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{OPEN311_PATH}"

    def start(self) -> None:
        app = create_app(self.db, status_step_seconds=1)
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)

    def stop(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(10)
        self.server = self.thread = None


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    served = Portal(tmp_path / "portal.sqlite3")
    served.start()
    yield served
    served.stop()


def entry_state(kiosk: Any, local_id: int) -> State | None:
    outbox = kiosk.services.outbox
    task = asyncio.ensure_future(outbox.get(local_id))
    wait(task.done)
    entry = task.result()
    return entry.state if entry is not None else None


@pytest.mark.slow
def test_offline_report_is_saved_then_delivered(
    make_kiosk: Any,  # noqa: F811 - the fixture imported above
    portal: Portal,
    tmp_path: Path,
) -> None:
    settings = Settings(
        {
            "session.tap_filter_ms": 0,
            "paths.data_dir": str(tmp_path / "data"),
            "portal.mode": "open311",
            "portal.open311_url": portal.url,
            "portal.connect_timeout_s": 1.0,
            "outbox.retry_base_seconds": 1.0,
            "outbox.retry_max_seconds": 10.0,
        }
    )
    kiosk = make_kiosk(settings, backend=True, start="home")
    report = kiosk.bridges.report
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: report.loaded)
    choose(kiosk, "Чистота и отпадъци")  # a group: one touch, then its kinds
    choose(kiosk, "Мръсна улица или тротоар")
    wait(lambda: kiosk.bridges.nav.screen == "report-question")
    portal.stop()  # the network goes away while the resident answers
    for _ in range(3):  # landmark, when ("Skip this question"), details: all optional
        next_step(kiosk, "questionNext")
    assert kiosk.bridges.nav.screen == "report-location"
    choose(kiosk, report.step["options"][0]["label"])  # here, at this kiosk
    next_step(kiosk, "questionNext")  # no description
    choose(kiosk, report.step["options"][0]["label"])  # no contact details
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: kiosk.bridges.nav.screen == "report-receipt", 15)
    receipt = report.receipt
    assert receipt["queued"], receipt
    number = str(receipt["number"])
    assert number.startswith("9") and len(number) == 7
    assert receipt["title"] == "Сигналът ви е записан на този киоск"
    # the screen says it when it opens (after its layout)
    wait(lambda: receipt["status"] in " ".join(kiosk.bridges.speech.service.texts))
    local_id = int(number[1:])
    # kept in the outbox, not delivered (on a busy machine a retry may be under way just now)
    assert entry_state(kiosk, local_id) in (State.QUEUED, State.SENDING)
    # the network comes back: the outbox sends it on its own
    portal.start()
    wait(lambda: entry_state(kiosk, local_id) is State.DELIVERED, 30)
    # the resident tracks it with the kiosk's number
    kiosk.bridges.nav.go("home")
    settle()
    press(kiosk, find(kiosk.window, "tileTrack"))
    pad_digits(kiosk, "trackPad", number)
    pad_ok(kiosk, "trackPad")
    wait(lambda: kiosk.bridges.nav.screen == "track-result", 15)
    result = kiosk.bridges.track.result
    assert result["number"] and result["notes"] and result["agency"]
