"""GTFS-realtime trip updates, parsed from protobuf into what the departures board needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from google.protobuf.message import DecodeError
from google.transit import gtfs_realtime_pb2

from kiosk.core.errors import PortalReplyInvalid
from kiosk.i18n import N_


class RealtimeInvalid(PortalReplyInvalid):
    """The live-delays feed cannot be read; the timetable is shown without it."""

    # TRANSLATORS: live bus delays could not be read; the printed timetable is shown instead.
    message = N_("Live delays are not available right now. The timetable is shown instead.")


@dataclass(frozen=True)
class StopUpdate:
    """One stop_time_update: a delay or an absolute time (epoch seconds), or a skipped stop."""

    stop_sequence: int | None
    stop_id: str
    delay: int | None = None
    time: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class TripUpdate:
    trip_id: str
    start_date: str = ""  # YYYYMMDD of the service day, when the producer says
    cancelled: bool = False
    stops: tuple[StopUpdate, ...] = ()


@dataclass(frozen=True)
class RealtimeFeed:
    timestamp: int
    trips: dict[str, tuple[TripUpdate, ...]] = field(default_factory=dict)

    def for_trip(self, trip_id: str, service_date: str) -> TripUpdate | None:
        """The update for one run of a trip (matching start date, or one that names none)."""
        for update in self.trips.get(trip_id, ()):
            if not update.start_date or update.start_date == service_date:
                return update
        return None


_CANCELED = gtfs_realtime_pb2.TripDescriptor.CANCELED
_SKIPPED = gtfs_realtime_pb2.TripUpdate.StopTimeUpdate.SKIPPED
_NO_DATA = gtfs_realtime_pb2.TripUpdate.StopTimeUpdate.NO_DATA


def parse_trip_updates(data: bytes) -> RealtimeFeed:
    """Read a FeedMessage; entities other than trip updates are ignored. Raises RealtimeInvalid."""
    message = gtfs_realtime_pb2.FeedMessage()
    try:
        message.ParseFromString(data)
    except (DecodeError, ValueError, RuntimeError) as exc:
        raise RealtimeInvalid(f"not a GTFS-realtime message: {exc}") from None
    if not message.HasField("header"):
        raise RealtimeInvalid("GTFS-realtime message without a header")
    trips: dict[str, list[TripUpdate]] = {}
    for entity in message.entity:
        if entity.is_deleted or not entity.HasField("trip_update"):
            continue
        tu = entity.trip_update
        trip_id = tu.trip.trip_id
        if not trip_id:  # updates by route/direction/start time need frequencies: not used
            continue
        stops = []
        for stu in tu.stop_time_update:
            stop_seq = stu.stop_sequence if stu.HasField("stop_sequence") else None
            if stu.schedule_relationship == _NO_DATA:
                continue
            event = stu.departure if stu.HasField("departure") else stu.arrival
            has_event = stu.HasField("departure") or stu.HasField("arrival")
            stops.append(
                StopUpdate(
                    stop_sequence=stop_seq,
                    stop_id=stu.stop_id,
                    delay=event.delay if has_event and event.HasField("delay") else None,
                    time=event.time
                    if has_event and event.HasField("time") and event.time
                    else None,
                    skipped=stu.schedule_relationship == _SKIPPED,
                )
            )
        update = TripUpdate(
            trip_id=trip_id,
            start_date=tu.trip.start_date,
            cancelled=tu.trip.schedule_relationship == _CANCELED,
            stops=tuple(
                sorted(stops, key=lambda s: -1 if s.stop_sequence is None else s.stop_sequence)
            ),
        )
        trips.setdefault(trip_id, []).append(update)
    return RealtimeFeed(
        timestamp=int(message.header.timestamp), trips={k: tuple(v) for k, v in trips.items()}
    )


def expected_time(
    update: TripUpdate, stop_id: str, stop_sequence: int, scheduled: int
) -> tuple[int | None, bool]:
    """The expected epoch time at one stop and whether the stop is skipped.

    An update for this stop wins (its time, else scheduled + delay). Otherwise the delay of the
    nearest earlier stop with a delay carries forward, as the GTFS-realtime spec says. None when
    the update says nothing that applies to this stop.
    """
    carried: int | None = None
    for stop in update.stops:
        same = (
            stop.stop_sequence == stop_sequence
            if stop.stop_sequence is not None
            else (stop.stop_id == stop_id)
        )
        if same:
            if stop.skipped:
                return None, True
            if stop.time is not None:
                return stop.time, False
            if stop.delay is not None:
                return scheduled + stop.delay, False
            return (None if carried is None else scheduled + carried), False
        if (
            stop.stop_sequence is not None
            and stop.stop_sequence < stop_sequence
            and not stop.skipped
            and stop.delay is not None
        ):
            carried = stop.delay
    return (None if carried is None else scheduled + carried), False
