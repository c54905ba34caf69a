"""YAML reading that keeps line numbers, and a field reader that collects problems, not failing.

Every mapping and list read from a lesson file remembers the line of each key and item, so each
problem names the file and line a trainer must fix. Translatable strings pass through one hook,
which the loader uses to translate and the Babel extractor uses to record them.

One mistake, one message: a field the Reader reports (missing, of the wrong kind, a misspelt
name) is marked `failed` on its mapping, and the rules that would trip over the stand-in value
it returns look there first. A misspelt field name that is clearly one allowed name is read as
that name, so its value is still checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from kiosk.core.lessons import Loc
from kiosk.i18n import N_, _


class LineDict(dict[Any, Any]):
    """A mapping from YAML with the line of itself and of each key.

    `duplicates` are keys written twice (YAML lets the second silently win): (key, line of the
    second, line of the first). `flow`: written on one line as { ... }. `failed`: keys the
    Reader reported as missing or of the wrong kind (later rules leave them alone).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int, int]] = []
        self.flow = False
        self.failed: set[Any] = set()


class LineList(list[Any]):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.line = 0
        self.item_lines: list[int] = []


# libyaml's parser is ~10x faster than the pure-Python one; both give node marks with lines.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[misc,valid-type]
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.flow = bool(node.flow_style)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result.key_lines:
            result.duplicates.append((key, line, result.key_lines[key]))
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
    """Parse YAML text into LineDict/LineList trees; syntax errors (and the layout mistakes
    YAML accepts silently, see yaml_errors.layout_mistake) carry their line."""
    from kiosk.services.lessons.yaml_errors import layout_mistake, plain_message

    try:
        tree = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line, message = plain_message(exc, text)
        raise YamlSyntaxError(line, message) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a NUL byte, say)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        at = text.find(chr(code))
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        raise YamlSyntaxError(
            line,
            _(
                "this file has a character that is not allowed in YAML (U+{code}): delete it, "
                "or type it again"
            ).format(code=f"{code:04X}"),
        ) from exc
    except yaml.YAMLError as exc:  # any other failure of the parser is still the file's fault
        raise YamlSyntaxError(
            1, _("this is not valid YAML: {problem}").format(problem=exc)
        ) from exc
    mistake = layout_mistake(text)
    if mistake is not None:
        raise YamlSyntaxError(*mistake)
    return tree


@dataclass(frozen=True)
class Problem:
    at: Loc
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.at}: {self.severity}: {self.message}"


# (msgid, where, field path) for every translatable string met while reading.
Recorder = Callable[[str, Loc, str], None]

# What a field must hold, in words (a Reader's type error names it).
KIND_WORDS: dict[type, str] = {
    str: N_("text"),
    int: N_("a whole number"),
    float: N_("a number"),
    bool: N_("true or false"),
    date: N_("a date like 2026-06-30"),
    LineDict: N_("fields, each on its own line under it"),
    LineList: N_("a list (items starting with '- ', or [a, b])"),
}


def quoted(value: Any) -> str:
    """A name or value as messages quote it: 'title'."""
    return repr(value) if isinstance(value, str) else repr(str(value))


def named(node: LineDict, kind: str, unnamed: str) -> str:
    """How messages name a part: "step 'intro'" by its id, else "a step"."""
    value = node.get("id")
    return (
        kind.format(id=quoted(value)) if isinstance(value, str | int) and value != "" else unnamed
    )


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

    def errors(self) -> int:
        """How many errors so far (compare before and after reading a part)."""
        return sum(p.severity == "error" for p in self.problems)

    def line_of(self, node: Any, key: Any = None) -> int:
        if isinstance(node, LineDict):
            return node.key_lines.get(key, node.line) if key is not None else node.line
        if isinstance(node, LineList):
            if isinstance(key, int) and 0 <= key < len(node.item_lines):
                return node.item_lines[key]
            return node.line
        return 0

    def keys(
        self, node: LineDict, allowed: Iterable[str], what: str, required: Iterable[str] = ()
    ) -> None:
        """Report unknown keys (usually typos such as 'narraton'); one that is clearly an
        allowed name is read as that name from here on. Call before reading the node."""
        from kiosk.services.lessons.field_names import unknown_fields

        for line, message in unknown_fields(node, tuple(allowed), tuple(required), what):
            self.error(line, message)

    def duplicates(self, tree: Any) -> None:
        """Report every key written twice anywhere in a file's tree (YAML keeps the second)."""
        if isinstance(tree, LineDict):
            for key, line, first in tree.duplicates:
                self.error(
                    line,
                    _(
                        "{key} is written twice here (first on line {first}); the second one "
                        "would silently replace the first: keep one"
                    ).format(key=quoted(key), first=first),
                )
            values: list[Any] = list(tree.values())
        elif isinstance(tree, LineList):
            values = list(tree)
        else:
            return
        for value in values:
            self.duplicates(value)

    def get(
        self, node: LineDict, key: str, kinds: tuple[type, ...], what: str, required: bool
    ) -> Any:
        if key not in node or node[key] is None:
            if required:
                node.failed.add(key)
                # TRANSLATORS: lesson validator; {what} names the part, e.g. "step 'intro'".
                self.error(node.line, _("{what} needs {key}").format(what=what, key=quoted(key)))
            return None
        value = node[key]
        # bool is an int in Python; a YAML `yes` must not pass for a number.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            node.failed.add(key)
            kind = _(" or ").join(_(KIND_WORDS[k]) for k in kinds)
            # TRANSLATORS: lesson validator, e.g. "'title' in step 'intro' must be text".
            message = _("{key} in {what} must be {kind}").format(
                key=quoted(key), what=what, kind=kind
            )
            self.error(self.line_of(node, key), message)
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
        value: date | None = self.get(node, key, (date,), what, required)
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
            empty.line = node.line
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
                node.failed.add(key)
                self.error(
                    self.line_of(items, index),
                    _("each item of {key} in {what} must be fields (id: ..., and so on)").format(
                        key=quoted(key), what=what
                    ),
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
                node.failed.add(key)
                self.error(
                    line,
                    _("each item of {key} in {what} must be text").format(
                        key=quoted(key), what=what
                    ),
                )
            elif path:
                result.append(self.msg(item.strip(), line, f"{path}.{key}[{index + 1}]"))
            else:
                result.append(item)
        return tuple(result)
