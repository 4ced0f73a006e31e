"""Room outlines: closed polylines and hatch boundaries on room layers, in local metres.

The rules, in order:

1. Outlines on room layers (LWPOLYLINE, POLYLINE, SPLINE, ELLIPSE, HATCH). A polyline whose
   first and last points meet is closed. If no room layer holds an outline, closed outlines
   on layers that say nothing at all (``0``, ``s001-#def-active-grp``) are taken instead,
   and the report says so.
2. An open polyline on a room layer whose ends lie within ``SNAP_GAP`` (and within a tenth
   of its length) is closed (FP001 warn). One with a wider gap is closed when one line or
   open polyline on its own layer runs from one of its ends to the other (each end within
   ``SNAP_GAP``: the closing edge drawn as a separate entity), and said in the notes; else
   it is skipped (FP001, naming the entity handle).
3. Outlines that cover the same floor (a hatch stacked on its polyline, a hatch drawn twice)
   count once: outlines win over hatches, the first drawn over later ones.
4. An outline that wholly contains another is an envelope (the plot, the building
   footprint, a level outline), not a room: it is left out and said.
5. Outlines smaller than ``MIN_ROOM_AREA`` are left out and counted.
6. When outlines are taken from layers that do not say "room" (rule 1's fallback), one
   larger than ``FALLBACK_MAX_AREA`` is a building footprint or plot, not a room, and one
   narrower than a room anywhere (``MIN_WIDTH``, as in the walls) is the closed body of a
   wall or partition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

from floorplan.geometry import polygons_of
from floorplan.io.dxf.walls.pinch import MIN_WIDTH
from floorplan.model import InputFinding

#: ends of an open room outline this close (metres) are joined
SNAP_GAP = 0.10
#: outlines smaller than this (m²) are not rooms (label boxes, symbols)
MIN_ROOM_AREA = 0.5
#: on layers that do not say "room", outlines larger than this (m²) are buildings or plots
FALLBACK_MAX_AREA = 100.0
#: two outlines whose symmetric difference is under this share of their area are one
DUPLICATE_SHARE = 0.01


@dataclass
class Cand:
    polygon: Polygon
    source: str
    layer: str
    handle: str
    uid: int


def to_polygon(shell: np.ndarray, holes: list[np.ndarray] | None = None
               ) -> tuple[Polygon | None, str | None]:
    """A valid polygon (the largest piece after repair) and the repair said, or (None, why)."""
    if len(shell) < 3:
        return None, "fewer than three corners"
    poly = Polygon(shell, [h for h in (holes or []) if len(h) >= 3])
    note = None
    if not poly.is_valid:
        reason = shapely.is_valid_reason(poly)
        parts = polygons_of(shapely.make_valid(poly))
        if not parts:
            return None, f"invalid outline ({reason}) with no area left"
        poly = max(parts, key=lambda p: p.area)
        note = f"invalid outline ({reason}) repaired to {poly.area:.2f} m²"
        if len(parts) > 1:
            note += f" (largest of {len(parts)} pieces kept)"
    if poly.area <= 1e-9:
        return None, "no area"
    return poly, note


def to_polygons(shells: list[np.ndarray]) -> list[tuple[Polygon | None, str | None]]:
    """:func:`to_polygon` of each shell (no holes), the polygons made and checked all at once:
    the same polygons (rings closed the same way), with repairs made one by one."""
    out: list = [None] * len(shells)
    bulk = [k for k, sh in enumerate(shells) if len(sh) >= 4]
    if bulk:
        parts = [shells[k] for k in bulk]
        rings = shapely.linearrings(np.concatenate(parts),
                                    indices=np.repeat(np.arange(len(parts)), [len(x) for x in parts]))
        polys: Any = shapely.polygons(rings)
        good: Any = shapely.is_valid(polys) & (shapely.area(polys) > 1e-9)
        for k, poly, ok in zip(bulk, polys.tolist(), good.tolist(), strict=True):
            if ok:
                out[k] = (poly, None)
    return [made if made is not None else to_polygon(sh) for made, sh in zip(out, shells, strict=True)]


def outline_rooms(loops, opens, hatches, ok, findings: list[InputFinding], notes: list[str],
                  used: set[int], fallback_ok) -> list[Cand]:
    """Room candidates. ``ok(prim)`` says a primitive sits on a room layer (and not inside a
    door or fitting block); ``fallback_ok(prim)`` that it sits on a layer that says nothing."""
    cands: list[Cand] = []
    small = 0

    def add(prim, shell, holes, source, made=None) -> None:
        nonlocal small
        poly, note = made if made is not None else to_polygon(shell, holes)
        if poly is None:
            where = f"{prim.etype} {prim.handle} on layer {prim.layer}"
            findings.append(InputFinding("FP002", f"{where}: skipped: {note}", entity=prim.handle))
            used.add(prim.uid)
            return
        used.add(prim.uid)
        if poly.area < MIN_ROOM_AREA:
            small += 1
            return
        if note:
            where = f"{prim.etype} {prim.handle} on layer {prim.layer}"
            findings.append(InputFinding("FP002", f"{where}: {note}", entity=prim.handle,
                                         geometry=poly))
        cands.append(Cand(poly, source, prim.layer, prim.handle, prim.uid))

    room_loops = [prim for prim in loops if ok(prim)]
    for prim, made in zip(room_loops, to_polygons([p.pts for p in room_loops]), strict=True):
        holes = prim.extra.get("rings", [None])[1:]  # an AEC space's openings
        if holes:
            add(prim, prim.pts, holes, "outline")
        else:
            add(prim, prim.pts, None, "outline", made)
    room_opens = [prim for prim in opens if ok(prim)]
    taken: set[int] = set()  # the lines that closed an outline's gap
    for prim in room_opens:
        if prim.etype not in ("LWPOLYLINE", "POLYLINE") or len(prim.pts) < 3 or prim.uid in taken:
            continue
        gap = float(np.hypot(*(prim.pts[0] - prim.pts[-1])))
        length = float(np.sum(np.hypot(*np.diff(prim.pts, axis=0).T)))
        where = f"{prim.etype} {prim.handle} on layer {prim.layer}"
        used.add(prim.uid)
        closer = None if gap <= SNAP_GAP else _closer(prim, room_opens, taken)
        if gap <= SNAP_GAP and gap <= 0.1 * length:
            findings.append(InputFinding(
                "FP001", f"{where}: outline not closed (gap {gap * 1000:.0f} mm); closed",
                entity=prim.handle, measured=gap))
            add(prim, prim.pts, None, "outline")
        elif closer is not None:
            taken.add(closer.uid)
            used.add(closer.uid)
            notes.append(f"{where}: outline left open ({gap:.2f} m), its gap closed by "
                         f"{closer.etype} {closer.handle} on the same layer, end to end: closed")
            add(prim, _joined(prim.pts[:, :2], closer.pts[:, :2]), None, "outline")
        else:
            findings.append(InputFinding(
                "FP001", f"{where}: outline not closed (gap {gap:.2f} m); skipped, not a room",
                entity=prim.handle, measured=gap))
    for prim in hatches:
        if ok(prim):
            rings = sorted(prim.extra["rings"], key=lambda r: -abs(_ring_area(r)))
            add(prim, rings[0], rings[1:], "hatch")
    if not cands and fallback_ok is not None:
        fb = [p for p in loops if fallback_ok(p)]
        if fb:
            layers = sorted({p.layer for p in fb})
            notes.append(f"no room layer holds an outline; closed outlines on layer(s) "
                         f"{', '.join(layers)} taken as rooms")
            for prim in fb:
                add(prim, prim.pts, None, "outline")
            thin = [c for c in cands if c.polygon.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty]
            if thin:  # a partition's or a wall's closed body: no room is so narrow throughout
                cands = [c for c in cands if c not in thin]
                notes.append(f"{len(thin)} closed outline(s) on layers that do not say room "
                             f"narrower than {MIN_WIDTH} m throughout (a wall's or a partition's "
                             "body), not rooms")
            big = [c for c in cands if c.polygon.area > FALLBACK_MAX_AREA]
            cands = [c for c in cands if c.polygon.area <= FALLBACK_MAX_AREA]
            for c in big:
                notes.append(f"outline {c.handle} on layer {c.layer} ({c.polygon.area:.1f} m²): on a "
                             f"layer that does not say room, an outline over {FALLBACK_MAX_AREA:g} m² "
                             "is taken as a building or plot outline, not a room")
    if small:
        notes.append(f"{small} closed outline(s) under {MIN_ROOM_AREA} m² left out (labels, symbols)")
    cands = _dedupe(cands, notes)
    return _drop_envelopes(cands, notes)


def _closer(prim, opens: list, taken: set[int]):
    """The open line or polyline on ``prim``'s layer (not ``prim``, not one already
    ``taken``) that runs from one end of the open outline ``prim`` to the other, each end
    within :data:`SNAP_GAP` of one of the outline's: its closing edge drawn as a separate
    entity (a LINE across a doorway); ``None`` when there is none or more than one."""
    a, b = prim.pts[0, :2], prim.pts[-1, :2]
    hits = []
    for other in opens:
        if other.uid == prim.uid or other.uid in taken or other.layer != prim.layer \
                or len(other.pts) < 2:
            continue
        p, q = other.pts[0, :2], other.pts[-1, :2]
        if (np.hypot(*(p - b)) <= SNAP_GAP and np.hypot(*(q - a)) <= SNAP_GAP) or \
                (np.hypot(*(p - a)) <= SNAP_GAP and np.hypot(*(q - b)) <= SNAP_GAP):
            hits.append(other)
    return hits[0] if len(hits) == 1 else None


def _joined(pts: np.ndarray, line: np.ndarray) -> np.ndarray:
    """The ring of the open outline ``pts`` closed by ``line`` (its inner corners kept),
    the line run from the outline's last point back to its first."""
    if np.hypot(*(line[0] - pts[-1])) > np.hypot(*(line[-1] - pts[-1])):
        line = line[::-1]
    return np.vstack([pts, line[1:-1]]) if len(line) > 2 else pts


def _ring_area(r: np.ndarray) -> float:
    x, y = r[:, 0], r[:, 1]
    # np.concatenate is np.roll(-1) without its overhead (the same arrays, the same sums)
    return 0.5 * float(np.dot(x, np.concatenate((y[1:], y[:1])))
                       - np.dot(y, np.concatenate((x[1:], x[:1]))))


def _dedupe(cands: list[Cand], notes: list[str]) -> list[Cand]:
    if len(cands) < 2:
        return cands
    order = sorted(range(len(cands)), key=lambda i: (cands[i].source != "outline", i))
    rank = {i: k for k, i in enumerate(order)}
    polys = [c.polygon for c in cands]
    tree = STRtree(polys)
    # every intersecting pair in one query (whether j is dropped does not depend on the
    # order of i's other partners)
    touching: dict[int, list[int]] = {}
    pairs = tree.query(np.asarray(polys, dtype=object), predicate="intersects")
    for i, j in zip(*pairs.tolist(), strict=True):
        if i != j:
            touching.setdefault(i, []).append(j)
    dropped: set[int] = set()
    for i in order:
        if i in dropped:
            continue
        a = cands[i].polygon
        for j in touching.get(i, ()):
            if j in dropped or rank[j] < rank[i]:
                continue
            b = cands[j].polygon
            if abs(a.area - b.area) > DUPLICATE_SHARE * a.area:
                continue
            if a.symmetric_difference(b).area <= DUPLICATE_SHARE * a.area:
                dropped.add(j)
    if dropped:
        kinds = sorted({cands[j].source for j in dropped})
        notes.append(f"{len(dropped)} duplicate outline(s) ({', '.join(kinds)}) over the same "
                     "floor counted once")
    return [c for k, c in enumerate(cands) if k not in dropped]


def _drop_envelopes(cands: list[Cand], notes: list[str]) -> list[Cand]:
    if len(cands) < 2:
        return cands
    polys = np.asarray([c.polygon for c in cands], dtype=object)
    tree = STRtree(polys)
    env: set[int] = set()
    # pairs (i, j) where j lies within i grown by 1 cm. Growing thousands of outlines costs
    # more than the rest of this step, and few hold anything: only those whose box, grown
    # by more than the 1 cm mitre can reach (5 x 1 cm at the default mitre limit), holds
    # another outline are grown
    box = shapely.bounds(polys) + np.array([-0.06, -0.06, 0.06, 0.06])
    bi, bj = tree.query(shapely.box(*box.T), predicate="contains")
    near = np.flatnonzero(np.bincount(bi[bi != bj], minlength=len(polys)))  # np.unique's
    # first call imports numpy.ma (8 ms)
    gi, gj = tree.query(shapely.buffer(polys[near], 0.01, quad_segs=1, join_style="mitre"),
                        predicate="contains")
    gi = near[gi]
    for i, j in zip(gi.tolist(), gj.tolist(), strict=True):
        if i != j and polys[j].area < polys[i].area:
            env.add(i)
    for i in sorted(env):
        c = cands[i]
        notes.append(f"{c.source} {c.handle} on layer {c.layer} ({c.polygon.area:.1f} m²) holds "
                     "other outlines: taken as a plot, building or level outline, not a room")
    return [c for k, c in enumerate(cands) if k not in env]
