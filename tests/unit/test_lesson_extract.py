"""The Babel extractor for lesson files, and the lessons catalogs kept in sync with the files."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from kiosk.i18n import LOCALES_DIR
from kiosk.services.lessons.extract import extract_lessons, strings_in

ROOT = LOCALES_DIR.parent
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lessons"
SAMPLE = FIXTURES / "valid" / "l90-sample.yaml"


def _extract(path: Path) -> list[tuple[int, str, str, list[str]]]:
    with path.open("rb") as handle:
        return list(extract_lessons(handle, {}, [], {}))


def _lines_of(path: Path, message: str) -> set[int]:
    """The lines where `message` is written as a whole YAML value."""
    value = re.compile(r"(: |- |\[|, )" + re.escape(message) + r"\s*($|,|\]|\})")
    lines = path.read_text("utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1) if value.search(line)}


def test_every_kind_of_lesson_text_is_extracted_with_its_line_and_field() -> None:
    found = {(message, comments[0]): line for line, _f, message, comments in _extract(SAMPLE)}
    expected = {
        "Примерен урок": "l90-sample.title",
        "Пример": "l90-sample.short_title",
        "Урокът показва всяко поле на формата.": "l90-sample.why_it_matters",
        "Мога да докосна бутон.": "l90-sample.goal.g1.text",
        "бутон": "l90-sample.glossary_terms[1]",
        "Няма истински данни.": "l90-sample.safety_notes",
        "Начало": "l90-sample.intro.title",
        "Това е началото.": "l90-sample.intro.body",
        "Това е началото на урока.": "l90-sample.intro.narration.text",
        "Пръст докосва зелен бутон.": "l90-sample.intro.alt",
        "Пръст докосва бутон.": "l90-sample.intro.transcript",
        "Подредете картите.": "l90-sample.sort.widget.params.prompt",
        "Никога не казвам": "l90-sample.sort.widget.params.bins.never.label",
        "ПИН-ът е само ваш.": "l90-sample.sort.widget.params.items.pin.why",
        "Започнете оттук.": "l90-sample.sort.hint[2].text",
        "Кое е вярно?": "l90-sample.q1.question.stem",
        "Леко докосване.": "l90-sample.q1.question.a.text",
        "Не е нужно.": "l90-sample.q1.question.b.feedback",
        "Бутонът се докосва леко.": "l90-sample.q1.question.explanation",
        "Картичка": "l90-sample.card.title",
        "Вдигнете пръста.": "l90-sample.card.steps[2]",
        "Сайтът на общината": "l90-sample.card.qr_label",
        "Столична община": "l90-sample.bridge.url[1].label",
        "Спешен номер": "l90-sample.bridge.hotline[1].label",
        "Дигиталният клуб": "l90-sample.bridge.offices[1]",
        "Оставете човека да докосва сам.": "l90-sample.trainer.notes",
        "5 минути — начало": "l90-sample.trainer.timing_plan[1]",
        "Къде има екрани?": "l90-sample.trainer.prompts[1]",
    }
    for message, field in expected.items():
        line = found.get((message, f"lesson field: {field}"))
        assert line is not None, (message, field)
        assert line in _lines_of(SAMPLE, message), message


def test_fixed_values_are_not_extracted() -> None:
    messages = {message for _l, _f, message, _c in _extract(SAMPLE)}
    for fixed in ("l90-sample", "images/sample.svg", "https://www.sofia.bg", "112", "card_sort",
                  "never", "audio/intro-bg.ogg", "5.2", "тест"):  # fmt: skip
        assert fixed not in messages


def test_course_file_strings_are_extracted() -> None:
    found = {message: c[0] for _l, _f, message, c in _extract(FIXTURES / "course.yaml")}
    assert found == {
        "Тестов курс": "lesson field: course.title",
        "Тестов модул": "lesson field: module.t-module.title",
        "Урок за проверка на формата.": "lesson field: module.t-module.summary",
        "Тестов план": "lesson field: plan.plan.title",
    }


def test_broken_yaml_yields_nothing_instead_of_failing() -> None:
    assert list(extract_lessons(io.BytesIO(b"title: [unclosed"), {}, [], {})) == []
    assert list(strings_in("- just\n- a list\n")) == []


def _pot_ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {str(m.id) for m in read_po(handle) if m.id}


def test_the_template_is_in_sync_with_the_lesson_files() -> None:
    with (ROOT / "babel-lessons.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    extracted = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map
        )
    }
    pot = _pot_ids(LOCALES_DIR / "lessons.pot")
    assert extracted - pot == set(), "run `python -m kiosk i18n extract` for the new lesson text"
    assert pot - extracted == set(), "lessons.pot has text no lesson uses any more"


def test_every_lesson_string_has_a_complete_english_translation() -> None:
    with (LOCALES_DIR / "en" / "LC_MESSAGES" / "lessons.po").open("rb") as handle:
        catalog = read_po(handle)
    entries = [m for m in catalog if m.id]
    assert {str(m.id) for m in entries} == _pot_ids(LOCALES_DIR / "lessons.pot")
    untranslated = [m.id for m in entries if not m.string or not str(m.string).strip()]
    fuzzy = [m.id for m in entries if m.fuzzy]
    # A Bulgarian sentence copied unchanged is not a translation.
    copied = [m.id for m in entries if m.string == m.id and any("а" <= c <= "я" for c in m.id)]
    assert (untranslated, fuzzy, copied) == ([], [], [])


def test_bulgarian_needs_no_lessons_catalog() -> None:
    # Bulgarian is the source language of the lessons: the msgids are the Bulgarian text.
    assert not (LOCALES_DIR / "bg" / "LC_MESSAGES" / "lessons.po").exists()


def test_a_wrapped_lesson_field_comment_names_its_own_field() -> None:
    """The extractor wraps a long path onto the next comment line; two wrapped entries are two
    fields, so `i18n update` never gives one the other's translation."""
    from babel.messages.catalog import Message

    from kiosk.i18n_tools import _fields

    one = Message("Обикновен", auto_comments=["lesson field:", "l02-screen.kiosk-try.values.a"])
    two = Message("Любимата", auto_comments=["lesson field:", "l05-passwords.sort-try.items.b"])
    short = Message("Начало", auto_comments=["lesson field: l01-touch.intro.title"])
    assert _fields(one) == {"lesson field: l02-screen.kiosk-try.values.a"}
    assert _fields(one).isdisjoint(_fields(two))
    assert _fields(short) == {"lesson field: l01-touch.intro.title"}
