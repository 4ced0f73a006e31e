"""The drawing's own linework of the views read, for the image to draw under the rooms
(:class:`~floorplan.model.Linework`): what the reader did not take shows beside what it did.

Every line, polyline and arc (flattened) of the views read is taken, in plan metres, but
not what is not shown or not the plan: frozen or switched-off layers, layers of
dimensions, titles, borders and grids, foundations and roofs, the sheet's title block,
room-tag blocks, 3D linework and floorplan's own mark-up. Lines on wall layers (where no
layer says wall, on layers that say nothing), outside door, fitting and label blocks,
are :attr:`~floorplan.model.Linework.WALL`; the rest :attr:`~floorplan.model.Linework.OTHER`.

Above :data:`MAX_SEGMENTS` segments only that many are kept, whole polylines, walls first
and then the biggest (a door swing is a speck on the image of so big a drawing), and a
note says so.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.layers import level_of_layer
from floorplan.io.dxf.walls.marks import hidden_layers, not_the_plan
from floorplan.model import Linework

#: segments kept at most (about 21 bytes each, and the image's time grows with them)
MAX_SEGMENTS = 200_000
#: the kinds of INSERT whose content is not the plan's linework (a title block, a room tag)
_NOT_LINEWORK = ("sheet", "label")
#: blocks of these kinds hold no walls (their lines are :attr:`Linework.OTHER`)
_NOT_WALLS = ("door", "obstacle", "meter", "aerial", "sheet", "label")


def linework(rd, polys: list, levels: list[float], cap: int | None = None) -> Linework:
    """The linework of the views ``rd`` (the DXF reader, after its views are chosen) read;
    ``polys`` and ``levels`` the rooms found and their levels (a segment takes the level
    of its view, else of the room nearest it). A note in ``rd.notes`` says when the cap
    left segments out (``cap``: :data:`MAX_SEGMENTS` unless given)."""
    cap = MAX_SEGMENTS if cap is None else cap
    hidden = hidden_layers(rd.doc, rd.lmap)
    kinds_of: dict[str, str | None] = {}

    def layer_kind(layer: str) -> str | None:
        if layer not in kinds_of:
            kinds_of[layer] = ("hidden" if layer in hidden or not_the_plan(layer)
                               or layer[:10].upper() == "FLOORPLAN-" else rd.layer_kind(layer))
        return kinds_of[layer]

    ins = rd.ins_kind
    unnamed_walls = bool(rd.__dict__.get("walls_unnamed"))
    extra = rd.__dict__.get("walls_extra") or frozenset()  # unnamed layers read as walls too
    prims, wall = [], []
    for p in rd.col.opens + rd.col.loops:
        kind = layer_kind(p.layer)
        if kind in ("hidden", "ignore") or len(p.pts) < 2 or p.extra.get("is3d"):
            continue
        if p.chain:
            chain = [ins.get(u) for u in p.chain]
            if any(k in _NOT_LINEWORK for k in chain):
                continue
            walls = not any(k in _NOT_WALLS for k in chain)
        else:
            walls = True
        prims.append(p)
        wall.append(walls and (kind == "wall" or (kind is None and (unnamed_walls or p.layer in extra))))
    if not prims:
        return _empty()
    n_pts = np.array([len(p.pts) for p in prims])
    first = np.cumsum(n_pts) - n_pts
    allxy = np.vstack([p.pts[:, :2] for p in prims]).astype(float, copy=False)
    lo, hi = np.minimum.reduceat(allxy, first), np.maximum.reduceat(allxy, first)
    mid = (lo + hi) / 2
    ok = np.ones(len(mid), dtype=bool)
    ok &= np.isfinite(mid).all(axis=1)
    grid = rd.__dict__.get("grid")
    if grid is not None and grid.n >= 2 and ok.any():
        ok[ok] = rd.in_view(mid[ok])
    # a closed polyline is drawn back to its first vertex
    closed = np.array([p.closed for p in prims], dtype=bool)
    closed &= (allxy[first] != allxy[first + n_pts - 1]).any(axis=1)
    n_seg = n_pts - 1 + closed
    total = int(n_seg[ok].sum())
    keep = np.flatnonzero(ok)
    if total > cap:  # whole polylines, walls first, then the biggest, up to the cap
        size = np.hypot(*(hi - lo)[keep].T)
        order = keep[np.lexsort((-size, ~np.asarray(wall)[keep]))]
        keep = np.sort(order[np.cumsum(n_seg[order]) <= cap])
        rd.notes.append(f"the drawing's linework drawn under the rooms: {int(n_seg[keep].sum()):,} "
                        f"of its {total:,} segments (walls first, then the biggest pieces), to "
                        "bound the image's memory")
    if not len(keep):
        return _empty()
    lv = _levels(rd, [prims[k] for k in keep.tolist()], mid[keep], polys, levels)
    # every kept polyline's segments at once: vertex i to i + 1 within it, and a closed
    # one's last vertex to its first
    n_k, first_k, closed_k = n_pts[keep], first[keep], closed[keep]
    inner = n_k - 1
    owner = np.repeat(np.arange(len(keep)), inner)
    a = np.repeat(first_k, inner) + (np.arange(inner.sum()) - np.repeat(np.cumsum(inner) - inner, inner))
    b = a + 1
    last_k = first_k + n_k - 1
    a = np.concatenate([a, last_k[closed_k]])
    b = np.concatenate([b, first_k[closed_k]])
    owner = np.concatenate([owner, np.flatnonzero(closed_k)])
    seg = np.hstack([allxy[a], allxy[b]])
    kinds = np.where(np.asarray(wall)[keep], Linework.WALL, Linework.OTHER)[owner]
    seg_lv = lv[owner]
    good = np.isfinite(seg).all(axis=1) & ((seg[:, 0] != seg[:, 2]) | (seg[:, 1] != seg[:, 3]))
    capped = total > cap
    return _frozen(seg[good], kinds[good], seg_lv[good], total if capped else int(good.sum()))


def _levels(rd, prims: list, mid: np.ndarray, polys: list, levels: list[float]) -> np.ndarray:
    """The level of each of ``prims`` (midpoints ``mid``): as the rooms' levels were found
    (:func:`~floorplan.io.dxf.rooms.spaces.levels`), their layer's, their view's, else the
    level of the room nearest them."""
    mode = rd.__dict__.get("level_mode", "one")
    out = np.full(len(prims), np.nan)
    if mode == "one" or not polys:
        out[:] = 0.0
        return out
    if mode == "layers":
        said: dict[str, float | None] = {}
        for i, p in enumerate(prims):
            if p.layer not in said:
                said[p.layer] = level_of_layer(p.layer)
            v = said[p.layer]
            if v is not None:
                out[i] = v
    elif mode == "views":
        at = rd.grid.at(mid)
        view_level = rd.view_level
        out = np.array([view_level.get(int(v), np.nan) for v in at.tolist()])
    rest = np.flatnonzero(np.isnan(out))
    if len(rest):
        nearest = STRtree(polys).query_nearest(shapely.points(mid[rest]), all_matches=False)
        out[rest[nearest[0]]] = np.asarray(levels, dtype=float)[nearest[1]]
        out[np.isnan(out)] = levels[0] if levels else 0.0
    return out


def _frozen(seg: np.ndarray, kinds: np.ndarray, lv: np.ndarray, total: int) -> Linework:
    arrays = (np.ascontiguousarray(seg, dtype=np.float32), kinds.astype(np.uint8),
              lv.astype(np.float32))
    for a in arrays:
        a.setflags(write=False)
    return Linework(*arrays, total=total)


def _empty() -> Linework:
    return _frozen(np.zeros((0, 4)), np.zeros(0), np.zeros(0), 0)
