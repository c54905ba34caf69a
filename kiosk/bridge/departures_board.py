"""The departures board as QML shows it and the voice reads it: stops near the kiosk by their
painted code, each line's next departures in minutes, marked live or from the timetable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.bridge.places_text import distance_text
from kiosk.core.nearby import minutes_until
from kiosk.i18n import _, ngettext

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.services.nearby.departures import Board
    from kiosk.services.nearby.gtfs import Departure, Stop

MAX_STOPS = 4
MAX_LINES = 5  # lines per stop
MAX_TIMES = 3  # departures per line


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


def _time(dep: Departure, now: datetime) -> dict[str, Any]:
    minutes = minutes_until(dep.expected, now)
    if dep.cancelled:
        kind = _("cancelled")
    elif dep.realtime:
        # TRANSLATORS: the time comes from the vehicles' live positions.
        kind = _("live")
    else:
        # TRANSLATORS: the time is only the planned one from the timetable.
        kind = _("timetable")
    return {
        "minutes": minutes,
        "when": when_text(minutes),
        "live": dep.realtime and not dep.cancelled,
        "cancelled": dep.cancelled,
        "kind": kind,
        "text": f"{when_text(minutes)} ({kind})",
    }


def _stop_key(stop: Stop) -> tuple[str, str]:
    # A tram and a bus stop with one painted code and name are one stop to a resident.
    return (stop.code, stop.name)


def group(board: Board, now: datetime, window_minutes: int = 30) -> list[dict[str, Any]]:
    """Nearest stops first; at each, lines by their next departure; skipped stops left out."""
    stops: dict[tuple[str, str], dict[str, Any]] = {}
    for stop in sorted(board.stops, key=lambda st: st.distance_m):
        key = _stop_key(stop)
        if key not in stops:
            stops[key] = {"code": stop.code, "name": stop.name, "metres": stop.distance_m,
                          "ids": set(), "lines": {}}  # fmt: skip
        stops[key]["ids"].add(stop.stop_id)
    by_id = {stop_id: entry for entry in stops.values() for stop_id in entry["ids"]}
    for dep in board.departures:
        entry = by_id.get(dep.stop_id)
        if entry is None or dep.skipped:
            continue
        times = entry["lines"].setdefault((dep.mode, dep.route, dep.headsign), [])
        if len(times) < MAX_TIMES:
            times.append(_time(dep, now))
    shown = []
    for entry in list(stops.values())[:MAX_STOPS]:
        lines = [
            {"mode": mode_name(mode), "route": route, "headsign": headsign, "times": times,
             "title": _("{mode} {route} to {headsign}").format(
                 mode=mode_name(mode), route=route, headsign=headsign)}
            for (mode, route, headsign), times in entry["lines"].items()
        ][:MAX_LINES]  # fmt: skip
        shown.append({
            "code": entry["code"],
            "name": entry["name"],
            "title": _("Stop {code}, {name}").format(code=entry["code"], name=entry["name"]),
            "distance": distance_text(entry["metres"]),
            "lines": lines,
            "none": "" if lines else no_departures_text(window_minutes),
        })  # fmt: skip
    for entry in shown:  # what the voice says of this stop when it is on the screen
        entry["spoken"] = " ".join(spoken([entry], window_minutes))
    return shown


def spoken(stops: list[dict[str, Any]], window_minutes: int) -> list[str]:
    """Sentences for the voice: "Stop 0101, ... Bus 94 to ... in 4 minutes, live."."""
    sentences: list[str] = []
    for stop in stops:
        sentences.append(stop["title"] + ". " + stop["distance"] + ".")
        if not stop["lines"]:
            sentences.append(no_departures_text(window_minutes))
        for line in stop["lines"]:
            times = ", ".join(f"{t['when']}, {t['kind']}" for t in line["times"])
            sentences.append(f"{line['title']}: {times}.")
    return sentences


def no_departures_text(window_minutes: int) -> str:
    return ngettext(
        "No departures in the next {n} minute.", "No departures in the next {n} minutes.",
        window_minutes,
    ).format(n=window_minutes)  # fmt: skip
