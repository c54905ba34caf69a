"""L13 by touch: the right stop shows its board with the lines and the minutes the text asks the
learner to read; the validator's screen turns green with "Valid card" for the bank card."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import _
from tests.integration.conftest import find
from tests.integration.lesson_helpers import (
    colour_share,
    open_step_screen,
    press,
    reveal,
    scene_rect,
    shoot,
    step_number,
    visible,
)

LESSON = "l13-transport"


def open_practice(kiosk: Any, step_id: str) -> Any:
    lessons = open_step_screen(kiosk, LESSON)
    return open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, step_id))


def test_the_stop_by_the_market_shows_when_the_bus_comes(kiosk: Any) -> None:
    lessons = open_practice(kiosk, "stop-try")
    params = lessons._player.step.widget.params
    target = next(s for s in params["stops"] if s["id"] == params["target"])
    assert not visible(kiosk, "transitBoard")
    press(kiosk, f"pick-{target['id']}")
    assert lessons.feedbackRight and lessons.stepDone
    reveal(kiosk, "transitBoard")
    shoot(kiosk, "l13-board")
    for arrival in target["arrivals"]:
        assert visible(kiosk, f"arrival-{arrival['id']}")
        shown = find(kiosk.window, f"minutes-{arrival['id']}").property("text")
        assert str(arrival["minutes"]) in shown, shown


def test_a_wrong_stop_says_so_and_the_right_one_can_still_be_chosen(kiosk: Any) -> None:
    lessons = open_practice(kiosk, "stop-try")
    params = lessons._player.step.widget.params
    wrong = next(s["id"] for s in params["stops"] if s["id"] != params["target"])
    press(kiosk, f"pick-{wrong}")
    assert not lessons.feedbackRight and not lessons.stepDone
    press(kiosk, f"pick-{params['target']}")
    assert lessons.stepDone


def test_the_validator_turns_green_with_valid_card_for_the_bank_card(kiosk: Any) -> None:
    lessons = open_practice(kiosk, "validator-try")
    cards = lessons._player.step.widget.params["cards"]
    text = find(kiosk.window, "validatorText")
    assert text.property("text") == _("Touch your card here")
    bad = next(c["id"] for c in cards if not c["valid"])
    press(kiosk, f"pick-{bad}")
    assert text.property("text") == _("Invalid card") and not lessons.stepDone
    screen = reveal(kiosk, "validatorScreen")
    assert colour_share(kiosk.window.grabWindow(), scene_rect(screen), "red") > 0.5
    good = next(c["id"] for c in cards if c["valid"])
    press(kiosk, f"pick-{good}")
    assert text.property("text") == _("Valid card") and lessons.stepDone
    screen = reveal(kiosk, "validatorScreen")
    shoot(kiosk, "l13-validator")
    assert colour_share(kiosk.window.grabWindow(), scene_rect(screen), "green") > 0.5
