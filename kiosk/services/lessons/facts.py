"""Facts that change — fares, prices, opening days — kept as data in `assets/lessons/facts.yaml`,
each with its source, the day it was checked and the day to check it again (CURRICULUM §4:
fares and currency are data, never copy).

Lesson text names a fact as `{fact_id}`; the loader puts in the fact's value after translation,
so a new fare is changed in one place and every lesson, in every language, says the new one.
Values are translatable text ("0,80 €" is "€0.80" in English); the speech layer reads amounts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.core import lessons as m
from kiosk.i18n import _
from kiosk.services.lessons.yaml_lines import (
    LineDict,
    Problem,
    Reader,
    Recorder,
    YamlSyntaxError,
    named,
    parse_yaml,
    quoted,
)

FACTS_FILE = "facts.yaml"
PLACEHOLDER = re.compile(r"\{([a-z][a-z_]*)\}")  # as the catalog check counts them


@dataclass(frozen=True)
class Fact:
    id: str
    value: str  # translated
    review_by: date | None
    source: m.Source | None
    at: m.Loc


def read_facts(
    root: Path,
    translate: Callable[[str], str] = lambda s: s,
    record: Recorder | None = None,
    display: str = FACTS_FILE,
) -> tuple[dict[str, Fact], list[Problem]]:
    """The course's facts (none when there is no facts file) and the problems of the file."""
    path = root / FACTS_FILE
    reader = Reader(display, translate, record)
    if not path.is_file():
        return {}, []
    try:
        tree = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reader.error(1, _("this file cannot be read ({reason})").format(reason=exc))
        return {}, reader.problems
    except YamlSyntaxError as exc:
        reader.error(exc.line, str(exc))
        return {}, reader.problems
    if not isinstance(tree, LineDict):
        reader.error(1, _("the file must have a list of 'facts'"))
        return {}, reader.problems
    reader.duplicates(tree)
    return facts_in(reader, tree), reader.problems


def facts_in(reader: Reader, tree: LineDict) -> dict[str, Fact]:
    """Read the `facts:` list of a parsed facts file (also used by the catalog extractor)."""
    everything = _("the facts file")
    reader.keys(tree, ("facts",), everything, ("facts",))
    found: dict[str, Fact] = {}
    for node in reader.mappings(tree, "facts", everything):
        what = named(node, _("fact {id}"), _("a fact"))
        reader.keys(node, ("id", "value", "review_by", "source"), what, ("id", "value"))
        fid = reader.string(node, "id", what)
        if fid and not PLACEHOLDER.fullmatch("{" + fid + "}"):
            reader.error(
                node.line,
                _("the fact id {id}: use small Latin letters and _ only").format(id=quoted(fid)),
            )
        if fid in found:
            reader.error(
                node.line,
                _("the fact id {id} is also used on line {line}").format(
                    id=quoted(fid), line=found[fid].at.line
                ),
            )
        source_node = reader.mapping(node, "source", what, required=False)
        source = None
        if source_node is not None:
            where = _("the source of {what}").format(what=what)
            reader.keys(source_node, ("title", "url", "checked"), where, ("title", "url"))
            source = m.Source(
                reader.string(source_node, "title", where),
                reader.string(source_node, "url", where),
                reader.day(source_node, "checked", where, False),
            )
        found[fid] = Fact(
            fid,
            reader.text(node, "value", f"fact.{fid}", what),
            reader.day(node, "review_by", what, required=False),
            source,
            reader.loc(node.line),
        )
    return found


def fill(text: str, facts: Mapping[str, Fact]) -> str:
    """Put each known fact's value in place of its `{fact_id}`; unknown names stay as written
    (the validator reports them)."""
    if "{" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        return fact.value if fact is not None else match.group(0)

    return PLACEHOLDER.sub(value, text)


def fact_problems(
    strings: list[tuple[str, m.Loc, str]], facts: Mapping[str, Fact], today: date
) -> list[Problem]:
    """Lesson text that names an unknown fact (an error), and facts past their review day."""
    problems: list[Problem] = []
    for msgid, at, where in strings:
        for name in PLACEHOLDER.findall(msgid):
            if name not in facts:
                known = ", ".join(sorted(facts)) or "-"
                # TRANSLATORS: {fact} is written as in the lesson text, e.g. {fare_trip}.
                message = _(
                    "{where} names the fact {fact}, which {file} does not have (it has: {known})"
                ).format(where=where, fact="{" + name + "}", file=FACTS_FILE, known=known)
                problems.append(Problem(at, "error", message))
    for fact in facts.values():
        if fact.review_by is not None and today > fact.review_by:
            message = _("the fact {id} was due for review on {day}: check it at its source").format(
                id=quoted(fact.id), day=fact.review_by.isoformat()
            )
            problems.append(Problem(fact.at, "warning", message))
    return problems
