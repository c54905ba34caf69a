"""Which languages each lesson can be shown in: a lesson is offered in a language only when that
language's compiled lessons catalog translates every string of the lesson.

Bulgarian is the source and always complete. A half-translated lesson would mix languages inside
a step, so such a lesson is shown in Bulgarian instead (the screen says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core import lessons as m
from kiosk.i18n import LANGUAGES
from kiosk.services.lessons.files import (
    LESSONS_DIR,
    SOURCE_LANGUAGE,
    LessonFilesError,
    lessons_catalog,
    read_course,
)


@dataclass(frozen=True)
class CourseLanguages:
    """The course in its source language and, per lesson id, the languages it is complete in."""

    source: m.Course
    languages: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, lesson_id: str) -> tuple[str, ...]:
        return self.languages.get(lesson_id, (SOURCE_LANGUAGE,))

    def has(self, lesson_id: str, lang: str) -> bool:
        return lang in self.of(lesson_id)

    def any_in(self, lang: str) -> bool:
        return any(lang in langs for langs in self.languages.values())

    def all_in(self, lang: str) -> bool:
        return all(lang in langs for langs in self.languages.values())


def translated(lang: str, msgids: Iterable[str], locales: Path | None = None) -> bool:
    """True when the compiled `lessons` catalog of `lang` (the kiosk's, or the one in a content
    folder's `locales`) has a translation for every msgid."""
    if lang == SOURCE_LANGUAGE:
        return True
    entries: dict[object, str] = getattr(lessons_catalog(lang, locales), "_catalog", {})
    return all(entries.get(msgid) for msgid in msgids)


def read_languages(
    root: Path = LESSONS_DIR, languages: Iterable[str] = LANGUAGES, locales: Path | None = None
) -> CourseLanguages:
    """Read the course in its source language, noting each lesson's strings, and check them
    against every language's catalog. Raises LessonFilesError when the files have errors."""
    strings: dict[str, set[str]] = {}  # lesson file (as the reader names it) -> its msgids

    def record(msgid: str, at: m.Loc, _where: str) -> None:
        strings.setdefault(at.file, set()).add(msgid)

    result = read_course(root, SOURCE_LANGUAGE, record)
    if result.errors or result.course is None:
        raise LessonFilesError(result.errors)
    wanted = [SOURCE_LANGUAGE, *(lang for lang in languages if lang != SOURCE_LANGUAGE)]
    found = {
        lesson.id: tuple(
            lang for lang in wanted if translated(lang, strings.get(lesson.at.file, ()), locales)
        )
        for lesson in result.course.lessons
    }
    return CourseLanguages(result.course, found)
