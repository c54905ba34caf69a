"""The lesson model as the player sees it: typed, frozen, translated, with source lines kept."""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import kiosk.i18n
from kiosk.core import lessons as m
from kiosk.core.lesson_widgets import KINDS, SPECS, Param
from kiosk.services.lessons.files import (
    LESSONS_DIR,
    LessonFilesError,
    load_course,
    read_lesson,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lessons"
SAMPLE = FIXTURES / "valid" / "l90-sample.yaml"
CYRILLIC = re.compile("[а-яА-Я]")
# The course in teaching order: module by module (ids keep their numbers when modules grow).
SHIPPED = (
    "l01-touch", "l02-screen", "l03-keyboard",
    "l04-web-search", "l05-passwords", "l06-scam-messages", "l07-phone-scams",
    "l08-personal-data", "l17-misinformation",
    "l09-messages", "l10-video-call",
    "l11-city-report", "l12-health", "l13-transport", "l14-eid",
    "l18-apps", "l19-email", "l20-connection",
    "l21-bank-app", "l22-card-online", "l23-marketplace", "l24-euro",
    "l15-troubleshooting", "l16-review",
)  # fmt: skip
MODULES = (
    "a-comfortable", "b-safe", "c-touch", "d-services", "f-apps", "g-money", "e-keep-going",
)  # fmt: skip
# Modules whose facts go stale carry review dates.
FRESH = {"b-safe", "d-services", "g-money"}


@pytest.fixture(scope="module")
def course() -> m.Course:
    return load_course(LESSONS_DIR, "bg")


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> m.Course:
    """The course in English, from the committed .po compiled into a private folder."""
    source = kiosk.i18n.LOCALES_DIR / "en" / "LC_MESSAGES" / "lessons.po"
    target = tmp_path / "en" / "LC_MESSAGES" / "lessons.mo"
    target.parent.mkdir(parents=True)
    with source.open("rb") as po, target.open("wb") as mo:
        write_mo(mo, read_po(po))
    monkeypatch.setattr(kiosk.i18n, "LOCALES_DIR", tmp_path)
    kiosk.i18n.reload_catalogs()
    yield load_course(LESSONS_DIR, "en")
    kiosk.i18n.reload_catalogs()


def _sample() -> m.Lesson:
    result = read_lesson(SAMPLE)
    assert result.errors == [] and result.course is not None
    return result.course.lessons[0]


def test_course_has_the_lessons_in_order(course: m.Course) -> None:
    assert [lesson.id for lesson in course.lessons] == list(SHIPPED)
    assert [mod.id for mod in course.modules] == list(MODULES)
    assert {mod.id for mod in course.modules if mod.freshness_required} == FRESH
    assert course.lesson("l01-touch").title == "Докосване, плъзгане, задържане"


def test_the_trainers_course_page_names_every_lesson_and_plan(course: m.Course) -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "course.md").read_text("utf-8")
    named = set(re.findall(r"`([a-z0-9-]+)`", page))
    assert {lesson.id for lesson in course.lessons} <= named
    assert {plan.id for plan in course.session_plans} <= named
    assert {mod.id for mod in course.modules} <= named


def test_each_lesson_keeps_the_curriculum_rules(course: m.Course) -> None:
    for lesson in course.lessons:
        kinds = [step.type for step in lesson.steps]
        assert kinds[0] == "intro" and "recap" in kinds and kinds[-1] == "bridge"
        assert lesson.widgets, lesson.id
        assert len([q for q in lesson.questions if q.type != "self_rating"]) >= 3
        assert all(o.feedback for q in lesson.questions for o in q.options)
        assert all(step.narration.text for step in lesson.steps)
        assert lesson.take_home_card is not None and len(lesson.take_home_card.steps) <= 8
        assert 12 <= lesson.est_minutes.self <= 20 and lesson.est_minutes.guided >= 30
        assert lesson.content_hash and lesson.competences


def test_the_widget_catalogue_required_by_the_first_lessons_is_used(course: m.Course) -> None:
    used = {widget.type for lesson in course.lessons for widget in lesson.widgets}
    assert used >= {
        "touch_target", "double_tap", "press_hold", "drag_drop", "scroll_find", "pinch_zoom",
        "keyboard_entry", "settings_sim", "browser_sim", "card_sort", "password_builder",
    }  # fmt: skip


def test_module_b_and_d_lessons_carry_review_dates(course: m.Course) -> None:
    for lesson in (les for mod in course.modules if mod.id in FRESH for les in mod.lessons):
        assert lesson.freshness is not None and lesson.freshness.sources
        assert lesson.freshness.review_by > lesson.freshness.last_verified
        assert not lesson.freshness.overdue(lesson.freshness.review_by)
        assert lesson.freshness.overdue(date(2099, 1, 1))


def test_prerequisites_follow_the_curriculum(course: m.Course) -> None:
    needs = {lesson.id: {p.lesson_id for p in lesson.prerequisites} for lesson in course.lessons}
    assert needs == {
        "l01-touch": set(),
        "l02-screen": {"l01-touch"},
        "l03-keyboard": {"l01-touch"},
        "l04-web-search": {"l03-keyboard"},
        "l05-passwords": {"l03-keyboard"},
        "l06-scam-messages": {"l04-web-search", "l05-passwords"},
        "l07-phone-scams": {"l06-scam-messages"},
        "l08-personal-data": {"l06-scam-messages"},
        "l17-misinformation": {"l04-web-search", "l06-scam-messages", "l07-phone-scams"},
        "l09-messages": {"l03-keyboard"},
        "l10-video-call": {"l09-messages"},
        "l11-city-report": {"l03-keyboard", "l04-web-search"},
        "l12-health": {"l04-web-search"},
        "l13-transport": {"l04-web-search"},
        "l14-eid": {"l05-passwords", "l06-scam-messages"},
        "l18-apps": {"l03-keyboard", "l05-passwords"},
        "l19-email": {"l03-keyboard", "l05-passwords", "l06-scam-messages"},
        "l20-connection": {"l02-screen"},
        "l21-bank-app": {"l05-passwords", "l07-phone-scams", "l18-apps"},
        "l22-card-online": {"l04-web-search", "l05-passwords", "l21-bank-app"},
        "l23-marketplace": {"l06-scam-messages", "l22-card-online"},
        "l24-euro": {"l07-phone-scams", "l21-bank-app"},
        "l15-troubleshooting": {"l01-touch", "l02-screen"},  # "any two" of the course
        "l16-review": {"l01-touch", "l02-screen", "l03-keyboard", "l04-web-search",
                       "l05-passwords", "l06-scam-messages", "l09-messages", "l10-video-call",
                       "l11-city-report", "l12-health", "l13-transport"},
    }  # fmt: skip


def test_objects_know_the_line_they_came_from(course: m.Course) -> None:
    lesson = course.lesson("l01-touch")
    lines = (LESSONS_DIR / "a-comfortable" / "l01-touch.yaml").read_text("utf-8").splitlines()
    step = lesson.step("tap-try")
    assert lines[step.at.line - 1].strip() == "- id: tap-try"
    assert step.at.file.endswith("l01-touch.yaml")
    assert (
        step.widget is not None and lines[step.widget.at.line - 1].strip() == "type: touch_target"
    )
    question = lesson.step("check-safe").question
    assert question is not None and lines[question.at.line - 1].strip() == "id: q-safe"


def test_the_model_is_frozen(course: m.Course) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        course.lessons[0].title = "x"  # type: ignore[misc]


def test_english_course_is_translated(english: m.Course) -> None:
    lesson = english.lesson("l01-touch")
    assert lesson.title == "Tap, swipe, hold"
    assert english.modules[0].title == "At ease with the screen"
    for lesson in english.lessons:
        for text in (lesson.title, lesson.why_it_matters, *(s.title for s in lesson.steps)):
            assert not CYRILLIC.search(text), text
        for step in lesson.steps:
            # what the learner is asked to type in Cyrillic, and a key named by its letter
            # ("before the letter И"), stay Cyrillic in every language
            said = step.narration.text
            expected = step.widget.params.get("expected") if step.widget else None
            if isinstance(expected, str):
                said = said.replace(expected, "")
            said = re.sub(r"(?<![а-яА-Я])[а-яА-Я](?![а-яА-Я])", "", said)
            assert not CYRILLIC.search(said), step.narration.text
    tap = english.lesson("l01-touch").step("tap-try").widget
    assert tap is not None and tap.params["targets"][0]["label"] == "Red circle"
    # Fixed values (ids, addresses, expected input) are not translated.
    assert english.lesson("l03-keyboard").step("web-try").widget.params["expected"] == "sofia.bg"  # type: ignore[union-attr]


def test_the_sample_reads_every_field() -> None:
    lesson = _sample()
    assert (lesson.version, lesson.status, lesson.short_title) == (2, "review", "Пример")
    assert lesson.learning_goals == (m.Goal("g1", "Мога да докосна бутон."),)
    assert lesson.competences == (m.Competence("5.2", 1),)
    assert (lesson.licence, lesson.credits) == ("CC BY-SA 4.0", ("Silver Kiosk contributors",))
    assert lesson.est_minutes == m.Minutes(12, 30)
    assert lesson.completion_rule == m.CompletionRule(True, True, 2)
    intro = lesson.step("intro")
    assert intro.narration == m.Narration("Това е началото на урока.", "audio/intro-bg.ogg", True)
    assert intro.media.image == "images/sample.svg" and intro.media.alt
    assert intro.media.regions == (m.Region("button", 0.2, 0.2, 0.6, 0.4),)
    assert intro.greyed_controls == ("back",) and intro.sync_point and not intro.trainer_only
    sort = lesson.step("sort")
    assert sort.demo_step_seconds == 10
    assert [h.level for h in sort.hints] == list(m.HINT_LEVELS)
    assert sort.hints[1].target == "pin"
    assert sort.widget is not None and sort.widget.pass_rule == {"all_sorted": True}
    assert [i["bin"] for i in sort.widget.params["items"]] == ["never", "ok"]
    assert lesson.bridge.hotlines == (m.Hotline("Спешен номер", "112"),)
    assert lesson.bridge.urls[0].url == "https://www.sofia.bg"
    assert lesson.take_home_card == m.TakeHomeCard(
        "Картичка", ("Докоснете леко.", "Вдигнете пръста."), "https://www.sofia.bg",
        "Сайтът на общината",
    )  # fmt: skip
    assert lesson.trainer.common_questions == ("Защо не реагира? Нужен е гол пръст.",)
    assert lesson.freshness is not None and lesson.freshness.review_by == date(2027, 5, 1)
    assert lesson.freshness.sources[0].checked == date(2026, 11, 1)


def test_questions_know_their_right_answers() -> None:
    lesson = _sample()
    single, multi, order, rating = (lesson.step(s).question for s in ("q1", "q2", "q3", "rate"))
    assert single is not None and single.is_correct(("a",)) and not single.is_correct(("b",))
    assert single.feedback_for("b") == "Не е нужно." and single.difficulty == 2
    assert multi is not None and multi.is_correct(("n", "s")) and not multi.is_correct(("s",))
    assert order is not None and order.is_correct(("first", "second"))
    assert not order.is_correct(("second", "first"))
    assert rating is not None and rating.correct == () and rating.is_correct(("low",))


def test_load_course_raises_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text(
        "id: c\nversion: '1'\ntitle: Курс\nmodules:\n  - id: a\n    order: 1\n    title: А\n"
        "    summary: Б\n    lessons: [missing.yaml]\n",
        "utf-8",
    )
    with pytest.raises(LessonFilesError) as caught:
        load_course(tmp_path)
    assert [(p.at.line, p.message) for p in caught.value.problems] == [
        (9, "the lesson file 'missing.yaml' does not exist")
    ]


def test_widget_catalogue_is_consistent() -> None:
    def walk(param: Param, top: dict[str, Param]) -> None:
        assert param.kind in KINDS
        if param.kind == "ref":
            assert top[param.ref].kind == "list"
        if param.kind == "list":
            assert param.item is not None
            walk(param.item, top)
        for sub in param.fields.values():
            walk(sub, top)

    for spec in SPECS.values():
        for param in [*spec.params.values(), *spec.pass_rule.values()]:
            walk(param, dict(spec.params))
        assert spec.pass_rule, spec.type


def test_core_lesson_modules_stay_pure() -> None:
    core = Path(m.__file__).parent
    for name in ("lessons.py", "lesson_widgets.py", "lesson_rules.py"):
        tree = ast.parse((core / name).read_text("utf-8"))
        imported = {
            alias.name.split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.Import) for alias in node.names
        } | {
            (node.module or "").split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }  # fmt: skip
        assert not imported & {"PySide6", "yaml", "babel", "kiosk.services"}, name


@pytest.mark.parametrize("name", ["lessons-format.md", "lessons-format.bg.md"])
def test_the_authoring_docs_describe_every_widget_and_its_params(name: str) -> None:
    docs = (Path(m.__file__).parents[2] / "docs" / name).read_text("utf-8")
    for spec in SPECS.values():
        entry = next(line for line in docs.splitlines() if line.startswith(f"- **`{spec.type}`**"))
        params = docs[docs.index(entry) :].split("\n- **")[0]
        for name in [*spec.params, *spec.pass_rule]:
            assert f"`{name}`" in params, (spec.type, name)


def test_completion_follows_the_rule(course: m.Course) -> None:
    lesson = course.lesson("l01-touch")
    every = {s.id for s in lesson.steps}
    practice = {s.id for s in lesson.steps if s.widget is not None}
    assert lesson.is_complete(every, practice, 3)
    assert not lesson.is_complete(every - {"recap"}, practice, 3)
    assert not lesson.is_complete(every, practice - {"tap-try"}, 3)
    assert not lesson.is_complete(every, practice, 2)
