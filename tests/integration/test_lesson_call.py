"""L10 by touch: the call rings full screen, is answered with the green button and fills the
screen with the microphone, camera and red buttons; Back shrinks it to a small window over the
chats (the call goes on), touching that window brings it back, and only the red button ends it.
The learner also starts a call from the chat; the mistake step practises the way back."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import _
from tests.integration.conftest import find, settle
from tests.integration.lesson_helpers import (
    open_step_screen,
    press,
    reveal,
    shoot,
    step_number,
    visible,
)

LESSON = "l10-video-call"
IN_CALL = ("callMute", "callCamera", "callEnd", "callSelf")


def open_call(kiosk: Any, step_id: str) -> Any:
    lessons = open_step_screen(kiosk, LESSON)
    return open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, step_id))


def state(kiosk: Any) -> str:
    return str(find(kiosk.window, "callState").property("text"))


def test_answer_mute_back_return_and_end_with_the_red_button(kiosk: Any) -> None:
    lessons = open_call(kiosk, "call-try")
    assert visible(kiosk, "callAnswer") and visible(kiosk, "callDecline")
    assert not any(visible(kiosk, name) for name in IN_CALL)
    press(kiosk, "callAnswer")
    assert all(visible(kiosk, name) for name in IN_CALL)
    reveal(kiosk, "callScreen")
    shoot(kiosk, "l10-in-call")
    press(kiosk, "callMute")
    assert lessons.feedback == _("The microphone is off.")
    press(kiosk, "callMute")
    # the common mistake: Back shrinks the call, it goes on in a small window
    press(kiosk, "callBack")
    assert visible(kiosk, "callPip") and not visible(kiosk, "callEnd")
    assert not lessons.feedbackRight and not lessons.stepDone
    reveal(kiosk, "callScreen")
    shoot(kiosk, "l10-after-back")
    press(kiosk, "callPip")
    assert visible(kiosk, "callEnd") and not visible(kiosk, "callPip")
    press(kiosk, "callEnd")
    assert lessons.stepDone and state(kiosk) == _("The call has ended")


def test_declining_is_not_the_goal_and_the_call_rings_on(kiosk: Any) -> None:
    lessons = open_call(kiosk, "call-try")
    press(kiosk, "callDecline")
    assert not lessons.feedbackRight and visible(kiosk, "callAnswer")


def test_the_learner_starts_a_video_call_from_the_chat(kiosk: Any) -> None:
    lessons = open_call(kiosk, "call-out-try")
    assert visible(kiosk, "callStart") and not visible(kiosk, "callEnd")
    press(kiosk, "callStart")
    caller = lessons._player.step.widget.params["caller"]
    assert state(kiosk) == _("Calling %1…").replace("%1", caller) or "…" in state(kiosk)
    assert visible(kiosk, "callEnd") and not visible(kiosk, "callMute")
    for _wait in range(200):  # it rings, then Petar answers
        if visible(kiosk, "callMute"):
            break
        settle(50, 1)
    assert visible(kiosk, "callMute") and state(kiosk) == caller
    press(kiosk, "callEnd")
    assert lessons.stepDone


def test_ending_before_the_answer_does_not_count_as_a_call(kiosk: Any) -> None:
    lessons = open_call(kiosk, "call-out-try")
    press(kiosk, "callStart")
    press(kiosk, "callEnd")
    assert not lessons.stepDone and visible(kiosk, "callStart")


def test_the_mistake_step_practises_the_way_back_into_the_call(kiosk: Any) -> None:
    lessons = open_call(kiosk, "mistake")
    assert visible(kiosk, "callPip") and not visible(kiosk, "callEnd")
    press(kiosk, "hintButton")
    press(kiosk, "hintButton")  # the highlight: the red button, once back in the call
    press(kiosk, "callPip")
    assert find(kiosk.window, "callEnd").property("visible")
    assert lessons.hintTarget == "callEnd"
    press(kiosk, "callEnd")
    assert lessons.stepDone
