"""GTFS on the sample feed: nearby stops, departures by the calendar, live delays, bad feeds."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from datetime import datetime, timezone

import httpx
import pytest
from google.transit import gtfs_realtime_pb2
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.practice_portal import gtfs_routes
from kiosk.services.nearby.gtfs import (
    FeedInvalid,
    RealtimeInvalid,
    Timetable,
    load_timetable,
    painted_code,
    parse_trip_updates,
)
from kiosk.services.nearby.gtfs_timetable import SOFIA

KIOSK = (42.6977, 23.3219)
DATA = gtfs_routes.DATA_DIR


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def sample() -> Timetable:
    return load_timetable(gtfs_routes.static_zip(), *KIOSK, 700)


def feed_zip(changes: dict[str, str | None]) -> bytes:
    """The sample feed with some members replaced (text) or left out (None)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(DATA.glob("*.txt")):
            text = changes.get(path.name, path.read_text(encoding="utf-8"))
            if text is not None:
                zf.writestr(path.name, text)
    return buffer.getvalue()


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=SOFIA)


def test_only_stops_within_the_radius_nearest_first(sample: Timetable) -> None:
    stops = list(sample.stops.values())
    assert all(s.distance_m <= 700 for s in stops)
    assert [s.distance_m for s in stops] == sorted(s.distance_m for s in stops)
    names = {s.name for s in stops}
    assert all(n.endswith("(пример)") for n in names)
    assert not any("Ябълково" in n or "Примерно село" in n for n in names)
    # Stops without stop_code show the painted code from their prefixed stop_id.
    assert sample.stops["A0102"].code == "0102" and sample.stops["TB0102"].code == "0102"
    small = load_timetable(gtfs_routes.static_zip(), *KIOSK, 100)
    assert set(small.stops) < set(sample.stops)


def test_painted_code_strips_the_mode_prefix() -> None:
    assert painted_code("A0328") == "0328"
    assert painted_code("TB0328") == "0328"
    assert painted_code("TB0328", "0328") == "0328"
    assert painted_code("M-SERDIKA") == "M-SERDIKA"


def test_departures_follow_the_weekday_calendar_and_holidays(sample: Timetable) -> None:
    weekday = sample.departures(at(2026, 3, 4, 8, 0), 30)  # Wednesday
    holiday = sample.departures(at(2026, 3, 3, 8, 0), 30)  # 3 March: Sunday service
    saturday = sample.departures(at(2026, 3, 7, 8, 0), 30)
    assert len(weekday) > len(holiday) == len(saturday) > 0
    assert {d.service_date for d in holiday} == {"20260303"}
    for dep in weekday:
        assert at(2026, 3, 4, 8, 0) <= dep.expected <= at(2026, 3, 4, 8, 30)
        assert not dep.realtime and dep.expected == dep.scheduled
    assert [d.expected for d in weekday] == sorted(d.expected for d in weekday)
    assert {d.mode for d in weekday} == {"bus", "tram", "trolleybus"}


def test_times_past_midnight_belong_to_the_previous_service_day(sample: Timetable) -> None:
    # Monday 00:05: the runs still going are Sunday's (24:xx:xx in the feed).
    after_midnight = sample.departures(at(2026, 11, 30, 0, 5), 20)
    assert after_midnight and {d.service_date for d in after_midnight} == {"20261129"}
    # No service between about 01:00 and 04:55.
    assert sample.departures(at(2026, 11, 30, 2, 0), 60) == []


def test_service_day_is_right_across_the_spring_clock_change(sample: Timetable) -> None:
    # Sofia moves clocks from 03:00 to 04:00 on 29 March 2026 (a Sunday).
    deps = sample.departures(at(2026, 3, 29, 10, 0), 15)
    wall = {(d.expected.hour, d.expected.minute) for d in deps}
    same_week = sample.departures(at(2026, 3, 22, 10, 0), 15)
    assert wall == {(d.expected.hour, d.expected.minute) for d in same_week}


def test_a_trip_does_not_depart_from_its_last_stop(sample: Timetable) -> None:
    deps = sample.departures(at(2026, 3, 4, 7, 0), 120)
    # Tram 10 ends at Градинката (0106) in one direction and Мостът (0108) in the other.
    assert not any(d.route == "10" and d.headsign.startswith("Градинката")
                   and d.stop_code == "0106" for d in deps)  # fmt: skip
    assert any(d.route == "10" and d.stop_code == "0106" for d in deps)


def build_realtime(now: datetime, updates: list[dict[str, object]]) -> bytes:
    feed = gtfs_realtime_pb2.FeedMessage()
    feed.header.gtfs_realtime_version = "2.0"
    feed.header.timestamp = int(now.timestamp())
    for n, spec in enumerate(updates):
        entity = feed.entity.add()
        entity.id = str(n)
        trip = entity.trip_update.trip
        trip.trip_id = str(spec["trip_id"])
        trip.start_date = str(spec.get("start_date", ""))
        if spec.get("cancelled"):
            trip.schedule_relationship = gtfs_realtime_pb2.TripDescriptor.CANCELED
        for seq, kind, value in spec.get("stops", []):  # type: ignore[attr-defined]
            stu = entity.trip_update.stop_time_update.add()
            stu.stop_sequence = seq
            if kind == "delay":
                stu.departure.delay = value
            elif kind == "time":
                stu.departure.time = value
            else:
                stu.schedule_relationship = stu.SKIPPED
    return feed.SerializeToString()


def test_realtime_delays_times_skips_and_cancellations(sample: Timetable) -> None:
    now = at(2026, 3, 4, 8, 0)
    plain = sample.departures(now, 30)
    picks = [d for d in plain if d.stop_sequence > 1][:4]
    a, b, c, d = picks
    data = build_realtime(now, [
        {"trip_id": a.trip_id, "start_date": "20260304", "stops": [(1, "delay", 180)]},
        {"trip_id": b.trip_id, "stops": [(b.stop_sequence, "time",
                                         int(b.scheduled.timestamp()) + 420)]},
        {"trip_id": c.trip_id, "stops": [(c.stop_sequence, "skip", 0)]},
        {"trip_id": d.trip_id, "cancelled": True},
        {"trip_id": a.trip_id, "start_date": "20260305", "cancelled": True},  # another day
    ])  # fmt: skip
    live = {x.trip_id + x.stop_id: x for x in sample.departures(now, 30, parse_trip_updates(data))}
    got_a = live[a.trip_id + a.stop_id]
    assert got_a.realtime and got_a.delay_seconds == 180 and not got_a.cancelled
    got_b = live[b.trip_id + b.stop_id]
    assert got_b.realtime and got_b.delay_seconds == 420
    assert live[c.trip_id + c.stop_id].skipped
    assert live[d.trip_id + d.stop_id].cancelled
    untouched = [x for x in live.values() if x.trip_id not in {a.trip_id, b.trip_id,
                                                               c.trip_id, d.trip_id}]  # fmt: skip
    assert untouched and not any(x.realtime for x in untouched)


def test_bad_realtime_is_a_domain_error() -> None:
    with pytest.raises(RealtimeInvalid):
        parse_trip_updates(b"<html>502 Bad Gateway</html>")
    with pytest.raises(RealtimeInvalid):
        parse_trip_updates(b"")  # no header


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_realtime_parser_raises_only_domain_errors(data: bytes) -> None:
    with contextlib.suppress(RealtimeInvalid):
        parse_trip_updates(data)


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"stops.txt": None}, "no stops.txt"),
        ({"calendar.txt": None, "calendar_dates.txt": None}, "neither calendar"),
        ({"trips.txt": "trip_id,route_id\nx,y\n"}, "service_id"),
        ({"stops.txt": "stop_id,stop_lat,stop_lon\nA1,north,east\n"}, "no usable stop"),
    ],
)
def test_broken_feeds_give_a_domain_error(changes: dict[str, str | None], why: str) -> None:
    with pytest.raises(FeedInvalid, match=why):
        load_timetable(feed_zip(changes), *KIOSK, 700)


def test_truncated_or_garbage_zip_is_a_domain_error() -> None:
    whole = gtfs_routes.static_zip()
    for data in (whole[: len(whole) // 2], b"PK\x03\x04garbage", "Ñ".encode() * 99):
        with pytest.raises(FeedInvalid):
            load_timetable(data, *KIOSK, 700)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for path in DATA.glob("*.txt"):
            body = path.read_bytes() if path.name != "stops.txt" else b"stop_id\nA\xff\xfe1\n"
            zf.writestr(path.name, body)
    with pytest.raises(FeedInvalid, match="cannot be read"):
        load_timetable(buffer.getvalue(), *KIOSK, 700)


def test_unreadable_rows_are_skipped_not_fatal() -> None:
    times = (DATA / "stop_times.txt").read_text(encoding="utf-8").splitlines()
    broken = [times[0], "X1,25:61:00,xx,A0101,1", "X2,08:00:00,08:00:00,A0101,one", *times[1:]]
    table = load_timetable(feed_zip({"stop_times.txt": "\n".join(broken)}), *KIOSK, 700)
    assert table.departures(at(2026, 3, 4, 8, 0), 30)


def test_timetable_survives_the_cache_as_json(sample: Timetable) -> None:
    copy = Timetable.from_json(json.loads(json.dumps(sample.to_json())))
    now = at(2026, 3, 4, 17, 40)
    assert copy.departures(now, 30) == sample.departures(now, 30)


@pytest.mark.anyio
async def test_practice_routes_serve_the_zip_and_live_delays() -> None:
    from starlette.applications import Starlette

    app = Starlette(routes=gtfs_routes.routes)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://practice") as client:
        static = await client.get("/gtfs/static.zip")
        live = await client.get("/gtfs/trip-updates")
    assert static.headers["content-type"] == "application/zip"
    assert live.headers["content-type"] == "application/x-protobuf"
    table = load_timetable(static.content, *KIOSK, 700)
    feed = parse_trip_updates(live.content)
    now = datetime.now(timezone.utc)
    assert abs(feed.timestamp - now.timestamp()) < 60
    deps = table.departures(now, 30, feed)
    if deps:  # the sample has no service at night
        assert any(d.realtime for d in deps)
        for d in deps:
            assert d.cancelled or -30 <= d.delay_seconds <= 240
    at_rush_hour = parse_trip_updates(gtfs_routes.trip_updates(at(2026, 3, 4, 8, 0).timestamp()))
    rush = table.departures(at(2026, 3, 4, 8, 0), 30, at_rush_hour)
    assert sum(d.realtime for d in rush) > len(rush) // 2


SAMPLE_ZIP = gtfs_routes.static_zip()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(SAMPLE_ZIP) - 1),
    st.binary(min_size=1, max_size=8),
    st.booleans(),
)
def test_damaged_zip_gives_a_timetable_or_a_domain_error(
    at_byte: int, junk: bytes, cut: bool
) -> None:
    data = (
        SAMPLE_ZIP[:at_byte]
        if cut
        else SAMPLE_ZIP[:at_byte] + junk + SAMPLE_ZIP[at_byte + len(junk) :]
    )
    with contextlib.suppress(FeedInvalid):
        load_timetable(data, *KIOSK, 700)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=400))
def test_garbage_csv_gives_a_timetable_or_a_domain_error(text: str) -> None:
    for member in ("stops.txt", "stop_times.txt", "trips.txt", "calendar.txt"):
        with contextlib.suppress(FeedInvalid):
            load_timetable(feed_zip({member: text}), *KIOSK, 700)
