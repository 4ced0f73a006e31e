"""A floor finish drawn with the walls: boards, decking or strips, not walls.

A floor of boards (or decking, or strip tiles) is drawn as a family of parallel lines at
one pitch, each running from wall to wall across the room. Read as walls they cut the
room into strips one board wide, every one thinner than a room, and the room is lost. A
careful reader sees a finish by its shape, whatever its layer:

- at least :data:`MIN_STRIPS` straight lines of one direction (within :data:`ALIGN`),
  their ends level (each line starts and ends where the others do, within :data:`SAME`),
  one after another at one pitch (every gap within :data:`SAME` of it) between
  :data:`PITCH` (a board's or a strip's width: a stair's going is wider, a wall band's
  lines are two, not eight);
- each line touching other linework at its ends (:data:`TOUCH`): the walls it runs
  between (at one end at least, most at both: :data:`BOTH_ENDS`).

The run's first and last lines may be the room's own faces, drawn room by room at
exactly the boards' extent and one pitch from them: such an end line is kept as wall
when it turns the room's corners, meeting other linework at a vertex at both its ends
(an L); a board butts into the face along it (a T).

>>> import numpy as np
>>> room = [np.array([[0.0, 0.0], [3.0, 0.0], [3.0, 2.0], [0.0, 2.0], [0.0, 0.0]])]
>>> boards = [np.array([[0.0, 0.1 * k], [3.0, 0.1 * k]]) for k in range(1, 20)]
>>> finish_lines(room + boards) == list(range(1, 20))
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

#: a finish: at least this many lines
MIN_STRIPS = 8
#: a board's, a deck's or a strip's width (metres): the pitch of a finish
PITCH = (0.05, 0.2)
#: lines agree in direction within this (radians), in their ends and gaps within this (m)
ALIGN = 0.002
SAME = 0.005
#: a line touches other linework within this (metres) of its ends; every line of a
#: finish touches it at one end at least, and this share of them at both (boards running
#: into a doorway end in the opening)
TOUCH = 0.01
BOTH_ENDS = 0.75


def _runs(values: np.ndarray, tol: float) -> list[np.ndarray]:
    """Indices of ``values`` in runs whose neighbours (sorted) differ by at most ``tol``."""
    order = np.argsort(values, kind="stable")
    cuts = np.flatnonzero(np.diff(values[order]) > tol) + 1
    return [r for r in np.split(order, cuts) if len(r)]


def _even_runs(off: np.ndarray) -> list[np.ndarray]:
    """Positions (into ``off``, sorted ascending) of the runs of at least
    :data:`MIN_STRIPS` consecutive offsets at one pitch in :data:`PITCH`."""
    out = []
    gaps = np.diff(off)
    start = 0
    while start < len(off) - 1:
        g = gaps[start]
        end = start + 1
        if PITCH[0] - SAME <= g <= PITCH[1] + SAME:
            while end < len(off) - 1 and abs(gaps[end] - g) <= SAME:
                end += 1
        if end - start + 1 >= MIN_STRIPS and PITCH[0] - SAME <= g <= PITCH[1] + SAME:
            out.append(np.arange(start, end + 1))
            start = end
        else:
            start += 1
    return out


def finish_lines(lines: Sequence[np.ndarray]) -> list[int]:
    """The indices of ``lines`` ((n, 2+) arrays, metres) that draw a floor finish (see the
    module's docstring)."""
    two = [k for k, ln in enumerate(lines) if len(ln) == 2]
    if len(two) < MIN_STRIPS:
        return []
    seg = np.array([np.asarray(lines[k])[:, :2].ravel() for k in two], dtype=float)
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    ang = np.arctan2(d[:, 1], d[:, 0]) % np.pi
    ang = np.where(ang > np.pi - ALIGN, ang - np.pi, ang)
    drawn = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    geoms = shapely.linestrings(np.vstack([np.asarray(lines[k])[:, :2] for k in drawn]),
                                indices=np.repeat(np.arange(len(drawn)), [len(lines[k]) for k in drawn]))
    geom_of = {k: g for g, k in enumerate(drawn)}
    tree = shapely.STRtree(np.asarray(geoms, dtype=object))
    out: list[int] = []
    ok = np.flatnonzero(length > 0)
    for by_angle in _runs(ang[ok], ALIGN):
        idx = np.sort(ok[by_angle])
        if len(idx) < MIN_STRIPS:
            continue
        a = float(np.mean(ang[idx]))
        u, n = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
        p0, p1 = seg[idx, :2] @ u, seg[idx, 2:] @ u
        lo, hi = np.minimum(p0, p1), np.maximum(p0, p1)
        for by_lo in _runs(lo, SAME):
            for by_hi in _runs(hi[by_lo], SAME):
                mine = idx[by_lo[by_hi]]
                if len(mine) < MIN_STRIPS:
                    continue
                off = seg[mine, :2] @ n
                order = np.argsort(off)
                mine, off = mine[order], off[order]
                for run in _even_runs(off):
                    out += _finish(mine[run], seg, off[run], tree, geom_of, two)
    return sorted(set(out))


def _finish(members: np.ndarray, seg: np.ndarray, off: np.ndarray, tree, geom_of: dict,
            two: list) -> list[int]:
    """The indices (into the lines searched) of a run's lines that are finish: all of
    them when they touch other linework at their ends (:data:`BOTH_ENDS`), less an end line that is the
    room's face (see the module's docstring); none otherwise."""
    own = {geom_of[two[k]] for k in members.tolist()}
    ends = np.zeros((len(members), 2), dtype=bool)
    for e, end in enumerate((seg[members, :2], seg[members, 2:])):
        i, g = tree.query(shapely.points(end), predicate="dwithin", distance=TOUCH)
        mine = np.isin(g, list(own))
        ends[i[~mine], e] = True
    if not ends.any(axis=1).all() or ends.all(axis=1).mean() < BOTH_ENDS:
        return []
    keep = set(members.tolist())
    for k in (int(members[0]), int(members[-1])):
        if _cornered(k, seg, tree, own):
            keep.discard(k)
    return [two[k] for k in sorted(keep)]


def _cornered(k: int, seg: np.ndarray, tree, own: set[int]) -> bool:
    """Whether the run's end line ``k`` is the room's own face: at both its ends it meets
    other linework (not of the run) at a corner, a vertex of that linework. A board butts
    into the wall's face along it (a T), a face turns the room's corner (an L)."""
    geoms = tree.geometries
    for end in (seg[k, :2], seg[k, 2:]):
        near = [g for g in np.atleast_1d(tree.query(shapely.Point(end), predicate="dwithin",
                                                    distance=TOUCH)).tolist() if int(g) not in own]
        if not any(np.any(np.hypot(*(shapely.get_coordinates(geoms[g]) - end).T) <= TOUCH)
                   for g in near):
            return False
    return True
