"""Save the trainer's setting changes to the kiosk's TOML file, keeping everything else in it.

tomllib only reads, so the changed keys are written by hand: a `key = value` line inside its
`[section]` is replaced in place (comments and other keys stay as they were), a missing key is
added at the end of its section, a missing section at the end of the file. The result is read back
with the real loader before it replaces the file, so a bad write can never stop the kiosk starting.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.config import loader
from kiosk.config.loader import ConfigError, load_settings

_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")


def toml_value(value: Any) -> str:
    """A TOML literal for a setting's value (bool, int, float or str)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes are valid TOML basic-string escapes
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"no TOML form for {type(value).__name__}")


def update_text(text: str, changes: Mapping[str, Any]) -> str:
    """`text` (a TOML file) with each `section.name` in `changes` set to its value."""
    lines = text.splitlines()
    for key, value in changes.items():
        section, name = key.split(".", 1)
        line = f"{name} = {toml_value(value)}"
        key_re = re.compile(rf"^\s*{re.escape(name)}\s*=")
        current: str | None = None
        section_end: int | None = None
        done = False
        for i, old in enumerate(lines):
            match = _SECTION.match(old)
            if match:
                if current == section:
                    section_end = i
                    break
                current = match.group(1).strip()
                continue
            if current == section and key_re.match(old):
                lines[i] = line
                done = True
                break
        if done:
            continue
        if current == section:
            if section_end is None:
                section_end = len(lines)
            # before the blank lines that separate it from the next section
            while section_end > 0 and not lines[section_end - 1].strip():
                section_end -= 1
            lines.insert(section_end, line)
        else:
            if lines and lines[-1].strip():
                lines.append("")
            lines.extend([f"[{section}]", line])
    return "\n".join(lines) + "\n"


def save_changes(path: Path, changes: Mapping[str, Any]) -> None:
    """Write `changes` into `path`. Raises ConfigError or OSError.

    `path` is the trainer's own layer, read after the system file and its drop-ins, so it holds
    only what the trainer changed (a missing file starts empty).
    """
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = update_text(old, changes)
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(new, encoding="utf-8")
    try:
        load_settings(part)  # the kiosk must still start with the new file
    except ConfigError:
        part.unlink(missing_ok=True)
        raise
    with open(part, "rb") as f:
        os.fsync(f.fileno())
    part.replace(path)


def user_config_path() -> Path:
    """Where the trainer's changes are kept when the kiosk was started without --config."""
    return loader.user_config_path()
