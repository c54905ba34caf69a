"""The practice portal's transport feeds: the sample GTFS zip and made-up live delays.

`/gtfs/static.zip` zips the bundled sample CSVs on the fly. `/gtfs/trip-updates` is a
GTFS-realtime FeedMessage computed from that timetable for the next hour, with small delays that
change every few minutes and the odd cancelled run, so trainers can show "live" departures with
no network. Everything here is sample data; stop names say "(пример)".
"""

from __future__ import annotations

import functools
import hashlib
import io
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from google.transit import gtfs_realtime_pb2
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.services.nearby.gtfs import load_timetable

DATA_DIR = Path(__file__).resolve().parent / "data" / "gtfs"
# The sample stops lie around the sample kiosk; this radius takes in every one of them.
SAMPLE_CENTRE = (42.6977, 23.3219)
WHOLE_FEED_M = 20_000


@functools.lru_cache(maxsize=4)
def static_zip(data_dir: Path = DATA_DIR) -> bytes:
    """The sample feed as a GTFS zip (deterministic bytes: fixed member order and dates)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(data_dir.glob("*.txt")):
            info = zipfile.ZipInfo(path.name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    return buffer.getvalue()


@functools.lru_cache(maxsize=4)
def _timetable(data_dir: Path) -> Any:
    """Loaded once: rebuilding it for every request stalled the kiosk's loop by ~90 ms."""
    return load_timetable(static_zip(data_dir), *SAMPLE_CENTRE, WHOLE_FEED_M)


def _roll(*parts: str) -> int:
    return int.from_bytes(hashlib.blake2s("|".join(parts).encode(), digest_size=4).digest(), "big")


def trip_updates(now: float | None = None, data_dir: Path = DATA_DIR) -> bytes:
    """A FeedMessage for trips departing in the next hour: delays of −30 s to +4 min, and about
    one run in twenty cancelled. The same trip gets the same delay for ten minutes at a time."""
    now = time.time() if now is None else now
    timetable = _timetable(data_dir)
    moment = datetime.fromtimestamp(now, timezone.utc)
    upcoming = timetable.departures(moment, 60)
    feed = gtfs_realtime_pb2.FeedMessage()
    feed.header.gtfs_realtime_version = "2.0"
    feed.header.incrementality = gtfs_realtime_pb2.FeedHeader.FULL_DATASET
    feed.header.timestamp = int(now)
    epoch = str(int(now) // 600)
    by_trip: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for dep in upcoming:
        by_trip.setdefault((dep.trip_id, dep.service_date), []).append(
            (dep.stop_sequence, dep.stop_id)
        )
    for (trip_id, service_date), stops in sorted(by_trip.items()):
        entity = feed.entity.add()
        entity.id = f"{trip_id}-{service_date}"
        update = entity.trip_update
        update.trip.trip_id = trip_id
        update.trip.start_date = service_date
        if _roll(trip_id, service_date, "cancel") % 20 == 0:
            update.trip.schedule_relationship = gtfs_realtime_pb2.TripDescriptor.CANCELED
            continue
        delay = _roll(trip_id, service_date, epoch) % 271 - 30
        first_seq, first_stop = min(stops)
        stu = update.stop_time_update.add()
        stu.stop_sequence = first_seq
        stu.stop_id = first_stop
        stu.departure.delay = delay  # carried to the later stops, as the spec says
    data: bytes = feed.SerializeToString()
    return data


async def _static(request: Request) -> Response:
    return Response(
        static_zip(),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="gtfs-sample.zip"'},
    )


async def _trip_updates(request: Request) -> Response:
    return Response(trip_updates(), media_type="application/x-protobuf")


routes = [
    Route("/gtfs/static.zip", _static, methods=["GET"]),
    Route("/gtfs/trip-updates", _trip_updates, methods=["GET"]),
]
