"""The lessons in the other languages: every lesson a catalog translates whole can be played to
its end in that language, and what a translation points at (a red flag's words) is in the
translated text the learner sees."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.core.lessons import Course, Lesson
from kiosk.i18n import LANGUAGES
from kiosk.services.lessons.files import load_course
from kiosk.services.lessons.languages import read_languages
from tests.unit.test_lesson_player import play

OTHER = [lang for lang in LANGUAGES if lang != "bg"]


def _translated(lang: str) -> list[Lesson]:
    known = read_languages()
    course: Course = load_course(lang=lang)
    return [lesson for lesson in course.lessons if known.has(lesson.id, lang)]


@pytest.mark.parametrize("lang", OTHER)
def test_every_translated_lesson_can_be_played_to_its_end(lang: str) -> None:
    lessons = _translated(lang)
    if not lessons:
        pytest.skip(f"no lesson is translated into {lang} yet")
    for lesson in lessons:
        player = play(lesson)
        assert player.complete, (lang, lesson.id)


def _red_flags(lesson: Lesson) -> Iterator[tuple[str, str, Any]]:
    for step in lesson.steps:
        if step.widget is None:
            continue
        for message in step.widget.params.get("messages") or ():
            for flag in message.get("red_flags") or ():
                yield step.id, str(flag.get("words") or ""), message


@pytest.mark.parametrize("lang", ["bg", *OTHER])
def test_a_red_flag_marks_words_the_message_has(lang: str) -> None:
    # The inbox highlights a red flag's words in the message: a translation of the words must
    # be a piece of the translated message (or its sender), or nothing is marked.
    lessons = load_course(lang=lang).lessons if lang == "bg" else _translated(lang)
    missing = [
        (lesson.id, step_id, words)
        for lesson in lessons
        for step_id, words, message in _red_flags(lesson)
        if words
        and words not in str(message.get("text") or "")
        and words not in str(message.get("sender") or "")
    ]
    assert missing == []
