"""Content folders for the lesson library's tests: a site's one-lesson course, packed as a
content package is, and the same folder broken so the validator rejects it."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.pack import pack

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lessons"
COURSE = """id: {id}
version: "1"
title: Курс на обекта
licence: CC BY-SA 4.0
modules:
  - id: {id}-module
    order: 1
    title: Уроци на библиотеката
    summary: Уроци, които библиотеката написа сама.
    lessons:
      - l90-sample.yaml
"""


def site_course(tmp_path: Path, name: str, lesson_id: str = "l90-sample") -> Path:
    """A one-lesson course, as a trainer writes it, with an English catalog (every string
    "translated" as itself), packed into a content folder."""
    source = tmp_path / "src" / name
    (source / "images").mkdir(parents=True)
    shutil.copy(FIXTURES / "images" / "sample.svg", source / "images")
    lesson = (FIXTURES / "valid" / "l90-sample.yaml").read_text(encoding="utf-8")
    lesson = lesson.replace("id: l90-sample", f"id: {lesson_id}", 1)
    (source / "l90-sample.yaml").write_text(lesson, encoding="utf-8")
    (source / "course.yaml").write_text(COURSE.format(id=name), encoding="utf-8")
    english = Catalog(locale="en")
    for path in source.glob("*.yaml"):
        for _line, msgid, _field in strings_in(path.read_text(encoding="utf-8")):
            english.add(msgid, f"EN {msgid}")
    po = tmp_path / "src-locales" / name / "en" / "LC_MESSAGES" / "lessons.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, english)
    dest = tmp_path / "site" / name
    pack(source, dest, po.parents[2])
    return dest


def broken(folder: Path) -> Path:
    """The same folder with a step that says nothing (the validator's error)."""
    lesson = folder / "l90-sample.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("narration:", "narration_gone:", 1), encoding="utf-8")
    return folder
