"""Queue residents' reports in a kiosk's outbox with the previous release's own code.

    PYTHONPATH=<previous release's tree> python packaging/upgrade_queue.py DATA_DIR COUNT

packaging/upgrade-test.sh runs it against the tree of the release in packaging/previous-release
(0.1.0), so the outbox database is exactly what that release leaves behind; it prints one
client id per report, the id each report carries to the portal ("Reference: ..." line).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def queue(data: Path, count: int) -> list[str]:
    # 0.1.0's modules (before the services were grouped by feature)
    from kiosk.core.outbox import Contact, Location, Report  # type: ignore[attr-defined]
    from kiosk.services import outbox  # type: ignore[attr-defined]
    from kiosk.services.storage import DB_FILE_NAME, Storage  # type: ignore[attr-defined]

    data.mkdir(parents=True, exist_ok=True)
    storage = await Storage.open(data / DB_FILE_NAME, outbox.MIGRATIONS)
    box = outbox.Outbox(storage, None)
    ids = []
    try:
        for n in range(1, count + 1):
            report = Report(
                service_code="1",  # Cleanliness: no required questions
                location=Location(42.6977, 23.3219, f"ул. „Граф Игнатиев“ {n}"),
                description=f"Upgrade test report {n}: the street lamp is out.",
                contact=Contact(first_name="Мария", email="maria@example.org") if n == 1 else None,
                consent=n == 1,
            )
            await box.enqueue(report)
            ids.append(report.client_id)
    finally:
        await storage.close()
    return ids


def main() -> int:
    data, count = Path(sys.argv[1]), int(sys.argv[2])
    for client_id in asyncio.run(queue(data, count)):
        print(client_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
