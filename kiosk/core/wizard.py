"""The report wizard's engine: services and a definition become one question per screen.

Problem (the everyday names first, then the groups) → kind of problem (when a group has several)
→ the definition's questions in `order` → where → (address | street) → what is wrong → contact
(consent) → name, phone, e-mail → review. The steps are recomputed from the answers, so going
back and changing the problem drops the questions of the old one; every other answer is kept.
A change made from the review leads back to the review, through any question that is new.
Nothing here outlives `reset()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.outbox import Contact, Location, Report
from kiosk.core.portal import Service, ServiceDefinition
from kiosk.core.wizard_names import EverydayNames
from kiosk.core.wizard_review import ReviewLine, line_text, review_lines
from kiosk.core.wizard_steps import (
    Answer,
    Choice,
    Step,
    attribute_step,
    check_definition,
    description_step,
    is_empty,
    validate,
)
from kiosk.core.wizard_when import EXACT, FormatDay, day_step, day_step_id, when_step, wire_value
from kiosk.i18n import N_, _

__all__ = ["Answer", "Choice", "Place", "ReviewLine", "Step", "Wizard", "line_text"]
SINGLE = "choices"  # a step that goes on when one of its tiles is touched


@dataclass(frozen=True)
class Place:
    """Where the kiosk stands (from the config) and the streets offered as nearby."""

    lat: float
    lon: float
    address: str = ""
    streets: tuple[str, ...] = ()


class Wizard:
    """The answers of one resident and the steps they lead to. `handoff`: no contact steps."""

    def __init__(
        self,
        services: Sequence[Service],
        place: Place,
        *,
        handoff: bool = False,
        names: EverydayNames | None = None,
        today: Callable[[], date] = date.today,
        format_day: FormatDay = date.isoformat,
    ) -> None:
        self.services = [s for s in services if s.code]
        self.place = place
        self.handoff = handoff
        self.names = names or EverydayNames()
        self.today, self.format_day = today, format_day
        self.definitions: dict[str, ServiceDefinition] = {}
        self.answers: dict[str, Answer] = {}
        self.reset()

    def reset(self) -> None:
        self.answers.clear()
        self.definitions.clear()
        self.current = "category"
        self.seen = {"category"}  # the steps shown so far (a change leads through new ones)
        self.editing = ""  # the step changed from the review ('' when not changing)

    # --- what is asked -------------------------------------------------------------------

    def groups(self) -> list[Choice]:
        """The first tiles: the featured problems by their everyday names, then one tile per
        group (listing the everyday names in it) or per service that has no group."""
        seen: dict[str, Choice] = {}
        codes = {s.code: s for s in self.services}
        for code in self.names.featured:
            if code in codes:
                seen["s:" + code] = Choice("s:" + code, *self.names.name(code, codes[code].name))
        for svc in self.services:
            for group in svc.in_groups():
                if "g:" + group in seen:
                    continue
                inside = self.services_in("g:" + group)
                if len(inside) == 1:  # the group is its one service: named as that service
                    label, official = self.names.name(inside[0].code, inside[0].name)
                    seen["g:" + group] = Choice("g:" + group, label, official)
                else:
                    words = [self.names.name(s.code, s.name)[0] for s in inside]
                    seen["g:" + group] = Choice("g:" + group, group, _listing(words, group))
            if not svc.in_groups():
                seen.setdefault(
                    "s:" + svc.code, Choice("s:" + svc.code, *self.names.name(svc.code, svc.name))
                )
        return list(seen.values())

    def services_in(self, group_key: str) -> list[Service]:
        if group_key.startswith("s:"):
            return [s for s in self.services if s.code == group_key[2:]]
        return [s for s in self.services if group_key[2:] in s.in_groups()]

    def service(self) -> Service | None:
        """The chosen service, once the problem (and kind, if needed) is answered."""
        group = self.answers.get("category")
        if not isinstance(group, str):
            return None
        found = self.services_in(group)
        if len(found) == 1:
            return found[0]
        code = self.answers.get("service")
        return next((s for s in found if s.code == code), None)

    def needs_definition(self) -> str:
        """The service code whose questions must be fetched before going on ('' if none)."""
        svc = self.service()
        if svc is None or not svc.metadata or svc.code in self.definitions:
            return ""
        return svc.code

    def relanguage(self, services: Sequence[Service]) -> None:
        """The same services in another language (a switch mid-report): the answers keep their
        meaning (codes do not change; a category tile, named in the old language, becomes the
        new name of the chosen service's group). The questions stay until the caller sets them
        again in the new language."""
        group = self.answers.get("category")
        before = [s.code for s in self.services_in(group)] if isinstance(group, str) else []
        chosen = self.service()
        self.services = [s for s in services if s.code]
        if not before:
            return
        anchor = next((s for s in self.services if chosen and s.code == chosen.code), None)
        anchor = anchor or next((s for s in self.services if s.code in before), None)
        if anchor is None:  # the city no longer lists it: choose again
            self.answers.pop("category", None)
            self.answers.pop("service", None)
            self.current = "category"
            return
        if group == "s:" + anchor.code:  # a featured problem's own tile: its code is its key
            return
        groups = anchor.in_groups()
        self.answers["category"] = "g:" + groups[0] if groups else "s:" + anchor.code

    def set_definition(self, definition: ServiceDefinition, code: str) -> None:
        """Raises DefinitionInvalid (nothing stored) when it cannot become questions."""
        check_definition(definition)
        self.definitions[code] = definition

    def steps(self) -> list[Step]:
        steps = [self._category_step()]
        group = self.answers.get("category")
        if isinstance(group, str) and len(self.services_in(group)) > 1:
            steps.append(self._service_step(group))
        svc = self.service()
        notices: list[str] = []
        if svc is not None and svc.code in self.definitions:
            steps += self._attribute_steps(self.definitions[svc.code], notices)
        steps.append(_with_notices(self._where_step(), notices))
        where = self.answers.get("where")
        if where == "address":
            steps.append(
                Step("address", "text", _("Address or landmark"),
                     _("Type the address, or a landmark everyone knows."),
                     _("For example: ul. Shipka 6, or: the fountain in the park"), required=True,
                     stage="where")
            )  # fmt: skip
        elif where == "street":
            steps.append(
                Step("street", SINGLE, _("Nearby street"), _("Which street is it on?"),
                     required=True, choices=tuple(Choice(s, s) for s in self.place.streets),
                     stage="where")
            )  # fmt: skip
        steps.append(description_step())
        if not self.handoff:
            steps.append(self._contact_step())
            if self.answers.get("contact") == "yes":
                steps += self._person_steps()
        steps.append(
            Step("review", "review", _("Check your report"),
                 _("Is everything right?"))
        )  # fmt: skip
        return steps

    def _attribute_steps(self, definition: ServiceDefinition, notices: list[str]) -> list[Step]:
        """The definition's questions; its information texts join the question after them."""
        steps: list[Step] = []
        for attr in definition.attributes:
            step = attribute_step(attr)
            if step.kind == "info":
                notices.append(step.question)
                continue
            step = _with_notices(step, notices)
            if step.kind == "datetime":
                steps.append(when_step(step))
                if self.answers.get(step.id) == EXACT:
                    steps.append(day_step(step, self.today(), self.format_day))
            else:
                steps.append(step)
        return steps

    def step(self) -> Step:
        steps = self.steps()
        return next((s for s in steps if s.id == self.current), steps[0])

    def progress(self) -> tuple[int, int]:
        """(n, m): the n-th step of m, counting from 1. m is 0 until the total is known (the
        problem and its questions are), and a follow-up question shares its step's number, so
        the total never changes with an answer after that."""
        stages = list(dict.fromkeys(s.stage or s.id for s in self.steps()))
        step = self.step()
        known = self.service() is not None and not self.needs_definition()
        return stages.index(step.stage or step.id) + 1, len(stages) if known else 0

    def one_touch(self) -> bool:
        """The current step goes on as soon as one of its tiles is touched."""
        return self.step().kind == SINGLE

    # --- answering and moving ------------------------------------------------------------

    def answer(self, value: Answer) -> None:
        step = self.step()
        if step.id in ("category", "service") and self.answers.get(step.id) != value:
            if step.id == "category":
                self.answers.pop("service", None)  # a new problem: the old kind no longer fits
            # its questions are asked again, even those with the same code as the old one's
            self.seen = {s for s in self.seen if not s.startswith(("attr:", "day:"))}
        self.answers[step.id] = value

    def value(self) -> Answer | None:
        return self.answers.get(self.step().id)

    def next(self) -> str:
        """Go on if the answer will do; else the sentence saying what to fix (stays put).
        While the chosen service's questions are not here yet it stays too: the caller fetches
        them (`needs_definition`) and calls next() again."""
        step = self.step()
        problem = validate(step, self.answers.get(step.id))
        if problem or self.needs_definition():
            return problem
        steps = self.steps()
        at = [s.id for s in steps].index(step.id)
        if self.editing:  # back to the review, through questions not yet seen or now unanswered
            later = steps[at + 1 :]
            target = next(
                (
                    s.id
                    for s in later
                    if s.id not in self.seen or validate(s, self.answers.get(s.id))
                ),
                "review",
            )
        else:
            target = steps[at + 1].id if at + 1 < len(steps) else step.id
        self._move(target)
        return ""

    def back(self) -> bool:
        """One step back, keeping the answers; from a change begun on the review, back to the
        review; False on the first step."""
        if self.editing and self.current == self.editing:
            self._move("review")
            return True
        ids = [s.id for s in self.steps()]
        at = ids.index(self.current) if self.current in ids else 0
        if at == 0:
            return False
        self._move(ids[at - 1])
        return True

    def go_to(self, step_id: str) -> None:
        if step_id in {s.id for s in self.steps()}:
            self._move(step_id)

    def edit(self, step_id: str) -> None:
        """From the review: change one answer; going on leads back to the review."""
        if step_id in {s.id for s in self.steps()}:
            self._move(step_id)
            self.editing = step_id

    def _move(self, step_id: str) -> None:
        self.current = step_id
        self.seen.add(step_id)
        if step_id == "review":  # everything asked so far has been passed
            self.seen.update(s.id for s in self.steps())
            self.editing = ""

    # --- the result ----------------------------------------------------------------------

    def label_of(self, step: Step, value: Answer | None) -> str:
        """An answer in words: the tile's label for choices, the text otherwise."""
        if is_empty(value):
            return _("(not given)")
        assert value is not None
        chosen = value if isinstance(value, tuple) else (value,)
        if step.choices:
            names = {c.key: c.label for c in step.choices}
            return ", ".join(names.get(v, v) for v in chosen)
        return ", ".join(chosen)

    def review(self) -> list[ReviewLine]:
        return review_lines(self)

    def here_text(self) -> str:
        return self.place.address or _("At this kiosk")

    def location(self) -> Location:
        where = self.answers.get("where")
        if where == "address":
            return Location(address_string=str(self.answers.get("address", "")).strip())
        if where == "street":
            return Location(address_string=str(self.answers.get("street", "")))
        return Location(self.place.lat, self.place.lon, self.place.address)

    def to_report(self, language: str) -> Report:
        svc = self.service()
        if svc is None:
            raise ValueError("no service chosen")
        attributes: dict[str, Answer] = {}
        for step in self.steps():
            value = self.answers.get(step.id)
            if not step.id.startswith("attr:") or value is None or is_empty(value):
                continue
            if step.dated:
                day = self.answers.get(day_step_id(step.id))
                value = wire_value(value, day, self.today())
                if not value:
                    continue  # not remembered: nothing is said about it
            attributes[step.id[5:]] = value
        contact = self._contact()
        return Report(
            service_code=svc.code,
            location=self.location(),
            description=str(self.answers.get("description", "")).strip(),
            attributes=attributes,
            contact=contact,
            consent=contact is not None,
            language=language,
            service_type=svc.type,
        )

    # --- steps built from the config and the answers -------------------------------------

    def _category_step(self) -> Step:
        return Step("category", SINGLE, _("What is the problem?"),
                    _("Touch the problem you want to report."), required=True,
                    choices=tuple(self.groups()))  # fmt: skip

    def _service_step(self, group: str) -> Step:
        found = self.services_in(group)
        return Step("service", SINGLE, _("What exactly is the problem?"),
                    _("Touch the one that fits best."), required=True,
                    choices=tuple(Choice(s.code, *self.names.name(s.code, s.name))
                                  for s in found))  # fmt: skip

    def _where_step(self) -> Step:
        here = _("Here, at this kiosk")
        if self.place.address:
            here = _("Here, at this kiosk: {address}").format(address=self.place.address)
        choices = [Choice("here", here), Choice("address", _("I will type an address or landmark"))]
        if self.place.streets:
            choices.append(Choice("street", _("Choose from nearby streets")))
        return Step("where", SINGLE, _("Where is the problem?"),
                    _("Touch one answer. You do not need a map."), required=True,
                    choices=tuple(choices))  # fmt: skip

    def _contact_step(self) -> Step:
        return Step(
            "contact", SINGLE, _("May the city contact you?"),
            _("Your details are not needed to send a report."),
            required=True,
            choices=(Choice("no", _("No"), _("Send it without my details")),
                     Choice("yes", _("Yes"), _("Only the staff who handle your report would see "
                                               "your details; they are not kept here or read "
                                               "aloud."))),
        )  # fmt: skip

    def _person_steps(self) -> list[Step]:
        return [
            Step("name", "text", _("Your name"), _("What is your name? You may skip this."),
                 _("For example: Maria Ivanova"), personal=True, max_length=100, stage="contact"),
            Step("phone", "number", _("Your phone number"),
                 _("What is your phone number? You may skip this."),
                 _("For example: 0888 123 456"), personal=True, max_length=20, stage="contact"),
            Step("email", "text", _("Your e-mail"),
                 _("What is your e-mail address? You may skip this."),
                 _("For example: maria@example.bg"), personal=True, max_length=100,
                 stage="contact"),
        ]  # fmt: skip

    def _contact(self) -> Contact | None:
        if self.handoff or self.answers.get("contact") != "yes":
            return None
        name = str(self.answers.get("name", "")).strip()
        first, _sep, last = name.partition(" ")
        contact = Contact(
            first_name=first,
            last_name=last.strip(),
            email=str(self.answers.get("email", "")).strip(),
            phone=str(self.answers.get("phone", "")).strip(),
        )
        return contact if any(vars(contact).values()) else None


def _with_notices(step: Step, notices: list[str]) -> Step:
    """The city's information texts waiting to be shown go with this step."""
    if not notices:
        return step
    text = " ".join([*notices, step.notice]).strip()
    notices.clear()
    return replace(step, notice=text)


def _listing(names: list[str], group: str) -> str:
    """What a group holds, in everyday words, under its tile ('' when it says nothing more)."""
    shown = [n for n in names if n.casefold() != group.casefold()]
    return ", ".join([shown[0], *(n[:1].lower() + n[1:] for n in shown[1:])]) if shown else ""


# Call Sofia's categories (PORTALS.md §2; 39 COVID-19 is historic and hidden), for hand-off mode
# where no Open311 server lists services. Grouped as the practice portal groups them.
# TRANSLATORS: Call Sofia's categories and their groups, as big tiles in the report wizard.
_HANDOFF = (
    ("1", N_("Cleanliness"), N_("Cleanliness and waste")),
    ("27", N_("Waste collection"), N_("Cleanliness and waste")),
    ("30", N_("Litter in public places"), N_("Cleanliness and waste")),
    ("3", N_("Roads and pavements"), N_("Streets, lighting and transport")),
    ("4", N_("Road signs and markings"), N_("Streets, lighting and transport")),
    ("5", N_("Parking"), N_("Streets, lighting and transport")),
    ("28", N_("Street lighting"), N_("Streets, lighting and transport")),
    ("38", N_("Public transport"), N_("Streets, lighting and transport")),
    ("6", N_("Parks and green areas"), N_("Nature and animals")),
    ("7", N_("Domestic and farm animals"), N_("Nature and animals")),
    ("22", N_("Problems with dogs"), N_("Nature and animals")),
    ("8", N_("Trade, adverts and stalls"), N_("Buildings and trade")),
    ("9", N_("Buildings and building works"), N_("Buildings and trade")),
    ("32", N_("Playgrounds"), N_("Playgrounds and sport")),
    ("40", N_("Sports grounds"), N_("Playgrounds and sport")),
    ("2", N_("Water supply and sewerage"), N_("Water")),
    ("11", N_("Other"), N_("Other")),
)


def handoff_services() -> list[Service]:
    return [Service(code, _(name), group=_(group)) for code, name, group in _HANDOFF]


def handoff_lines(wizard: Wizard) -> list[str]:
    """The prepared report as lines for the slip and the screen: what to read out to Call Sofia."""
    return [line_text(line) for line in wizard.review()]


def phone_script(wizard: Wizard) -> str:
    """What to say on the phone, in full sentences."""
    svc = wizard.service()
    place = next((line.value for line in wizard.review() if line.step_id == "where"), "")
    what = str(wizard.answers.get("description", "")).strip()
    script = _(
        "Call {phone} (Call Sofia, day and night). Say: Hello, I would like to report a "
        "problem. The kind of problem: {kind}. The place: {place}."
    ).format(phone=CALL_SOFIA_PHONE, kind=svc.name if svc else "", place=place)
    if what:
        script += " " + _("What is wrong: {what}").format(what=what)
    return script + " " + _("Write down the registration number they give you.")
