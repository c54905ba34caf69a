"""CKAN Action API of the practice portal (package_search/show, the DataStore, GeoJSON)."""

from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.practice_portal.catalog import load_catalog
from kiosk.practice_portal.datastore import Datastore, DatastoreError

HELP = "practice portal (sample data)"
_FIELDS = [("_id", "int"), ("id", "text"), ("name", "text"), ("address", "text"),
           ("lat", "numeric"), ("lon", "numeric"), ("opening_hours", "text"),
           ("phone", "text"), ("sample", "bool")]  # fmt: skip


def _ok(result: Any) -> Response:
    return JSONResponse({"help": HELP, "success": True, "result": result})


def _fail(status: int, kind: str, message: Any) -> Response:
    error = {"__type": kind, "message": message} if isinstance(message, str) else message
    if isinstance(message, dict):
        error = {"__type": kind, **message}
    return JSONResponse({"help": HELP, "success": False, "error": error}, status_code=status)


def _package(ds: dict[str, Any], site: str) -> dict[str, Any]:
    places = load_catalog().places
    if ds["delivery"] == "datastore":
        resource = {"id": f"{ds['name']}-table", "name": ds["title"], "format": "csv ",
                    "url": f"{site}/datastore/dump/{ds['name']}-table", "url_type": "datastore",
                    "datastore_active": True}  # fmt: skip
    else:  # a relative link, as real sites have, that the client joins with the site
        resource = {"id": f"{ds['name']}-geojson", "name": ds["title"], "format": ".GeoJSON",
                    "url": f"resources/{ds['name']}.geojson", "url_type": "",
                    "datastore_active": False}  # fmt: skip
    resource.update(mimetype="", size=None, last_modified="2026-11-01T08:00:00")
    return {
        "id": ds["name"], "name": ds["name"], "title": ds["title"],
        "notes": "Sample data for practice; the places are fictional.",
        "metadata_modified": "2026-11-01T08:00:00.000000",
        "license_id": places["license_id"],
        "organization": {"name": "practice-portal", "title": places["organization"]},
        "groups": [], "tags": [{"name": "sample"}, {"name": ds["category"]}],
        "extras": [{"key": "Актуален към", "value": places["data_date"]},
                   {"key": "sample", "value": "true"}],
        "resources": [resource],
    }  # fmt: skip


def _site(request: Request) -> str:
    return str(request.url_for("ckan_action", action="x")).split("/api/3/action/")[0]


async def action(request: Request) -> Response:
    name = request.path_params["action"]
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        try:
            body = await request.json()
        except ValueError:
            return _fail(400, "Validation Error", "the request body is not JSON")
        if isinstance(body, dict):
            params.update(body)
    if name in _TABLE_ACTIONS:
        return await _table_action(request, name, params)
    handler = _ACTIONS.get(name)
    if handler is None:  # CKAN answers an unknown action with a bare string
        return JSONResponse(f"Bad request - Action name not known: {name}", status_code=400)
    return handler(params, _site(request))


_TABLE_ACTIONS = ("datastore_create", "datastore_upsert", "datastore_search")


async def _table_action(request: Request, name: str, params: dict[str, Any]) -> Response:
    """The DataStore's tables; the sample places' tables ("-table") are read-only catalog data."""
    rid = str(params.get("resource_id", ""))
    if name == "datastore_search" and rid.endswith("-table"):
        return datastore_search(params, _site(request))
    key = request.app.state.api_key
    if name != "datastore_search" and key and request.headers.get("Authorization") != key:
        return _fail(403, "Authorization Error", "Access denied: not authorized to write")
    store: Datastore = request.app.state.datastore
    work = {"datastore_create": store.create, "datastore_upsert": store.upsert}.get(name)
    try:
        if work is not None:
            result = await run_in_threadpool(work, params)
        else:
            result = await run_in_threadpool(store.search, params, _site(request))
    except DatastoreError as error:
        return _fail(error.status, error.kind, error.message)
    return _ok(result)


def package_search(params: dict[str, Any], site: str) -> Response:
    try:
        rows = min(int(params.get("rows", 10)), 1000)
        start = int(params.get("start", 0))
    except (TypeError, ValueError):
        return _fail(409, "Validation Error", {"rows": ["Invalid integer"]})
    q = str(params.get("q", "*:*")).strip().lower()
    found = [
        ds for ds in load_catalog().places["datasets"]
        if q in ("", "*:*") or q in ds["title"].lower() or q in ds["name"] or q == ds["category"]
    ]  # fmt: skip
    results = [_package(ds, site) for ds in found[start : start + rows]]
    return _ok({"count": len(found), "results": results, "sort": "score desc",
                "search_facets": {}})  # fmt: skip


def package_show(params: dict[str, Any], site: str) -> Response:
    ds = load_catalog().dataset(str(params.get("id", "")))
    if ds is None:
        return _fail(404, "Not Found Error", "Not found")
    return _ok(_package(ds, site))


def _records(ds: dict[str, Any]) -> list[dict[str, Any]]:
    # Numbers as strings, as many real DataStore tables deliver them.
    return [
        {"_id": n, "id": p["id"], "name": p["name"], "address": p.get("address", ""),
         "lat": str(p["lat"]), "lon": str(p["lon"]), "opening_hours": p.get("opening_hours", ""),
         "phone": p.get("phone", ""), "sample": True}
        for n, p in enumerate(ds["places"], 1)
    ]  # fmt: skip


def datastore_search(params: dict[str, Any], site: str) -> Response:
    rid = str(params.get("resource_id", ""))
    ds = load_catalog().dataset(rid.removesuffix("-table"))
    if ds is None or ds["delivery"] != "datastore" or not rid.endswith("-table"):
        return _fail(404, "Not Found Error", f'Resource "{rid}" was not found.')
    try:
        limit = min(int(params.get("limit", 100)), 32000)
        offset = int(params.get("offset", 0))
        filters = params.get("filters") or {}
        filters = json.loads(filters) if isinstance(filters, str) else filters
        if not isinstance(filters, dict):
            raise ValueError
    except (TypeError, ValueError):
        return _fail(409, "Validation Error", {"filters": ["Not a JSON object"]})
    rows = [r for r in _records(ds) if all(str(r.get(k)) == str(v) for k, v in filters.items())]
    q = params.get("q")
    if isinstance(q, str) and q.strip():
        rows = [r for r in rows if q.lower() in json.dumps(r, ensure_ascii=False).lower()]
    if sort := str(params.get("sort", "")).strip():
        key, _, order = sort.partition(" ")
        rows.sort(key=lambda r: str(r.get(key, "")), reverse=order.lower() == "desc")
    fields = [f.strip() for f in str(params.get("fields", "")).split(",") if f.strip()]
    page = rows[offset : offset + limit]
    if fields:
        page = [{k: r.get(k) for k in fields} for r in page]
    next_url = f"/api/3/action/datastore_search?offset={offset + limit}&resource_id={rid}"
    links = {"start": "/api/3/action/datastore_search", "next": next_url}
    return _ok({"resource_id": rid, "fields": [{"id": f, "type": t} for f, t in _FIELDS],
                "records": page, "total": len(rows), "limit": limit, "offset": offset,
                "_links": links})  # fmt: skip


async def geojson(request: Request) -> Response:
    ds = load_catalog().dataset(request.path_params["name"])
    if ds is None or ds["delivery"] != "geojson":
        return JSONResponse({"error": "not found"}, status_code=404)
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
         "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")} | {"sample": True}}
        for p in ds["places"]
    ]  # fmt: skip
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return Response(body, media_type="application/geo+json")


_ACTIONS = {
    "package_search": package_search,
    "package_show": package_show,
    "datastore_search": datastore_search,
}

routes = [
    Route("/api/3/action/{action}", action, methods=["GET", "POST"], name="ckan_action"),
    Route("/resources/{name}.geojson", geojson, methods=["GET"]),
]
