"""Doorways between a jamb and a wall's corner: an opening with one jamb only.

:mod:`~floorplan.io.dxf.walls.openings` seals an opening between two jambs facing each other.
A doorway beside a corner has one: the wall's capped end on one side, and on the other the
face of the wall it runs into, at the corner where that face turns into the first wall's
face running on. House_plan (holdout5) opens its dressing passage into the master bedroom
so: the closet's wall (two faces 6 in apart and the line across their ends) stops 40 in
short of the passage's west wall, whose face turns the corner into the bedroom's south face,
in line with the closet wall's face. Nothing there is a free end for
:mod:`~floorplan.io.dxf.walls.closing` to bridge, and no second jamb for the pairs, so the
passage and the bedroom were one room.

Such an opening is sealed along both of the jamb's faces, as between two jambs, when:

- the jamb (a piece :data:`~floorplan.io.dxf.walls.openings.JAMB_LENGTH` long, not part of
  a curve, in no opening already) closes a wall: at each of its ends a face meets it, and
  every piece meeting it runs away from the gap (its far end behind the jamb);
- its two faces carried on straight ahead meet one line, the far wall's face, at one
  distance (within :data:`LEVEL`), a door's width away
  (:data:`~floorplan.io.dxf.walls.openings.OPENING_WIDTH`), with nothing drawn across the
  gap or standing in it;
- at one of the two points a face leaves that line in the line of the jamb's face and
  runs on beyond the gap: the first wall's face goes on past the corner, so the gap is an
  opening in it. A wall end standing short of the middle of a wall, its faces meeting
  nothing on the far side, is not sealed so: the floor may run round it.

What stands in it says what it is, as for two jambs: a door symbol (``door``), else nothing
(``bare``, reported as a doorway).

>>> import numpy as np
>>> stub = [np.array([[1.0, 0.0], [2.0, 0.0]]), np.array([[1.0, 0.15], [2.0, 0.15]]),
...         np.array([[1.0, 0.0], [1.0, 0.15]])]          # a wall ending at x = 1
>>> corner = [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-3.0, 0.15]])]
>>> [(o.width, o.kind) for o in corner_openings(stub + corner, [])]
[(1.0, 'bare')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.jambends import SHORTEST_JAMB, curve_pieces
from floorplan.io.dxf.walls.jambpairs import CORNER_REACH
from floorplan.io.dxf.walls.openings import JAMB_LENGTH, OPENING_WIDTH, Opening, segments

#: the jamb's two faces meet the far wall this level (metres): that face square to them
LEVEL = 0.01
#: two pieces are parallel (or square) within this (the sine of the angle between them)
SQUARE = 0.02


def corner_openings(lines: list[np.ndarray], door_marks: list[Polygon],
                    openings: Sequence[Opening] = ()) -> list[Opening]:
    """The openings between a jamb and a corner in the wall linework ``lines`` ((n, 2)
    arrays, metres), apart from the jambs of ``openings`` (those between two jambs);
    ``door_marks``: the outlines of door symbols (a door in an opening). See the module."""
    seg = segments(lines)
    if len(seg) < 4:
        return []
    vec = seg[:, 1] - seg[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    jamb = np.flatnonzero((length >= JAMB_LENGTH[0]) & (length <= JAMB_LENGTH[1])
                          & ~curve_pieces(lines))
    if not len(jamb):
        return []
    pieces: Any = shapely.linestrings(seg)
    tree = STRtree(pieces)
    sealed = [np.asarray(s.coords, dtype=float)[[0, -1]] for o in openings for s in o.seals]
    ends_taken: Any = shapely.points(np.concatenate(sealed)) if sealed else None
    taken_tree = STRtree(ends_taken) if sealed else None
    marks = STRtree(door_marks) if door_marks else None
    out: list[Opening] = []
    for j in jamb.tolist():
        a, b = seg[j]
        if taken_tree is not None and len(set(taken_tree.query(
                shapely.points([a, b]), predicate="dwithin", distance=CORNER_REACH)[0].tolist())) == 2:
            continue  # (both its ends on another opening's seals: its jamb already)
        made = _opening(j, seg, length, pieces, tree, marks)
        if made is not None:
            out.append(made)
    return out


def _opening(j: int, seg: np.ndarray, length: np.ndarray, pieces, tree: STRtree,
             marks: STRtree | None) -> Opening | None:
    a, b = seg[j]
    d = (b - a) / length[j]
    n = np.array([-d[1], d[0]])
    away = _away(j, seg, tree, d, n)
    if away is None:
        return None
    w = -away  # into the gap
    reach = OPENING_WIDTH[1] + LEVEL
    hit_a, hit_b = (_ahead(p, w, reach, pieces, tree, j) for p in (a, b))
    if hit_a is None or hit_b is None:
        return None
    ta, tb = hit_a[0], hit_b[0]
    if abs(ta - tb) > LEVEL or not OPENING_WIDTH[0] <= min(ta, tb):
        return None
    ha, hb = a + ta * w, b + tb * w
    far = [k for k in tree.query(shapely.points([ha, hb]), predicate="dwithin",
                                 distance=CORNER_REACH)[1].tolist()]
    if not any(far.count(k) == 2 and _parallel(seg[k], d) for k in set(far)):
        return None  # the two faces meet no one line across the gap: the far wall's face
    if not (_runs_on(ha, w, seg, tree) or _runs_on(hb, w, seg, tree)):
        return None  # no face runs on beyond the far wall: no corner, the floor may run round
    seals = (LineString([a, ha]), LineString([b, hb]))
    band = Polygon([a, ha, hb, b])
    inner = band.buffer(-CORNER_REACH, join_style="mitre")
    if inner.is_empty or len(tree.query(inner, predicate="intersects")):
        return None  # something drawn in the gap or across it
    door = marks is not None and len(marks.query(band, predicate="intersects")) > 0
    mid = (a + b + ha + hb) / 4
    return Opening(seals, (float(mid[0]), float(mid[1])), round(float((ta + tb) / 2), 6),
                   "door" if door else "bare")


def _away(j: int, seg: np.ndarray, tree: STRtree, d: np.ndarray, n: np.ndarray
          ) -> np.ndarray | None:
    """The way (``n`` or ``-n``) the wall that jamb ``seg[j]`` closes runs from it: at one
    end at least a piece meets it square to it, and every piece meeting either end runs
    that way (its far end behind the jamb by at least half :data:`SHORTEST_JAMB`), or, at
    one end only, on in the jamb's own line (the face of a wall turning at that corner;
    at both, the piece is a stretch of a face that a wall meets there), or ``None``;
    ``None`` too where a line runs between the two faces' far ends (a box: a label's
    frame, a pier standing free, no wall's end)."""
    side = 0.0
    fars: list[np.ndarray] = []
    faced = turned = 0
    for end, other in ((seg[j][0], seg[j][1]), (seg[j][1], seg[j][0])):
        met = [k for k in tree.query(shapely.points(end), predicate="dwithin",
                                     distance=CORNER_REACH).tolist() if k != j]
        if not met:
            return None  # the jamb's end stands free
        faces = 0
        for k in met:
            p, q = seg[k]
            far = q if np.hypot(*(q - end)) > np.hypot(*(p - end)) else p
            if np.hypot(*(p - end)) > CORNER_REACH and np.hypot(*(q - end)) > CORNER_REACH:
                return None  # a piece running on through the jamb's end: no wall's end
            t = float((far - end) @ n)
            if abs(t) <= SHORTEST_JAMB / 2:
                if _parallel(seg[k], d) and float((far - end) @ (end - other)) > 0:
                    turned += 1
                    continue  # the jamb's line running on: the face of a wall turning there
                return None  # a piece turning back into the jamb
            if side and np.sign(t) != side:
                return None  # faces both ways: a line across a wall, no end of one
            side = float(np.sign(t))
            if _parallel(seg[k], n):
                faces += 1
                fars.append(far)
        faced += faces > 0
    if not faced or turned > 1:
        return None  # (its line running on at both ends: a piece of a face a wall meets)
    if _joined(fars, seg, tree, j):
        return None  # the faces' far ends joined by a line between them: a box
    return side * n if side else None


def _joined(fars: list[np.ndarray], seg: np.ndarray, tree: STRtree, j: int) -> bool:
    """A piece (not ``seg[j]``) runs from one of the points ``fars`` to another: the far
    side of a box whose near side is ``seg[j]``. A wall its faces run into is no such piece:
    it runs on past them."""
    for x in range(len(fars)):
        for y in range(x + 1, len(fars)):
            f, g = fars[x], fars[y]
            for k in tree.query(shapely.points(f), predicate="dwithin",
                                distance=CORNER_REACH).tolist():
                p, q = seg[k]
                if k != j and min(np.hypot(*(p - f)) + np.hypot(*(q - g)),
                                  np.hypot(*(q - f)) + np.hypot(*(p - g))) <= 2 * CORNER_REACH:
                    return True
    return False


def _ahead(p: np.ndarray, w: np.ndarray, reach: float, pieces, tree: STRtree, skip: int
           ) -> tuple[float, int] | None:
    """How far ahead of ``p`` along ``w`` the first piece stands (beyond ``p`` itself,
    within ``reach``), and which piece it is; ``None`` when none does."""
    probe = LineString([p, p + reach * w])
    best: tuple[float, int] | None = None
    for k in tree.query(probe, predicate="intersects").tolist():
        if k == skip:
            continue
        hit = probe.intersection(pieces[k])
        for g in getattr(hit, "geoms", [hit]):
            if g.is_empty:
                continue
            t = min(float((np.asarray(c) - p) @ w) for c in g.coords)
            if t > CORNER_REACH and (best is None or t < best[0]):
                best = (t, k)
    return best


def _runs_on(h: np.ndarray, w: np.ndarray, seg: np.ndarray, tree: STRtree) -> bool:
    """A piece leaves the point ``h`` on the far wall's face in the line of ``w`` (within
    :data:`SQUARE`) and runs on beyond it by more than :data:`SHORTEST_JAMB`: the wall face
    the jamb's face is in, going on past the corner. Not the far wall's own end (a piece no
    longer than a jamb closing that wall): the far wall stops there, the building open."""
    for k in tree.query(shapely.points(h), predicate="dwithin", distance=CORNER_REACH).tolist():
        p, q = seg[k]
        for s, e in ((p, q), (q, p)):
            if np.hypot(*(s - h)) <= CORNER_REACH:
                run = e - s
                t = float(run @ w)
                if t > SHORTEST_JAMB and abs(run[0] * w[1] - run[1] * w[0]) <= SQUARE * t:
                    cap = t <= JAMB_LENGTH[1] and _away(k, seg, tree, w, np.array(
                        [-w[1], w[0]])) is not None
                    if not cap:
                        return True
    return False


def _parallel(piece: np.ndarray, u: np.ndarray) -> bool:
    """``piece`` ((2, 2)) runs along the unit vector ``u`` (within :data:`SQUARE`)."""
    v = piece[1] - piece[0]
    size = float(np.hypot(*v))
    return size > 0 and abs(v[0] * u[1] - v[1] * u[0]) <= SQUARE * size
