"""Every step that declares what its practice shows (`shows:` in the lesson file) is rendered
offscreen, and the rendered widget has it: the named parts, the texts, the colours (sampled from
the pixels) and the keyboard's keys."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.services.lessons.files import load_course
from tests.integration.conftest import settle, walk
from tests.integration.lesson_helpers import (
    colour_share,
    open_step_screen,
    reveal,
    scene_rect,
    shown_texts,
    widget_items,
)

COURSE = load_course(lang="bg")
# A coloured circle or picture covers at least this share of its part's box (with its name).
MIN_COLOUR_SHARE = 0.1


def declared() -> list[tuple[str, int]]:
    found = []
    for lesson in COURSE.lessons:
        steps = [s for s in lesson.steps if not s.trainer_only]
        found += [(lesson.id, n) for n, s in enumerate(steps, 1) if s.shows is not None]
    return found


def test_some_steps_declare_what_they_show() -> None:
    assert len(declared()) >= 3


@pytest.mark.parametrize(("lesson_id", "number"), declared())
def test_the_rendered_widget_shows_what_the_step_declares(
    kiosk: Any, lesson_id: str, number: int
) -> None:
    lessons = open_step_screen(kiosk, lesson_id, step=number)
    shows = lessons._player.step.shows
    assert shows is not None
    items = list(widget_items(kiosk))
    names = {i.objectName() for i in items}
    missing = [e for e in shows.elements if e not in names]
    assert not missing, f"{lesson_id} step {number}: no visible part named {missing}"
    texts = " ".join(shown_texts(iter(items)))
    absent = [t for t in shows.texts if t not in texts]
    assert not absent, f"{lesson_id} step {number}: not shown: {absent}"
    for element, colour in shows.colours:
        item = reveal(kiosk, element)
        settle()
        share = colour_share(kiosk.window.grabWindow(), scene_rect(item), colour)
        assert share >= MIN_COLOUR_SHARE, f"{element} is not {colour} ({share:.0%} of it is)"
    if shows.keys:
        everywhere = shown_texts(
            i for i in walk(kiosk.window.contentItem()) if i.isVisible() and i.opacity() > 0
        )
        absent = [k for k in shows.keys if k not in everywhere]
        assert not absent, f"{lesson_id} step {number}: no key labelled {absent}"
