"""L09 by touch: a reply typed on the on-screen keyboard into a real field and sent, a photo
chosen in the pretend gallery and sent, and a voice message recorded by holding the microphone;
each appears on the right as a messenger shows it."""

from __future__ import annotations

from typing import Any

from tests.integration.conftest import find, settle, tap, walk
from tests.integration.lesson_helpers import (
    hold,
    open_step_screen,
    press,
    reveal,
    shoot,
    step_number,
    visible,
)
from tests.integration.report_helpers import type_text

LESSON = "l09-messages"


def bubble_text(kiosk: Any, line_id: str) -> str:
    texts = [i.property("text") for i in walk(find(kiosk.window, f"bubble-{line_id}"))]
    return " ".join(t for t in texts if isinstance(t, str))


def test_type_a_reply_send_a_photo_and_a_voice_message(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, LESSON)
    lessons = open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, "chat-try"))
    assert visible(kiosk, "bubble-m1") and not visible(kiosk, "bubble-m2")
    assert not find(kiosk.window, "chatSend").isEnabled()  # nothing typed yet
    # a real field, typed on the on-screen keyboard
    type_text(kiosk, reveal(kiosk, "chatField"), "добре съм")
    assert find(kiosk.window, "keyboard").property("active")
    assert find(kiosk.window, "chatField").property("text").lower() == "добре съм"
    shoot(kiosk, "l09-typing")
    enter = next(  # the keyboard's Enter key sends (the keys cover the Send button)
        item
        for item in walk(find(kiosk.window, "keyboard"))
        if item.property("key") == 0x01000004 and item.isVisible()  # Qt.Key_Return
    )
    tap(kiosk.window, enter, reveal=False)
    settle(50, 3)
    assert not visible(kiosk, "keyboard")  # sent: the keys go away, the chat shows again
    assert "Добре съм" in bubble_text(kiosk, "m2") or "добре съм" in bubble_text(kiosk, "m2")
    assert visible(kiosk, "bubble-m3") and find(kiosk.window, "chatField").property("text") == ""
    # a photo from the gallery: the wrong one is named, the right one can be sent
    press(kiosk, "chatPhoto")
    assert visible(kiosk, "chatGallery")
    press(kiosk, "gallery-park")
    assert not lessons.feedbackRight and not find(kiosk.window, "chatSend").isEnabled()
    press(kiosk, "gallery-flowers")
    assert lessons.feedbackRight and find(kiosk.window, "chatSend").isEnabled()
    press(kiosk, "chatSend")
    assert visible(kiosk, "bubble-m4") and not visible(kiosk, "chatGallery")
    assert visible(kiosk, "bubble-m5") and not lessons.stepDone
    # a voice message: a short touch explains, a hold records and sends
    press(kiosk, "chatVoice")
    assert not lessons.feedbackRight and not visible(kiosk, "bubble-m6")
    hold(kiosk, "chatVoice")
    assert visible(kiosk, "bubble-m6") and visible(kiosk, "bubble-m7")
    assert lessons.stepDone
    reveal(kiosk, "bubble-m6")
    shoot(kiosk, "l09-chat-done")
