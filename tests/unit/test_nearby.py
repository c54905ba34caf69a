"""Distances, walking times, minutes to a departure, map links, as people say them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.nearby import (
    geo_uri,
    map_link,
    minutes_until,
    rounded_metres,
    walking_minutes,
)


def test_distances_are_rounded_as_spoken() -> None:
    assert [rounded_metres(m) for m in (3, 44, 96, 260, 274, 999, 1260)] == [
        10, 40, 100, 250, 250, 1000, 1300,
    ]  # fmt: skip


def test_walking_is_slow_and_never_zero() -> None:
    assert walking_minutes(0) == 1
    assert walking_minutes(60) == 1
    assert walking_minutes(61) == 2
    assert walking_minutes(300) == 5


@given(st.floats(min_value=0, max_value=50_000))
def test_walking_time_covers_the_distance(metres: float) -> None:
    assert walking_minutes(metres) * 60 >= metres


def test_minutes_until_a_departure() -> None:
    now = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert minutes_until(now + timedelta(seconds=59), now) == 0
    assert minutes_until(now + timedelta(minutes=4, seconds=30), now) == 4
    assert minutes_until(now - timedelta(minutes=2), now) == 0


def test_map_links() -> None:
    assert map_link(42.6936, 23.3229) == (
        "https://www.openstreetmap.org/?mlat=42.69360&mlon=23.32290#map=18/42.69360/23.32290"
    )
    assert geo_uri(42.6936, 23.3229) == "geo:42.69360,23.32290"
