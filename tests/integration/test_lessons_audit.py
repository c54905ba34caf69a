"""The accessibility audit over one step of every step type and every practice widget, in every
language, text size and theme (the screen audit alone only sees the first step of a lesson)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest

from kiosk.i18n import LANGUAGES
from kiosk.services.lessons.files import load_course
from tests.audit import audit_window
from tests.integration.conftest import settle


def sample_steps() -> dict[str, tuple[str, int]]:
    """kind ("step:explain", "widget:inbox_sim") -> (lesson id, step number from 1)."""
    found: dict[str, tuple[str, int]] = {}
    for lesson in COURSE.lessons:
        steps = [s for s in lesson.steps if not s.trainer_only]
        for number, step in enumerate(steps, 1):
            found.setdefault(f"step:{step.type}", (lesson.id, number))
            if step.widget is not None:
                found.setdefault(f"widget:{step.widget.type}", (lesson.id, number))
            if step.question is not None:
                found.setdefault(f"question:{step.question.type}", (lesson.id, number))
    return found


COURSE = load_course(lang="bg")
SAMPLES = sample_steps()
SCROLL_ROW_GAP = re.compile(r"gap: .* mm from KButton\[scroll(Up|Down)\]")


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in strings(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in strings(v)]
    return []


def step_content(lesson_id: str, number: int) -> str:
    """Every text of a step in Bulgarian: web addresses, "SMS" and sender names in it are
    what the lesson teaches to recognise, shown as they really appear."""
    lesson = COURSE.lesson(lesson_id)
    step = [s for s in lesson.steps if not s.trainer_only][number - 1]
    texts = [step.title, step.body]
    if step.widget is not None:
        texts += strings(step.widget.params)
    if step.question is not None:
        texts += [step.question.stem] + [
            t for o in step.question.options for t in (o.text, o.feedback)
        ]
    return " ".join(texts)


LATIN_FINDING = re.compile(r"Latin words in \w+: \[(.*)\]$")


def is_content_latin(line: str, content: str) -> bool:
    """A Latin-words finding whose words all come from the lesson's own text."""
    match = LATIN_FINDING.search(line)
    if match is None:
        return False
    words = [w.strip(" '\"") for w in match.group(1).split(",")]
    return all(w in content for w in words)


def audit_steps(kiosk: Any, lang: str) -> list[str]:
    session, lessons = kiosk.bridges.session, kiosk.bridges.lessons
    px_per_mm = kiosk.bridges.display.pxPerMm
    problems: list[str] = []
    session.begin()
    session.setLanguage(lang)
    kiosk.bridges.nav.go("lesson-step")
    settle(10, 2)
    for text_step in range(session.textStepCount):
        for high_contrast in (False, True):
            session.setTextStep(text_step)
            session.setHighContrast(high_contrast)
            for kind, (lesson_id, number) in SAMPLES.items():
                session.activity()  # as a touch would: a slow machine must not reach the idle wipe
                lessons.show_step(lesson_id, number)
                settle(10, 2)
                where = f"{kind} ({lesson_id} step {number}) {lang} size {text_step + 1}"
                where += " high" if high_contrast else " normal"
                content = step_content(lesson_id, number)
                found = [
                    line
                    for line in audit_window(kiosk.window, px_per_mm, text_step, lang)
                    if not is_content_latin(line, content)
                ]
                problems += [f"{where}: {line}" for line in found]
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_and_widget_type_passes_the_audit(kiosk: Any, lang: str) -> None:
    # A button half scrolled under the screen's Up/Down row is measured whole by the audit and
    # found too close to them: a frame (KScreen) matter for every long screen, not the lessons'.
    problems = [p for p in audit_steps(kiosk, lang) if not SCROLL_ROW_GAP.search(p)]
    if lang not in ("bg", "en"):
        # Interface strings waiting for the translator are reported, not failed, here.
        problems = [p for p in problems if "untranslated: " not in p]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
