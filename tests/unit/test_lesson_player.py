"""The lesson player on the real course: every lesson can be finished in Bulgarian, every widget
has a friendly wrong path and a hint ladder, and progress is per session."""

from __future__ import annotations

import pytest

from kiosk.core.lesson_player import Player
from kiosk.core.lesson_progress import SessionProgress
from kiosk.core.lessons import Course, Lesson
from kiosk.services.lessons.files import load_course
from tests.unit.lesson_solutions import right_moves, wrong_move

COURSE: Course = load_course(lang="bg")
LESSONS = {lesson.id: lesson for lesson in COURSE.lessons}
WIDGET_STEPS = [
    (lesson.id, step.id) for lesson in COURSE.lessons for step in lesson.steps if step.widget
]


def play(lesson: Lesson) -> Player:
    """Walk a lesson as a careful learner: do each practice, answer each question right."""
    player = Player.resume(lesson, None)
    while True:
        step = player.step
        if step.widget is not None:
            for kind, value in right_moves(step.widget):
                verdict = player.act(kind, value)
                assert verdict.right, (step.id, kind, value, verdict.feedback)
        if step.question is not None:
            for option in step.question.correct or (step.question.options[0].id,):
                player.toggle(option)
            assert player.answer().right, step.id
        assert player.done, step.id
        if player.last:
            return player
        assert player.go(1)


@pytest.mark.parametrize("lesson_id", sorted(LESSONS))
def test_every_lesson_can_be_finished(lesson_id: str) -> None:
    player = play(LESSONS[lesson_id])
    assert player.complete
    assert player.seen == {s.id for s in player.steps}


@pytest.mark.parametrize(("lesson_id", "step_id"), WIDGET_STEPS)
def test_a_wrong_try_is_friendly_and_brings_a_hint(lesson_id: str, step_id: str) -> None:
    lesson = LESSONS[lesson_id]
    player = Player.resume(lesson, None)
    player.go([s.id for s in player.steps].index(step_id))
    widget = player.step.widget
    assert widget is not None
    move = wrong_move(widget)
    if move is None:
        pytest.skip(f"{widget.type}: every move is right")
    verdict = player.act(*move)
    assert not verdict.right and not verdict.passed
    assert verdict.feedback  # it says why, and how to go on
    assert not player.done
    assert player.wrong_tries == 1
    if player.step.hints:
        assert player.hint_level == 0  # the first rung, never "do it" on its own
    # and the learner can still succeed afterwards
    player.reset()
    for kind, value in right_moves(widget):
        player.act(kind, value)
    assert player.done


@pytest.mark.parametrize(("lesson_id", "step_id"), WIDGET_STEPS)
def test_the_hint_ladder_ends_with_do_it_for_me(lesson_id: str, step_id: str) -> None:
    player = Player.resume(LESSONS[lesson_id], None)
    player.go([s.id for s in player.steps].index(step_id))
    texts = [player.hint() for _ in range(len(player.step.hints) + 2)]
    assert texts[: len(player.step.hints)] == [h.text for h in player.step.hints]
    assert texts[-1] == player.step.hints[-1].text  # stays on the top rung
    if player.step.hints[-1].level == "do_it":
        assert player.done  # "do it for me" counts as passed


def test_wrong_answers_show_their_own_feedback_and_can_be_retried() -> None:
    lesson = next(iter(LESSONS.values()))
    player = Player.resume(lesson, None)
    while player.step.question is None or player.step.question.type != "single_choice":
        assert player.go(1)
    q = player.step.question
    wrong = next(o for o in q.options if o.id not in q.correct)
    player.toggle(wrong.id)
    verdict = player.answer()
    assert not verdict.right and verdict.feedback == wrong.feedback
    player.toggle(q.correct[0])
    assert player.answer().right and player.done


def test_a_skipped_practice_lets_the_learner_go_on() -> None:
    lesson_id, step_id = WIDGET_STEPS[0]
    player = Player.resume(LESSONS[lesson_id], None)
    player.go([s.id for s in player.steps].index(step_id))
    player.skip()
    assert player.done and player.feedback


def test_leaving_and_resuming_keeps_the_place_until_the_wipe() -> None:
    store = SessionProgress()
    lesson = LESSONS["l01-touch"]
    player = Player.resume(lesson, None)
    player.go(3)
    store.save_resume(lesson.id, player.snapshot())
    again = Player.resume(lesson, store.resume_point(lesson.id))
    assert again.index == 3 and again.seen == player.seen
    store.mark_completed("l02-screen")
    store.clear()
    assert store.resume_point(lesson.id) is None and store.completed() == set()
