"""Turning circles with the allowances Approved Document M makes (FP201's geometry).

Two things the plain largest circle of a room's clear floor does not do:

* **A level-access shower.** AD M Diagrams 3.10 and 3.11 let the turning circle
  overlap a level-access shower (fully in one, by up to 500 mm in the other), so a
  shower is not an obstacle like a bath or a basin. :func:`clear_floor` takes the room
  less its other obstacles, and less only the part of each shower deeper than
  ``overlap`` inside it (the shower shrunk by ``overlap``): a circle may then reach up to
  ``overlap`` into the shower from any side. :func:`overlap_depth` says how far it does.

* **In front of the entrance door.** M4(3) 3.22(d) wants the circle inside the entrance
  area, in front of the entrance door, not anywhere in the hall. :func:`circle_at_door`
  finds the largest circle that stands against the wall the door is in (set back from
  it by at most ``setback``) with its centre in front of the door's opening (within
  half the door's width of its centre; on its centre line when the width is not known),
  in the room's clear floor. It bisects on the radius (to 0.5 mm) over the floor eroded
  by that radius, the set of centres a circle of that radius can have.

Nothing here is imported when the rules are listed: the rule imports it when it runs.
"""

from __future__ import annotations

import shapely
from shapely import affinity
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from floorplan.geometry import Circle, as_area, largest_circle
from floorplan.rules.doorspace import wall_frame

#: bisection stops when the radius is known to this (metres)
STEP = 5e-4
#: a circle touching the wall is allowed to be this far from it (drawing noise, metres)
SLACK = 1e-6


def clear_floor(room_polygon: BaseGeometry, obstacles: list, shower_kinds: frozenset[str],
                overlap: float, kind_of) -> tuple[BaseGeometry, list]:
    """The room less its obstacles, a shower only where deeper than ``overlap`` inside it.

    ``kind_of(obstacle)`` names an obstacle's kind. Returns the floor and the showers
    (their polygons) that were allowed to be overlapped.
    """
    blocks, showers = [], []
    for o in obstacles:
        if kind_of(o) in shower_kinds and overlap > 0:
            showers.append(o.polygon)
            deep = o.polygon.buffer(-overlap, join_style="mitre")
            if not deep.is_empty:
                blocks.append(deep)
        else:
            blocks.append(o.polygon)
    if not blocks:
        return room_polygon, showers
    return as_area(room_polygon.difference(shapely.union_all(blocks))), showers


def overlap_depth(circle: Circle, showers: list) -> float:
    """How far (metres) ``circle`` reaches into the deepest of ``showers`` (0: not at all)."""
    r = circle.diameter / 2
    best = 0.0
    for s in showers:
        if not circle.geometry.intersects(s) or circle.geometry.intersection(s).area < 1e-9:
            continue
        if s.contains(circle.center):
            # the centre is inside: as deep as the radius plus the centre's own depth
            best = max(best, r + s.exterior.distance(circle.center))
        else:
            best = max(best, r - s.distance(circle.center))
    return best


def circle_at_door(room_polygon: BaseGeometry, floor: BaseGeometry, at: Point, opening: float,
                   setback: float, upper: float | None = None) -> Circle | None:
    """The largest circle in ``floor`` in front of the door at ``at`` (see the module doc).

    ``room_polygon`` gives the wall the door is in; ``opening`` is the door's width (0:
    not known); ``upper`` bounds the diameter (the floor's largest circle). ``None`` when
    no circle at all stands there.
    """
    frame = wall_frame(room_polygon, at)
    geom = as_area(floor)
    if frame is None or geom.is_empty:
        return None
    to_local, to_plan = frame
    local = affinity.affine_transform(geom, to_local)
    half = max(opening / 2, SLACK)
    if upper is None:
        big = largest_circle(geom)
        upper = big.diameter if big is not None else 0.0

    def centres(r: float) -> BaseGeometry:
        zone = box(-half, r - SLACK, half, r + max(setback, 0.0) + SLACK)
        return local.buffer(-r, quad_segs=32).intersection(zone)

    lo, hi = 0.0, upper / 2 + STEP
    found = None
    # the smallest useful circle first: a door whose centre line meets no floor has none
    if centres(STEP).is_empty:
        return None
    while hi - lo > STEP:
        mid = (lo + hi) / 2
        c = centres(mid)
        if c.is_empty:
            hi = mid
        else:
            lo, found = mid, c
    if found is None:
        found = centres(lo)
        if found.is_empty:
            return None
    # of the centres that work, the one nearest the door's centre line
    p = nearest_points(found, Point(0.0, lo))[0]
    centre = affinity.affine_transform(p, to_plan)
    return Circle(Point(centre.x, centre.y), 2 * lo)


__all__ = ["clear_floor", "overlap_depth", "circle_at_door"]
