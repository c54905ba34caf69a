"""CKAN Action API parsing: envelopes and errors, packages, DataStore pages, GeoJSON places."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.errors import (
    AccessDenied,
    NotFound,
    PortalError,
    PortalRejected,
    PortalReplyInvalid,
    PortalUnavailable,
)
from kiosk.services.portals import ckan_parse as c

SITE = "https://urbandata.example.bg"
COLUMNS = c.column_map("")


def envelope(result: object, success: bool = True, **extra: object) -> bytes:
    return json.dumps({"help": "https://x/api/3/action/help_show", "success": success,
                       "result": result, **extra}).encode()  # fmt: skip


def test_success_returns_the_result() -> None:
    assert c.unwrap(envelope({"count": 0}), 200) == {"count": 0}


@pytest.mark.parametrize(
    ("error", "status", "kind"),
    [({"__type": "Not Found Error", "message": "Не е намерен"}, 404, NotFound),
     ({"__type": "Authorization Error", "message": "Access denied"}, 403, AccessDenied),
     ({"__type": "Validation Error", "name": ["Missing value"]}, 409, PortalRejected),
     ({"__type": "Search Query Error", "message": "Search Query is invalid"}, 400,
      PortalRejected),
     # a localised message and HTTP 200: `success` decides, not the status
     ({"__type": "Не е намерен", "message": "Няма такъв набор"}, 200, PortalRejected)],
)  # fmt: skip
def test_error_envelopes(error: dict[str, object], status: int, kind: type) -> None:
    with pytest.raises(kind) as caught:
        c.unwrap(envelope(None, False, error=error), status)
    assert type(caught.value) is kind


def test_validation_error_fields_reach_the_detail() -> None:
    with pytest.raises(PortalRejected) as caught:
        c.unwrap(envelope(None, False, error={"__type": "Validation Error",
                                              "limit": ["Invalid integer"]}), 409)  # fmt: skip
    assert "limit" in caught.value.detail and "Invalid integer" in caught.value.detail


def test_unknown_action_bare_string_and_html_pages() -> None:
    with pytest.raises(PortalRejected, match="Action name not known"):
        c.unwrap(b'"Bad request - Action name not known: nope"', 400)
    with pytest.raises(PortalUnavailable):
        c.unwrap(b"<html><title>503 Service Unavailable</title></html>", 503)
    with pytest.raises(PortalReplyInvalid):
        c.unwrap(b"<html>maintenance page served with 200</html>", 200)
    with pytest.raises(PortalReplyInvalid):
        c.unwrap(b'{"help": "x", "result": {}}', 200)  # no success flag at all


PACKAGE = {
    "id": "7a1f", "name": "drinking-fountains-sofia", "title": "Чешми",
    "metadata_modified": "2025-05-01T10:00:00.123456", "license_id": "cc-by",
    "organization": {"title": "Столична община"},
    "extras": [{"key": "Актуален към", "value": "01.04.2025"}, {"key": "", "value": "x"}],
    "resources": [
        {"id": "r1", "url": "/dataset/7a1f/resource/r1/download/f.geojson", "format": ".geojson"},
        {"id": "r2", "url": "https://api.sofiaplan.bg/datasets/235", "format": ""},
        {"id": "r3", "url": "http://x/data.csv", "format": "text/csv", "datastore_active": True},
        {"id": "r4", "url": "", "format": "PDF"},
    ],
}  # fmt: skip


def test_package_show_joins_relative_urls_and_normalises_formats() -> None:
    ds = c.parse_dataset(PACKAGE, SITE)
    assert ds.name == "drinking-fountains-sofia" and ds.organization == "Столична община"
    assert ds.data_date == "01.04.2025"  # preferred to metadata_modified
    assert ds.metadata_modified is not None and ds.metadata_modified.tzinfo is not None
    r1, r2, r3 = ds.resources  # the resource without a URL is skipped
    assert r1.url == SITE + "/dataset/7a1f/resource/r1/download/f.geojson"
    assert (r1.format, r2.format, r3.format) == ("GEOJSON", "", "CSV")
    assert r3.datastore_active and not r1.datastore_active


def test_package_search() -> None:
    count, found = c.parse_search({"count": "2", "results": [PACKAGE, {"title": "no name"}]}, SITE)
    assert count == 2 and [d.name for d in found] == ["drinking-fountains-sofia"]
    with pytest.raises(PortalReplyInvalid):
        c.parse_search({"results": "nope"}, SITE)


def test_datastore_numbers_as_strings_are_converted_by_field_type() -> None:
    page = c.parse_datastore({
        "fields": [{"id": "_id", "type": "int"}, {"id": "lat", "type": "numeric"},
                   {"id": "count", "type": "int4"}, {"id": "name", "type": "text"},
                   {"id": "rank", "type": "float8"}],
        "records": [{"_id": 1, "lat": "42.69", "count": "7", "name": "007", "rank": "0,5"},
                    {"_id": "2", "lat": "", "count": "many", "name": None, "rank": None}],
        "total": "2", "_links": {"next": "/api/3/action/datastore_search?offset=100"},
    })  # fmt: skip
    first, second = page.records
    assert first == {"_id": 1, "lat": 42.69, "count": 7, "name": "007", "rank": 0.5}
    assert second["_id"] == 2 and second["lat"] is None and second["count"] == "many"
    assert page.total == 2 and ("lat", "numeric") in page.fields


def test_rows_become_places_with_configured_columns() -> None:
    columns = c.column_map("name=Име, address=Адрес,lat=Y,lon=X")
    row = {"Име": "Аптека (пример)", "Адрес": "ул. X 1", "Y": "42.69", "X": "23,32",
           "phone": "02 000", "sample": "true"}  # fmt: skip
    place = c.to_place(row, "pharmacy", "ds", columns)
    assert place is not None
    assert (place.name, place.lat, place.lon, place.address) == ("Аптека (пример)", 42.69, 23.32,
                                                                  "ул. X 1")  # fmt: skip
    assert place.is_sample and place.id == "ds:42.690000,23.320000"
    assert c.to_place({"name": "no position"}, "pharmacy", "ds", columns) is None
    assert c.to_place({"name": "x", "lat": "4700000", "lon": "300000"}, "p", "d", columns) is None


def test_geojson_points_and_polygons() -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [23.32, 42.69]},
         "properties": {"name": "Чешма"}},
        {"type": "Feature", "geometry": {"type": "Polygon",
                                         "coordinates": [[[23.0, 42.0], [23.2, 42.2]]]},
         "properties": {"name": "Парк", "id": 5}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [321629.36, 4730978.69]},
         "properties": {"name": "In Bulgaria's grid (EPSG:7801): reprojected"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3e6, 9e6]},
         "properties": {"name": "Neither degrees nor EPSG:7801: skipped"}},
        {"type": "Feature", "geometry": None, "properties": {"name": "no geometry"}},
        "garbage",
    ]}  # fmt: skip
    fountain, park, projected = c.geojson_places(doc, "fountain", "ds", COLUMNS)
    assert (fountain.lat, fountain.lon) == (42.69, 23.32)
    assert park.lat == pytest.approx(42.1) and park.id == "5"
    assert projected.lat == pytest.approx(42.6936, abs=1e-6)
    assert projected.lon == pytest.approx(23.3229, abs=1e-6)
    with pytest.raises(PortalReplyInvalid):
        c.geojson_places({"type": "Feature"}, "fountain", "ds", COLUMNS)


@pytest.mark.parametrize(
    ("fmt", "url", "expected"),
    [("GeoJSON ", "", "GEOJSON"), ("application/geo+json", "", "GEOJSON"), ("", "a/b.zip", "ZIP"),
     ("json", "", "JSON"), ("", "https://x/datasets/235", "")],
)  # fmt: skip
def test_format_normalisation(fmt: str, url: str, expected: str) -> None:
    assert c.normalise_format(fmt, url) == expected


ENVELOPES = st.from_regex(r'\{"success": (true|false), "result": .*\}').map(str.encode)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | ENVELOPES, st.integers(100, 599))
def test_any_reply_gives_a_result_or_a_domain_error(raw: bytes, status: int) -> None:
    try:
        result = c.unwrap(raw, status)
    except PortalError:
        return
    for parse in (lambda r: c.parse_search(r, SITE), lambda r: c.parse_dataset(r, SITE),
                  c.parse_datastore, lambda r: c.geojson_places(r, "x", "d", COLUMNS)):  # fmt: skip
        with contextlib.suppress(PortalError):
            parse(result)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda ch: st.lists(ch, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "id", "resources", "url", "format", "records", "fields", "type",
                         "features", "geometry", "coordinates", "properties", "extras", "key",
                         "value", "lat", "lon", "results", "count", "total"]), ch, max_size=5),
    max_leaves=25,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_any_result_shape_gives_models_or_a_domain_error(result: object) -> None:
    for parse in (lambda r: c.parse_search(r, SITE), lambda r: c.parse_dataset(r, SITE),
                  c.parse_datastore, lambda r: c.geojson_places(r, "x", "d", COLUMNS)):  # fmt: skip
        with contextlib.suppress(PortalError):
            parse(result)
