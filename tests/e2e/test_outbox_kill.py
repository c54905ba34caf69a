"""Kill -9 the kiosk at random moments while its outbox sends: after a restart nothing is lost.

The worker process enqueues reports and sends them to the practice portal, served by uvicorn
on loopback. It is SIGKILLed at random points (while starting, enqueueing, sending), restarted,
and finally left to finish. Every report must reach the portal; a duplicate is allowed only in
the documented crash window (killed after the portal stored it, before `delivered` was written),
so there can be at most one per kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from kiosk.core.outbox import reference_in
from kiosk.practice_portal.app import OPEN311_PATH, create_app
from tests.e2e.outbox_kill_worker import client_id

REPORTS = 150
KILLS = 20
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "portal.sqlite3"
    config = uvicorn.Config(create_app(db, 3600.0), host="127.0.0.1", port=0,
                            log_level="warning", ws="none", lifespan="on")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the practice portal did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}{OPEN311_PATH}", db
    server.should_exit = True
    thread.join(10)


def start_worker(db: Path, base: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.outbox_kill_worker", str(db), base, str(REPORTS)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_no_report_is_lost_when_the_kiosk_is_killed(
    portal: tuple[str, Path], tmp_path: Path
) -> None:
    base, portal_db = portal
    kiosk_db = tmp_path / "kiosk.sqlite3"
    rng = random.Random(int(os.environ.get("KILL_SEED", "311")))
    started = time.monotonic()
    while_sending = 0
    for _ in range(KILLS):
        worker = start_worker(kiosk_db, base)
        # Python start-up takes ~0.3 s here; the spread lands kills in every phase.
        time.sleep(rng.uniform(0.1, 0.9))
        worker.send_signal(signal.SIGKILL)
        out, _err = worker.communicate(timeout=10)
        while_sending += "enqueued" in out
    final = start_worker(kiosk_db, base)
    out, err = final.communicate(timeout=60)
    assert final.returncode == 0, err
    unexpected = [
        line
        for line in err.splitlines()
        if line.strip() and "were being sent when the kiosk stopped" not in line  # the window
    ]
    assert "flushed" in out and not unexpected

    with sqlite3.connect(portal_db) as conn:
        descriptions = [row[0] for row in conn.execute("SELECT description FROM requests")]
    received = Counter(reference_in(text) for text in descriptions)
    expected = {client_id(n) for n in range(REPORTS)}
    missing = expected - set(received)
    duplicates = sum(count - 1 for count in received.values())
    print(
        f"\n{KILLS} kills ({while_sending} while sending) in {time.monotonic() - started:.1f} s:"
        f" {len(received)} received, {duplicates} duplicates, {len(missing)} missing"
    )
    assert while_sending >= KILLS // 4, "the kills should land while reports are being sent"
    assert not missing
    assert set(received) == expected
    assert duplicates <= KILLS  # only the crash window: at most one per kill
    with sqlite3.connect(kiosk_db) as conn:
        states = dict(conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state"))
    assert states == {"delivered": REPORTS}
