"""The geometry of corrections: merge rooms across a wall, split one along a line, a
ceiling plane through heights at a few points. Pure shapely and numpy, in local metres.

>>> from shapely.geometry import box
>>> round(merge_polygons([box(0, 0, 3, 3), box(3.1, 0, 6, 3)]).area, 2)  # a 0.1 m wall between
18.0
>>> [round(p.area, 2) for p in split_polygon(box(0, 0, 4, 3), LineString([(1, 1), (1, 2)]))]
[9.0, 3.0]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.ops import split

from floorplan.geometry import polygons_of

#: rooms further apart than this (metres) are not beside each other: no merge
MAX_WALL = 0.5
#: heights further than this (metres) from one plane are not one slope
PLANE_TOLERANCE = 0.02


def merge_polygons(polys: Sequence[Polygon], max_gap: float = MAX_WALL) -> Polygon:
    """One polygon covering ``polys`` and the wall between them (at most ``max_gap`` thick).

    Only the strips that join two of the rooms are added; the rooms' other sides stay as
    drawn. Raises ``ValueError`` when they are not beside each other.
    """
    union = shapely.union_all(list(polys))
    parts = polygons_of(union)
    if len(parts) == 1:
        return parts[0]
    need = _bottleneck(parts)
    if need > max_gap:
        raise ValueError(f"the rooms are {need:.2f} m apart, more than a wall ({max_gap} m): "
                         "only rooms beside each other can be merged")
    r = need / 2 + 1e-3
    closed = union.buffer(r, join_style="mitre").buffer(-r, join_style="mitre")
    bridges = [b for b in polygons_of(closed.difference(union))
               if sum(b.distance(p) < 1e-6 for p in parts) >= 2]
    merged = polygons_of(shapely.union_all([union, *bridges]))
    if len(merged) != 1:
        raise ValueError("the rooms could not be joined into one outline")
    return merged[0]


def _bottleneck(parts: list[Polygon]) -> float:
    """The smallest gap that joins every part to the others (the largest edge of their
    minimum spanning tree)."""
    joined = {0}
    need = 0.0
    while len(joined) < len(parts):
        d, j = min((parts[i].distance(parts[k]), k) for i in joined
                   for k in range(len(parts)) if k not in joined)
        need = max(need, d)
        joined.add(j)
    return need


def split_polygon(poly: Polygon, line: LineString) -> list[Polygon]:
    """``poly`` cut along ``line`` (its ends carried on straight across the room), largest
    piece first; one piece when the line does not cross it."""
    coords = list(line.coords)
    minx, miny, maxx, maxy = poly.bounds
    reach = math.hypot(maxx - minx, maxy - miny) + 1.0
    coords[0] = _beyond(coords[1], coords[0], reach)
    coords[-1] = _beyond(coords[-2], coords[-1], reach)
    pieces = [p for p in polygons_of(split(poly, LineString(coords))) if p.area > 1e-6]
    return sorted(pieces, key=lambda p: (-p.area, p.centroid.x, p.centroid.y))


def _beyond(a: Sequence[float], b: Sequence[float], reach: float) -> tuple[float, float]:
    """``b`` moved ``reach`` further along the direction from ``a`` to ``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    if n == 0:
        return float(b[0]), float(b[1])
    return b[0] + dx / n * reach, b[1] + dy / n * reach


def plane_heights(poly: Polygon, points: Sequence[tuple[float, float, float]]) -> tuple[float, ...]:
    """The height at each exterior vertex of ``poly`` of the ceiling plane through
    ``points`` (x, y, h): two points slope it along the line between them (level across
    it), three or more must lie on one plane. Heights below 0 are 0."""
    a, b, c = _plane(np.asarray(points, dtype=float))
    xy = np.asarray(poly.exterior.coords)[:-1, :2]
    return tuple(max(0.0, float(a * x + b * y + c)) for x, y in xy)


def _plane(pts: np.ndarray) -> tuple[float, float, float]:
    xy, h = pts[:, :2], pts[:, 2]
    centre = xy.mean(axis=0)
    # the points' own directions: a line of points gives one, a spread of points two
    _, sv, vt = np.linalg.svd(xy - centre)
    if sv[0] < 1e-6:
        raise ValueError("the heights are all given at one point: give them at two or more")
    if len(pts) == 2 or sv[1] < 1e-6 * max(1.0, sv[0]):
        u = vt[0]
        t = (xy - centre) @ u
        slope, h0 = np.polyfit(t, h, 1)
        resid = float(np.max(np.abs(slope * t + h0 - h)))
        a, b = slope * u
        c = h0 - a * centre[0] - b * centre[1]
    else:
        m = np.column_stack([xy, np.ones(len(xy))])
        (a, b, c), *_ = np.linalg.lstsq(m, h, rcond=None)
        resid = float(np.max(np.abs(m @ np.array([a, b, c]) - h)))
    if resid > PLANE_TOLERANCE:
        raise ValueError(f"the heights are not on one plane (one is {resid:.2f} m off it): give "
                         "each slope its own [[ceiling]] with an 'outline'")
    return float(a), float(b), float(c)
