"""Folding doors: a bi-fold's leaves drawn folded, as V's along its track.

A closet's or a wardrobe's front is often bi-fold doors: leaves hinged to each other in
pairs that fold out into the room. Drawn part open, and with no swing arc, each pair of
leaves is a **V**: two straight leaves of about one width (:data:`LEAF`) meeting at the fold
(their ends within :data:`FOLD_GAP`), their other ends (the feet) on the door's track, the
fold standing off the track (at least :data:`MIN_DEPTH`, and on the track's one side).
The V's of one door stand in a **row**: their feet on one line (within
:data:`TRACK_REACH`), one after the other along it, their folds all on one side, with no
gap wider than the leaves either side of it could close unfolded (the sum of the two V's
leaves: a four-leaf door drawn folded back to its jambs leaves its middle open); a wall line crossing the track between two V's parts two doors (a
pier between two closets' fronts). A row is a door when its track, carried on by at most
:data:`END_REACH` at each end, meets the wall linework at both: a door fills its opening
from jamb to jamb. Its seal runs along the track from wall to wall, so the closet and the
room it opens from are two rooms, joined by the door.

Only lines on door layers, or in door blocks, are read (the caller's choice), so a V
among the furniture or an arrow's head on a note is no door.

>>> import numpy as np
>>> walls = [np.array([[0.0, 0.0], [3.0, 0.0]]), np.array([[0.0, 2.0], [3.0, 2.0]])]
>>> v = lambda y: [np.array([[1.0, y], [1.3, y + 0.2]]), np.array([[1.3, y + 0.2], [1.0, y + 0.4]])]
>>> leaves = v(0.05) + v(0.5) + v(1.1) + v(1.55)
>>> [(f.width, f.middle) for f in folding_doors(leaves, walls)]
[(2.0, (1.0, 1.0))]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.strtree import STRtree

#: a bi-fold leaf is this wide (metres): 6 in to 2 ft (0.15-0.61 m)
LEAF = (0.15, 0.65)
#: the two leaves of a pair meet at the fold within this (metres: a leaf's thickness; the
#: two faces of a leaf drawn as a thin rectangle meet the next leaf's there)
FOLD_GAP = 0.1
#: the fold stands at least this far (metres) off the track: a V, not a line along it
MIN_DEPTH = 0.05
#: the two leaves of a pair are of one width within this share
SAME_WIDTH = 0.2
#: the feet of one door's V's lie this close (metres) to one line: the track (the two faces
#: of leaves drawn as thin rectangles give two lines this close)
TRACK_REACH = 0.05
#: the track is carried on at most this far (metres) at each end to meet the walls: the jamb
#: or frame a door stands clear of
END_REACH = 0.15
#: a door's track is at least this long (metres): a cupboard's two leaves
MIN_TRACK = 0.4


@dataclass(frozen=True)
class FoldingDoor:
    """A folding door: its seal from wall to wall along the track, its middle and width."""

    a: tuple[float, float]
    b: tuple[float, float]

    @property
    def width(self) -> float:
        return round(float(np.hypot(self.b[0] - self.a[0], self.b[1] - self.a[1])), 6)

    @property
    def middle(self) -> tuple[float, float]:
        return (round((self.a[0] + self.b[0]) / 2, 6), round((self.a[1] + self.b[1]) / 2, 6))


def _segments(lines: list[np.ndarray]) -> np.ndarray:
    parts = [np.stack([p[:-1, :2], p[1:, :2]], axis=1) for p in lines if len(p) >= 2]
    return np.concatenate(parts).astype(float) if parts else np.zeros((0, 2, 2))


def pairs_of_leaves(lines: list[np.ndarray]) -> list[tuple]:
    """The V's among ``lines`` ((n, 2) arrays, metres): (foot, foot, fold, the two leaves'
    widths summed, the two leaves' segment numbers) of each pair of leaves meeting at a fold
    (see the module). Two V's side by side, their feet meeting, also make an upturned V
    between them (its fold their feet, its feet their folds): :func:`folding_doors` gives
    each leaf to one door."""
    seg = _segments(lines)
    if len(seg) < 2:
        return []
    length = np.hypot(*(seg[:, 1] - seg[:, 0]).T)
    keep = np.flatnonzero((length >= LEAF[0]) & (length <= LEAF[1]))
    if len(keep) < 2:
        return []
    seg, length = seg[keep], length[keep]
    ends = seg.reshape(-1, 2)  # end 2k, 2k + 1 of segment k
    pts: Any = shapely.points(ends)
    tree = STRtree(pts)
    ai, bi = tree.query(pts, predicate="dwithin", distance=FOLD_GAP)
    out = []
    seen: set[tuple[int, int]] = set()
    for a, b in zip(ai.tolist(), bi.tolist(), strict=True):
        i, j = a // 2, b // 2
        if i >= j or (i, j) in seen:
            continue
        if abs(length[i] - length[j]) > SAME_WIDTH * max(length[i], length[j]):
            continue
        fold = (ends[a] + ends[b]) / 2
        f1, f2 = ends[a ^ 1], ends[b ^ 1]  # the other ends: the feet
        track = f2 - f1
        span = float(np.hypot(*track))
        if span < 0.3 * min(length[i], length[j]):
            continue  # the leaves folded flat against each other, or one line drawn twice
        u = track / span
        rel = fold - f1
        along = float(rel @ u)
        depth = float(abs(rel[0] * u[1] - rel[1] * u[0]))
        if not (0.0 < along < span) or depth < MIN_DEPTH:
            continue
        seen.add((i, j))
        out.append((f1, f2, fold, float(length[i] + length[j]), (int(i), int(j))))
    return out


#: what was found in the last few linework read: the readings of one drawing's walls (the
#: sources and layers tried, :mod:`~floorplan.io.dxf.rooms.sourcechoice`, the views read
#: again) look for folding doors up to eight times, in the same door linework and often
#: the same walls. Keyed on a digest of the lines (:func:`_digest`): the V's of the door
#: linework, and the doors of the door and wall linework together.
_VEES: dict[bytes, list[tuple]] = {}
_DOORS: dict[bytes, list[FoldingDoor]] = {}
_KEEP = 4


def _digest(group: list[np.ndarray]) -> bytes:
    """A digest of the lines ``group``: every point, and where each line ends."""
    h = hashlib.blake2b(digest_size=16)
    h.update(np.asarray([len(p) for p in group], dtype=np.int64).tobytes())
    for p in group:
        h.update(np.ascontiguousarray(p[:, :2], dtype=float).tobytes())
    return h.digest()


def _kept(memo: dict, key: bytes, make):
    if key not in memo:
        if len(memo) >= _KEEP:
            del memo[next(iter(memo))]
        memo[key] = make()
    return memo[key]


def folding_doors(lines: list[np.ndarray], walls: list[np.ndarray]) -> list[FoldingDoor]:
    """The folding doors drawn by the door linework ``lines`` in the gaps of the wall
    linework ``walls`` ((n, 2) arrays, metres): rows of V's along one track that meets the
    walls at both ends (see the module). Found once for the same linework (:data:`_DOORS`)."""
    door_key = _digest(lines)
    vs = _kept(_VEES, door_key, lambda: pairs_of_leaves(lines))
    if not vs:
        return []
    return list(_kept(_DOORS, door_key + _digest(walls), lambda: _found(vs, walls)))


def _found(vs: list[tuple], walls: list[np.ndarray]) -> list[FoldingDoor]:
    """The folding doors of the V's ``vs`` (:func:`pairs_of_leaves`) in the gaps of the
    wall linework ``walls``."""
    wall_geoms = [LineString(p[:, :2]) for p in walls if len(p) >= 2]
    if not vs or not wall_geoms:
        return []
    wall_tree = STRtree(wall_geoms)
    left = list(range(len(vs)))
    rows = []
    while left:
        f1, f2, fold, _, _ = vs[left[0]]
        u = (f2 - f1) / np.hypot(*(f2 - f1))
        n = np.array([-u[1], u[0]])
        side = np.sign((fold - f1) @ n)
        row, rest = [], []
        for k in left:
            g1, g2, gf, _, _ = vs[k]
            d = g2 - g1
            du = d / np.hypot(*d)
            if (abs(du[0] * u[1] - du[1] * u[0]) < 0.05
                    and max(abs((g1 - f1) @ n), abs((g2 - f1) @ n)) <= TRACK_REACH
                    and np.sign((gf - f1) @ n) == side):
                row.append(k)
            else:
                rest.append(k)
        left = rest
        rows.append((row, f1, u, n))
    # the longest rows first: a leaf is one door's (the upturned V's between a door's V's
    # make a shorter row beside its track)
    rows.sort(key=lambda r: -len(r[0]))
    used: set[int] = set()
    out: list[FoldingDoor] = []
    for row, f1, u, n in rows:
        mine = [vs[k] for k in row if not used.intersection(vs[k][4])]
        if not mine:
            continue
        made = _doors_of_row(mine, f1, u, n, wall_geoms, wall_tree)
        if made:
            out += made
            used.update(x for vee in mine for x in vee[4])
    return out


def _doors_of_row(row: list, origin: np.ndarray, u: np.ndarray, n: np.ndarray,
                  wall_geoms: list[LineString], wall_tree: STRtree) -> list[FoldingDoor]:
    """The doors of one row of V's on a line: runs of V's with no gap their leaves could not
    close and no wall line crossing the track between them, each a door when its track,
    carried on to the walls, meets them at both ends."""
    spans = sorted((min(float((a - origin) @ u), float((b - origin) @ u)),
                    max(float((a - origin) @ u), float((b - origin) @ u)), leaves)
                   for a, b, _, leaves, _ in row)
    offset = float(np.median([float((p - origin) @ n) for a, b, _, _, _ in row for p in (a, b)]))
    base = origin + offset * n

    def at(t: float) -> np.ndarray:
        return base + t * u

    runs: list[list[float]] = []  # [start, end, the last V's leaves]
    for lo, hi, leaves in spans:
        if runs and lo - runs[-1][1] <= runs[-1][2] + leaves \
                and not _crossed(at(runs[-1][1]), at(lo), wall_tree, wall_geoms):
            runs[-1][1:] = [max(runs[-1][1], hi), leaves]
        else:
            runs.append([lo, hi, leaves])
    out = []
    for lo, hi, _ in runs:
        if hi - lo < MIN_TRACK:
            continue
        a = _to_wall(at(lo), -u, wall_tree, wall_geoms)
        b = _to_wall(at(hi), u, wall_tree, wall_geoms)
        if a is not None and b is not None:
            out.append(FoldingDoor((float(a[0]), float(a[1])), (float(b[0]), float(b[1]))))
    return out


def _crossed(p: np.ndarray, q: np.ndarray, tree: STRtree, geoms: list[LineString]) -> bool:
    """A wall line crosses the track between ``p`` and ``q``."""
    if np.hypot(*(q - p)) < 1e-9:
        return False
    probe = LineString([p, q])
    return len(tree.query(probe, predicate="intersects")) > 0


def _to_wall(p: np.ndarray, d: np.ndarray, tree: STRtree, geoms: list[LineString]
             ) -> np.ndarray | None:
    """The first point of the wall linework on the ray from ``p`` along ``d`` within
    :data:`END_REACH` (``p`` itself when a wall line passes within 1 mm of it), or ``None``."""
    from shapely.geometry import Point

    here = Point(p)
    if len(tree.query(here, predicate="dwithin", distance=0.001)):
        return p
    probe = LineString([p, p + END_REACH * d])
    best = None
    for k in tree.query(probe, predicate="intersects").tolist():
        hit = probe.intersection(geoms[k])
        for q in getattr(hit, "geoms", [hit]):
            if q.is_empty:
                continue
            t = probe.project(q if q.geom_type == "Point" else Point(q.coords[0]))
            if best is None or t < best:
                best = t
    return None if best is None else p + best * d
