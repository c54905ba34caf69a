"""Load the course and its lesson files from assets/lessons/, translated, with file:line problems.

Lesson strings are gettext msgids in the `lessons` domain; Bulgarian is the source language, so
Bulgarian needs no catalog and other languages translate through `locales/<lang>/lessons.po`.
"""

from __future__ import annotations

import gettext
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.core import lessons as m
from kiosk.core.lessons import Loc
from kiosk.i18n import _, catalog
from kiosk.services.lessons.facts import FACTS_FILE, Fact, fill, read_facts
from kiosk.services.lessons.steps import read_lesson_tree
from kiosk.services.lessons.yaml_lines import (
    LineDict,
    Problem,
    Reader,
    Recorder,
    YamlSyntaxError,
    named,
    parse_yaml,
    quoted,
)

LESSONS_DIR = Path(__file__).resolve().parents[3] / "assets" / "lessons"
SOURCE_LANGUAGE = "bg"
COURSE_FILE = "course.yaml"


class LessonFilesError(Exception):
    """The lesson files have errors; `problems` lists each with its file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ReadResult:
    """A best-effort course (broken parts left out) and everything wrong with the files."""

    course: m.Course | None
    problems: list[Problem] = field(default_factory=list)
    # Per lesson id: the images each step uses and the ids hints may target (for the validator).
    images: list[tuple[m.Loc, str]] = field(default_factory=list)
    root: Path = LESSONS_DIR
    # Lessons of the course not read this time (one lesson checked alone): valid references.
    other_ids: set[str] = field(default_factory=set)
    # The course's facts (facts.yaml): fares and the like, named in lesson text as {fact_id}.
    facts: dict[str, Fact] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


_catalogs: dict[tuple[Path, str], gettext.NullTranslations] = {}


def lessons_catalog(lang: str, locales: Path | None = None) -> gettext.NullTranslations:
    """The compiled lessons catalog for `lang`: the kiosk's own, or the one in `locales` (a
    content folder's `locales/<lang>/LC_MESSAGES/lessons.mo`); a null catalog when missing."""
    if locales is None:
        return catalog(lang, "lessons")
    key = (locales, lang)
    if key not in _catalogs:
        _catalogs[key] = gettext.translation(
            "lessons", localedir=locales, languages=[lang], fallback=True
        )
    return _catalogs[key]


def translator(lang: str, locales: Path | None = None) -> Callable[[str], str]:
    if lang == SOURCE_LANGUAGE:
        return lambda s: s
    return lessons_catalog(lang, locales).gettext


def with_facts(translate: Callable[[str], str], facts: dict[str, Fact]) -> Callable[[str], str]:
    """Translate, then put in the facts' values (a fact is data, written once)."""
    return (lambda s: fill(translate(s), facts)) if facts else translate


def course_facts(
    root: Path, lang: str, record: Recorder | None = None, locales: Path | None = None
) -> tuple[dict[str, Fact], list[Problem]]:
    return read_facts(root, translator(lang, locales), record, display_name(root / FACTS_FILE))


def display_name(path: Path) -> str:
    """A path as problems show it: relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_tree(path: Path, reader: Reader) -> Any:
    """Parse one YAML file, reporting unreadable files and syntax errors as problems."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reader.error(1, _("this file cannot be read ({reason})").format(reason=exc.strerror))
        return None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reader.error(
            line,
            _(
                "this line has a character that is not UTF-8 text: save the file as UTF-8 "
                "(in the editor's Save As, choose the encoding UTF-8)"
            ),
        )
        return None
    try:
        tree = parse_yaml(raw)
    except YamlSyntaxError as exc:
        reader.error(exc.line, str(exc))
        return None
    if not isinstance(tree, LineDict):
        reader.error(1, _("the file must be a list of fields, one per line (id: ..., title: ...)"))
        return None
    reader.duplicates(tree)
    return tree


def course_root(lesson_path: Path) -> Path:
    """The folder of the course.yaml above a lesson file (image paths are relative to it)."""
    for folder in lesson_path.resolve().parents:
        if (folder / COURSE_FILE).is_file():
            return folder
    return lesson_path.parent


def _quick_yaml(path: Path) -> LineDict:
    """The file's fields, only to be read (kept while the file is unchanged: one lesson checked
    alone looks at course.yaml and every other lesson's id, once per language)."""
    try:
        stat = path.stat()
    except OSError:
        return LineDict()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parsed(path: Path, _mtime_ns: int, _size: int) -> LineDict:
    try:
        tree = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return LineDict()
    return tree if isinstance(tree, LineDict) else LineDict()


def _course_context(root: Path, lesson_path: Path) -> tuple[str, bool, set[str]]:
    """For one lesson checked alone: its module's id and freshness rule, and the course's ids."""
    module_id, fresh, ids = "", False, set()
    for mod in _quick_yaml(root / COURSE_FILE).get("modules") or []:
        names = mod.get("lessons") or [] if isinstance(mod, LineDict) else []
        for name in names:
            if not isinstance(name, str):
                continue
            if (root / name).resolve() == lesson_path.resolve():
                module_id, fresh = str(mod.get("id", "")), mod.get("freshness_required") is True
            else:
                ids.add(str(_quick_yaml(root / name).get("id", "")))
    return module_id, fresh, ids


def read_lesson(
    path: Path,
    lang: str = SOURCE_LANGUAGE,
    record: Recorder | None = None,
    alone: bool = True,
    facts: dict[str, Fact] | None = None,
    locales: Path | None = None,
) -> ReadResult:
    """Read one lesson file, as a course of one module holding just that lesson.

    `alone`: the lesson is checked without its course, so look up its module's rules and the
    course's other lesson ids in course.yaml (read_course passes False: it knows them).
    """
    root = course_root(path)
    fact_problems: list[Problem] = []
    if facts is None:
        facts, fact_problems = course_facts(root, lang, record, locales)
    reader = Reader(display_name(path), with_facts(translator(lang, locales), facts), record)
    reader.problems.extend(fact_problems)
    tree = read_tree(path, reader)
    result = ReadResult(None, reader.problems, root=root, facts=facts)
    if tree is None:
        return result
    lesson, images = read_lesson_tree(reader, tree)
    lesson = replace(lesson, content_hash=hashlib.sha256(path.read_bytes()).hexdigest()[:16])
    result.images = images
    module_id, fresh = "", False
    if alone:
        module_id, fresh, result.other_ids = _course_context(root, path)
    module = m.Module(module_id, 0, "", "", (lesson,), freshness_required=fresh)
    result.course = m.Course("", "", "", (module,), language=lang)
    return result


def read_any(
    path: Path,
    lang: str = SOURCE_LANGUAGE,
    record: Recorder | None = None,
    locales: Path | None = None,
) -> ReadResult:
    """A course folder, a course.yaml, or a single lesson file."""
    if not path.exists():
        result = ReadResult(None, root=path.parent)
        result.problems.append(
            Problem(Loc(display_name(path), 1), "error", _("there is no such file or folder"))
        )
        return result
    if path.is_dir() or path.name == COURSE_FILE:
        return read_course(path, lang, record, locales)
    return read_lesson(path, lang, record, locales=locales)


def read_course(
    path: Path = LESSONS_DIR,
    lang: str = SOURCE_LANGUAGE,
    record: Recorder | None = None,
    locales: Path | None = None,
) -> ReadResult:
    """Read course.yaml (or the folder holding it) and every lesson file it lists; lesson text
    is translated with the kiosk's catalogs, or with those in `locales` (a content package's)."""
    course_file = path / COURSE_FILE if path.is_dir() else path
    root = course_file.parent
    facts, fact_problems = course_facts(root, lang, record, locales)
    reader = Reader(display_name(course_file), with_facts(translator(lang, locales), facts), record)
    reader.problems.extend(fact_problems)
    result = ReadResult(None, reader.problems, root=root, facts=facts)
    if not course_file.exists():
        reader.error(1, _("there is no {file} here").format(file=COURSE_FILE))
        return result
    tree = read_tree(course_file, reader)
    if tree is None:
        return result
    what = _("the course")
    reader.keys(
        tree,
        ("id", "version", "title", "licence", "modules", "session_plans"),
        what,
        ("id", "title", "modules"),
    )
    modules = []
    for mod in reader.mappings(tree, "modules", what):
        mwhat = named(mod, _("module {id}"), _("a module"))
        reader.keys(
            mod,
            ("id", "order", "title", "summary", "certificate", "freshness_required", "lessons"),
            mwhat,
            ("id", "order", "title", "summary", "lessons"),
        )
        mid = reader.string(mod, "id", mwhat)
        path_prefix = f"module.{mid}"
        lessons: list[m.Lesson] = []
        listed = reader.listing(mod, "lessons", mwhat)
        for index, name in enumerate(listed):
            line = reader.line_of(listed, index)
            if not isinstance(name, str):
                reader.error(
                    line, _("each lesson of {what} must be a file name").format(what=mwhat)
                )
                continue
            lesson_path = root / name
            if not lesson_path.is_file():
                reader.error(
                    line, _("the lesson file {name} does not exist").format(name=quoted(name))
                )
                continue
            sub = read_lesson(lesson_path, lang, record, alone=False, facts=facts, locales=locales)
            result.problems.extend(sub.problems)
            result.images.extend(sub.images)
            if sub.course is not None:
                lessons.extend(sub.course.lessons)
        modules.append(
            m.Module(
                id=mid,
                order=reader.integer(mod, "order", mwhat),
                title=reader.text(mod, "title", path_prefix, mwhat),
                summary=reader.text(mod, "summary", path_prefix, mwhat),
                lessons=tuple(lessons),
                certificate=reader.flag(mod, "certificate", mwhat, default=True),
                freshness_required=reader.flag(mod, "freshness_required", mwhat),
                at=reader.loc(mod.line),
            )
        )
    plans = []
    for plan in reader.mappings(tree, "session_plans", what, required=False):
        pwhat = named(plan, _("session plan {id}"), _("a session plan"))
        reader.keys(plan, ("id", "title", "lessons"), pwhat, ("id", "title", "lessons"))
        pid = reader.string(plan, "id", pwhat)
        plans.append(
            m.SessionPlan(
                pid,
                reader.text(plan, "title", f"plan.{pid}", pwhat),
                reader.strings(plan, "lessons", pwhat, required=True),
                reader.loc(plan.line),
            )
        )
    result.course = m.Course(
        id=reader.string(tree, "id", what),
        version=str(tree.get("version", "")),
        title=reader.text(tree, "title", "course", what),
        modules=tuple(sorted(modules, key=lambda mod: mod.order)),
        session_plans=tuple(plans),
        licence=reader.string(tree, "licence", what, required=False),
        language=lang,
        at=reader.loc(tree.line),
    )
    return result


def load_course(
    path: Path = LESSONS_DIR, lang: str = SOURCE_LANGUAGE, locales: Path | None = None
) -> m.Course:
    """The course translated into `lang`; raises LessonFilesError when any file has errors."""
    result = read_course(path, lang, locales=locales)
    if result.errors or result.course is None:
        raise LessonFilesError(result.errors)
    return result.course
