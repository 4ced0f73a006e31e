"""Joins in the wall linework: a line end that stops a hair short of another line is
joined to it (step 3 of :mod:`~floorplan.io.dxf.walls.faces`), so walls that stop just short
of each other still meet.

- :func:`joins`: from each free end to the nearest line within :data:`REACH`;
- :func:`float_joins`: from ends that meet other lines but stand a hair off a further
  line they do not touch (a wall drawn as its outline, a partition short of the glass).

Both are found in bulk: every end's near lines from one tree query, their distances in
one call, the nearest of each end by sorting.

>>> from shapely.geometry import LineString
>>> [j.wkt for j in joins([LineString([(0, 0), (1, 0)]), LineString([(1.03, -1), (1.03, 1)])])]
['LINESTRING (1 0, 1.03 0)']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.strtree import STRtree

#: a free wall end this close (metres) to another line is joined to it
REACH = 0.05


def _ends_near(lines: list[LineString]):
    """Each line end within REACH of another line: ``(arr, pts, owner, pi, li, d)``, the
    lines, their end points, the line each end belongs to, the (end, line) pairs and their
    distances; ``None`` when there are none."""
    if len(lines) < 2:
        return None
    arr = np.asarray(lines, dtype=object)
    coords, index = shapely.get_coordinates(arr, return_index=True)
    first = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    last = np.r_[first[1:] - 1, len(index) - 1]
    ends = np.vstack([coords[first], coords[last]])
    owner = np.r_[index[first], index[last]]
    pts: Any = shapely.points(ends)
    pi, li = STRtree(arr).query(pts, predicate="dwithin", distance=REACH)
    keep = owner[pi] != li
    pi, li = pi[keep], li[keep]
    if not len(pi):
        return None
    d: Any = shapely.distance(pts[pi], arr[li])
    return arr, pts, owner, pi, li, d


def joins(lines: list[LineString]) -> list[LineString]:
    """Short connectors from free line ends to the nearest other line within REACH."""
    near = _ends_near(lines)
    if near is None:
        return []
    arr, pts, owner, pi, li, d = near
    touching = np.zeros(len(pts), dtype=bool)
    touching[pi[d < 1e-6]] = True
    far = d >= 1e-6
    pi, li, d = pi[far], li[far], d[far]
    order = np.lexsort((d, pi))
    pi, li = pi[order], li[order]
    firsts = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, dtype=bool)
    pi, li = pi[firsts], li[firsts]
    sel = ~touching[pi]
    if not sel.any():
        return []
    return list(np.asarray(shapely.shortest_line(pts[pi[sel]], arr[li[sel]])))


def float_joins(lines: list[LineString]) -> list[LineString]:
    """Short connectors from line ends that meet other lines but stand a hair (within
    REACH) off a further line they do not touch: the end of a wall drawn as its outline,
    or a partition stopping just short of the glass, has no free end to join."""
    near = _ends_near(lines)
    if near is None:
        return []
    arr, pts, owner, pi, li, d = near
    off = d > 1e-6
    pi, li, d = pi[off], li[off], d[off]
    # only where the end stands off: its own line does not reach the further line near
    # it (an end run a hair past a line it crosses needs no join). Near it, not anywhere:
    # a line from a corner of a wall drawn as a polyline to a point a hair off another
    # side of it (building.dxf's shaft, crossed from corner to corner, its box's corner
    # 0.5 mm off the slanting wall) touches the polyline at its other end only
    near_end = shapely.intersection(arr[owner[pi]], shapely.buffer(pts[pi], 2 * REACH, quad_segs=2))
    off = ~shapely.intersects(near_end, arr[li])
    pi, li, d = pi[off], li[off], d[off]
    if not len(pi):
        return []
    # the nearest further line of each end (ends at one point, to 1 µm, count once)
    key = _same_points(np.round(shapely.get_coordinates(pts), 6))
    order = np.argsort(d, kind="stable")
    _, first = np.unique(key[pi[order]], return_index=True)
    take = order[np.sort(first)]
    return list(shapely.shortest_line(pts[pi[take]], arr[li[take]]))


def _same_points(xy: np.ndarray) -> np.ndarray:
    """A number for each point of ``xy`` ((n, 2)), the same for points of equal
    coordinates (compared as numbers, as tuples of them are)."""
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    s = xy[order]
    new = np.r_[True, (s[1:, 0] != s[:-1, 0]) | (s[1:, 1] != s[:-1, 1])]
    key = np.empty(len(xy), dtype=np.int64)
    key[order] = np.cumsum(new) - 1
    return key
