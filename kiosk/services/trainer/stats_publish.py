"""Publishing the anonymous daily counts to a CKAN DataStore table, through the durable outbox.

At most once a day a publication is queued (outbox kind "statistics", key "statistics:SITE:DAY")
holding the suppressed rows of the last complete days (core.stats_publish); the outbox sends it
with `datastore_upsert`, so a publication sent twice replaces its rows. A table that does not
exist yet is made with `datastore_create` (columns, data dictionary, primary key) first.
Failures that may pass (network, server, a refused API token that staff can fix) are retried;
a table that refuses the rows (validation) sets the publication aside with the reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import httpx

from kiosk.core import stats_publish as pub
from kiosk.core.errors import AccessDenied, NotFound, PortalError, PortalRejected
from kiosk.core.outbox import Delivered, DeliveryOutcome, Rejected, RetryLater
from kiosk.services.portals import ckan_parse
from kiosk.services.portals.http import fetch
from kiosk.services.reports.outbox import DeliverItem, Outbox
from kiosk.services.storage.database import Storage
from kiosk.services.trainer.stats import StatsStore

log = logging.getLogger(__name__)
CHECK_EVERY_S = 3600.0


class DatastoreWriter:
    """CKAN's DataStore write actions on one site, with the API token in the Authorization
    header (CKAN 2.10+ tokens; older sites read the same header as an API key)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        site_url: str,
        api_key: str,
        *,
        max_bytes: int = 5_000_000,
        deadline: float | None = 60.0,
    ) -> None:
        self.client = client
        self.site_url = site_url.rstrip("/")
        self.max_bytes = max_bytes
        self.deadline = deadline
        if api_key:
            client.headers["Authorization"] = api_key

    async def action(self, name: str, body: Mapping[str, Any]) -> Any:
        url = f"{self.site_url}/api/3/action/{name}"
        reply = await fetch(
            self.client, "POST", url, json=dict(body), max_bytes=self.max_bytes,
            deadline=self.deadline, accept="application/json",
        )  # fmt: skip
        return ckan_parse.unwrap(reply.body, reply.status, reply.url)


def ckan_deliver(writer: DatastoreWriter) -> DeliverItem:
    """The outbox's sender for "statistics" items."""

    async def deliver(item: Mapping[str, Any]) -> DeliveryOutcome:
        resource_id = str(item["resource_id"])
        upsert = {"resource_id": resource_id, "records": item["records"], "method": "upsert"}
        try:
            try:
                await writer.action("datastore_upsert", upsert)
            except NotFound:
                log.info("statistics: table %s is new; creating it", resource_id)
                await writer.action(
                    "datastore_create",
                    {"resource_id": resource_id, "fields": item["fields"],
                     "primary_key": list(pub.PRIMARY_KEY), "force": True},
                )  # fmt: skip
                await writer.action("datastore_upsert", upsert)
        except (AccessDenied, NotFound) as error:  # staff can fix the token or the resource
            log.warning("statistics not published: %s", error.detail)
            return RetryLater(error.message)
        except PortalRejected as error:  # the table refuses these rows: trying again won't help
            log.error("statistics refused by the table: %s", error.detail)
            return Rejected(error.detail or error.message)
        except PortalError as error:
            log.warning("statistics not published yet: %s", error.detail)
            return RetryLater(error.message)
        return Delivered()

    return deliver


class StatsPublisher:
    """Queues the daily publication; the outbox sends it."""

    def __init__(
        self,
        storage: Storage,
        outbox: Outbox,
        *,
        site: str,
        resource_id: str,
        threshold: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._storage = storage
        self._outbox = outbox
        self.site = site
        self.resource_id = resource_id
        self.threshold = threshold
        self._clock = clock

    def today(self) -> date:
        return datetime.fromtimestamp(self._clock()).date()

    def key(self, day: date) -> str:
        return f"{pub.KIND}:{self.site}:{day.isoformat()}"

    async def payload(self) -> dict[str, Any]:
        """What today's publication sends: the table, its columns and the rows."""
        rows = await self._storage.fetchall("SELECT MIN(day) FROM stats_daily")
        first = date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None
        days = pub.days_to_publish(self.today(), first)
        cells = await StatsStore(self._storage, self._clock).cells(
            days[0] if days else self.today(), self.today()
        )
        return {
            "resource_id": self.resource_id,
            "fields": pub.fields(self.threshold),
            "records": pub.records(self.site, cells, days, self.threshold),
        }

    async def publish(self, *, force: bool = False) -> tuple[int, dict[str, Any]] | None:
        """Queue today's publication unless one is already queued or sent today (`force`: queue
        it again all the same). Returns (outbox id, payload), or None when nothing was queued."""
        key = self.key(self.today())
        if not force and await self._outbox.find(key) is not None:
            return None
        payload = await self.payload()
        local_id = await self._outbox.enqueue_item(pub.KIND, key, payload)
        log.info("statistics: publication of %d rows queued", len(payload["records"]))
        return local_id, payload

    async def run(self) -> None:
        """Queue a publication each day the kiosk runs (checked every hour), until cancelled."""
        while True:
            try:
                await self.publish()
            except Exception:  # a database problem now must not stop tomorrow's publication
                log.exception("statistics: could not queue today's publication")
            await asyncio.sleep(CHECK_EVERY_S)


def start(publisher: StatsPublisher) -> asyncio.Task[None]:
    return asyncio.get_running_loop().create_task(publisher.run(), name="stats-publish")


async def stop(task: asyncio.Task[None] | None) -> None:
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
