"""GeoReport v2 parsing: recorded replies from the spec and from real-server deviations."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.errors import PortalError, PortalReplyInvalid
from kiosk.services.portals import open311_parse as p
from kiosk.services.portals.open311_records import error_reply

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "open311"
SOFIA = p.local_zone()


def body(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("name", ["services_spec.xml", "services_spec.json"])
def test_services_from_the_spec(name: str) -> None:
    services = p.parse_services(body(name), name.rsplit(".", 1)[1])
    assert [s.code for s in services] == ["001", "002", "003"]  # leading zeros kept
    first = services[0]
    assert first.name == "Cans left out 24x7"
    assert first.metadata is True and first.type == "realtime" and first.group == "sanitation"
    assert first.keywords == ("lorem", "ipsum", "dolor")
    assert services[2].metadata is False and services[2].type == "batch"
    assert services[2].keywords == ()


def test_services_namespaced_crlf_tabs_entities_and_unknown_elements() -> None:
    services = p.parse_services(body("services_namespaced.xml"), "xml")
    assert [s.code for s in services] == ["28-01", "A7"]
    lights, holes = services
    assert lights.name == "Улично осветление & лампи"
    assert lights.description == "" and lights.group == ""
    assert lights.metadata is True and lights.type == "batch"
    assert lights.keywords == ("лампа", "тъмно")
    assert holes.name == "Дупки"  # numeric character references
    assert holes.type == "realtime"  # an unknown type is read as the spec's default


def test_services_single_object_and_numbers() -> None:
    (dogs,) = p.parse_services(body("services_single.json"), "json")
    assert dogs.code == "7" and dogs.metadata is False
    assert dogs.keywords == ("dog", "stray") and dogs.group == ""


@pytest.mark.parametrize("name", ["services_fixmystreet.xml", "services_fixmystreet.json"])
def test_services_with_several_groups_as_fixmystreet_lists_them(name: str) -> None:
    pothole, graffiti, other = p.parse_services(body(name), name.rsplit(".", 1)[1])
    assert pothole.groups == ("Roads", "Pavements & footpaths") and pothole.group == "Roads"
    assert graffiti.groups == ("Street cleaning",) and graffiti.group == "Street cleaning"
    assert other.groups == () and other.group == ""


def test_services_in_a_wrapper_skip_records_without_code() -> None:
    services = p.parse_services(body("services_wrapped.json"), "json")
    assert [(s.code, s.metadata) for s in services] == [("1", True)]


@pytest.mark.parametrize("name", ["definition_spec.xml", "definition_spec.json"])
def test_definition_with_every_datatype(name: str) -> None:
    definition = p.parse_definition(body(name), name.rsplit(".", 1)[1])
    assert definition.service_code == "DMV66"
    attrs = {a.code: a for a in definition.attributes}
    assert [a.code for a in definition.attributes] == ["INFO1", "WHISHETN", "COLOURS", "N",
                                                       "WHEN", "MORE"]  # by order  # fmt: skip
    assert attrs["INFO1"].variable is False
    assert attrs["WHISHETN"].required is True
    assert attrs["WHISHETN"].values == (("123", "Ford"), ("124", "Chrysler"))
    assert attrs["COLOURS"].datatype == "multivaluelist"
    assert attrs["COLOURS"].values == (("r", "Red"), ("g", "g"))  # no name: the key is shown
    assert {a.datatype for a in definition.attributes} == {
        "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}  # fmt: skip


def test_definition_without_attributes_wrapper() -> None:
    definition = p.parse_definition(body("definition_no_wrapper.xml"), "xml")
    assert definition.service_code == "22"
    danger, dogs = definition.attributes
    assert danger.values == (("yes", "Да"), ("no", "Не"))
    assert dogs.datatype == "number" and dogs.required and dogs.values == ()


@pytest.mark.parametrize("name", ["requests_spec.xml", "requests_spec.json"])
def test_requests_from_the_spec(name: str) -> None:
    closed, opened = p.parse_requests(body(name), name.rsplit(".", 1)[1], SOFIA)
    assert closed.service_request_id == "638344" and closed.is_closed
    assert closed.address_id == "545483" and closed.zipcode == "94122"
    assert closed.lat == pytest.approx(37.762221815) and closed.long == pytest.approx(-122.4651145)
    minus8 = timezone(timedelta(hours=-8))
    assert closed.requested_datetime == datetime(2010, 4, 14, 6, 37, 38, tzinfo=minus8)
    assert closed.description == "" and closed.agency_responsible == ""
    assert not closed.offset_guessed
    assert opened.status == "open" and opened.status_notes == "" and opened.media_url == ""


def test_requests_deviations() -> None:
    a, b, c = p.parse_requests(body("requests_deviations.json"), "json", SOFIA)
    assert a.service_request_id == "007" and a.status == "open"
    assert a.status_notes == "Приет"
    assert a.service_name == "Дупки & неравности" and a.description == "Пред блок 5 – вход А"
    assert (a.lat, a.long) == (42.6977, 23.3219)  # strings, decimal comma
    assert a.requested_datetime == datetime(2026, 3, 15, 9, 30, tzinfo=SOFIA)
    assert a.requested_datetime.utcoffset() == timedelta(hours=2)
    assert a.offset_guessed and a.updated_datetime is None and a.expected_datetime is None
    assert b.service_request_id == "СОА26-КЦ01-12345"
    assert b.requested_datetime == datetime(2026, 3, 15, 9, 30, 0, 123456, tzinfo=timezone.utc)
    assert b.updated_datetime == datetime(2026, 3, 16, 8, 0, tzinfo=timezone.utc)
    assert b.expected_datetime is None and not b.offset_guessed
    assert b.lat is None and b.long is None
    assert c.service_request_id == "12345678901234567890"  # exact, never a float
    assert c.requested_datetime is None and c.lat is None and c.long is None


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("requests_empty.json", "json"), ("requests_empty_root.xml", "xml"),
     ("requests_whitespace.xml", "xml")],
)  # fmt: skip
def test_empty_results(name: str, fmt: str) -> None:
    assert p.parse_requests(body(name), fmt) == []
    assert p.parse_services(body(name), fmt) == []


def test_one_object_instead_of_a_list() -> None:
    (one,) = p.parse_requests(body("request_one_object.xml"), "xml")
    assert one.service_request_id == "2026-000123"


def test_post_reply_with_id_or_token() -> None:
    result = p.parse_post_reply(body("post_id.json"), "json")
    assert result.service_request_id == "2026-000123" and not result.pending
    assert result.service_notice.startswith("Ще бъде") and result.account_id == ""
    token = p.parse_post_reply(body("post_token.xml"), "xml")
    assert token.token == "12345" and token.service_request_id == "" and not token.pending


def test_post_reply_with_neither_id_nor_token_is_a_failure() -> None:
    with pytest.raises(PortalReplyInvalid):
        p.parse_post_reply(body("post_neither.json"), "json", 201, "realtime")
    with pytest.raises(PortalReplyInvalid):
        p.parse_post_reply(b"[]", "json", 200, "batch")


def test_post_reply_pending_only_when_explicit() -> None:
    assert p.parse_post_reply(body("post_neither.json"), "json", 200, "blackbox").pending
    assert p.parse_post_reply(b"", "json", 202, "realtime").pending
    assert p.parse_post_reply(body("post_queued.json"), "json", 200, "realtime").pending


def test_token_lookup() -> None:
    found = p.parse_token(body("token.xml"), "xml")
    assert (found.service_request_id, found.token) == ("SR-00042a", "12345")
    assert p.parse_token(body("token_pending.json"), "json").service_request_id == ""


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("invalid_leading_zero.json", "json"), ("invalid_nan.json", "json"),
     ("invalid_truncated.json", "json"), ("invalid_truncated.xml", "xml"),
     ("doctype_billion.xml", "xml"), ("error_html.html", "json"), ("error_html.html", "xml")],
)  # fmt: skip
def test_unreadable_bodies_fail_cleanly(name: str, fmt: str) -> None:
    with pytest.raises(PortalReplyInvalid):
        p.parse_requests(body(name), fmt)


def test_utf16_doctype_is_refused_too() -> None:
    payload = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    with pytest.raises(PortalReplyInvalid):
        p.load(payload.encode("utf-16"), "xml")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("error_403.xml", "403 Invalid api_key received"),
     ("error_lone.xml", "service_code not found"),
     ("error_404.json", "404 service_request_id 99 not found"),
     ("error_contradicting.json", "It says 500"), ("error_html.html", "502 Bad Gateway"),
     ("error_plain.txt", "Service Unavailable - Zero size object"),
     ("error_malformed.xml", "unclosed")],
)  # fmt: skip
def test_error_bodies_are_described(name: str, expected: str) -> None:
    assert expected in p.describe_error(body(name))


@pytest.mark.parametrize("name", ["discovery.xml", "discovery.json"])
def test_discovery(name: str) -> None:
    found = p.parse_discovery(body(name), name.rsplit(".", 1)[1])
    assert found.changeset == "2011-04-05T17:48:34Z"
    assert found.endpoints[0].specification == "http://wiki.open311.org/GeoReport_v2"
    assert "text/xml" in found.endpoints[-1].formats


@pytest.mark.parametrize(
    ("text", "expected", "guessed"),
    [("2026-03-15T09:30:00+02:00", datetime(2026, 3, 15, 7, 30, tzinfo=timezone.utc), False),
     ("2026-03-15T09:30:00Z", datetime(2026, 3, 15, 9, 30, tzinfo=timezone.utc), False),
     ("2026-03-15T09:30:00.5-0100", datetime(2026, 3, 15, 10, 30, 0, 500000, timezone.utc),
      False),
     ("2026-07-15T09:30", datetime(2026, 7, 15, 6, 30, tzinfo=timezone.utc), True),
     ("2026-07-15", datetime(2026, 7, 14, 21, 0, tzinfo=timezone.utc), True),
     ("", None, False), ("yesterday", None, False), ("2026-02-30T00:00:00Z", None, False)],
)  # fmt: skip
def test_datetimes(text: str, expected: datetime | None, guessed: bool) -> None:
    parsed, missing = p.parse_datetime(text, SOFIA)
    assert parsed == expected and missing is guessed


PARSERS = [p.parse_services, p.parse_definition, p.parse_requests, p.parse_post_reply,
           p.parse_token, p.parse_discovery]  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(["service_code", "service_request_id", "token", "lat", "values", "key",
                         "datatype", "code", "attributes", "requested_datetime", "keywords",
                         "url", "formats", "status", "x"]) | st.text(max_size=5),
        children, max_size=5),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["json", "xml"]))
def test_no_bytes_raise_anything_but_a_domain_error(raw: bytes, fmt: str) -> None:
    for parse in PARSERS:
        with contextlib.suppress(PortalError):
            parse(raw, fmt)
    assert isinstance(p.describe_error(raw), str)
    assert isinstance(error_reply(raw, fmt), str)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_shape_gives_models_or_a_domain_error(value: object) -> None:
    import json

    raw = json.dumps(value).encode()
    for parse in PARSERS:
        with contextlib.suppress(PortalError):
            parse(raw, "json")


xml_names = st.sampled_from(["service", "request", "service_code", "service_request_id", "token",
                             "attribute", "values", "value", "key", "name", "datatype", "lat",
                             "requested_datetime", "keywords", "url"])  # fmt: skip


@st.composite
def xml_docs(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(xml_names)
    if depth > 3 or draw(st.booleans()):
        text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
                            max_size=12))  # fmt: skip
        from xml.sax.saxutils import escape

        return f"<{name}>{escape(text)}</{name}>"
    children = draw(st.lists(xml_docs(depth + 1), max_size=4))  # type: ignore[call-arg]
    return f"<{name}>{''.join(children)}</{name}>"


@settings(max_examples=150, deadline=None)
@given(xml_docs())
def test_any_xml_shape_gives_models_or_a_domain_error(doc: str) -> None:
    for parse in PARSERS:
        with contextlib.suppress(PortalError):
            parse(doc.encode(), "xml")


@pytest.mark.parametrize(
    ("raw", "fmt", "says"),
    [(body("error_403.xml"), "xml", "Invalid api_key"), (body("error_lone.xml"), "xml", "400"),
     (body("error_404.json"), "json", "not found"),
     (body("error_contradicting.json"), "json", "It says 500"),
     (b'{"error": "quota exceeded"}', "json", "quota exceeded")],
)  # fmt: skip
def test_error_lists_in_a_successful_reply_are_recognised(raw: bytes, fmt: str, says: str) -> None:
    assert says in error_reply(raw, fmt)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("services_spec.json", "json"), ("services_spec.xml", "xml"), ("requests_empty.json", "json"),
     ("requests_empty_root.xml", "xml"), ("post_id.json", "json"), ("token.xml", "xml"),
     ("discovery.json", "json"), ("error_html.html", "json")],
)  # fmt: skip
def test_data_is_not_mistaken_for_an_error_list(name: str, fmt: str) -> None:
    assert error_reply(body(name), fmt) == ""
