"""Static GTFS: read the stops near the kiosk and their timetable out of a feed's zip.

A city feed is large (Sofia: ~19 MB zipped, ~1.5 M stop_times) and the kiosk needs a sliver of
it. The CSVs are streamed out of the zip one row at a time and only rows that touch a stop within
the radius are kept: the stops first, then their stop_times, then only those trips, routes and
services. The result, a `Timetable`, is small; it is what the cache stores (as JSON).

Rows that cannot be read (a bad time, a bad coordinate, a trip missing from trips.txt) are
skipped and counted in the log; a feed that is not a zip, lacks a required file or column, or is
truncated raises FeedInvalid, a PortalReplyInvalid, so callers treat it like any bad reply.

A hostile or broken feed fails fast and small (`FeedLimits`): a member that unpacks to more than
its cap (a zip bomb: 2 GB of newlines in 1.9 MB), more rows than a city has, more departures at
the kiosk's stops than a day can hold, an encrypted member, or a read that takes too long are
each FeedInvalid, checked as the rows stream, never after the memory is gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import logging
import math
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kiosk.core.portal import distance_m
from kiosk.services.nearby.gtfs_realtime import RealtimeFeed, RealtimeInvalid, parse_trip_updates
from kiosk.services.nearby.gtfs_timetable import (
    Departure,
    FeedInvalid,
    Stop,
    Timetable,
    mode_of,
    painted_code,
    parse_time,
)

__all__ = [
    "Departure",
    "FeedInvalid",
    "RealtimeFeed",
    "RealtimeInvalid",
    "Stop",
    "Timetable",
    "load_timetable",
    "load_timetable_async",
    "mode_of",
    "painted_code",
    "parse_trip_updates",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedLimits:
    """How much a feed may make the kiosk read. A city's feed is far inside every one (Sofia:
    ~75 MB of stop_times.txt, 1.5 M rows, a few thousand departures near a kiosk)."""

    member_bytes: int = 512 * 2**20  # unpacked size of one CSV
    member_rows: int = 10_000_000
    kept_departures: int = 500_000  # stop_times rows at the stops near the kiosk
    seconds: float = 120.0  # the whole read


class _Budget:
    """Counts rows as they stream and stops the read once a limit is passed."""

    def __init__(self, limits: FeedLimits) -> None:
        self.limits = limits
        self._deadline = time.monotonic() + limits.seconds

    def rows(self, member: str, reader: Iterator[list[str]]) -> Iterator[list[str]]:
        for count, row in enumerate(reader, 1):
            if count % 65536 == 0:
                self.check_time()
            if count > self.limits.member_rows:
                raise FeedInvalid(f"{member} has more than {self.limits.member_rows} rows")
            yield row
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise FeedInvalid(f"reading the timetable took over {self.limits.seconds:g} s")


def _check_members(zf: zipfile.ZipFile, limits: FeedLimits) -> None:
    """Refuse what the zip's directory already gives away (the sizes it declares bound what
    zipfile will unpack: a member that inflates past its declared size fails its CRC check)."""
    for info in zf.infolist():
        if info.flag_bits & 0x1:
            raise FeedInvalid(f"{info.filename} is encrypted")
        if info.filename.endswith(".txt") and info.file_size > limits.member_bytes:
            raise FeedInvalid(
                f"{info.filename} unpacks to {info.file_size} bytes, over the"
                f" {limits.member_bytes} a timetable may use"
            )


def load_timetable(
    source: bytes | Path | BinaryIO,
    lat: float,
    lon: float,
    radius_m: float,
    limits: FeedLimits | None = None,
) -> Timetable:
    """The stops within `radius_m` of (lat, lon) and everything needed for their departures."""
    budget = _Budget(limits or FeedLimits())
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FeedInvalid(f"the timetable is not a zip file: {exc}") from None
    with zf:
        _check_members(zf, budget.limits)
        members = {Path(info.filename).name: info.filename for info in zf.infolist()}
        for required in ("stops.txt", "stop_times.txt", "trips.txt", "routes.txt"):
            if required not in members:
                raise FeedInvalid(f"the timetable has no {required}")
        if "calendar.txt" not in members and "calendar_dates.txt" not in members:
            raise FeedInvalid("the timetable has neither calendar.txt nor calendar_dates.txt")

        def rows(name: str, *columns: str, optional: tuple[str, ...] = ()) -> Iterator[list[str]]:
            return _rows(zf, members[name], columns, optional, budget)

        stops = _near_stops(rows("stops.txt", "stop_id", "stop_lat", "stop_lon",
                                 optional=("stop_code", "stop_name", "location_type")),
                            lat, lon, radius_m)  # fmt: skip
        times: dict[str, list[tuple[int, str, int]]] = {stop_id: [] for stop_id in stops}
        trip_ids: dict[str, str] = {}  # one string object per trip id, however many rows
        last_seq: dict[str, int] = {}  # a trip's final stop is an arrival: nobody boards there
        bad = near = 0
        most = budget.limits.kept_departures
        # The hot loop (≈1.5 M rows in a city feed) indexes the raw CSV rows directly.
        with _reading(members["stop_times.txt"]), zf.open(members["stop_times.txt"]) as raw:
            reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
            header = [h.strip() for h in next(reader, [])]
            ti, si, qi = _indices(members["stop_times.txt"], header, "trip_id", "stop_id",
                                  "stop_sequence")  # fmt: skip
            di = header.index("departure_time") if "departure_time" in header else -1
            ai = header.index("arrival_time") if "arrival_time" in header else -1
            if di < 0 and ai < 0:
                raise FeedInvalid("stop_times.txt has neither departure_time nor arrival_time")
            for row in budget.rows(members["stop_times.txt"], reader):
                try:
                    trip_id, number = row[ti], int(row[qi])
                except (IndexError, ValueError):
                    bad += bool(row)
                    continue
                if number > last_seq.get(trip_id, -1):
                    last_seq[trip_id] = number
                stop_times = times.get(row[si])
                if stop_times is None:
                    continue
                text = row[di] if 0 <= di < len(row) else ""
                seconds = parse_time(text or (row[ai] if 0 <= ai < len(row) else ""))
                if seconds is None:
                    bad += 1
                    continue
                stop_times.append((seconds, trip_ids.setdefault(trip_id, trip_id), number))
                near += 1
                if near > most:
                    raise FeedInvalid(f"over {most} departures at the stops near the kiosk")

        trips: dict[str, tuple[str, str, str]] = {}
        for trip_id, route_id, service_id, headsign in rows(
            "trips.txt", "trip_id", "route_id", "service_id", optional=("trip_headsign",)
        ):
            if trip_id in trip_ids:
                trips[trip_ids[trip_id]] = (route_id, service_id, headsign.strip())
        routes: dict[str, tuple[str, int]] = {}
        long_names: dict[str, str] = {}
        needed_routes = {route_id for route_id, _, _ in trips.values()}
        for route_id, short, long_name, kind in rows(
            "routes.txt", "route_id", optional=("route_short_name", "route_long_name", "route_type")
        ):
            if route_id in needed_routes:
                route_type = int(kind) if kind.strip().isdigit() else 3
                routes[route_id] = ((short or long_name).strip() or route_id, route_type)
                long_names[route_id] = long_name.strip()
        services = {service_id for _, service_id, _ in trips.values()}
        weekly: dict[str, tuple[str, str, str]] = {}
        if "calendar.txt" in members:
            days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            for service_id, *flags, start, end in rows(
                "calendar.txt", "service_id", *days, "start_date", "end_date"
            ):
                if service_id in services:
                    mask = "".join("1" if f.strip() == "1" else "0" for f in flags)
                    weekly[service_id] = (mask, start.strip(), end.strip())
        exceptions: dict[str, dict[str, int]] = {}
        if "calendar_dates.txt" in members:
            for service_id, day, kind in rows(
                "calendar_dates.txt", "service_id", "date", "exception_type"
            ):
                if service_id in services and kind.strip() in ("1", "2"):
                    exceptions.setdefault(service_id, {})[day.strip()] = int(kind)

    missing = sum(1 for trip_id in trip_ids if trip_id not in trips)
    if missing:
        log.warning("timetable: %d trips near the kiosk are missing from trips.txt", missing)
    for stop_id, stop_rows in times.items():
        rows_kept = [row for row in stop_rows if row[1] in trips and row[2] != last_seq[row[1]]]
        rows_kept.sort()
        times[stop_id] = rows_kept
    for trip_id, (route_id, service_id, headsign) in trips.items():
        if not headsign:  # headsign is optional; the route's long name is the best stand-in
            trips[trip_id] = (route_id, service_id, long_names.get(route_id, ""))
    if bad:
        log.warning("timetable: skipped %d unusable stop_times rows near the kiosk", bad)
    log.info("timetable: %d stops, %d trips near the kiosk", len(stops), len(trips))
    return Timetable(stops, times, trips, routes, weekly, exceptions)


def _near_stops(
    rows: Iterator[list[str]], lat: float, lon: float, radius_m: float
) -> dict[str, Stop]:
    # A cheap box test in degrees first; the great-circle distance only for stops inside it.
    dlat = radius_m / 111_000.0
    dlon = radius_m / (111_000.0 * max(0.01, math.cos(math.radians(lat))))
    stops: dict[str, Stop] = {}
    readable = 0
    for stop_id, s_lat, s_lon, code, name, location_type in rows:
        try:
            y, x = float(s_lat), float(s_lon)
        except ValueError:
            continue
        readable += 1
        if location_type.strip() not in ("", "0") or abs(y - lat) > dlat or abs(x - lon) > dlon:
            continue
        distance = distance_m(lat, lon, y, x)
        if distance <= radius_m:
            stops[stop_id] = Stop(stop_id, painted_code(stop_id, code), name.strip(), y, x,
                                  round(distance, 1))  # fmt: skip
    if not readable:
        raise FeedInvalid("the timetable's stops.txt has no usable stop")
    return dict(sorted(stops.items(), key=lambda item: item[1].distance_m))  # nearest first


def _indices(member: str, header: list[str], *columns: str) -> list[int]:
    missing = [c for c in columns if c not in header]
    if missing:
        raise FeedInvalid(f"{member} lacks the column(s) {', '.join(missing)}")
    return [header.index(c) for c in columns]


@contextlib.contextmanager
def _reading(member: str) -> Iterator[None]:
    """Turn every way a zip member can fail to read into FeedInvalid."""
    try:
        yield
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, csv.Error, zlib.error,
            NotImplementedError, KeyError, RuntimeError) as exc:  # fmt: skip
        # RuntimeError: zipfile's "encrypted, password required" (and its other refusals)
        raise FeedInvalid(f"{member} cannot be read: {exc}") from None


def _rows(
    zf: zipfile.ZipFile,
    member: str,
    columns: tuple[str, ...],
    optional: tuple[str, ...],
    budget: _Budget,
) -> Iterator[list[str]]:
    """Rows of one CSV as lists in the order of `columns` + `optional` ("" when absent)."""
    with _reading(member), zf.open(member) as raw:
        reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        header = [h.strip() for h in next(reader, [])]
        index = _indices(member, header, *columns)
        extra = [header.index(c) if c in header else -1 for c in optional]
        width = len(header)
        for row in budget.rows(member, reader):
            if len(row) < width:
                if not row:
                    continue
                row = row + [""] * (width - len(row))
            yield [row[i] for i in index] + [row[i] if i >= 0 else "" for i in extra]


async def load_timetable_async(
    source: bytes | Path | BinaryIO,
    lat: float,
    lon: float,
    radius_m: float,
    limits: FeedLimits | None = None,
) -> Timetable:
    """`load_timetable` on a worker thread: a city feed takes seconds to read."""
    return await asyncio.to_thread(load_timetable, source, lat, lon, radius_m, limits)
