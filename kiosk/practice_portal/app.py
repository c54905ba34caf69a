"""The practice portal as one Starlette app, served by uvicorn or embedded via ASGITransport."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from kiosk.practice_portal import ckan_routes, gtfs_routes, open311_routes
from kiosk.practice_portal.datastore import Datastore
from kiosk.practice_portal.store import Store

OPEN311_PATH = "/open311/v2"
CKAN_PATH = "/ckan"
GTFS_PATH = "/gtfs"
# The base URL the kiosk's clients use for the embedded portal (no socket is opened).
EMBEDDED_BASE = "http://practice.portal"


async def _home(_request: object) -> Response:
    return PlainTextResponse(
        "Silver Kiosk practice portal (sample data; nothing sent here reaches the city).\n"
        f"Open311 GeoReport v2: {OPEN311_PATH}/services.json\n"
        f"CKAN: {CKAN_PATH}/api/3/action/package_search\n"
        f"GTFS: {GTFS_PATH}/static.zip and {GTFS_PATH}/trip-updates\n"
    )


def create_app(
    db_path: Path | str = ":memory:", status_step_seconds: float = 120.0, *, api_key: str = ""
) -> Starlette:
    """The practice portal. Reports persist in `db_path` (SQLite) and move one status step
    every `status_step_seconds`; `api_key`, when set, is required on POST (403 otherwise)."""
    store = Store(db_path, status_step_seconds)
    datastore = Datastore(db_path)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()
            datastore.close()

    app = Starlette(
        routes=[
            Route("/", _home),
            Mount(OPEN311_PATH, routes=open311_routes.routes),
            Mount(CKAN_PATH, routes=ckan_routes.routes),
            *gtfs_routes.routes,  # their paths already start with /gtfs
        ],
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.datastore = datastore  # CKAN DataStore tables (statistics published by kiosks)
    app.state.api_key = api_key
    return app


def embedded_transport(
    db_path: Path | str, status_step_seconds: float = 120.0, *, api_key: str = ""
) -> httpx.ASGITransport:
    """An httpx transport that runs the practice portal in-process (no socket, no server).

    Build the client with `http.build_client(limits, transport=embedded_transport(...))` and
    point the Open311 client at `EMBEDDED_BASE + OPEN311_PATH`, CKAN at `EMBEDDED_BASE + CKAN_PATH`.
    """
    return httpx.ASGITransport(app=create_app(db_path, status_step_seconds, api_key=api_key))
