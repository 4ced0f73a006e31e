"""The seals of door swings in double-line walls (step 2 of :mod:`~floorplan.io.dxf.walls.faces`,
after the jambed openings of :mod:`~floorplan.io.dxf.walls.openings`): a swing's seal carried
across the door's frames to the walls (:func:`framed_seals`) and along a jamb to the
wall's other face (:func:`far_face_seals`); of a door's two seals, the one along the open
leaf dropped, and both where the jambs already seal the opening (:func:`leaf_seals`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.openings import (
    FRAME_REACH,
    HINGE_REACH,
    JAMB_LENGTH,
    LEAVES_MEET,
    OPENING_WIDTH,
    Opening,
    segments,
)


def far_face_seals(seals, lines: list[np.ndarray], geoms: list[LineString]) -> list:
    """For each door seal (hinge, closed leaf's end) across a doorway in a double-line
    wall, the same seal along the wall's other face: where a jamb (a short line across
    the wall, JAMB_LENGTH) leaves either end of the seal square to it, the seal moved
    along that jamb, when its other end meets linework there too (or, for a pair of
    doors meeting in the middle, the other leaf's moved seal). The rooms either side then
    both run along their own wall face across the doorway; the reveal between is the wall
    band. A moved seal that a wall line crosses is no face of this doorway."""
    seg = segments(lines)
    if not len(seg) or not seals:
        return []
    vec = seg[:, 1] - seg[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    jamb = (length >= JAMB_LENGTH[0]) & (length <= JAMB_LENGTH[1])
    seg, vec, length = seg[jamb], vec[jamb], length[jamb]
    if not len(seg):
        return []
    tree = STRtree(geoms) if geoms else None
    out: list = []
    loose: list = []  # moved seals whose far end meets nothing drawn (yet)
    for h, e in seals:
        h, e = np.asarray(h, dtype=float)[:2], np.asarray(e, dtype=float)[:2]
        v = e - h
        n = float(np.hypot(*v))
        if n < OPENING_WIDTH[0] * 0.8:
            continue
        u = v / n
        square = np.abs((vec @ u) / length) < 0.05
        found = False
        for at, far in ((e, h), (h, e)):  # a jamb at the leaf's end first, then the hinge's
            for end, other in ((0, 1), (1, 0)):
                near = np.hypot(*(seg[:, end] - at).T) < 2e-3
                for k in np.flatnonzero(near & square).tolist():
                    w = seg[k, other] - seg[k, end]
                    h2, e2 = h + w, e + w
                    if _crossed(LineString([h2, e2]), geoms, tree):
                        continue
                    meets = tree is not None and len(tree.query(
                        shapely.points(far + w), predicate="dwithin", distance=HINGE_REACH))
                    if meets:
                        out.append((tuple(h2), tuple(e2)))
                        found = True
                        break
                    loose.append((tuple(h2), tuple(e2), tuple(far + w)))
                if found:
                    break
            if found:
                break
    # a pair of doors: each leaf's seal moved from its hinge's jamb, meeting in the middle
    for a in range(len(loose)):
        for b in range(a + 1, len(loose)):
            if np.hypot(*(np.asarray(loose[a][2]) - loose[b][2])) < 2e-3:
                out += [loose[a][:2], loose[b][:2]]
    return list(dict.fromkeys(out))


def _crossed(s: LineString, geoms, tree) -> bool:
    """A line of ``geoms`` crosses the inside of seal ``s`` (touching it at a point)."""
    if tree is None:
        return False
    inner: Any = shapely.line_interpolate_point(s, [0.02, 0.98], normalized=True)
    probe = LineString(inner)
    for i in tree.query(probe, predicate="intersects").tolist():
        if probe.intersection(geoms[i]).geom_type in ("Point", "MultiPoint"):
            return True
    return False


def framed_seals(seals, geoms: list[LineString]) -> list:
    """Door seals (hinge, closed leaf's end) carried across the door's frames: a seal that
    meets no wall line at either end, but runs on, along its own line, into a wall line
    within :data:`FRAME_REACH` at both ends, reaches those walls (the frame, drawn with the
    door symbol, fills the space between the leaf and the jambs). A seal touching a wall
    at one end is left alone: its other end may be an open leaf pointing at a wall.

    A pair of doors (:func:`pairs`: two seals in one line from their hinges, whose ends
    meet in the middle) is one seal from frame to frame: each leaf's seal carried from its
    hinge across its frame to the wall, its end kept where the leaves meet (a double door's
    meeting stiles stand in the opening, far from any wall, so neither leaf alone reaches a
    wall at both ends). One seal out for each seal in, in order."""
    if not seals or not geoms:
        return list(seals)
    tree = STRtree(geoms)
    out = []
    for h, e in seals:
        a, b = np.asarray(h, dtype=float)[:2], np.asarray(e, dtype=float)[:2]
        n = float(np.hypot(*(b - a)))
        if n < OPENING_WIDTH[0] * 0.8:
            out.append((h, e))
            continue
        u = (b - a) / n
        lo, hi = _ray_hit(a, -u, geoms, tree), _ray_hit(b, u, geoms, tree)
        if lo is None or hi is None:
            out.append((h, e))
            continue
        out.append((tuple(lo), tuple(hi)))
    for i, j in pairs(seals):
        ends = []
        for k in (i, j):
            a, b = (np.asarray(p, dtype=float)[:2] for p in seals[k])
            u = (b - a) / float(np.hypot(*(b - a)))
            on_wall = len(tree.query(shapely.points(a), predicate="dwithin", distance=1e-3)) > 0
            ends.append(a if on_wall else _ray_hit(a, -u, geoms, tree))
        if ends[0] is not None and ends[1] is not None:
            out[i] = (tuple(ends[0]), seals[i][1])
            out[j] = (tuple(ends[1]), seals[j][1])
    return out


def pairs(seals) -> list[tuple[int, int]]:
    """The pairs of door seals (hinge, closed leaf's end) among ``seals`` that are the two
    leaves of a double door: each at least ``0.8 x`` the narrowest door's half long, in one
    line from opposite sides, their ends meeting within :data:`LEAVES_MEET` (the meeting
    stiles). Each seal in one pair at most.

    >>> pairs([((0, 0), (0.7, 0)), ((1.4, 0), (0.7, 0)), ((0, 0), (0, 0.7))])
    [(0, 1)]
    """
    if len(seals) < 2:
        return []
    arr = np.asarray([[p[0][:2], p[1][:2]] for p in seals], dtype=float)
    v = arr[:, 1] - arr[:, 0]
    n = np.hypot(v[:, 0], v[:, 1])
    ok = n >= OPENING_WIDTH[0] * 0.4
    u = v / np.where(n > 0, n, 1.0)[:, None]
    tips: Any = shapely.points(arr[:, 1])
    a_idx, b_idx = STRtree(tips).query(tips, predicate="dwithin", distance=LEAVES_MEET)
    out: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, j in sorted(zip(a_idx.tolist(), b_idx.tolist(), strict=True)):
        if i >= j or not (ok[i] and ok[j]) or i in taken or j in taken:
            continue
        if float(u[i] @ u[j]) > -0.999:
            continue  # not in one line from opposite sides
        # the hinges in that line too: the leaves lie end to end, not side by side
        off = arr[j, 0] - arr[i, 0]
        if abs(float(off[0] * u[i][1] - off[1] * u[i][0])) > LEAVES_MEET:
            continue
        out.append((i, j))
        taken.update((i, j))
    return out


def _ray_hit(p: np.ndarray, u: np.ndarray, geoms, tree) -> np.ndarray | None:
    """The first point of a wall line on the ray from ``p`` along ``u`` within
    FRAME_REACH, when ``p`` touches none; else ``None``."""
    if len(tree.query(shapely.points(p), predicate="dwithin", distance=1e-3)):
        return None
    ray = LineString([p, p + FRAME_REACH * u])
    # a corridor a hair wide: a wall face in line with the seal, drawn 1e-14 off its line,
    # misses the ray itself (Becket's stair door sealed nothing so)
    lane = ray.buffer(1e-6, cap_style="flat")
    best = None
    for i in tree.query(lane, predicate="intersects").tolist():
        for q in shapely.get_coordinates(lane.intersection(geoms[i])):
            d = float(np.dot(q - p, u))
            if d > 1e-6 and (best is None or d < best[0]):
                best = (d, p + d * u)
    return None if best is None else best[1]


#: a seal's end this close (metres) to a wall line, or to another door's seal, meets it
#: (the reach within which a free wall end is joined to the next line)
MEET_REACH = 0.05


def leaf_seals(hinges: list, seals: list, geoms: list[LineString],
               openings: list[Opening]) -> list:
    """The door seals ``seals`` ((hinge, end) pairs; ``hinges[k]`` the hinge seal ``k``
    was drawn from, before it was carried across a frame) that close a doorway: a swing
    gives one seal to each arc end, since either may be the closed leaf; the other lies
    along the open leaf, into the room.

    - A door whose opening is already sealed between its jambs (a seal lying along an
      opening's face seal) needs none: the jambs close it on both wall faces, and its open
      leaf, reaching across a cupboard or a corridor to the wall beyond, would part it.
    - Of a door's two seals, one whose end meets a wall (or another door's seal: a pair
      of doors meets in the middle) while the other's end stands free in the room is the
      closed leaf; the open one is dropped (left in, its free end would be a corner a
      wall's end or a label's search could close a room to).
    - Otherwise (both ends meet linework, or neither does) both are kept."""
    if not seals:
        return []
    tree = STRtree(geoms) if geoms else None
    faces = [s for o in openings for s in o.seals]
    face_tree = STRtree(faces) if faces else None
    lines = [LineString([h, e]) for h, e in seals]
    groups: dict[tuple, list[int]] = {}
    for k, h in enumerate(hinges):
        groups.setdefault((round(float(h[0]), 4), round(float(h[1]), 4)), []).append(k)
    door_of = {k: g for g, ks in groups.items() for k in ks}
    seal_tree = STRtree(lines)

    def on_face(k: int) -> bool:
        if face_tree is None or lines[k].length < 1e-6:
            return False
        mid = lines[k].interpolate(0.5, normalized=True)
        for i in face_tree.query(mid, predicate="dwithin", distance=0.02).tolist():
            f = faces[i]
            if f.length > 1e-6 and _parallel(lines[k], f) and \
                    lines[k].buffer(0.02, cap_style="flat").intersection(f).length >= 0.8 * min(f.length, lines[k].length):
                return True
        return False

    def meets(k: int) -> bool:
        end = shapely.points(np.asarray(seals[k][1], dtype=float)[:2])
        if tree is not None and len(tree.query(end, predicate="dwithin", distance=MEET_REACH)):
            return True
        return any(door_of[i] != door_of[k] for i in
                   seal_tree.query(end, predicate="dwithin", distance=MEET_REACH).tolist())

    keep: list[int] = []
    for ks in groups.values():
        if any(on_face(k) for k in ks):
            continue
        if len(ks) == 2:
            met = [meets(k) for k in ks]
            if met[0] != met[1]:
                keep.append(ks[0] if met[0] else ks[1])
                continue
        keep += ks
    return [seals[k] for k in sorted(keep)]


def _parallel(a: LineString, b: LineString) -> bool:
    (ax0, ay0), (ax1, ay1) = a.coords[0], a.coords[-1]
    (bx0, by0), (bx1, by1) = b.coords[0], b.coords[-1]
    cross = (ax1 - ax0) * (by1 - by0) - (ay1 - ay0) * (bx1 - bx0)
    return abs(cross) <= 0.05 * a.length * b.length
