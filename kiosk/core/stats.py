"""Anonymous daily counts and how they are published: small counts hidden, totals kept safe.

Only counts are kept, per day, metric and a value from a fixed list (a language code, a service
name from the kiosk's own list, a session-length bucket): never free text, never anything per card
or per person. Every export hides counts below the threshold as "<N", and when one cell in a group
is hidden, the next smallest is hidden too, so the day's total cannot give the hidden one away.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
CSV_HEADER = ("date", "metric", "value", "count")


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


def suppress(cells: Sequence[Cell], threshold: int) -> list[tuple[Cell, str]]:
    """Each cell with the text to publish: its count, or "<threshold" when hidden.

    Primary: counts from 1 to threshold-1 are hidden (0 is not a person). Secondary: within one
    day and metric, a lone hidden cell could be worked out from the day's total, so the smallest
    shown cell of that group is hidden as well. A group holding a single cell (the day's
    sessions) is its own total and needs nothing more.
    """
    hidden = {i for i, c in enumerate(cells) if 0 < c.count < threshold}
    groups: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(cells):
        groups.setdefault((c.day, c.metric), []).append(i)
    for members in groups.values():
        if len(members) > 1 and sum(1 for i in members if i in hidden) == 1:
            shown = [i for i in members if i not in hidden and cells[i].count > 0]
            if shown:
                hidden.add(min(shown, key=lambda i: cells[i].count))
    mark = f"<{threshold}"
    return [(c, mark if i in hidden else str(c.count)) for i, c in enumerate(cells)]


def to_csv(cells: Iterable[Cell], threshold: int) -> str:
    """The CSV file's text: one row per day, metric and value, with suppression applied."""
    ordered = sorted(cells, key=lambda c: (c.day, METRICS.index(c.metric), c.value))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for cell, text in suppress(ordered, threshold):
        writer.writerow((cell.day, cell.metric, cell.value, text))
    return out.getvalue()
