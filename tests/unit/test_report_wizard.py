"""The report wizard's engine: steps from a definition, validation, back keeps answers."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.core.portal import Service, ServiceAttribute, ServiceDefinition
from kiosk.core.wizard import Place, Wizard, handoff_services, phone_script
from kiosk.core.wizard_steps import DefinitionInvalid, shift_datetime

SERVICES = [
    Service("3", "Roads", metadata=True, group="Streets"),
    Service("28", "Lighting", metadata=False, group="Streets"),
    Service("2", "Water", metadata=True, group="Water"),
]
ROADS = ServiceDefinition(
    "3",
    (
        ServiceAttribute("INFO", variable=False, description="Call 112 if in danger", order=1),
        ServiceAttribute("HOLES", datatype="number", description="How many holes?", order=2),
        ServiceAttribute(
            "DANGER", datatype="singlevaluelist", required=True, description="Dangerous?",
            values=(("no", "No"), ("yes", "Yes")), order=3,
        ),
        ServiceAttribute("WHEN", datatype="datetime", description="When?", order=4),
    ),
)  # fmt: skip
PLACE = Place(42.69, 23.32, "pl. Test 1", ("ul. One", "ul. Two"))


def walk_to_roads() -> Wizard:
    w = Wizard(SERVICES, PLACE)
    w.answer("g:Streets")
    assert w.next() == ""
    assert w.step().id == "service"
    w.answer("3")
    assert w.needs_definition() == "3"
    w.set_definition(ROADS, "3")
    assert w.next() == ""
    return w


def test_one_question_per_attribute_in_order_then_location_and_review() -> None:
    w = walk_to_roads()
    ids = [s.id for s in w.steps()]
    assert ids[:6] == ["category", "service", "attr:INFO", "attr:HOLES", "attr:DANGER", "attr:WHEN"]
    assert ids[-4:] == ["where", "description", "contact", "review"]
    assert w.step().kind == "info" and w.next() == ""
    w.answer("2x")
    problem = w.next()
    assert "How many holes?" in problem and "digits" in problem
    w.answer("2")
    assert w.next() == ""
    assert "Dangerous?" in w.next()  # required single choice not answered
    w.answer("yes")
    assert w.next() == ""
    assert w.next() == ""  # the date is optional
    assert w.step().id == "where"


def test_back_keeps_answers_and_a_new_category_drops_the_old_kind() -> None:
    w = walk_to_roads()
    w.next()
    w.answer("4")
    w.back()
    w.back()
    assert w.step().id == "service" and w.value() == "3"
    w.next()
    w.next()
    assert w.value() == "4"
    w.go_to("category")
    w.answer("g:Water")
    assert "service" not in w.answers and w.needs_definition() == "2"


def test_location_contact_and_report() -> None:
    w = walk_to_roads()
    w.answers.update({"attr:HOLES": "3", "attr:DANGER": "no", "where": "street"})
    w.go_to("street")
    assert [c.key for c in w.step().choices] == ["ul. One", "ul. Two"]
    w.answer("ul. Two")
    w.go_to("contact")
    w.answer("yes")
    w.next()
    assert w.step().id == "name" and w.step().personal
    w.answer("Мария Иванова")
    w.next()
    w.answer("08 88")
    assert "phone" in w.next().lower()
    w.answer("0888 123 456")
    w.next()
    w.answer("maria@example.bg")
    w.next()
    assert w.step().id == "review"
    report = w.to_report("bg")
    assert report.location.address_string == "ul. Two" and report.location.lat is None
    assert report.attributes == {"HOLES": "3", "DANGER": "no"}
    assert report.contact is not None and report.contact.last_name == "Иванова"
    labels = {line.step_id: line for line in w.review()}
    assert labels["attr:DANGER"].value == "No" and labels["phone"].personal
    w.reset()
    assert w.answers == {} and w.step().id == "category"


def test_here_uses_the_kiosk_coordinates_and_no_consent_no_contact() -> None:
    w = walk_to_roads()
    w.answers.update({"attr:DANGER": "no", "where": "here", "contact": "no", "name": "X"})
    w.answers["attr:WHEN"] = "2026-03-15T09:30"
    report = w.to_report("bg")
    assert report.attributes["WHEN"] == "2026-03-15T09:30:00+02:00"  # ISO 8601 with the offset
    assert (report.location.lat, report.location.lon) == (42.69, 23.32)
    assert report.contact is None and not report.consent


@pytest.mark.parametrize(
    "attr",
    [
        ServiceAttribute("A", datatype="colour", description="?"),
        ServiceAttribute("A", datatype="singlevaluelist", description="Pick"),
        ServiceAttribute("A", description="  "),
    ],
)
def test_malformed_definitions_are_refused(attr: ServiceAttribute) -> None:
    w = Wizard(SERVICES, PLACE)
    with pytest.raises(DefinitionInvalid) as err:
        w.set_definition(ServiceDefinition("3", (attr,)), "3")
    assert "0700 17 310" in err.value.human()
    assert w.definitions == {}


def test_date_steppers_never_go_into_the_future() -> None:
    now = datetime(2026, 3, 15, 9, 40)
    assert shift_datetime("", "day", -1, now) == "2026-03-14T09:30"
    assert shift_datetime("2026-03-15T09:30", "hour", 1, now) == "2026-03-15T09:30"
    assert shift_datetime("2026-03-15T09:30", "minute", -1, now) == "2026-03-15T09:15"


def test_handoff_has_no_contact_steps_and_a_phone_script() -> None:
    w = Wizard(handoff_services(), PLACE, handoff=True)
    assert all(s.id != "contact" for s in w.steps())
    w.answers.update({"category": "g:Streets, lighting and transport", "service": "28"})
    w.answers.update({"where": "address", "address": "ul. Shipka 6", "description": "Dark"})
    script = phone_script(w)
    assert "0700 17 310" in script and "ul. Shipka 6" in script and "Street lighting" in script


def test_a_service_in_several_groups_is_offered_under_each() -> None:
    services = [
        Service("P", "Pothole", group="Roads", groups=("Roads", "Pavements")),
        Service("G", "Graffiti", group="Cleaning"),
        Service("O", "Other"),
    ]
    w = Wizard(services, PLACE)
    assert [c.key for c in w.groups()] == ["g:Roads", "g:Pavements", "g:Cleaning", "s:O"]
    assert [s.code for s in w.services_in("g:Pavements")] == ["P"]
    assert [s.code for s in w.services_in("g:Roads")] == ["P"]


def test_free_text_a_resident_types_is_personal_like_contact_details() -> None:
    """Personal answers are read back only through a headset, never on the loudspeaker."""
    from kiosk.core.wizard_steps import attribute_step, description_step

    assert description_step().personal
    assert attribute_step(ServiceAttribute("NOTE", datatype="text", description="Where?")).personal
    assert attribute_step(ServiceAttribute("MORE", datatype="string", description="More?")).personal
    assert not attribute_step(ROADS.attributes[2]).personal  # a choice of the portal's words
    w = walk_to_roads()
    w.answers["description"] = "Счупена пейка"
    lines = {line.step_id: line for line in w.review()}
    assert lines["description"].personal


def test_a_language_switch_keeps_the_answers_meaning() -> None:
    """The same services in English: the chosen category tile is renamed, the answers stay."""
    bg = [Service("5", "Улично осветление", group="Улици"), Service("6", "Пътища", group="Улици")]
    en = [Service("5", "Street lighting", group="Streets"), Service("6", "Roads", group="Streets")]
    wizard = Wizard(bg, Place(42.69, 23.32))
    wizard.answer("g:Улици")
    wizard.next()
    wizard.answer("6")
    wizard.relanguage(en)
    assert wizard.answers["category"] == "g:Streets"
    svc = wizard.service()
    assert svc is not None and (svc.code, svc.name) == ("6", "Roads")
    assert wizard.groups()[0].label == "Streets"
    wizard.relanguage([Service("9", "Other", group="Other")])  # the city dropped the service
    assert wizard.service() is None and wizard.current == "category"
