"""A report in each of the kiosk's four languages, over real HTTP to the practice portal under
uvicorn on loopback: the categories and questions come in the resident's language, and every
Open311 request the kiosk makes carries it (GET services and definition, POST `locale`)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import uvicorn

from kiosk.config import Settings
from kiosk.practice_portal.app import OPEN311_PATH, create_app
from kiosk.practice_portal.catalog import load_catalog, pick
from tests.integration.conftest import clock, find, make_kiosk, settle  # noqa: F401 - fixtures
from tests.integration.report_helpers import choose, next_step, press, wait

LANGUAGES = ("bg", "en", "uk", "tr")


class RecordingPortal:
    """The practice portal on loopback, noting each Open311 request's method, path and locale."""

    def __init__(self, db: Path) -> None:
        self.seen: list[tuple[str, str, str]] = []
        portal = create_app(db, status_step_seconds=1)

        async def app(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await portal(scope, receive, send)
                return
            body = b""
            more = True
            while more:  # read the body once, then hand it on unchanged
                message = await receive()
                body += message.get("body", b"")
                more = message.get("more_body", False)
            query = parse_qs(scope["query_string"].decode())
            form = parse_qs(body.decode()) if scope["method"] == "POST" else {}
            locale = (form.get("locale") or query.get("locale") or [""])[0]
            self.seen.append((scope["method"], scope["path"], locale))
            sent = False

            async def replay() -> dict[str, Any]:
                nonlocal sent
                if sent:
                    return await receive()
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            await portal(scope, replay, send)

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}{OPEN311_PATH}"
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def locales(self, method: str, path_end: str) -> list[str]:
        return [loc for m, p, loc in self.seen if m == method and p.endswith(path_end)]


def touch(kiosk: Any, key: str) -> None:
    """Touch the tile of the answer `key`, by the words it shows in the resident's language."""
    options = kiosk.bridges.report.step["options"]
    choose(kiosk, next(o["label"] for o in options if o["key"] == key))


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[RecordingPortal]:
    served = RecordingPortal(tmp_path / "portal.sqlite3")
    served.start()
    yield served
    served.stop()


@pytest.mark.slow
def test_a_report_in_each_language(
    make_kiosk: Any,  # noqa: F811 - the fixture imported above
    portal: RecordingPortal,
    tmp_path: Path,
) -> None:
    settings = Settings({
        "session.tap_filter_ms": 0, "paths.data_dir": str(tmp_path / "data"),
        "portal.mode": "open311", "portal.open311_url": portal.url,
    })  # fmt: skip
    catalog = load_catalog()
    cleanliness = catalog.service("1")
    assert cleanliness is not None
    landmark = next(a for a in cleanliness["attributes"] if a["code"] == "LANDMARK")
    kiosk = make_kiosk(settings, backend=True, start="home")
    report = kiosk.bridges.report
    for lang in LANGUAGES:
        kiosk.bridges.session.setLanguage(lang)
        kiosk.bridges.nav.go("home")
        settle()
        press(kiosk, find(kiosk.window, "tileReport"))
        wait(lambda: report.loaded)
        # the city's group, in the resident's language (its tile), then the one kind (the
        # city's own name under the everyday one): one touch each
        group = pick(catalog.groups["clean"], lang)
        assert "g:" + group in [o["key"] for o in report.step["options"]], (lang, report.step)
        touch(kiosk, "g:" + group)
        named = {o["key"]: o["detail"] for o in report.step["options"]}
        assert pick(cleanliness["name"], lang) in (
            named["1"],
            next(o["label"] for o in report.step["options"] if o["key"] == "1"),
        ), (lang, report.step)
        touch(kiosk, "1")
        wait(lambda: kiosk.bridges.nav.screen == "report-question")
        asked = [report.step["title"], report.step["question"]]
        assert pick(landmark["description"], lang) in asked, (lang, report.step)
        for _ in range(3):  # landmark, when, details: all optional
            next_step(kiosk, "questionNext")
        touch(kiosk, "here")  # at this kiosk
        next_step(kiosk, "questionNext")  # no description
        touch(kiosk, "no")  # no contact details
        wait(lambda: kiosk.bridges.nav.screen == "report-review")
        press(kiosk, find(kiosk.window, "reviewSend"))
        wait(lambda: kiosk.bridges.nav.screen == "report-receipt", 15)
        assert report.receipt["number"] and not report.receipt["queued"], (lang, report.receipt)
    # every request the kiosk made carried the resident's language; a list or a question asked
    # again in the same language is one request cut short and made again (a language switch
    # reloads them for the report on screen; the next report, begun at once, cancels that)
    assert in_turn(portal.locales("GET", "/services.json")) == list(LANGUAGES)
    assert in_turn(portal.locales("GET", "/services/1.json")) == list(LANGUAGES)
    assert portal.locales("POST", "/requests.json") == list(LANGUAGES)  # each report once


def in_turn(locales: list[str]) -> list[str]:
    """The languages in the order they were asked in, a language asked twice in a row once."""
    return [lang for lang, _again in groupby(locales)]
