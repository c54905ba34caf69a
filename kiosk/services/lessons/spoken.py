"""The spoken-text rules of the lesson validator: everything the voice says must be sayable.

Every string a lesson speaks (narration, questions with their options, feedback, explanations,
hints, the caller's lines of a pretend call) goes through the pronunciation layer; what the
layer leaves to chance (digits it cannot place, Latin letters, unknown symbols, capitalised
abbreviations no table lists) is a warning, and so is a narration sentence over 20 words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from kiosk.core import lessons as m
from kiosk.core.lesson_rules import MAX_SENTENCE_WORDS, Finding, Locate
from kiosk.i18n import N_, _
from kiosk.services.speech.pronounce import leftovers

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


# The names of spoken fields, as a warning names them.
FIELDS = {
    "narration": N_("narration"),
    "hint": N_("hint"),
    "question": N_("question"),
    "option": N_("option"),
    "feedback": N_("feedback"),
    "explanation": N_("explanation"),
    "caller line": N_("caller line"),
    "answer": N_("answer"),
}


def _widget_lines(params: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """The caller's lines and the answers of a pretend call (call_sim)."""
    for node in params.get("nodes") or ():
        if isinstance(node, Mapping):
            yield "caller line", str(node.get("says") or "")
            for choice in node.get("choices") or ():
                if isinstance(choice, Mapping):
                    yield "answer", str(choice.get("text") or "")


def spoken_strings(lesson: m.Lesson) -> Iterator[tuple[m.Loc, str, str, str]]:
    """(where, step id, field, text) for every string the voice says in a lesson."""
    for step in lesson.steps:
        if step.narration.tts_allowed:
            yield step.at, step.id, "narration", step.narration.text
        for hint in step.hints:
            yield hint.at, step.id, "hint", hint.text
        q = step.question
        if q is not None:
            yield q.at, step.id, "question", q.narration.text
            for option in q.options:
                yield option.at, step.id, "option", option.text
                yield option.at, step.id, "feedback", option.feedback
            yield q.at, step.id, "explanation", q.explanation
        if step.widget is not None and step.widget.type == "call_sim":
            for name, text in _widget_lines(step.widget.params):
                yield step.widget.at, step.id, name, text


def check_spoken(lesson: m.Lesson, lang: str, locate: Locate) -> Iterator[Finding]:
    """Warnings for what the voice would read wrongly, and for long narration sentences."""
    for at, step_id, field, text in spoken_strings(lesson):
        if not text:
            continue
        where = locate(at, text)
        odd = leftovers(text, lang)
        if odd:
            # TRANSLATORS: a lesson validator warning; {items} are quoted pieces of text.
            yield Finding(
                where,
                "warning",
                _(
                    "step {step!r}: the voice cannot say {items} in the {field}: write it as it "
                    "is said, or add it to assets/speech/{lang}.toml if it is a name or an "
                    "official number"
                ).format(
                    step=step_id,
                    items=", ".join(repr(o) for o in odd),
                    field=_(FIELDS[field]),
                    lang=lang,
                ),
            )
        if field != "narration":
            continue
        for sentence in _SENTENCE_END.split(text):
            words = m.word_count(sentence)
            if words > MAX_SENTENCE_WORDS:
                yield Finding(
                    where,
                    "warning",
                    _(
                        "step {step!r}: a narration sentence of {words} words; keep spoken "
                        "sentences to {most}: {start}…"
                    ).format(
                        step=step_id, words=words, most=MAX_SENTENCE_WORDS, start=sentence[:40]
                    ),
                )
