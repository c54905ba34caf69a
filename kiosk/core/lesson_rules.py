"""The authoring rules every lesson keeps (CURRICULUM.md §2, §5), checked on the loaded model."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from kiosk.core import lessons as m
from kiosk.core.lesson_views import unplaced_flags

# Words that tell a struggling learner the fault is theirs (CURRICULUM.md §2).
BANNED_WORDS = ("просто", "лесно", "очевидно")
_BANNED = re.compile(r"\b(" + "|".join(BANNED_WORDS) + r")\b", re.IGNORECASE)
MAX_SENTENCE_WORDS = 20
# What the voice says is checked against the pronunciation layer by the services'
# lesson validator (kiosk/services/lessons/spoken.py): it needs the speech tables.
# DigComp 2.2: five areas of up to six competences each, proficiency levels 1-8.
_DIGCOMP_ID = re.compile(r"^[1-5]\.[1-6]$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


# Finds the line of a piece of text inside the object at a location (loaders know; default: none).
Locate = Callable[[m.Loc, str], m.Loc]


def _no_locate(at: m.Loc, text: str) -> m.Loc:
    return at


@dataclass(frozen=True)
class Finding:
    at: m.Loc
    severity: str  # "error" | "warning"
    message: str


def lesson_strings(lesson: m.Lesson) -> Iterator[tuple[m.Loc, str, str]]:
    """(where, field name, text) for every piece of learner-facing text in a lesson."""
    at = lesson.at
    for name in ("title", "short_title", "why_it_matters"):
        yield at, name, getattr(lesson, name)
    for goal in lesson.learning_goals:
        yield at, "learning goal", goal.text
    for step in lesson.steps:
        yield step.at, "title", step.title
        yield step.at, "body", step.body
        yield step.at, "narration", step.narration.text
        yield step.at, "alt text", step.media.alt
        for hint in step.hints:
            yield hint.at, "hint", hint.text
        if step.question is not None:
            q = step.question
            yield q.at, "question", q.stem
            for option in q.options:
                yield option.at, "option", option.text
                yield option.at, "feedback", option.feedback
    if lesson.take_home_card is not None:
        for text in lesson.take_home_card.steps:
            yield lesson.take_home_card.at, "take-home card", text


def check_lesson(
    lesson: m.Lesson,
    today: date,
    freshness_required: bool = False,
    locate: Locate = _no_locate,
) -> Iterator[Finding]:
    """Findings for one lesson on its own."""

    def error(at: m.Loc, message: str) -> Finding:
        return Finding(at, "error", message)

    def warning(at: m.Loc, message: str) -> Finding:
        return Finding(at, "warning", message)

    for step in lesson.steps:
        if not step.narration.text and not step.narration.audio:
            yield error(step.at, f"step {step.id!r} has no narration (what the voice says)")
        words = m.word_count(step.body)
        if words > m.MAX_BODY_WORDS:
            yield error(
                locate(step.at, step.body),
                f"step {step.id!r}: body has {words} words; at most {m.MAX_BODY_WORDS}",
            )
        for sentence in _SENTENCE_END.split(step.body):
            if m.word_count(sentence) > MAX_SENTENCE_WORDS:
                yield warning(
                    locate(step.at, step.body),
                    f"step {step.id!r}: a sentence of {m.word_count(sentence)} words; "
                    f"keep sentences under {MAX_SENTENCE_WORDS}: {sentence[:40]}…",
                )
        if step.type == "check" and step.question is None:
            yield error(step.at, f"check step {step.id!r} has no question")
        if step.type == "try" and step.widget is None:
            yield error(step.at, f"try step {step.id!r} has no practice widget")
        if step.type == "common_mistake" and step.widget is None:
            yield error(
                step.at,
                f"common_mistake step {step.id!r} has no practice of the recovery: add a widget "
                "(recovery_sim, or the lesson's own widget starting from the mistake)",
            )
        if step.demo_step_seconds < 8:
            yield error(step.at, f"step {step.id!r}: demo_step_seconds must be at least 8")
        if step.widget is not None and step.widget.type == "inbox_sim":
            for message in step.widget.params.get("messages") or []:
                for flag_id in unplaced_flags(message):
                    yield error(
                        step.widget.at,
                        f"step {step.id!r}, message {message.get('id')!r}: the words of red "
                        f"flag {flag_id!r} are not in its sender, text or link (they are "
                        "highlighted there after the answer)",
                    )
    for at, name, text in lesson_strings(lesson):
        found = _BANNED.search(text)
        if found:
            yield error(
                locate(at, text),
                f"the {name} uses the banned word {found.group(0)!r}: it blames the "
                "learner when something is hard; say what to do instead",
            )
    yield from _check_metadata(lesson)
    why = m.word_count(lesson.why_it_matters)
    if why > m.MAX_WHY_WORDS:
        yield error(lesson.at, f"why_it_matters has {why} words; at most {m.MAX_WHY_WORDS}")
    questions = [q for q in lesson.questions if q.type != "self_rating"]
    if len(questions) < m.MIN_CHECK_QUESTIONS:
        yield error(
            lesson.at,
            f"lesson {lesson.id!r} has {len(questions)} check questions; "
            f"it needs at least {m.MIN_CHECK_QUESTIONS}",
        )
    kinds = {step.type for step in lesson.steps}
    for needed, why_needed in (
        ("try", "a practice with a widget"),
        ("common_mistake", "a common mistake and how to recover"),
        ("recap", "a recap"),
        ("bridge", "a bridge to real life"),
    ):
        if needed not in kinds:
            yield error(lesson.at, f"lesson {lesson.id!r} has no {needed!r} step ({why_needed})")
    card = lesson.take_home_card
    if card is not None and len(card.steps) > m.MAX_CARD_STEPS:
        yield error(
            card.at, f"the take-home card has {len(card.steps)} steps; at most {m.MAX_CARD_STEPS}"
        )
    if lesson.freshness is None:
        if freshness_required:
            yield error(
                lesson.at,
                f"lesson {lesson.id!r} is in a module whose facts go stale: "
                "add 'freshness' with last_verified, review_by and sources",
            )
    elif lesson.freshness.overdue(today):
        yield warning(
            lesson.freshness.at,
            f"lesson {lesson.id!r} was due for review on "
            f"{lesson.freshness.review_by.isoformat()}: check its facts and sources",
        )


def _check_metadata(lesson: m.Lesson) -> Iterator[Finding]:
    """Competences, minutes, links and ids: the data a trainer's panel and certificates use."""
    for competence in lesson.competences:
        if not _DIGCOMP_ID.match(competence.id) or not 1 <= competence.level <= 8:
            yield Finding(
                lesson.at,
                "error",
                f"competence {competence.id!r} level {competence.level} is not a DigComp 2.2 "
                'competence (like "4.2") with a level from 1 to 8',
            )
    minutes = lesson.est_minutes
    if not 0 < minutes.self <= minutes.guided:
        yield Finding(
            lesson.at,
            "error",
            f"est_minutes: self {minutes.self} and guided {minutes.guided}; a lesson takes some "
            "minutes and a guided session takes at least as long",
        )
    links = [(lesson.at, link.url) for link in lesson.bridge.urls]
    if lesson.take_home_card is not None and lesson.take_home_card.qr:
        links.append((lesson.take_home_card.at, lesson.take_home_card.qr))
    if lesson.freshness is not None:
        links += [(lesson.freshness.at, source.url) for source in lesson.freshness.sources]
    for at, url in links:
        if not url.startswith("https://"):
            yield Finding(at, "error", f"link {url!r} must start with https://")
    seen: dict[str, m.Loc] = {}
    for question in lesson.questions:
        if question.id in seen:
            yield Finding(
                question.at,
                "error",
                f"question id {question.id!r} is also used at {seen[question.id]}",
            )
        seen.setdefault(question.id, question.at)


def _cycle(graph: dict[str, list[str]]) -> list[str]:
    """One cycle of hard prerequisites, as lesson ids in order, or [] when there is none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> list[str]:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                found = visit(nxt, [*path, nxt])
                if found:
                    return found
        state[node] = 2
        return []

    for start in graph:
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return []


def check_course(
    course: m.Course,
    today: date,
    locate: Locate = _no_locate,
    other_ids: Collection[str] = (),
) -> Iterator[Finding]:
    """Findings for every lesson plus the links between lessons (`other_ids` exist elsewhere)."""
    ids: dict[str, m.Loc] = {}
    for module in course.modules:
        for lesson in module.lessons:
            if lesson.id in ids:
                yield Finding(
                    lesson.at, "error", f"lesson id {lesson.id!r} is also used at {ids[lesson.id]}"
                )
            ids.setdefault(lesson.id, lesson.at)
            yield from check_lesson(lesson, today, module.freshness_required, locate)
    for lesson in course.lessons:
        for pre in lesson.prerequisites:
            if pre.lesson_id not in ids and pre.lesson_id not in other_ids:
                yield Finding(
                    pre.at, "error", f"prerequisite {pre.lesson_id!r} is not a lesson of the course"
                )
            elif pre.lesson_id == lesson.id:
                yield Finding(pre.at, "error", "a lesson cannot be its own prerequisite")
    graph = {
        lesson.id: [p.lesson_id for p in lesson.prerequisites if p.kind == "hard"]
        for lesson in course.lessons
    }
    cycle = _cycle(graph)
    if cycle:
        yield Finding(
            course.lesson(cycle[0]).at,
            "error",
            "prerequisites go round in a circle: " + " → ".join(cycle),
        )
    for plan in course.session_plans:
        for lesson_id in plan.lesson_ids:
            if lesson_id not in ids and lesson_id not in other_ids:
                yield Finding(
                    plan.at,
                    "error",
                    f"session plan {plan.id!r} lists {lesson_id!r}, "
                    "which is not a lesson of the course",
                )
