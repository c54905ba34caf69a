"""L07 by touch: the pretend call rings, the learner answers, the caller's lines are heard in
the speech port's second voice ("other") and shown; a narrator's note is heard in the narrator's
voice; the learner's answers are the choices; hanging up safely ends the practice."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import _
from tests.integration.conftest import find
from tests.integration.lesson_helpers import open_step_screen, press, shoot, step_number, visible

LESSON = "l07-phone-scams"


def last_said(kiosk: Any) -> Any:
    return kiosk.bridges.speech.service.spoken[-1]


def test_the_caller_is_heard_in_another_voice_and_answered_by_choices(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, LESSON)
    lessons = open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, "call-try"))
    nodes = {n["id"]: n for n in lessons._player.step.widget.params["nodes"]}
    assert visible(kiosk, "callAnswer") and not visible(kiosk, "callLine")
    assert not any(visible(kiosk, f"choice-{c['id']}") for c in nodes["start"]["choices"])
    press(kiosk, "callAnswer")
    said = last_said(kiosk)
    assert (said.text, said.voice) == (nodes["start"]["says"], "other")
    assert visible(kiosk, "callLine") and all(
        visible(kiosk, f"choice-{c['id']}") for c in nodes["start"]["choices"]
    )
    shoot(kiosk, "l07-call")
    press(kiosk, "callHear")
    assert (last_said(kiosk).text, last_said(kiosk).voice) == (nodes["start"]["says"], "other")
    press(kiosk, "choice-how-much")
    assert (last_said(kiosk).text, last_said(kiosk).voice) == (nodes["money"]["says"], "other")
    press(kiosk, "choice-give")  # the story goes wrong: the narrator says so, in its own voice
    assert (last_said(kiosk).text, last_said(kiosk).voice) == (nodes["lost"]["says"], "")
    assert not lessons.stepDone
    press(kiosk, "choice-retry")
    assert (last_said(kiosk).text, last_said(kiosk).voice) == (nodes["start"]["says"], "other")
    press(kiosk, "choice-hang")
    assert lessons.stepDone and lessons.feedbackRight
    assert last_said(kiosk).voice == ""  # the feedback is the narrator's
    assert find(kiosk.window, "callState").property("text") == _("The call has ended")
