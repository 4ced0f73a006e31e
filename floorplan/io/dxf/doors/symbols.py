"""Doors from a collected drawing (local metres).

An INSERT whose block name or layer says door (its swing arc, if any, gives the hinge and
the width); an ARC of 0.5-1.3 m radius on a door layer; on door layers with no arcs, a
leaf line or thin rectangle. The door point is the middle of the closed leaf: the chord
from the hinge to whichever arc end lies nearer the room boundaries (the other end is the
open leaf, out in the room).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.strtree import STRtree

from floorplan.model import Door

#: a swing arc of this radius (metres) is a door leaf
DOOR_RADIUS = (0.5, 1.3)
#: a door block's name may give its leaf width in millimetres (``Door 926``,
#: ``int 826 FD30``, ``Single-Flush 0915 x 2134mm``): the first number of three or four
#: digits in that range of widths
_NAME_MM = re.compile(r"(?<![\d.])(\d{3,4})(?![\d.])")


def width_from_name(name: str) -> float | None:
    """The leaf width a door block's name gives, in metres (None when it gives none).

    >>> width_from_name("Door 926x2040"), width_from_name("int 826 FD30"), width_from_name("DOOR-2")
    (0.926, 0.826, None)
    >>> width_from_name("M_Single-Flush 0915 x 2134mm"), width_from_name("D2040")
    (0.915, None)
    """
    for m in _NAME_MM.finditer(str(name)):
        w = int(m.group(1)) / 1000
        if DOOR_RADIUS[0] <= w <= DOOR_RADIUS[1]:
            return w
    return None


#: a door leaf's ends lie this close to its swing's centre and end (a share of the
#: swing's radius, and 10 mm): a leaf is drawn its thickness off the hinge
LEAF_REACH = 0.12


def leaf_uids(cands: list, arcs: list) -> set[int]:
    """The uids of the lines among ``cands`` that are door leaves: each runs from a door
    swing's centre to one of its ends (drawn open in the line of a jamb or a frame, a leaf
    would otherwise continue a wall face and close the room it opens into at its far end)."""
    lo, hi = DOOR_RADIUS
    swings = [a for a in arcs if lo <= a.extra["radius"] <= hi]
    if not swings or not cands:
        return set()
    centres: Any = shapely.points(np.array([a.extra["center"] for a in swings], dtype=float))
    tree = STRtree(centres)
    out: set[int] = set()
    for p in cands:
        ends = (p.pts[0][:2], p.pts[-1][:2])
        for h, e in (ends, ends[::-1]):
            for k in tree.query(shapely.points(np.asarray(h, dtype=float)), predicate="dwithin",
                                distance=LEAF_REACH * hi + 0.01).tolist():
                arc = swings[k]
                c, reach = arc.extra["center"], LEAF_REACH * arc.extra["radius"] + 0.01
                if np.hypot(h[0] - c[0], h[1] - c[1]) <= reach and any(
                        np.hypot(e[0] - q[0], e[1] - q[1]) <= reach for q in arc.extra["ends"]):
                    out.add(p.uid)
    return out


#: the two leaves of a double door meet this close (metres: the meeting stiles), their
#: hinges and the meeting point in one line within it
LEAVES_MEET = 0.05


def leaf_pairs(arcs: list) -> list[tuple[int, int, Point, float]]:
    """The double doors among the swing ``arcs``: two swings whose closed leaves meet in
    the middle (an end of each within :data:`LEAVES_MEET` of the other's, on the line
    between their hinges), each arc in one pair at most. For each: the indices of the two
    arcs, the point where the leaves meet (the middle of the opening) and the width, hinge
    to hinge (both leaves). However the symbol draws its leaves (open, along the block's
    y-axis, or closed along the opening) and whichever way the swings turn, only the closed
    leaves' ends meet: the open ones stand two leaves apart.

    >>> arc = lambda c, e: type("A", (), {"extra": {"center": c, "radius": 0.7, "ends": e}})
    >>> [(i, j, (m.x, m.y), w) for i, j, m, w in leaf_pairs([
    ...     arc((0, 0), ((0.7, 0), (0, -0.7))), arc((1.4, 0), ((0.7, 0), (1.4, -0.7)))])]
    [(0, 1, (0.7, 0.0), 1.4)]
    """
    out: list[tuple[int, int, Point, float]] = []
    if len(arcs) < 2:
        return out
    ends = np.array([a.extra["ends"] for a in arcs], dtype=float).reshape(-1, 2)[:, :2]
    hinge = np.array([a.extra["center"] for a in arcs], dtype=float).reshape(-1, 2)[:, :2]
    pts: Any = shapely.points(ends)
    qi, ti = STRtree(pts).query(pts, predicate="dwithin", distance=LEAVES_MEET)
    taken: set[int] = set()
    for p, q in sorted(zip(qi.tolist(), ti.tolist(), strict=True)):
        i, j = p // 2, q // 2
        if i >= j or i in taken or j in taken:
            continue
        m = (ends[p] + ends[q]) / 2
        span = float(np.hypot(*(hinge[j] - hinge[i])))
        if float(np.hypot(*(m - hinge[i])) + np.hypot(*(m - hinge[j]))) - span > LEAVES_MEET:
            continue  # the leaves not end to end across the opening
        out.append((i, j, Point(float(m[0]), float(m[1])), span))
        taken.update((i, j))
    return out


def _closed_leaves(arcs, ctx) -> dict[int, tuple[Point, float]]:
    """For each arc (by uid): the middle of the closed leaf and the width.

    A swing runs from the leaf closed (across the opening) to the leaf open; which arc end
    is which depends on how the symbol is drawn (the leaf drawn open along the block's
    y-axis with the opening on its x-axis, or the leaf drawn closed along the opening).
    With rooms known, the reading that lies on a room boundary is taken: the closed leaf's
    middle lies in the wall (outside every room) where the other lies in a room, or
    failing that nearer a room boundary. Without rooms, the open leaf is the arc end a
    leaf line from the hinge reaches. The room look-ups are made for all arcs at once."""
    room_tree, polys, leaf_ends = ctx
    out: dict[int, tuple[Point, float]] = {}
    if not arcs:
        return out
    c = np.array([a.extra["center"] for a in arcs], dtype=float).reshape(-1, 1, 2)
    e = np.array([a.extra["ends"] for a in arcs], dtype=float).reshape(-1, 2, 2)
    mids = shapely.points((c + e) / 2)  # (n, 2): the middle of the leaf to each arc end
    if room_tree is not None:
        todo = list(range(len(arcs)))
    else:
        hinges = np.round(c.reshape(-1, 2), 2).tolist()
        for n, arc in enumerate(arcs):
            r = arc.extra["radius"]
            tol = 0.02 * r
            hit = 0
            for k, (ex, ey) in enumerate(arc.extra["ends"]):
                if any(abs(ex - lx) < tol and abs(ey - ly) < tol
                       for lx, ly in leaf_ends.get(tuple(hinges[n]), ())):
                    hit = 1 - k
                    break
            out[arc.uid] = (mids[n, hit], r)
        return out
    todo_mids = mids[todo].reshape(-1)
    inside: Any = np.zeros(len(todo_mids), dtype=bool)
    inside[room_tree.query(todo_mids, predicate="within")[0]] = True
    inside = inside.reshape(-1, 2)
    dists: Any = np.zeros(len(todo_mids))
    near = [k for k, (a, b) in enumerate(inside.tolist()) if a == b]
    if near:
        flat = np.array([2 * k + j for k in near for j in (0, 1)])
        qi, ti = room_tree.query_nearest(todo_mids[flat])
        rings = shapely.get_exterior_ring(np.asarray(polys, dtype=object)[ti])
        d = shapely.distance(rings, todo_mids[flat][qi])
        best = np.full(len(flat), np.inf)
        np.minimum.at(best, qi, d)
        dists[flat] = np.where(np.isfinite(best), best, 0.0)
    dists = dists.reshape(-1, 2)
    for k, n in enumerate(todo):
        arc = arcs[n]
        a, b = inside[k]
        pick = int(a) if a != b else int(np.argmin(dists[k]))  # the end not in a room
        out[arc.uid] = (mids[n, pick], arc.extra["radius"])
    return out


def doors(arcs, opens, inserts, kind_of_insert, layer_kind, rooms_polys, used: set[int],
          loops=(), level_of=None, door_arc=None) -> tuple[list[tuple[Door, str]], dict[str, int]]:
    """[(door, layer)], counts by how each was found. ``level_of(point, layer)`` gives
    each door its level (``None`` without it); ``door_arc(arc)`` says which arcs are door
    swings (:mod:`~floorplan.io.dxf.doors.arcs`; without it, those on door layers)."""
    if level_of is None:
        def level_of(point, layer):
            return None
    if door_arc is None:
        def door_arc(a):
            return layer_kind(a.layer) == "door"

    door_uids = {i.uid for i in inserts if kind_of_insert.get(i.uid) == "door"}
    leaf_ends: dict[tuple[float, float], list] = {}  # hinge (to 1 cm) -> leaf tips
    lines = [p.pts[:, :2] for p in opens
             if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE") and len(p.pts) == 2 and (
                 layer_kind(p.layer) == "door" or not door_uids.isdisjoint(p.chain))]
    if lines:  # np.round rounds as round() does a numpy float, all at once
        ends = np.array(lines, dtype=float)
        for (ka, kb), (a, b) in zip(np.round(ends, 2).tolist(), ends.tolist(), strict=True):
            leaf_ends.setdefault(tuple(ka), []).append(tuple(b))
            leaf_ends.setdefault(tuple(kb), []).append(tuple(a))
    ctx = (STRtree(rooms_polys) if rooms_polys else None, rooms_polys, leaf_ends)
    out: list[tuple[Door, str]] = []
    counts = {"block": 0, "arc": 0}
    door_inserts = {i.uid: i for i in inserts if kind_of_insert.get(i.uid) == "door"}
    arcs_in: dict[int, list] = {}
    for a in arcs:
        for owner in a.chain:  # the outermost door block holding the arc
            if owner in door_inserts:
                arcs_in.setdefault(owner, []).append(a)
                used.add(a.uid)
                break
    # arcs of the door blocks nested in each insert, built once (a scan of every door block
    # per door made this quadratic)
    nested: dict[int, list] = {}
    for u2, lst in arcs_in.items():
        for u in door_inserts[u2].chain:
            nested.setdefault(u, []).extend(lst)
    def swing(a) -> bool:
        return DOOR_RADIUS[0] <= a.extra["radius"] <= DOOR_RADIUS[1]

    leaves = _closed_leaves([a for a in arcs if swing(a) and (
        a.uid in used or door_arc(a))], ctx)
    for uid, ins in door_inserts.items():
        if ins.chain and not door_inserts.keys().isdisjoint(ins.chain):
            continue  # a door drawn inside another door block
        swings = [a for a in arcs_in.get(uid, []) + nested.get(uid, []) if swing(a)]
        paired = leaf_pairs(swings) if len(swings) >= 2 else []
        width: float | None
        if paired:  # a double door: its leaves meet in the middle of the opening
            _, _, pt, width = paired[0]
        elif len(swings) >= 2:
            (p1, r1), (p2, r2) = (leaves[a.uid] for a in swings[:2])
            pt, width = Point((p1.x + p2.x) / 2, (p1.y + p2.y) / 2), r1 + r2
        elif swings:
            pt, width = leaves[swings[0].uid]
        elif ins.pts is not None and len(ins.pts) >= 2:
            rect = MultiPoint(ins.pts).minimum_rotated_rectangle
            pt = rect.centroid
            xs = np.ptp(shapely.get_coordinates(rect), axis=0) if not rect.is_empty else (0, 0)
            side = float(max(xs))
            width = side if DOOR_RADIUS[0] <= side <= DOOR_RADIUS[1] else None
        else:
            pt, width = Point(ins.x, ins.y), None
        props = {"block": ins.name, "handle": ins.handle}
        if paired:
            props["leaves"] = 2
        if width is None:  # no swing, no leaf of a door's size: the name may say
            width = width_from_name(ins.name)
            if width is not None:
                props["width_from"] = "block name"
        out.append((Door(f"D{len(out) + 1}", pt, width=_round(width), level=level_of(pt, ins.layer),
                         properties=props), ins.layer))
        counts["block"] += 1
    loose = [a for a in arcs if a.uid not in used and door_arc(a) and swing(a)
             and not any(kind_of_insert.get(u) in ("obstacle",) for u in a.chain)]
    pair_of = {}
    for i, j, m, w in leaf_pairs(loose):  # a double door drawn loose: one door, both leaves
        pair_of[i] = pair_of[j] = (j, m, w)
    for n, a in enumerate(loose):
        if a.uid in used:
            continue
        props = {"handle": a.handle}
        if n in pair_of:
            other, pt, width = pair_of[n]
            props["leaves"] = 2
            used.add(loose[other].uid)
        else:
            pt, width = leaves[a.uid]
        out.append((Door(f"D{len(out) + 1}", pt, width=_round(width), level=level_of(pt, a.layer),
                         properties=props), a.layer))
        used.add(a.uid)
        counts["arc"] += 1
    counts["leaf"] = 0
    if not any(layer_kind(a.layer) == "door" for a in arcs):
        for prim, pt, width in _leaves(opens, loops, layer_kind, door_uids, ctx):
            out.append((Door(f"D{len(out) + 1}", pt, width=_round(width),
                             level=level_of(pt, prim.layer),
                             properties={"handle": prim.handle, "from": "leaf"}), prim.layer))
            used.add(prim.uid)
            counts["leaf"] += 1
    return out, counts


def _leaves(opens, loops, layer_kind, door_uids, ctx):
    """Door leaves drawn without a swing (only on door layers that hold no arcs): a line or
    thin rectangle 0.5-1.3 m long. The hinge is the end nearer a room boundary; the door's
    middle lies half a leaf along the wall from it, on the side outside every room (where
    both sides are, the hinge stands for the door)."""
    room_tree, polys, _ = ctx
    if room_tree is None:
        return
    for prim in list(opens) + list(loops):
        if layer_kind(prim.layer) != "door" or any(u in door_uids for u in prim.chain):
            continue
        pts = prim.pts[:, :2]
        if prim.closed:
            rect = MultiPoint(pts).minimum_rotated_rectangle
            if not isinstance(rect, Polygon):
                continue
            c = np.asarray(rect.exterior.coords)[:4]
            sides = np.hypot(*np.diff(np.vstack([c, c[:1]]), axis=0).T)
            if sides.min() > 0.08:
                continue
            k = int(np.argmax(sides[:2]))
            a = (c[k] + c[(k + 3) % 4]) / 2
            b = (c[(k + 1) % 4] + c[(k + 2) % 4]) / 2
        elif len(pts) == 2:
            a, b = pts[0], pts[1]
        else:
            continue
        width = float(np.hypot(*(b - a)))
        if not DOOR_RADIUS[0] <= width <= DOOR_RADIUS[1]:
            continue
        ends = [Point(a), Point(b)]
        dist = [min(polys[int(i)].exterior.distance(e) for i in room_tree.query_nearest(e)) for e in ends]
        hinge, tip = (a, b) if dist[0] <= dist[1] else (b, a)
        ux, uy = (tip - hinge) / width
        cands = [Point(hinge[0] - uy * width / 2, hinge[1] + ux * width / 2),
                 Point(hinge[0] + uy * width / 2, hinge[1] - ux * width / 2)]
        outside = [len(room_tree.query(m, predicate="within")) == 0 for m in cands]
        if any(outside) and not all(outside):
            pick = cands[outside.index(True)]
        else:  # which way the opening runs along the wall cannot be told: the hinge stands for it
            pick = Point(hinge)
        yield prim, pick, width


def _round(w: float | None) -> float | None:
    return None if w is None else round(float(w), 4)


def door_marks(arcs, opens, inserts, kind_of_insert, layer_kind, door_arc=None) -> list[Polygon]:
    """Where door symbols stand, before any room is known: the swing of each door arc
    (hinge and both arc ends; ``door_arc(arc)`` says which are, else those on door layers
    or in door blocks), the rectangle around each door block, and each leaf line on a
    door layer, grown by 5 cm. A gap in the walls that one of these touches holds a
    door."""
    door_uids = {i.uid for i in inserts if kind_of_insert.get(i.uid) == "door"}
    out: list[Polygon] = []
    for a in arcs:
        if not (door_arc(a) if door_arc is not None
                else layer_kind(a.layer) == "door" or not door_uids.isdisjoint(a.chain)):
            continue
        if not DOOR_RADIUS[0] <= a.extra["radius"] <= DOOR_RADIUS[1]:
            continue
        out.append(MultiPoint([a.extra["center"], *a.extra["ends"]]).convex_hull.buffer(0.05))
    blocks = [i for i in inserts if i.uid in door_uids and i.pts is not None and len(i.pts) >= 2
              and door_uids.isdisjoint(i.chain)]
    for ins in blocks:
        out.append(MultiPoint(ins.pts).minimum_rotated_rectangle.buffer(0.05))
    for p in opens:
        if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE") and layer_kind(p.layer) == "door" \
                and door_uids.isdisjoint(p.chain) and len(p.pts) >= 2:
            length = float(np.sum(np.hypot(*np.diff(p.pts[:, :2], axis=0).T)))
            if DOOR_RADIUS[0] <= length <= 2 * DOOR_RADIUS[1]:
                out.append(MultiPoint(p.pts[:, :2]).convex_hull.buffer(0.05))
    return [g for g in out if isinstance(g, Polygon) and not g.is_empty]
