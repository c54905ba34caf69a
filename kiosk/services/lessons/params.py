"""Read a practice widget's params and pass rule against its schema in the widget catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.core.lesson_widgets import SPECS, Param
from kiosk.core.lessons import Widget
from kiosk.services.lessons.yaml_lines import LineDict, LineList, Reader


class _Walk:
    """One widget's walk: collects element ids (hint targets), refs to resolve, and images."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str]] = []  # (line, value, params key it must name)
        self.images: list[tuple[int, str]] = []

    def fields(
        self, node: LineDict, spec: Mapping[str, Param], path: str, what: str, line: int = 0
    ) -> dict[str, Any]:
        """Read a mapping's fields; a missing one is reported at `line` (default: the mapping)."""
        self.r.keys(node, spec, what)
        result: dict[str, Any] = {}
        for key, param in spec.items():
            if key not in node or node[key] is None:
                if param.required:
                    self.r.error(
                        line or node.line, f"{what} needs {key!r} ({param.doc or param.kind})"
                    )
                continue
            result[key] = self.value(
                node[key], param, self.r.line_of(node, key), f"{path}.{key}", f"{key!r} in {what}"
            )
        return result

    def value(self, value: Any, param: Param, line: int, path: str, what: str) -> Any:
        r, kind = self.r, param.kind
        if kind in ("text", "str", "image", "ref", "choice"):
            if not isinstance(value, str):
                r.error(line, f"{what} must be text")
                return ""
            if kind == "text":
                return r.msg(value.strip(), line, path)
            if kind == "image":
                self.images.append((line, value))
            elif kind == "ref":
                self.refs.append((line, value, param.ref))
            elif kind == "choice" and value not in param.choices:
                r.error(line, f"{what} is {value!r}; it must be one of {', '.join(param.choices)}")
            return value
        if kind in ("int", "float"):
            numeric = (int,) if kind == "int" else (int, float)
            if isinstance(value, bool) or not isinstance(value, numeric):
                r.error(line, f"{what} must be a {'whole ' if kind == 'int' else ''}number")
                return 0
            if param.minimum is not None and value < param.minimum:
                r.error(line, f"{what} is {value}; it must be at least {param.minimum:g}")
            if param.maximum is not None and value > param.maximum:
                r.error(line, f"{what} is {value}; it must be at most {param.maximum:g}")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                r.error(line, f"{what} must be true or false")
            return bool(value)
        if kind == "list":
            return self.listing(value, param, line, path, what)
        if kind == "map":
            if not isinstance(value, LineDict):
                r.error(line, f"{what} must be a mapping")
                return {}
            return self.fields(value, param.fields, path, what)
        raise AssertionError(f"unknown param kind {kind}")  # the catalogue is wrong, not the lesson

    def listing(self, value: Any, param: Param, line: int, path: str, what: str) -> list[Any]:
        if not isinstance(value, LineList):
            self.r.error(line, f"{what} must be a list")
            return []
        assert param.item is not None
        result, seen = [], set()
        for index, item in enumerate(value):
            item_line = self.r.line_of(value, index)
            item_id = item.get("id") if isinstance(item, LineDict) else None
            item_path = f"{path}.{item_id}" if isinstance(item_id, str) else f"{path}[{index + 1}]"
            if isinstance(item_id, str):
                if item_id in seen:
                    self.r.error(item_line, f"id {item_id!r} is used twice in {what}")
                seen.add(item_id)
                self.ids.add(item_id)
            result.append(self.value(item, param.item, item_line, item_path, what))
        return result


def read_widget(
    r: Reader, node: LineDict, path: str
) -> tuple[Widget | None, set[str], list[tuple[int, str]]]:
    """The widget, the ids of its elements (for hint targets) and the images it uses."""
    kind = r.string(node, "type", "the widget")
    r.keys(node, ("type", "params", "pass"), "the widget")
    spec = SPECS.get(kind)
    if spec is None:
        if kind:
            r.error(
                r.line_of(node, "type"),
                f"unknown widget type {kind!r}; known types: {', '.join(sorted(SPECS))}",
            )
        return None, set(), []
    walk = _Walk(r)
    params_node = r.mapping(node, "params", f"the {kind} widget")
    params = (
        walk.fields(
            params_node, spec.params, f"{path}.params", f"{kind} params", r.line_of(node, "params")
        )
        if params_node
        else {}
    )
    pass_node = r.mapping(node, "pass", f"the {kind} widget")
    rule = (
        walk.fields(
            pass_node, spec.pass_rule, f"{path}.pass", f"{kind} pass rule", r.line_of(node, "pass")
        )
        if pass_node
        else {}
    )
    for line, value, key in walk.refs:
        targets = params.get(key) or []
        ids = [item.get("id") for item in targets if isinstance(item, Mapping)]
        if value not in ids:
            known = ", ".join(map(str, ids)) or "none"
            r.error(
                line,
                f"{value!r} is not an id in {key!r} (ids there: {known})",
            )
    if spec.check is not None and params_node is not None:
        for message in spec.check(params):
            r.error(params_node.line, f"{kind} params: {message}")
    return Widget(kind, params, rule, r.loc(node.line)), walk.ids, walk.images
