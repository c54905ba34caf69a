"""Command line: run the kiosk (default), screenshot, doctor, pin, i18n, portal, lessons."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


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

    shot = sub.add_parser("screenshot", help="render one screen to a PNG file and exit")
    shot.add_argument("--screen", default="attract", help="screen or overlay name")
    shot.add_argument("--lang", default="bg", choices=("bg", "en", "uk", "tr"))
    shot.add_argument(
        "--text-size", default="normal", choices=("normal", "large", "largest"), dest="text_size"
    )
    shot.add_argument("--theme", default="normal", choices=("normal", "high-contrast"))
    shot.add_argument("--size", default="1920x1080", help="window size in pixels, WIDTHxHEIGHT")
    shot.add_argument("--out", required=True, help="the PNG file to write")

    sub.add_parser("doctor", help="check fonts, data folder, config, libraries; print the config")
    sub.add_parser("pin", help="make the salted hash of a trainer PIN for the config")

    tr = sub.add_parser("i18n", help="translation catalogs: extract, update, compile, check")
    tr.add_argument("action", choices=("extract", "update", "compile", "check"))
    tr.add_argument("--quiet", action="store_true")
    tr.add_argument("--domain", choices=("kiosk", "lessons"), help="only this catalog")

    for module in _optional_clis():
        module.add_parser(sub)
    return parser


def _optional_clis() -> list:  # type: ignore[type-arg]
    """Command groups of capabilities that are built: each module adds its own sub-command."""
    import importlib

    found = []
    for name in ("kiosk.portal_cli", "kiosk.lessons_cli"):
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "run":
        from kiosk.runner import run

        return run(args)
    if command == "screenshot":
        from kiosk.runner import screenshot

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
    for module in _optional_clis():
        if module.__name__.rsplit(".", 1)[1].removesuffix("_cli") == command:
            return int(module.run(args))
    return 2


if __name__ == "__main__":
    sys.exit(main())
