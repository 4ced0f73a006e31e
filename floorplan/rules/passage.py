"""The width of a hall between its doors (FP203's geometry; the width held over the
floor is :func:`floorplan.geometry.held_width`).

It works in the room's own frame (turned to its main axis, as ``held_width`` does) with
the *opening* of the floor by a square of side ``w``: the floor a ``w`` x ``w`` square can
reach while sliding inside it. :func:`passage_width` is the widest square that can travel
from every door of the room to every other, i.e. the largest ``w`` for which the opening
reaches the wall at each door and the doors all lie on one piece of it. A pinch narrower
than ``w`` anywhere between two doors splits the opening; one in a dead end does not
matter.

GEOS's inward buffer drops strips thinner than about 0.1 mm, so a width ``w`` is tested
with a square :data:`SLACK` narrower, and a measured width is snapped to the floor's own
widths (distances between parallel edges) within 1.5 mm: a hall exactly 1050 mm wide
holds 1050 mm, one 1 mm narrower 1049 mm.

Nothing here is imported when the rules are listed: the rule imports it when it runs.
"""

from __future__ import annotations

import numpy as np
from shapely import affinity
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from floorplan.geometry import WIDTH_SLACK, as_area, axis_widths, polygons_of, turned_to_axes

#: a width ``w`` is tested with a square this much narrower (metres)
SLACK = WIDTH_SLACK
#: a door is reached when the opening comes this close to the wall at the door (metres)
REACH = 5e-3


def _opening(aligned: BaseGeometry, w: float) -> BaseGeometry:
    r = (w - SLACK) / 2
    if r <= 0:
        return aligned
    return aligned.buffer(-r, cap_style="square", join_style="mitre").buffer(
        r, cap_style="square", join_style="mitre")


def passage_width(floor: BaseGeometry, doors: list[Point], upper: float) -> float:
    """The widest square (up to ``upper``, to 1 mm) that can go from each of ``doors``
    to every other through ``floor``; with one door, that can reach it; ``upper`` with none.
    """
    geom = as_area(floor)
    if not doors or geom.is_empty:
        return upper
    aligned, ang, origin = turned_to_axes(geom)
    pts = [affinity.rotate(p, -ang, origin=origin) for p in doors]
    near = [aligned.distance(p) for p in pts]

    def joined(w: float) -> bool:
        parts = polygons_of(_opening(aligned, w))
        if not parts:
            return False
        pieces = set()
        for p, d0 in zip(pts, near, strict=True):
            ds = [part.distance(p) for part in parts]
            k = int(np.argmin(ds))
            if ds[k] > d0 + REACH:
                return False
            pieces.add(k)
        return len(pieces) == 1

    if joined(upper):
        return upper
    lo, hi = 0.0, upper
    if not joined(lo + 2 * SLACK):
        return 0.0
    while hi - lo > 1e-3:
        mid = (lo + hi) / 2
        if joined(mid):
            lo = mid
        else:
            hi = mid
    # a width w was tried with a square SLACK narrower, so the bisection ends near the
    # true width + SLACK: take the floor's own width (a distance between parallel edges)
    # nearest below that, if one within 1.5 mm still joins the doors
    guess = lo - SLACK
    near_widths = [c for c in axis_widths(aligned) if abs(c - guess) <= 1.5e-3 and joined(c)]
    if near_widths:
        return min(near_widths, key=lambda c: (abs(c - guess), -c))
    return max(guess, 0.0)

__all__ = ["passage_width", "SLACK"]
