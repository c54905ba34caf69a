"""'Find help nearby' through the real screens on the practice portal: the categories, places
nearest first and marked as sample data, paging, the spoken list, the slip, and the saved copy
with its age when the open-data site is unreachable."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from kiosk.services.storage.database import DB_FILE_NAME
from tests.integration.conftest import close_backend, find, find_paged, settle, shown, tap, walk

CATEGORY_NAMES = ("pharmacy", "clinic", "office", "day_centre", "fountain", "toilet")


def settings(data_dir: Path, **more: Any) -> Settings:
    return Settings({"session.tap_filter_ms": 0, "paths.data_dir": str(data_dir), **more})


def home(kiosk: Any) -> None:
    kiosk.bridges.session.begin()
    kiosk.bridges.session.setLanguage("en")
    kiosk.bridges.nav.go("home")
    settle()


def wait_for(predicate: Any, rounds: int = 500) -> None:
    for _ in range(rounds):
        if predicate():
            return
        settle(10, 1)
    raise AssertionError("timed out waiting")


def open_category(kiosk: Any, code: str) -> Any:
    home(kiosk)
    tap(kiosk.window, find(kiosk.window, "tileHelpNearby"))
    tap(kiosk.window, find(kiosk.window, f"category_{code}"))
    places = kiosk.bridges.places
    wait_for(lambda: not places.busy and (places.loaded or places.problem))
    settle()
    return places


def test_categories_are_the_configured_ones(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path, **{"portal.places_toilet": ""}))
    home(kiosk)
    tap(kiosk.window, find(kiosk.window, "tileHelpNearby"))
    assert kiosk.bridges.nav.screen == "helpNearby"
    for code in CATEGORY_NAMES[:-1]:
        assert find(kiosk.window, f"category_{code}").property("text")
    labels = [c["label"] for c in kiosk.bridges.places.categories]
    assert "Public toilets" not in labels and "Pharmacies" in labels


def test_places_nearest_first_sample_marked_paged_and_spoken(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    places = open_category(kiosk, "pharmacy")
    assert places.problem == "" and places.count == 4
    metres = [m for _p, m in places._result.value.places]
    assert metres == sorted(metres)
    first = find(kiosk.window, "place1")
    assert "About" in first.property("description") and "on foot" in first.property("description")
    assert "Sample place" in first.property("description")
    assert "sample places for practice" in find(kiosk.window, "placesSource").property("text")
    spoken = " ".join(kiosk.bridges.speech.service.texts)
    assert "Pharmacies." in spoken and "minutes on foot" in spoken
    # as many whole places as fit, then More; the voice says those shown, with their distances
    cards = [c for c in places.all if any(
        i.objectName() == f"place{c['number']}" and shown(i)
        for i in walk(kiosk.window.contentItem()))]  # fmt: skip
    assert cards and cards[0]["number"] == 1
    said = kiosk.bridges.speech.service.texts[-1]
    assert f"{len(cards)} choices" in said or f"{len(cards)} choice:" in said
    assert all(c["name"] in said and c["distance"] in said for c in cards)
    assert all(c["name"] not in said for c in places.all if c not in cards)
    tap(kiosk.window, find_paged(kiosk.window, "place4"))
    assert kiosk.bridges.nav.screen == "place"
    tap(kiosk.window, find(kiosk.window, "back"), reveal=False)
    tap(kiosk.window, find_paged(kiosk.window, "place1"), reveal=False)
    assert kiosk.bridges.nav.screen == "place"
    settle()
    address = places.chosen["address"]
    assert address and address in kiosk.bridges.speech.service.texts[-1]  # read on opening
    assert find(kiosk.window, "placeQr").property("paintedWidth") > 100  # the QR was decoded
    assert "openstreetmap.org/?mlat=" in places.chosen["mapLink"]
    tap(kiosk.window, find(kiosk.window, "placePrint"), reveal=False)  # on screen, no scrolling
    pdfs = list(kiosk.session_tmp.glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].stat().st_size > 1000
    assert find(kiosk.window, "placeSlipMessage").property("text") == places.slipMessage
    assert kiosk.bridges.speech.service.texts[-1] == places.slipMessage
    kiosk.bridges.session.wipe()
    settle()
    assert places.category == "" and places.count == 0
    assert not list(kiosk.session_tmp.glob("*.pdf"))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_shows_the_saved_copy_and_its_age(make_kiosk: Any, tmp_path: Path) -> None:
    first = make_kiosk(settings(tmp_path), backend=True)
    assert open_category(first, "clinic").count == 3
    close_backend(first)
    with sqlite3.connect(tmp_path / DB_FILE_NAME) as db:  # three days pass
        db.execute("UPDATE cache SET fetched_at = fetched_at - 3 * 86400 WHERE backend = 'ckan'")
    url = f"http://127.0.0.1:{closed_port()}"
    later = make_kiosk(settings(tmp_path, **{"portal.ckan_url": url}), backend=True)
    places = open_category(later, "clinic")
    assert places.stale and places.count == 3 and places.problem == ""
    source = find(later.window, "placesSource").property("text")
    assert "not answering" in source and "3 days ago" in source
    assert "3 days ago" in later.bridges.speech.service.texts[-1]
    # A kind never fetched before has no saved copy: an honest message and a way to retry.
    places = open_category(later, "office")
    assert places.count == 0 and "not answering" in places.problem
    assert find(later.window, "placesRetry").isVisible()
