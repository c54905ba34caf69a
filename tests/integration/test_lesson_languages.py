"""A lesson is offered in a language only when that language's catalog translates all of it; the
list names each lesson's languages, and a lesson without a full translation is shown in
Bulgarian with a notice. Real catalogs: a Ukrainian lessons catalog compiled for the test holds
the whole of L01 and a single string of L02."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

import kiosk.i18n
from kiosk.bridge.lessons import LessonsBridge
from kiosk.i18n import NATIVE_NAMES
from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.files import LESSONS_DIR, load_course
from kiosk.services.lessons.languages import read_languages

L01 = LESSONS_DIR / "a-comfortable" / "l01-touch.yaml"
L02 = LESSONS_DIR / "a-comfortable" / "l02-screen.yaml"


def _msgids(path: Path) -> list[str]:
    return [msgid for _line, msgid, _path in strings_in(path.read_text("utf-8"))]


@pytest.fixture
def ukrainian_l01(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The kiosk's compiled catalogs plus a Ukrainian lessons catalog: all of L01, one L02 line."""
    locales = tmp_path / "locales"
    shutil.copytree(kiosk.i18n.LOCALES_DIR, locales)
    catalog = Catalog(locale="uk")
    for msgid in _msgids(L01):
        catalog.add(msgid, "УК " + msgid)
    catalog.add(_msgids(L02)[0], "УК " + _msgids(L02)[0])
    target = locales / "uk" / "LC_MESSAGES" / "lessons.mo"
    with target.open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(kiosk.i18n, "LOCALES_DIR", locales)
    kiosk.i18n.reload_catalogs()
    yield locales
    kiosk.i18n.reload_catalogs()


def test_the_shipped_lessons_are_complete_in_bulgarian_and_english() -> None:
    known = read_languages()
    assert set(known.languages) == {lesson.id for lesson in load_course().lessons}
    for langs in known.languages.values():
        assert langs[0] == "bg" and "en" in langs


def test_a_lesson_counts_in_a_language_only_when_all_of_it_is_translated(
    ukrainian_l01: Path,
) -> None:
    known = read_languages()
    assert known.has("l01-touch", "uk")
    assert not known.has("l02-screen", "uk")  # one string of many is not a lesson
    assert known.any_in("uk") and not known.all_in("uk")


def test_the_list_names_languages_and_a_partial_lesson_comes_in_bulgarian(
    qapp: Any, ukrainian_l01: Path
) -> None:
    kiosk.i18n.set_language("uk")
    try:
        bridge = LessonsBridge(lambda: "uk", lambda _text: None)
        bridge.openCourse()
        tiles = {t["id"]: t for m in bridge.modules for t in m["lessons"]}
        assert NATIVE_NAMES["uk"] in tiles["l01-touch"]["languages"]
        assert NATIVE_NAMES["uk"] not in tiles["l02-screen"]["languages"]
        assert NATIVE_NAMES["bg"] in tiles["l02-screen"]["languages"]
        assert tiles["l01-touch"]["title"].startswith("УК ")
        source = load_course(lang="bg")
        assert tiles["l02-screen"]["title"] == source.lesson("l02-screen").title
        assert bridge.languageNotice  # some lessons are in Bulgarian: the list says so

        bridge.start("l01-touch")
        assert bridge.stepTitle.startswith("УК ") and bridge.languageNotice == ""
        bridge.start("l02-screen")
        assert bridge.stepTitle == source.lesson("l02-screen").steps[0].title
        assert bridge.languageNotice  # this lesson is in Bulgarian for now
    finally:
        kiosk.i18n.set_language("bg")


def test_a_language_with_every_lesson_has_no_notice(qapp: Any) -> None:
    kiosk.i18n.set_language("en")
    try:
        bridge = LessonsBridge(lambda: "en", lambda _text: None)
        bridge.openCourse()
        assert bridge.languageNotice == ""
        tiles = [t for m in bridge.modules for t in m["lessons"]]
        assert all("English" in t["languages"] for t in tiles)
        bridge.start("l24-euro")
        assert (
            bridge.languageNotice == ""
            and bridge.lessonTitle == "The euro — banknotes, coins and the scams around them"
        )
    finally:
        kiosk.i18n.set_language("bg")
