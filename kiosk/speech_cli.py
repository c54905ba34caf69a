"""`python -m kiosk speech text --lang bg "ТЕКСТ"`: print text exactly as the voice will say it."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys

LANGUAGES = ("bg", "en", "uk", "tr")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `speech text` on the kiosk's command line."""
    speech = subparsers.add_parser("speech", help="the kiosk's voice")
    commands = speech.add_subparsers(dest="speech_command", required=True)
    text = commands.add_parser(
        "text",
        help="print text as the voice will say it",
        description="Print the text exactly as the speech engine will be given it, after the "
        "pronunciation tables (assets/speech/<lang>.toml): codes and phone numbers digit by "
        "digit, addresses, abbreviations and symbols in words.",
    )
    text.add_argument("text", nargs="+", help="the text (several arguments are joined)")
    text.add_argument("--lang", default="bg", choices=LANGUAGES, help="the language (bg)")
    text.add_argument(
        "--phonemes",
        action="store_true",
        help="also print espeak-ng's phonemes for the text before and after (needs espeak-ng)",
    )
    speech.set_defaults(func=run)


def _phonemes(text: str, lang: str) -> str:
    binary = shutil.which("espeak-ng")
    if binary is None:
        return "(espeak-ng is not installed)"
    done = subprocess.run(
        [binary, "-v", lang, "-q", "-x", text], capture_output=True, text=True, check=False
    )
    return " ".join(done.stdout.split())


def run(args: argparse.Namespace) -> int:
    """Run a `speech` command; returns the exit code."""
    from kiosk.services.speech.pronounce import pronounce
    from kiosk.services.speech.tables import TableError

    written = " ".join(args.text)
    try:
        spoken = pronounce(written, args.lang).text
    except TableError as exc:
        print(f"the pronunciation table has a problem: {exc}", file=sys.stderr)
        return 1
    print(spoken)
    if args.phonemes:
        print(f"  before: {_phonemes(written, args.lang)}")
        print(f"  after:  {_phonemes(spoken, args.lang)}")
    return 0
