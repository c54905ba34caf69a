"""GeoReport v2 endpoints of the practice portal (JSON and XML), under /open311/v2/."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.core.portal import DESCRIPTION_MAX
from kiosk.practice_portal import render
from kiosk.practice_portal.catalog import DEFAULT_LOCALE, load_catalog, locale_of, pick
from kiosk.practice_portal.store import STEPS, Store, Stored
from kiosk.services.portals.open311_parse import local_zone

JURISDICTIONS = ("", "sofia.bg", "practice.sofia.bg")
_ATTRIBUTE = re.compile(r"attribute\[([^\]]+)\](\[\])?")
MAX_BODY = 64 * 1024
ZONE = local_zone()


def _fmt(request: Request) -> str | None:
    fmt = request.path_params.get("fmt", "")
    return fmt if fmt in ("json", "xml") else None


def _locale(request: Request, form: dict[str, Any] | None = None) -> str:
    return locale_of((form or {}).get("locale") or request.query_params.get("locale", ""))


def _check_jurisdiction(fmt: str, value: str) -> Response | None:
    if value.strip() not in JURISDICTIONS:
        return render.error(fmt, 404, f"jurisdiction_id '{value}' is not served here")
    return None


async def discovery(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    base = str(request.url_for("open311_services", fmt="json")).rsplit("/", 1)[0] + "/"
    return render.reply(fmt, {
        "changeset": "2026-11-01T00:00:00+02:00",
        "contact": "Practice portal (sample) - nothing sent here reaches the city.",
        "key_service": "Ask the kiosk's trainer for a practice key.",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": base, "changeset": "2026-11-01T00:00:00+02:00", "type": "test",
            "formats": ["application/json", "text/xml"],
        }],
    }, "discovery", "discovery")  # fmt: skip


async def services(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    if bad := _check_jurisdiction(fmt, request.query_params.get("jurisdiction_id", "")):
        return bad
    catalog, locale = load_catalog(), _locale(request)
    data = [catalog.service_json(s, locale) for s in catalog.services]
    return render.reply(fmt, data, "services", "service")


async def definition(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    catalog = load_catalog()
    svc = catalog.service(request.path_params["code"])
    if svc is None or not svc.get("attributes"):
        return render.error(fmt, 404, f"service_code '{request.path_params['code']}' not found")
    data = catalog.definition_json(svc, _locale(request))
    return render.reply(fmt, data, "service_definition", "service_definition")


async def post_request(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    body = await request.body()
    if len(body) > MAX_BODY:
        return render.error(fmt, 400, "request too large")
    pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    form = {k: v for k, v in pairs}
    api_key = request.app.state.api_key
    if api_key and form.get("api_key") != api_key:
        return render.error(fmt, 403, "api_key is missing or not valid")
    if bad := _check_jurisdiction(fmt, form.get("jurisdiction_id", "")):
        return bad
    svc = load_catalog().service(form.get("service_code", ""))
    if svc is None:
        return render.error(fmt, 400, f"service_code '{form.get('service_code', '')}' not valid")
    fields, problem = _validate(svc, form, pairs, _locale(request, form))
    if problem:
        return render.error(fmt, 400, problem)
    store: Store = request.app.state.store
    request_id, token = await run_in_threadpool(store.add, fields, svc.get("type") == "batch")
    notice = pick(svc.get("agency", ""), _locale(request, form))
    data = [{"token": token} if token else {"service_request_id": request_id}]
    data[0].update({"service_notice": f"{notice}", "account_id": ""})
    return render.reply(fmt, data, "service_requests", "request")


def _validate(
    svc: dict[str, Any], form: dict[str, str], pairs: list[tuple[str, str]], locale: str
) -> tuple[dict[str, Any], str]:
    """Fields to store, or a problem in the words a 400 error body would use."""
    fields: dict[str, Any] = {"service_code": svc["code"]}
    try:
        lat = float(form["lat"]) if form.get("lat") else None
        lon = float(form["long"]) if form.get("long") else None
    except ValueError:
        return fields, "lat and long must be numbers"
    if (lat is None) != (lon is None) or (lat is not None and not -90 <= lat <= 90):
        return fields, "lat and long must be given together, in WGS84"
    if lat is None and not form.get("address_string") and not form.get("address_id"):
        return fields, "a location is required: lat and long, address_string or address_id"
    if len(form.get("description", "")) > DESCRIPTION_MAX:
        return fields, f"description is longer than {DESCRIPTION_MAX} characters"
    given: dict[str, list[str]] = {}
    for key, value in pairs:
        if match := _ATTRIBUTE.fullmatch(key):
            given.setdefault(match.group(1), []).append(value)
    attributes: dict[str, Any] = {}
    for attr in svc.get("attributes", []):
        if not attr.get("variable", True):
            continue
        values = [v for v in given.get(attr["code"], []) if v.strip()]
        name = pick(attr["description"], DEFAULT_LOCALE)
        if not values:
            if attr.get("required"):
                return fields, f"attribute {attr['code']} is required ({name})"
            continue
        if problem := _check_value(attr, values):
            return fields, f"attribute {attr['code']}: {problem}"
        attributes[attr["code"]] = values if attr["datatype"] == "multivaluelist" else values[0]
    fields.update(
        lat=lat, long=lon, address=form.get("address_string", ""),
        address_id=form.get("address_id", ""), attributes=attributes,
        description=form.get("description", ""), media_url=form.get("media_url", ""),
    )  # fmt: skip
    return fields, ""


def _check_value(attr: dict[str, Any], values: list[str]) -> str:
    kind = attr["datatype"]
    keys = {str(v["key"]) for v in attr.get("values", [])}
    if kind == "number":
        try:
            float(values[0])
        except ValueError:
            return "must be a number"
    elif kind == "datetime":
        try:
            datetime.fromisoformat(values[0].replace("Z", "+00:00"))
        except ValueError:
            return "must be a date and time (ISO 8601)"
    elif kind in ("singlevaluelist", "multivaluelist"):
        if kind == "singlevaluelist" and len(values) > 1:
            return "takes one value"
        if not set(values) <= keys:
            return "must be one of " + ", ".join(sorted(keys))
    return ""


async def token(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    store: Store = request.app.state.store
    known, request_id = await run_in_threadpool(store.by_token, request.path_params["token"])
    if not known:
        return render.error(fmt, 404, "token not found")
    data = [{"service_request_id": request_id, "token": request.path_params["token"]}]
    return render.reply(fmt, data, "service_requests", "request")


async def requests_list(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    q = request.query_params
    if bad := _check_jurisdiction(fmt, q.get("jurisdiction_id", "")):
        return bad
    ids = [i.strip() for i in q.get("service_request_id", "").split(",") if i.strip()]
    codes = [c.strip() for c in q.get("service_code", "").split(",") if c.strip()]
    status = q.get("status", "").lower()
    if status not in ("", "open", "closed"):
        return render.error(fmt, 400, "status must be open or closed")
    try:
        start = _epoch(q.get("start_date", ""))
        end = _epoch(q.get("end_date", ""))
    except ValueError:
        return render.error(fmt, 400, "start_date and end_date must be ISO 8601 datetimes")
    if start is not None and end is not None and end - start > 90 * 86400:
        return render.error(fmt, 400, "the date span may be at most 90 days")
    store: Store = request.app.state.store
    found = await run_in_threadpool(store.find, ids, codes, start, end, status)
    locale = _locale(request)
    data = [_request_json(s, locale) for s in found]
    return render.reply(fmt, data, "service_requests", "request")


async def request_one(request: Request) -> Response:
    fmt = _fmt(request)
    if fmt is None:
        return Response("Not Found", 404, media_type="text/plain")
    store: Store = request.app.state.store
    found = await run_in_threadpool(store.find, [request.path_params["id"]])
    if not found:
        return render.error(fmt, 404, f"service_request_id '{request.path_params['id']}' not found")
    data = [_request_json(found[0], _locale(request))]
    return render.reply(fmt, data, "service_requests", "request")


def _epoch(value: str) -> float | None:
    if not value.strip():
        return None
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)).timestamp()


def _iso(epoch: float) -> str:
    """Sofia time with its offset, as the spec asks (2026-03-15T09:30:00+02:00)."""
    return datetime.fromtimestamp(epoch, ZONE).isoformat(timespec="seconds")


def _request_json(stored: Stored, locale: str) -> dict[str, Any]:
    row = stored.row
    svc = load_catalog().service(row["service_code"]) or {}
    note = pick(STEPS[stored.step][1], locale)
    return {
        "service_request_id": row["id"],
        "status": stored.status,
        "status_notes": note,
        "service_name": pick(svc.get("name", ""), locale),
        "service_code": row["service_code"],
        "description": row["description"],
        "agency_responsible": pick(svc.get("agency", ""), locale),
        "service_notice": "",
        "requested_datetime": _iso(row["requested"]),
        "updated_datetime": _iso(stored.updated),
        "expected_datetime": _iso(stored.expected),
        "address": row["address"],
        "address_id": row["address_id"],
        "zipcode": "",
        "lat": row["lat"],
        "long": row["long"],
        "media_url": row["media_url"],
    }


routes = [
    Route("/discovery.{fmt}", discovery, methods=["GET"]),
    Route("/services.{fmt}", services, methods=["GET"], name="open311_services"),
    Route("/services/{code}.{fmt}", definition, methods=["GET"]),
    Route("/requests.{fmt}", requests_list, methods=["GET"]),
    Route("/requests.{fmt}", post_request, methods=["POST"]),
    Route("/tokens/{token}.{fmt}", token, methods=["GET"]),
    Route("/requests/{id}.{fmt}", request_one, methods=["GET"]),
]
