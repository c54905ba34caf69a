"""Read a step's check question (options with feedback, the right answer) and its narration."""

from __future__ import annotations

from kiosk.core import lessons as m
from kiosk.i18n import _
from kiosk.services.lessons.yaml_lines import LineDict, Reader, named, quoted

QUESTION_KEYS = (
    "id", "type", "stem", "narration", "options", "correct", "explanation", "difficulty",
    "competence_ref",
)  # fmt: skip


def read_question(r: Reader, node: LineDict, step_path: str) -> m.Question:
    what = named(node, _("question {id}"), _("the question"))
    required: tuple[str, ...] = ("id", "type", "stem", "options")
    if node.get("type") != "self_rating":
        required += ("correct",)
    r.keys(node, QUESTION_KEYS, what, required)
    qid = r.string(node, "id", what)
    p = f"{step_path}.question"
    kind = r.string(node, "type", what)
    if kind and kind not in m.QUESTION_TYPES:
        node.failed.add("type")
        r.error(
            r.line_of(node, "type"),
            _("unknown question type {value}; the question types: {known}").format(
                value=quoted(kind), known=", ".join(m.QUESTION_TYPES)
            ),
        )
    options = [_option(r, o, p, what) for o in r.mappings(node, "options", what)]
    ids = [o.id for o in options]
    for index, oid in enumerate(ids):
        if oid in ids[:index]:
            r.error(
                options[index].at.line,
                _("option id {id} is used twice in {what}: give each option its own id").format(
                    id=quoted(oid), what=what
                ),
            )
    errors = r.errors()
    correct = r.strings(node, "correct", what, required=kind != "self_rating")
    if "options" not in node.failed:
        for c in correct:
            if c not in ids:
                r.error(
                    r.line_of(node, "correct"),
                    _(
                        "the right answer {value} of {what} is not one of its options ({ids})"
                    ).format(value=quoted(c), what=what, ids=", ".join(ids)),
                )
    if r.errors() == errors and "correct" not in node.failed:  # the answers are options
        if kind in ("single_choice", "true_false") and len(correct) != 1:
            r.error(
                r.line_of(node, "correct"),
                _("a {kind} question has exactly one right option in 'correct'").format(kind=kind),
            )
        if kind == "order" and sorted(correct) != sorted(ids):
            r.error(
                r.line_of(node, "correct"),
                _("an order question lists every option in 'correct', in the right order"),
            )
    stem = r.text(node, "stem", p, what)
    narration = read_narration(r, node, p, what) if "narration" in node else m.Narration(stem)
    difficulty = r.integer(node, "difficulty", what, required=False, default=1)
    return m.Question(
        qid, kind, stem, narration, tuple(options), correct,
        r.text(node, "explanation", p, what, required=False), difficulty,
        r.string(node, "competence_ref", what, required=False) or None, r.loc(node.line),
    )  # fmt: skip


def _option(r: Reader, node: LineDict, p: str, question: str) -> m.Choice:
    what = named_option(node, question)
    r.keys(node, ("id", "text", "feedback"), what, ("id", "text", "feedback"))
    oid = r.string(node, "id", what)
    if "feedback" not in node or node["feedback"] in (None, ""):
        node.failed.add("feedback")
        r.error(
            node.line,
            _("{what} has no feedback: every option says why it is right or not").format(what=what),
        )
    return m.Choice(
        oid,
        r.text(node, "text", f"{p}.{oid}", what),
        r.text(node, "feedback", f"{p}.{oid}", what, required=False),
        r.loc(node.line),
    )


def named_option(node: LineDict, question: str) -> str:
    value = node.get("id")
    if isinstance(value, str | int) and value != "":
        return _("option {id} of {what}").format(id=quoted(value), what=question)
    return _("an option of {what}").format(what=question)


def read_narration(r: Reader, node: LineDict, path: str, what: str) -> m.Narration:
    value = node.get("narration")
    if isinstance(value, LineDict):
        where = _("the narration of {what}").format(what=what)
        r.keys(value, ("text", "audio", "tts_allowed"), where)
        narration = m.Narration(
            r.text(value, "text", f"{path}.narration", where, required="audio" not in value),
            r.string(value, "audio", where, required=False) or None,
            r.flag(value, "tts_allowed", where, default=True),
        )
        if value.failed:
            node.failed.add("narration")
        return narration
    # A missing narration is the validator's business: it names it as a rule, not a type error.
    return m.Narration(r.text(node, "narration", path, what, required=False))
