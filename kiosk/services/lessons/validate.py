"""Validate lesson files: structure, authoring rules, images on disk and English translations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from kiosk.core.lesson_rules import check_course
from kiosk.core.lessons import Loc
from kiosk.i18n import LOCALES_DIR, _
from kiosk.services.lessons.facts import fact_problems
from kiosk.services.lessons.files import LESSONS_DIR, SOURCE_LANGUAGE, read_any
from kiosk.services.lessons.spoken import check_spoken
from kiosk.services.lessons.steps import image_path_problem
from kiosk.services.lessons.yaml_lines import Problem

# Every lesson string must have a translation in these catalogs (Bulgarian is the source).
REQUIRED_TRANSLATIONS = ("en",)
# The voice reads lessons in these languages too: a lesson their catalog translates whole is
# checked with the spoken-text rules of that language's pronunciation table.
SPOKEN_TRANSLATIONS = ("en", "uk", "tr")


def translated_msgids(po_path: Path) -> set[str] | None:
    """Msgids with a non-empty, non-fuzzy translation in a .po file, or in the .mo compiled
    from it when the source is absent (an installed kiosk ships only .mo files); None when
    there is neither."""
    mo_path = po_path.with_suffix(".mo")
    if po_path.is_file():
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
    elif mo_path.is_file():
        with mo_path.open("rb") as handle:
            catalog = read_mo(handle)  # compiling leaves out fuzzy and empty entries
    else:
        return None
    return {
        str(message.id)
        for message in catalog
        if message.id
        and isinstance(message.string, str)
        and message.string.strip()
        and not message.fuzzy
    }


def fuzzy_msgids(po_path: Path) -> set[str]:
    """Msgids whose translation is the last one made before the Bulgarian changed (gettext's
    "fuzzy" entries): shown to learners, marked for a translator to review."""
    if not po_path.is_file():
        return set()  # an installed kiosk: its .mo holds them without the mark
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        str(message.id)
        for message in catalog
        if message.id and message.fuzzy and isinstance(message.string, str) and message.string
    }


def validate(
    path: Path = LESSONS_DIR,
    today: date | None = None,
    locales_dir: Path = LOCALES_DIR,
    languages: Iterable[str] = REQUIRED_TRANSLATIONS,
    spoken: Iterable[str] = SPOKEN_TRANSLATIONS,
) -> list[Problem]:
    """Everything wrong with a course (folder or course.yaml) or one lesson file, sorted by line."""
    strings: list[tuple[str, Loc, str]] = []
    result = read_any(path, record=lambda msgid, at, where: strings.append((msgid, at, where)))
    problems = list(result.problems)
    lines: dict[tuple[str, str], list[int]] = {}
    for msgid, at, _where in strings:
        lines.setdefault((at.file, msgid), []).append(at.line)

    def locate(at: Loc, text: str) -> Loc:
        # The first place this text was written at or after the object that holds it.
        after = [line for line in lines.get((at.file, text.strip()), []) if line >= at.line]
        return Loc(at.file, min(after)) if after else at

    problems += fact_problems(strings, result.facts, today or date.today())
    if result.course is not None:
        problems += [
            Problem(f.at, f.severity, f.message)
            for f in check_course(result.course, today or date.today(), locate, result.other_ids)
        ]
        problems += [
            Problem(f.at, f.severity, f.message)
            for lesson in result.course.lessons
            for f in check_spoken(lesson, SOURCE_LANGUAGE, locate)
        ]
    for at, name in result.images:
        if image_path_problem(name):
            continue  # already reported by the reader
        if not (result.root / name).resolve().is_relative_to(result.root.resolve()):
            message = _("the image {name} leads out of the course folder")
            problems.append(Problem(at, "error", message.format(name=repr(name))))
        elif not (result.root / name).is_file():
            message = _("the image {name} does not exist in {folder}/")
            problems.append(
                Problem(at, "error", message.format(name=repr(name), folder=result.root.name))
            )
    for lang in languages:
        po = locales_dir / lang / "LC_MESSAGES" / "lessons.po"
        done = translated_msgids(po)
        if done is None:
            message = _("there is no {lang} catalog for the lessons").format(lang=lang)
            problems.append(Problem(Loc(str(po), 1), "error", message))
            continue
        review = fuzzy_msgids(po)
        for msgid, at, where in strings:
            if msgid in review:
                short = msgid if len(msgid) <= 50 else msgid[:47] + "..."
                # TRANSLATORS: lesson validator; the Bulgarian text changed after it was translated.
                message = _(
                    "the {lang} translation of {where} is from before the Bulgarian changed: it "
                    "is shown until a translator reviews it: {text!r}"
                ).format(lang=lang, where=where, text=short)
                problems.append(Problem(at, "warning", message))
            elif msgid not in done:
                short = msgid if len(msgid) <= 50 else msgid[:47] + "..."
                message = _("no {lang} translation for {where}: {text}").format(
                    lang=lang, where=where, text=repr(short)
                )
                problems.append(Problem(at, "error", message))
    problems += _spoken_translations(path, strings, locales_dir, spoken, locate)
    return sorted(set(problems), key=lambda p: (p.at.file, p.at.line, p.severity, p.message))


def _compiled(po_path: Path) -> dict[str, str]:
    """Bulgarian text -> translation, as the kiosk shows it (the compiled catalog, fuzzy
    entries included)."""
    mo = po_path.with_suffix(".mo")
    stat = mo.stat()
    return dict(_read_compiled(mo, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=16)  # each folder checked reads the same catalogs (50 ms each)
def _read_compiled(mo: Path, _mtime_ns: int, _size: int) -> dict[str, str]:
    with mo.open("rb") as handle:
        catalog = read_mo(handle)
    return {
        str(message.id): message.string.strip()
        for message in catalog
        if message.id and isinstance(message.string, str) and message.string.strip()
    }


def _spoken_translations(
    path: Path,
    strings: list[tuple[str, Loc, str]],
    locales_dir: Path,
    languages: Iterable[str],
    locate: Callable[[Loc, str], Loc],
) -> list[Problem]:
    """The spoken-text rules for each translated language, on the lessons it translates whole
    (a partly translated lesson is shown in Bulgarian). Needs the compiled catalog, which is
    what the kiosk reads; the finding names the language and the Bulgarian line."""
    found: list[Problem] = []
    by_file: dict[str, set[str]] = {}
    for msgid, at, _where in strings:
        by_file.setdefault(at.file, set()).add(msgid)
    for lang in languages:
        po = locales_dir / lang / "LC_MESSAGES" / "lessons.po"
        if not po.with_suffix(".mo").is_file():
            continue
        shown = _compiled(po)
        done = set(shown)
        source_of = {text: msgid for msgid, text in shown.items()}  # to point at its line
        result = read_any(path, lang, locales=locales_dir)
        if result.course is None:
            continue
        for lesson in result.course.lessons:
            if not by_file.get(lesson.at.file, set()) <= done:
                continue

            def at_bulgarian(at: Loc, text: str, src: dict[str, str] = source_of) -> Loc:
                return locate(at, src.get(text.strip(), text))

            found += [
                Problem(f.at, f.severity, f"{lang}: {f.message}")
                for f in check_spoken(lesson, lang, at_bulgarian)
            ]
    return found
