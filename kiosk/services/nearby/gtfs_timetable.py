"""The timetable around the kiosk (a slice of a GTFS feed) and its next departures.

Times are seconds from "noon minus 12 h" of the service day (the GTFS rule, right across the
daylight-saving change), so 25:10:00 is 1:10 the next morning of the same service day. The
service day is the date in Europe/Sofia. Frequencies-based trips are not supported.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.errors import PortalReplyInvalid
from kiosk.i18n import N_
from kiosk.services.nearby.gtfs_realtime import RealtimeFeed, expected_time

log = logging.getLogger(__name__)
SOFIA = ZoneInfo("Europe/Sofia")
# How late a scheduled departure may be and still be coming (only matters with live delays).
LOOKBACK_S = 30 * 60
_TIME = re.compile(r"\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*")
_PREFIXED_CODE = re.compile(r"[A-Za-z]*(\d+)")
_MODES = {0: "tram", 1: "metro", 2: "rail", 3: "bus", 11: "trolleybus"}


class FeedInvalid(PortalReplyInvalid):
    """The timetable file is not a usable GTFS feed."""

    # TRANSLATORS: the bus and tram timetable could not be read.
    message = N_("The timetable cannot be read right now, so departures cannot be shown.")


@dataclass(frozen=True)
class Stop:
    stop_id: str
    code: str  # the painted code, e.g. "0328"
    name: str
    lat: float
    lon: float
    distance_m: float


@dataclass(frozen=True)
class Departure:
    stop_id: str
    stop_code: str
    stop_name: str
    route: str  # short name, e.g. "94"
    mode: str  # bus, tram, trolleybus, metro, rail, other
    headsign: str
    scheduled: datetime
    expected: datetime  # = scheduled unless realtime says otherwise
    realtime: bool  # expected comes from live data
    cancelled: bool = False
    skipped: bool = False
    trip_id: str = ""
    stop_sequence: int = 0
    service_date: str = ""  # YYYYMMDD, as GTFS-realtime's start_date

    @property
    def delay_seconds(self) -> int:
        return int((self.expected - self.scheduled).total_seconds())


def painted_code(stop_id: str, stop_code: str = "") -> str:
    """The code painted at the stop: stop_code, else stop_id without its mode prefix."""
    code = stop_code.strip() or stop_id.strip()
    match = _PREFIXED_CODE.fullmatch(code)
    return match.group(1) if match else code


def mode_of(route_type: int) -> str:
    if route_type in _MODES:
        return _MODES[route_type]
    # Extended route types (Google's HVT): 700s bus, 800 trolleybus, 900s tram, 400s metro.
    return {7: "bus", 8: "trolleybus", 9: "tram", 4: "metro", 1: "rail"}.get(
        route_type // 100, "other"
    )


def parse_time(text: str) -> int | None:
    match = _TIME.fullmatch(text)
    if not match:
        return None
    h, m, s = (int(g) for g in match.groups())
    return h * 3600 + m * 60 + s


class Timetable:
    """The part of a feed around one place. Build with `load_timetable`; JSON via to/from_json."""

    def __init__(
        self,
        stops: dict[str, Stop],
        times: dict[str, list[tuple[int, str, int]]],  # stop_id -> sorted (dep_s, trip, seq)
        trips: dict[str, tuple[str, str, str]],  # trip_id -> (route_id, service_id, headsign)
        routes: dict[str, tuple[str, int]],  # route_id -> (short name, route_type)
        weekly: dict[str, tuple[str, str, str]],  # service_id -> (weekday mask, start, end)
        exceptions: dict[str, dict[str, int]],  # service_id -> {YYYYMMDD: 1 added / 2 removed}
    ) -> None:
        self.stops, self.times, self.trips, self.routes = stops, times, trips, routes
        self.weekly, self.exceptions = weekly, exceptions
        self._keys = {stop: [t[0] for t in rows] for stop, rows in times.items()}

    def runs_on(self, service_id: str, day: date) -> bool:
        ymd = day.strftime("%Y%m%d")
        exception = self.exceptions.get(service_id, {}).get(ymd)
        if exception is not None:
            return exception == 1
        weekly = self.weekly.get(service_id)
        if weekly is None:
            return False
        mask, start, end = weekly
        return start <= ymd <= end and mask[day.weekday()] == "1"

    def departures(
        self,
        now: datetime,
        window_minutes: int,
        realtime: RealtimeFeed | None = None,
        stop_ids: list[str] | None = None,
    ) -> list[Departure]:
        """Departures from the stops (default: all kept) between now and now + window."""
        now_ts = int(now.timestamp())
        horizon = now_ts + window_minutes * 60
        local_day = now.astimezone(SOFIA).date()
        found: list[Departure] = []
        # Yesterday's service day still runs after midnight (times past 24:00:00).
        for day in (local_day - timedelta(days=1), local_day):
            base = _service_day_origin(day)
            ymd = day.strftime("%Y%m%d")
            active: dict[str, bool] = {}
            for stop_id in stop_ids if stop_ids is not None else list(self.stops):
                rows, keys = self.times.get(stop_id, []), self._keys.get(stop_id, [])
                for dep_s, trip_id, seq in rows[bisect_left(keys, now_ts - LOOKBACK_S - base) :]:
                    scheduled = base + dep_s
                    if scheduled > horizon:
                        break
                    service_id = self.trips[trip_id][1]
                    if service_id not in active:
                        active[service_id] = self.runs_on(service_id, day)
                    if not active[service_id]:
                        continue
                    dep = self._departure(stop_id, trip_id, seq, scheduled, ymd, realtime)
                    if dep is not None and now_ts <= dep.expected.timestamp() <= horizon:
                        found.append(dep)
        found.sort(key=lambda d: (d.expected, d.route, d.stop_code))
        return found

    def _departure(
        self,
        stop_id: str,
        trip_id: str,
        seq: int,
        scheduled: int,
        ymd: str,
        realtime: RealtimeFeed | None,
    ) -> Departure | None:
        route_id, _service, headsign = self.trips[trip_id]
        short_name, route_type = self.routes.get(route_id, (route_id, 3))
        expected, live, cancelled, skipped = scheduled, False, False, False
        update = realtime.for_trip(trip_id, ymd) if realtime is not None else None
        if update is not None:
            if update.cancelled:
                live = cancelled = True
            else:
                when, skipped = expected_time(update, stop_id, seq, scheduled)
                live = skipped or when is not None
                expected = when if when is not None else scheduled
        stop = self.stops[stop_id]
        return Departure(
            stop_id=stop_id,
            stop_code=stop.code,
            stop_name=stop.name,
            route=short_name,
            mode=mode_of(route_type),
            headsign=headsign,
            scheduled=datetime.fromtimestamp(scheduled, SOFIA),
            expected=datetime.fromtimestamp(expected, SOFIA),
            realtime=live,
            cancelled=cancelled,
            skipped=skipped,
            trip_id=trip_id,
            stop_sequence=seq,
            service_date=ymd,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "stops": [
                [s.stop_id, s.code, s.name, s.lat, s.lon, s.distance_m] for s in self.stops.values()
            ],
            "times": self.times,
            "trips": self.trips,
            "routes": self.routes,
            "weekly": self.weekly,
            "exceptions": self.exceptions,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Timetable:
        stops = {row[0]: Stop(*row) for row in data["stops"]}
        return cls(
            stops,
            {k: [tuple(r) for r in v] for k, v in data["times"].items()},
            {k: tuple(v) for k, v in data["trips"].items()},
            {k: (v[0], int(v[1])) for k, v in data["routes"].items()},
            {k: tuple(v) for k, v in data["weekly"].items()},
            data["exceptions"],
        )


def _service_day_origin(day: date) -> int:
    """Epoch seconds of "noon minus 12 h" of a service day in Sofia (GTFS reference time)."""
    noon = datetime.combine(day, time(12), SOFIA)
    return int(noon.timestamp()) - 12 * 3600
