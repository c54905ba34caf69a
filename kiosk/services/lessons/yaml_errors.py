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
    if "expected key" in problem or "'-' indicator" in problem or "block end" in problem:
        previous = _line_text(text, line - 1)
        if '"' in here and not here.rstrip().endswith('"'):
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
