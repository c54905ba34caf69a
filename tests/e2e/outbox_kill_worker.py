"""A kiosk process for the kill test: enqueue reports, then send them to an Open311 server.

Run as `python -m tests.e2e.outbox_kill_worker DB_PATH OPEN311_BASE COUNT [ROUND]`. Report n of a
round always has the same client id, so re-running after a kill enqueues nothing twice and
resumes sending; a report left `sending` is looked up on the portal before it is sent again.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

import httpx

from kiosk.core.outbox import Location, Report, RetryPolicy
from kiosk.services.portals.open311 import Open311Client
from kiosk.services.reports.outbox import MIGRATIONS, Outbox
from kiosk.services.reports.outbox_open311 import open311_deliver, open311_lookup
from kiosk.services.storage.database import Storage

NAMESPACE = uuid.UUID("5f0c5b1e-6a43-4d8e-9a57-2b1f0d3c9e11")


def client_id(n: int, round_tag: str = "") -> str:
    return str(uuid.uuid5(NAMESPACE, f"report-{round_tag}{n}"))


async def main(db: Path, base: str, count: int, round_tag: str = "") -> None:
    storage = await Storage.open(db, MIGRATIONS)
    async with httpx.AsyncClient(timeout=10) as http:
        client = Open311Client(http, base)
        box = Outbox(
            storage,
            open311_deliver(client),
            # KILL_NO_LOOKUP=1: as before the look-up (benchmarks/outbox_kill.py --before)
            lookup=None if os.environ.get("KILL_NO_LOOKUP") else open311_lookup(client),
            policy=RetryPolicy(0.05, 0.2),
        )
        for n in range(count):
            report = Report(
                service_code="28",
                location=Location(42.6977, 23.3219),
                description=f"Kill test report {n}",
                client_id=client_id(n, round_tag),
            )
            await box.enqueue(report)
        print("enqueued", flush=True)
        while (await box.status()).waiting:
            await box.flush()
            await asyncio.sleep(0.05)
    await storage.close()
    print("flushed", flush=True)


if __name__ == "__main__":
    tag = sys.argv[4] if len(sys.argv) > 4 else ""
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), tag))
