"""Kill -9 trials of a sending kiosk against `python -m kiosk portal serve`, for the e2e test and
benchmarks/outbox_kill.py: every report must reach the portal exactly once.

A round: a worker (tests.e2e.outbox_kill_worker) enqueues `reports` reports and sends them; it
is SIGKILLed at a random moment `kills` times and restarted; in a share of those trials the
portal is SIGKILLed too, mid-trial, and restarted on the same port and database. Then a last
worker finishes the round. The portal's own database says what arrived, by kiosk reference.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.outbox import reference_in
from kiosk.practice_portal.app import OPEN311_PATH
from tests.e2e.outbox_kill_worker import client_id

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PortalProcess:
    """`python -m kiosk portal serve` on a fixed port, killable and restartable."""

    def __init__(self, db: Path, port: int) -> None:
        self.db, self.port = db, port
        self.proc: subprocess.Popen[bytes] | None = None
        self.base = f"http://127.0.0.1:{port}{OPEN311_PATH}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "portal", "serve", "--port", str(self.port),
             "--db", str(self.db), "--step-seconds", "3600"],
            cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
        raise RuntimeError("the practice portal did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


@dataclass
class Tally:
    trials: int = 0
    while_sending: int = 0  # kills of a worker that was sending (had queued all, still running)
    portal_kills: int = 0
    expected: int = 0
    received: int = 0
    lost: int = 0
    duplicates: int = 0
    unexpected_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        for name in ("trials", "while_sending", "portal_kills", "expected", "received", "lost",
                     "duplicates", "seconds"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unexpected_errors += other.unexpected_errors


def _worker(db: Path, base: str, reports: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.outbox_kill_worker", str(db), base, str(reports), tag],
        cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def run_round(
    portal: PortalProcess,
    workdir: Path,
    tag: str,
    *,
    kills: int,
    reports: int,
    portal_kill_share: float,
    rng: random.Random,
) -> Tally:
    """One round of `kills` trials on a fresh kiosk database, then the finishing run."""
    tally, started = Tally(), time.monotonic()
    kiosk_db = workdir / f"kiosk-{tag}.sqlite3"
    for _ in range(kills):
        worker = _worker(kiosk_db, portal.base, reports, tag)
        assert worker.stdout is not None
        blind = rng.random() < 0.25  # a quarter land anywhere: start-up, opening, enqueueing
        killed_portal = rng.random() < portal_kill_share
        if blind:
            time.sleep(rng.uniform(0.05, 1.0))
        else:  # the rest while it sends: soon after it has queued everything
            worker.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.25))
        if killed_portal:  # the portal dies first, the kiosk a moment later
            portal.kill()
            time.sleep(rng.uniform(0.0, 0.2))
        sending = worker.poll() is None and not blind
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=30)
        tally.trials += 1
        tally.while_sending += sending
        if killed_portal:
            tally.portal_kills += 1
            portal.start()
    final = _worker(kiosk_db, portal.base, reports, tag)
    out, err = final.communicate(timeout=300)
    if final.returncode != 0 or "flushed" not in out:
        tally.unexpected_errors.append(f"final run failed ({final.returncode}): {err[-500:]}")
    tally.unexpected_errors += [
        line for line in err.splitlines()
        if line.strip()
        and "were being sent when the kiosk stopped" not in line  # the crash window, handled
        and "already had a report" not in line
    ]  # fmt: skip
    expected = {client_id(n, tag) for n in range(reports)}
    with sqlite3.connect(portal.db) as conn:
        descriptions = [row[0] for row in conn.execute("SELECT description FROM requests")]
    received = Counter(ref for ref in map(reference_in, descriptions) if ref in expected)
    tally.expected = len(expected)
    tally.received = len(received)
    tally.lost = len(expected - set(received))
    tally.duplicates = sum(count - 1 for count in received.values())
    with sqlite3.connect(kiosk_db) as conn:
        states = dict(conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state"))
    if states != {"delivered": reports}:
        tally.unexpected_errors.append(f"kiosk outbox states {states}")
    tally.seconds = time.monotonic() - started
    return tally
