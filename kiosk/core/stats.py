"""Anonymous daily counts and how they are published: small counts hidden, totals kept safe.

Only counts are kept, per day, metric and a value from a fixed list (a language code, a service
name from the kiosk's own list, a session-length bucket): never free text, never anything per card
or per person. Every export hides counts below the threshold as "<N", and when one cell in a group
is hidden, the next smallest is hidden too, so the day's total cannot give the hidden one away;
that second cell's count is N or more, so it carries its own mark, ">=N": a published file never
says "<N" of a count that is not below N. Both marks are explained in the file itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kiosk.i18n import N_

SESSIONS = "sessions"
LANGUAGE = "language"
SESSION_LENGTH = "session_length"
LESSON_STARTED = "lesson_started"
LESSON_COMPLETED = "lesson_completed"
SERVICE_USED = "service_used"
METRICS = (SESSIONS, LANGUAGE, SESSION_LENGTH, LESSON_STARTED, LESSON_COMPLETED, SERVICE_USED)

# Upper bounds in minutes; a session longer than the last bound is "60+".
_BUCKETS = ((2, "0-2 min"), (5, "2-5 min"), (15, "5-15 min"), (30, "15-30 min"), (60, "30-60 min"))
LENGTH_BUCKETS = (*(name for _, name in _BUCKETS), "60+ min")
CSV_HEADER = ("date", "metric", "value", "count", "note")
# What the two marks mean, for the file's "note" column and a data dictionary (translated where
# they are written: the caller passes them through gettext).
NOTE_SMALL = N_("Between 1 and {n_minus_1}: hidden so that no one person can be picked out.")
NOTE_PROTECTS = N_(
    "{n} or more: hidden so that a smaller hidden count in the same group cannot be worked out "
    "from the day's total."
)


def length_bucket(seconds: float) -> str:
    """The session-length bucket a session of `seconds` falls in."""
    for bound, name in _BUCKETS:
        if seconds < bound * 60:
            return name
    return LENGTH_BUCKETS[-1]


def safe_value(value: str) -> str:
    """A value fit to be counted: short, one line, no separators (keys come from fixed lists)."""
    cleaned = "".join(ch for ch in value if ch.isalnum() or ch in "-_.+ ")[:40].strip()
    return cleaned or "other"


@dataclass(frozen=True)
class Cell:
    day: str  # ISO date
    metric: str
    value: str
    count: int


@dataclass(frozen=True)
class Published:
    """A cell as published: its count, or None when hidden, and the mark shown instead."""

    cell: Cell
    count: int | None
    mark: str  # "" when the count is shown; small_mark() or protects_mark() when hidden

    @property
    def text(self) -> str:
        return self.mark or str(self.count)


def small_mark(threshold: int) -> str:
    """The mark of a count from 1 to threshold - 1."""
    return f"<{threshold}"


def protects_mark(threshold: int) -> str:
    """The mark of a count of threshold or more, hidden to protect a small one beside it."""
    return f">={threshold}"


def publish(cells: Sequence[Cell], threshold: int) -> list[Published]:
    """Each cell as it may be published.

    Primary: counts from 1 to threshold-1 are hidden, marked "<threshold" (0 is not a person).
    Secondary: within one day and metric, a lone hidden cell could be worked out from the day's
    total, so the smallest shown cell of that group is hidden as well, marked ">=threshold"
    (its count is at least the threshold; saying "<threshold" of it would be false). A group
    holding a single cell (the day's sessions) is its own total and needs nothing more.
    """
    small = {i for i, c in enumerate(cells) if 0 < c.count < threshold}
    protects: set[int] = set()
    groups: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(cells):
        groups.setdefault((c.day, c.metric), []).append(i)
    for members in groups.values():
        if len(members) > 1 and sum(1 for i in members if i in small) == 1:
            shown = [i for i in members if i not in small and cells[i].count > 0]
            if shown:
                protects.add(min(shown, key=lambda i: cells[i].count))
    out = []
    for i, c in enumerate(cells):
        if i in small:
            out.append(Published(c, None, small_mark(threshold)))
        elif i in protects:
            out.append(Published(c, None, protects_mark(threshold)))
        else:
            out.append(Published(c, c.count, ""))
    return out


def suppress(cells: Sequence[Cell], threshold: int) -> list[tuple[Cell, str]]:
    """Each cell with the text to publish: its count or its mark (see `publish`)."""
    return [(p.cell, p.text) for p in publish(cells, threshold)]


def notes(threshold: int, translate: Callable[[str], str] = lambda text: text) -> dict[str, str]:
    """What each mark means, by mark, in the language `translate` gives."""
    return {
        small_mark(threshold): translate(NOTE_SMALL).format(n_minus_1=threshold - 1),
        protects_mark(threshold): translate(NOTE_PROTECTS).format(n=threshold),
    }


def ordered(cells: Iterable[Cell]) -> list[Cell]:
    """Cells by day, then metric in the fixed order, then value."""
    return sorted(cells, key=lambda c: (c.day, METRICS.index(c.metric), c.value))


def to_csv(
    cells: Iterable[Cell], threshold: int, translate: Callable[[str], str] = lambda text: text
) -> str:
    """The CSV file's text: one row per day, metric and value, with suppression applied; a
    hidden cell's "note" says what its mark means."""
    meaning = notes(threshold, translate)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for p in publish(ordered(cells), threshold):
        c = p.cell
        writer.writerow((c.day, c.metric, c.value, p.text, meaning.get(p.mark, "")))
    return out.getvalue()
