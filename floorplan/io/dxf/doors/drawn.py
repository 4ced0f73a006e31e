"""Door blocks known by what they draw, whatever their name or layer.

A block whose name and layer say nothing (``PA145``, ``PMA_0.825`` on a layer of "fine
lines", the door library of another country) is a door when its own geometry draws one:

- a **swing**: an ARC (or a polyline flattened from one, :func:`~.swings.arc_runs`) of a
  door leaf's radius (:data:`~.symbols.DOOR_RADIUS`, in metres: the units are known by
  then) sweeping about a quarter turn (:data:`~.swings.SWEEP`);
- with its **open leaf**: a straight segment of the block (a LINE, or a side of a
  polyline or of the thin rectangle a leaf is often drawn as) from the swing's centre to
  one end of the arc (within :data:`~.symbols.LEAF_REACH` of the radius, as everywhere
  else a leaf is read); a double door is two such swings whose closed leaves meet in the
  middle (:func:`~.symbols.leaf_pairs`);
- **no more than a door**: every point of the block within a leaf and
  :data:`FRAME` of a hinge (a block drawing a wall with its door, or a whole flat, is no
  door block);
- **in a gap of the walls**: the opening (hinge to the closed leaf's end, or hinge to
  hinge) crosses no wall linework in its middle (:data:`CLEAR`), and wall linework stands
  within :data:`JAMB` of each of its ends.

A block whose name or layer says it is something (a fitting, a window, a stair, a title)
is never a candidate: furniture with arcs of a door's size is known by its name, and a
bath, a WC pan, a sink or a round table draws no leaf from the centre of an arc of a
door's radius, nor stands across a wall gap (a quadrant shower tray has both radii drawn
and its chord along the walls of its corner).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.doors import swings as dxf_swings
from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.layers import says_glazing

#: a door block reaches at most this far (metres) beyond its leaves from a hinge: the
#: frame, the jambs and the wall stubs a symbol draws
FRAME = 0.3
#: wall linework stands this close (metres) to each end of the opening: the jambs
JAMB = 0.3
#: the opening's middle (this share of it at each end left out) crosses no wall line, nor
#: comes within 2 cm of one: a gap, not a door drawn over a wall or along it
CLEAR = 0.15
#: the layer kinds whose blocks may be doors by their drawing (a block on a fitting, stair
#: or annotation layer is what its layer says; a door's swing is seen, not cut, and some
#: offices draw doors on a projection layer: archweb's ``PROIEZIONI finissime``) ...
DOOR_KINDS = (None, "wall", "projection")
#: ... and those whose linework bounds a wall gap (a projection bounds nothing)
OPEN_KINDS = (None, "wall")


def door_blocks(inserts: list, opens: list, loops: list, arcs: list, ins_kind: dict,
                layer_kind) -> list:
    """The INSERTs among ``inserts`` (collected, local metres) that no name or layer
    places and whose own geometry draws a door standing in a wall gap (see the module).
    ``ins_kind`` maps an insert's uid to what its name or layer says; ``layer_kind(layer)``
    is the layer's kind."""
    cands = {i.uid: i for i in inserts if _candidate(i, ins_kind, layer_kind)}
    if not cands:
        return []
    owned: dict[int, list] = {}
    for p in arcs:
        for u in p.chain:
            if u in cands:
                owned.setdefault(u, []).append(p)
    for p in dxf_swings.block_swings(opens, arcs, set(cands)):  # swings drawn as polylines
        for u in p.chain:
            if u in cands:
                owned.setdefault(u, []).append(p)
    if not owned:
        return []
    lines: dict[int, list] = {}
    for p in list(opens) + list(loops):
        if p.etype == "ARC" or not p.chain:
            continue
        for u in p.chain:
            if u in owned:
                lines.setdefault(u, []).append(p)
    found: list[tuple[Any, np.ndarray, np.ndarray]] = []
    for uid, swings in owned.items():
        opening = _drawn_door(cands[uid], swings, lines.get(uid, []))
        if opening is not None:
            found.append((cands[uid], *opening))
    if not found:
        return []
    # what the door blocks draw is no wall: two blocks drawn over one opening (a pair of
    # leaves each way) do not stand in each other's way
    doors = {ins.uid for ins, _, _ in found}
    walls = wall_tree(opens, loops, lambda u: ins_kind.get(u) is None and u not in doors, layer_kind)
    return [ins for ins, a, b in found if in_gap(a, b, walls)]


def _candidate(ins, ins_kind: dict, layer_kind) -> bool:
    """An insert that nothing names, on a layer that may hold doors, in no block that is
    something, not named as a window, and drawn about a door's size (cheap tests first:
    a plan holds thousands of blocks)."""
    if ins_kind.get(ins.uid) is not None or ins.pts is None or len(ins.pts) < 2:
        return False
    lo, hi = dxf_doors.DOOR_RADIUS
    side = float(np.ptp(np.asarray(ins.pts, dtype=float)[:, :2], axis=0).max())
    if not lo <= side <= 2 * (hi + FRAME):  # smaller than a leaf, larger than two and frames
        return False
    if layer_kind(ins.layer) not in DOOR_KINDS or says_glazing(ins.layer) or says_glazing(ins.name):
        return False
    return all(ins_kind.get(u) is None for u in ins.chain)


def sweep(arc) -> float:
    """The degrees an arc primitive turns about its centre (from its flattened points)."""
    c = np.asarray(arc.extra["center"], dtype=float)[:2]
    v = np.asarray(arc.pts, dtype=float)[:, :2] - c
    ang = np.arctan2(v[:, 1], v[:, 0])
    if len(ang) < 2:
        return 0.0
    # no step of half a turn or more: unwrapping would change nothing (np.unwrap adds
    # its corrections, all zero, to the last angle), and it costs twice all the rest
    if not np.abs(np.diff(ang)).max() < math.pi:
        ang = np.unwrap(ang)
    return abs(math.degrees(float(ang[-1] - ang[0])))


def _segments(prims: list) -> np.ndarray:
    """Every straight segment ((m, 2, 2), metres) of ``prims``, closing sides included."""
    out = []
    for p in prims:
        pts = np.asarray(p.pts, dtype=float)[:, :2]
        if p.closed and len(pts) > 2 and not np.allclose(pts[0], pts[-1]):
            pts = np.vstack([pts, pts[:1]])
        if len(pts) >= 2:
            out.append(np.stack([pts[:-1], pts[1:]], axis=1))
    return np.concatenate(out) if out else np.zeros((0, 2, 2))


def _open_end(arc, segs: np.ndarray) -> int | None:
    """The index (0 or 1) of the arc end the open leaf reaches, a segment of ``segs`` from
    the arc's centre to that end; ``None`` when no segment draws the leaf."""
    if not len(segs):
        return None
    c = np.asarray(arc.extra["center"], dtype=float)[:2]
    reach = dxf_doors.LEAF_REACH * arc.extra["radius"] + 0.01
    a, b = segs[:, 0], segs[:, 1]
    at_a, at_b = np.hypot(*(a - c).T) <= reach, np.hypot(*(b - c).T) <= reach
    for k, e in enumerate(arc.extra["ends"]):
        e = np.asarray(e, dtype=float)[:2]
        if np.any((at_a & (np.hypot(*(b - e).T) <= reach)) | (at_b & (np.hypot(*(a - e).T) <= reach))):
            return k
    return None


def _drawn_door(ins, arcs: list, lines: list) -> tuple[np.ndarray, np.ndarray] | None:
    """The opening (its two ends) of the door the block draws, or ``None`` when it draws
    none: one swing with its leaf, or two whose closed leaves meet, and nothing further
    from a hinge than a leaf and :data:`FRAME`."""
    lo, hi = dxf_doors.DOOR_RADIUS
    lo_s, hi_s = dxf_swings.SWEEP
    swings = [a for a in arcs if lo <= a.extra["radius"] <= hi and lo_s <= sweep(a) <= hi_s]
    if not 1 <= len(swings) <= 2:
        return None
    segs = _segments(lines)
    opens = [_open_end(a, segs) for a in swings]
    if any(k is None for k in opens):
        return None
    hinges = np.array([a.extra["center"] for a in swings], dtype=float)[:, :2]
    hull = np.asarray(ins.pts, dtype=float)[:, :2]
    near = np.min(np.hypot(hull[:, None, 0] - hinges[None, :, 0], hull[:, None, 1] - hinges[None, :, 1]), axis=1)
    if float(near.max()) > max(a.extra["radius"] for a in swings) + FRAME:
        return None
    if len(swings) == 2:
        if not dxf_doors.leaf_pairs(swings):
            return None
        return hinges[0], hinges[1]
    k = 1 - int(opens[0] or 0)  # the end the open leaf does not reach: the closed leaf's
    return hinges[0], np.array(swings[0].extra["ends"][k][:2], dtype=float)


def wall_tree(opens: list, loops: list, plain, layer_kind) -> tuple[STRtree, np.ndarray]:
    """The linework that may bound a wall gap (on layers that say wall or nothing, in no
    block that is something or draws a door: ``plain(uid)`` says which blocks may hold
    it), as a tree of line strings."""
    prims = [p for p in list(opens) + list(loops)
             if layer_kind(p.layer) in OPEN_KINDS and len(p.pts) >= 2
             and all(plain(u) for u in p.chain)]
    geoms = []
    for p in prims:
        pts = np.asarray(p.pts, dtype=float)[:, :2]
        if p.closed and not np.allclose(pts[0], pts[-1]):
            pts = np.vstack([pts, pts[:1]])
        geoms.append(shapely.linestrings(pts))
    arr = np.asarray(geoms, dtype=object)
    return STRtree(arr), arr


#: a straight line this short (metres) crossing the opening's middle at more than
#: :data:`ACROSS` (radians) is a mark across the wall (a tick at the door's axis, a
#: threshold), not a wall the door is drawn over
MARK = 0.5
ACROSS = math.pi / 4


def in_gap(a: np.ndarray, b: np.ndarray, walls) -> bool:
    """The opening ``a``-``b`` lies in a wall gap: its middle clear of wall linework (but
    for short marks across it, :data:`MARK`), wall linework within :data:`JAMB` of both
    ends."""
    tree, geoms = walls
    if not len(geoms):
        return False
    d = b - a
    mid = shapely.linestrings([a + CLEAR * d, b - CLEAR * d])
    if any(not _mark_across(geoms[k], d) for k in tree.query(mid, predicate="dwithin", distance=0.02)):
        return False
    return all(len(tree.query(shapely.points(p), predicate="dwithin", distance=JAMB)) for p in (a, b))


def _mark_across(g, d: np.ndarray) -> bool:
    """``g`` (a line string) is a short straight mark across an opening running along ``d``."""
    c = shapely.get_coordinates(g)
    if len(c) != 2:
        return False
    v = c[1] - c[0]
    n = float(np.hypot(*v)) * float(np.hypot(*d))
    if not 0 < float(np.hypot(*v)) <= MARK or n <= 0:
        return False
    return abs(float(v[0] * d[1] - v[1] * d[0])) / n > math.sin(ACROSS)
