"""The four journeys of issue 12, by touch only (tests/journeys.py counts the touches): each
starts on the home screen of a kiosk whose session has begun, in Bulgarian, and ends when the
resident has what she came for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF

from tests.journeys import ENTER, FORWARD, NotOnScreen, Touches, settle, wait

CATEGORY = {"bg": "Улици, осветление и транспорт"}  # the potholes' kind of problem
SERVICE_NAME = {"bg": "Пътна инфраструктура"}
POTHOLE = {"bg": "Дупка на пътя"}  # its everyday name, offered first (the frame's wizard)


def forward(touch: Touches) -> None:
    """The way forward on the screen shown: the frame's primary action, or before the frame the
    screen's own Next."""
    if touch.shown("typingStrip") is not None:  # the keys are up: Next is above them
        if touch.items("stripNext"):
            touch.tap("stripNext")
        else:  # before the frame: the keyboard's Enter key
            touch.tap_key(ENTER)
        return
    header = touch.shown("screenHeader")
    name = header.parentItem().property("primaryName") if header is not None else None
    if not name or touch.shown(str(name)) is None:
        name = next((n for n in FORWARD if touch.shown(n) is not None), None)
    if not name:
        raise NotOnScreen("no way forward on this screen")
    touch.tap(str(name))


def report(kiosk: Any, touch: Touches, lang: str = "bg") -> None:
    """A pothole, from the home screen to the receipt: the required answers and a ready phrase
    for what is wrong; the place is "here, at this kiosk"; no contact details."""
    bridge, nav = kiosk.bridges.report, kiosk.bridges.nav
    touch.tap("tileReport")
    wait(lambda: bridge.loaded, "the kinds of problem")
    try:
        choose(touch, bridge, touch.button_with(POTHOLE[lang]))
    except NotOnScreen:  # before the frame: the city's groups, then its kinds
        choose(touch, bridge, touch.button_with(CATEGORY[lang]))
        wait(lambda: bridge.step["id"] == "service", "the kinds of pothole")
        choose(touch, bridge, touch.button_with(SERVICE_NAME[lang]))
    wait(lambda: nav.screen == "report-question", "the first question")
    for _ in range(30):
        if nav.screen == "report-review":
            break
        try:
            answer(touch, bridge, nav)
        except NotOnScreen as exc:
            raise NotOnScreen(f"{bridge.step['id']}: {exc}") from None
    touch.tap("reviewSend")
    wait(lambda: nav.screen == "report-receipt", "the receipt")
    touch.reach("receiptNumber")  # the number is on screen without Down


def choose(touch: Touches, bridge: Any, name: str) -> None:
    """Touch a choice; if the screen does not go on by itself, touch the way forward."""
    step = bridge.step["id"]
    touch.tap(name)
    for _ in range(150):  # one touch goes on after its moment of confirmation (0.4 s)
        if bridge.step["id"] != step:
            return
        settle(10, 1)
    forward(touch)


def answer(touch: Touches, bridge: Any, nav: Any) -> None:
    """One question of the report as a resident answers it: what is asked and required gets an
    answer, the rest is skipped with the way forward."""
    step = dict(bridge.step)
    screen = nav.screen
    if step["id"] == "where":
        choose(touch, bridge, "locationTile0")  # here, at this kiosk
    elif step["id"] == "contact":
        choose(touch, bridge, "contactTile0")  # no, without my details
    elif step["id"] == "description":
        if touch.shown("typingStrip") is not None:  # the keys came up for the field: type
            touch.type_text("questionInput", "дупка")
        else:
            touch.tap("questionPhrase0")
        forward(touch)
    elif step["required"] and step["options"]:
        choose(touch, bridge, "questionTile0")
    elif step["required"] and step["kind"] in ("text", "longtext"):
        touch.type_text("questionInput", "шипка")
        forward(touch)
    else:
        forward(touch)
    wait(lambda: bridge.step["id"] != step["id"] or nav.screen != screen, f"after {step['id']}")


def lesson(kiosk: Any, touch: Touches) -> None:
    """L01, every step in order, each practice done by touch, to the lesson's end."""
    lessons, nav = kiosk.bridges.lessons, kiosk.bridges.nav
    touch.tap("tileLessons")
    touch.tap("lesson-l01-touch")
    wait(lambda: nav.screen == "lesson-step", "the lesson")
    for _ in range(40):
        if nav.screen != "lesson-step":
            return
        player = lessons._player
        if player is not None and player.step.widget is not None and not player.done:
            practise(touch, lessons)
        forward(touch)
    raise AssertionError("L01 did not end")


def practise(touch: Touches, lessons: Any) -> None:
    """The step's practice by touch; a touch that missed is tried once more (touching a
    target already done changes nothing)."""
    for _attempt in range(2):
        practise_once(touch, lessons)
        if lessons._player.done:
            return
    assert lessons._player.done, (lessons._player.step.id, lessons.feedback)


def practise_once(touch: Touches, lessons: Any) -> None:
    from tests.unit.lesson_solutions import right_moves

    widget = lessons._player.step.widget
    for _kind, value in right_moves(widget):
        if widget.type == "touch_target":
            touch.tap(f"target-{value}")
        elif widget.type == "double_tap":
            item = touch.reach(f"target-{value}")
            touch.click(item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint(),
                        double=True)  # fmt: skip
            settle(400, 2)
        elif widget.type == "press_hold":
            touch.hold(f"target-{value}", int(float(widget.params["hold_seconds"]) * 1000))
        elif widget.type == "scroll_find":
            area = touch.reach("scrollList")
            for _ in range(20):
                item = touch.shown(f"item-{value}")
                if item is not None and touch.whole(item):
                    break
                touch.swipe_up(area)
            touch.tap(f"item-{value}")
        elif widget.type in ("drag_drop", "card_sort"):  # touch the thing, then where it goes
            item_id, _sep, bin_id = value.partition(":")
            if not touch.items(f"sortItem-{item_id}"):
                continue  # already where it belongs
            touch.tap(f"sortItem-{item_id}")
            touch.tap(f"bin-{bin_id}")
        elif widget.type == "pinch_zoom":
            while lessons._player.step.widget and not lessons._player.done:
                touch.tap("zoomBigger")
        elif widget.type == "recovery_sim":
            touch.tap(f"action-{value}")
        elif widget.type in ("single_choice", "true_false"):
            touch.tap(f"option-{value}")
        else:
            raise AssertionError(f"L01's journey has no touches for {widget.type}")


def pharmacy(kiosk: Any, touch: Touches) -> None:
    """The nearest pharmacy: its name, address and distance on screen."""
    places, nav = kiosk.bridges.places, kiosk.bridges.nav
    touch.tap("tileHelpNearby")
    touch.tap("category_pharmacy")
    wait(lambda: not places.busy and places.loaded, "the pharmacies")
    touch.tap("place1")
    wait(lambda: nav.screen == "place", "the pharmacy")
    if touch.items("screenTitle"):  # its name (the frame's title; before it, the first line)
        touch.reach("screenTitle")


def departures(kiosk: Any, touch: Touches) -> None:
    """The board of the stops nearby: the first departure on screen (before the board, the first
    stop's first line)."""
    board = kiosk.bridges.departures
    touch.tap("tileDepartures")
    wait(lambda: board.loaded or board.problem, "the departures")
    assert not board.problem, board.problem
    if touch.items("row0"):  # the board (with no departure at this hour, what it says instead)
        touch.reach("row0")
    elif touch.items("departuresStatus"):
        touch.reach("departuresStatus")
    else:  # before the board: the first stop's first line
        touch.reach("line0_0")


WALKS = {"report": report, "lesson": lesson, "pharmacy": pharmacy, "departures": departures}
