"""Distances and times said the way people say them: rounded metres, minutes on foot, minutes
until a bus comes, and a map link for a place's coordinates."""

from __future__ import annotations

import math
from datetime import datetime

# Older people walk about 1 m/s or slower; 60 m a minute keeps the promise modest.
SENIOR_WALK_M_PER_MIN = 60.0


def rounded_metres(metres: float) -> int:
    """A distance rounded as a person would say it: 10 m steps under 100 m, 50 m steps under
    1 km, 100 m steps beyond; never 0 (a place at the door is still "about 10 metres")."""
    step = 10 if metres < 100 else 50 if metres < 1000 else 100
    return max(step, round(metres / step) * step)


def walking_minutes(metres: float, speed_m_per_min: float = SENIOR_WALK_M_PER_MIN) -> int:
    """Whole minutes on foot at a slow pace, rounded up, at least 1."""
    return max(1, math.ceil(metres / speed_m_per_min - 1e-9))


def minutes_until(when: datetime, now: datetime) -> int:
    """Whole minutes from now until `when` (0 when it is due or already past)."""
    return max(0, int((when - now).total_seconds() // 60))


def map_link(lat: float, lon: float) -> str:
    """An OpenStreetMap address that opens a map with a marker on the place (any phone)."""
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}"
    )


def geo_uri(lat: float, lon: float) -> str:
    """RFC 5870 geo: URI (phone map apps open it directly)."""
    return f"geo:{lat:.5f},{lon:.5f}"
