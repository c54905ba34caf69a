"""`python -m kiosk lessons validate [PATH]`: check lesson files, so trainers add lessons safely.

Without a path it checks every content folder the kiosk reads (the installed content packages
and the site's folder; in a source checkout without packages, its own assets/lessons). A content
folder's catalogs are its `locales/` folder when it has one (a content package), else the
kiosk's `locales/`.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from kiosk.i18n import LANGUAGES, LOCALES_DIR, _, current_language, set_language
from kiosk.services.lessons.files import course_root
from kiosk.services.lessons.validate import validate
from kiosk.services.lessons.yaml_lines import Problem


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `lessons validate` on the kiosk's command line."""
    lessons = subparsers.add_parser("lessons", help="work with lesson files")
    commands = lessons.add_subparsers(dest="lessons_command", required=True)
    check = commands.add_parser(
        "validate",
        help="check the course and its lesson files",
        description="Check lesson files: structure, widgets, questions, images, narration, "
        "translations and review dates. Prints path:line: error: message and exits "
        "non-zero when there are errors.",
    )
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="a lessons folder, its course.yaml or one lesson file (default: every content "
        "folder the kiosk reads)",
    )
    check.add_argument(
        "--locales",
        type=Path,
        default=None,
        help="the folder of the lessons catalogs (default: the content folder's locales/, "
        "else the kiosk's)",
    )
    check.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="check review dates as of this day (YYYY-MM-DD) instead of today",
    )
    check.add_argument(
        "--strict", action="store_true", help="treat warnings (such as overdue reviews) as errors"
    )
    check.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="the language of the messages (default: the locale's, else English)",
    )
    pack = commands.add_parser(
        "pack",
        help="make a content folder (what a lessons package installs) from a course",
        description="Copy a course folder and compile its lessons catalogs into DEST "
        "(DEST/locales/<lang>/LC_MESSAGES/lessons.mo and DEST/locales/lessons.pot); check the "
        "result with `lessons validate DEST`.",
    )
    pack.add_argument("course", type=Path, help="the course folder (with course.yaml)")
    pack.add_argument("dest", type=Path, help="the content folder to write (replaced)")
    pack.add_argument(
        "--locales", type=Path, default=LOCALES_DIR, help="where the lessons.po files are"
    )
    lessons.set_defaults(func=run)


def locale_language() -> str:
    """The trainer's language from the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else en."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(":")[0][:2].lower()
        if code in LANGUAGES:
            return code
        if value:
            break
    return "en"


def run(args: argparse.Namespace) -> int:
    """Run a `lessons` command (validate, pack); returns the exit code."""
    if args.lessons_command == "pack":
        from kiosk.services.lessons.pack import PackError, pack

        try:
            written = pack(args.course, args.dest, args.locales)
        except (PackError, OSError) as exc:
            print(f"lessons pack: {exc}", file=sys.stderr)
            return 1
        print(f"{args.dest}: {len(written)} files")
        return 0
    before = current_language()
    set_language(getattr(args, "lang", None) or locale_language())
    try:
        problems: list[Problem] = []
        for path, locales in _targets(args):
            problems += validate(path, today=args.today, locales_dir=locales)
        return _report(problems, args.strict)
    finally:
        set_language(before)


def _targets(args: argparse.Namespace) -> list[tuple[Path, Path]]:
    """(path, catalogs folder) pairs to check."""
    if args.path is None:
        from kiosk.config.loader import load_config
        from kiosk.config.schema import LESSONS_SITE_FOLDER
        from kiosk.services.lessons.library import find_sources

        config = getattr(args, "config", None)
        settings = load_config(Path(config) if config else None)
        site = settings[LESSONS_SITE_FOLDER]
        return [(s.folder, s.catalogs) for s in find_sources(site=Path(site) if site else None)]
    if args.locales is not None:
        return [(args.path, args.locales)]
    folder = args.path if args.path.is_dir() else course_root(args.path)
    own = folder / "locales"
    return [(args.path, own if own.is_dir() else LOCALES_DIR)]


def _report(problems: list[Problem], strict: bool) -> int:
    for problem in problems:
        severity = _("error") if problem.severity == "error" else _("warning")
        line = f"{problem.at}: {severity}: {problem.message}"
        print(line, file=sys.stderr if problem.severity == "error" else sys.stdout)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    # TRANSLATORS: the validator's last line, e.g. "0 error(s), 2 warning(s)".
    print(_("{errors} error(s), {warnings} warning(s)").format(errors=errors, warnings=warnings))
    if errors or (strict and warnings):
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run standalone (`python -m kiosk.lessons_cli validate`), for trainers' machines and tests."""
    parser = argparse.ArgumentParser(prog="kiosk")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["lessons", *(sys.argv[1:] if argv is None else argv)])
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
