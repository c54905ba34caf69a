"""YAML reading that keeps line numbers, and a field reader that collects problems, not failing.

Every mapping and list read from a lesson file remembers the line of each key and item, so each
problem names the file and line a trainer must fix. Translatable strings pass through one hook,
which the loader uses to translate and the Babel extractor uses to record them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from kiosk.core.lessons import Loc


class LineDict(dict[Any, Any]):
    """A mapping from YAML with the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]


class LineList(list[Any]):
    line: int = 0
    item_lines: list[int]


# libyaml's parser is ~10x faster than the pure-Python one; both give node marks with lines.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[misc,valid-type]
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result.key_lines:
            result.duplicates.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_yaml(text: str) -> Any:
    """Parse YAML text into LineDict/LineList trees; syntax errors carry their line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        from kiosk.services.lessons.yaml_errors import plain_message

        line, message = plain_message(exc, text)
        raise YamlSyntaxError(line, message) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a NUL byte, say)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        at = text.find(chr(code))
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise YamlSyntaxError(
            line, f"this is not valid YAML: character U+{code:04X} is not allowed in a YAML file"
        ) from exc
    except yaml.YAMLError as exc:  # any other failure of the parser is still the file's fault
        raise YamlSyntaxError(1, f"this is not valid YAML: {exc}") from exc


@dataclass(frozen=True)
class Problem:
    at: Loc
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.at}: {self.severity}: {self.message}"


# (msgid, where, field path) for every translatable string met while reading.
Recorder = Callable[[str, Loc, str], None]


class Reader:
    """Reads typed fields from one file's LineDicts, translating text and collecting problems."""

    def __init__(
        self,
        file: str,
        translate: Callable[[str], str] = lambda s: s,
        record: Recorder | None = None,
    ) -> None:
        self.file = file
        self.translate = translate
        self.record = record
        self.problems: list[Problem] = []

    def loc(self, line: int) -> Loc:
        return Loc(self.file, line)

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.loc(line), "error", message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.loc(line), "warning", message))

    def line_of(self, node: Any, key: Any = None) -> int:
        if isinstance(node, LineDict):
            return node.key_lines.get(key, node.line) if key is not None else node.line
        if isinstance(node, LineList):
            if isinstance(key, int) and 0 <= key < len(node.item_lines):
                return node.item_lines[key]
            return node.line
        return 0

    def keys(self, node: LineDict, allowed: Iterable[str], what: str) -> None:
        """Report unknown keys (usually typos such as 'narraton') and duplicate keys."""
        allowed = set(allowed)
        for key in node:
            if key not in allowed:
                self.error(
                    self.line_of(node, key),
                    f"unknown field {key!r} in {what} (allowed: {', '.join(sorted(allowed))})",
                )
        for key, line in node.duplicates:
            self.error(line, f"{key!r} is given twice in {what}")

    def get(
        self, node: LineDict, key: str, kinds: tuple[type, ...], what: str, required: bool
    ) -> Any:
        if key not in node or node[key] is None:
            if required:
                self.error(node.line, f"{what} needs {key!r}")
            return None
        value = node[key]
        # bool is an int in Python; a YAML `yes` must not pass for a number.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join(
                k.__name__.replace("LineDict", "mapping").replace("LineList", "list") for k in kinds
            )
            self.error(self.line_of(node, key), f"{key!r} in {what} must be {names}")
            return None
        return value

    def text(self, node: LineDict, key: str, path: str, what: str, required: bool = True) -> str:
        """A translatable string: recorded for the extractor, returned translated."""
        value = self.get(node, key, (str,), what, required)
        if value is None:
            return ""
        return self.msg(value.strip(), self.line_of(node, key), f"{path}.{key}")

    def msg(self, value: str, line: int, path: str) -> str:
        if self.record is not None and value:
            self.record(value, self.loc(line), path)
        return self.translate(value) if value else value

    def string(
        self, node: LineDict, key: str, what: str, required: bool = True, default: str = ""
    ) -> str:
        value = self.get(node, key, (str,), what, required)
        return default if value is None else str(value)

    def integer(
        self, node: LineDict, key: str, what: str, required: bool = True, default: int = 0
    ) -> int:
        value = self.get(node, key, (int,), what, required)
        return default if value is None else int(value)

    def flag(self, node: LineDict, key: str, what: str, default: bool = False) -> bool:
        value = self.get(node, key, (bool,), what, False)
        return default if value is None else bool(value)

    def day(self, node: LineDict, key: str, what: str, required: bool = True) -> date | None:
        value: date | None = self.get(
            node, key, (date,), what + " (a date like 2026-06-30)", required
        )
        return value

    def mapping(
        self, node: LineDict, key: str, what: str, required: bool = True
    ) -> LineDict | None:
        value: LineDict | None = self.get(node, key, (LineDict,), what, required)
        return value

    def listing(self, node: LineDict, key: str, what: str, required: bool = True) -> LineList:
        value = self.get(node, key, (LineList,), what, required)
        if value is None:
            empty = LineList()
            empty.line, empty.item_lines = node.line, []
            return empty
        return value  # type: ignore[no-any-return]

    def mappings(
        self, node: LineDict, key: str, what: str, required: bool = True
    ) -> list[LineDict]:
        """The list under `key`, keeping only its mappings (others are reported)."""
        result = []
        items = self.listing(node, key, what, required)
        for index, item in enumerate(items):
            if isinstance(item, LineDict):
                result.append(item)
            else:
                self.error(
                    self.line_of(items, index), f"each item of {key!r} in {what} must be a mapping"
                )
        return result

    def strings(
        self, node: LineDict, key: str, what: str, path: str = "", required: bool = False
    ) -> tuple[str, ...]:
        """A list of strings; translated (and recorded) when `path` is given."""
        items = self.listing(node, key, what, required)
        result = []
        for index, item in enumerate(items):
            line = self.line_of(items, index)
            if not isinstance(item, str):
                self.error(line, f"each item of {key!r} in {what} must be text")
            elif path:
                result.append(self.msg(item.strip(), line, f"{path}.{key}[{index + 1}]"))
            else:
                result.append(item)
        return tuple(result)
