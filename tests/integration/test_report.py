"""Report a problem and track it, through the real screens, on the in-process practice portal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from tests.integration.conftest import find, find_paged, settle, shown, tap, walk
from tests.integration.report_helpers import (
    choose,
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
    if screen(kiosk) == "attract":
        press(kiosk, find(kiosk.window, "language_bg"))
    if screen(kiosk) != "home":
        kiosk.bridges.nav.go("home")
        settle()
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: kiosk.bridges.report.loaded)
    assert screen(kiosk) == "report-category"


def file_report(kiosk: Any, progress: list[str] | None = None) -> str:
    """A resident files a report in Bulgarian with taps and the on-screen keyboard only.
    `progress` collects the progress line of each question."""
    start_report(kiosk)
    report = kiosk.bridges.report
    seen = progress if progress is not None else []
    seen.append(report.progressText)
    # the problem in everyday words, first on the list: one touch
    choose(kiosk, "Дупка на пътя")
    assert screen(kiosk) == "report-question"
    # LANDMARK: typed on the keyboard
    seen.append(report.progressText)
    assert report.step["kind"] == "text"
    type_text(kiosk, find(kiosk.window, "questionInput"), "аптека")
    assert report.value == "Аптека"
    next_step(kiosk, "questionNext")
    # HOLES: a number on the one keypad, confirmed with the footer's Next
    seen.append(report.progressText)
    assert report.step["kind"] == "number"
    pad_digits(kiosk, "questionPad", "2")
    next_step(kiosk, "questionNext")
    # NOTICED: the date as choices, one touch
    seen.append(report.progressText)
    assert report.step["id"] == "attr:NOTICED"
    choose(kiosk, "Вчера")
    # DANGER: required single choice, one touch
    seen.append(report.progressText)
    assert report.step["id"] == "attr:DANGER"
    choose(kiosk, "Да")
    # DETAILS: optional, skipped
    seen.append(report.progressText)
    assert report.step["kind"] == "longtext"
    next_step(kiosk, "questionNext")
    # where: a typed address
    seen.append(report.progressText)
    assert screen(kiosk) == "report-location", (report.step, report.error, keyboard_up(kiosk))
    choose(kiosk, "Ще въведа адрес или ориентир")
    seen.append(report.progressText)
    type_text(kiosk, find(kiosk.window, "questionInput"), "шипка")
    next_step(kiosk, "questionNext")
    # description: a ready phrase
    seen.append(report.progressText)
    assert report.step["id"] == "description"
    press(kiosk, find(kiosk.window, "questionPhrase0"))
    next_step(kiosk, "questionNext")
    # contact: consent, then name and phone
    seen.append(report.progressText)
    assert screen(kiosk) == "report-contact"
    choose(kiosk, "Да")
    seen.append(report.progressText)
    type_text(kiosk, find(kiosk.window, "questionInput"), NAME)
    next_step(kiosk, "questionNext")
    seen.append(report.progressText)
    pad_digits(kiosk, "questionPad", PHONE)
    next_step(kiosk, "questionNext")
    next_step(kiosk, "questionNext")  # e-mail skipped
    seen.append(report.progressText)
    assert screen(kiosk) == "report-review"
    lines = {line["id"]: line["value"] for line in report.review}
    assert lines["where"] == "Шипка" and lines["attr:DANGER"] == "Да"
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: screen(kiosk) == "report-receipt")
    number = str(report.receipt["number"])
    assert not report.receipt["queued"]
    return number


def spoken(kiosk: Any) -> str:
    return " ".join(kiosk.bridges.speech.service.texts)


def test_a_resident_reports_in_bulgarian_then_tracks_it(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    kiosk.bridges.report._printer = lambda: ""  # no printer at this kiosk
    progress: list[str] = []
    number = file_report(kiosk, progress)
    # the progress line: no total until it is known, then it never changes; an address after
    # "I will type an address" and the details after "yes" share their question's number
    assert progress[0] == "Стъпка 1", progress
    totals = {re.fullmatch(r"Стъпка (\d+) от (\d+)", p).group(2) for p in progress[1:]}  # type: ignore[union-attr]
    steps = [int(re.fullmatch(r"Стъпка (\d+).*", p).group(1)) for p in progress]  # type: ignore[union-attr]
    assert len(totals) == 1 and steps == sorted(steps), progress
    assert steps[-1] == int(totals.pop()), progress  # the review is the last step
    assert steps.count(steps[7]) == 2 and steps.count(steps[10]) == 3, progress
    # the receipt: the number first, its QR code, and the number said digit by digit
    assert re.fullmatch(r"\d{4}-\d{6}", number), number
    assert find(kiosk.window, "receiptNumber").property("text") == number
    qr = find(kiosk.window, "receiptQr")
    wait(lambda: qr.property("sourceSize").width() > 0)  # the QR image was decoded
    digits = " ".join(number.replace("-", "")[:4])
    wait(lambda: digits in spoken(kiosk))  # the screen says its number when it opens
    # practice: it says what really happened, never that the city has it
    receipt = kiosk.bridges.report.receipt
    assert receipt["title"] == "Вашият сигнал за упражнение"
    assert receipt["status"].startswith("Това беше упражнение: сигналът е записан само тук.")
    assert "изпратен до общината" not in receipt["status"] + receipt["title"]
    # no printer: no print button (no file the resident cannot reach); hear it again instead
    assert not shown(find_any(kiosk, "receiptPrint"))
    said = len(kiosk.bridges.speech.service.texts)
    press(kiosk, find(kiosk.window, "receiptHear"))
    assert len(kiosk.bridges.speech.service.texts) > said
    assert digits in kiosk.bridges.speech.service.texts[-1]
    assert not list(kiosk.session_tmp.glob("*.pdf"))
    # personal details never reach the loudspeaker
    said_all = spoken(kiosk).lower()
    assert NAME not in said_all and PHONE not in said_all and "0 8 8 8" not in said_all
    # later: the practice portal has moved the report on; track it on the keypad
    settle(50, 1)
    import time

    time.sleep(2.2)
    press(kiosk, find(kiosk.window, "receiptDone"))
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


def find_any(kiosk: Any, name: str) -> Any:
    """The item with this name, shown or not."""
    return next(i for i in walk(kiosk.window.contentItem()) if i.objectName() == name)


def test_a_choice_is_one_touch_with_a_moment_of_confirmation(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report = kiosk.bridges.report
    screen_item = find(kiosk.window, "screenHeader").parentItem()
    assert screen_item.property("primaryText") == ""  # no Next: the touch is the answer
    name = next(o for o in walk(kiosk.window.contentItem())
                if o.property("text") == "Чистота и отпадъци").objectName()  # fmt: skip
    tile = find_paged(kiosk.window, name)  # a group: its kinds come next
    tap(kiosk.window, tile, reveal=False)
    # the check mark and "selected" show, on the same screen, before the next question
    mark = next(c for c in walk(tile) if c.objectName() == "selectedMark")
    assert report.step["id"] == "category" and shown(mark) and tile.property("selected")
    other = next(
        i
        for i in walk(kiosk.window.contentItem())
        if i.objectName().startswith("reportTile") and shown(i) and i is not tile
    )
    tap(kiosk.window, other, reveal=False)  # a second touch while it confirms: ignored
    wait(lambda: report.step["id"] == "service")
    assert report._wizard.answers["category"] == "g:Чистота и отпадъци"
    # the kinds in everyday words, the city's name under them; one touch again
    kinds = [(o["label"], o["detail"]) for o in report.step["options"]]
    assert ("Мръсна улица или тротоар", "Чистота") in kinds
    choose(kiosk, "Мръсна улица или тротоар")
    assert screen(kiosk) == "report-question" and report.step["id"] == "attr:LANDMARK"
    # a question with several answers keeps Next: a touch ticks, nothing moves on
    press(kiosk, find(kiosk.window, "questionBack"))
    press(kiosk, find(kiosk.window, "reportBack"))
    assert report.step["id"] == "category" and screen(kiosk) == "report-category"
    choose(kiosk, "Тече вода или запушен канал")
    assert report.step["id"] == "attr:WATER_PROBLEM" and report.step["kind"] == "multi"
    assert find(kiosk.window, "questionNext").property("text") == "Напред"
    choose(kiosk, "Тече вода", moves=False)
    choose(kiosk, "Лоша миризма", moves=False)
    settle(100, 6)
    assert report.step["id"] == "attr:WATER_PROBLEM" and report.selected == ["leak", "smell"]
    next_step(kiosk, "questionNext")
    assert report.step["id"] == "attr:DANGER"


def test_a_date_is_chosen_not_set_with_steppers(make_kiosk: Any, tmp_path: Path) -> None:
    from datetime import date, timedelta

    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report = kiosk.bridges.report
    choose(kiosk, "Дупка на пътя")
    next_step(kiosk, "questionNext")  # landmark: optional
    next_step(kiosk, "questionNext")  # holes: optional
    assert report.step["id"] == "attr:NOTICED"
    labels = [o["label"] for o in report.step["options"]]
    assert labels == ["Днес", "Вчера", "По-рано тази седмица", "Не помня", "Ще избера точния ден"]
    assert not [i for i in walk(kiosk.window.contentItem()) if "questionShift" in i.objectName()]
    before = report.progressText
    choose(kiosk, "Ще избера точния ден")
    assert report.step["id"] == "day:attr:NOTICED"
    assert report.progressText == before  # the exact day shares its question's number
    day = date.today() - timedelta(days=9)
    tile = next(o for o in report.step["options"] if o["key"] == day.isoformat())
    assert str(day.day) in tile["label"]
    choose(kiosk, tile["label"])  # on the second page: the list is turned by touch
    assert report.step["id"] == "attr:DANGER"
    sent = report._wizard.to_report("bg").attributes["NOTICED"]
    assert sent == f"{day.isoformat()}T00:00:00+02:00" or sent.startswith(day.isoformat())


def walk_to_review(kiosk: Any) -> None:
    """The shortest report: the problem, the required answer, here, no details."""
    report = kiosk.bridges.report
    start_report(kiosk)
    choose(kiosk, "Дупка на пътя")
    for _ in range(2):  # landmark, holes: optional
        next_step(kiosk, "questionNext")
    choose(kiosk, "Днес")
    choose(kiosk, "Не")
    next_step(kiosk, "questionNext")  # details: optional
    choose(kiosk, report.step["options"][0]["label"])  # here, at this kiosk
    next_step(kiosk, "questionNext")  # what is wrong: optional
    choose(kiosk, "Не")
    assert screen(kiosk) == "report-review"


def test_the_review_reads_as_sentences_each_with_its_own_change(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    report, nav = kiosk.bridges.report, kiosk.bridges.nav
    walk_to_review(kiosk)
    texts = [line["text"] for line in report.review]
    assert texts[0] == "Проблем: Дупка на пътя (Пътна инфраструктура)"
    assert "Опасно ли е за хората? Не" in texts
    assert any(t.startswith("Кога забелязахте проблема? Днес (") for t in texts)
    assert "Място: пл. „Славейков“ 4" in texts
    assert not any("Кое от тези" in t for t in texts)
    # each line has its own Change; the voice says the line with it
    place = next(i for i, line in enumerate(report.review) if line["id"] == "where")
    change = find_paged(kiosk.window, f"reviewChange{place}")
    assert change.property("text") == "Променете"
    assert change.property("spokenText") == "Място: пл. „Славейков“ 4. Променете"
    tap(kiosk.window, change, reveal=False)
    assert screen(kiosk) == "report-location"
    # Back from a change: the review, unchanged
    press(kiosk, find(kiosk.window, "locationBack"))
    assert screen(kiosk) == "report-review"
    # a new answer that asks one more question leads there, then back to the review
    tap(kiosk.window, find_paged(kiosk.window, f"reviewChange{place}"), reveal=False)
    choose(kiosk, "Ще въведа адрес или ориентир")
    assert report.step["id"] == "address"
    type_text(kiosk, find(kiosk.window, "questionInput"), "шипка")
    next_step(kiosk, "questionNext")
    assert screen(kiosk) == "report-review"
    assert "Място: Шипка" in [line["text"] for line in report.review]
    assert nav._stack.count("report-review") <= 2


def test_the_practice_receipt_says_what_really_happened(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    kiosk.bridges.report._printer = lambda: ""
    walk_to_review(kiosk)
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: screen(kiosk) == "report-receipt")
    title = find(kiosk.window, "screenTitle").property("text")
    status = find(kiosk.window, "receiptStatus").property("text")
    assert title == "Вашият сигнал за упражнение"
    assert status.startswith("Това беше упражнение: сигналът е записан само тук.")
    assert "изпратен до общината" not in title + status
    wait(lambda: status in spoken(kiosk))
    # the number is above the fold: whole on screen, right under the title, before the words
    from tests.screen_audit import ScreenAudit, _rect

    number = find(kiosk.window, "receiptNumber")
    assert ScreenAudit(kiosk.window).whole(number)
    assert _rect(number).bottom() <= _rect(find(kiosk.window, "receiptStatus")).top()


def test_with_a_printer_the_slip_can_be_printed(make_kiosk: Any, tmp_path: Path) -> None:
    """Where a printer is set up the slip is offered; without one it is not (above)."""
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    kiosk.bridges.report._printer = lambda: "Library printer"
    walk_to_review(kiosk)
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: screen(kiosk) == "report-receipt")
    assert find(kiosk.window, "receiptPrint").property("text") == "Отпечатайте листчето"


def test_back_returns_through_the_wizard_without_stacking_screens(
    make_kiosk: Any, tmp_path: Path
) -> None:
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report, nav = kiosk.bridges.report, kiosk.bridges.nav
    choose(kiosk, "Улици, осветление и транспорт")
    assert report.step["id"] == "service"
    choose(kiosk, "Дупка на пътя")
    assert screen(kiosk) == "report-question"
    next_step(kiosk, "questionNext")  # the landmark is optional: the second question
    first_question = report.step["id"]
    assert nav._stack == ["home", "report-category", "report-question"]
    # the screen's Back: one question back on the same screen, then back to the kinds
    press(kiosk, find(kiosk.window, "questionBack"))
    assert screen(kiosk) == "report-question" and report.step["id"] != first_question
    press(kiosk, find(kiosk.window, "questionBack"))
    assert screen(kiosk) == "report-category" and report.step["id"] == "service"
    assert nav._stack == ["home", "report-category"]  # popped, not pushed again
    # forward again (the chosen kind: one touch), then the keypad's Back follows the same way
    choose(kiosk, "Дупка на пътя")
    assert nav._stack == ["home", "report-category", "report-question"]
    kiosk.window.contentItem().forceActiveFocus()
    nav.back()
    settle()
    assert screen(kiosk) == "report-category" and report.step["id"] == "service"
    press(kiosk, find(kiosk.window, "reportBack"))  # the first question: the problem
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
    choose(kiosk, "Дупка на пътя")
    wait(lambda: screen(kiosk) == "report-problem")
    problem = kiosk.bridges.report.problem
    assert "0700 17 310" in problem
    assert problem in kiosk.bridges.speech.service.texts
    # another kind of problem still works
    press(kiosk, find(kiosk.window, "problemAnother"))
    assert screen(kiosk) == "report-category" and kiosk.bridges.report.step["id"] == "category"


def test_handoff_shows_the_code_and_the_phone_script_on_screen(
    make_kiosk: Any, tmp_path: Path
) -> None:
    """Call Sofia hand-off with no printer: the receipt says "scan the code with your phone",
    so the code is on the screen, and so is what to say on the phone (paged when long)."""
    kiosk = make_kiosk(settings(tmp_path, **{"portal.mode": "handoff"}), start="home")
    report = kiosk.bridges.report
    report._printer = lambda: ""
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: report.loaded)
    choose(kiosk, "Счупена лампа")  # featured: street lighting, one touch
    assert screen(kiosk) == "report-location"
    choose(kiosk, "Ще въведа адрес или ориентир")
    type_text(kiosk, find(kiosk.window, "questionInput"), "шипка")
    next_step(kiosk, "questionNext")
    press(kiosk, find(kiosk.window, "questionPhrase0"))
    next_step(kiosk, "questionNext")
    assert screen(kiosk) == "report-review"  # no contact step: nothing is sent
    press(kiosk, find(kiosk.window, "reviewSend"))
    wait(lambda: screen(kiosk) == "report-receipt")
    receipt = report.receipt
    assert receipt["handoff"] and "сканирайте кода с телефона си" in receipt["status"]
    # the code: on the screen, carrying the report's text
    qr = find(kiosk.window, "receiptQr")
    wait(lambda: qr.property("sourceSize").width() > 0)
    assert "Шипка" in receipt["qrText"] and "Улично осветление" in receipt["qrText"]
    assert qr.width() >= kiosk.bridges.display.pxPerMm * 35
    # what to say on the phone: on the screen, in whole lines, and said with the screen
    script = find(kiosk.window, "receiptScript")
    assert "0700 17 310" in script.property("text") and "Шипка" in script.property("text")
    wait(lambda: "0700 17 310" in spoken(kiosk) and "Шипка" in spoken(kiosk))
    # no printer: no print button, nothing saved; hear the words again instead
    assert not shown(find_any(kiosk, "receiptPrint"))
    press(kiosk, find(kiosk.window, "receiptHear"))
    assert kiosk.bridges.speech.service.texts[-1] == script.property("text")
    assert not list(kiosk.session_tmp.glob("*.pdf"))


def test_a_site_names_the_problems_in_its_own_words(make_kiosk: Any, tmp_path: Path) -> None:
    """`report.everyday_names`: a site's table laid over the bundled one changes the tiles and
    the home screen's promise; a broken table is left out (logged), never a broken wizard."""
    table = tmp_path / "everyday-names.toml"
    table.write_text(
        '[bg]\nfeatured = ["28", "3"]\n[bg.services]\n"28" = "Тъмна улица"\n', encoding="utf-8"
    )
    kiosk = make_kiosk(settings(tmp_path, **{"report.everyday_names": str(table)}), backend=True)
    report = kiosk.bridges.report
    start_report(kiosk)
    tiles = [(o["label"], o["detail"]) for o in report.step["options"]]
    assert tiles[:2] == [
        ("Тъмна улица", "Улично осветление"),
        ("Дупка на пътя", "Пътна инфраструктура"),
    ]
    assert report.promise == "Тъмна улица, дупка на пътя"
    press(kiosk, find(kiosk.window, "reportBack"))
    assert find(kiosk.window, "tileReport").property("description") == report.promise
    table.write_text("[bg\n", encoding="utf-8")  # not TOML: the bundled names stay
    start_report(kiosk)
    assert report.step["options"][0]["label"] == "Дупка на пътя"


def test_a_language_switch_mid_report_reloads_the_lists_and_questions(
    make_kiosk: Any, tmp_path: Path
) -> None:
    """Bulgarian at first; English after the switch: the same answers, the city's lists and
    questions now in English (the portal's own names under the everyday ones)."""
    kiosk = make_kiosk(settings(tmp_path), backend=True)
    start_report(kiosk)
    report = kiosk.bridges.report
    choose(kiosk, "Улици, осветление и транспорт")
    assert report.step["id"] == "service"
    kiosk.bridges.session.setLanguage("en")
    tiles = lambda: {o["label"]: o["detail"] for o in report.step["options"]}  # noqa: E731
    wait(lambda: tiles().get("A hole in the road") == "Roads and pavements")
    assert report.step["id"] == "service"  # the resident stays where they were
    choose(kiosk, "A hole in the road")
    wait(lambda: screen(kiosk) == "report-question")
    asked = (report.step["title"], report.step["question"])
    assert "Is there something nearby that helps to find the place?" in asked, asked
