"""EPSG:7801 (Bulgaria's CCS2005 grid) to and from WGS84."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.geo import from_ccs2005, looks_like_ccs2005, to_ccs2005
from kiosk.core.portal import distance_m


def test_the_false_origin_is_where_the_definition_puts_it() -> None:
    lat, lon = from_ccs2005(500_000, 4_725_824.3591)
    assert lat == pytest.approx(42.667875683333, abs=1e-9) and lon == pytest.approx(25.5)
    assert to_ccs2005(42.667875683333, 25.5) == pytest.approx((500_000, 4_725_824.3591))


def test_scale_is_true_on_the_standard_parallels() -> None:
    # On 42° N and 43°20' N the grid keeps distances; compare with the ellipsoid's parallel arc.
    for lat in (42.0, 43 + 1 / 3):
        west, east = to_ccs2005(lat, 24.0), to_ccs2005(lat, 24.01)
        phi = math.radians(lat)
        e2 = 0.00669438002290  # GRS80
        arc = 6_378_137 * math.cos(phi) / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        assert math.dist(west, east) == pytest.approx(arc * math.radians(0.01), rel=1e-5)


def test_sofia_lies_where_a_map_says() -> None:
    x, y = to_ccs2005(42.6936, 23.3229)  # ~180 km west of 25.5° E, ~2.8 km north of 42.668°
    assert looks_like_ccs2005(x, y)
    assert 500_000 - x == pytest.approx(178_400, abs=500)
    assert distance_m(42.6936, 23.3229, *from_ccs2005(x + 1000, y)) == pytest.approx(1000, rel=0.01)


@given(st.floats(41.2, 44.3), st.floats(22.3, 28.7))
def test_round_trip_across_bulgaria(lat: float, lon: float) -> None:
    back = from_ccs2005(*to_ccs2005(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-9)
