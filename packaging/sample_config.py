"""Print the system config file: every option of the schema, commented, with its default."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

# Run as a script from a checkout (packaging/ is not a package: it would shadow `packaging`).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk import APP_NAME, __version__
from kiosk.config.schema import OPTIONS, Option

HEADER = f"""\
# {APP_NAME} {__version__}: system configuration (/etc/silver-kiosk/kiosk.toml).
#
# Every setting is listed below with what it does, what it accepts and its default. Lines that
# start with '#' are ignored: to change a setting, remove the '#' in front of its line and edit
# the value. A user's ~/.config/silver-kiosk/kiosk.toml, when present, is used instead of this
# file. Check the result with `silver-kiosk doctor` and the portals with
# `silver-kiosk portal check`.
# This file was generated from the kiosk's settings schema; `dpkg --purge` removes it.
"""


def toml_value(value: Any) -> str:
    """A TOML literal for a bool, number or string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    # JSON string escapes are valid in TOML basic strings.
    return json.dumps(str(value), ensure_ascii=False)


def option_lines(option: Option[Any]) -> list[str]:
    """The commented block of one option."""
    lines = [f"# {line}" for line in textwrap.wrap(option.description, 96)]
    notes = [f"Allowed: {option.allowed()}."]
    if option.trainer:
        notes.append("A trainer can also change it on the kiosk.")
    if option.secret:
        notes.append("Secret: keep this file readable by root and the kiosk only.")
    lines.append("# " + " ".join(notes))
    name = option.key.split(".", 1)[1]
    lines.append(f"# {name} = {toml_value(option.default)}")
    return lines


def sample_config() -> str:
    """The whole file: one [section] each (TOML allows no repeat), options in schema order."""
    sections: dict[str, list[Option[Any]]] = {}
    for option in OPTIONS:
        sections.setdefault(option.section, []).append(option)
    out = [HEADER]
    for section, options in sections.items():
        out.append(f"\n[{section}]\n")
        out.extend("\n".join(option_lines(option)) + "\n\n" for option in options)
    return "".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(sample_config())
