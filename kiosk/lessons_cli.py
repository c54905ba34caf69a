"""`python -m kiosk lessons validate [PATH]`: check lesson files, so trainers add lessons safely."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kiosk.services.lessons.files import LESSONS_DIR
from kiosk.services.lessons.validate import validate


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
    lessons.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run a `lessons` command; returns the exit code."""
    if args.lessons_command != "validate":  # pragma: no cover - argparse allows only validate
        return 2
    problems = validate(args.path, today=args.today)
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)")
    if errors or (args.strict and warnings):
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
