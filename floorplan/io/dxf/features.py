"""Doors, fittings, ceilings, meters and aerials from a collected drawing (local metres).

Doors: an INSERT whose block name or layer says door (its swing arc, if any, gives the
hinge and the width); an ARC of 0.5-1.3 m radius on a door layer. The door point is the
middle of the closed leaf: the chord from the hinge to whichever arc end lies nearer the
room boundaries (the other end is the open leaf, out in the room).
Fittings: INSERTs named or layered as fittings (their outline is the smallest rotated
rectangle around what they draw), closed outlines and circles on fitting layers; each
one's kind (``kitchen_unit``, ``shower``, ``liftway`` ...) from the block's name, else its
layer (:func:`floorplan.fittings.fitting_kind`).
Ceilings: closed 3D polylines and 3DFACEs on ceiling layers (z = height above the floor).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.strtree import STRtree

from floorplan.fittings import fitting_kind
from floorplan.io.dxf.layers import says_entrance
from floorplan.model import Ceiling, Door, Obstacle

DOOR_RADIUS = (0.5, 1.3)


def _closed_leaves(arcs, ctx) -> dict[int, tuple[Point, float]]:
    """For each arc (by uid): the middle of the closed leaf and the width. The open leaf is
    the arc end a leaf line from the hinge reaches; failing that, the closed leaf's middle
    lies in the wall (outside every room) or, failing that, nearer a room boundary. The
    room look-ups are made for all arcs at once."""
    room_tree, polys, leaf_ends = ctx
    out: dict[int, tuple[Point, float]] = {}
    if not arcs:
        return out
    c = np.array([a.extra["center"] for a in arcs], dtype=float).reshape(-1, 1, 2)
    e = np.array([a.extra["ends"] for a in arcs], dtype=float).reshape(-1, 2, 2)
    mids = shapely.points((c + e) / 2)  # (n, 2): the middle of the leaf to each arc end
    todo = []
    hinges = np.round(c.reshape(-1, 2), 2).tolist()
    for n, arc in enumerate(arcs):
        r = arc.extra["radius"]
        tol = 0.02 * r
        hit = None
        tips = leaf_ends.get(tuple(hinges[n]))
        if tips:
            for k, (ex, ey) in enumerate(arc.extra["ends"]):
                if any(abs(ex - lx) < tol and abs(ey - ly) < tol for lx, ly in tips):
                    hit = 1 - k
                    break
        if hit is not None:
            out[arc.uid] = (mids[n, hit], r)
        elif room_tree is None:
            out[arc.uid] = (mids[n, 0], r)
        else:
            todo.append(n)
    if not todo:
        return out
    todo_mids = mids[todo].reshape(-1)
    inside = np.zeros(len(todo_mids), dtype=bool)
    inside[room_tree.query(todo_mids, predicate="within")[0]] = True
    inside = inside.reshape(-1, 2)
    dists = np.zeros(len(todo_mids))
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
          loops=(), level_of=None) -> tuple[list[tuple[Door, str]], dict[str, int]]:
    """[(door, layer)], counts by how each was found. ``level_of(point, layer)`` gives
    each door its level (``None`` without it)."""
    if level_of is None:
        def level_of(point, layer):
            return None

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
        a.uid in used or layer_kind(a.layer) == "door")], ctx)
    for uid, ins in door_inserts.items():
        if ins.chain and not door_inserts.keys().isdisjoint(ins.chain):
            continue  # a door drawn inside another door block
        swings = [a for a in arcs_in.get(uid, []) + nested.get(uid, []) if swing(a)]
        if len(swings) >= 2:
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
        out.append((Door(f"D{len(out) + 1}", pt, width=_round(width), level=level_of(pt, ins.layer),
                         properties={"block": ins.name, "handle": ins.handle}), ins.layer))
        counts["block"] += 1
    for a in arcs:
        if a.uid in used or layer_kind(a.layer) != "door":
            continue
        if any(kind_of_insert.get(u) in ("obstacle",) for u in a.chain):
            continue
        if not swing(a):
            continue
        pt, width = leaves[a.uid]
        out.append((Door(f"D{len(out) + 1}", pt, width=_round(width), level=level_of(pt, a.layer),
                         properties={"handle": a.handle}), a.layer))
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


def with_entrance(door: Door, layer: str) -> Door:
    """``door``, marked as an entrance where its block name or layer says so."""
    if says_entrance(door.properties.get("block"), layer):
        return replace(door, entrance=True)
    return door


def _round(w: float | None) -> float | None:
    return None if w is None else round(float(w), 4)


def obstacles(inserts, kind_of_insert, loops, circles, layer_kind, blocked, used: set[int]
              ) -> list[tuple[Obstacle, str]]:
    out: list[tuple[Obstacle, str]] = []
    obstacle_uids = {i.uid for i in inserts if kind_of_insert.get(i.uid) == "obstacle"}
    blocks = [ins for ins in inserts if ins.uid in obstacle_uids
              and not (ins.chain and not obstacle_uids.isdisjoint(ins.chain))
              and ins.pts is not None and len(ins.pts) >= 3]
    # the smallest rotated rectangle around what each block draws, all made at once
    rects = _rectangles_around([ins.pts for ins in blocks])
    ok = (shapely.get_type_id(rects) == 3) & (shapely.area(rects) >= 1e-4)  # 3: Polygon
    rects = shapely.normalize(rects)
    for ins, rect, keep in zip(blocks, rects.tolist(), ok.tolist(), strict=True):
        if keep:
            out.append((Obstacle(f"O{len(out) + 1}", ins.name, rect,
                                 kind=fitting_kind(ins.name, ins.layer)), ins.layer))
    for prim in list(loops) + list(circles):
        if layer_kind(prim.layer) != "obstacle" or blocked(prim) or prim.extra.get("is3d"):
            continue
        if any(u in obstacle_uids for u in prim.chain):
            continue
        poly = Polygon(prim.pts)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if not isinstance(poly, Polygon) or poly.area < 1e-4:
            continue
        used.add(prim.uid)
        out.append((Obstacle(f"O{len(out) + 1}", prim.layer, poly, kind=fitting_kind(prim.layer)),
                    prim.layer))
    return out


def _rectangles_around(point_sets: list[np.ndarray]) -> np.ndarray:
    """``MultiPoint(pts).minimum_rotated_rectangle`` of each array of points, in one call."""
    if not point_sets:
        return np.empty(0, dtype=object)
    mps = shapely.multipoints(np.concatenate(point_sets), indices=np.repeat(
        np.arange(len(point_sets)), [len(p) for p in point_sets]))
    return shapely.oriented_envelope(mps)


def ceilings(faces3d, layer_kind, used: set[int], skipped) -> list[tuple[Ceiling, str]]:
    out: list[tuple[Ceiling, str]] = []
    for prim in faces3d:
        if layer_kind(prim.layer) != "ceiling":
            continue
        pts = prim.pts
        if len(pts) >= 2 and np.allclose(pts[0, :2], pts[-1, :2]):
            pts = pts[:-1]
        keep = [0] + [i for i in range(1, len(pts)) if not np.allclose(pts[i, :2], pts[i - 1, :2])]
        pts = pts[keep]
        used.add(prim.uid)
        if len(pts) < 3:
            skipped[(prim.etype, prim.layer, "ceiling with fewer than three corners")] += 1
            continue
        poly = Polygon(pts[:, :2])
        if not poly.is_valid or poly.area < 1e-6:
            skipped[(prim.etype, prim.layer, "ceiling outline not a simple polygon")] += 1
            continue
        out.append((Ceiling(poly, heights=tuple(round(float(z), 6) for z in pts[:, 2])), prim.layer))
    return out
