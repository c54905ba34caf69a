"""Build the portal clients from the settings: the embedded practice portal or the real ones.

The composition root calls `build_portals(settings, embedded)` once and closes the result at
exit. Practice mode, and every empty URL, use the practice portal in-process (ASGITransport, no
socket); switching to the city's portals is a config change, never a code change. The practice
portal is a server above this layer: the root hands it in as an `Embedded`; no service imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from kiosk.config import schema as s
from kiosk.core.portal import effective_mode
from kiosk.services.nearby.places import PlaceFinder
from kiosk.services.portals.ckan import CkanClient
from kiosk.services.portals.http import HttpLimits, build_client
from kiosk.services.portals.open311 import Open311Client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Embedded:
    """The practice portal served in-process, as the composition root hands it in."""

    base: str  # the URL its clients use (no socket is opened)
    open311_path: str
    ckan_path: str
    gtfs_path: str
    # The whole portal on its SQLite file: (transport, close its database), opened on first use.
    open: Callable[[], tuple[httpx.AsyncBaseTransport, Callable[[], None]]]
    # Only its sample GTFS feed (no database), for departures when no other portal is local.
    open_gtfs: Callable[[], httpx.AsyncBaseTransport]


class Portals:
    """Everything the kiosk talks to. `open311` is None in hand-off mode (Call Sofia)."""

    def __init__(self, settings: Any, embedded: Embedded) -> None:
        self.embedded = embedded
        self._limits = HttpLimits.from_settings(settings)
        self._clients: list[httpx.AsyncClient] = []
        self._closers: list[Callable[[], None]] = []
        self._practice: httpx.AsyncClient | None = None
        self._practice_open311: Open311Client | None = None
        limits = self._limits
        mode = effective_mode(settings[s.PORTAL_MODE], settings[s.OPEN311_URL])
        if mode != settings[s.PORTAL_MODE]:
            log.warning("portal.mode is open311 but portal.open311_url is empty: practice portal")
        self.open311: Open311Client | None = None
        if mode == "practice":
            self.open311 = self.practice_open311
        elif mode == "open311":
            self.open311 = Open311Client(
                self._client(), settings[s.OPEN311_URL], fmt=settings[s.OPEN311_FORMAT],
                api_key=settings[s.OPEN311_API_KEY],
                jurisdiction_id=settings[s.OPEN311_JURISDICTION],
                max_bytes=limits.max_bytes, deadline=limits.total,
            )  # fmt: skip
        self.mode: str = mode
        if settings[s.CKAN_URL]:
            ckan_http, ckan_url = self._client(), settings[s.CKAN_URL]
        else:
            ckan_http, ckan_url = self.practice_http, embedded.base + embedded.ckan_path
        self.ckan = CkanClient(ckan_http, ckan_url, max_bytes=limits.max_bytes,
                               deadline=limits.total)  # fmt: skip
        self.places = PlaceFinder.from_settings(self.ckan, settings)
        log.info("portals: mode %s, open data from %s", mode, settings[s.CKAN_URL] or "practice")

    def _client(self, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
        client = build_client(self._limits, transport)
        self._clients.append(client)
        return client

    @property
    def practice_http(self) -> httpx.AsyncClient:
        """The embedded practice portal's client (also for its GTFS feeds); the portal itself
        (its SQLite file) opens with the first request."""
        if self._practice is None:
            transport = _OnFirstRequest(self.embedded.open)
            self._closers.append(transport.close)
            self._practice = self._client(transport)
        return self._practice

    @property
    def practice_open(self) -> bool:
        """Whether the kiosk talks to the practice portal at all (a client for it exists)."""
        return self._practice is not None

    @property
    def practice_open311(self) -> Open311Client:
        """The practice portal's GeoReport v2 endpoint, whatever the mode: lessons practise on
        it, so a practice report never reaches the city."""
        if self._practice_open311 is None:
            self._practice_open311 = Open311Client(
                self.practice_http, self.embedded.base + self.embedded.open311_path,
                max_bytes=self._limits.max_bytes, deadline=self._limits.total,
            )  # fmt: skip
        return self._practice_open311

    @property
    def practice_gtfs_base(self) -> str:
        return self.embedded.base + self.embedded.gtfs_path

    @property
    def is_practice(self) -> bool:
        """True when reports go to the practice portal (show it on screen)."""
        return self.mode == "practice"

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()
        for close in self._closers:  # the practice portal's SQLite file
            close()


class _OnFirstRequest(httpx.AsyncBaseTransport):
    """A transport opened with the first request: building the clients touches no file."""

    def __init__(self, open_: Callable[[], tuple[httpx.AsyncBaseTransport, Callable[[], None]]]):
        self._open = open_
        self._inner: httpx.AsyncBaseTransport | None = None
        self._close: Callable[[], None] = lambda: None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._inner is None:
            self._inner, self._close = self._open()
        return await self._inner.handle_async_request(request)

    def close(self) -> None:
        self._close()


def build_portals(settings: Any, embedded: Embedded) -> Portals:
    """One httpx client per backend, built here once (each costs ~40 ms)."""
    return Portals(settings, embedded)
