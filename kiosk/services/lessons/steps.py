"""Build one Lesson (its steps, questions, hints, card, bridge) from a lesson file's YAML tree."""

from __future__ import annotations

from kiosk.core import lessons as m
from kiosk.core.lesson_widgets import COLOURS, SPECS
from kiosk.services.lessons.params import read_widget
from kiosk.services.lessons.parts import (
    read_bridge,
    read_card,
    read_completion,
    read_freshness,
    read_prerequisite,
    read_trainer,
)
from kiosk.services.lessons.yaml_lines import LineDict, Reader

LESSON_KEYS = (
    "id", "version", "status", "title", "short_title", "why_it_matters", "learning_goals",
    "competences", "est_minutes", "prerequisites", "glossary_terms", "tags", "completion_rule",
    "steps", "take_home_card", "bridge", "trainer", "safety_notes", "freshness", "licence",
    "credits",
)  # fmt: skip
STEP_KEYS = (
    "id", "type", "title", "body", "narration", "image", "alt", "regions", "video", "transcript",
    "widget", "question", "hints", "greyed_controls", "trainer_only", "sync_point",
    "demo_step_seconds", "shows",
)  # fmt: skip
SHOWS_KEYS = ("elements", "texts", "colours", "keys")

Images = list[tuple[m.Loc, str]]


def image_path_problem(name: str) -> str:
    """Why an image path may not be used ('' when it may): it must stay in the course folder."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        return f"image {name!r} must be a path inside the course folder (no '..', not absolute)"
    return ""


def read_lesson_tree(r: Reader, tree: LineDict) -> tuple[m.Lesson, Images]:
    lid = r.string(tree, "id", "the lesson")
    what, p = f"lesson {lid}", lid
    r.keys(tree, LESSON_KEYS, what)
    status = r.string(tree, "status", what, default="draft")
    if status not in m.STATUSES:
        r.error(
            r.line_of(tree, "status"), f"status {status!r} must be one of {', '.join(m.STATUSES)}"
        )
    images: Images = []
    steps, seen = [], set()
    for node in r.mappings(tree, "steps", what):
        step = _step(r, node, p, images)
        if step.id in seen:
            r.error(node.line, f"step id {step.id!r} is used twice in {what}")
        seen.add(step.id)
        steps.append(step)
    minutes = r.mapping(tree, "est_minutes", what)
    lesson = m.Lesson(
        id=lid,
        version=r.integer(tree, "version", what, default=1),
        status=status,
        title=r.text(tree, "title", p, what),
        short_title=r.text(tree, "short_title", p, what),
        why_it_matters=r.text(tree, "why_it_matters", p, what),
        learning_goals=tuple(
            m.Goal(
                r.string(g, "id", "a goal"), r.text(g, "text", f"{p}.goal.{g.get('id')}", "a goal")
            )
            for g in r.mappings(tree, "learning_goals", what)
        ),
        competences=tuple(
            m.Competence(str(c.get("id", "")), r.integer(c, "level", "a competence"))
            for c in r.mappings(tree, "competences", what)
        ),
        est_minutes=m.Minutes(
            r.integer(minutes, "self", "est_minutes") if minutes else 0,
            r.integer(minutes, "guided", "est_minutes") if minutes else 0,
        ),
        steps=tuple(steps),
        take_home_card=read_card(r, tree, p, what),
        bridge=read_bridge(r, tree, p, what),
        prerequisites=tuple(
            read_prerequisite(r, n) for n in r.mappings(tree, "prerequisites", what, False)
        ),
        glossary_terms=r.strings(tree, "glossary_terms", what, path=p),
        tags=r.strings(tree, "tags", what),
        completion_rule=read_completion(r, tree, what),
        trainer=read_trainer(r, tree, p, what),
        safety_notes=r.text(tree, "safety_notes", p, what, required=False),
        freshness=read_freshness(r, tree, what),
        licence=r.string(tree, "licence", what, required=False),
        credits=r.strings(tree, "credits", what),
        at=r.loc(tree.line),
    )
    return lesson, images


def _narration(r: Reader, node: LineDict, path: str, what: str) -> m.Narration:
    value = node.get("narration")
    if isinstance(value, LineDict):
        r.keys(value, ("text", "audio", "tts_allowed"), f"the narration of {what}")
        return m.Narration(
            r.text(value, "text", f"{path}.narration", f"the narration of {what}"),
            r.string(value, "audio", what, required=False) or None,
            r.flag(value, "tts_allowed", what, default=True),
        )
    # A missing narration is the validator's business: it names it as a rule, not a type error.
    return m.Narration(r.text(node, "narration", path, what, required=False))


def _step(r: Reader, node: LineDict, lesson_path: str, images: Images) -> m.Step:
    sid = r.string(node, "id", "a step")
    what, p = f"step {sid}", f"{lesson_path}.{sid}"
    r.keys(node, STEP_KEYS, what)
    kind = r.string(node, "type", what)
    if kind and kind not in m.STEP_TYPES:
        r.error(
            r.line_of(node, "type"),
            f"unknown step type {kind!r}; known types: {', '.join(m.STEP_TYPES)}",
        )
    image = r.string(node, "image", what, required=False) or None
    if image:
        images.append((r.loc(r.line_of(node, "image")), image))
        if problem := image_path_problem(image):
            r.error(r.line_of(node, "image"), problem)
            image = None
        if "alt" not in node:
            r.error(
                r.line_of(node, "image"), f"{what} has an image without 'alt' text for the voice"
            )
    regions = tuple(
        m.Region(r.string(g, "id", "a region"), *(float(g.get(k, 0)) for k in ("x", "y", "w", "h")))
        for g in r.mappings(node, "regions", what, False)
    )
    targets = {g.id for g in regions}
    widget, ids = None, set[str]()
    widget_node = r.mapping(node, "widget", what, required=False)
    if widget_node is not None:
        widget, ids, widget_images = read_widget(r, widget_node, f"{p}.widget")
        targets |= ids
        if widget is not None:  # a widget's named parts ("callEnd") can be highlighted too
            targets |= set(SPECS[widget.type].parts)
        images.extend((r.loc(line), name) for line, name in widget_images)
        for line, name in widget_images:
            if problem := image_path_problem(name):
                r.error(line, problem)
    question_node = r.mapping(node, "question", what, required=False)
    question = _question(r, question_node, p) if question_node is not None else None
    if question is not None:
        targets |= {o.id for o in question.options}
    return m.Step(
        id=sid,
        type=kind,
        title=r.text(node, "title", p, what),
        body=r.text(node, "body", p, what),
        narration=_narration(r, node, p, what),
        media=m.Media(
            image,
            r.text(node, "alt", p, what, required=False),
            regions,
            r.string(node, "video", what, required=False) or None,
            r.text(node, "transcript", p, what, required=False),
        ),
        widget=widget,
        question=question,
        hints=_hints(r, node, p, what, targets),
        greyed_controls=r.strings(node, "greyed_controls", what),
        trainer_only=r.flag(node, "trainer_only", what),
        sync_point=r.flag(node, "sync_point", what),
        demo_step_seconds=r.integer(node, "demo_step_seconds", what, required=False, default=8),
        shows=_shows(r, node, p, what, widget, ids),
        at=r.loc(node.line),
    )


def _shows(
    r: Reader, node: LineDict, path: str, what: str, widget: m.Widget | None, ids: set[str]
) -> m.Shows | None:
    """What the step's widget must show (checked on the rendered widget by the test suite)."""
    shows = r.mapping(node, "shows", what, required=False)
    if shows is None:
        return None
    where = f"'shows' of {what}"
    r.keys(shows, SHOWS_KEYS, where)
    spec = SPECS.get(widget.type) if widget is not None else None
    if spec is None:
        r.error(
            r.line_of(node, "shows"),
            f"'shows' describes a practice widget, and {what} has none",
        )
    elements = r.strings(shows, "elements", where)
    colours = r.mapping(shows, "colours", where, required=False) or LineDict()
    for name in (*elements, *colours):
        if spec is not None and not spec.has_part(str(name), ids):
            known = ", ".join(spec.parts + tuple(f"{p}<id>" for p in spec.id_parts)) or "none"
            r.error(
                r.line_of(shows, "elements" if name in elements else "colours"),
                f"{where}: {name!r} is not a part of the {spec.type} widget (parts: {known})",
            )
    for name, colour in colours.items():
        if colour not in COLOURS:
            r.error(
                r.line_of(colours, name),
                f"{where}: colour {colour!r} of {name!r} must be one of {', '.join(COLOURS)}",
            )
    return m.Shows(
        elements=elements,
        texts=r.strings(shows, "texts", where, path=f"{path}.shows"),
        colours=tuple((str(k), str(v)) for k, v in colours.items()),
        keys=r.strings(shows, "keys", where),
        at=r.loc(shows.line),
    )


def _hints(
    r: Reader, node: LineDict, path: str, what: str, targets: set[str]
) -> tuple[m.Hint, ...]:
    hints, top = [], 0
    for index, h in enumerate(r.mappings(node, "hints", what, False)):
        r.keys(h, ("level", "text", "target"), f"a hint of {what}")
        level = r.string(h, "level", f"a hint of {what}")
        if level not in m.HINT_LEVELS:
            r.error(
                r.line_of(h, "level"),
                f"hint level {level!r} must be one of {', '.join(m.HINT_LEVELS)}",
            )
        else:
            rank = m.HINT_LEVELS.index(level)
            if rank < top:
                r.error(
                    h.line,
                    f"hints must escalate ({' → '.join(m.HINT_LEVELS)}); {level!r} comes too late",
                )
            top = max(top, rank)
        target = r.string(h, "target", what, required=False) or None
        if level == "highlight" and target is None:
            r.error(
                h.line, "a highlight hint needs a 'target': a region, widget element or option id"
            )
        if target is not None and target not in targets:
            known = ", ".join(sorted(targets)) or "none"
            r.error(
                r.line_of(h, "target"),
                f"hint target {target!r} is not a region, widget element or option of {what} "
                f"(known: {known})",
            )
        hints.append(
            m.Hint(
                level, r.text(h, "text", f"{path}.hint[{index + 1}]", what), target, r.loc(h.line)
            )
        )
    return tuple(hints)


def _question(r: Reader, node: LineDict, step_path: str) -> m.Question:
    qid = r.string(node, "id", "a question")
    what, p = f"question {qid}", f"{step_path}.question"
    r.keys(
        node,
        (
            "id",
            "type",
            "stem",
            "narration",
            "options",
            "correct",
            "explanation",
            "difficulty",
            "competence_ref",
        ),
        what,
    )
    kind = r.string(node, "type", what)
    if kind and kind not in m.QUESTION_TYPES:
        r.error(
            r.line_of(node, "type"),
            f"unknown question type {kind!r}; known types: {', '.join(m.QUESTION_TYPES)}",
        )
    options = []
    for o in r.mappings(node, "options", what):
        oid = r.string(o, "id", f"an option of {what}")
        r.keys(o, ("id", "text", "feedback"), f"option {oid}")
        if not o.get("feedback"):
            r.error(o.line, f"option {oid!r} of {what} has no feedback; every option says why")
        options.append(
            m.Choice(
                oid,
                r.text(o, "text", f"{p}.{oid}", what),
                r.text(o, "feedback", f"{p}.{oid}", what, False),
                r.loc(o.line),
            )
        )
    ids = [o.id for o in options]
    for index, oid in enumerate(ids):
        if oid in ids[:index]:
            r.error(options[index].at.line, f"option id {oid!r} is used twice in {what}")
    correct = r.strings(node, "correct", what, required=kind != "self_rating")
    for c in correct:
        if c not in ids:
            r.error(
                r.line_of(node, "correct"),
                f"correct answer {c!r} of {what} is not one of its options ({', '.join(ids)})",
            )
    if kind in ("single_choice", "true_false") and len(correct) != 1:
        r.error(
            r.line_of(
                node,
                "correct",
            ),
            f"a {kind} question has exactly one correct option",
        )
    if kind == "order" and sorted(correct) != sorted(ids):
        r.error(
            r.line_of(node, "correct"),
            "an order question lists every option in 'correct', in the right order",
        )
    stem = r.text(node, "stem", p, what)
    narration = _narration(r, node, p, what) if "narration" in node else m.Narration(stem)
    difficulty = r.integer(node, "difficulty", what, required=False, default=1)
    return m.Question(
        qid, kind, stem, narration, tuple(options), correct,
        r.text(node, "explanation", p, what, required=False), difficulty,
        r.string(node, "competence_ref", what, required=False) or None, r.loc(node.line),
    )  # fmt: skip
