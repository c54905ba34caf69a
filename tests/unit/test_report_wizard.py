"""The report wizard's engine: steps from a definition, validation, back keeps answers."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.core.portal import Service, ServiceAttribute, ServiceDefinition
from kiosk.core.wizard import Place, Wizard, handoff_services, phone_script
from kiosk.core.wizard_names import EverydayNames, NamesError, parse_names
from kiosk.core.wizard_steps import DefinitionInvalid

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
TODAY = date(2026, 3, 15)


def walk_to_roads(names: EverydayNames | None = None) -> Wizard:
    w = Wizard(SERVICES, PLACE, names=names, today=lambda: TODAY)
    w.answer("g:Streets")
    assert w.next() == ""
    assert w.step().id == "service"
    w.answer("3")
    assert w.needs_definition() == "3"
    assert w.next() == "" and w.step().id == "service"  # stays until the questions are here
    w.set_definition(ROADS, "3")
    assert w.next() == ""
    return w


def test_one_question_per_attribute_in_order_then_location_and_review() -> None:
    w = walk_to_roads()
    ids = [s.id for s in w.steps()]
    assert ids[:5] == ["category", "service", "attr:HOLES", "attr:DANGER", "attr:WHEN"]
    assert ids[-4:] == ["where", "description", "contact", "review"]
    # the city's information text is not a screen of its own: it goes with the next question
    assert w.step().id == "attr:HOLES" and w.step().notice == "Call 112 if in danger"
    w.answer("2x")
    problem = w.next()
    assert "How many holes?" in problem and "digits" in problem
    w.answer("2")
    assert w.next() == ""
    assert "Dangerous?" in w.next()  # required single choice not answered
    w.answer("yes")
    assert w.next() == ""
    assert w.step().kind == "choices" and w.step().dated  # the date, as choices
    assert "Dangerous?" not in w.next()  # optional: it may be passed by
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
    assert labels["where"].text == "Place: ul. Two"  # the place and its street: one line
    w.reset()
    assert w.answers == {} and w.step().id == "category"


def test_here_uses_the_kiosk_coordinates_and_no_consent_no_contact() -> None:
    w = walk_to_roads()
    w.answers.update({"attr:DANGER": "no", "where": "here", "contact": "no", "name": "X"})
    w.answers["attr:WHEN"] = "yesterday"
    report = w.to_report("bg")
    assert report.attributes["WHEN"] == "2026-03-14T00:00:00+02:00"  # ISO 8601 with the offset
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


def test_dates_are_choices_and_an_exact_day_comes_from_a_list() -> None:
    w = walk_to_roads()
    w.go_to("attr:WHEN")
    keys = [c.key for c in w.step().choices]
    assert keys == ["today", "yesterday", "week", "unknown", "exact"]
    w.answer("exact")
    assert w.next() == "" and w.step().id == "day:attr:WHEN"
    days = [c.key for c in w.step().choices]
    assert days[:2] == ["2026-03-15", "2026-03-14"] and days[-1] == "earlier" and len(days) == 29
    w.answer("2026-03-03")
    assert w.next() == "" and w.step().id == "where"
    report = w.to_report("bg")
    assert report.attributes["WHEN"] == "2026-03-03T00:00:00+02:00"
    assert {line.step_id: line.value for line in w.review()}["attr:WHEN"] == "2026-03-03"
    # not remembered, or before the list: nothing is said to the city about it
    w.answers["attr:WHEN"] = "unknown"
    assert "WHEN" not in w.to_report("bg").attributes
    w.answers.update({"attr:WHEN": "exact", "day:attr:WHEN": "earlier"})
    assert "WHEN" not in w.to_report("bg").attributes
    # a date the city needs: "I do not remember" is not offered
    required = ServiceAttribute("WHEN", datatype="datetime", required=True, description="When?")
    w2 = Wizard(SERVICES, PLACE, today=lambda: TODAY)
    w2.answers.update({"category": "g:Water"})
    w2.set_definition(ServiceDefinition("2", (required,)), "2")
    w2.go_to("attr:WHEN")
    assert "unknown" not in [c.key for c in w2.step().choices]


def test_the_progress_line_has_no_total_until_known_then_keeps_it() -> None:
    w = Wizard(SERVICES, PLACE, today=lambda: TODAY)
    assert w.progress() == (1, 0)
    w.answer("g:Streets")
    w.next()
    assert w.progress() == (2, 0)  # the kind is not chosen: the questions are not known
    w.answer("3")
    w.set_definition(ROADS, "3")
    w.next()
    # category, service, holes, danger, when, where, description, contact, review
    assert w.progress() == (3, 9)
    totals = set()
    for answer in ("2", "yes", "exact", "2026-03-10", "address", "ul. X", "", "yes", "Ana",
                   "0888 123 456", "", None):  # fmt: skip
        totals.add(w.progress()[1])
        if answer is None:
            break
        w.answer(answer)
        assert w.next() == "", w.step()
    assert w.step().id == "review" and totals == {9} and w.progress() == (9, 9)


def test_a_change_from_the_review_leads_back_to_it() -> None:
    w = walk_to_roads()
    w.answers.update({"attr:DANGER": "no", "where": "here", "contact": "no"})
    w.go_to("review")
    w.edit("where")
    w.answer("street")
    assert w.next() == "" and w.step().id == "street"  # a question not seen yet
    w.answer("ul. One")
    assert w.next() == "" and w.step().id == "review"
    # Back from a change goes back to the review, nothing lost
    w.edit("attr:DANGER")
    assert w.back() and w.step().id == "review" and w.answers["attr:DANGER"] == "no"
    # a new problem: its questions are all new, so each is asked, then the review
    w.edit("category")
    w.answer("g:Water")
    w.set_definition(ServiceDefinition("2", (ROADS.attributes[2],)), "2")
    assert w.next() == "" and w.step().id == "attr:DANGER"
    w.answer("yes")
    assert w.next() == "" and w.step().id == "review"


def test_everyday_names_over_the_city_names() -> None:
    names = EverydayNames({"3": "Hole in the road", "28": "Broken lamp"}, featured=("28",))
    w = Wizard(SERVICES, PLACE, names=names)
    tiles = [(c.key, c.label, c.detail) for c in w.groups()]
    assert tiles[0] == ("s:28", "Broken lamp", "Lighting")  # the featured problem first
    assert tiles[1] == ("g:Streets", "Streets", "Hole in the road, broken lamp")
    w.answer("g:Streets")
    w.next()
    assert [(c.label, c.detail) for c in w.step().choices] == [
        ("Hole in the road", "Roads"), ("Broken lamp", "Lighting"),
    ]  # fmt: skip
    w.answer("28")
    w.next()
    assert w.review()[0].text == "Problem: Broken lamp (Lighting)"
    assert names.promise() == "Broken lamp"
    # a table over another: names added and replaced, featured replaced when given
    site = parse_names({"bg": {"services": {"3": "Дупка"}, "featured": ["3", "28"]}}, "bg")
    merged = site.over(EverydayNames({"3": "Дупка на пътя", "28": "Счупена лампа"}, ("28",)))
    assert merged.promise() == "Дупка, счупена лампа"
    assert parse_names({}, "tr") == EverydayNames()
    with pytest.raises(NamesError, match="unknown key"):
        parse_names({"bg": {"service": {}}}, "bg")
    with pytest.raises(NamesError, match="featured"):
        parse_names({"bg": {"featured": [3]}}, "bg")


def test_the_bundled_names_keep_the_home_tiles_promise() -> None:
    """Every language names Call Sofia's categories and features what the tile promises."""
    from kiosk.services.reports.everyday import BUNDLED, read_table

    codes = {
        code
        for code, _name, _group in __import__("kiosk.core.wizard", fromlist=["_HANDOFF"])._HANDOFF
    }
    for lang in ("bg", "en", "uk", "tr"):
        names = read_table(BUNDLED, lang)
        assert codes <= set(names.services), lang
        assert names.featured == ("3", "28", "27"), lang
    assert (
        read_table(BUNDLED, "bg").promise()
        == "Дупка на пътя, счупена лампа, боклук и пълни контейнери"
    )


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


def test_a_language_switch_keeps_a_featured_problem_on_its_own_tile() -> None:
    """A problem touched on its own (featured) tile stays that tile in the new language, not
    its group's; the everyday names come from the new language's table."""
    bg = [Service("5", "Улично осветление", group="Улици"), Service("6", "Пътища", group="Улици")]
    en = [Service("5", "Street lighting", group="Streets"), Service("6", "Roads", group="Streets")]
    wizard = Wizard(bg, Place(42.69, 23.32), names=EverydayNames({"5": "Счупена лампа"}, ("5",)))
    assert wizard.step().choices[0].key == "s:5"
    wizard.answer("s:5")
    wizard.names = EverydayNames({"5": "A broken lamp"}, ("5",))
    wizard.relanguage(en)
    assert wizard.answers["category"] == "s:5"
    assert wizard.step().choices[0].label == "A broken lamp"
    svc = wizard.service()
    assert svc is not None and (svc.code, svc.name) == ("5", "Street lighting")
