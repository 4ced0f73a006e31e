"""Fittings and ceilings from a collected drawing (local metres).

Fittings: INSERTs named or layered as fittings (their outline is the smallest rotated
rectangle around what they draw), closed outlines and circles on fitting layers; each
one's kind (``kitchen_unit``, ``shower``, ``liftway`` ...) from the block's name, else its
layer (:func:`floorplan.fittings.fitting_kind`).
Ceilings: closed 3D polylines and 3DFACEs on ceiling layers (z = height above the floor),
and closed 2D outlines on ceiling layers with a height written in them (:func:`flat_ceilings`).
Doors are found in :mod:`~floorplan.io.dxf.doors.symbols`; :func:`with_entrance` marks the
entrance doors among them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from floorplan.fittings import fitting_kind
from floorplan.io.dxf.layers import says_entrance
from floorplan.io.dxf.text import kind as dxf_text
from floorplan.model import Ceiling, Door, Obstacle


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
        if len(np.unique(prim.pts[:, :2], axis=0)) < 3:
            continue  # no area: a circle of radius 0 flattens to fewer points than a ring
        poly = Polygon(prim.pts)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if not isinstance(poly, Polygon) or poly.area < 1e-4:
            continue
        used.add(prim.uid)
        out.append((Obstacle(f"O{len(out) + 1}", prim.layer, poly, kind=fitting_kind(prim.layer)),
                    prim.layer))
    return out


def with_entrance(door: Door, layer: str) -> Door:
    """``door``, marked as an entrance where its block name or layer says so."""
    if says_entrance(door.properties.get("block"), layer):
        return replace(door, entrance=True)
    return door


def _rectangles_around(point_sets: list[np.ndarray]) -> np.ndarray:
    """``MultiPoint(pts).minimum_rotated_rectangle`` of each array of points, in one call."""
    if not point_sets:
        return np.empty(0, dtype=object)
    mps = shapely.multipoints(np.concatenate(point_sets), indices=np.repeat(
        np.arange(len(point_sets)), [len(p) for p in point_sets]))
    return np.asarray(shapely.oriented_envelope(mps))


def ceilings(faces3d, layer_kind, used: set[int], skipped) -> list[tuple[Ceiling, str]]:
    out: list[tuple[Ceiling, str]] = []
    for prim in faces3d:
        if layer_kind(prim.layer) != "ceiling" or prim.etype in ("SOLID", "TRACE"):
            continue  # (a SOLID is flat: its corners say no height)
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


def flat_ceilings(loops, texts, layer_kind, used: set[int], ceilings: list) -> None:
    """Closed 2D outlines on ceiling layers with an ``H=…`` text inside, added to
    ``ceilings`` ((ceiling, layer) pairs) and to ``used``; ``loops`` not yet used."""
    loops = [p for p in loops if layer_kind(p.layer) == "ceiling"
             and not p.extra.get("is3d") and p.uid not in used]
    if not loops:
        return
    kinds = [(t, dxf_text.kind(t.text)) for t in texts]
    hts = [(t, v) for t, (k, v) in kinds if k == "height"]
    for p in loops:
        poly = Polygon(p.pts)
        if not poly.is_valid:
            continue
        inside = [v for t, v in hts if poly.contains(Point(t.x, t.y))]
        if inside:
            ceilings.append((Ceiling(poly, height=inside[0]), p.layer))
            used.add(p.uid)


def finite(items: list, what: str, notes: list[str]) -> list:
    """``items`` ((door or fitting, layer) pairs) without those placed at a point that is
    not a number (a block's transform that overflows): they would reach GEOS, which fails
    on them; how many were left out goes in the notes."""
    if not items:
        return items
    geoms = [getattr(x, "geometry", None) or x.polygon for x, _ in items]
    bounds = np.asarray(shapely.bounds(np.array(geoms, dtype=object)), dtype=float)
    ok = [bool(np.isfinite(row).all()) for row in bounds]
    if all(ok):
        return items
    notes.append(f"{ok.count(False)} {what} block(s) left out: placed at coordinates that "
                 "are not finite numbers")
    return [x for x, keep in zip(items, ok, strict=True) if keep]
