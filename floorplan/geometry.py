"""Pure shapely geometry: ceilings as planes, headroom regions, clear circles.

Nothing here knows about files, rules or output. Heights are in metres above the floor.

A ceiling over a room is held as :class:`HeightField`: a list of pieces, each a polygon
with a plane ``h(x, y) = a*x + b*y + c`` (flat ceilings have ``a = b = 0``). A sloped
ceiling given by vertex heights is triangulated (constrained Delaunay, no new vertices)
and each triangle carries the plane through its three corners, so the ceiling is linear
between vertices. Where a height is asked for, the region ``h >= t`` is cut from each piece
by the exact line ``a*x + b*y + c = t``: contours are computed, never sampled.

>>> from shapely.geometry import box
>>> room = box(0, 0, 4, 3)
>>> ceiling = sloped_ceiling(room, [0.9, 0.9, 2.4, 2.4])
>>> field = HeightField.for_room(room, None, [(room, ceiling)])
>>> round(field.region_at_least(1.5).area, 6)
7.2
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from floorplan.inscribed import inscribed_circles

#: below this many square metres a sliver left by clipping is dropped
AREA_EPS = 1e-9
#: widths are tried with a square this much narrower (metres): see :func:`held_width`
WIDTH_SLACK = 5e-4
#: heights within this of a threshold count as at the threshold ("exactly 1.5 m counts")
HEIGHT_EPS = 1e-9

Plane = tuple[float, float, float]
Piece = tuple[Polygon | MultiPolygon, Plane]


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


def plane_through(p0: Sequence[float], p1: Sequence[float], p2: Sequence[float]) -> Plane:
    """Coefficients ``(a, b, c)`` of the plane ``h = a*x + b*y + c`` through three (x, y, h)."""
    m = np.array([[p0[0], p0[1], 1.0], [p1[0], p1[1], 1.0], [p2[0], p2[1], 1.0]])
    h = np.array([p0[2], p1[2], p2[2]])
    a, b, c = np.linalg.solve(m, h)
    return float(a), float(b), float(c)


def _best_plane(points: np.ndarray) -> tuple[Plane, float]:
    """Least-squares plane through (x, y, h) rows and its largest residual."""
    m = np.column_stack([points[:, 0], points[:, 1], np.ones(len(points))])
    coef, *_ = np.linalg.lstsq(m, points[:, 2], rcond=None)
    resid = float(np.max(np.abs(m @ coef - points[:, 2])))
    return (float(coef[0]), float(coef[1]), float(coef[2])), resid


def sloped_ceiling(polygon: Polygon, heights: Sequence[float]) -> list[Piece]:
    """Pieces of a ceiling through vertex ``heights`` (one per exterior vertex).

    A planar set of heights gives one piece; otherwise the polygon is triangulated and
    each triangle takes the plane through its corners.
    """
    coords = np.asarray(polygon.exterior.coords)[:-1, :2]
    if len(heights) != len(coords):
        raise ValueError(f"{len(heights)} heights for {len(coords)} vertices")
    pts = np.column_stack([coords, np.asarray(heights, dtype=float)])
    if len(pts) >= 3:
        plane, resid = _best_plane(pts)
        if resid < 1e-6:
            return [(polygon, plane)]
    lookup = {(round(x, 9), round(y, 9)): h for x, y, h in pts}
    pieces: list[Piece] = []
    triangles = shapely.constrained_delaunay_triangles(Polygon(polygon.exterior))
    for tri in getattr(triangles, "geoms", [triangles]):
        corners = np.asarray(tri.exterior.coords)[:3]
        try:
            hs = [lookup[(round(x, 9), round(y, 9))] for x, y in corners]
        except KeyError:  # a vertex the triangulation added: use the nearest given height
            hs = [_nearest_height(pts, x, y) for x, y in corners]
        try:
            plane = plane_through(*[(x, y, h) for (x, y), h in zip(corners, hs, strict=True)])
        except np.linalg.LinAlgError:
            continue
        piece = tri.intersection(polygon)
        if piece.area > AREA_EPS:
            pieces.append((as_area(piece), plane))
    return pieces


def _nearest_height(pts: np.ndarray, x: float, y: float) -> float:
    d = (pts[:, 0] - x) ** 2 + (pts[:, 1] - y) ** 2
    return float(pts[int(np.argmin(d)), 2])


def half_plane(bounds: Sequence[float], plane: Plane, t: float) -> Polygon:
    """The part of the box ``bounds`` where ``a*x + b*y + c >= t`` (exact, by clipping)."""
    a, b, c = plane
    minx, miny, maxx, maxy = bounds
    pad = 1.0 + 0.01 * max(maxx - minx, maxy - miny)
    ring = [(minx - pad, miny - pad), (maxx + pad, miny - pad),
            (maxx + pad, maxy + pad), (minx - pad, maxy + pad)]

    def f(p: tuple[float, float]) -> float:
        return a * p[0] + b * p[1] + c - t

    out: list[tuple[float, float]] = []
    for i, p in enumerate(ring):
        q = ring[(i + 1) % len(ring)]
        fp, fq = f(p), f(q)
        if fp >= -HEIGHT_EPS:
            out.append(p)
        if (fp >= -HEIGHT_EPS) != (fq >= -HEIGHT_EPS):
            s = fp / (fp - fq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    if len(out) < 3:
        return Polygon()
    return Polygon(out)


@dataclass(frozen=True)
class HeightField:
    """The ceiling over one room: pieces with planes, and the part with no known height."""

    room: Polygon | MultiPolygon
    pieces: tuple[Piece, ...]
    unknown: Polygon | MultiPolygon

    @classmethod
    def for_room(
        cls,
        room: Polygon,
        room_height: float | None,
        ceilings: Iterable[tuple[Polygon, list[Piece]]],
    ) -> HeightField:
        """Build the field: the room's flat height, overridden by each ceiling in turn."""
        pieces: list[Piece] = []
        covered: BaseGeometry = Polygon()
        for outline, ceiling_pieces in reversed(list(ceilings)):  # later ceilings win
            if not outline.intersects(room):
                continue
            for geom, plane in ceiling_pieces:
                part = as_area(geom.intersection(room).difference(covered))
                if part.area > AREA_EPS:
                    pieces.append((part, plane))
            covered = covered.union(outline)
        rest = as_area(room.difference(covered)) if not covered.is_empty else room
        if room_height is not None and rest.area > AREA_EPS:
            pieces.append((rest, (0.0, 0.0, float(room_height))))
            rest = Polygon()
        return cls(room=room, pieces=tuple(pieces), unknown=as_area(rest))

    @property
    def known(self) -> bool:
        """True when some of the room has a known ceiling height."""
        return bool(self.pieces)

    def region_at_least(self, t: float) -> Polygon | MultiPolygon:
        """Floor under a ceiling at least ``t`` high (the unknown part is left out)."""
        parts: list[BaseGeometry] = []
        for geom, plane in self.pieces:
            a, b, c = plane
            if a == 0 and b == 0:
                if c >= t - HEIGHT_EPS:
                    parts.append(geom)
                continue
            hp = half_plane(geom.bounds, plane, t)
            if not hp.is_empty:
                parts.append(geom.intersection(hp))
        return as_area(shapely.union_all(parts)) if parts else Polygon()

    def region_below(self, t: float) -> Polygon | MultiPolygon:
        """Floor under a ceiling lower than ``t`` (the unknown part is left out)."""
        known = shapely.union_all([g for g, _ in self.pieces]) if self.pieces else Polygon()
        return as_area(known.difference(self.region_at_least(t)))

    def height_range(self) -> tuple[float, float] | None:
        """Lowest and highest ceiling over the room (at piece vertices: planes are linear)."""
        lo, hi = math.inf, -math.inf
        for geom, (a, b, c) in self.pieces:
            for poly in polygons_of(geom):
                xy = np.asarray(poly.exterior.coords)
                h = a * xy[:, 0] + b * xy[:, 1] + c
                lo, hi = min(lo, float(h.min())), max(hi, float(h.max()))
        return (lo, hi) if lo <= hi else None

    def share_at_least(self, t: float, of: BaseGeometry | None = None) -> float | None:
        """Share (0-1) of ``of`` (default: the known part) under a ceiling at least ``t``."""
        if not self.pieces:
            return None
        base = of if of is not None else shapely.union_all([g for g, _ in self.pieces])
        if base.area <= AREA_EPS:
            return None
        return float(self.region_at_least(t).intersection(base).area / base.area)


def counted_regions(field: HeightField, headroom: float = 1.5) -> tuple[BaseGeometry, BaseGeometry]:
    """``(counted, low)``: floor with at least ``headroom`` above it, and the rest.

    Where the ceiling height is unknown the floor is counted.
    """
    low = field.region_below(headroom)
    if low.area <= AREA_EPS:
        return field.room, Polygon()
    return as_area(field.room.difference(low)), low


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

    Exact (:mod:`floorplan.inscribed`) where that is the quicker way (a rectangle is
    answered directly); other polygons (curves drawn as many segments) are searched by
    GEOS to ``tolerance``.

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
    for k, poly, found in zip(owner, parts, _joined_runs(parts, inscribed_circles(parts)), strict=True):
        circle = _circle(poly, found, tolerance)
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
