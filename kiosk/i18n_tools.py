"""The translators' workflow: extract → update → (translate) → compile, and the catalog check.

`extract` writes locales/kiosk.pot from Python (`_`, `ngettext`, `N_`) and QML (`qsTr`);
`update` merges it into every language's .po (English, the source language, is filled in from
the msgids); `compile` builds the .mo files and QML's .qm files (never committed); `check` fails
on untranslated or fuzzy entries in Bulgarian and English and on placeholder mismatches in any
language.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from kiosk.i18n import LANGUAGES, LOCALES_DIR, reload_catalogs

ROOT = LOCALES_DIR.parent
COMPLETE = ("bg", "en")  # must be fully translated
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%[sdn]")
# Babel-extracted domains: name -> (mapping file, extra keywords); "lessons" comes with its own
# extractor for lesson files (babel-lessons.cfg) when lessons exist.
DOMAINS = {
    "kiosk": ("babel.cfg", ["qsTr"]),
    "lessons": ("babel-lessons.cfg", []),
}


def _pybabel(*argv: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *argv])  # type: ignore[no-untyped-call]


_only: str | None = None  # one domain, when the command line names it


def _domains() -> list[str]:
    return [d for d, (cfg, _) in DOMAINS.items() if (ROOT / cfg).exists() and _only in (None, d)]


def extract() -> None:
    for domain in _domains():
        cfg, keywords = DOMAINS[domain]
        args = ["extract", "-F", str(ROOT / cfg), "-o", str(LOCALES_DIR / f"{domain}.pot")]
        for keyword in keywords:
            args += ["-k", keyword]
        args += [
            "--add-comments=TRANSLATORS:",
            "--add-comments=:",
            "--sort-by-file",
            "--no-wrap",
            "--project=Silver Kiosk",
            "--copyright-holder=Silver Kiosk contributors",
            ".",  # relative, so the catalogs name files as the repository does
        ]
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            _pybabel(*args)
        finally:
            os.chdir(cwd)


def update() -> None:
    for domain in _domains():
        pot = LOCALES_DIR / f"{domain}.pot"
        for lang in LANGUAGES:
            po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if domain == "lessons" and lang == "bg":
                continue  # lessons are written in Bulgarian: the source needs no catalog
            if domain == "lessons" and lang != "en" and not po.exists():
                continue  # a lesson translation starts when a translator creates its catalog
            before = _read(po) if domain == "lessons" and po.exists() else None
            verb = ["update", "--ignore-obsolete"] if po.exists() else ["init"]
            if domain == "lessons" and po.exists():
                # No guessing from similar strings: a new lesson line would get another line's
                # translation ("Въпрос 1 от 3" for "Въпрос 1 от 4") and be shown as it. An edited
                # line keeps its own last translation by its field (_keep_by_field).
                verb.append("--no-fuzzy-matching")
            _pybabel(
                verb[0], "-D", domain, "-d", str(LOCALES_DIR), "-l", lang,
                "-i", str(pot), "--no-wrap", *verb[1:],
            )  # fmt: skip
            if domain == "kiosk" and lang == "en":
                _fill_source_language(po)
            if before is not None:
                _keep_by_field(po, before)


def _read(po: Path) -> Catalog:
    with po.open("rb") as f:
        return read_po(f)


def _fields(message: Message) -> set[str]:
    """The "lesson field: <path>" comments of a message. A long path is wrapped onto the next
    comment line by the extractor, so a bare "lesson field:" takes the line after it (without
    that, every wrapped entry had the same field and took another entry's translation)."""
    comments = [c.strip() for c in message.auto_comments]
    found = set()
    for index, comment in enumerate(comments):
        if comment.startswith("lesson field:"):
            path = comment.removeprefix("lesson field:").strip()
            if not path and index + 1 < len(comments):
                path = comments[index + 1]
            if path:
                found.add(f"lesson field: {path}")
    return found


def _keep_by_field(po: Path, before: Catalog) -> None:
    """A lesson string edited in Bulgarian keeps its last translation, marked fuzzy (for
    review), found by its lesson field ("lesson field: l07-phone-scams.intro.body") even when
    the edit is too large for gettext's own similarity match."""
    old: dict[str, Message] = {}
    for message in before:
        if message.id and isinstance(message.string, str) and message.string:
            for field in _fields(message):
                old.setdefault(field, message)
    catalog = _read(po)
    changed = False
    for message in catalog:
        # Babel writes an old msgid as "#| msgid ..." but reads it back as a translator comment
        # ("# | msgid ..."), which then piles up: drop those, and write no "#|" lines below.
        kept = [c for c in message.user_comments if not c.startswith("| msgid")]
        if kept != message.user_comments:
            message.user_comments, changed = kept, True
        if not message.id or message.string:
            continue
        found = next((old[f] for f in _fields(message) if f in old), None)
        if found is not None and found.id != message.id:
            message.string = found.string
            message.flags.add("fuzzy")
            changed = True
    if changed:
        with po.open("wb") as f:
            write_po(f, catalog, width=0, ignore_obsolete=True)


def _fill_source_language(po: Path) -> None:
    """English is the source language of the interface: its catalog repeats the msgids
    (singular and plural forms alike)."""
    with po.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            message.string = message.id  # a (singular, plural) pair for plural entries
            message.flags.discard("fuzzy")
    with po.open("wb") as f:
        write_po(f, catalog, width=0, ignore_obsolete=True)


def compile_all(quiet: bool = False) -> None:
    from kiosk.i18n_qm import write_all, written_whole

    for domain in _domains():
        for lang in LANGUAGES:
            po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if po.exists():
                # A lesson string whose Bulgarian changed keeps its last translation (fuzzy)
                # until it is reviewed: the lesson is not taken away from that language.
                fuzzy = lang not in COMPLETE or domain == "lessons"
                with written_whole(po.with_suffix(".mo")) as part:
                    _pybabel(
                        "compile", "-i", str(po), "-o", str(part), "-l", lang,
                        "--use-fuzzy" if fuzzy else "--statistics",
                    )  # fmt: skip
    reload_catalogs()
    if _only in (None, "kiosk"):
        write_all()  # QML's strings for Qt's own translator, from the catalogs just compiled
    if not quiet:
        print("compiled the catalogs in", LOCALES_DIR.relative_to(ROOT))


def problems() -> list[str]:
    """Every catalog problem: untranslated or fuzzy (bg, en), placeholder mismatches (all)."""
    found: list[str] = []
    for domain in _domains():
        for lang in LANGUAGES:
            po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if not po.exists():
                if lang in COMPLETE and not (domain == "lessons" and lang == "bg"):
                    found.append(f"{po.relative_to(ROOT)}: missing")
                continue
            with po.open("rb") as f:
                catalog = read_po(f)
            for message in catalog:
                if not message.id:
                    continue
                ids: tuple[str, ...] = (
                    tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
                )
                strings: tuple[str, ...] = (
                    tuple(message.string)
                    if isinstance(message.string, (tuple, list))
                    else (message.string or "",)
                )
                where = f"{po.relative_to(ROOT)}:{message.lineno}"
                review = domain == "lessons" and message.fuzzy and all(strings)
                if lang in COMPLETE and not review and (message.fuzzy or not all(strings)):
                    found.append(
                        f"{where}: {'fuzzy' if message.fuzzy else 'untranslated'}: {ids[0][:60]!r}"
                    )
                    continue
                want = sorted(PLACEHOLDER.findall(ids[0]))
                for string in strings:
                    if string and sorted(PLACEHOLDER.findall(string)) != want:
                        found.append(
                            f"{where}: placeholders {want} but the translation has "
                            f"{sorted(PLACEHOLDER.findall(string))}: {ids[0][:60]!r}"
                        )
    return found


def run_action(action: str, quiet: bool = False, domain: str | None = None) -> int:
    global _only
    _only = domain
    if action == "extract":
        extract()
    elif action == "update":
        extract()
        update()
    elif action == "compile":
        compile_all(quiet)
    elif action == "check":
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        if found:
            print(f"{len(found)} translation problems.", file=sys.stderr)
            return 1
        if not quiet:
            print("catalogs complete")
    return 0
