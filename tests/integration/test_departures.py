"""'Next bus and tram' through the real screen on the practice portal's sample timetable and
live delays: stops by painted code, minutes, live or timetable marks, the pause, the voice."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kiosk.bridge.departures_board import group
from kiosk.config import Settings
from kiosk.services.nearby.departures import Board
from kiosk.services.nearby.gtfs import Departure, Stop
from kiosk.services.nearby.gtfs_timetable import SOFIA
from tests.integration.conftest import find, settle, tap
from tests.integration.test_help_nearby import home, wait_for

NOON = datetime.now(SOFIA).replace(hour=12, minute=0, second=0, microsecond=0)


def open_board(make_kiosk: Any, tmp_path: Path, now: datetime | None = NOON) -> Any:
    kiosk = make_kiosk(
        Settings({"session.tap_filter_ms": 0, "paths.data_dir": str(tmp_path)}), backend=True
    )
    departures = kiosk.bridges.departures
    if now is not None:
        departures.now = lambda: now.astimezone(timezone.utc)
    home(kiosk)
    tap(kiosk.window, find(kiosk.window, "tileDepartures"))
    wait_for(lambda: departures.loaded or departures.problem)
    settle()
    return kiosk


def test_stops_lines_and_minutes_are_shown_and_spoken(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    departures = kiosk.bridges.departures
    assert departures.problem == "" and departures.stops
    first = departures.stops[0]
    assert first["code"].isdigit() and len(first["code"]) == 4  # the painted code
    assert find(kiosk.window, "stop0").property("text").startswith("Stop " + first["code"])
    line = find(kiosk.window, "line0_0").property("text")
    assert " to " in line and "minute" in line
    # At a fixed noon the live feed (for the real now) matches no trip: honest "timetable".
    assert "(timetable)" in line
    spoken = kiosk.bridges.speech.service.texts[-1]
    assert f"Stop {first['code']}" in spoken and "minute" in spoken
    assert any(word in spoken for word in ("Bus", "Tram", "Trolleybus"))


def test_pause_stops_the_updates(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    departures = kiosk.bridges.departures
    assert departures._timer.isActive()
    assert "update every 30 seconds" in find(kiosk.window, "departuresStatus").property("text")
    tap(kiosk.window, find(kiosk.window, "departuresPause"))
    assert departures.paused and not departures._timer.isActive()
    assert "paused" in kiosk.bridges.speech.service.texts[-1]
    tap(kiosk.window, find(kiosk.window, "departuresPause"))
    assert not departures.paused and departures._timer.isActive()
    kiosk.bridges.nav.go("home")
    settle()
    assert not departures._timer.isActive()  # no updates once the screen has gone


def test_live_and_cancelled_are_marked() -> None:
    now = datetime(2026, 3, 2, 10, 0, tzinfo=SOFIA)
    stop = Stop("A0101", "0101", "Площад", 42.69, 23.32, 120.0)

    def dep(route: str, minutes: int, realtime: bool, cancelled: bool = False) -> Departure:
        when = now + timedelta(minutes=minutes)
        return Departure("A0101", "0101", "Площад", route, "bus", "Център", when, when,
                         realtime, cancelled)  # fmt: skip

    board = Board([dep("94", 4, True), dep("94", 12, False), dep("9", 6, True, True)],
                  [stop], 0.0, 0.0, stale=False, live=True)  # fmt: skip
    [shown] = group(board, now)
    times = {line["route"]: [t["text"] for t in line["times"]] for line in shown["lines"]}
    assert times == {
        "94": ["in 4 minutes (live)", "in 12 minutes (timetable)"],
        "9": ["in 6 minutes (cancelled)"],
    }


def test_no_timetable_at_all_is_said_plainly(make_kiosk: Any, tmp_path: Path) -> None:
    from tests.integration.test_help_nearby import closed_port

    url = f"http://127.0.0.1:{closed_port()}/static.zip"
    kiosk = make_kiosk(
        Settings({"session.tap_filter_ms": 0, "paths.data_dir": str(tmp_path),
                  "transport.gtfs_static_url": url}),
        backend=True,
    )  # fmt: skip
    home(kiosk)
    tap(kiosk.window, find(kiosk.window, "tileDepartures"))
    departures = kiosk.bridges.departures
    wait_for(lambda: departures.problem != "")
    settle()
    text = find(kiosk.window, "departuresProblem").property("text")
    assert "not answering" in text and "signs at each stop" in text
    assert kiosk.bridges.speech.service.texts[-1] == text
    assert departures.stops == [] and departures.statusText == ""
