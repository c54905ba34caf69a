"""L06 by touch: after each answer the message's red flags are marked on the message itself and
listed under it; the next message waits for the learner; the hint that points at the link
marks the link."""

from __future__ import annotations

from typing import Any

from tests.integration.conftest import find
from tests.integration.lesson_helpers import (
    open_step_screen,
    press,
    reveal,
    shoot,
    step_number,
    visible,
)

LESSON = "l06-scam-messages"


def marked(kiosk: Any, flag: str) -> bool:
    return bool(find(kiosk.window, f"flag-{flag}").property("marked"))


def open_inbox(kiosk: Any, step_id: str = "inbox-try") -> Any:
    lessons = open_step_screen(kiosk, LESSON)
    return open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, step_id))


def test_the_flags_show_on_the_message_after_the_answer_and_the_next_one_waits(
    kiosk: Any,
) -> None:
    lessons = open_inbox(kiosk)
    messages = lessons._player.step.widget.params["messages"]
    first = messages[0]
    flags = [f["id"] for f in first["red_flags"]]
    assert not any(marked(kiosk, f) for f in flags) and not visible(kiosk, "inboxFlags")
    press(kiosk, "judgeScam")
    assert lessons.feedbackRight
    for flag in flags:  # on the message: the words that give it away, and their note under it
        assert marked(kiosk, flag), flag
        assert visible(kiosk, f"flagNote-{flag}")
    reveal(kiosk, "inboxFlags")
    shoot(kiosk, "l06-flags-after-answer")
    # the message stays until the learner goes on
    assert visible(kiosk, f"message-{first['id']}") and visible(kiosk, "inboxNext")
    assert not visible(kiosk, "judgeScam")
    press(kiosk, "inboxNext")
    second = messages[1]
    assert visible(kiosk, f"message-{second['id']}") and not visible(kiosk, "inboxFlags")
    assert not any(marked(kiosk, f["id"]) for f in second["red_flags"])


def test_a_wrong_answer_shows_the_flags_and_lets_the_learner_answer_again(kiosk: Any) -> None:
    lessons = open_inbox(kiosk)
    first = lessons._player.step.widget.params["messages"][0]
    press(kiosk, "judgeSafe")  # the first message is a scam
    assert not lessons.feedbackRight
    assert all(marked(kiosk, f["id"]) for f in first["red_flags"])
    assert visible(kiosk, "judgeScam") and not visible(kiosk, "inboxNext")
    press(kiosk, "judgeScam")
    assert lessons.feedbackRight and visible(kiosk, "inboxNext")


def test_a_safe_message_says_it_has_no_red_flags(kiosk: Any) -> None:
    lessons = open_inbox(kiosk)
    messages = lessons._player.step.widget.params["messages"]
    for message in messages:
        press(kiosk, "judgeScam" if message["verdict"] == "scam" else "judgeSafe")
        if message["verdict"] == "safe":
            assert visible(kiosk, "inboxSafe") and not visible(kiosk, "inboxFlags")
            break
        press(kiosk, "inboxNext")


def test_the_highlight_hint_marks_the_link(kiosk: Any) -> None:
    lessons = open_inbox(kiosk)
    step = lessons._player.step
    highlight = next(h for h in step.hints if h.level == "highlight")
    assert not marked(kiosk, highlight.target)
    while lessons.hint != highlight.text:
        press(kiosk, "hintButton")
    assert marked(kiosk, highlight.target)
    link = find(kiosk.window, f"flag-{highlight.target}")
    assert link.property("lit") is True
    others = [f["id"] for f in step.widget.params["messages"][0]["red_flags"]]
    assert [f for f in others if marked(kiosk, f)] == [highlight.target]
    shoot(kiosk, "l06-hint-marks-the-link")


def test_the_harder_round_is_played_to_its_end_by_touch(kiosk: Any) -> None:
    lessons = open_inbox(kiosk, "inbox-hard-try")
    messages = lessons._player.step.widget.params["messages"]
    for index, message in enumerate(messages):
        press(kiosk, "judgeScam" if message["verdict"] == "scam" else "judgeSafe")
        assert lessons.feedbackRight
        if message.get("red_flags"):
            assert all(marked(kiosk, f["id"]) for f in message["red_flags"])
        if index < len(messages) - 1:
            press(kiosk, "inboxNext")
    assert lessons.stepDone and not visible(kiosk, "inboxNext")
