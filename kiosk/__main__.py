"""Command line: run the kiosk (default), screenshot, doctor, pin, i18n, portal, lessons, stats,
speech, updates."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

# Command groups of capabilities, each in its own module `kiosk/<name>_cli.py`.
COMMAND_GROUPS = {
    "portal": "serve the practice portal, or check the configured portals",
    "lessons": "check lesson files",
    "stats": "publish the anonymous statistics to a CKAN DataStore table",
    "speech": "show text as the voice will say it",
    "updates": "software updates: the update window's check, the kiosk's signed repository",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Silver Kiosk: city services and digital-skills lessons for older residents.",
    )
    parser.add_argument("--config", metavar="FILE", help="the config file (TOML) to use")
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window for development (no lockdown)"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, reach the first frame, print 'ready', and quit (packaging and benchmarks)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", help="start the kiosk (the default)")

    shot = sub.add_parser("screenshot", help="render a screen or a state mid-journey to PNG")
    from kiosk.screenshot_cli import add_arguments

    add_arguments(shot)

    sub.add_parser("doctor", help="check fonts, data folder, config, libraries; print the config")
    sub.add_parser("pin", help="make the salted hash of a trainer PIN for the config")

    tr = sub.add_parser("i18n", help="translation catalogs: extract, update, compile, check")
    tr.add_argument("action", choices=("extract", "update", "compile", "check"))
    tr.add_argument("--quiet", action="store_true")
    tr.add_argument("--domain", choices=("kiosk", "lessons"), help="only this catalog")

    for name, text in COMMAND_GROUPS.items():
        group = sub.add_parser(name, help=text, add_help=False)
        group.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _group_args(name: str, rest: list[str]) -> argparse.Namespace:
    """Parse a command group's own arguments; its module is imported only when it is used,
    so starting the kiosk does not pay for it."""
    import importlib

    module = importlib.import_module(f"kiosk.{name}_cli")
    parser = argparse.ArgumentParser(prog="python -m kiosk")
    module.add_parser(parser.add_subparsers(dest="command", metavar="COMMAND"))
    args = parser.parse_args([name, *rest])
    args.module = module
    return args


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the fallback voice runs in a child process
        import multiprocessing

        multiprocessing.freeze_support()
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    command = args.command or "run"
    if unknown and command not in COMMAND_GROUPS:
        parser.error("unrecognized arguments: " + " ".join(unknown))
    if command == "run":
        from kiosk.runner import run

        return run(args)
    if command == "screenshot":
        from kiosk.screenshot_cli import screenshot

        return screenshot(args)
    if command == "doctor":
        from kiosk.doctor import doctor

        return doctor(args)
    if command == "pin":
        from kiosk.runner import make_pin

        return make_pin()
    if command == "i18n":
        from kiosk.i18n_tools import run_action

        return run_action(args.action, quiet=args.quiet, domain=args.domain)
    if command in COMMAND_GROUPS:
        group = _group_args(command, [*args.rest, *unknown])
        group.config = args.config
        return int(group.module.run(group))
    return 2


if __name__ == "__main__":
    sys.exit(main())
