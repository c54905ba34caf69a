"""The departures as one board, the way a stop's own display reads: every departure from the
stops near the kiosk in order of time, a cancellation first and unmistakable ("CANCELLED — Tram
5"), each row with its stop and whether its time is live; what the voice says of each row; and
"sample" said once for the board when the timetable is the practice portal's sample feed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.bridge.places_text import distance_text
from kiosk.core.nearby import minutes_until
from kiosk.i18n import _, ngettext

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.services.nearby.departures import Board
    from kiosk.services.nearby.gtfs import Departure, Stop

MAX_STOPS = 4  # the nearest stops (by painted code and name)
MAX_PER_LINE = 2  # departures of one line, direction and stop
MAX_ROWS = 16  # a board of at most this many rows, paged on the screen
# What a sample feed (the practice portal's) puts after each name; said once per board instead.
SAMPLE_MARKS = (" (пример)", " (sample)")


def mode_name(mode: str) -> str:
    # TRANSLATORS: kinds of vehicle, before a line number: "Bus 94".
    labels = {"bus": _("Bus"), "tram": _("Tram"), "trolleybus": _("Trolleybus"),
              "metro": _("Metro"), "rail": _("Train")}  # fmt: skip
    return labels.get(mode, _("Line"))


def when_text(minutes: int) -> str:
    """ "now" or "in 4 minutes"."""
    if minutes <= 0:
        return _("now")
    # TRANSLATORS: how soon a bus leaves, e.g. "in 4 minutes".
    return ngettext("in {n} minute", "in {n} minutes", minutes).format(n=minutes)


def plain(name: str) -> tuple[str, bool]:
    """A name without the sample feed's mark, and whether it had one."""
    for mark in SAMPLE_MARKS:
        if name.endswith(mark):
            return name[: -len(mark)].rstrip(), True
    return name, False


def _stop_key(stop: Stop) -> tuple[str, str]:
    # A tram and a bus stop with one painted code and name are one stop to a resident.
    return (stop.code, stop.name)


def board_rows(board: Board, now: datetime) -> tuple[list[dict[str, Any]], bool]:
    """The rows of the board (cancelled first, then by time) and whether it is sample data."""
    near: dict[tuple[str, str], list[Stop]] = {}
    for nearby in sorted(board.stops, key=lambda st: st.distance_m):
        near.setdefault(_stop_key(nearby), []).append(nearby)
    shown = dict(list(near.items())[:MAX_STOPS])
    stop_of = {s.stop_id: group[0] for group in shown.values() for s in group}
    sample = False
    per_line: dict[tuple[str, str, str, str], int] = {}
    picked: list[tuple[Departure, Stop]] = []
    for dep in sorted(board.departures, key=lambda d: d.expected):
        stop = stop_of.get(dep.stop_id)
        if stop is None or dep.skipped:
            continue
        key = (dep.mode, dep.route, dep.headsign, stop.code)
        if per_line.get(key, 0) >= MAX_PER_LINE:
            continue
        per_line[key] = per_line.get(key, 0) + 1
        picked.append((dep, stop))
    picked.sort(key=lambda pair: (not pair[0].cancelled, pair[0].expected))
    rows = []
    for dep, stop in picked[:MAX_ROWS]:
        row, marked = _row(dep, stop, now)
        sample = sample or marked
        rows.append(row)
    return rows, sample


def _row(dep: Departure, stop: Stop, now: datetime) -> tuple[dict[str, Any], bool]:
    headsign, mark1 = plain(dep.headsign)
    stop_name, mark2 = plain(stop.name)
    minutes = minutes_until(dep.expected, now)
    line = _("{mode} {route}").format(mode=mode_name(dep.mode), route=dep.route)
    where = _("Stop {code}, {name}").format(code=stop.code, name=stop_name)
    distance = distance_text(stop.distance_m)
    if dep.cancelled:
        # TRANSLATORS: a cancelled departure on the board, in capitals so it cannot be missed
        title = _("CANCELLED — {line} to {headsign}").format(line=line, headsign=headsign)
        detail = _("It was due {when}. {stop}.").format(when=when_text(minutes), stop=where)
        spoken = _("Cancelled: {line} to {headsign}, due {when} from {stop}.").format(
            line=line, headsign=headsign, when=when_text(minutes), stop=where
        )
    else:
        # TRANSLATORS: the time comes from the vehicles' live positions / only the timetable.
        kind = _("live") if dep.realtime else _("timetable")
        soon = when_text(minutes)
        title = _("{when}: {line} to {headsign}").format(
            when=soon[:1].upper() + soon[1:], line=line, headsign=headsign
        )
        detail = f"{where} · {distance} · {kind}"
        spoken = _("{line} to {headsign}, {when}, from {stop}, {kind}.").format(
            line=line, headsign=headsign, when=when_text(minutes), stop=where, kind=kind
        )
    row = {
        "minutes": minutes,
        "line": line,
        "route": dep.route,
        "headsign": headsign,
        "stop": where,
        "live": dep.realtime and not dep.cancelled,
        "cancelled": dep.cancelled,
        "title": title,
        "detail": detail,
        "spoken": spoken,
    }
    return row, mark1 or mark2


def no_departures_text(window_minutes: int) -> str:
    return ngettext(
        "No departures in the next {n} minute.", "No departures in the next {n} minutes.",
        window_minutes,
    ).format(n=window_minutes)  # fmt: skip
