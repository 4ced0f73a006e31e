"""The coordinate reference system a GeoJSON plan declares, and longitude/latitude from it.

A plan in a projected CRS is not in plain metres: Web Mercator (EPSG:3857) stretches
lengths by 1/cos(latitude), so a true 12.00 m² room in Essex measures 30.97 m² in its
coordinates; a national grid is off by its scale factor (up to 0.08 % in area for the
British National Grid). So a declared CRS is always converted, never ignored: its
coordinates go to longitude/latitude on its own ellipsoid, then to local metres
(:mod:`.lonlat`). A CRS that cannot be converted is refused with one line naming it.

How:

- with **pyproj** installed (``pip install 'floorplan-check[geo]'``) every CRS PROJ knows is
  converted by PROJ;
- without it, the ones that are exact by formula: longitude/latitude (EPSG:4326, CRS84,
  ETRS89, NAD83), Web Mercator (closed form), and the Transverse Mercator grids of
  :data:`TM_GRIDS` (British National Grid, Irish grids, UTM), by Ordnance Survey's
  published series (a millimetre within 4° of the central meridian).

>>> parse("urn:ogc:def:crs:EPSG::27700", "p.geojson")
'EPSG:27700'
>>> lon, lat = tm_inverse([[651409.903, 313177.270]], TM_GRIDS[27700])[0]  # OS's example
>>> round(float(lat), 7), round(float(lon), 7)
(52.6575703, 1.7179216)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from floorplan.errors import PlanReadError

WGS84 = (6378137.0, 1 / 298.257223563)
GRS80 = (6378137.0, 1 / 298.257222101)
AIRY = (6377563.396, 1 - 6356256.909 / 6377563.396)
AIRY_MOD = (6377340.189, 1 - 6356034.447 / 6377340.189)
#: CRSs whose GeoJSON coordinates are longitude, latitude (datum shifts of a metre or two
#: do not change a room's shape)
GEOGRAPHIC = {"EPSG:4326": WGS84, "OGC:CRS84": WGS84, "EPSG:4258": GRS80, "EPSG:4269": GRS80,
              "EPSG:4979": WGS84, "EPSG:4937": GRS80}
#: Web Mercator and the names it has had
WEB_MERCATOR = {"EPSG:3857", "EPSG:900913", "EPSG:3785", "EPSG:102100", "EPSG:102113",
                "ESRI:102100", "ESRI:102113"}
_R = 6378137.0  # Web Mercator's sphere


@dataclass(frozen=True)
class TM:
    """A Transverse Mercator grid: ellipsoid (a, f), scale, true origin, false origin."""

    ellipsoid: tuple[float, float]
    k0: float
    lat0: float
    lon0: float
    e0: float
    n0: float


TM_GRIDS: dict[int, TM] = {
    27700: TM(AIRY, 0.9996012717, 49.0, -2.0, 400000.0, -100000.0),  # British National Grid
    29903: TM(AIRY_MOD, 1.000035, 53.5, -8.0, 200000.0, 250000.0),   # Irish Grid (TM75)
    29902: TM(AIRY_MOD, 1.000035, 53.5, -8.0, 200000.0, 250000.0),   # Irish Grid (TM65)
    2157: TM(GRS80, 0.99982, 53.5, -8.0, 600000.0, 750000.0),        # Irish Transverse Mercator
}
for _z in range(1, 61):  # UTM on WGS84, north and south
    TM_GRIDS[32600 + _z] = TM(WGS84, 0.9996, 0.0, -183.0 + 6 * _z, 500000.0, 0.0)
    TM_GRIDS[32700 + _z] = TM(WGS84, 0.9996, 0.0, -183.0 + 6 * _z, 500000.0, 10000000.0)
for _z in range(28, 39):  # ETRS89 UTM zones
    TM_GRIDS[25800 + _z] = TM(GRS80, 0.9996, 0.0, -183.0 + 6 * _z, 500000.0, 0.0)


@dataclass(frozen=True)
class Crs:
    """A declared CRS and how to get longitude/latitude (degrees, on ``ellipsoid``) from it."""

    name: str
    geographic: bool
    ellipsoid: tuple[float, float]
    to_lonlat: Callable[[np.ndarray], np.ndarray]
    from_lonlat: Callable[[np.ndarray], np.ndarray]
    how: str  # "formula" or "pyproj"


def parse(value: Any, source: str) -> str | None:
    """The CRS a GeoJSON ``crs`` member names (``EPSG:27700``, ``OGC:CRS84``, or the name as
    given), ``None`` when there is none; :class:`PlanReadError` when it is malformed."""
    if value is None:
        return None
    name: Any = value
    if isinstance(value, dict):
        props = value.get("properties")
        ctype = value.get("type")
        if not isinstance(props, dict):
            raise PlanReadError(source, "'crs' has no 'properties' object (expected "
                                '{"type": "name", "properties": {"name": "EPSG:..."}})', "crs")
        if ctype == "link":
            raise PlanReadError(source, "a linked 'crs' cannot be followed; name the "
                                "coordinate system (\"EPSG:...\") instead", "crs")
        if ctype == "EPSG" and "code" in props:
            name = f"EPSG:{props['code']}"
        else:
            name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PlanReadError(source, f"'crs' must name a coordinate system, not {value!r:.80}",
                            "crs")
    return normalise(name)


def normalise(name: str) -> str:
    """``EPSG:NNNN`` for the spellings of an EPSG code, ``OGC:CRS84`` for CRS84."""
    low = name.strip().lower()
    if re.search(r"crs:?84$", low):
        return "OGC:CRS84"
    for authority in ("epsg", "esri"):
        if authority in low:
            digits = re.findall(r"\d+", low.split(authority, 1)[1])
            if digits:
                return f"{authority.upper()}:{int(digits[-1])}"
    return name.strip()


def resolve(name: str, source: str) -> Crs:
    """How to read coordinates in ``name``; :class:`PlanReadError` naming it when they
    cannot be read."""
    if name in GEOGRAPHIC:
        def ident(xy: np.ndarray) -> np.ndarray:
            return xy
        return Crs(name, True, GEOGRAPHIC[name], ident, ident, "formula")
    if name in WEB_MERCATOR:
        return Crs(name, False, WGS84, mercator_inverse, mercator_forward, "formula")
    via = _pyproj(name, source)
    if via is not None:
        return via
    code = int(name.split(":")[1]) if name.startswith("EPSG:") else None
    if code in TM_GRIDS:
        grid = TM_GRIDS[code]
        return Crs(name, False, grid.ellipsoid, lambda xy: tm_inverse(xy, grid),
                   lambda ll: tm_forward(ll, grid), "formula")
    raise PlanReadError(source, f"coordinate system {name!r} cannot be converted without "
                        "pyproj (pip install 'floorplan-check[geo]'); floorplan reads lon/lat, Web "
                        "Mercator, the British and Irish grids and UTM by itself", "crs")


def _pyproj(name: str, source: str) -> Crs | None:
    try:
        import pyproj
    except ImportError:
        return None
    try:
        crs = pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        raise PlanReadError(source, f"unknown coordinate system {name!r}", "crs") from None
    if crs.is_compound:
        crs = next((c for c in crs.sub_crs_list if c.is_projected or c.is_geographic), crs)
    ell = crs.ellipsoid
    if ell is None or not (crs.is_projected or crs.is_geographic):
        raise PlanReadError(source, f"coordinate system {name!r} is neither longitude/latitude "
                            "nor a map projection; floorplan cannot place it", "crs")
    ellipsoid = (ell.semi_major_metre, 1 / ell.inverse_flattening if ell.inverse_flattening else 0.0)
    if crs.is_geographic:
        def ident(xy: np.ndarray) -> np.ndarray:
            return xy
        return Crs(name, True, ellipsoid, ident, ident, "pyproj")
    inv = pyproj.Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    fwd = pyproj.Transformer.from_crs(crs.geodetic_crs, crs, always_xy=True)

    def to_ll(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(inv.transform(xy[:, 0], xy[:, 1]))

    def from_ll(ll: np.ndarray) -> np.ndarray:
        return np.column_stack(fwd.transform(ll[:, 0], ll[:, 1]))

    return Crs(name, False, ellipsoid, to_ll, from_ll, "pyproj")


# --------------------------------------------------------------------------- formulas


def mercator_inverse(xy: np.ndarray) -> np.ndarray:
    """Web Mercator metres to longitude/latitude (degrees): exact, closed form."""
    xy = np.asarray(xy, dtype=float)
    lon = np.degrees(xy[:, 0] / _R)
    lat = np.degrees(2 * np.arctan(np.exp(xy[:, 1] / _R)) - math.pi / 2)
    return np.column_stack([lon, lat])


def mercator_forward(ll: np.ndarray) -> np.ndarray:
    ll = np.asarray(ll, dtype=float)
    x = np.radians(ll[:, 0]) * _R
    y = _R * np.log(np.tan(math.pi / 4 + np.radians(ll[:, 1]) / 2))
    return np.column_stack([x, y])


def _arc(phi: np.ndarray, g: TM, b: float, n: float) -> np.ndarray:
    """The meridional arc from the true origin's latitude (OS guide, C1)."""
    p0 = math.radians(g.lat0)
    d, s = phi - p0, phi + p0
    return b * g.k0 * ((1 + n + 1.25 * n**2 + 1.25 * n**3) * d
                       - (3 * n + 3 * n**2 + 21 / 8 * n**3) * np.sin(d) * np.cos(s)
                       + (15 / 8 * n**2 + 15 / 8 * n**3) * np.sin(2 * d) * np.cos(2 * s)
                       - 35 / 24 * n**3 * np.sin(3 * d) * np.cos(3 * s))


def _consts(g: TM) -> tuple[float, float, float, float]:
    a, f = g.ellipsoid
    b = a * (1 - f)
    return a, b, (a * a - b * b) / (a * a), (a - b) / (a + b)


def tm_inverse(en: Any, g: TM) -> np.ndarray:
    """Grid eastings/northings to longitude/latitude (degrees) on the grid's ellipsoid."""
    en = np.asarray(en, dtype=float).reshape(-1, 2)
    a, b, e2, n = _consts(g)
    east, north = en[:, 0] - g.e0, en[:, 1]
    phi = (north - g.n0) / (a * g.k0) + math.radians(g.lat0)
    for _ in range(20):
        m = _arc(phi, g, b, n)
        step = (north - g.n0 - m) / (a * g.k0)
        phi = phi + step
        if np.all(np.abs(north - g.n0 - m) < 1e-5):
            break
    s, t = np.sin(phi), np.tan(phi)
    nu = a * g.k0 / np.sqrt(1 - e2 * s * s)
    rho = a * g.k0 * (1 - e2) / (1 - e2 * s * s) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / np.cos(phi)
    vii = t / (2 * rho * nu)
    viii = t / (24 * rho * nu**3) * (5 + 3 * t**2 + eta2 - 9 * t**2 * eta2)
    ix = t / (720 * rho * nu**5) * (61 + 90 * t**2 + 45 * t**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * t**2)
    xii = sec / (120 * nu**5) * (5 + 28 * t**2 + 24 * t**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * t**2 + 1320 * t**4 + 720 * t**6)
    lat = phi - vii * east**2 + viii * east**4 - ix * east**6
    lon = math.radians(g.lon0) + x * east - xi * east**3 + xii * east**5 - xiia * east**7
    return np.column_stack([np.degrees(lon), np.degrees(lat)])


def tm_forward(ll: Any, g: TM) -> np.ndarray:
    """Longitude/latitude (degrees, on the grid's ellipsoid) to grid eastings/northings."""
    ll = np.asarray(ll, dtype=float).reshape(-1, 2)
    a, b, e2, n = _consts(g)
    phi, dl = np.radians(ll[:, 1]), np.radians(ll[:, 0] - g.lon0)
    s, c, t = np.sin(phi), np.cos(phi), np.tan(phi)
    nu = a * g.k0 / np.sqrt(1 - e2 * s * s)
    rho = a * g.k0 * (1 - e2) / (1 - e2 * s * s) ** 1.5
    eta2 = nu / rho - 1
    m = _arc(phi, g, b, n)
    i = m + g.n0
    ii = nu / 2 * s * c
    iii = nu / 24 * s * c**3 * (5 - t**2 + 9 * eta2)
    iiia = nu / 720 * s * c**5 * (61 - 58 * t**2 + t**4)
    iv = nu * c
    v = nu / 6 * c**3 * (nu / rho - t**2)
    vi = nu / 120 * c**5 * (5 - 18 * t**2 + t**4 + 14 * eta2 - 58 * t**2 * eta2)
    north = i + ii * dl**2 + iii * dl**4 + iiia * dl**6
    east = g.e0 + iv * dl + v * dl**3 + vi * dl**5
    return np.column_stack([east, north])


__all__ = ["Crs", "GEOGRAPHIC", "TM", "TM_GRIDS", "WEB_MERCATOR", "normalise", "parse",
           "resolve", "tm_forward", "tm_inverse"]
