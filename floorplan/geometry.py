"""Pure shapely geometry: polygons, clear circles, widths held along a passage.

Nothing here knows about files, rules or output. The ceilings over a room and the floor
they leave counted are in :mod:`floorplan.headroom`; the exact clear-circle solver is in
:mod:`floorplan.inscribed`.

>>> from shapely.geometry import box
>>> c = largest_circle(box(0, 0, 4, 3))
>>> round(c.diameter, 6)
3.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from floorplan.inscribed import inscribed_circles
from floorplan.inscribed.local import local_circles

#: below this many square metres a sliver left by clipping is dropped
AREA_EPS = 1e-9
#: widths are tried with a square this much narrower (metres): see :func:`held_width`
WIDTH_SLACK = 5e-4

def polygons_of(geom: BaseGeometry | None) -> list[Polygon]:
    """The polygon parts of any geometry (empty and lower-dimension parts dropped)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom] if geom.area > AREA_EPS else []
    out: list[Polygon] = []
    for part in getattr(geom, "geoms", ()):
        out.extend(polygons_of(part))
    return out


def as_area(geom: BaseGeometry | None) -> Polygon | MultiPolygon:
    """``geom`` reduced to its polygonal parts, as one Polygon or MultiPolygon."""
    parts = polygons_of(geom)
    if not parts:
        return Polygon()
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


@dataclass(frozen=True)
class Circle:
    """A circle: centre and diameter (metres)."""

    center: Point
    diameter: float

    @cached_property
    def geometry(self) -> Polygon:
        """The circle as a polygon (built once: renderers and rules read it often)."""
        return self.center.buffer(self.diameter / 2, quad_segs=32)


def largest_circle(area: BaseGeometry, tolerance: float = 2e-4) -> Circle | None:
    """The largest circle inside ``area`` (any polygonal geometry), or ``None`` if empty.

    Exact: a rectangle is answered directly, a polygon of few sides by
    :mod:`floorplan.inscribed`, one of many sides by :mod:`floorplan.inscribed.local`;
    only what that declines (a long ridge between walls drawn in many pieces) is searched
    by GEOS to ``tolerance``.

    >>> from shapely.geometry import box
    >>> round(largest_circle(box(0, 0, 2, 3)).diameter, 3)
    2.0
    """
    return largest_circles([area], tolerance)[0]


def _circle(poly: Polygon, found: tuple[float, float, float] | None, tolerance: float = 2e-4) -> Circle:
    """The exact circle when there is one, else GEOS's search of ``poly`` to ``tolerance``."""
    if found is not None:
        x, y, r = found
        return Circle(Point(x, y), 2 * r)
    line = shapely.maximum_inscribed_circle(poly, tolerance=tolerance)
    (x0, y0), (x1, y1) = line.coords[0], line.coords[-1]
    return Circle(Point(x0, y0), 2 * math.hypot(x1 - x0, y1 - y0))


def largest_circles(areas: Sequence[BaseGeometry], tolerance: float = 2e-4) -> list[Circle | None]:
    """:func:`largest_circle` of each of ``areas``, with rectangles done in bulk.

    Most clear floors are rectangles (rooms with nothing in them), whose circle is the
    short side across, centred: found for all of them at once in numpy, where one call
    per room would cost more than the answer.
    """
    out: list[Circle | None] = [None] * len(areas)
    if not areas:
        return out
    geoms = np.asarray(areas, dtype=object)
    simple = ((shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0)
              & (shapely.get_num_coordinates(geoms) == 5))
    rect = np.zeros(len(geoms), dtype=bool)
    idx = np.flatnonzero(simple)
    if len(idx):
        xy = shapely.get_coordinates(shapely.get_exterior_ring(geoms[idx])).reshape(-1, 5, 2)
        e = np.diff(xy, axis=1)
        side = np.hypot(e[..., 0], e[..., 1])
        a, b = side[:, 0], side[:, 1]
        dot = np.abs(e[:, 0, 0] * e[:, 1, 0] + e[:, 0, 1] * e[:, 1, 1])
        ab = a * b
        ok = ((a > 0) & (b > 0) & (np.abs(side[:, 2] - a) <= 1e-9 * a) & (np.abs(side[:, 3] - b) <= 1e-9 * b)
              & (dot <= 1e-9 * ab) & (np.abs(shapely.area(geoms[idx]) - ab) <= 1e-9 * ab))
        centres = xy[:, :4].mean(axis=1)
        points = shapely.points(centres[ok])
        for k, p, d in zip(idx[ok].tolist(), points, np.minimum(a, b)[ok].tolist(), strict=True):
            out[k] = Circle(p, d)
        rect[idx[ok]] = True
    # the rest: every polygon part solved together, the largest part of each area kept
    parts: list[Polygon] = []
    owner: list[int] = []
    for k in np.flatnonzero(~rect).tolist():
        for poly in polygons_of(areas[k]):
            parts.append(poly)
            owner.append(k)
    found = _joined_runs(parts, inscribed_circles(parts))
    left = [i for i, f in enumerate(found) if f is None]
    if left:
        for i, f in zip(left, local_circles([parts[i] for i in left]), strict=True):
            found[i] = f
    for k, poly, found_k in zip(owner, parts, found, strict=True):
        circle = _circle(poly, found_k, tolerance)
        best = out[k]
        if best is None or circle.diameter > best.diameter:
            out[k] = circle
    return out


def _joined_runs(parts: list[Polygon], found: list) -> list:
    """``found``, with the polygons it leaves to GEOS solved again with their straight
    runs joined (``simplify`` to 0: a face drawn in pieces along one line, split at every
    stud or window, is the same polygon), which may then be solved exactly."""
    left = [i for i, f in enumerate(found) if f is None]
    if not left:
        return found
    polys = np.asarray([parts[i] for i in left], dtype=object)
    joined = shapely.simplify(polys, 0.0)
    fewer = np.flatnonzero(shapely.get_num_coordinates(joined) < shapely.get_num_coordinates(polys))
    if not len(fewer):
        return found
    out = list(found)
    for j, f in zip(fewer.tolist(), inscribed_circles(list(joined[fewer])), strict=True):
        out[left[j]] = f
    return out


def fits_circle(area: BaseGeometry, diameter: float, tolerance: float = 2e-4) -> bool:
    """True when a circle of ``diameter`` fits inside ``area``."""
    c = largest_circle(area, tolerance)
    return c is not None and c.diameter >= diameter - 2 * tolerance


def ellipse_fit(
    area: BaseGeometry, major: float = 1.7, minor: float = 1.4, steps: int = 36
) -> tuple[Point, float] | None:
    """Where an ellipse of ``major`` x ``minor`` metres fits in ``area``: (centre, angle°).

    For each orientation the area is squeezed along the major axis by ``minor/major``, which
    turns the ellipse into a circle of diameter ``minor``; containment is kept by the affine
    map, so the ellipse fits at that angle exactly when the circle fits in the squeezed
    area. Orientations tried: every ``180/steps`` degrees and the direction of every edge.
    Returns ``None`` when it fits at no orientation tried.
    """
    polys = polygons_of(area)
    if not polys:
        return None
    angles = {round(i * 180.0 / steps, 6) for i in range(steps)}
    for poly in polys:
        xy = np.asarray(poly.exterior.coords)
        d = np.diff(xy, axis=0)
        for dx, dy in d:
            if dx or dy:
                angles.add(round(math.degrees(math.atan2(dy, dx)) % 180.0, 6))
    k = minor / major
    order = sorted(angles)
    for poly in polys:
        if poly.area < math.pi * major * minor / 4:
            continue
        origin = poly.centroid
        squeezed = [affinity.scale(affinity.rotate(poly, -ang, origin=origin), xfact=k, yfact=1.0, origin=origin)
                    for ang in order]
        # every orientation at once: the squeezed polygons all have the same sides and
        # corners, so the circle solver takes them as one batch
        for ang, c in zip(order, largest_circles(squeezed), strict=True):
            if c is not None and c.diameter >= minor - 4e-4:
                centre = affinity.scale(c.center, xfact=1 / k, yfact=1.0, origin=origin)
                centre = affinity.rotate(centre, ang, origin=origin)
                return centre, ang
    return None


def ellipse_geometry(center: Point, angle: float, major: float = 1.7, minor: float = 1.4) -> Polygon:
    """The ellipse polygon (for drawing)."""
    circle = Point(0, 0).buffer(1.0, quad_segs=32)
    e = affinity.scale(circle, major / 2, minor / 2, origin=(0, 0))
    e = affinity.rotate(e, angle, origin=(0, 0))
    return affinity.translate(e, center.x, center.y)


def held_width(area: BaseGeometry, share: float = 0.75, tolerance: float = 1e-3) -> float:
    """The width the room holds over most of its floor.

    The largest ``w`` such that the floor reachable by a ``w``-wide square (the room's
    morphological opening by a square of side ``w``, aligned with the room's main axis)
    still covers at least ``share`` of the room's area. For a rectangle this is its short
    side; an L-shaped room is as wide as its main limb, not its narrow nib.

    The answer is one of the room's own widths (a distance between parallel edges) when
    one is within the last bracket of the search: tried with a square
    :data:`WIDTH_SLACK` narrower, so where the coverage falls off gradually rather than
    at an edge, a room can be given up to that much more than it holds.
    """
    polys = polygons_of(area)
    if not polys:
        return 0.0
    geom = as_area(area)
    total = geom.area
    aligned, _, _ = turned_to_axes(geom)
    minx, miny, maxx, maxy = aligned.bounds
    hi = min(maxx - minx, maxy - miny)
    lo = 0.0

    def covered(w: float) -> float:
        r = w / 2
        opened = aligned.buffer(-r, cap_style="square", join_style="mitre").buffer(
            r, cap_style="square", join_style="mitre")
        return opened.area

    # a width w is tried with a square WIDTH_SLACK narrower: GEOS's inward buffer drops
    # the strip a square exactly as wide as the room would leave (a 4.2 x 3.0 m room lying
    # along x measured 2.9993 m and failed a 3.0 m width)
    if covered(hi - WIDTH_SLACK) >= share * total - 1e-6:
        return hi
    while hi - lo > tolerance:
        mid = (lo + hi) / 2
        if covered(mid) >= share * total - 1e-9:
            lo = mid
        else:
            hi = mid
    # snap to the exact width: the coverage only changes at distances between the room's
    # parallel edges, so the largest such distance left in the last bracket that still
    # covers enough is the answer (a 3.0 m limb gives 3.0, not 2.999)
    for c in sorted(axis_widths(aligned), reverse=True):
        if c < lo:
            break
        if c <= hi + WIDTH_SLACK and covered(c - WIDTH_SLACK) >= share * total - 1e-9:
            return c
    return lo


def turned_to_axes(geom: Any) -> tuple[BaseGeometry, float, Point]:
    """``geom`` turned about its centroid so that its minimum rotated rectangle lies
    along the axes, with the angle (degrees) and the centre it was turned by."""
    xy = np.asarray(geom.minimum_rotated_rectangle.exterior.coords)
    ang = math.degrees(math.atan2(xy[1, 1] - xy[0, 1], xy[1, 0] - xy[0, 0]))
    origin = geom.centroid
    return affinity.rotate(geom, -ang, origin=origin), ang, origin


def axis_widths(aligned: BaseGeometry, limit: int = 40_000) -> set[float]:
    """The distances between the vertices' x and between their y (to the nanometre) of a
    geometry turned to its axes: the widths a square sliding in it can be stopped at.
    Empty when there would be more than ``limit`` pairs (a curve drawn in segments)."""
    xs: set[float] = set()
    ys: set[float] = set()
    for poly in polygons_of(aligned):
        for ring in (poly.exterior, *poly.interiors):
            for x, y in np.asarray(ring.coords):
                xs.add(round(float(x), 9))
                ys.add(round(float(y), 9))
    if len(xs) * len(ys) > limit:
        return set()
    return {abs(a - b) for a in xs for b in xs} | {abs(a - b) for a in ys for b in ys}
