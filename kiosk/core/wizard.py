"""The report wizard's engine: services and a definition become one question per screen.

Category → kind of problem (when a group has several) → the definition's questions in `order` →
where → (address | street) → what is wrong → contact (consent) → name, phone, e-mail → review.
The steps are recomputed from the answers, so going back and changing the category drops the
questions of the old category; every other answer is kept. Nothing here outlives `reset()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from kiosk.core.city import CALL_SOFIA_PHONE, TIME_ZONE
from kiosk.core.outbox import Contact, Location, Report
from kiosk.core.portal import Service, ServiceDefinition
from kiosk.core.wizard_steps import (
    Answer,
    Choice,
    Step,
    attribute_step,
    check_definition,
    description_step,
    is_empty,
    parse_datetime,
    validate,
)
from kiosk.i18n import N_, _

__all__ = ["Answer", "Choice", "Place", "ReviewLine", "Step", "Wizard"]


@dataclass(frozen=True)
class Place:
    """Where the kiosk stands (from the config) and the streets offered as nearby."""

    lat: float
    lon: float
    address: str = ""
    streets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewLine:
    step_id: str
    label: str
    value: str
    personal: bool = False


class Wizard:
    """The answers of one resident and the steps they lead to. `handoff`: no contact steps."""

    def __init__(self, services: Sequence[Service], place: Place, *, handoff: bool = False):
        self.services = [s for s in services if s.code]
        self.place = place
        self.handoff = handoff
        self.definitions: dict[str, ServiceDefinition] = {}
        self.answers: dict[str, Answer] = {}
        self.current = "category"

    def reset(self) -> None:
        self.answers.clear()
        self.definitions.clear()
        self.current = "category"

    # --- what is asked -------------------------------------------------------------------

    def groups(self) -> list[Choice]:
        """Category tiles: one per group, or per service that has no group, in list order."""
        seen: dict[str, Choice] = {}
        for svc in self.services:
            for group in svc.in_groups():
                seen.setdefault("g:" + group, Choice("g:" + group, group))
            if not svc.in_groups():
                seen.setdefault("s:" + svc.code, Choice("s:" + svc.code, svc.name))
        return list(seen.values())

    def services_in(self, group_key: str) -> list[Service]:
        if group_key.startswith("s:"):
            return [s for s in self.services if s.code == group_key[2:]]
        return [s for s in self.services if group_key[2:] in s.in_groups()]

    def service(self) -> Service | None:
        """The chosen service, once the category (and kind, if needed) is answered."""
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
        if svc is not None and svc.code in self.definitions:
            steps += [attribute_step(a) for a in self.definitions[svc.code].attributes]
        steps.append(self._where_step())
        where = self.answers.get("where")
        if where == "address":
            steps.append(
                Step("address", "text", _("Address or landmark"),
                     _("Type the address, or a landmark everyone knows."),
                     _("For example: ul. Shipka 6, or: the fountain in the park"), required=True)
            )  # fmt: skip
        elif where == "street":
            steps.append(
                Step("street", "choices", _("Nearby street"), _("Which street is it on?"),
                     required=True, choices=tuple(Choice(s, s) for s in self.place.streets))
            )  # fmt: skip
        steps.append(description_step())
        if not self.handoff:
            steps.append(self._contact_step())
            if self.answers.get("contact") == "yes":
                steps += self._person_steps()
        steps.append(Step("review", "review", _("Check your report"),
                          _("Please check everything. Touch a line to change it.")))  # fmt: skip
        return steps

    def step(self) -> Step:
        steps = self.steps()
        return next((s for s in steps if s.id == self.current), steps[0])

    def position(self) -> tuple[int, int]:
        """Step n of m, counting from 1."""
        steps = self.steps()
        ids = [s.id for s in steps]
        return (ids.index(self.current) + 1 if self.current in ids else 1), len(steps)

    # --- answering and moving ------------------------------------------------------------

    def answer(self, value: Answer) -> None:
        step = self.step()
        if step.id == "category" and self.answers.get("category") != value:
            self.answers.pop("service", None)  # a new category: the old kind no longer fits
        self.answers[step.id] = value

    def value(self) -> Answer | None:
        return self.answers.get(self.step().id)

    def next(self) -> str:
        """Go on if the answer will do; else the sentence saying what to fix (stays put)."""
        step = self.step()
        problem = validate(step, self.answers.get(step.id))
        if problem:
            return problem
        steps = self.steps()
        ids = [s.id for s in steps]
        at = ids.index(step.id)
        if at + 1 < len(ids):
            self.current = ids[at + 1]
        return ""

    def back(self) -> bool:
        """One step back, keeping the answers; False on the first step."""
        ids = [s.id for s in self.steps()]
        at = ids.index(self.current) if self.current in ids else 0
        if at == 0:
            return False
        self.current = ids[at - 1]
        return True

    def go_to(self, step_id: str) -> None:
        """From the review: change one answer (then Next leads back through the rest)."""
        if step_id in {s.id for s in self.steps()}:
            self.current = step_id

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

    def review(self, format_datetime: Callable[[str], str] = str) -> list[ReviewLine]:
        lines = []
        for step in self.steps():
            if step.kind in ("review", "info") or step.id == "contact":
                continue
            value = self.answers.get(step.id)
            if step.id == "service" or (step.id == "category" and self.service() is not None):
                svc = self.service()
                if step.id == "category" and svc is not None and svc.group:
                    text = self.label_of(step, value)
                else:
                    text = svc.name if svc else self.label_of(step, value)
            elif step.kind == "datetime" and isinstance(value, str) and value:
                text = format_datetime(value)
            else:
                text = self.label_of(step, value)
            lines.append(ReviewLine(step.id, step.title, text, step.personal))
            if step.id == "where" and value == "here":
                lines[-1] = ReviewLine(step.id, step.title, self._here_text())
        return lines

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
        kinds = {s.id: s.kind for s in self.steps() if s.kind != "info"}
        attributes = {
            key[5:]: _with_offset(value) if kinds[key] == "datetime" else value
            for key, value in self.answers.items()
            if key.startswith("attr:") and not is_empty(value) and key in kinds
        }
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

    def _here_text(self) -> str:
        return self.place.address or _("At this kiosk")

    def _category_step(self) -> Step:
        return Step("category", "choices", _("What is the problem about?"),
                    _("Touch the kind of problem."), required=True,
                    choices=tuple(self.groups()))  # fmt: skip

    def _service_step(self, group: str) -> Step:
        found = self.services_in(group)
        return Step("service", "choices", _("Which of these is it?"),
                    _("Touch the one that fits best."), required=True,
                    choices=tuple(Choice(s.code, s.name) for s in found))  # fmt: skip

    def _where_step(self) -> Step:
        here = _("Here, at this kiosk")
        if self.place.address:
            here = _("Here, at this kiosk: {address}").format(address=self.place.address)
        choices = [Choice("here", here), Choice("address", _("I will type an address or landmark"))]
        if self.place.streets:
            choices.append(Choice("street", _("Choose from nearby streets")))
        return Step("where", "choices", _("Where is the problem?"),
                    _("Touch one answer. You do not need a map."), required=True,
                    choices=tuple(choices))  # fmt: skip

    def _contact_step(self) -> Step:
        return Step(
            "contact", "choices", _("May the city contact you?"),
            _("If you give your name, phone or e-mail, only the city's staff who handle this "
              "report will see them, to ask you about it or tell you it is done. They are not "
              "kept at this kiosk and not read aloud. You can say no."),
            required=True,
            choices=(Choice("no", _("No, send it without my details")),
                     Choice("yes", _("Yes, I agree to give my details"))),
        )  # fmt: skip

    def _person_steps(self) -> list[Step]:
        return [
            Step("name", "text", _("Your name"), _("What is your name? You may skip this."),
                 _("For example: Maria Ivanova"), personal=True, max_length=100),
            Step("phone", "number", _("Your phone number"),
                 _("What is your phone number? You may skip this."),
                 _("For example: 0888 123 456"), personal=True, max_length=20),
            Step("email", "text", _("Your e-mail"),
                 _("What is your e-mail address? You may skip this."),
                 _("For example: maria@example.bg"), personal=True, max_length=100),
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


def _with_offset(value: Answer) -> Answer:
    """A date and time from the steppers as ISO 8601 with Sofia's offset (PORTALS.md §1)."""
    moment = parse_datetime(value) if isinstance(value, str) else None
    if moment is None:
        return value
    return moment.replace(tzinfo=ZoneInfo(TIME_ZONE)).isoformat()


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



def handoff_lines(wizard: Wizard, format_datetime: Callable[[str], str] = str) -> list[str]:
    """The prepared report as lines for the slip: what to read out to Call Sofia."""
    return [line_text(line) for line in wizard.review(format_datetime)]


def line_text(line: ReviewLine) -> str:
    """'Question? Answer' or 'Label: answer' (no '?:' on paper)."""
    label = line.label.rstrip()
    return f"{label} {line.value}" if label.endswith(("?", ":")) else f"{label}: {line.value}"


def phone_script(wizard: Wizard) -> str:
    """What to say on the phone, in full sentences."""
    svc = wizard.service()
    where = wizard.review()
    place = next((line.value for line in where if line.step_id in ("address", "street")), "")
    if not place:
        place = next((line.value for line in where if line.step_id == "where"), "")
    what = str(wizard.answers.get("description", "")).strip()
    script = _(
        "Call {phone} (Call Sofia, day and night). Say: Hello, I would like to report a "
        "problem. The kind of problem: {kind}. The place: {place}."
    ).format(phone=CALL_SOFIA_PHONE, kind=svc.name if svc else "", place=place)
    if what:
        script += " " + _("What is wrong: {what}").format(what=what)
    return script + " " + _("Write down the registration number they give you.")
