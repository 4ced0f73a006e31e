"""Door swings drawn in a view: evidence that it is a floor plan, whatever its walls do.

The doors stage (:mod:`~floorplan.io.dxf.doors.arcs`) makes an arc on a layer that says
nothing a door only where its opening stands in a gap of the walls, so that a plan's
door is placed in its wall. Some drawings draw the walls' face lines unbroken across every
opening, the door's swing and leaf beside them (JW-CAD's plans): no gap, so no door to
that stage. To tell a floor plan from an elevation, the symbol is enough: a quarter-turn
arc of a door's radius (:data:`~floorplan.io.dxf.doors.symbols.DOOR_RADIUS`, sweeping
:data:`~floorplan.io.dxf.doors.swings.SWEEP`) with its open leaf, a straight line about
the radius long (within :data:`LEAF_LENGTH`) from the arc's centre to one of its ends
(both within :data:`~floorplan.io.dxf.doors.symbols.LEAF_REACH` of the radius). An
elevation draws its doors closed, in their frames; no other thing on a sheet is drawn so.

>>> import numpy as np
>>> from floorplan.io.dxf.collect.prims import Prim
>>> t = np.radians(np.linspace(0, 90, 9))
>>> arc = Prim(1, "ARC", "0", "1", np.column_stack([0.9 * np.cos(t), 0.9 * np.sin(t)]),
...            extra={"center": (0.0, 0.0), "radius": 0.9, "ends": ((0.9, 0.0), (0.0, 0.9))})
>>> leaf = Prim(2, "LINE", "0", "2", np.array([[0.0, 0.0], [0.0, 0.9]]))
>>> swing_hinges([arc], [leaf]).tolist(), swing_hinges([arc], []).tolist()
([[0.0, 0.0]], [])
"""

from __future__ import annotations

import numpy as np
import shapely

from floorplan.io.dxf.doors.drawn import sweep
from floorplan.io.dxf.doors.swings import SWEEP
from floorplan.io.dxf.doors.symbols import DOOR_RADIUS, LEAF_REACH

#: a leaf is about the swing's radius long: within this share of it
LEAF_LENGTH = 0.12


def swing_hinges(arcs: list, lines: list) -> np.ndarray:
    """The hinges ((n, 2), the arcs' centres) of the ``arcs`` that draw a door's swing with
    its open leaf among ``lines`` (see the module); in metres."""
    centre, _ = _swings(arcs, lines)
    return centre


def swing_doorways(arcs: list, lines: list) -> np.ndarray:
    """The middles ((n, 2), metres) of the openings of the doors that ``arcs`` and
    ``lines`` draw as swings with their open leaves (see the module): half way from the
    hinge to the arc's other end, where the leaf lies when shut. That is in the wall (a
    swing drawn beside a wall that runs on unbroken across it stands against its face),
    so it leads into the spaces on both sides of the wall, as a door read in a gap does.

    >>> from floorplan.io.dxf.collect.prims import Prim
    >>> t = np.radians(np.linspace(0, 90, 9))
    >>> arc = Prim(1, "ARC", "0", "1", np.column_stack([0.9 * np.cos(t), 0.9 * np.sin(t)]),
    ...            extra={"center": (0.0, 0.0), "radius": 0.9, "ends": ((0.9, 0.0), (0.0, 0.9))})
    >>> leaf = Prim(2, "LINE", "0", "2", np.array([[0.0, 0.0], [0.0, 0.9]]))
    >>> swing_doorways([arc], [leaf]).tolist()
    [[0.45, 0.0]]
    """
    centre, shut = _swings(arcs, lines)
    return (centre + shut) / 2


def _swings(arcs: list, lines: list) -> tuple[np.ndarray, np.ndarray]:
    """The hinges of the swings drawn with their open leaves (see the module), and for
    each the end of its arc the leaf does not reach (where it lies shut)."""
    cands = [a for a in arcs if "center" in a.extra and DOOR_RADIUS[0] <= a.extra.get("radius", 0.0)
             <= DOOR_RADIUS[1] and SWEEP[0] <= sweep(a) <= SWEEP[1]]
    segs = [p.pts[:, :2] for p in lines if p.etype != "ARC" and len(p.pts) >= 2]
    if not cands or not segs:
        return np.zeros((0, 2)), np.zeros((0, 2))
    a = np.concatenate([s[:-1] for s in segs]).astype(float)
    b = np.concatenate([s[1:] for s in segs]).astype(float)
    centre = np.array([np.asarray(c.extra["center"], dtype=float)[:2] for c in cands])
    r = np.array([float(c.extra["radius"]) for c in cands])
    # segments with an end near a centre: both ends' points in one tree
    tree = shapely.STRtree(np.asarray(shapely.points(np.vstack([a, b])), dtype=object))
    ci, pi = tree.query(shapely.points(centre), predicate="dwithin", distance=float(LEAF_REACH * r.max()))
    n = len(a)
    seg, at_a = pi % n, pi < n
    near = np.hypot(*(np.where(at_a[:, None], a[seg], b[seg]) - centre[ci]).T)
    far = np.where(at_a[:, None], b[seg], a[seg])
    length = np.hypot(*(b[seg] - a[seg]).T)
    ok = (near <= LEAF_REACH * r[ci]) & (np.abs(length - r[ci]) <= LEAF_LENGTH * r[ci])
    leaf_at = np.zeros((len(cands), 2), dtype=bool)  # the leaf reaches this end of the arc
    ends = [np.array([np.asarray(c.extra["ends"][e], dtype=float)[:2] for c in cands]) for e in (0, 1)]
    for e in (0, 1):
        reach = np.hypot(*(far - ends[e][ci]).T) <= LEAF_REACH * r[ci]
        leaf_at[ci[ok & reach], e] = True
    hit = leaf_at.any(axis=1)
    shut = np.where(leaf_at[:, :1], ends[1], ends[0])
    return centre[hit], shut[hit]
