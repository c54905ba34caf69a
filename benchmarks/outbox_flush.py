"""Flush 1,000 queued reports from the durable outbox to the practice portal over loopback.

The practice portal (kiosk.practice_portal.app, SQLite-backed) runs under uvicorn in a child
process; the outbox sends through the real Open311 client, one report at a time, with every
state change fsync'd (synchronous=FULL). Target: 1,000 reports in ≤ 10 s.
Usage: python benchmarks/outbox_flush.py [COUNT]
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.core.outbox import Location, Report  # noqa: E402
from kiosk.practice_portal.app import OPEN311_PATH  # noqa: E402
from kiosk.services.portals.open311 import Open311Client  # noqa: E402
from kiosk.services.reports.outbox import MIGRATIONS, Outbox  # noqa: E402
from kiosk.services.reports.outbox_open311 import open311_deliver  # noqa: E402
from kiosk.services.storage.database import Storage  # noqa: E402

SERVE = (
    "import sys, uvicorn\n"
    "from kiosk.practice_portal.app import create_app\n"
    "uvicorn.run(create_app(sys.argv[1], 3600.0), host='127.0.0.1', port=int(sys.argv[2]),"
    " log_level='warning', ws='none')\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fsync_cost(folder: Path, rounds: int = 200) -> float:
    path = folder / "fsync.bin"
    with open(path, "wb") as handle:
        start = time.perf_counter()
        for _ in range(rounds):
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
        return (time.perf_counter() - start) / rounds


async def run(count: int, folder: Path, base: str) -> None:
    storage = await Storage.open(folder / "kiosk.sqlite3", MIGRATIONS)
    async with httpx.AsyncClient(timeout=10) as http:
        box = Outbox(storage, open311_deliver(Open311Client(http, base)))
        start = time.perf_counter()
        for n in range(count):
            await box.enqueue(Report("28", Location(42.6977, 23.3219), f"Benchmark report {n}"))
        enqueued = time.perf_counter() - start
        start = time.perf_counter()
        sent = await box.flush()
        flushed = time.perf_counter() - start
        status = await box.status()
    await storage.close()
    print(f"enqueue {count} reports (each fsync'd):  {enqueued:6.2f} s"
          f"  ({enqueued / count * 1000:.2f} ms each)")  # fmt: skip
    print(f"flush {sent} reports to the portal:      {flushed:6.2f} s"
          f"  ({flushed / max(sent, 1) * 1000:.2f} ms each)  target <= 10 s")  # fmt: skip
    print(f"delivered {status.delivered}, waiting {status.waiting}, refused {status.rejected}")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"fsync of 4 KiB on this disk: {fsync_cost(folder) * 1000:.2f} ms")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(folder / "portal.sqlite3"), str(port)], env=env
        )
        try:
            base = f"http://127.0.0.1:{port}{OPEN311_PATH}"
            for _ in range(100):
                try:
                    httpx.get(base + "/services.json", timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            print("server: the practice portal (Starlette + uvicorn, its own process)")
            asyncio.run(run(count, folder, base))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
