"""Build one Lesson (its steps, hints, card, bridge) from a lesson file's YAML tree."""

from __future__ import annotations

from dataclasses import replace

from kiosk.core import lessons as m
from kiosk.core.lesson_widgets import COLOURS, SPECS
from kiosk.i18n import _
from kiosk.services.lessons.params import read_widget
from kiosk.services.lessons.parts import (
    read_bridge,
    read_card,
    read_completion,
    read_freshness,
    read_prerequisite,
    read_trainer,
)
from kiosk.services.lessons.questions import read_narration, read_question
from kiosk.services.lessons.yaml_lines import LineDict, Reader, named, quoted

LESSON_KEYS = (
    "id", "version", "status", "title", "short_title", "why_it_matters", "learning_goals",
    "competences", "est_minutes", "prerequisites", "glossary_terms", "tags", "completion_rule",
    "steps", "take_home_card", "bridge", "trainer", "safety_notes", "freshness", "licence",
    "credits",
)  # fmt: skip
LESSON_REQUIRED = (
    "id", "title", "short_title", "why_it_matters", "learning_goals", "competences",
    "est_minutes", "steps", "take_home_card", "bridge",
)  # fmt: skip
STEP_KEYS = (
    "id", "type", "title", "body", "narration", "image", "alt", "regions", "video", "transcript",
    "widget", "question", "hints", "greyed_controls", "trainer_only", "sync_point",
    "demo_step_seconds", "shows",
)  # fmt: skip
STEP_REQUIRED = ("id", "type", "title", "body")
SHOWS_KEYS = ("elements", "texts", "colours", "keys")

Images = list[tuple[m.Loc, str]]


def image_path_problem(name: str) -> str:
    """Why an image path may not be used ('' when it may): it must stay in the course folder."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        return _(
            "image {name} must be a path inside the course folder (no '..', not absolute)"
        ).format(name=quoted(name))
    return ""


def read_lesson_tree(r: Reader, tree: LineDict) -> tuple[m.Lesson, Images]:
    what = named(tree, _("lesson {id}"), _("the lesson"))
    r.keys(tree, LESSON_KEYS, what, LESSON_REQUIRED)
    lid = r.string(tree, "id", what)
    p = lid
    status = r.string(tree, "status", what, default="draft")
    if status not in m.STATUSES:
        tree.failed.add("status")
        r.error(
            r.line_of(tree, "status"),
            _("status {value} must be one of: {known}").format(
                value=quoted(status), known=", ".join(m.STATUSES)
            ),
        )
    images: Images = []
    steps, seen = [], set()
    for node in r.mappings(tree, "steps", what):
        step = _step(r, node, p, images)
        if step.id and step.id in seen:
            r.error(
                r.line_of(node, "id"),
                _("step id {id} is used twice in {what}: give each step its own id").format(
                    id=quoted(step.id), what=what
                ),
            )
        seen.add(step.id)
        steps.append(step)
    minutes = r.mapping(tree, "est_minutes", what)
    if minutes is not None:
        r.keys(minutes, ("self", "guided"), "est_minutes", ("self", "guided"))
    freshness = read_freshness(r, tree, what)
    lesson = m.Lesson(
        id=lid,
        version=r.integer(tree, "version", what, required=False, default=1),
        status=status,
        title=r.text(tree, "title", p, what),
        short_title=r.text(tree, "short_title", p, what),
        why_it_matters=r.text(tree, "why_it_matters", p, what),
        learning_goals=tuple(_goal(r, g, p) for g in r.mappings(tree, "learning_goals", what)),
        competences=_competences(r, tree, what),
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
        freshness=freshness,
        licence=r.string(tree, "licence", what, required=False),
        credits=r.strings(tree, "credits", what),
        at=r.loc(tree.line),
    )
    unread = set(tree.failed) | (
        {"est_minutes"} if minutes is not None and minutes.failed else set()
    )
    return replace(lesson, unread=frozenset(unread)), images


def _goal(r: Reader, node: LineDict, p: str) -> m.Goal:
    what = named(node, _("goal {id}"), _("a learning goal"))
    r.keys(node, ("id", "text"), what, ("id", "text"))
    return m.Goal(
        r.string(node, "id", what), r.text(node, "text", f"{p}.goal.{node.get('id')}", what)
    )


def _competences(r: Reader, tree: LineDict, what: str) -> tuple[m.Competence, ...]:
    """The lesson's competences; one the reader cannot read is left out (it said why)."""
    found = []
    for node in r.mappings(tree, "competences", what):
        name = named(node, _("competence {id}"), _("a competence"))
        r.keys(node, ("id", "level"), name, ("id", "level"))
        errors = r.errors()
        cid = r.get(node, "id", (str,), name, True)
        level = r.integer(node, "level", name)
        if r.errors() == errors:
            found.append(m.Competence(str(cid), level))
    return tuple(found)


def _step(r: Reader, node: LineDict, lesson_path: str, images: Images) -> m.Step:
    what = named(node, _("step {id}"), _("a step"))
    r.keys(node, STEP_KEYS, what, STEP_REQUIRED)
    sid = r.string(node, "id", what)
    p = f"{lesson_path}.{sid}"
    kind = r.string(node, "type", what)
    if kind and kind not in m.STEP_TYPES:
        node.failed.add("type")
        r.error(
            r.line_of(node, "type"),
            _("unknown step type {value}; the step types: {known}").format(
                value=quoted(kind), known=", ".join(m.STEP_TYPES)
            ),
        )
    image = r.string(node, "image", what, required=False) or None
    if image:
        images.append((r.loc(r.line_of(node, "image")), image))
        if problem := image_path_problem(image):
            r.error(r.line_of(node, "image"), problem)
            image = None
        if "alt" not in node:
            r.error(
                r.line_of(node, "image"),
                _("{what} has an image without 'alt': the words the voice says for it").format(
                    what=what
                ),
            )
    regions = tuple(_region(r, g) for g in r.mappings(node, "regions", what, False))
    targets: set[str] | None = {g.id for g in regions}
    widget, ids = None, set[str]()
    errors = r.errors()
    widget_node = r.mapping(node, "widget", what, required=False)
    if widget_node is not None:
        widget, ids, widget_images = read_widget(r, widget_node, f"{p}.widget")
        if widget is None:  # its type is unknown: what it could show or target is unknown too
            targets = None
        else:  # a widget's named parts ("callEnd") can be highlighted too
            targets = (targets or set()) | ids | set(SPECS[widget.type].parts)
        images.extend((r.loc(line), name) for line, name in widget_images)
        for line, name in widget_images:
            if problem := image_path_problem(name):
                r.error(line, problem)
    if r.errors() > errors and widget is None:
        node.failed.add("widget")
    errors = r.errors()
    question_node = r.mapping(node, "question", what, required=False)
    question = read_question(r, question_node, p) if question_node is not None else None
    if r.errors() > errors and (question is None or question_node is None):
        node.failed.add("question")
    if question is not None and targets is not None:
        targets |= {o.id for o in question.options}
    step = m.Step(
        id=sid,
        type=kind,
        title=r.text(node, "title", p, what),
        body=r.text(node, "body", p, what),
        narration=read_narration(r, node, p, what),
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
    return replace(step, unread=frozenset(node.failed))


def _region(r: Reader, node: LineDict) -> m.Region:
    what = named(node, _("region {id}"), _("a region"))
    r.keys(node, ("id", "x", "y", "w", "h"), what, ("id", "x", "y", "w", "h"))
    box = []
    for key in ("x", "y", "w", "h"):
        value = r.get(node, key, (int, float), what, True)
        box.append(float(value) if value is not None else 0.0)
    return m.Region(r.string(node, "id", what), *box)


def _shows(
    r: Reader, node: LineDict, path: str, what: str, widget: m.Widget | None, ids: set[str]
) -> m.Shows | None:
    """What the step's widget must show (checked on the rendered widget by the test suite)."""
    shows = r.mapping(node, "shows", what, required=False)
    if shows is None:
        return None
    where = _("the 'shows' of {what}").format(what=what)
    r.keys(shows, SHOWS_KEYS, where)
    spec = SPECS.get(widget.type) if widget is not None else None
    if spec is None and "widget" not in node:
        r.error(
            r.line_of(node, "shows"),
            _("'shows' says what a practice widget shows, and {what} has no widget").format(
                what=what
            ),
        )
    elements = r.strings(shows, "elements", where)
    colours = r.mapping(shows, "colours", where, required=False) or LineDict()
    for name in (*elements, *colours):
        if spec is not None and not spec.has_part(str(name), ids):
            known = ", ".join(spec.parts + tuple(f"{p}<id>" for p in spec.id_parts)) or "-"
            r.error(
                r.line_of(shows, "elements" if name in elements else "colours"),
                _(
                    "{where}: {name} is not a part of the {widget} widget (its parts: {known})"
                ).format(where=where, name=quoted(name), widget=spec.type, known=known),
            )
    for name, colour in colours.items():
        if colour not in COLOURS:
            r.error(
                r.line_of(colours, name),
                _("{where}: the colour {colour} of {name} must be one of: {known}").format(
                    where=where, colour=quoted(colour), name=quoted(name), known=", ".join(COLOURS)
                ),
            )
    return m.Shows(
        elements=elements,
        texts=r.strings(shows, "texts", where, path=f"{path}.shows"),
        colours=tuple((str(k), str(v)) for k, v in colours.items()),
        keys=r.strings(shows, "keys", where),
        at=r.loc(shows.line),
    )


def _hints(
    r: Reader, node: LineDict, path: str, what: str, targets: set[str] | None
) -> tuple[m.Hint, ...]:
    """The hint ladder; `targets` None: the step's widget is unknown, so are its targets."""
    hints, top = [], 0
    for index, h in enumerate(r.mappings(node, "hints", what, False)):
        where = _("a hint of {what}").format(what=what)
        r.keys(h, ("level", "text", "target"), where, ("level", "text"))
        level = r.string(h, "level", where)
        if level and level not in m.HINT_LEVELS:
            r.error(
                r.line_of(h, "level"),
                _("hint level {value} must be one of: {known}").format(
                    value=quoted(level), known=", ".join(m.HINT_LEVELS)
                ),
            )
        elif level:
            rank = m.HINT_LEVELS.index(level)
            if rank < top:
                r.error(
                    h.line,
                    _("hints go up one rung at a time ({ladder}); {value} comes too late").format(
                        ladder=" → ".join(m.HINT_LEVELS), value=quoted(level)
                    ),
                )
            top = max(top, rank)
        target = r.string(h, "target", where, required=False) or None
        if level == "highlight" and target is None and "target" not in h.failed:
            r.error(
                h.line,
                _("a highlight hint needs a 'target': a region, widget part or option id"),
            )
        if target is not None and targets is not None and target not in targets:
            known = ", ".join(sorted(targets)) or "-"
            r.error(
                r.line_of(h, "target"),
                _(
                    "hint target {value} is not a region, widget part or option of {what} "
                    "(there are: {known})"
                ).format(value=quoted(target), what=what, known=known),
            )
        hints.append(
            m.Hint(
                level, r.text(h, "text", f"{path}.hint[{index + 1}]", where), target, r.loc(h.line)
            )
        )
    return tuple(hints)
