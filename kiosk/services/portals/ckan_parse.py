"""Read CKAN Action API envelopes, packages, DataStore pages and GeoJSON into domain models."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

from kiosk.core.errors import (
    AccessDenied,
    NotFound,
    PortalError,
    PortalRejected,
    PortalReplyInvalid,
    PortalUnavailable,
)
from kiosk.core.geo import from_ccs2005, looks_like_ccs2005
from kiosk.core.portal import Dataset, DatastorePage, Place, Resource

_NUMERIC = {"int", "int2", "int4", "int8", "integer", "bigint", "smallint", "numeric",
            "float", "float4", "float8", "real", "double precision", "number"}  # fmt: skip
_INTEGER = {"int", "int2", "int4", "int8", "integer", "bigint", "smallint"}
# What the "current as of" extra is called on urbandata.sofia.bg and elsewhere.
_DATA_DATE_KEYS = ("Актуален към", "data_date", "Data date", "temporal_coverage_to")


def load_json(body: bytes) -> Any:
    try:
        return json.loads(body) if body.strip() else None
    except (ValueError, RecursionError) as exc:
        raise PortalReplyInvalid(f"not valid JSON: {str(exc)[:120]}") from None


def unwrap(body: bytes, http_status: int, url: str = "") -> Any:
    """The `result` of an action reply; errors by `success` and `__type`, then HTTP status."""
    try:
        doc = load_json(body)
    except PortalReplyInvalid:
        if http_status >= 400:
            doc = None  # an HTML or text error page: classify by status below
        else:
            raise
    if isinstance(doc, dict) and doc.get("success") is True and http_status < 400:
        return doc.get("result")
    error = doc.get("error") if isinstance(doc, dict) else None
    message = _error_text(error if error is not None else doc)
    kind = str(error.get("__type", "")) if isinstance(error, dict) else ""
    detail = f"{url}: HTTP {http_status} {kind} {message}".strip()
    raise _classify(kind, http_status, detail)


def _classify(kind: str, status: int, detail: str) -> PortalError:
    lowered = kind.lower()
    if status >= 500:
        return PortalUnavailable(detail, status=status)
    if "not found" in lowered or status == 404:
        return NotFound(detail, status=status)
    if "authoriz" in lowered or status in (401, 403):
        return AccessDenied(detail, status=status)
    if lowered or 400 <= status < 500:
        return PortalRejected(detail, status=status)
    return PortalReplyInvalid(f"{detail}: no success flag in the reply", status=status)


def _error_text(error: Any) -> str:
    if isinstance(error, str):
        return re.sub(r"\s+", " ", error)[:300]
    if isinstance(error, dict):
        parts = [f"{k}: {v}" for k, v in error.items() if k != "__type"]
        return "; ".join(parts)[:300]
    return ""


def _list(value: Any) -> list[Any]:
    """A JSON list, or [] for anything else (servers put null, a string or an object there)."""
    return value if isinstance(value, list) else []


def _s(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def parse_time(value: Any) -> datetime | None:
    """CKAN timestamps are ISO 8601 without zone, in UTC."""
    try:
        parsed = datetime.fromisoformat(_s(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def normalise_format(fmt: str, url: str = "") -> str:
    """'.geojson', 'GeoJSON ', 'application/geo+json' → 'GEOJSON'; empty → from the URL."""
    value = fmt.strip().lower().lstrip(".")
    value = value.rsplit("/", 1)[-1].replace("geo+json", "geojson").replace("vnd.", "")
    if not value:
        tail = url.split("?", 1)[0].rsplit("/", 1)[-1]
        value = tail.rsplit(".", 1)[-1].lower() if "." in tail else ""
    return {"json": "JSON", "zip": "ZIP"}.get(value, value.upper())


def parse_dataset(result: Any, site_url: str) -> Dataset:
    if not isinstance(result, dict) or not _s(result.get("name") or result.get("id")):
        raise PortalReplyInvalid("package_show: no dataset in the reply")
    extras = {
        _s(e.get("key")): _s(e.get("value"))
        for e in _list(result.get("extras"))
        if isinstance(e, dict) and _s(e.get("key"))
    }
    resources = []
    for r in _list(result.get("resources")):
        if not isinstance(r, dict) or not _s(r.get("url")):
            continue
        url = urljoin(site_url.rstrip("/") + "/", _s(r.get("url")))
        resources.append(
            Resource(
                id=_s(r.get("id")),
                url=url,
                format=normalise_format(_s(r.get("format")), url),
                name=_s(r.get("name")),
                mimetype=_s(r.get("mimetype")),
                url_type=_s(r.get("url_type")),
                datastore_active=r.get("datastore_active") in (True, "true", "True"),
                last_modified=parse_time(r.get("last_modified")),
            )
        )
    organization = result.get("organization")
    return Dataset(
        id=_s(result.get("id")) or _s(result.get("name")),
        name=_s(result.get("name")),
        title=_s(result.get("title")),
        notes=_s(result.get("notes")),
        license_id=_s(result.get("license_id")),
        organization=_s(organization.get("title")) if isinstance(organization, dict) else "",
        metadata_modified=parse_time(result.get("metadata_modified")),
        data_date=next((extras[k] for k in _DATA_DATE_KEYS if extras.get(k)), ""),
        resources=tuple(resources),
        extras=extras,
    )


def parse_search(result: Any, site_url: str) -> tuple[int, list[Dataset]]:
    if not isinstance(result, dict) or not isinstance(result.get("results", []), list):
        raise PortalReplyInvalid("package_search: no results list in the reply")
    datasets = [
        parse_dataset(r, site_url)
        for r in result.get("results", [])
        if isinstance(r, dict) and _s(r.get("name") or r.get("id"))
    ]
    try:
        count = int(_s(result.get("count")) or len(datasets))
    except (TypeError, ValueError):
        count = len(datasets)
    return count, datasets


def convert(value: Any, kind: str) -> Any:
    """A DataStore value typed by its field: numbers often arrive as strings."""
    if kind not in _NUMERIC or not isinstance(value, str):
        return value
    text = value.strip().replace(",", ".")
    try:
        return int(text) if kind in _INTEGER else float(text)
    except ValueError:
        return None if not text else value


def parse_datastore(result: Any) -> DatastorePage:
    if not isinstance(result, dict) or not isinstance(result.get("records", []), list):
        raise PortalReplyInvalid("datastore_search: no records list in the reply")
    fields = tuple(
        (_s(f.get("id")), _s(f.get("type")).lower())
        for f in _list(result.get("fields"))
        if isinstance(f, dict) and _s(f.get("id"))
    )
    types = dict(fields)
    records = tuple(
        {k: convert(v, types.get(k, "")) for k, v in rec.items()}
        for rec in _list(result.get("records"))
        if isinstance(rec, dict)
    )
    total = _s(result.get("total"))
    known = total.isascii() and total.isdigit()
    return DatastorePage(fields, records, int(total) if known else None)


DEFAULT_COLUMNS: Mapping[str, Sequence[str]] = {
    "id": ("id", "_id", "ID", "objectid", "OBJECTID", "code"),
    "name": ("name", "name_bg", "title", "Име", "име", "NAME", "Name", "наименование"),
    "address": ("address", "Адрес", "адрес", "addr", "street", "ADDRESS"),
    "lat": ("lat", "latitude", "Lat", "LAT", "y"),
    "lon": ("lon", "lng", "long", "longitude", "Lon", "LON", "x"),
    "opening_hours": ("opening_hours", "hours", "работно_време", "Работно време"),
    "phone": ("phone", "telephone", "tel", "Телефон", "телефон"),
}


def column_map(config: str) -> dict[str, tuple[str, ...]]:
    """Configured 'field=column' pairs put in front of the usual column names."""
    columns = {name: tuple(cands) for name, cands in DEFAULT_COLUMNS.items()}
    for part in filter(None, (p.strip() for p in config.split(","))):
        name, _, column = part.partition("=")
        if name.strip() in columns and column.strip():
            columns[name.strip()] = (column.strip(), *columns[name.strip()])
    return columns


def _pick(row: Mapping[str, Any], names: Sequence[str]) -> Any:
    for name in names:
        if name in row and _s(row[name]):
            return row[name]
    return None


def _coordinate(value: Any) -> float | None:
    try:
        number = float(_s(value).replace(",", "."))
    except ValueError:
        return None
    return number if number == number and abs(number) <= 180 else None


def to_place(
    row: Mapping[str, Any], category: str, source: str, columns: Mapping[str, Sequence[str]],
    point: tuple[float, float] | None = None,
) -> Place | None:  # fmt: skip
    """One row or GeoJSON feature's properties as a Place; None when name or position lacks."""
    lat = point[0] if point else _coordinate(_pick(row, columns["lat"]))
    lon = point[1] if point else _coordinate(_pick(row, columns["lon"]))
    name = _s(_pick(row, columns["name"]))
    if not name or lat is None or lon is None or abs(lat) > 90:
        return None
    return Place(
        id=_s(_pick(row, columns["id"])) or f"{source}:{lat:.6f},{lon:.6f}",
        category=category, name=name, lat=lat, lon=lon,
        address=_s(_pick(row, columns["address"])),
        opening_hours=_s(_pick(row, columns["opening_hours"])),
        phone=_s(_pick(row, columns["phone"])),
        source=source,
        is_sample=row.get("sample") in (True, "true", "True", 1, "1"),
    )  # fmt: skip


def geojson_places(
    doc: Any, category: str, source: str, columns: Mapping[str, Sequence[str]]
) -> list[Place]:
    """Points of a FeatureCollection (other geometries by their mean vertex) as Places."""
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        raise PortalReplyInvalid(f"{source}: not a GeoJSON FeatureCollection")
    places = []
    for feature in doc["features"]:
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            continue
        point = _centre(feature.get("geometry"))
        place = to_place(feature["properties"], category, source, columns, point)
        if place is not None:
            places.append(place)
    return places


def _centre(geometry: Any) -> tuple[float, float] | None:
    """(lat, lon) of a geometry (GeoJSON is lon-first; other shapes by their mean vertex).

    Sofiaplan's ArcGIS exports are in Bulgaria's grid EPSG:7801 (metres): numbers that cannot
    be degrees but fall on Bulgaria in that grid are reprojected; anything else gives None.
    """
    if not isinstance(geometry, dict):
        return None
    flat: list[tuple[float, float]] = []

    def walk(coords: Any, depth: int) -> None:
        if depth > 6 or not isinstance(coords, list):
            return
        if len(coords) >= 2 and all(
            isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2]
        ):
            flat.append((float(coords[0]), float(coords[1])))
            return
        for item in coords:
            walk(item, depth + 1)

    walk(geometry.get("coordinates"), 0)
    if not flat:
        return None
    x = sum(p[0] for p in flat) / len(flat)
    y = sum(p[1] for p in flat) / len(flat)
    if abs(y) <= 90 and abs(x) <= 180:
        return y, x
    if looks_like_ccs2005(x, y):
        return from_ccs2005(x, y)
    return None
