"""Door swings drawn through three points rather than about their hinge.

Some programs (and some hands) draw a door's swing as an arc through three points: the
shut leaf's end, the open leaf's tip and one between. Its centre then stands off the
hinge, often by more than a leaf's thickness, so the swing is not found by looking for a
leaf from the arc's centre (:func:`~floorplan.io.dxf.doors.swings.loose_swings`); and a
door drawn only a little open sweeps a few degrees, not the quarter turn of
:data:`~floorplan.io.dxf.doors.swings.SWEEP`. Read as walls, its leaf's tip is a free end
standing in the room, bridged on to the next wall (floorplan.dxf's Serverrum, its leaf 13
degrees open: a 0.62 m line from the tip to the west wall cut 0.2 m² off the room).
:func:`off_hinge` finds the leaf of such a swing by the circle the arc lies on about the
leaf's other end.
"""

from __future__ import annotations

import numpy as np
import shapely

from floorplan.io.dxf.doors import symbols as dxf_doors

#: the hinge and the shut leaf's end stand this close (metres) to other linework: the
#: wall the door is hung in, the ticks at the opening's ends
ON_OTHER = 0.05
#: every point of the arc stands a leaf's length from the hinge within this share of it
#: (as a leaf is the radius long within :data:`~floorplan.io.dxf.doors.arcs.LEAF_LENGTH`)
ABOUT_HINGE = 0.12


#: a swing drawn off its hinge: the closed leaf's end as far from the hinge as the open
#: leaf is long, within this share of it
SHUT_FIT = 0.05


def off_hinge(segs: dict, pts: np.ndarray, ends, gone: dict, arc, lines: list):
    """A door swing drawn as an arc through three points (the open leaf's tip, the closed
    leaf's end, one between) rather than about the hinge: its centre stands off the
    hinge, often by more than a leaf's thickness, and a door drawn a little open sweeps
    a few degrees (floorplan.dxf's Serverrum, its leaf 13 degrees open). The leaf is a
    segment of a leaf's length (:data:`~floorplan.io.dxf.doors.symbols.DOOR_RADIUS`)
    whose tip stands at one end of the arc (within
    :data:`~floorplan.io.dxf.doors.symbols.LEAF_REACH` of the leaf's length), with every
    point of the arc about a leaf's length from its other end, the hinge (within
    :data:`ABOUT_HINGE`), and the arc's other end, the
    closed leaf's, within :data:`SHUT_FIT` of it; hinge and that end stand on other
    linework (the wall, the ticks at the opening's ends: :data:`ON_OTHER`). Returns
    ((prim index, segment index), hinge, closed end) or ``None``."""
    lo, hi = dxf_doors.DOOR_RADIUS
    for tip, shut in (ends, ends[::-1]):
        tip = np.asarray(tip, dtype=float)[:2]
        shut = np.asarray(shut, dtype=float)[:2]
        cx, cy = int(tip[0] // 0.1), int(tip[1] // 0.1)
        span = int((dxf_doors.LEAF_REACH * hi + 0.01) // 0.1) + 1
        seen: set[tuple[int, int]] = set()
        for di in range(-span, span + 1):
            for dj in range(-span, span + 1):
                for n, k, s, e in segs.get((cx + di, cy + dj), ()):
                    if (n, k) in seen or (n == arc[0] and arc[1] is not None
                                          and arc[1] <= k < arc[2]):
                        continue
                    seen.add((n, k))
                    taken = gone.get(n, ())
                    if -1 in taken or k in taken:
                        continue
                    for h, t in ((s, e), (e, s)):
                        h, t = np.asarray(h), np.asarray(t)
                        length = float(np.hypot(*(t - h)))
                        if not lo <= length <= hi or \
                                np.hypot(*(t - tip)) > dxf_doors.LEAF_REACH * length + 0.01:
                            continue
                        if abs(float(np.hypot(*(shut - h))) - length) > SHUT_FIT * length:
                            continue
                        if np.abs(np.hypot(*(pts - h).T) - length).max() > ABOUT_HINGE * length:
                            continue
                        if _on_other(h, lines, (n, arc[0])) and _on_other(shut, lines, (n, arc[0])):
                            return (n, k), (float(h[0]), float(h[1])), (float(shut[0]), float(shut[1]))
    return None


def _on_other(p: np.ndarray, lines: list, skip: tuple[int, ...]) -> bool:
    """``p`` stands within :data:`ON_OTHER` of a line of ``lines`` other than those of
    ``skip`` (the leaf's and the arc's)."""
    pt = shapely.points(np.asarray(p, dtype=float))
    for n, q in enumerate(lines):
        if n in skip or len(q.pts) < 2:
            continue
        xy = np.asarray(q.pts, dtype=float)[:, :2]
        lo_, hi_ = xy.min(axis=0) - ON_OTHER, xy.max(axis=0) + ON_OTHER
        if not (lo_[0] <= p[0] <= hi_[0] and lo_[1] <= p[1] <= hi_[1]):
            continue
        if shapely.distance(pt, shapely.linestrings(xy)) <= ON_OTHER:
            return True
    return False
