"""Babel extractor for lesson files: every translatable string, with its field path for translators.

Wire it in a Babel mapping file:

    [extractors]
    lessons = kiosk.services.lessons.extract:extract_lessons
    [lessons: assets/lessons/**.yaml]
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from kiosk.services.lessons.facts import facts_in
from kiosk.services.lessons.steps import read_lesson_tree
from kiosk.services.lessons.yaml_lines import LineDict, Reader, YamlSyntaxError, parse_yaml

COURSE_KEYS = ("modules",)


def strings_in(text: str, file: str = "") -> Iterator[tuple[int, str, str]]:
    """(line, msgid, field path) for each translatable string in one lesson or course file."""
    found: list[tuple[int, str, str]] = []
    reader = Reader(file, record=lambda msgid, at, path: found.append((at.line, msgid, path)))
    try:
        tree = parse_yaml(text)
    except YamlSyntaxError:
        return  # the validator reports it with its line; extraction takes what it can
    if not isinstance(tree, LineDict):
        return
    if any(key in tree for key in COURSE_KEYS):
        _course_strings(reader, tree)
    elif "facts" in tree:
        facts_in(reader, tree)
    else:
        read_lesson_tree(reader, tree)
    yield from found


def _course_strings(r: Reader, tree: LineDict) -> None:
    # Only the course's own strings: its lesson files are extracted on their own.
    r.text(tree, "title", "course", "the course")
    for mod in r.mappings(tree, "modules", "the course"):
        r.text(mod, "title", f"module.{mod.get('id')}", "a module")
        r.text(mod, "summary", f"module.{mod.get('id')}", "a module")
    for plan in r.mappings(tree, "session_plans", "the course", required=False):
        r.text(plan, "title", f"plan.{plan.get('id')}", "a session plan")


def extract_lessons(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor interface: (lineno, funcname, message, comments)."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    name = str(getattr(fileobj, "name", ""))
    for line, msgid, path in strings_in(text, Path(name).name if name else ""):
        yield line, "", msgid, [f"lesson field: {path}"]
