"""Bulgaria's projected grid CCS2005 (EPSG:7801) to and from WGS84 latitude and longitude.

Sofiaplan's ArcGIS data comes in WKID 7801 (PORTALS.md §4). The grid is Lambert Conformal
Conic with two standard parallels on the GRS80 ellipsoid (formulas from Snyder, "Map
Projections: A Working Manual", USGS 1987, pp. 107-109). BGS2005 and WGS84 differ by well under
a metre, far below what 'find help' needs, so no datum shift is applied.
"""

from __future__ import annotations

import math

# EPSG:7801 "BGS2005 / CCS2005": +proj=lcc +lat_0=42.667875683333 +lon_0=25.5 +lat_1=42
# +lat_2=43.333333333333 +x_0=500000 +y_0=4725824.3591 +ellps=GRS80
_A = 6_378_137.0
_F = 1 / 298.257222101
_E = math.sqrt(_F * (2 - _F))
_LAT0 = math.radians(42.667875683333)
_LON0 = math.radians(25.5)
_LAT1, _LAT2 = math.radians(42.0), math.radians(43 + 20 / 60)
_X0, _Y0 = 500_000.0, 4_725_824.3591


def _m(lat: float) -> float:
    return math.cos(lat) / math.sqrt(1 - (_E * math.sin(lat)) ** 2)


def _t(lat: float) -> float:
    s = _E * math.sin(lat)
    return float(math.tan(math.pi / 4 - lat / 2) / ((1 - s) / (1 + s)) ** (_E / 2))


_N = (math.log(_m(_LAT1)) - math.log(_m(_LAT2))) / (math.log(_t(_LAT1)) - math.log(_t(_LAT2)))
_BIG_F = _m(_LAT1) / (_N * _t(_LAT1) ** _N)
_RHO0 = _A * _BIG_F * _t(_LAT0) ** _N


def to_ccs2005(lat: float, lon: float) -> tuple[float, float]:
    """WGS84 degrees → (easting, northing) in metres on EPSG:7801."""
    rho = _A * _BIG_F * _t(math.radians(lat)) ** _N
    theta = _N * (math.radians(lon) - _LON0)
    return _X0 + rho * math.sin(theta), _Y0 + _RHO0 - rho * math.cos(theta)


def from_ccs2005(x: float, y: float) -> tuple[float, float]:
    """(easting, northing) in metres on EPSG:7801 → WGS84 (lat, lon) degrees."""
    dx, dy = x - _X0, _RHO0 - (y - _Y0)
    rho = math.copysign(math.hypot(dx, dy), _N)
    theta = math.atan2(dx, dy)
    t = (rho / (_A * _BIG_F)) ** (1 / _N)
    lat = math.pi / 2 - 2 * math.atan(t)
    for _ in range(15):  # converges to < 1e-12 rad in a handful of steps
        s = _E * math.sin(lat)
        new = math.pi / 2 - 2 * math.atan(t * ((1 - s) / (1 + s)) ** (_E / 2))
        if abs(new - lat) < 1e-12:
            lat = new
            break
        lat = new
    return math.degrees(lat), math.degrees(theta / _N + _LON0)


def looks_like_ccs2005(x: float, y: float) -> bool:
    """Numbers that cannot be degrees but fall on Bulgaria in EPSG:7801 metres."""
    return 50_000 <= x <= 950_000 and 4_400_000 <= y <= 4_950_000
