"""`python -m kiosk lessons validate [PATH]`: check lesson files, so trainers add lessons safely."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from kiosk.i18n import LANGUAGES, _, current_language, set_language
from kiosk.services.lessons.files import LESSONS_DIR
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
        default=LESSONS_DIR,
        help="the lessons folder or its course.yaml (default: the kiosk's own lessons)",
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
    """Run a `lessons` command; returns the exit code."""
    if args.lessons_command != "validate":  # pragma: no cover - argparse allows only validate
        return 2
    before = current_language()
    set_language(getattr(args, "lang", None) or locale_language())
    try:
        return _report(validate(args.path, today=args.today), args.strict)
    finally:
        set_language(before)


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
