"""Load the TOML config file against the schema, with messages that name the key and the fix."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from kiosk.config.schema import BY_KEY, OPTIONS, Option

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Ubuntu 22.04
    import tomli as tomllib

T = TypeVar("T")

SYSTEM_CONFIG = Path("/etc/silver-kiosk/kiosk.toml")


class ConfigError(Exception):
    """The config file cannot be used; the message says where and how to fix it."""


class Settings:
    """The effective settings: defaults overlaid with the file. Read with `settings[OPTION]`."""

    def __init__(self, values: Mapping[str, Any], source: Path | None = None) -> None:
        self._values = dict(values)
        self.source = source

    def __getitem__(self, option: Option[T]) -> T:
        value: T = self._values.get(option.key, option.default)
        return value

    def with_values(self, changes: Mapping[str, Any]) -> Settings:
        """A copy with some values changed, validated like a file would be."""
        merged = dict(self._values)
        for key, value in changes.items():
            merged[key] = _validate(BY_KEY[key], value, "")
        return Settings(merged, self.source)

    def items(self) -> Iterator[tuple[Option[Any], Any]]:
        for option in OPTIONS:
            yield option, self[option]

    def changed(self) -> dict[str, Any]:
        """The values that differ from the defaults, by key."""
        return {o.key: v for o, v in self.items() if v != o.default}


def default_config_path() -> Path | None:
    """The config file used when none is given: the user's, else the system's, else none."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    for path in (base / "silver-kiosk" / "kiosk.toml", SYSTEM_CONFIG):
        if path.is_file():
            return path
    return None


def load_settings(path: Path | None) -> Settings:
    """Read and validate `path` (None: defaults only). Raises ConfigError with a clear message."""
    if path is None:
        return Settings({})
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: the config file does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: the config file cannot be read ({exc}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: this is not valid TOML: {exc}.") from None
    values: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(
                f"{path}: '{section}' must be a section like [{section}], not a single value."
            )
        for name, value in table.items():
            key = f"{section}.{name}"
            option = BY_KEY.get(key)
            if option is None:
                raise ConfigError(f"{path}: unknown setting '{key}'.{_suggest(key)}")
            values[key] = _validate(option, value, f"{path}: ")
    return Settings(values, path)


def _validate(option: Option[Any], value: Any, where: str) -> Any:
    def bad(reason: str = "") -> ConfigError:
        return ConfigError(
            f"{where}'{option.key}' is {value!r}{reason}; allowed: {option.allowed()}."
        )

    if option.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, option.type) or (option.type is int and isinstance(value, bool)):
        raise bad()
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
