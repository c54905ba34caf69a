"""The review before sending: one short line per answer that reads as a sentence on its own
("Problem: A hole in the road", "Is it dangerous for people? Yes"), each with the step that
changes it. The problem and its kind are one line, and so are the place and its address; a
question the resident passed by has no line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.core.wizard_steps import is_empty
from kiosk.core.wizard_when import DAY_PREFIX, day_step_id, when_text
from kiosk.i18n import _

if TYPE_CHECKING:
    from kiosk.core.wizard import Wizard

# Steps that do not get a line of their own: they are part of another line, or not answers.
_FOLDED = {"category", "service", "address", "street", "review"}


@dataclass(frozen=True)
class ReviewLine:
    """One answer: `step_id` is where "Change" leads; `personal` answers are never read aloud."""

    step_id: str
    label: str
    value: str
    personal: bool = False

    @property
    def text(self) -> str:
        return line_text(self)


def line_text(line: ReviewLine) -> str:
    """'Question? Answer' or 'Label: answer' (no '?:' on paper)."""
    label = line.label.rstrip()
    return f"{label} {line.value}" if label.endswith(("?", ":")) else f"{label}: {line.value}"


def review_lines(wizard: Wizard) -> list[ReviewLine]:
    lines: list[ReviewLine] = []
    svc = wizard.service()
    if svc is not None:
        everyday, official = wizard.names.name(svc.code, svc.name)
        problem = f"{everyday} ({official})" if official else everyday
        lines.append(ReviewLine("category", _("Problem"), problem))
    for step in wizard.steps():
        if step.id in _FOLDED or step.id.startswith(DAY_PREFIX):
            continue
        value = wizard.answers.get(step.id)
        label = step.title
        if step.id == "where":
            label, text = _("Place"), _place(wizard)
        elif step.id == "description":
            label, text = _("What is wrong"), wizard.label_of(step, value)
        elif step.dated:
            day = wizard.answers.get(day_step_id(step.id))
            text = when_text(value, day, wizard.today(), wizard.format_day)
            text = text or wizard.label_of(step, value)
        else:
            text = wizard.label_of(step, value)
        if not step.required and is_empty(value) and step.id not in ("where", "contact"):
            continue  # a question passed by: not a line to check (Back still reaches it)
        lines.append(ReviewLine(step.id, label, text, step.personal))
    return lines


def _place(wizard: Wizard) -> str:
    where = wizard.answers.get("where")
    if where == "address":
        return str(wizard.answers.get("address", "")).strip() or _("(not given)")
    if where == "street":
        return str(wizard.answers.get("street", "")) or _("(not given)")
    if where == "here":
        return wizard.here_text()
    return _("(not given)")
