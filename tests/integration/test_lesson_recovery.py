"""Every lesson's common mistake is practised: the moment after the mistake is shown, a tempting
wrong move explains itself, a later step waits its turn, and the steps that put it right, done
in order by touch, are ticked off and pass the practice."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.i18n import _
from kiosk.services.lessons.files import load_course
from tests.integration.lesson_helpers import open_step_screen, press, step_number, visible

COURSE = load_course(lang="bg")
MISTAKES = [
    (lesson.id, step.id)
    for lesson in COURSE.lessons
    for step in lesson.steps
    if step.type == "common_mistake" and not step.trainer_only
]


def test_every_lesson_names_a_common_mistake_and_practises_it() -> None:
    assert {lesson_id for lesson_id, _step in MISTAKES} == {le.id for le in COURSE.lessons}
    for lesson in COURSE.lessons:
        for step in lesson.steps:
            if step.type == "common_mistake":
                assert step.widget is not None, (lesson.id, step.id)


@pytest.mark.parametrize(
    ("lesson_id", "step_id"),
    [m for m in MISTAKES if COURSE.lesson(m[0]).step(m[1]).widget.type == "recovery_sim"],
)
def test_the_recovery_is_practised_by_touch(kiosk: Any, lesson_id: str, step_id: str) -> None:
    lessons = open_step_screen(kiosk, lesson_id)
    lessons = open_step_screen(kiosk, lesson_id, step=step_number(lessons, lesson_id, step_id))
    params = lessons._player.step.widget.params
    steps, wrong = params["steps"], params["wrong"]
    assert visible(kiosk, "recoverySituation")
    press(kiosk, f"action-{wrong[0]['id']}")
    assert not lessons.feedbackRight and lessons.feedback == wrong[0]["why"]
    if len(steps) > 1:
        press(kiosk, f"action-{steps[-1]['id']}")
        assert lessons.feedback == _("That comes later. First: {0}").format(steps[0]["label"])
    for number, step in enumerate(steps, 1):
        assert not lessons.stepDone
        press(kiosk, f"action-{step['id']}")
        assert lessons.feedbackRight, lessons.feedback
        assert visible(kiosk, f"done-{step['id']}") and not visible(kiosk, f"action-{step['id']}")
        assert lessons.stepDone == (number == len(steps))


def test_do_it_for_me_ticks_off_every_step(kiosk: Any) -> None:
    lesson_id, step_id = "l06-scam-messages", "mistake"
    lessons = open_step_screen(kiosk, lesson_id)
    lessons = open_step_screen(kiosk, lesson_id, step=step_number(lessons, lesson_id, step_id))
    steps = lessons._player.step.widget.params["steps"]
    while not lessons.stepDone:
        press(kiosk, "hintButton")
    assert all(visible(kiosk, f"done-{s['id']}") for s in steps)
