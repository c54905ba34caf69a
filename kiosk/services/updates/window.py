"""Whether software may be updated now: outside the site's opening hours and with no resident
in a session. `silver-kiosk updates check` answers it for the update policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.core.hours import closed_for, parse_hours
from kiosk.services.updates.session_lock import held, lock_paths


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str


def check(settings: Settings, now: datetime, paths: list[Path] | None = None) -> Verdict:
    """May an update start at `now` (local time)? The reason says why or why not."""
    paths = lock_paths(settings[opt.UPDATES_SESSION_LOCK]) if paths is None else paths
    busy = held(paths)
    if busy:
        return Verdict(False, f"a resident is in a session (lock held: {busy[0]})")
    hours = settings[opt.OPENING_HOURS]
    margin = settings[opt.UPDATES_CLOSED_MINUTES]
    if settings[opt.UPDATES_ONLY_WHEN_CLOSED] and not closed_for(parse_hours(hours), now, margin):
        return Verdict(
            False, f"the site is open, or opens within {margin} minutes ({hours or 'never'})"
        )
    return Verdict(True, f"no session open and the site is closed ({hours or 'never open'})")
