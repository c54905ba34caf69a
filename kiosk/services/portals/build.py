"""Build the portal clients from the settings: the embedded practice portal or the real ones.

The composition root calls `build_portals(settings, embedded)` once and closes the result at
exit. Practice mode, and every empty URL, use the practice portal in-process (ASGITransport, no
socket); switching to the city's portals is a config change, never a code change. The practice
portal is a server above this layer: the root hands it in as an `Embedded`; no service imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from kiosk.config import schema as s
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


@dataclass
class Portals:
    """Everything the kiosk talks to. `open311` is None in hand-off mode (Call Sofia)."""

    mode: str
    open311: Open311Client | None
    ckan: CkanClient
    places: PlaceFinder
    practice_http: httpx.AsyncClient | None  # the embedded portal, also for its GTFS feeds
    embedded: Embedded
    _clients: list[httpx.AsyncClient] = field(default_factory=list)
    _closers: list[Callable[[], None]] = field(default_factory=list)

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


def build_portals(settings: Any, embedded: Embedded, language: str = "bg") -> Portals:
    """One httpx client per backend, built here once (each costs ~40 ms)."""
    limits = HttpLimits.from_settings(settings)
    mode = settings[s.PORTAL_MODE]
    clients: list[httpx.AsyncClient] = []
    closers: list[Callable[[], None]] = []
    practice: httpx.AsyncClient | None = None

    def practice_client() -> httpx.AsyncClient:
        nonlocal practice
        if practice is None:
            transport, close = embedded.open()
            closers.append(close)
            practice = build_client(limits, transport)
            clients.append(practice)
        return practice

    open311: Open311Client | None = None
    if mode == "practice" or (mode == "open311" and not settings[s.OPEN311_URL]):
        if mode == "open311":
            log.warning("portal.mode is open311 but portal.open311_url is empty: practice portal")
            mode = "practice"
        open311 = Open311Client(
            practice_client(), embedded.base + embedded.open311_path, locale=language,
            max_bytes=limits.max_bytes, deadline=limits.total,
        )  # fmt: skip
    elif mode == "open311":
        city = build_client(limits)
        clients.append(city)
        open311 = Open311Client(
            city, settings[s.OPEN311_URL], fmt=settings[s.OPEN311_FORMAT],
            api_key=settings[s.OPEN311_API_KEY], jurisdiction_id=settings[s.OPEN311_JURISDICTION],
            locale=language, max_bytes=limits.max_bytes, deadline=limits.total,
        )  # fmt: skip
    if settings[s.CKAN_URL]:
        data = build_client(limits)
        clients.append(data)
        ckan = CkanClient(data, settings[s.CKAN_URL], max_bytes=limits.max_bytes,
                          deadline=limits.total)  # fmt: skip
    else:
        ckan = CkanClient(practice_client(), embedded.base + embedded.ckan_path,
                          max_bytes=limits.max_bytes, deadline=limits.total)  # fmt: skip
    log.info("portals: mode %s, open data from %s", mode, settings[s.CKAN_URL] or "practice")
    return Portals(
        mode=mode, open311=open311, ckan=ckan, places=PlaceFinder.from_settings(ckan, settings),
        practice_http=practice, embedded=embedded, _clients=clients, _closers=closers,
    )  # fmt: skip
