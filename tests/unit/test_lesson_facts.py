"""Facts as data (assets/lessons/facts.yaml): a fare is written once and every lesson, in every
language, shows the same value; an unknown fact name is an error, a fact past its review day a
warning; the catalog extractor offers the values to translators."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.facts import FACTS_FILE, read_facts
from kiosk.services.lessons.files import LESSONS_DIR, load_course
from kiosk.services.lessons.validate import validate

SAMPLE = (
    Path(__file__).resolve().parent.parent / "fixtures" / "lessons" / "valid" / "l90-sample.yaml"
)
TODAY = date(2026, 12, 1)


def _course(tmp_path: Path, body: str, facts: str) -> Path:
    """A one-lesson course whose intro narration is `body`, with the given facts file."""
    (tmp_path / "valid").mkdir()
    shutil.copytree(SAMPLE.parent.parent / "images", tmp_path / "images")
    text = SAMPLE.read_text("utf-8").replace("Това е началото на урока.", body, 1)
    (tmp_path / "valid" / "l90-sample.yaml").write_text(text, "utf-8")
    (tmp_path / "course.yaml").write_text(
        "id: c\nversion: '1'\ntitle: Курс\nmodules:\n  - id: m\n    order: 1\n    title: М\n"
        "    summary: С\n    lessons: [valid/l90-sample.yaml]\n",
        "utf-8",
    )
    (tmp_path / FACTS_FILE).write_text(facts, "utf-8")
    return tmp_path


FARE = (
    'facts:\n  - id: fare_trip\n    value: "0,80 €"\n    review_by: 2027-06-06\n'
    '    source: {title: Цени, url: "https://www.sofiatraffic.bg", checked: 2026-12-06}\n'
)


def test_the_shipped_fares_are_data_and_reach_every_language() -> None:
    facts, problems = read_facts(LESSONS_DIR)
    assert problems == [] and {"fare_trip", "fare_day_cap"} <= set(facts)
    assert all(f.source is not None and f.source.checked for f in facts.values())
    for lang, fare in (("bg", facts["fare_trip"].value), ("en", "€0.80")):
        step = load_course(lang=lang).lesson("l13-transport").step("pay-explain")
        assert fare in step.body and fare in step.narration.text and "{" not in step.body


def test_a_fact_is_put_in_where_the_lesson_names_it(tmp_path: Path) -> None:
    root = _course(tmp_path, "Пътуването струва {fare_trip}.", FARE)
    intro = load_course(root).lessons[0].step("intro")
    assert intro.narration.text.startswith("Пътуването струва 0,80 €.")


def test_an_unknown_fact_is_an_error_and_an_old_one_a_warning(tmp_path: Path) -> None:
    root = _course(tmp_path, "Пътуването струва {fare_tirp}.", FARE)
    found = validate(root, today=TODAY, languages=())
    assert any(p.severity == "error" and "{fare_tirp}" in p.message for p in found)
    later = validate(root, today=date(2027, 7, 1), languages=())
    assert any(p.severity == "warning" and "fare_trip" in p.message for p in later)


def test_the_extractor_offers_fact_values_to_translators() -> None:
    found = list(strings_in((LESSONS_DIR / FACTS_FILE).read_text("utf-8")))
    assert ("fact.fare_trip.value", "0,80 €") in {(path, msgid) for _l, msgid, path in found}
