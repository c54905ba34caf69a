"""Unknown field names in a lesson file, said as the mistake that made them, one message each.

A trainer's unknown field is almost always one of a few slips: a typo ('narraton'), a missing
space after the colon (`{id:a}` reads as the field "id:a"), a comma inside unquoted text in
{ ... } (the rest of the text becomes a field of its own), or a field renamed by mistake where
one field is missing. When the slip clearly means one allowed field, the value is moved under
that name, so the reading goes on as the trainer meant it and no second message follows (no
"needs 'narration'" after "did you mean 'narration'?").
"""

from __future__ import annotations

import difflib
from typing import Any

from kiosk.i18n import _

# How close a typo must be to an allowed name to be read as it (difflib's ratio).
_CLOSE = 0.75


def _rename(node: Any, old: Any, new: str, value: Any) -> None:
    line = node.key_lines.pop(old, node.line)
    del node[old]
    node[new] = value
    node.key_lines[new] = line


def unknown_fields(
    node: Any, allowed: tuple[str, ...], required: tuple[str, ...], what: str
) -> list[tuple[int, str]]:
    """(line, message) for each key of `node` (a LineDict) that `allowed` does not have."""
    from kiosk.services.lessons.yaml_lines import quoted

    found: list[tuple[int, str]] = []
    unknown = [key for key in node if key not in allowed]
    for key in unknown:
        line = node.key_lines.get(key, node.line)
        free = [name for name in allowed if name not in node]
        missing = [name for name in required if name not in node]
        text = str(key)
        name, colon, rest = text.partition(":")
        if colon and name.strip() in free and node[key] is None:
            found.append(
                (
                    line,
                    # TRANSLATORS: lesson validator; e.g. {id:a} written for {id: a}.
                    _("a space is missing after the colon in {key}: write {fixed}").format(
                        key=quoted(text), fixed=quoted(f"{name.strip()}: {rest.strip()}")
                    ),
                )
            )
            _rename(node, key, name.strip(), rest.strip())
            continue
        if node[key] is None and node.flow and line == node.line:
            found.append(
                (
                    line,
                    _(
                        "the text before {key} was cut short at a comma: inside {{ ... }} put "
                        "text with a comma in quotes"
                    ).format(key=quoted(text)),
                )
            )
            continue
        guess = difflib.get_close_matches(text, free, n=1, cutoff=_CLOSE)
        if not guess and len(unknown) == 1 and len(missing) == 1:
            guess = missing  # one field too many and one missing: the same field, renamed
        if guess:
            found.append(
                (
                    line,
                    _("unknown field {key} in {what}: did you mean {name}?").format(
                        key=quoted(text), what=what, name=quoted(guess[0])
                    ),
                )
            )
            _rename(node, key, guess[0], node[key])
            continue
        found.append(
            (
                line,
                _("unknown field {key} in {what} (the fields here: {allowed})").format(
                    key=quoted(text), what=what, allowed=", ".join(sorted(allowed))
                ),
            )
        )
    return found
