"""Every practice widget fits the width it is given: at the largest text size, on a portrait
1080x1920 panel and a small 1366x768 one, no visible part of a widget reaches past its sides
(a word under a round button, a long flagged phrase, a gallery photo)."""

from __future__ import annotations

from typing import Any

import pytest

import tests.integration.conftest as harness
from kiosk.config import Settings
from kiosk.services.lessons.files import load_course
from tests.integration.conftest import find, settle, walk
from tests.integration.lesson_helpers import open_step_screen, scene_rect

COURSE = load_course(lang="bg")
WIDGET_STEPS = [
    (lesson.id, number)
    for lesson in COURSE.lessons
    for number, step in enumerate([s for s in lesson.steps if not s.trainer_only], 1)
    if step.widget is not None
]


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768)], ids=["portrait", "small"])
def test_no_part_of_a_widget_reaches_past_its_sides(
    make_kiosk: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setattr(harness, "SIZE", size)
    kiosk = make_kiosk(Settings({"session.tap_filter_ms": 0}))
    session = kiosk.bridges.session
    problems = []
    lessons = open_step_screen(kiosk, COURSE.lessons[0].id)
    session.setTextStep(session.textStepCount - 1)
    for lesson_id, number in WIDGET_STEPS:
        lessons.show_step(lesson_id, number)
        settle(10, 2)
        loader = find(kiosk.window, "widgetLoader")
        box = scene_rect(loader)
        for item in walk(loader):
            if not item.isVisible() or item.opacity() == 0 or item.width() <= 0:
                continue
            if item.clip() or any(p.clip() for p in _ancestors(item, loader)):
                continue  # drawn inside a clipped picture or screen
            rect = scene_rect(item)
            if rect.left() < box.left() - 2 or rect.right() > box.right() + 2:
                kind = lessons._player.step.widget.type
                name = item.objectName() or type(item).__name__
                over = max(box.left() - rect.left(), rect.right() - box.right())
                problems.append(f"{lesson_id} step {number} ({kind}): {name} {over:.0f} px over")
                break  # one per step is enough to find it
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def _ancestors(item: Any, stop: Any) -> list[Any]:
    found = []
    parent = item.parentItem()
    while parent is not None and parent is not stop:
        found.append(parent)
        parent = parent.parentItem()
    return found
