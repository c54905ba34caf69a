"""The backend starts after the first frame on the running loop, on the practice portal, and the
practice banner says nothing is sent to the city."""

from __future__ import annotations

from typing import Any

from tests.integration.conftest import find, settle


def test_backend_starts_on_the_practice_portal(make_kiosk: Any) -> None:
    kiosk = make_kiosk(backend=True)
    for _ in range(300):
        if kiosk.bridges.backend.started:
            break
        settle(10, 1)
    backend = kiosk.bridges.backend
    assert backend.started and backend.practice
    built = vars(kiosk.services)  # the root built the database and the outbox at start
    assert built["portals"].is_practice and built["outbox"] is not None
    assert built["storage"].problem is None
    assert backend.storageProblem == ""
    banner = find(kiosk.window, "practiceBanner")
    assert banner.height() > 0
