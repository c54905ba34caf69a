"""L11 by touch: the practice form's photo field attaches a real practice photo (the kiosk has
no camera), shown in the form and named in the review; it can be removed again."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import _
from tests.integration.conftest import find
from tests.integration.lesson_helpers import open_step_screen, press, step_number, visible

LESSON = "l11-city-report"


def test_the_practice_photo_is_attached_and_shown(kiosk: Any) -> None:
    lessons = open_step_screen(kiosk, LESSON)
    step = next(s for s in lessons._player.steps if s.widget and s.widget.type == "form_sim")
    lessons = open_step_screen(kiosk, LESSON, step=step_number(lessons, LESSON, step.id))
    field = next(f for f in step.widget.params["fields"] if f["kind"] == "photo")
    assert not visible(kiosk, f"formPhoto-{field['id']}")
    press(kiosk, f"form-{field['id']}")
    photo = find(kiosk.window, f"formPhoto-{field['id']}")
    assert photo.property("paintedWidth") > 0  # a picture, not words standing in for one
    press(kiosk, "formReviewButton")
    review = find(kiosk.window, "formReview").property("text")
    assert f"{field['label']}: {_('attached')}" in review
    press(kiosk, "formChange")
    press(kiosk, f"form-{field['id']}")
    assert not visible(kiosk, f"formPhoto-{field['id']}")
