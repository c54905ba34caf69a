"""Async CKAN Action API client: package_search, package_show, datastore_search, GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from kiosk.core.errors import PortalReplyInvalid
from kiosk.core.portal import Dataset, DatastorePage, Place
from kiosk.services.portals import ckan_parse as parse
from kiosk.services.portals.http import check_content_type, fetch, off_loop, raise_for_status


class CkanClient:
    """One CKAN site (`site_url` without /api/3/action). The httpx client is passed in."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        site_url: str,
        *,
        max_bytes: int = 20_000_000,
        deadline: float | None = 60.0,
    ) -> None:
        self.client = client
        self.site_url = site_url.rstrip("/")
        self.max_bytes = max_bytes
        self.deadline = deadline  # seconds for a whole exchange (see HttpLimits.total)

    async def action(self, name: str, params: Mapping[str, Any]) -> Any:
        """Call an action by GET; the envelope's `success` decides, not the HTTP status."""
        url = f"{self.site_url}/api/3/action/{name}"
        query = {k: _param(v) for k, v in params.items() if v is not None and v != ""}
        reply = await fetch(
            self.client, "GET", url, params=query, max_bytes=self.max_bytes, deadline=self.deadline,
            accept="application/json",
        )  # fmt: skip
        if reply.ok:
            check_content_type(reply, "json")
        return parse.unwrap(reply.body, reply.status, reply.url)

    async def package_search(
        self, q: str = "*:*", fq: str = "", rows: int = 10, start: int = 0, sort: str = ""
    ) -> tuple[int, list[Dataset]]:
        """(total count, this page of datasets). CKAN caps `rows` at 1,000."""
        result = await self.action(
            "package_search",
            {"q": q, "fq": fq, "rows": min(max(rows, 0), 1000), "start": start, "sort": sort},
        )
        return parse.parse_search(result, self.site_url)

    async def package_show(self, dataset_id: str) -> Dataset:
        return parse.parse_dataset(
            await self.action("package_show", {"id": dataset_id}), self.site_url
        )

    async def datastore_search(
        self,
        resource_id: str,
        *,
        q: str | Mapping[str, str] | None = None,
        filters: Mapping[str, Any] | None = None,
        limit: int = 100,
        offset: int = 0,
        fields: Sequence[str] = (),
        sort: str = "",
    ) -> DatastorePage:
        params = {
            "resource_id": resource_id,
            "q": q,
            "filters": filters or None,
            "limit": limit,
            "offset": offset,
            "fields": ",".join(fields),
            "sort": sort,
        }
        return parse.parse_datastore(await self.action("datastore_search", params))

    async def datastore_all(
        self,
        resource_id: str,
        *,
        filters: Mapping[str, Any] | None = None,
        page_size: int = 500,
        max_records: int = 20_000,
    ) -> list[Mapping[str, Any]]:
        """Every record, page by page. `_links.next` appears even past the end, so the loop
        stops on an empty page (or when the stated total is reached)."""
        records: list[Mapping[str, Any]] = []
        while len(records) < max_records:
            page = await self.datastore_search(
                resource_id, filters=filters, limit=page_size, offset=len(records)
            )
            records.extend(page.records)
            if not page.records or (page.total is not None and len(records) >= page.total):
                break
        return records[:max_records]

    async def geojson(self, url: str) -> Any:
        """Fetch a GeoJSON resource (any URL; relative ones are joined with the site)."""
        if not url.startswith(("http://", "https://")):
            url = f"{self.site_url}/{url.lstrip('/')}"
        reply = await fetch(
            self.client, "GET", url, max_bytes=self.max_bytes, deadline=self.deadline
        )
        if not reply.ok:
            raise_for_status(reply)
        check_content_type(reply, "json")
        doc = await off_loop(parse.load_json, reply.body)
        if doc is None:
            raise PortalReplyInvalid(f"{reply.url}: empty GeoJSON")
        return doc

    async def dataset_places(
        self, dataset_id: str, category: str, columns: Mapping[str, Sequence[str]]
    ) -> tuple[Dataset, list[Place]]:
        """The places of a dataset: from its DataStore table if active, else a GeoJSON file."""
        dataset = await self.package_show(dataset_id)
        for resource in dataset.resources:
            if resource.datastore_active and resource.id:
                rows = await self.datastore_all(resource.id)
                places = [parse.to_place(r, category, dataset.name, columns) for r in rows]
                return dataset, [p for p in places if p is not None]
        for resource in dataset.resources:
            if resource.format == "GEOJSON":
                doc = await self.geojson(resource.url)
                return dataset, parse.geojson_places(doc, category, dataset.name, columns)
        raise PortalReplyInvalid(f"dataset {dataset_id}: no DataStore table or GeoJSON file")


def _param(value: Any) -> str:
    """Query-string value: JSON for objects (filters, q by field), text otherwise."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
