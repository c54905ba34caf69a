"""The anonymous daily counts as rows of a city's open-data table (a CKAN DataStore resource).

One row per site, day, metric and value — the table's primary key, so sending a day again
replaces its rows instead of adding to them. A count below the threshold, or hidden to protect
one, is published as no number (null) with its mark; the table's data dictionary (the fields'
`info`) explains both marks. Nothing else leaves the kiosk: no times of day, no free text,
nothing per card or per person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from kiosk.core import stats
from kiosk.core.stats import Cell

KIND = "statistics"  # the outbox kind of a publication
PRIMARY_KEY = ("site", "date", "metric", "value")
# How many complete days each daily publication carries: a kiosk that was offline for a few
# days catches up, and a day sent again replaces itself.
WINDOW_DAYS = 7


def fields(threshold: int) -> list[dict[str, Any]]:
    """The table's columns with their data dictionary (CKAN DataStore `fields` with `info`)."""
    notes = stats.notes(threshold)
    small, protects = stats.small_mark(threshold), stats.protects_mark(threshold)

    def field(name: str, kind: str, label: str, text: str) -> dict[str, Any]:
        return {"id": name, "type": kind, "info": {"label": label, "notes": text}}

    return [
        field("site", "text", "Site", "The kiosk's site, as the city named it (site.id)."),
        field("date", "date", "Day", "The local day the counts are for."),
        field("metric", "text", "What is counted", ", ".join(stats.METRICS) + "."),
        field(
            "value",
            "text",
            "Which one",
            "A language, length bucket, lesson or service; empty for the day's sessions.",
        ),
        field(
            "count",
            "int",
            "Count",
            f"Empty when hidden; see mark. {small}: {notes[small]} {protects}: {notes[protects]}",
        ),
        field(
            "mark",
            "text",
            "Mark",
            f"Empty when the count is shown; '{small}' or "
            f"'{protects}' when it is hidden (see count).",
        ),
    ]


def days_to_publish(today: date, first_day: date | None) -> list[date]:
    """The complete days a publication made `today` carries: up to WINDOW_DAYS before today,
    none before the kiosk's first counted day."""
    start = today - timedelta(days=WINDOW_DAYS)
    start = max(start, first_day) if first_day is not None else today
    return [start + timedelta(days=n) for n in range((today - start).days)]


def records(
    site: str, cells: Iterable[Cell], days: list[date], threshold: int
) -> list[dict[str, Any]]:
    """The table rows for `days`: every counted cell, suppressed, plus a sessions row of 0 for a
    day nobody came (so every site has every day)."""
    wanted = {d.isoformat() for d in days}
    chosen = [c for c in cells if c.day in wanted]
    counted = {c.day for c in chosen if c.metric == stats.SESSIONS}
    chosen += [Cell(d, stats.SESSIONS, "", 0) for d in sorted(wanted - counted)]
    return [
        {
            "site": site,
            "date": p.cell.day,
            "metric": p.cell.metric,
            "value": p.cell.value,
            "count": p.count,
            "mark": p.mark,
        }
        for p in stats.publish(stats.ordered(chosen), threshold)
    ]
