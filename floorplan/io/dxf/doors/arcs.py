"""Which ARCs are door swings: the one decision every stage that reads swings asks.

A swing arc is a door's when

- it is on a **door layer**, or inside a **door block** (by name, layer or drawing:
  :mod:`~floorplan.io.dxf.doors.drawn`); or
- its **open leaf** is: a straight line from the arc's centre (within
  :data:`~floorplan.io.dxf.doors.symbols.LEAF_REACH` of the radius: a leaf is drawn its
  thickness off the hinge) to one of its ends, about the radius long, on a door layer or
  in a door block. Offices that draw the leaves on ``PORTE - doors`` and the swings on a
  layer of fine lines (a projection: a swing is seen, not cut) draw doors all the same; or
- whatever layer both are on (one that may hold doors: wall, projection, or one that says
  nothing, :data:`~floorplan.io.dxf.doors.drawn.DOOR_KINDS`), arc and leaf together
  **draw a door in a wall gap**: the opening (the hinge to the closed leaf's end, or
  hinge to hinge for two swings whose closed leaves meet) stands in a gap of the walls
  as :func:`~floorplan.io.dxf.doors.drawn.in_gap` reads it for a door block. This needs
  metres (``gap``), so the units stage, before them, asks only the first two.

An arc with no leaf on a layer that says nothing of doors is no door (a furniture
layer's round table, a projection's arched canopy); nor is one inside a block that is
something else (a fitting, a stair, a title).

Swings of a door's radius only (:data:`~floorplan.io.dxf.doors.symbols.DOOR_RADIUS`),
unless ``radius`` is ``None`` (the units stage, in drawing units, measures them to tell
the units).
"""

from __future__ import annotations

import numpy as np

from floorplan.io.dxf.doors import drawn as dxf_drawn
from floorplan.io.dxf.doors import swings as dxf_swings
from floorplan.io.dxf.doors import symbols as dxf_doors

#: a leaf is about the swing's radius long: within this share of it
LEAF_LENGTH = 0.12


def door_arc_uids(arcs: list, lines: list, ins_kind: dict, layer_kind,
                  radius: tuple[float, float] | None = dxf_doors.DOOR_RADIUS,
                  gap: bool = False, loops: list | tuple = (), quarter: bool = False) -> set[int]:
    """The uids of the ``arcs`` (collected ARC primitives) that are door swings (see the
    module). ``lines`` are the collected open primitives (the leaves among them),
    ``ins_kind`` maps an insert's uid to what it is, ``layer_kind(layer)`` a layer's kind;
    ``gap`` asks the wall-gap test too (metres only), with ``loops`` the closed linework
    that may bound a gap. An arc that only its leaf or the gap makes a door sweeps about
    a quarter turn (:data:`~floorplan.io.dxf.doors.swings.SWEEP`); ``quarter`` asks it of
    those on door layers and in door blocks too (the units stage, whose radii must be
    leaves', not the frame's rounded corners a door layer also holds)."""
    door_uids = {u for u, k in ins_kind.items() if k == "door"}

    def of_doors(p) -> bool:
        return layer_kind(p.layer) == "door" or not door_uids.isdisjoint(p.chain)

    def sized(a) -> bool:
        r = a.extra.get("radius", 0.0)
        return radius is None or radius[0] <= r <= radius[1]

    out: set[int] = set()
    rest = []
    for a in arcs:
        if "center" not in a.extra or not sized(a):
            continue
        if of_doors(a):
            if not quarter or _quarter(a):
                out.add(a.uid)
        elif not any(ins_kind.get(u) is not None for u in a.chain) and _quarter(a):
            rest.append(a)
    if not rest:
        return out
    door_segs = _segments([p for p in lines if p.etype != "ARC" and of_doors(p)])
    lone = []
    for a in rest:
        if _open_end(a, door_segs) is not None:
            out.add(a.uid)
        elif gap and layer_kind(a.layer) in dxf_drawn.DOOR_KINDS:
            lone.append(a)
    if lone:
        out |= _in_gaps(lone, lines, loops, ins_kind, layer_kind)
    return out


def _quarter(arc) -> bool:
    """The arc sweeps about a quarter turn, as a door's swing does."""
    lo, hi = dxf_swings.SWEEP
    return lo <= dxf_drawn.sweep(arc) <= hi


def _segments(prims: list, owners: list | None = None) -> np.ndarray:
    """Every straight segment ((m, 2, 2)) of ``prims``; ``owners`` is filled with the uid
    of the primitive each comes from."""
    keep = [p for p in prims if len(p.pts) >= 2]
    if owners is not None:
        owners += [p.uid for p in keep for _ in range(len(p.pts) - 1)]
    parts = [np.stack([p.pts[:-1, :2], p.pts[1:, :2]], axis=1) for p in keep]
    return np.concatenate(parts).astype(float) if parts else np.zeros((0, 2, 2))


def _open_end(arc, segs: np.ndarray, leaf: list | None = None) -> int | None:
    """The index (0 or 1) of the end of ``arc`` that a leaf of ``segs`` reaches from its
    centre, the leaf about the radius long; ``None`` when no segment draws its leaf.
    ``leaf`` is given the indices of the segments that draw it."""
    if not len(segs):
        return None
    c = np.asarray(arc.extra["center"], dtype=float)[:2]
    r = float(arc.extra["radius"])
    reach = dxf_doors.LEAF_REACH * r
    a, b = segs[:, 0], segs[:, 1]
    long_enough = np.abs(np.hypot(*(b - a).T) - r) <= LEAF_LENGTH * r
    at_a = long_enough & (np.hypot(*(a - c).T) <= reach)
    at_b = long_enough & (np.hypot(*(b - c).T) <= reach)
    for k, e in enumerate(arc.extra["ends"]):
        e = np.asarray(e, dtype=float)[:2]
        hit = (at_a & (np.hypot(*(b - e).T) <= reach)) | (at_b & (np.hypot(*(a - e).T) <= reach))
        if np.any(hit):
            if leaf is not None:
                leaf += np.flatnonzero(hit).tolist()
            return k
    return None


def _closed_leaf(arc, k: int, segs: np.ndarray) -> list[int]:
    """The indices of the segments of ``segs`` that draw the swing's leaf shut: from the
    hinge to the arc's end ``1 - k`` (the open leaf reaches end ``k``), about the radius
    long."""
    if not len(segs):
        return []
    c = np.asarray(arc.extra["center"], dtype=float)[:2]
    e = np.asarray(arc.extra["ends"][1 - k], dtype=float)[:2]
    r = float(arc.extra["radius"])
    reach = dxf_doors.LEAF_REACH * r
    a, b = segs[:, 0], segs[:, 1]
    long_enough = np.abs(np.hypot(*(b - a).T) - r) <= LEAF_LENGTH * r
    hit = long_enough & (((np.hypot(*(a - c).T) <= reach) & (np.hypot(*(b - e).T) <= reach))
                         | ((np.hypot(*(b - c).T) <= reach) & (np.hypot(*(a - e).T) <= reach)))
    return np.flatnonzero(hit).tolist()


def _in_gaps(arcs: list, lines: list, loops: list | tuple, ins_kind: dict, layer_kind) -> set[int]:
    """The uids of ``arcs`` (no door layer says they are doors) whose leaf, on any layer,
    and the opening it closes draw a door standing in a wall gap; two whose closed leaves
    meet are one double door, its opening hinge to hinge."""
    owners: list[int] = []
    segs = _segments([p for p in lines if p.etype != "ARC" and len(p.pts) >= 2
                      and all(ins_kind.get(u) is None for u in p.chain)], owners)
    leafed = []
    drawn: set[int] = set()  # the swings and their leaves: the door's, not the walls'
    for a in arcs:
        leaf: list[int] = []
        k = _open_end(a, segs, leaf)
        if k is not None:
            leafed.append((a, k))
            drawn.add(a.uid)
            drawn.update(owners[i] for i in leaf)
            # the leaf drawn shut along the opening too (House.dxf's entrance door, whose
            # wall faces run on across it): the door's, not a wall across its gap
            drawn.update(owners[i] for i in _closed_leaf(a, k, segs))
    if not leafed:
        return set()
    walls = dxf_drawn.wall_tree([p for p in lines if p.uid not in drawn], list(loops),
                                lambda u: ins_kind.get(u) is None, layer_kind)
    out: set[int] = set()
    paired: set[int] = set()
    for i, j, _, _ in dxf_doors.leaf_pairs([a for a, _ in leafed]):
        a, b = leafed[i][0], leafed[j][0]
        if dxf_drawn.in_gap(np.asarray(a.extra["center"], dtype=float)[:2],
                            np.asarray(b.extra["center"], dtype=float)[:2], walls):
            out.update((a.uid, b.uid))
        paired.update((i, j))
    for n, (a, k) in enumerate(leafed):
        if n in paired:
            continue
        hinge = np.asarray(a.extra["center"], dtype=float)[:2]
        closed = np.asarray(a.extra["ends"][1 - k], dtype=float)[:2]
        if dxf_drawn.in_gap(hinge, closed, walls):
            out.add(a.uid)
    return out
