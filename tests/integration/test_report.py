"""Report a problem and track it, through the real screens, on the in-process practice portal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from tests.integration.conftest import find, settle
from tests.integration.report_helpers import (
    button,
    keyboard_up,
    next_step,
    pad_digits,
    pad_ok,
    press,
    screen,
    type_text,
    wait,
)

NAME, PHONE = "мария", "0888123456"


def settings(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(
        {
            "session.tap_filter_ms": 0,
            "paths.data_dir": str(tmp_path / "data"),
            "portal.practice_step_seconds": 2.0,
            "site.address": "пл. „Славейков“ 4",
            **extra,
        }
    )


def start_report(kiosk: Any) -> None:
    press(kiosk, find(kiosk.window, "language_bg"))
    if screen(kiosk) != "home":
        kiosk.bridges.nav.go("home")
        settle()
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: kiosk.bridges.report.loaded)
    assert screen(kiosk) == "report-category"


def file_report(kiosk: Any) -> str:
    """A resident files a report in Bulgarian with taps and the on-screen keyboard only."""
    start_report(kiosk)
    report = kiosk.bridges.report
    press(kiosk, button(kiosk, "Улици, осветление и транспорт"))
    next_step(kiosk, "reportNext")
    assert report.step["id"] == "service"
    press(kiosk, button(kiosk, "Пътна инфраструктура"))
    next_step(kiosk, "reportNext")
    wait(lambda: screen(kiosk) == "report-question")
    # LANDMARK: typed on the keyboard
    assert report.step["kind"] == "text"
    type_text(kiosk, find(kiosk.window, "questionInput"), "аптека")
    assert report.value == "Аптека"
    next_step(kiosk, "questionNext")
    # HOLES: a number on the keypad
    assert report.step["kind"] == "number"
    pad_digits(kiosk, "questionPad", "2")
    next_step(kiosk, "questionNext")
    # NOTICED: date steppers
    assert report.step["kind"] == "datetime"
    press(kiosk, find(kiosk.window, "questionShift0"))
    next_step(kiosk, "questionNext")
    # DANGER: required single choice; Next without an answer names the field
    assert report.step["kind"] == "choices"
    next_step(kiosk, "questionNext")
    assert "Опасно ли е за хората?" in report.error
    press(kiosk, button(kiosk, "Да"))
    next_step(kiosk, "questionNext")
    # DETAILS: optional, skipped
    assert report.step["kind"] == "longtext"
    next_step(kiosk, "questionNext")
    # where: a typed address
    assert screen(kiosk) == "report-location", (report.step, report.error, keyboard_up(kiosk))
    press(kiosk, find(kiosk.window, "locationTile1"))
    next_step(kiosk, "locationNext")
    type_text(kiosk, find(kiosk.window, "questionInput"), "шипка")
    next_step(kiosk, "questionNext")
    # description: a ready phrase
    assert report.step["id"] == "description"
    press(kiosk, find(kiosk.window, "questionPhrase0"))
    next_step(kiosk, "questionNext")
    # contact: consent, then name and phone
    assert screen(kiosk) == "report-contact"
    press(kiosk, find(kiosk.window, "contactTile1"))
    next_step(kiosk, "contactNext")
    type_text(kiosk, find(kiosk.window, "questionInput"), NAME)
    next_step(kiosk, "questionNext")
    pad_digits(kiosk, "questionPad", PHONE)
    next_step(kiosk, "questionNext")
    next_step(kiosk, "questionNext")  # e-mail skipped
    assert screen(kiosk) == "report-review"
    lines = {line["id"]: line["value"] for line in report.review}
    assert lines["address"] == "Шипка" and lines["attr:DANGER"] == "Да"
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: screen(kiosk) == "report-receipt")
    number = str(report.receipt["number"])
    assert not report.receipt["queued"]
    return number


def test_a_resident_reports_in_bulgarian_then_tracks_it(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    number = file_report(kiosk)
    assert re.fullmatch(r"\d{4}-\d{6}", number), number
    assert find(kiosk.window, "receiptNumber").property("text") == number
    qr = find(kiosk.window, "receiptQr")
    wait(lambda: qr.property("sourceSize").width() > 0)  # the QR image was decoded
    spoken = " ".join(kiosk.bridges.speech.service.texts)
    assert " ".join(number.replace("-", "")[:4]) in spoken  # digit by digit
    # the slip: a PDF in the session folder (no printer here), spoken in full
    press(kiosk, find(kiosk.window, "receiptPrint"))
    pdfs = list(kiosk.session_tmp.glob("*.pdf"))
    message = kiosk.bridges.report.slipMessage
    assert len(pdfs) == 1 and message and message in kiosk.bridges.speech.service.texts[-1]
    # personal details never reach the loudspeaker
    spoken = " ".join(kiosk.bridges.speech.service.texts).lower()
    assert NAME not in spoken and PHONE not in spoken and "0 8 8 8" not in spoken
    # later: the practice portal has moved the report on; track it on the keypad
    settle(50, 1)
    import time

    time.sleep(2.2)
    press(kiosk, find(kiosk.window, "receiptHome"))
    press(kiosk, find(kiosk.window, "tileTrack"))
    assert screen(kiosk) == "track"
    pad_digits(kiosk, "trackPad", number.replace("-", ""))
    pad_ok(kiosk, "trackPad")
    wait(lambda: screen(kiosk) == "track-result")
    result = kiosk.bridges.track.result
    assert result["number"] == number
    # the practice portal moved it on from "queued" (its first status)
    assert result["notes"].endswith("(пример).") and "чака обработка" not in result["notes"]
    assert result["agency"].startswith("Направление")
    assert "200" in result["patience"]
    # the wipe forgets everything
    kiosk.bridges.session.wipe()
    settle()
    assert kiosk.bridges.report._wizard.answers == {}
    assert not any("Шипка" in line["value"] for line in kiosk.bridges.report.review)
    assert kiosk.bridges.report.receipt["number"] == "" and kiosk.bridges.track.result == {}
    assert not list(kiosk.session_tmp.glob("*.pdf"))


def test_back_returns_through_the_wizard_without_stacking_screens(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report, nav = kiosk.bridges.report, kiosk.bridges.nav
    press(kiosk, button(kiosk, "Улици, осветление и транспорт"))
    next_step(kiosk, "reportNext")
    press(kiosk, button(kiosk, "Пътна инфраструктура"))
    next_step(kiosk, "reportNext")
    wait(lambda: screen(kiosk) == "report-question")
    next_step(kiosk, "questionNext")  # the landmark is optional: the second question
    first_question = report.step["id"]
    assert nav._stack == ["home", "report-category", "report-question"]
    # the screen's Back: one question back on the same screen, then back to the kinds
    press(kiosk, find(kiosk.window, "questionBack"))
    assert screen(kiosk) == "report-question" and report.step["id"] != first_question
    press(kiosk, find(kiosk.window, "questionBack"))
    assert screen(kiosk) == "report-category" and report.step["id"] == "service"
    assert nav._stack == ["home", "report-category"]  # popped, not pushed again
    # forward again, then the keypad's Back follows the same way
    next_step(kiosk, "reportNext")
    wait(lambda: screen(kiosk) == "report-question")
    assert nav._stack == ["home", "report-category", "report-question"]
    kiosk.window.contentItem().forceActiveFocus()
    nav.back()
    settle()
    assert screen(kiosk) == "report-category" and report.step["id"] == "service"
    press(kiosk, find(kiosk.window, "reportBack"))  # the first kind of problem
    assert report.step["id"] == "category"
    press(kiosk, find(kiosk.window, "reportBack"))
    assert screen(kiosk) == "home"


def test_an_unknown_number_is_said_plainly(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True, start="home")
    press(kiosk, find(kiosk.window, "tileTrack"))
    pad_digits(kiosk, "trackPad", "1999000001")
    pad_ok(kiosk, "trackPad")
    wait(lambda: kiosk.bridges.track.problem != "")
    assert screen(kiosk) == "track"
    assert "1999000001" in kiosk.bridges.track.problem
    assert kiosk.bridges.track.problem in kiosk.bridges.speech.service.texts[-1]


def test_a_malformed_definition_shows_a_clear_message(make_kiosk: Any, tmp_path: Path) -> None:
    """The city's service sent the questions of 'Roads' as a list without answers (kept in the
    cache as it came): the kiosk says so, shown and spoken, instead of a broken screen."""
    import asyncio

    from kiosk.bridge.report_text import DEFINITION_CODEC
    from kiosk.core.portal import ServiceAttribute, ServiceDefinition

    kiosk = make_kiosk(settings(tmp_path), backend=True, start="home")
    broken = ServiceDefinition(
        "3", (ServiceAttribute("DANGER", datatype="singlevaluelist", description="Опасно?"),)
    )
    put = asyncio.ensure_future(
        kiosk.services.open311_cache.put("definition 3 bg", broken, DEFINITION_CODEC)
    )
    wait(put.done)
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: kiosk.bridges.report.loaded)
    press(kiosk, button(kiosk, "Улици, осветление и транспорт"))
    next_step(kiosk, "reportNext")
    press(kiosk, button(kiosk, "Пътна инфраструктура"))
    next_step(kiosk, "reportNext")
    wait(lambda: screen(kiosk) == "report-problem")
    problem = kiosk.bridges.report.problem
    assert "0700 17 310" in problem
    assert problem in kiosk.bridges.speech.service.texts
    # another kind of problem still works
    press(kiosk, find(kiosk.window, "problemAnother"))
    assert screen(kiosk) == "report-category" and kiosk.bridges.report.step["id"] == "category"


def test_handoff_prints_a_slip_and_sends_nothing(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path, **{"portal.mode": "handoff"}), start="home")
    report = kiosk.bridges.report
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: report.loaded)
    press(kiosk, find(kiosk.window, "reportTile1"))  # streets, lighting and transport
    next_step(kiosk, "reportNext")
    press(kiosk, find(kiosk.window, "reportTile3"))  # street lighting
    next_step(kiosk, "reportNext")
    assert screen(kiosk) == "report-location"
    press(kiosk, find(kiosk.window, "locationTile0"))
    next_step(kiosk, "locationNext")
    next_step(kiosk, "questionNext")  # no description
    assert screen(kiosk) == "report-review"  # no contact step: nothing is sent
    press(kiosk, find(kiosk.window, "reviewSend"))
    assert screen(kiosk) == "report-receipt" and report.receipt["handoff"]
    press(kiosk, find(kiosk.window, "receiptPrint"))
    pdfs = list(kiosk.session_tmp.glob("*.pdf"))
    assert len(pdfs) == 1
    spoken = kiosk.bridges.speech.service.texts[-1]
    assert "0700 17 310" in spoken


def test_a_language_switch_mid_report_reloads_the_lists_and_questions(
    make_kiosk: Any, tmp_path: Path
) -> None:
    """Bulgarian at first; English after the switch: the same answers, the city's lists and
    questions now in English, and the report is sent with locale=en."""
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report = kiosk.bridges.report
    press(kiosk, button(kiosk, "Улици, осветление и транспорт"))
    next_step(kiosk, "reportNext")
    assert report.step["id"] == "service"
    kiosk.bridges.session.setLanguage("en")
    wait(lambda: "Roads and pavements" in [o["label"] for o in report.step["options"]])
    assert report.step["id"] == "service"  # the resident stays where they were
    press(kiosk, button(kiosk, "Roads and pavements"))
    next_step(kiosk, "reportNext")
    wait(lambda: screen(kiosk) == "report-question")
    asked = (report.step["title"], report.step["question"])
    assert "Is there something nearby that helps to find the place?" in asked, asked
