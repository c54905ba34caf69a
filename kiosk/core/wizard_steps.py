"""The report wizard's steps: what each asks, its preset phrases, and how an answer is checked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.portal import DATATYPES, DESCRIPTION_MAX, ServiceAttribute, ServiceDefinition
from kiosk.i18n import N_, _

Answer = str | tuple[str, ...]

# Kinds a screen can render. "choices" are big tiles that go on when one is touched, "multi"
# tiles to tick, then Next; "text" one line on the keyboard, "longtext" several lines; "number"
# the keypad. A definition's "datetime" becomes choices (wizard_when), "info" a notice shown
# with the next question.
KINDS = ("choices", "multi", "text", "longtext", "number", "review")
_KIND_OF = {
    "string": "text",
    "text": "longtext",
    "number": "number",
    "datetime": "datetime",
    "singlevaluelist": "choices",
    "multivaluelist": "multi",
}

# TRANSLATORS: ready-made phrases a resident can tap instead of typing (report wizard).
PLACE_PHRASES = (
    N_("Next to the bus stop"),
    N_("Opposite the pharmacy"),
    N_("In front of the block entrance"),
    N_("At the crossroads"),
)
# TRANSLATORS: ready-made phrases a resident can tap instead of typing (report wizard).
PROBLEM_PHRASES = (
    N_("It has been like this for more than a week."),
    N_("It is dangerous for children and older people."),
    N_("It happens every night."),
    N_("Nobody has come to fix it yet."),
)


@dataclass(frozen=True)
class Choice:
    """A tile: its words, and under them (smaller) what the city calls it, if that differs."""

    key: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Step:
    """One screen of the wizard. `personal` answers are never spoken on the speaker.

    `stage`: the step of the progress line it belongs to (a follow-up question, such as the
    address after "I will type an address", shares its stage and number). `dated`: a date
    question asked as choices (wizard_when). `notice`: information from the city shown with it.
    """

    id: str
    kind: str
    title: str
    question: str
    hint: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    phrases: tuple[str, ...] = ()
    personal: bool = False
    max_length: int = 200
    stage: str = ""
    dated: bool = False
    notice: str = ""


class DefinitionInvalid(ValueError):
    """A service definition the kiosk cannot turn into questions; `human()` says so plainly."""

    def human(self) -> str:
        return _(
            "The questions for this kind of problem could not be shown, because the city's "
            "service sent them in a form the kiosk cannot use. Please choose another kind of "
            "problem, or call Call Sofia on {phone}."
        ).format(phone=CALL_SOFIA_PHONE)


def check_definition(definition: ServiceDefinition) -> None:
    """Raise DefinitionInvalid for a definition that would make a broken screen."""
    seen: set[str] = set()
    for attr in definition.attributes:
        where = f"attribute {attr.code!r}"
        if attr.code in seen:
            raise DefinitionInvalid(f"{where} appears twice")
        seen.add(attr.code)
        if attr.datatype not in DATATYPES:
            raise DefinitionInvalid(f"{where} has unknown datatype {attr.datatype!r}")
        if not attr.description.strip():
            raise DefinitionInvalid(f"{where} has no question text")
        if attr.variable and attr.datatype.endswith("valuelist") and not attr.values:
            raise DefinitionInvalid(f"{where} is a list without values")


def attribute_step(attr: ServiceAttribute) -> Step:
    kind = _KIND_OF[attr.datatype] if attr.variable else "info"
    phrases: tuple[str, ...] = ()
    if kind == "text":
        phrases = tuple(_(p) for p in PLACE_PHRASES)
    elif kind == "longtext":
        phrases = tuple(_(p) for p in PROBLEM_PHRASES)
    return Step(
        id="attr:" + attr.code,
        kind=kind,
        title=attr.description.strip(),
        question=attr.description.strip(),
        hint=attr.datatype_description.strip(),
        required=attr.required and attr.variable,
        choices=tuple(Choice(k, n) for k, n in attr.values),
        phrases=phrases,
        max_length=1000 if kind == "longtext" else 200,
        # free text a resident types may name people or places: only a headset reads it back
        personal=kind in ("text", "longtext"),
    )


def is_empty(value: Answer | None) -> bool:
    if value is None:
        return True
    if isinstance(value, tuple):
        return not value
    return not value.strip()


def validate(step: Step, value: Answer | None) -> str:
    """'' when the answer will do, else a sentence naming the field, the problem and the fix."""
    field = step.title
    if is_empty(value):
        if not step.required:
            return ""
        if step.kind == "choices":
            return _("{field}: no answer is chosen yet. Please touch one of the answers.").format(
                field=field
            )
        if step.kind == "multi":
            return _("{field}: nothing is chosen yet. Please touch at least one answer.").format(
                field=field
            )
        return _("{field}: this answer is needed. Please type it, or touch a ready phrase.").format(
            field=field
        )
    assert value is not None
    if step.kind == "number" and step.id != "phone":
        digits = str(value).replace(" ", "")
        if not digits.isdigit():
            return _("{field}: only digits can go here. Please use the number keys.").format(
                field=field
            )
        if len(digits) > 6:
            return _("{field}: the number is too long. Please check it and correct it.").format(
                field=field
            )
    if step.kind in ("text", "longtext") and len(str(value)) > step.max_length:
        return _(
            "{field}: the text is {count} letters long, which is too long. Please shorten it to "
            "{limit} letters."
        ).format(field=field, count=len(str(value)), limit=step.max_length)
    if step.id == "phone" and not _PHONE.fullmatch(str(value).strip()):
        return _(
            "{field}: a phone number has 6 to 15 digits, for example 0888 123 456. Please "
            "correct it."
        ).format(field=field)
    if step.id == "email" and not _EMAIL.fullmatch(str(value).strip()):
        return _(
            "{field}: an e-mail address looks like name@example.bg, with the sign @. Please "
            "correct it."
        ).format(field=field)
    if step.choices:
        keys = {c.key for c in step.choices}
        chosen = value if isinstance(value, tuple) else (value,)
        if not set(chosen) <= keys:
            return _("{field}: please touch one of the answers shown.").format(field=field)
    return ""


_PHONE = re.compile(r"\+?[0-9][0-9 \-]{4,20}[0-9]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def description_step() -> Step:
    return Step(
        id="description",
        kind="longtext",
        title=_("What is wrong"),
        question=_("In a few words, what is wrong? You may skip this."),
        phrases=tuple(_(p) for p in PROBLEM_PHRASES),
        max_length=DESCRIPTION_MAX - 200,  # room for the kiosk reference line
        personal=True,  # free text: read back only through a headset, like contact details
    )
