"""The services half of the composition root: what app.py builds below the bridges.

The practice portal is a server above the services layer (it uses the kiosk's core); the root
hands it to the portal clients as an `Embedded`, so no service imports it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import httpx
from starlette.applications import Starlette

from kiosk.practice_portal import gtfs_routes
from kiosk.practice_portal.app import CKAN_PATH, EMBEDDED_BASE, GTFS_PATH, OPEN311_PATH, create_app
from kiosk.services.portals.build import Embedded

log = logging.getLogger(__name__)


def embedded_practice(db_path: Path | str, status_step_seconds: float = 120.0) -> Embedded:
    """The practice portal in-process (no socket): its reports in `db_path`, opened on first use."""

    def open_portal() -> tuple[httpx.AsyncBaseTransport, Callable[[], None]]:
        try:
            app = create_app(db_path, status_step_seconds)
        except (sqlite3.Error, OSError) as exc:  # a read-only, full or missing data folder
            log.error("practice portal: cannot use %s (%s); keeping its reports in memory",
                      db_path, exc)  # fmt: skip
            app = create_app(":memory:", status_step_seconds)
        return httpx.ASGITransport(app=app), app.state.store.close

    return Embedded(
        base=EMBEDDED_BASE,
        open311_path=OPEN311_PATH,
        ckan_path=CKAN_PATH,
        gtfs_path=GTFS_PATH,
        open=open_portal,
        open_gtfs=lambda: httpx.ASGITransport(app=Starlette(routes=gtfs_routes.routes)),
    )
