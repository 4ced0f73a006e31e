"""A clear square inside a door: the geometry of FP204 (bedroom-door-space).

The test, in the frame of the wall the door is in: ``x`` runs along the room's edge
nearest the door, with the door's centre at ``x = 0``, and ``y`` runs into the room. A
square of side ``s`` stands with one side on that wall line, ``[t, t + s] x [0, s]``, and
must lie in the clear floor while its side on the wall spans the door's opening
``[-w/2, w/2]`` (lies within it, when the door is wider than the square; reaches the
door's centre, when the door's width is not known). Sliding it along the wall is allowed
as far as that holds, so the square may be off-centre of the door, but it is never set
back from the wall or turned.

Which slides are free is worked out exactly, not by trying positions: within the strip
the squares can reach, every piece of floor that is *not* clear (walls, fittings,
furniture, low ceiling) with x-extent ``[a, b]`` rules out the slides ``a - s < t < b``
(touching is allowed). What is left of the slides the opening allows is a set of closed
intervals; the free slide nearest the centred one is taken.

Nothing here is imported when the rules are listed: the rule imports it when it runs.
"""

from __future__ import annotations

import math

import numpy as np
from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from floorplan.geometry import polygons_of

#: squares may touch what is not clear floor; overlaps smaller than this are not counted
TOL = 1e-6


def wall_frame(room: Polygon, at: Point) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """``(to_local, to_plan)`` affine matrices for the wall of ``room`` nearest ``at``.

    In the local frame the wall runs along ``y = 0`` with ``at`` projected to the origin,
    and the room lies on the side of positive ``y``. ``None`` for a room with no edges.
    """
    p = np.array([at.x, at.y])
    best = None
    for poly in polygons_of(room):
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            for a, b in zip(xy[:-1], xy[1:], strict=True):
                ab = b - a
                length2 = float(ab @ ab)
                if length2 <= 1e-18:
                    continue
                t = min(1.0, max(0.0, float((p - a) @ ab) / length2))
                q = a + t * ab
                d = float(np.hypot(*(p - q)))
                if best is None or d < best[0]:
                    best = (d, a, b, q)
    if best is None:
        return None
    _, a, b, q = best
    u = (b - a) / math.hypot(*(b - a))
    n = np.array([-u[1], u[0]])
    mid = (a + b) / 2
    step = min(1e-3, math.hypot(*(b - a)) / 4)
    if not room.contains(Point(*(mid + n * step))):
        n = -n
    to_local = (u[0], u[1], n[0], n[1], -float(q @ u), -float(q @ n))
    to_plan = (u[0], n[0], u[1], n[1], float(q[0]), float(q[1]))
    return tuple(map(float, to_local)), tuple(map(float, to_plan))


def free_slide(floor_local: BaseGeometry, side: float, opening: float) -> float | None:
    """Where a ``side`` square fits against the wall spanning the opening: its left edge
    ``t`` (nearest the centred square), or ``None`` when it fits nowhere."""
    if side <= 0:
        return None
    # spanning the opening [-w/2, w/2], or lying within it when the door is wider
    h = opening / 2
    lo, hi = min(h - side, -h), max(h - side, -h)
    strip = box(lo, TOL, hi + side, side - TOL)
    blocked = []
    for part in polygons_of(strip.difference(floor_local)):
        if part.area <= TOL * TOL:
            continue
        a, _, b, _ = part.bounds
        blocked.append((a - side + TOL, b - TOL))
    centred = min(hi, max(lo, -side / 2))
    cands = {lo, hi, centred}
    for p, q in blocked:
        cands.update((p, q))
    free = [t for t in cands if lo - 1e-12 <= t <= hi + 1e-12
            and not any(p < t < q for p, q in blocked)]
    if not free:
        return None
    return min(free, key=lambda t: (abs(t - centred), t))


def square_at(t: float, side: float, to_plan) -> Polygon:
    """The square ``[t, t + side] x [0, side]`` of the local frame, in plan coordinates."""
    return affinity.affine_transform(box(t, 0.0, t + side, side), to_plan)


def door_square(room: Polygon, floor: BaseGeometry, at: Point, opening: float, side: float
                ) -> tuple[Polygon | None, float, Polygon | None]:
    """``(square, largest, largest_square)`` for a door of ``room`` at ``at``.

    ``square`` is the ``side`` square placed where it fits (``None`` when it does not);
    ``largest`` the side of the largest square that fits, to 1 mm (``side`` or more when
    the ``side`` square fits), and ``largest_square`` that square.
    """
    frame = wall_frame(room, at)
    if frame is None:
        return None, 0.0, None
    to_local, to_plan = frame
    local = affinity.affine_transform(floor, to_local)
    t = free_slide(local, side, opening)
    square = square_at(t, side, to_plan) if t is not None else None
    minx, miny, maxx, maxy = local.bounds if not local.is_empty else (0, 0, 0, 0)
    top = max(maxx - minx, maxy - miny)
    lo, hi = (side, top) if t is not None else (0.0, side)
    best = (lo, t) if t is not None else (0.0, None)
    t_top = free_slide(local, top, opening) if t is not None else None
    if t_top is not None:
        best = (top, t_top)
    else:
        while hi - lo > 1e-3:
            mid = (lo + hi) / 2
            tm = free_slide(local, mid, opening)
            if tm is not None:
                lo, best = mid, (mid, tm)
            else:
                hi = mid
    largest, tb = best
    # the bisection ends up to 1 mm below the largest side: try the next whole millimetre
    up = math.ceil(largest * 1000 - 1e-6) / 1000
    if tb is not None and largest < up < largest + 1e-3:
        tu = free_slide(local, up, opening)
        if tu is not None:
            largest, tb = up, tu
    return square, largest, (square_at(tb, largest, to_plan) if tb is not None and largest > 0 else None)


__all__ = ["wall_frame", "free_slide", "door_square", "square_at"]
