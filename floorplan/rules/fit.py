"""Rectangles that must fit, and clear zones in front of an edge: the geometry of FP205
(wheelchair storage), FP206 (liftway) and FP207 (kitchen clear zone).

Nothing here is imported when the rules are listed: the rules import it when they run.
"""

from __future__ import annotations

import math

from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from floorplan.geometry import as_area, polygons_of, turned_to_axes

#: measured sizes within this of a threshold meet it (metres): floating error only
TOL = 1e-6
#: overlaps smaller than this (m²) are not counted as blocking
AREA_TOL = 1e-6


def sides(geom: BaseGeometry) -> tuple[float, float]:
    """The short and long sides of ``geom``'s minimum rotated rectangle."""
    rect = geom.minimum_rotated_rectangle
    xy = list(rect.exterior.coords) if isinstance(rect, Polygon) else []
    if len(xy) < 4:
        return 0.0, 0.0
    a = math.dist(xy[0], xy[1])
    b = math.dist(xy[1], xy[2])
    return min(a, b), max(a, b)


def rect_fits(geom: BaseGeometry, short: float, long: float) -> bool:
    """Whether a ``short`` x ``long`` rectangle, along ``geom``'s main axis (either way
    round), lies inside ``geom``.

    A rectangle (or nearly one: 97 % of its rotated bounding rectangle) fits when its
    sides do; any other shape is tested by eroding it, squeezed so the rectangle becomes
    a square, by that square.
    """
    area = as_area(geom)
    if area.is_empty:
        return False
    s, lg = sides(area)
    if s < short - TOL or lg < long - TOL:
        return False
    if area.area >= 0.97 * area.minimum_rotated_rectangle.area:
        return True
    aligned, _, _ = turned_to_axes(area)
    for fx, fy in ((1.0, short / long), (short / long, 1.0)):
        squeezed = affinity.scale(aligned, xfact=fx, yfact=fy, origin=(0, 0))
        core = squeezed.buffer(-(short / 2 - TOL), cap_style="square", join_style="mitre")
        if not core.is_empty:
            return True
    return False


def edge_frame(a: tuple[float, float], b: tuple[float, float], inside: BaseGeometry):
    """Affine matrices ``(to_local, to_plan)`` for the edge ``a``-``b``: ``x`` along the
    edge from ``a``, ``y`` away from ``inside`` (the side the edge's shape is on)."""
    ux, uy = (b[0] - a[0]), (b[1] - a[1])
    n = math.hypot(ux, uy)
    ux, uy = ux / n, uy / n
    nx, ny = -uy, ux
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    step = min(1e-3, n / 4)
    if inside.contains(Point(mx + nx * step, my + ny * step)):
        nx, ny = -nx, -ny
    to_local = (ux, uy, nx, ny, -(a[0] * ux + a[1] * uy), -(a[0] * nx + a[1] * ny))
    to_plan = (ux, nx, uy, ny, a[0], a[1])
    return to_local, to_plan


def clear_depth(a, b, inside: BaseGeometry, clear: BaseGeometry, want: float,
                offset: float = 0.0) -> tuple[float, Polygon]:
    """How deep the clear floor runs straight out from the edge ``a``-``b`` (to at most
    ``want``): the nearest thing not in ``clear`` within the strip as wide as the edge,
    starting ``offset`` out from it; and that strip ``want`` deep (in plan coordinates)."""
    to_local, to_plan = edge_frame(a, b, inside)
    length = math.dist(a, b)
    strip = box(0.0, offset, length, offset + want)
    local = affinity.affine_transform(clear, to_local)
    depth = want
    for part in polygons_of(strip.difference(local)):
        if part.area > AREA_TOL:
            depth = min(depth, part.bounds[1] - offset)
    return max(depth, 0.0), affinity.affine_transform(strip, to_plan)


def edges(poly: Polygon, min_length: float = 0.0):
    """The exterior edges of ``poly`` at least ``min_length`` long, as point pairs."""
    xy = list(poly.exterior.coords)
    for a, b in zip(xy[:-1], xy[1:], strict=True):
        if math.dist(a, b) >= min_length:
            yield (a[0], a[1]), (b[0], b[1])


def segment(a, b) -> LineString:
    return LineString([a, b])





def mm(v: float) -> str:
    """Millimetres, whole where the value is (to 0.05 mm), else to 0.1 mm: "1099.5 mm"."""
    m = v * 1000
    return f"{m:.0f} mm" if abs(m - round(m)) < 0.05 else f"{m:.1f} mm"


def size(a: float, b: float) -> str:
    """A rectangle's size in millimetres: "1100 x 1700 mm"."""
    return f"{mm(a)[:-3]} x {mm(b)}"


def windows(a, b, length: float, step: float = 0.05):
    """Stretches ``length`` long of the edge ``a``-``b`` (the whole edge when it is no
    longer), from one end to the other ``step`` apart, as point pairs."""
    total = math.dist(a, b)
    if total <= length + TOL:
        yield a, b
        return
    ux, uy = (b[0] - a[0]) / total, (b[1] - a[1]) / total
    n = max(1, math.ceil((total - length) / step))
    for k in range(n + 1):
        t = (total - length) * k / n
        yield (a[0] + ux * t, a[1] + uy * t), (a[0] + ux * (t + length), a[1] + uy * (t + length))
__all__ = ["sides", "rect_fits", "clear_depth", "edges", "edge_frame", "segment", "mm", "size", "windows", "TOL"]
