"""The pronunciation tables: assets/speech/<lang>.toml, read once per language and checked.

Each table says how the voice says what espeak-ng would read wrongly in that language (words,
phrases, symbols, addresses, numbers, money, times, dates). The team extends the tables, not
the code; `python -m kiosk speech text` shows the result.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from kiosk.services.storage.paths import ASSETS_DIR

TABLES_DIR = ASSETS_DIR / "speech"
SECTIONS = (
    "words", "phrases", "symbols", "keys", "web", "letters", "transliterate", "chars", "numbers",
    "numerals", "units", "money", "time", "dates",
)  # fmt: skip


class TableError(Exception):
    """A pronunciation table cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Table:
    """One language's table, with look-ups prepared for the pronouncer."""

    lang: str
    words: dict[str, str]  # exact spelling → spoken
    words_folded: dict[str, str]  # Latin words, lower case → spoken
    phrases: dict[str, str]
    symbols: dict[str, str]
    keys: dict[str, str]
    web: dict[str, str]
    letters: dict[str, str]
    transliterate: dict[str, str]
    chars: dict[str, str]
    numbers: dict[str, Any]
    numerals: dict[str, Any]
    units: dict[str, Any]
    money: dict[str, Any]
    time: dict[str, Any]
    dates: dict[str, Any]
    source: Path = field(default=Path(), compare=False)

    @property
    def codes(self) -> list[str]:
        return [str(c) for c in self.numbers.get("codes", [])]

    @property
    def cue_words(self) -> list[str]:
        return [str(c) for c in self.numbers.get("cue_words", [])]


def _strings(data: dict[str, Any], section: str, path: Path) -> dict[str, str]:
    value = data.get(section, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TableError(f"{path.name}: [{section}] must map text to text")
    return {str(k): str(v) for k, v in value.items()}


def parse_table(lang: str, text: str, path: Path = Path("table.toml")) -> Table:
    """A Table from TOML text; TableError with a plain message when it is not usable."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{path.name}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise TableError(f"{path.name}: unknown section(s) {', '.join(unknown)}")
    words = _strings(data, "words", path)
    folded = {k.lower(): v for k, v in words.items() if k.isascii()}
    numerals = data.get("numerals", {})
    for key in ("zero", "digits", "units", "teens", "tens", "hundreds", "thousand"):
        if key not in numerals:
            raise TableError(f"{path.name}: [numerals] needs {key!r}")
    if len(numerals["digits"]) != 10:
        raise TableError(f"{path.name}: [numerals] digits must name 0 to 9")
    return Table(
        lang=lang,
        words=words,
        words_folded=folded,
        phrases=_strings(data, "phrases", path),
        symbols=_strings(data, "symbols", path),
        keys=_strings(data, "keys", path),
        web=_strings(data, "web", path),
        letters=_strings(data, "letters", path),
        transliterate=_strings(data, "transliterate", path),
        chars=_strings(data, "chars", path),
        numbers=dict(data.get("numbers", {})),
        numerals=dict(numerals),
        units=dict(data.get("units", {})),
        money=dict(data.get("money", {})),
        time=dict(data.get("time", {})),
        dates=dict(data.get("dates", {})),
        source=path,
    )


@functools.cache
def load_table(lang: str, folder: Path = TABLES_DIR) -> Table | None:
    """The table for `lang`, or None when there is none (the text is then spoken as it is)."""
    path = folder / f"{lang}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise TableError(f"{path.name}: cannot be read ({exc})") from None
    return parse_table(lang, text, path)
