"""Read a practice widget's params and pass rule against its schema in the widget catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.core.lesson_widgets import SPECS, Param
from kiosk.core.lessons import Widget
from kiosk.i18n import _
from kiosk.services.lessons.yaml_lines import LineDict, LineList, Reader, quoted


class _Walk:
    """One widget's walk: collects element ids (hint targets), refs to resolve, and images."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str]] = []  # (line, value, params key it must name)
        self.images: list[tuple[int, str]] = []
        self.failed: set[str] = set()  # lists missing or not lists: refs to them are not checked

    def fields(
        self, node: LineDict, spec: Mapping[str, Param], path: str, what: str, line: int = 0
    ) -> dict[str, Any]:
        """Read a mapping's fields; a missing one is reported at `line` (default: the mapping)."""
        self.r.keys(node, spec, what, [key for key, param in spec.items() if param.required])
        result: dict[str, Any] = {}
        for key, param in spec.items():
            if key not in node or node[key] is None:
                if param.required:
                    node.failed.add(key)
                    self.failed.add(key)
                    self.r.error(
                        line or node.line,
                        _("{what} needs {key}").format(what=what, key=quoted(key)),
                    )
                continue
            where = _("{key} in {what}").format(key=quoted(key), what=what)
            line_of_key = self.r.line_of(node, key)
            result[key] = self.value(node[key], param, line_of_key, f"{path}.{key}", where)
            if param.kind == "list" and not isinstance(node[key], LineList):
                node.failed.add(key)
                self.failed.add(key)
        return result

    def value(self, value: Any, param: Param, line: int, path: str, what: str) -> Any:
        r, kind = self.r, param.kind
        if kind in ("text", "str", "image", "ref", "choice"):
            if not isinstance(value, str):
                r.error(line, _("{what} must be text").format(what=what))
                return ""
            if kind == "text":
                return r.msg(value.strip(), line, path)
            if kind == "image":
                self.images.append((line, value))
            elif kind == "ref":
                self.refs.append((line, value, param.ref))
            elif kind == "choice" and value not in param.choices:
                r.error(
                    line,
                    _("{what} is {value}; it must be one of: {known}").format(
                        what=what, value=quoted(value), known=", ".join(param.choices)
                    ),
                )
            return value
        if kind in ("int", "float"):
            numeric = (int,) if kind == "int" else (int, float)
            if isinstance(value, bool) or not isinstance(value, numeric):
                number = _("a whole number") if kind == "int" else _("a number")
                r.error(line, _("{what} must be {kind}").format(what=what, kind=number))
                return 0
            if param.minimum is not None and value < param.minimum:
                r.error(
                    line,
                    _("{what} is {value}; it must be at least {least}").format(
                        what=what, value=value, least=f"{param.minimum:g}"
                    ),
                )
            if param.maximum is not None and value > param.maximum:
                r.error(
                    line,
                    _("{what} is {value}; it must be at most {most}").format(
                        what=what, value=value, most=f"{param.maximum:g}"
                    ),
                )
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                r.error(line, _("{what} must be true or false").format(what=what))
            return bool(value)
        if kind == "list":
            return self.listing(value, param, line, path, what)
        if kind == "map":
            if not isinstance(value, LineDict):
                r.error(
                    line,
                    _("{what} must be fields, each on its own line under it").format(what=what),
                )
                return {}
            return self.fields(value, param.fields, path, what)
        raise AssertionError(f"unknown param kind {kind}")  # the catalogue is wrong, not the lesson

    def listing(self, value: Any, param: Param, line: int, path: str, what: str) -> list[Any]:
        if not isinstance(value, LineList):
            self.r.error(line, _("{what} must be a list").format(what=what))
            return []
        assert param.item is not None
        result, seen = [], set()
        for index, item in enumerate(value):
            item_line = self.r.line_of(value, index)
            item_id = item.get("id") if isinstance(item, LineDict) else None
            item_path = f"{path}.{item_id}" if isinstance(item_id, str) else f"{path}[{index + 1}]"
            if isinstance(item_id, str):
                if item_id in seen:
                    self.r.error(
                        item_line,
                        _("id {id} is used twice in {what}: give each its own id").format(
                            id=quoted(item_id), what=what
                        ),
                    )
                seen.add(item_id)
                self.ids.add(item_id)
            result.append(self.value(item, param.item, item_line, item_path, what))
        return result


def read_widget(
    r: Reader, node: LineDict, path: str
) -> tuple[Widget | None, set[str], list[tuple[int, str]]]:
    """The widget (None when its type is unknown), the ids of its elements (for hint targets)
    and the images it uses."""
    r.keys(node, ("type", "params", "pass"), _("the widget"), ("type", "params", "pass"))
    kind = r.string(node, "type", _("the widget"))
    spec = SPECS.get(kind)
    if spec is None:
        if kind:
            r.error(
                r.line_of(node, "type"),
                _("unknown widget type {value}; the widget types: {known}").format(
                    value=quoted(kind), known=", ".join(sorted(SPECS))
                ),
            )
        return None, set(), []
    walk = _Walk(r)
    errors = r.errors()  # the params' own checks need params without reported mistakes
    what = _("the {type} widget").format(type=kind)
    params_node = r.mapping(node, "params", what)
    params = (
        walk.fields(
            params_node,
            spec.params,
            f"{path}.params",
            _("the params of the {type} widget").format(type=kind),
            r.line_of(node, "params"),
        )
        if params_node
        else {}
    )
    pass_node = r.mapping(node, "pass", what)
    rule = (
        walk.fields(
            pass_node,
            spec.pass_rule,
            f"{path}.pass",
            _("the pass rule of the {type} widget").format(type=kind),
            r.line_of(node, "pass"),
        )
        if pass_node
        else {}
    )
    for line, value, key in walk.refs:
        if key in walk.failed or key not in params:
            continue  # the list itself was reported: its ids are unknown
        ids = [item.get("id") for item in params[key] if isinstance(item, Mapping)]
        if value not in ids:
            r.error(
                line,
                _("{value} is not an id in {key} (the ids there: {known})").format(
                    value=quoted(value), key=quoted(key), known=", ".join(map(str, ids)) or "-"
                ),
            )
    if spec.check is not None and params_node is not None and r.errors() == errors:
        for message in spec.check(params):
            r.error(
                params_node.line,
                _("the params of the {type} widget: {problem}").format(type=kind, problem=message),
            )
    return Widget(kind, params, rule, r.loc(node.line)), walk.ids, walk.images
