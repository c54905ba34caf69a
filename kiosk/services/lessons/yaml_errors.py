"""PyYAML's syntax errors said in plain words, for a trainer who edits a lesson in a text editor.

libyaml reports "mapping values are not allowed in this context"; a trainer needs "a colon and
a space inside the text: put the whole text in quotes". Each common scanner and parser error
maps to one sentence (translated: the validator speaks the trainer's language); anything else
keeps PyYAML's own words after "this is not valid YAML".
"""

from __future__ import annotations

import re

import yaml

from kiosk.i18n import _

# Characters YAML keeps for itself at the start of a value.
_RESERVED = "@`%*&!|>?{[\"'"
# `title:Текст` (a field name, a colon and no space): YAML reads it as text, not a field.
_NO_SPACE = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*):(\S.*)$")
# `title: "Текст" и още`: text goes on after the closing quote.
_AFTER_QUOTE = re.compile(r"""^\s*(?:- )?(?:[\w-]+:\s+)?(["'])(?:(?!\1).)*\1\s*[^\s#,}\]]""")


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_start(line: str) -> str:
    """The first character of the value on a `key: value` or `- value` line."""
    body = line.strip()
    if body.startswith("- "):
        body = body[2:].lstrip()
    if ": " in body:
        body = body.split(": ", 1)[1].lstrip()
    return body[:1]


def plain_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, sentence) for a syntax error in `text`."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    here = _line_text(text, line)
    first = _value_start(here)
    if "mapping keys are not allowed" in problem or (first == "?" and "node content" in problem):
        return line, _("the question mark must be in quotes: put the whole text in quotes")
    if "mapping values are not allowed" in problem:
        previous = _line_text(text, line - 1)
        if re.match(r"\s*[\w-]+: ", here) and _indent(here) != _indent(previous):
            return line, _(
                "this line is not indented like the field before it: a field lines up under "
                "the field before it"
            )
        return line, _(
            "a colon and a space inside the text: put the whole text in quotes, "
            'e.g. body: "Вярно или не: ..."'
        )
    if "tab character" in problem or ("\t" in here[: len(here) - len(here.lstrip())]):
        return line, _("a tab is used to indent: indent with spaces only")
    if "cannot start any token" in problem or "alias" in context or "anchor" in context:
        sign = first if ("alias" in context or "anchor" in context) else ""
        if not sign and mark is not None and mark.column < len(here):
            sign = here[mark.column]
        if sign == "?":
            return line, _("the question mark must be in quotes: put the whole text in quotes")
        return line, _(
            'the text starts with "{sign}", which YAML keeps for itself: put the whole text in '
            "quotes"
        ).format(sign=sign or first)
    if "quoted scalar" in context:
        opened = exc.context_mark.line + 1 if exc.context_mark is not None else line
        return opened, _("a quotation mark opened here is never closed")
    if "block scalar" in context:
        return line, _("nothing may follow | or > on its line: start the text on the next line")
    if "flow mapping" in context:
        return line, _(
            "a { ... } on one line is not closed with } or misses a comma; "
            "text with a comma or a question mark goes in quotes"
        )
    if "flow sequence" in context:
        return line, _(
            "a [ ... ] list is not closed with ] or misses a comma; "
            "text with a comma goes in quotes"
        )
    if "could not find expected ':'" in problem:
        start = exc.context_mark.line + 1 if exc.context_mark is not None else line
        written = _line_text(text, start)
        if _NO_SPACE.match(written):
            return start, _("a space is missing after the colon: write {fixed}").format(
                fixed=repr(_NO_SPACE.sub(r"\1\2: \3", written.strip(), count=1))
            )
        return start, _(
            "this line is neither a field (name: value) nor a list item (- ...): if it goes on "
            "the text above, indent it further than the field's name"
        )
    if "expected key" in problem or "'-' indicator" in problem or "block end" in problem:
        previous = _line_text(text, line - 1)
        if _AFTER_QUOTE.match(here):
            return line, _(
                "text goes on after the closing quotation mark: put the quotation marks around "
                "the whole text"
            )
        if first == "?" or "? " in previous:
            return line, _("the question mark must be in quotes: put the whole text in quotes")
        return line, _(
            "this line is not indented like the lines around it: a field lines up under the "
            "field before it, a list item under the '-' before it"
        )
    if "node content" in problem:
        return line, _(
            "a value is missing here, or starts with a sign YAML keeps for itself: put the text "
            "in quotes"
        )
    if "duplicate" in problem:
        return line, _("this key is given twice")
    return line, _("this is not valid YAML: {problem}").format(problem=problem or exc)


# A list item with no space after its dash: `-id: a` is a field named "-id", not an item.
_DASH_NO_SPACE = re.compile(r"^(\s*)-([A-Za-z_][\w-]*):(.*)$")
# A list item that starts with a field: `- id: a` or `- {id: a, ...}`.
_ITEM = re.compile(r"^(\s*)- +\{?\s*([A-Za-z_][\w-]*)\s*:")
# A field with nothing after it on its line: what follows, indented, is its value.
_OPEN_KEY = re.compile(r"^(\s*(?:- +)?)([A-Za-z_][\w-]*):\s*(?:#.*)?$")
_BLOCK_TEXT = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _content(text: str) -> list[tuple[int, int, str]]:
    """(line number, indent, line) of each line YAML reads as structure: no blank lines,
    comments or the lines of a `|` or `>` text."""
    found: list[tuple[int, int, str]] = []
    block = -1  # the indent of the field whose block text is being skipped
    for number, line in enumerate(text.splitlines(), 1):
        body = line.strip()
        indent = _indent(line)
        if not body or body.startswith("#"):
            continue
        if block >= 0 and indent > block:
            continue
        block = indent + (2 if body.startswith("- ") else 0) if _BLOCK_TEXT.search(line) else -1
        found.append((number, indent, line))
    return found


def layout_mistake(text: str) -> tuple[int, str] | None:
    """The first layout slip YAML accepts without complaint but reads as something else, with
    its line: a dash without its space, or a list item not indented under its field (YAML
    makes it an item of the list above, so its fields are reported as unknown there)."""
    lines = _content(text)
    for number, _at, line in lines:
        dash = _DASH_NO_SPACE.match(line)
        if dash:
            fixed = f"- {dash[2]}:{dash[3]}"
            return number, _("a space is missing after the '-': write {fixed}").format(
                fixed=repr(fixed.strip())
            )
    for index, (number, indent, line) in enumerate(lines):
        item = _ITEM.match(line)
        if item is None:
            continue
        before = lines[:index]
        sibling = _sibling(before, indent)
        if sibling is None:
            continue
        first = _ITEM.match(lines[sibling][2])
        if first is None or first[2] == item[2]:
            continue
        owner = _owner(before[sibling + 1 :], indent, item[2])
        if owner is not None:
            return number, _(
                "this list item is not indented under {key} (line {line}): move it to the "
                "right, as far as the items of {key}"
            ).format(key=repr(owner[1]), line=owner[0])
    return None


def _sibling(before: list[tuple[int, int, str]], indent: int) -> int | None:
    """The index of the item before, in the same list (None when the list starts here)."""
    for index in range(len(before) - 1, -1, -1):
        _number, at, line = before[index]
        if at < indent:
            return None
        if at == indent:
            return index if line.lstrip().startswith("- ") else None
    return None


def _owner(between: list[tuple[int, int, str]], indent: int, key: str) -> tuple[int, str] | None:
    """The field (line, name) a misplaced item belongs to: a field left empty just above it,
    or the field of a deeper list whose items start with the same field."""
    if between:
        number, at, line = between[-1]
        opened = _OPEN_KEY.match(line)
        if opened and at > indent:
            return number, opened[2]
    for index in range(len(between) - 1, -1, -1):
        _number, at, line = between[index]
        item = _ITEM.match(line)
        if item and at > indent and item[2] == key:
            for number, above, text in reversed(between[:index]):
                opened = _OPEN_KEY.match(text)
                if opened and above <= at:
                    return number, opened[2]
            return None
    return None
