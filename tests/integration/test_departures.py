"""'Next bus and tram' through the real screen on the practice portal's sample timetable and
live delays: one board in order of time across the nearby stops, a cancellation first, "sample"
said once, read aloud a page at a time, the pause."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kiosk.bridge.departures_board import board_rows
from kiosk.config import Settings
from kiosk.services.nearby.departures import Board
from kiosk.services.nearby.gtfs import Departure, Stop
from kiosk.services.nearby.gtfs_timetable import SOFIA
from tests.integration.conftest import find, settle, shown, tap, walk
from tests.integration.test_help_nearby import home, wait_for

# A fixed hour for the board, away from the real one: the practice portal's live feed covers the
# next hour of the real clock, so at a fixed hour within it some rows would be live. Noon, or
# 8 in the evening while the real clock is near noon.
_TODAY = datetime.now(SOFIA)
NOON = _TODAY.replace(
    hour=12 if not 9 <= _TODAY.hour <= 14 else 20, minute=0, second=0, microsecond=0
)


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


def spoken(kiosk: Any) -> str:
    return " ".join(kiosk.bridges.speech.service.texts)


def test_one_board_in_order_of_time_read_a_page_at_a_time(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    departures = kiosk.bridges.departures
    rows = departures.rows
    assert departures.problem == "" and len(rows) > 3
    # one board across the nearby stops, the next departure first
    assert [r["minutes"] for r in rows] == sorted(r["minutes"] for r in rows)
    assert len({r["stop"] for r in rows}) > 1
    first = find(kiosk.window, "row0").property("text")
    assert first == rows[0]["title"] and " to " in first
    assert first.startswith(("In ", "Now:")) and first[:1].isupper()
    assert rows[0]["stop"].startswith("Stop ") and rows[0]["stop"][5:9].isdigit()
    # At the fixed hour the live feed (for the real now) matches no trip: honest "timetable".
    assert all(not r["live"] for r in rows) and "timetable" in rows[0]["detail"]
    # "sample" once for the board, never on every line
    assert not any("(пример)" in r["title"] + r["detail"] + r["spoken"] for r in rows)
    status = find(kiosk.window, "departuresStatus").property("text")
    assert status.count("Sample") == 1
    # the voice reads the rows shown, and the next page when it is turned
    wait_for(lambda: rows[0]["spoken"] in spoken(kiosk))
    board = find(kiosk.window, "board")
    assert board.property("pageCount") > 1
    on_page = [r["spoken"] for i, r in enumerate(rows) if shown(row_item(kiosk, i))]
    later = rows[len(on_page)]["spoken"]
    assert rows[0]["spoken"] in on_page and later not in on_page
    voice = kiosk.bridges.speech.service
    said = len(voice.texts)
    tap(kiosk.window, find(kiosk.window, "pagerMore"), reveal=False)
    wait_for(lambda: len(voice.texts) > said and later in voice.texts[-1])
    assert rows[0]["spoken"] not in voice.texts[-1]


def row_item(kiosk: Any, index: int) -> Any:
    label = next(i for i in walk(kiosk.window.contentItem()) if i.objectName() == f"row{index}")
    return label.parentItem().parentItem()


def test_an_update_does_not_read_the_board_again(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    departures = kiosk.bridges.departures
    wait_for(lambda: departures.rows[0]["spoken"] in spoken(kiosk))
    settle(50, 4)
    said = len(kiosk.bridges.speech.service.texts)
    departures.now = lambda: (NOON + timedelta(seconds=30)).astimezone(timezone.utc)
    departures.refresh()  # what the 30-second timer does
    wait_for(lambda: not departures.busy)
    settle(50, 4)
    assert len(kiosk.bridges.speech.service.texts) == said
    assert find(kiosk.window, "row0").property("text") == departures.rows[0]["title"]


def test_pause_stops_the_updates(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    departures = kiosk.bridges.departures
    assert departures._timer.isActive()
    assert "paused" not in find(kiosk.window, "departuresStatus").property("text")
    tap(kiosk.window, find(kiosk.window, "departuresPause"))
    assert departures.paused and not departures._timer.isActive()
    assert "paused" in find(kiosk.window, "departuresStatus").property("text")
    assert "paused" in kiosk.bridges.speech.service.texts[-1]
    tap(kiosk.window, find(kiosk.window, "departuresPause"))
    assert not departures.paused and departures._timer.isActive()
    kiosk.bridges.nav.go("home")
    settle()
    assert not departures._timer.isActive()  # no updates once the screen has gone


def test_a_cancellation_comes_first_and_cannot_be_missed() -> None:
    now = datetime(2026, 3, 2, 10, 0, tzinfo=SOFIA)
    near = Stop("A0101", "0101", "Площад (пример)", 42.69, 23.32, 120.0)
    far = Stop("TM0202", "0202", "Пазар", 42.69, 23.33, 300.0)

    def dep(stop: Stop, route: str, mode: str, minutes: int, realtime: bool,
            cancelled: bool = False) -> Departure:  # fmt: skip
        when = now + timedelta(minutes=minutes)
        return Departure(stop.stop_id, stop.code, stop.name, route, mode, "Център (пример)",
                         when, when, realtime, cancelled)  # fmt: skip

    board = Board(
        [dep(near, "94", "bus", 4, True), dep(far, "10", "tram", 2, False),
         dep(near, "94", "bus", 12, False), dep(far, "5", "tram", 9, True, cancelled=True),
         dep(near, "94", "bus", 20, False)],
        [near, far], 0.0, 0.0, stale=False, live=True,
    )  # fmt: skip
    rows, sample = board_rows(board, now)
    assert sample
    assert rows[0]["cancelled"] and rows[0]["title"] == "CANCELLED — Tram 5 to Център"
    assert rows[0]["spoken"].startswith("Cancelled: Tram 5 to Център")
    # then by time across both stops; at most two of one line at one stop
    assert [(r["route"], r["minutes"]) for r in rows[1:]] == [("10", 2), ("94", 4), ("94", 12)]
    assert rows[1]["stop"] == "Stop 0202, Пазар" and rows[2]["stop"] == "Stop 0101, Площад"
    assert "live" in rows[2]["detail"] and "timetable" in rows[3]["detail"]


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
    text = find(kiosk.window, "screenInstruction").property("text")
    assert "not answering" in text and "signs at each stop" in text
    wait_for(lambda: text in spoken(kiosk))
    assert departures.rows == [] and departures.statusText == ""
