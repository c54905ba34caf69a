"""What a practice widget draws, worked out from its params: no Qt, so QML only lays it out.

The inbox shows each message's red flags on the message itself: `segments()` cuts a text into
words and the flagged phrases (numbered like the list of flags under the message), so the view
can highlight exactly the words that give the message away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

INBOX_FIELDS = ("sender", "text", "link")
_TRAILING = '.,:;!?“”"»)'


def find_words(text: str, words: str) -> int:
    """Where `words` stand in `text` (case forgiven), or -1."""
    if not words.strip():
        return -1
    return text.casefold().find(words.strip().casefold())


def segments(text: str, marks: Sequence[tuple[str, str, int]]) -> list[dict[str, Any]]:
    """`text` as drawable pieces: single words, and each marked phrase whole.

    `marks` are (id, words, number); a phrase that is not in the text, or that overlaps an
    earlier one, is left out. Each piece is {"text", "flag" (the mark's id or ""), "number"}.
    """
    spans: list[tuple[int, int, str, int]] = []
    for mark_id, words, number in marks:
        start = find_words(text, words)
        if start < 0:
            continue
        end = start + len(words.strip())
        while end < len(text) and text[end] in _TRAILING:  # "до 24 часа:" keeps its colon
            end += 1
        if any(start < e and s < end for s, e, _i, _n in spans):
            continue
        spans.append((start, end, mark_id, number))
    spans.sort()
    pieces: list[dict[str, Any]] = []
    at = 0
    for start, end, mark_id, number in [*spans, (len(text), len(text), "", 0)]:
        pieces += [{"text": w, "flag": "", "number": 0} for w in text[at:start].split()]
        if mark_id:
            pieces.append({"text": text[start:end], "flag": mark_id, "number": number})
        at = end
    return pieces


def inbox_message(message: Mapping[str, Any]) -> dict[str, Any]:
    """A message with, per field, its pieces and which of its flags were found where."""
    flags = [f for f in message.get("red_flags") or [] if isinstance(f, Mapping)]
    marks = [(str(f.get("id")), str(f.get("words") or ""), n) for n, f in enumerate(flags, 1)]
    view = dict(message)
    placed: set[str] = set()
    for field in INBOX_FIELDS:
        value = str(message.get(field) or "")
        remaining = [m for m in marks if m[0] not in placed]
        pieces = segments(value, remaining) if value else []
        placed |= {p["flag"] for p in pieces if p["flag"]}
        view[f"{field}_pieces"] = pieces
    view["red_flags"] = [
        {**f, "number": n, "placed": str(f.get("id")) in placed} for n, f in enumerate(flags, 1)
    ]
    return view


def unplaced_flags(message: Mapping[str, Any]) -> list[str]:
    """Ids of the message's red flags whose `words` are not in its sender, text or link."""
    return [f["id"] for f in inbox_message(message)["red_flags"] if not f["placed"]]


def mixed(moves: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The moves in an order that is the same every time but not the order they are written in
    (the right steps first would give the answer away)."""
    return sorted(moves, key=lambda m: hashlib.sha1(str(m.get("id")).encode()).hexdigest())


def prepare(widget_type: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The params a widget's QML gets: as written, plus what it draws worked out."""
    result = dict(params)
    if widget_type == "inbox_sim":
        result["messages"] = [inbox_message(m) for m in params.get("messages") or []]
    if widget_type == "recovery_sim":
        steps = [dict(s, right=True) for s in params.get("steps") or []]
        wrong = [dict(w, right=False) for w in params.get("wrong") or []]
        result["actions"] = mixed([*steps, *wrong])
    return result
