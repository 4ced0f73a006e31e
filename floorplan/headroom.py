"""Ceilings as planes, and the floor under a ceiling high enough to count.

Pure shapely and numpy: nothing here knows about files, rules or output. Heights are in metres above the floor.

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

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from floorplan.geometry import AREA_EPS, as_area, polygons_of

#: heights within this of a threshold count as at the threshold ("exactly 1.5 m counts")
HEIGHT_EPS = 1e-9

Plane = tuple[float, float, float]
Piece = tuple[Polygon | MultiPolygon, Plane]


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
