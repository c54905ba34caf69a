"""The authoring rules every lesson keeps (CURRICULUM.md §2, §5), checked on the loaded model."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from kiosk.core import lessons as m
from kiosk.core.lesson_views import unplaced_flags
from kiosk.i18n import N_, _

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


# The fields a banned word is named in (translated where the message is made).
FIELD_NAMES = {
    "title": N_("title"),
    "short_title": N_("short title"),
    "why_it_matters": N_("why it matters"),
    "learning goal": N_("learning goal"),
    "body": N_("body"),
    "narration": N_("narration"),
    "alt text": N_("alt text"),
    "hint": N_("hint"),
    "question": N_("question"),
    "option": N_("option"),
    "feedback": N_("feedback"),
    "take-home card": N_("take-home card"),
}


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
    """Findings for one lesson on its own. A field the loader could not read (`unread`) was
    reported there; the rules about it stay quiet, so one mistake gives one message."""

    def error(at: m.Loc, message: str) -> Finding:
        return Finding(at, "error", message)

    def warning(at: m.Loc, message: str) -> Finding:
        return Finding(at, "warning", message)

    for step in lesson.steps:
        yield from _check_step(step, locate)
    for at, name, text in lesson_strings(lesson):
        found = _BANNED.search(text)
        if found:
            yield error(
                locate(at, text),
                _(
                    "the {field} uses the banned word {word}: it blames the learner when "
                    "something is hard; say what to do instead"
                ).format(field=_(FIELD_NAMES[name]), word=repr(found.group(0))),
            )
    yield from _check_metadata(lesson)
    why = m.word_count(lesson.why_it_matters)
    if why > m.MAX_WHY_WORDS:
        yield error(
            lesson.at,
            _("why_it_matters has {words} words; at most {most}").format(
                words=why, most=m.MAX_WHY_WORDS
            ),
        )
    # A step whose type or question could not be read may be the one these rules look for.
    unsure = "steps" in lesson.unread or any(
        {"type", "question", "widget"} & step.unread for step in lesson.steps
    )
    questions = [q for q in lesson.questions if q.type != "self_rating"]
    if len(questions) < m.MIN_CHECK_QUESTIONS and not unsure:
        yield error(
            lesson.at,
            _("lesson {id} has {count} check questions; it needs at least {least}").format(
                id=repr(lesson.id), count=len(questions), least=m.MIN_CHECK_QUESTIONS
            ),
        )
    kinds = {step.type for step in lesson.steps}
    for needed, why_needed in (
        ("try", N_("a practice with a widget")),
        ("common_mistake", N_("a common mistake and how to put it right")),
        ("recap", N_("a recap")),
        ("bridge", N_("a bridge to real life")),
    ):
        if needed not in kinds and not unsure:
            yield error(
                lesson.at,
                _("lesson {id} has no {type} step ({why})").format(
                    id=repr(lesson.id), type=repr(needed), why=_(why_needed)
                ),
            )
    card = lesson.take_home_card
    if card is not None and len(card.steps) > m.MAX_CARD_STEPS:
        yield error(
            card.at,
            _("the take-home card has {count} steps; at most {most}").format(
                count=len(card.steps), most=m.MAX_CARD_STEPS
            ),
        )
    if lesson.freshness is None:
        if freshness_required and "freshness" not in lesson.unread:
            yield error(
                lesson.at,
                _(
                    "lesson {id} is in a module whose facts go stale: add 'freshness' with "
                    "last_verified, review_by and sources"
                ).format(id=repr(lesson.id)),
            )
    elif lesson.freshness.overdue(today):
        yield warning(
            lesson.freshness.at,
            _("lesson {id} was due for review on {day}: check its facts and sources").format(
                id=repr(lesson.id), day=lesson.freshness.review_by.isoformat()
            ),
        )


def _check_step(step: m.Step, locate: Locate) -> Iterator[Finding]:
    """Findings for one step: narration, length, its practice or question."""
    name = repr(step.id)
    if not step.narration.text and not step.narration.audio and "narration" not in step.unread:
        yield Finding(
            step.at,
            "error",
            _("step {id} has no narration (what the voice says)").format(id=name),
        )
    words = m.word_count(step.body)
    if words > m.MAX_BODY_WORDS:
        yield Finding(
            locate(step.at, step.body),
            "error",
            _("step {id}: the body has {words} words; at most {most}").format(
                id=name, words=words, most=m.MAX_BODY_WORDS
            ),
        )
    for sentence in _SENTENCE_END.split(step.body):
        if m.word_count(sentence) > MAX_SENTENCE_WORDS:
            yield Finding(
                locate(step.at, step.body),
                "warning",
                _(
                    "step {id}: a sentence of {words} words; keep sentences under {most}: {start}…"
                ).format(
                    id=name,
                    words=m.word_count(sentence),
                    most=MAX_SENTENCE_WORDS,
                    start=sentence[:40],
                ),
            )
    if step.type == "check" and step.question is None and "question" not in step.unread:
        yield Finding(step.at, "error", _("the check step {id} has no question").format(id=name))
    if step.type == "try" and step.widget is None and "widget" not in step.unread:
        yield Finding(
            step.at, "error", _("the try step {id} has no practice widget").format(id=name)
        )
    if step.type == "common_mistake" and step.widget is None and "widget" not in step.unread:
        yield Finding(
            step.at,
            "error",
            _(
                "the common_mistake step {id} has no practice of the recovery: add a widget "
                "(recovery_sim, or the lesson's own widget starting from the mistake)"
            ).format(id=name),
        )
    if step.demo_step_seconds < 8:
        yield Finding(
            step.at,
            "error",
            _("step {id}: demo_step_seconds must be at least 8").format(id=name),
        )
    if step.widget is not None and step.widget.type == "inbox_sim":
        for message in step.widget.params.get("messages") or []:
            for flag_id in unplaced_flags(message):
                yield Finding(
                    step.widget.at,
                    "error",
                    _(
                        "step {id}, message {message}: the words of the red flag {flag} are "
                        "not in its sender, text or link (they are marked there after the "
                        "answer)"
                    ).format(id=name, message=repr(message.get("id")), flag=repr(flag_id)),
                )


def _check_metadata(lesson: m.Lesson) -> Iterator[Finding]:
    """Competences, minutes, links and ids: the data a trainer's panel and certificates use."""
    for competence in lesson.competences:
        if not _DIGCOMP_ID.match(competence.id) or not 1 <= competence.level <= 8:
            yield Finding(
                lesson.at,
                "error",
                _(
                    "competence {id} level {level} is not a DigComp 2.2 competence (like "
                    '"4.2") with a level from 1 to 8'
                ).format(id=repr(competence.id), level=competence.level),
            )
    minutes = lesson.est_minutes
    if not 0 < minutes.self <= minutes.guided and "est_minutes" not in lesson.unread:
        yield Finding(
            lesson.at,
            "error",
            _(
                "est_minutes: self {alone} and guided {guided}; a lesson takes some minutes and "
                "a guided session takes at least as long"
            ).format(alone=minutes.self, guided=minutes.guided),
        )
    links = [(lesson.at, link.url) for link in lesson.bridge.urls]
    if lesson.take_home_card is not None and lesson.take_home_card.qr:
        links.append((lesson.take_home_card.at, lesson.take_home_card.qr))
    if lesson.freshness is not None:
        links += [(lesson.freshness.at, source.url) for source in lesson.freshness.sources]
    for at, url in links:
        if url and not url.startswith("https://"):
            yield Finding(
                at, "error", _("the link {url} must start with https://").format(url=repr(url))
            )
    seen: dict[str, m.Loc] = {}
    for question in lesson.questions:
        if question.id and question.id in seen:
            yield Finding(
                question.at,
                "error",
                _("the question id {id} is also used on line {line}").format(
                    id=repr(question.id), line=seen[question.id].line
                ),
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
                    lesson.at,
                    "error",
                    _("the lesson id {id} is also used in {place}").format(
                        id=repr(lesson.id), place=str(ids[lesson.id])
                    ),
                )
            ids.setdefault(lesson.id, lesson.at)
            yield from check_lesson(lesson, today, module.freshness_required, locate)
    for lesson in course.lessons:
        for pre in lesson.prerequisites:
            if pre.lesson_id and pre.lesson_id not in ids and pre.lesson_id not in other_ids:
                yield Finding(
                    pre.at,
                    "error",
                    _("the prerequisite {id} is not a lesson of the course").format(
                        id=repr(pre.lesson_id)
                    ),
                )
            elif pre.lesson_id == lesson.id:
                yield Finding(pre.at, "error", _("a lesson cannot be its own prerequisite"))
    graph = {
        lesson.id: [p.lesson_id for p in lesson.prerequisites if p.kind == "hard"]
        for lesson in course.lessons
    }
    cycle = _cycle(graph)
    if cycle:
        yield Finding(
            course.lesson(cycle[0]).at,
            "error",
            _("the prerequisites go round in a circle: {lessons}").format(
                lessons=" → ".join(cycle)
            ),
        )
    for plan in course.session_plans:
        for lesson_id in plan.lesson_ids:
            if lesson_id not in ids and lesson_id not in other_ids:
                yield Finding(
                    plan.at,
                    "error",
                    _(
                        "the session plan {plan} lists {id}, which is not a lesson of the course"
                    ).format(plan=repr(plan.id), id=repr(lesson_id)),
                )
