"""Load the TOML config files against the schema, with messages that name the key and the fix.

The kiosk reads /etc/silver-kiosk/kiosk.toml, then the drop-ins in /etc/silver-kiosk/conf.d/*.toml
by name (what a configuration-management tool writes), then the user's own file (the trainer's
changes); a later file wins, and `doctor` says which file set each value. A bad value stops the
kiosk with a message naming file, key and fix; an unknown, renamed or retired key only warns
(config/upgrades.py), so an upgrade never stops a kiosk over an old file.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from kiosk.config.schema import BY_KEY, OPTIONS, Option
from kiosk.config.upgrades import upgrade_note

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Ubuntu 22.04
    import tomli as tomllib

T = TypeVar("T")

SYSTEM_DIR = Path("/etc/silver-kiosk")
SYSTEM_CONFIG = SYSTEM_DIR / "kiosk.toml"
DROP_IN_DIR = "conf.d"


class ConfigError(Exception):
    """The config file cannot be used; the message says where and how to fix it."""


class Settings:
    """The effective settings: defaults overlaid with the files. Read with `settings[OPTION]`.

    `files` are the files read, in order (a later file wins); `origins` says which file set
    each value; `warnings` are what an administrator should fix (unknown, renamed or retired
    keys) though the kiosk runs; `trainer_file` is where the trainer's changes are saved.
    """

    def __init__(
        self,
        values: Mapping[str, Any],
        source: Path | None = None,
        *,
        files: Sequence[Path] = (),
        origins: Mapping[str, Path] | None = None,
        warnings: Sequence[str] = (),
        trainer_file: Path | None = None,
    ) -> None:
        self._values = dict(values)
        self.files = tuple(files) or ((source,) if source is not None else ())
        self.source = source if source is not None else (self.files[-1] if self.files else None)
        self.origins = dict(origins or {})
        self.warnings = tuple(warnings)
        self.trainer_file = trainer_file if trainer_file is not None else source

    def __getitem__(self, option: Option[T]) -> T:
        value: T = self._values.get(option.key, option.default)
        return value

    def with_values(self, changes: Mapping[str, Any]) -> Settings:
        """A copy with some values changed, validated like a file would be."""
        merged = dict(self._values)
        for key, value in changes.items():
            merged[key] = _validate(BY_KEY[key], value, "")
        origins = {k: v for k, v in self.origins.items() if k not in changes}
        return Settings(
            merged,
            self.source,
            files=self.files,
            origins=origins,
            warnings=self.warnings,
            trainer_file=self.trainer_file,
        )

    def origin(self, option: Option[Any]) -> Path | None:
        """The file that set this option's value; None for the default (or a value in code)."""
        return self.origins.get(option.key)

    def items(self) -> Iterator[tuple[Option[Any], Any]]:
        for option in OPTIONS:
            yield option, self[option]

    def changed(self) -> dict[str, Any]:
        """The values that differ from the defaults, by key."""
        return {o.key: v for o, v in self.items() if v != o.default}


def user_config_path() -> Path:
    """The user's own config file (the trainer's changes), whether it exists or not."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "silver-kiosk" / "kiosk.toml"


def drop_ins(main: Path) -> list[Path]:
    """The drop-in files beside a main file (conf.d/*.toml), in the order they are read."""
    folder = main.parent / DROP_IN_DIR
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []


def config_layers(explicit: Path | None = None) -> tuple[list[Path], Path]:
    """The files to read, in order, and the file the trainer's changes go to.

    With `explicit` (--config FILE): that file, then its conf.d drop-ins; the trainer writes
    into it. Otherwise the system file (/etc/silver-kiosk/kiosk.toml), the drop-ins in
    /etc/silver-kiosk/conf.d/ by name, then the user's own file, which holds the trainer's
    changes and so is read last.
    """
    if explicit is not None:
        return [explicit, *drop_ins(explicit)], explicit
    files = [SYSTEM_CONFIG] if SYSTEM_CONFIG.is_file() else []
    files += drop_ins(SYSTEM_CONFIG)
    user = user_config_path()
    if user.is_file():
        files.append(user)
    return files, user


def default_config_path() -> Path | None:
    """The last file the kiosk reads when none is given (kept for messages and old callers)."""
    files, _trainer = config_layers()
    return files[-1] if files else None


def load_config(explicit: Path | None = None) -> Settings:
    """The settings from every layer (see `config_layers`). Raises ConfigError."""
    files, trainer_file = config_layers(explicit)
    return load_files(files, trainer_file)


def load_settings(path: Path | None) -> Settings:
    """Read and validate one file (None: defaults only). Raises ConfigError with a clear message."""
    if path is None:
        return Settings({})
    return load_files([path], path)


def load_files(files: Sequence[Path], trainer_file: Path | None = None) -> Settings:
    """Read the files in order, each overriding the ones before."""
    values: dict[str, Any] = {}
    origins: dict[str, Path] = {}
    warnings: list[str] = []
    for path in files:
        for key, value in _read(path, warnings).items():
            values[key] = value
            origins[key] = path
    return Settings(
        values,
        files[-1] if files else None,
        files=files,
        origins=origins,
        warnings=warnings,
        trainer_file=trainer_file,
    )


def _read(path: Path, warnings: list[str]) -> dict[str, Any]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: the config file does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: the config file cannot be read ({exc}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: this is not valid TOML: {exc}.") from None
    values: dict[str, Any] = {}
    renamed: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(
                f"{path}: '{section}' must be a section like [{section}], not a single value."
            )
        for name, value in table.items():
            key = f"{section}.{name}"
            option = BY_KEY.get(key)
            if option is not None:
                values[key] = _validate(option, value, f"{path}: ")
                continue
            note = upgrade_note(key)
            if note is None:
                warnings.append(f"{path}: unknown setting '{key}', ignored.{_suggest(key)}")
                continue
            new, warning = note
            warnings.append(f"{path}: {warning}")
            if new is not None:
                renamed[new] = _validate(BY_KEY[new], value, f"{path}: '{key}' (now '{new}'): ")
    # A file holding both names uses the new one.
    return {**renamed, **values}


def _validate(option: Option[Any], value: Any, where: str) -> Any:
    def bad(reason: str = "") -> ConfigError:
        return ConfigError(
            f"{where}'{option.key}' is {value!r}{reason}; allowed: {option.allowed()}."
        )

    if option.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, option.type) or (option.type is int and isinstance(value, bool)):
        raise bad()
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(
            f"{where}'{option.key}' is {value!r}; it must be a real number"
            f" ({option.allowed()}), not nan or inf."
        )
    if option.choices is not None and value not in option.choices:
        raise bad()
    if option.minimum is not None and value < option.minimum:
        raise bad()
    if option.maximum is not None and value > option.maximum:
        raise bad()
    if option.check is not None and (problem := option.check(value)):
        raise ConfigError(f"{where}'{option.key}' is not valid; it must be {problem}.")
    return value


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, BY_KEY, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""
