"""Trainer mode end to end, offscreen: the PIN into the menu, leaving it, guided lessons,
certificates that leave no name behind, statistics exports and the settings screen."""

from __future__ import annotations

import csv
import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Settings
from kiosk.config.loader import load_settings
from kiosk.core.pin import hash_pin

from .conftest import find, find_paged, key, settle, tap, tap_at, walk
from .report_helpers import button

PIN = "246813"
NAME = "Радка Стефанова Илиева"


def _wait(condition: Any, rounds: int = 400, what: Any = None) -> None:
    for _ in range(rounds):
        if condition():
            return
        settle(10, 1)
    raise AssertionError(f"timed out waiting; {what() if what else ''}")


def _unlock(kiosk: Any) -> None:
    for x, y in ((10, 10), (1910, 10), (1910, 1070), (10, 1070)):
        tap_at(kiosk.window, x, y)
    assert kiosk.window.property("overlay") != ""
    assert kiosk.bridges.trainer.tryPin(PIN)
    settle()


def _trainer_kiosk(make_kiosk: Any, tmp_path: Path, clock: Any = None, **extra: Any) -> Any:
    values = {
        "kiosk.trainer_pin_hash": hash_pin(PIN),
        "session.tap_filter_ms": 0,
        "session.default_language": "en",  # the tests read the messages in English
        "paths.data_dir": str(tmp_path / "data"),
        "site.name": "Читалище Надежда",
        **extra,
    }
    return make_kiosk(Settings(values), windowed=False, clock=clock, backend=True)


def test_pin_opens_the_trainer_menu_and_leaving_it_locks(
    make_kiosk: Any, tmp_path: Path, clock: Any
) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path, clock)
    _unlock(kiosk)
    assert kiosk.bridges.nav.screen == "trainer"
    assert kiosk.window.property("overlay") == ""  # the PIN pad closed, the menu stays open
    assert kiosk.bridges.trainer.unlocked
    find_paged(kiosk.window, "trainerExit")  # "Leave the kiosk" is in the menu
    tap(kiosk.window, find_paged(kiosk.window, "trainerStats"))
    assert kiosk.bridges.nav.screen == "trainerStats" and kiosk.bridges.trainer.unlocked
    tap(kiosk.window, find(kiosk.window, "statsBack"))
    tap(kiosk.window, find(kiosk.window, "trainerBack"))
    assert kiosk.bridges.nav.screen == "home"
    assert not kiosk.bridges.trainer.unlocked
    assert not kiosk.bridges.trainer.may_close()


def test_wrong_pins_lock_the_pad_and_never_reach_the_menu(
    make_kiosk: Any, tmp_path: Path, clock: Any
) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path, clock)
    for x, y in ((10, 10), (1910, 10), (1910, 1070), (10, 1070)):
        tap_at(kiosk.window, x, y)
    for _ in range(5):
        assert not kiosk.bridges.trainer.tryPin("111111")
    assert not kiosk.bridges.trainer.tryPin(PIN)  # locked out
    settle()
    assert kiosk.bridges.nav.screen != "trainer"
    clock.advance(301)
    assert kiosk.bridges.trainer.tryPin(PIN)
    settle()
    assert kiosk.bridges.nav.screen == "trainer"


def test_the_session_wipe_ends_trainer_mode(make_kiosk: Any, tmp_path: Path, clock: Any) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path, clock)
    _unlock(kiosk)
    kiosk.bridges.nav.go("trainerSettings")
    settle()
    kiosk.bridges.session.wipe()
    settle()
    assert not kiosk.bridges.trainer.unlocked
    assert kiosk.bridges.nav.screen not in ("trainer", "trainerSettings")


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def _holds(folder: Path, needle: str) -> list[Path]:
    """Files under `folder` whose bytes hold `needle` in UTF-8 or UTF-16."""
    forms = [needle.encode(), needle.encode("utf-16-le"), needle.encode("utf-16-be")]
    return [p for p in folder.rglob("*") if p.is_file() and any(f in p.read_bytes() for f in forms)]


def test_guided_lesson_then_certificate_leaves_no_name_behind(
    make_kiosk: Any, tmp_path: Path, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _wait(lambda: kiosk.bridges.backend.started)
    _unlock(kiosk)
    tap(kiosk.window, find_paged(kiosk.window, "trainerGuided"))
    guided = kiosk.bridges.guided
    _wait(lambda: len(guided.lessons) > 0)
    tap(kiosk.window, find(kiosk.window, "guidedLesson0"))  # touch basics
    assert guided.running and guided.stepNumber == 1
    tap(kiosk.window, find(kiosk.window, "guidedNext"))
    assert guided.stepNumber == 2
    narration = guided._lesson.steps[1].narration.text
    assert narration in kiosk.bridges.speech.service.texts  # played once for the room
    tap(kiosk.window, find(kiosk.window, "guidedPause"))
    assert guided.paused
    tap(kiosk.window, find(kiosk.window, "guidedNext"))  # paused: does nothing
    assert guided.stepNumber == 2
    tap(kiosk.window, find(kiosk.window, "guidedPause"))
    tap(kiosk.window, find(kiosk.window, "guidedBack"))
    assert guided.stepNumber == 1
    while guided.running:
        if guided.isPractice:
            guided.skipPractice()
        else:
            guided.next()
        settle(10, 1)
    assert kiosk.bridges.trainer_desk.guided_today == ["l01-touch"]
    tap(kiosk.window, find(kiosk.window, "guidedMenu"))
    tap(kiosk.window, find_paged(kiosk.window, "trainerPrint"))
    tap(kiosk.window, find_paged(kiosk.window, "printCertificateStep"))

    field = find(kiosk.window, "certificateName")
    field.setProperty("text", NAME)
    tap(kiosk.window, find(kiosk.window, "printCertificate"))  # in the footer
    desk = kiosk.bridges.trainer_desk
    _wait(lambda: not desk.busy and "PDF" in desk.message)
    assert field.property("text") == ""
    pdfs = list(kiosk.session_tmp.glob("*.pdf"))
    assert len(pdfs) == 1
    text = _pdf_text(pdfs[0])
    assert NAME in text and "не е официална квалификация" in text and "5.2" in text
    assert "Надежда" in text

    kiosk.bridges.session.wipe()
    settle()
    assert list(kiosk.session_tmp.iterdir()) == []
    assert (tmp_path / "data" / "kiosk.sqlite3").exists()  # the grep looks where data is
    assert _holds(tmp_path / "data", NAME) == []
    assert _holds(tmp_path / "data", "Радка") == []
    assert "Радка" not in caplog.text
    assert not any("Радка" in t for t in kiosk.bridges.speech.service.texts)


def test_learner_card_is_made_printed_and_resumes(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _wait(lambda: kiosk.bridges.backend.started)
    _unlock(kiosk)
    tap(kiosk.window, find_paged(kiosk.window, "trainerPrint"))
    tap(kiosk.window, find_paged(kiosk.window, "printNewCard"))  # the card is made at once
    desk = kiosk.bridges.trainer_desk
    _wait(lambda: desk.cardCode != "" and not desk.busy)
    code = desk.cardCode
    # no printer: the code is on the screen, to be copied onto a card by hand
    assert "Copy the code onto a card by hand" in desk.message
    assert find(kiosk.window, "printCardCode").property("text") == code
    assert code in _pdf_text(next(kiosk.session_tmp.glob("*.pdf")))
    assert _holds(tmp_path / "data", code.replace("-", "")) == []

    tap(kiosk.window, find(kiosk.window, "printAnotherCard"))  # the footer's action: another
    _wait(lambda: desk.cardCode not in ("", code) and not desk.busy)
    assert find(kiosk.window, "printCardCode").property("text") == desk.cardCode
    tap(kiosk.window, find(kiosk.window, "printBack"))  # back to the choice, not the menu
    assert kiosk.bridges.nav.screen == "trainerPrint"
    assert desk.message == ""  # what the last job said is not shown on the next one

    tap(kiosk.window, find_paged(kiosk.window, "printCertificateStep"))
    name = find(kiosk.window, "certificateName")
    name.setProperty("text", NAME)
    name_input, code_input = (
        next(i for i in walk(find(kiosk.window, n)) if i.inherits("QQuickTextInput"))
        for n in ("certificateName", "certificateCode")
    )
    name_input.forceActiveFocus(Qt.FocusReason.MouseFocusReason)
    key(kiosk.window, Qt.Key.Key_Return)  # the keyboard's Enter (Next): on to the card's code
    assert code_input.hasActiveFocus()
    code_input.setProperty("text", code.lower())  # as typed
    key(kiosk.window, Qt.Key.Key_Return)  # its Enter says Print (the footer is under the keys)
    assert not code_input.hasActiveFocus()  # the keys go: the message and the footer show
    _wait(
        lambda: not desk.busy and "No finished lessons" in desk.message, what=lambda: desk.message
    )
    tap(kiosk.window, find(kiosk.window, "printBack"))

    tap(kiosk.window, find_paged(kiosk.window, "forgetCardStep"))
    forget = find(kiosk.window, "forgetCode")
    forget.setProperty("text", "K7MW")
    tap(kiosk.window, find(kiosk.window, "forgetCard"))  # the footer's danger button
    _wait(lambda: "8 letters" in desk.message, what=lambda: desk.message)
    forget.setProperty("text", code)
    tap(kiosk.window, find(kiosk.window, "forgetCard"))
    _wait(lambda: "deleted" in desk.message, what=lambda: desk.message)
    tap(kiosk.window, find(kiosk.window, "forgetCard"))
    _wait(lambda: desk.message == "No such card.", what=lambda: desk.message)
    assert not any(code in t for t in kiosk.bridges.speech.service.texts)  # never read aloud

    tap(kiosk.window, find(kiosk.window, "printBack"))
    tap(kiosk.window, find(kiosk.window, "printBack"))  # from the choice: the trainer's menu
    assert kiosk.bridges.nav.screen == "trainer"


def test_sessions_are_counted_and_exported_with_small_counts_hidden(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _wait(lambda: kiosk.bridges.backend.started)
    for _ in range(3):
        kiosk.bridges.session.begin()
        kiosk.bridges.nav.go("departures")
        kiosk.bridges.nav.go("home")
        kiosk.bridges.nav.go("departures")  # once per session
        kiosk.bridges.session.wipe()
    settle(30, 5)
    _unlock(kiosk)
    tap(kiosk.window, find_paged(kiosk.window, "trainerStats"))
    stick = tmp_path / "stick"
    stick.mkdir()
    tap(kiosk.window, find(kiosk.window, "statsTypeFolder"))
    find(kiosk.window, "statsFolder").setProperty("text", str(stick))
    tap(kiosk.window, find(kiosk.window, "statsSave"))
    desk = kiosk.bridges.trainer_desk
    _wait(lambda: not desk.busy and "Saved" in desk.message)
    (out,) = stick.glob("*.csv")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    by = {(r["metric"], r["value"]): r["count"] for r in rows}
    assert by[("sessions", "")] == "<5"
    assert by[("language", "en")] == "<5"
    assert by[("service_used", "departures")] == "<5"
    assert by[("session_length", "0-2 min")] == "<5"
    assert all(r["count"] in ("<5", ">=5") or int(r["count"]) >= 5 for r in rows)
    assert all(bool(r["note"]) == (r["count"] in ("<5", ">=5")) for r in rows)

    find(kiosk.window, "statsFolder").setProperty("text", str(tmp_path / "absent"))
    tap(kiosk.window, find(kiosk.window, "statsSave"))
    assert "does not exist" in desk.message


def test_settings_screen_validates_and_saves_to_the_config_file(
    make_kiosk: Any, tmp_path: Path
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        "# kept by the installer\n[session]\nidle_seconds = 150  # slow readers\n\n"
        '[kiosk]\nvenue_name = "Библиотека"\n',
        encoding="utf-8",
    )
    settings = load_settings(config).with_values(
        {"session.tap_filter_ms": 0, "session.default_language": "en"}
    )
    kiosk = make_kiosk(settings)
    kiosk.bridges.nav.go("trainerSettings")
    settle()
    tap(kiosk.window, find(kiosk.window, "setting0"))  # session.idle_seconds
    assert kiosk.bridges.nav.screen == "trainerSetting"
    assert kiosk.bridges.trainer_settings.key == "session.idle_seconds"
    tap(kiosk.window, find(kiosk.window, "settingType"))
    value = find(kiosk.window, "settingValue")
    value.setProperty("text", "5")
    tap(kiosk.window, find(kiosk.window, "settingUse"))
    message = kiosk.bridges.trainer_settings.message
    assert "not allowed" in message and "30" in message
    assert message in kiosk.bridges.speech.service.texts
    value.setProperty("text", "200")
    tap(kiosk.window, find(kiosk.window, "settingUse"))
    tap(kiosk.window, find(kiosk.window, "settingBack"))
    tap(kiosk.window, find(kiosk.window, "settingsSave"))
    assert "starts again" in kiosk.bridges.trainer_settings.message
    text = config.read_text(encoding="utf-8")
    assert "# kept by the installer" in text and "Библиотека" in text
    assert load_settings(config).changed()["session.idle_seconds"] == 200


def test_outbox_status_shows_counts_only_and_send_now(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _wait(lambda: kiosk.bridges.backend.started)
    _unlock(kiosk)
    tap(kiosk.window, find_paged(kiosk.window, "trainerOutbox"))
    desk = kiosk.bridges.trainer_desk
    _wait(lambda: desk.outboxText != "", what=lambda: desk.outboxText)
    assert desk.outboxText.startswith("Waiting to be sent: 0.")
    tap(kiosk.window, find(kiosk.window, "outboxSend"))
    _wait(lambda: "trying to send" in desk.message)
    tap(kiosk.window, find(kiosk.window, "outboxBack"))
    tap(kiosk.window, find_paged(kiosk.window, "trainerProgress"))
    _wait(lambda: desk.progressText != "")
    assert desk.progressText.startswith("0 learner cards in use")


def test_resident_carries_on_with_a_card_and_can_be_forgotten(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = _trainer_kiosk(make_kiosk, tmp_path)
    _wait(lambda: kiosk.bridges.backend.started)
    desk, learner = kiosk.bridges.trainer_desk, kiosk.bridges.learner
    _unlock(kiosk)
    tap(kiosk.window, find_paged(kiosk.window, "trainerPrint"))
    tap(kiosk.window, find_paged(kiosk.window, "printNewCard"))
    _wait(lambda: desk.cardCode != "" and not desk.busy)
    code = desk.cardCode
    kiosk.bridges.session.wipe()
    settle()

    def type_code() -> None:
        kiosk.bridges.session.begin()
        kiosk.bridges.nav.go("home")
        settle()
        tap(kiosk.window, find_paged(kiosk.window, "tileLearnerCard"))
        for symbol in code.replace("-", ""):  # on the card's own keypad
            tap(kiosk.window, button(kiosk, symbol, "learnerCode"))
        tap(kiosk.window, find(kiosk.window, "codeSubmit"))
        _wait(lambda: not learner.busy, what=lambda: learner.message)

    type_code()
    assert learner.hasCard and "finished 0 lessons" in learner.message
    kiosk.bridges.lessons.start("l01-touch")  # the player asks where to resume: started
    learner_progress = kiosk.bridges.lessons._progress
    learner_progress.mark_completed("l01-touch")  # as the player does at a lesson's end
    settle(30, 5)
    kiosk.bridges.session.wipe()
    settle()
    assert not learner.hasCard

    type_code()
    assert "finished 1 lesson" in learner.message
    assert not any(
        code in t or code.replace("-", "") in t for t in kiosk.bridges.speech.service.texts
    )
    tap(kiosk.window, find(kiosk.window, "learnerForget"))
    _wait(lambda: not learner.hasCard, what=lambda: learner.message)
    kiosk.bridges.session.wipe()
    settle()
    type_code()
    assert not learner.hasCard and "not known" in learner.message
