"""Make a content folder, what a lessons package installs, from a course and its catalogs.

`pack(course, dest, locales)` copies the course folder (course.yaml, the lesson files, images)
to `dest`, compiles each language's `lessons.po` found in `locales/<lang>/LC_MESSAGES/` into
`dest/locales/<lang>/LC_MESSAGES/lessons.mo` (fuzzy entries included, as the kiosk's own build
does: a lesson whose Bulgarian changed keeps its last translation until it is reviewed) and
writes `dest/locales/lessons.pot`, the template the kiosk measures a translation against.
packaging/build-lessons-deb.sh runs it, then the validator on the result.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk.i18n import LANGUAGES
from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.files import COURSE_FILE, SOURCE_LANGUAGE

DOMAIN = "lessons"
KEPT_SUFFIXES = {".yaml", ".svg", ".png", ".jpg", ".jpeg", ".webp"}


class PackError(Exception):
    """The course cannot be packed; the message says why."""


def pack(course: Path, dest: Path, locales: Path) -> list[Path]:
    """Write the content folder `dest` (replaced if it exists); returns the files written."""
    if not (course / COURSE_FILE).is_file():
        raise PackError(f"{course} has no {COURSE_FILE}")
    if dest.exists():
        shutil.rmtree(dest)
    written: list[Path] = []
    for path in sorted(course.rglob("*")):
        if path.is_file() and path.suffix.lower() in KEPT_SUFFIXES:
            target = dest / path.relative_to(course)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            written.append(target)
    for lang in LANGUAGES:
        po = locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if lang == SOURCE_LANGUAGE or not po.is_file():
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        mo = dest / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=True)
        written.append(mo)
    written.append(write_template(dest))
    return written


def write_template(folder: Path) -> Path:
    """`folder/locales/lessons.pot`: every translatable string of the folder's lesson files."""
    template = Catalog(project="Silver Kiosk lessons", fuzzy=False)
    for path in sorted(folder.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for line, msgid, field in strings_in(text, path.name):
            template.add(
                msgid,
                locations=[(path.relative_to(folder).as_posix(), line)],
                auto_comments=[f"lesson field: {field}"],
            )
    pot = folder / "locales" / f"{DOMAIN}.pot"
    pot.parent.mkdir(parents=True, exist_ok=True)
    with pot.open("wb") as handle:
        write_po(handle, template, width=0)
    return pot
