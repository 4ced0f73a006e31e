"""Rooflights drawn on a plan: a closed square with both its diagonals, on a window or
glazing layer, standing free of every wall. Seen from below, a rooflight (or an opening in
the floor or roof above) is drawn as the glazing it is, crossed; the floor runs under it,
so it is no wall and no obstacle, and a room read with a hole there is read wrong.

A crossed square on any other layer is left alone: a column is drawn the same way, and a
column is a wall here. So is one that touches other wall linework (a window in a wall).

>>> from floorplan.io.dxf.collect.prims import Prim
>>> import numpy as np
>>> sq = [(0, 0), (1, 0), (1, 1), (0, 1)]
>>> ps = [Prim(i, "LINE", "WINDOWS", "", np.array([a, b], float))
...       for i, (a, b) in enumerate(zip(sq, sq[1:] + sq[:1]))]
>>> ps += [Prim(4, "LINE", "WINDOWS", "", np.array([(0, 0), (1, 1)], float)),
...        Prim(5, "LINE", "WINDOWS", "", np.array([(1, 0), (0, 1)], float))]
>>> sorted(rooflights(ps, lambda layer: True)[0])
[0, 1, 2, 3, 4, 5]
"""

from __future__ import annotations

import math

import numpy as np

#: a rooflight's side, metres: from a small sun-pipe's to a large lantern's
SIDE = (0.3, 3.0)
#: its sides may differ by this ratio and still be a square (a 0.8 x 1.0 m rooflight)
ASPECT = 1.5
#: ends meet, and wall linework stands clear, within this (metres)
TOL = 0.02


def _segments(prims):
    """(a, b, uid) for every straight piece of every prim of straight pieces."""
    out = []
    for p in prims:
        pts = np.asarray(p.pts, dtype=float)[:, :2]
        if p.etype not in ("LINE", "LWPOLYLINE", "POLYLINE") or len(pts) < 2 or len(pts) > 6:
            continue
        if p.closed and not np.allclose(pts[0], pts[-1]):
            pts = np.vstack([pts, pts[:1]])
        for a, b in zip(pts[:-1], pts[1:], strict=True):
            if math.dist(a, b) > TOL:
                out.append((a, b, p.uid))
    return out


def _same(a, b) -> bool:
    return abs(a[0] - b[0]) <= TOL and abs(a[1] - b[1]) <= TOL


def rooflights(prims, glazing, walls=()) -> tuple[set[int], int]:
    """The uids of the prims that draw free-standing crossed squares, and how many squares.

    ``prims``: wall linework not inside a recognised block, in metres; ``glazing(layer)``
    says whether a layer holds windows or glazing; ``walls``: all other wall linework
    (prims), which must stand clear of each square."""
    segs = _segments([p for p in prims if glazing(p.layer)])
    if len(segs) < 6:
        return set(), 0
    from shapely import STRtree
    from shapely.geometry import LineString, box

    # the diagonals: two pieces of one length that share their midpoints (found by a grid
    # of the midpoints, so a sheet of many windows stays linear)
    cell = 4 * TOL
    grid: dict[tuple[int, int], list[int]] = {}
    mids = [((s[0][0] + s[1][0]) / 2, (s[0][1] + s[1][1]) / 2) for s in segs]
    lens = [math.dist(s[0], s[1]) for s in segs]
    for i, (mx, my) in enumerate(mids):
        grid.setdefault((math.floor(mx / cell), math.floor(my / cell)), []).append(i)

    def find(a, b):
        """The piece from a to b (either way), found by its midpoint."""
        gx, gy = math.floor((a[0] + b[0]) / 2 / cell), math.floor((a[1] + b[1]) / 2 / cell)
        for j in (j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((gx + dx, gy + dy), ())):
            s = segs[j]
            if (_same(s[0], a) and _same(s[1], b)) or (_same(s[0], b) and _same(s[1], a)):
                return s
        return None

    found: list[tuple[set[int], list]] = []
    for i, (a, b, _u) in enumerate(segs):
        gx, gy = math.floor(mids[i][0] / cell), math.floor(mids[i][1] / cell)
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in grid.get((gx + dx, gy + dy), ())
                if j > i and _same(mids[j], mids[i]) and abs(lens[j] - lens[i]) <= 2 * TOL]
        for j in near:
            c, d, _v = segs[j]
            if _same(a, c) or _same(a, d):
                continue
            corners = [a, c, b, d]
            sides = [math.dist(corners[k], corners[(k + 1) % 4]) for k in range(4)]
            lo, hi = min(sides), max(sides)
            if lo < SIDE[0] or hi > SIDE[1] or hi > ASPECT * lo:
                continue
            edges = [find(corners[k], corners[(k + 1) % 4]) for k in range(4)]
            if any(e is None for e in edges):
                continue
            found.append(({segs[i][2], segs[j][2], *(e[2] for e in edges if e)}, corners))
    if not found:
        return set(), 0
    mine = set().union(*(u for u, _ in found))
    others = [LineString(np.asarray(p.pts, dtype=float)[:, :2]) for p in list(prims) + list(walls)
              if p.uid not in mine and len(p.pts) >= 2]
    tree = STRtree(others) if others else None
    uids: set[int] = set()
    n = 0
    for group, square in found:
        xs = [p[0] for p in square]
        ys = [p[1] for p in square]
        zone = box(min(xs), min(ys), max(xs), max(ys)).buffer(TOL)
        if tree is not None and len(tree.query(zone, predicate="intersects")):
            continue  # touches a wall, a window frame: glazing in a wall
        if group & uids or any(not any(_same(q, k) for k in square)
                               for sg in segs if sg[2] in group for q in sg[:2]):
            continue  # taken, or a polyline that runs on past the square
        uids |= group
        n += 1
    return uids, n


def set_aside(reader, col) -> set[int]:
    """The uids of the rooflights' linework in ``col`` (in metres), noted on ``reader``."""
    from floorplan.io.dxf.layers import says_glazing

    walls = [p for p in (*col.loops, *col.opens)
             if reader.layer_kind(p.layer) == "wall" and not reader.blocked(p)]
    uids, n = rooflights(walls, says_glazing)
    if n:
        reader.notes.append(f"{n} rooflight(s) (a crossed square standing free on a window layer) "
                            "read as glazing above: the floor runs under them")
    return uids
