"""Cupboards built as joinery: rooms bounded by linework on a fittings layer.

Linework on a fittings layer (``FITTINGS``, ``FURNITURE``) bounds no room: a worktop, a
desk or a bench stands in the room's floor. A run of fitted cupboards is drawn the same
way, its partitions, back and doors on the fittings layer, and a drawing that numbers its
rooms numbers each of them: its label block (``Jg08c`` / ``Cupboard`` / ``1.16 sqm``)
stands inside the cupboard, within the room whose walls hold the whole unit. Read by the
walls alone, that room holds several rooms' labels and takes in the cupboards' floor.

A careful reader sees the cupboard by three things at once: the fittings' lines enclose a
face round the label; that label carries a number of its own (not the room's) and states
an area that agrees with the face (or, stating none, says a small room's kind); and a door
drawn on the fittings (a swing, sealed from its hinge to its ends as a door is) is on the
face's outline. Only then is the face parted off the room, as a room of ``medium``
confidence saying so; the room keeps its own label and the rest of its floor, less the
thin slips of the unit itself (its partitions) beside the faces parted off. A face of
fittings holding no such label (a desk, a worktop, a label-less press) stays floor.

>>> from types import SimpleNamespace as T
>>> from shapely.geometry import box
>>> room = WallRoom(box(0, 0, 6, 5))                      # a 6 x 5 m room
>>> # a 1.2 x 1.0 m cupboard in its south-west corner: its side and front on the fittings,
>>> # a door of 0.5 m hinged at (0.1, 1.0)
>>> lines = [np.array([(1.2, 0), (1.2, 1.0)]), np.array([(0, 1.0), (0.1, 1.0)]),
...          np.array([(0.6, 1.0), (1.2, 1.0)])]
>>> arcs = [T(extra={"center": (0.1, 1.0), "radius": 0.5, "ends": [(0.6, 1.0), (0.1, 1.5)]})]
>>> def txt(s, x, y, layer): return T(text=s, x=x, y=y, height=0.1, layer=layer, tag=None)
>>> texts = [txt("R1", 3, 3.4, "ROOM NUMBER"), txt("Office", 3, 3.2, "ROOM NAME"),
...          txt("28.8 sqm", 3, 3.0, "TEXT AREA"), txt("R1a", 0.6, 0.7, "ROOM NUMBER"),
...          txt("Cupboard", 0.6, 0.5, "ROOM NAME"), txt("1.2 sqm", 0.6, 0.3, "TEXT AREA")]
>>> found = [room]
>>> new = fitted_rooms(found, texts, lines, arcs, "FITTINGS", [])
>>> [round(w.polygon.area, 2) for w in new], round(found[0].polygon.area, 2)
([1.2], 28.8)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.names.owners import agree, blocks
from floorplan.io.dxf.names.roles import small_kind, text_role
from floorplan.io.dxf.walls.faces import MIN_AREA, WallRoom, faces_of
from floorplan.io.dxf.walls.pinch import MIN_WIDTH

#: a cupboard's door swings with a leaf of this radius (metres): narrower than a room's
#: door (a wardrobe's leaves of 0.3 m), up to a room's widest
LEAF_RADIUS = (0.25, 1.3)
#: a face parted off as a fitted cupboard is at most this big (m²): a walk-in store is
#: walled, not built of joinery
MAX_FITTED = 4.0


def fitting_linework(rd) -> tuple[list[np.ndarray], list[Any], str]:
    """The loose lines and the swing arcs on the drawing's fittings layers (outside
    blocks, which are fittings' symbols), and the name of such a layer (for reasons)."""
    def fitting(p) -> bool:
        return rd.layer_kind(p.layer) == "obstacle" and not rd.blocked(p)

    lines = [p.pts[:, :2] for p in rd.col.opens + rd.col.loops
             if p.etype != "ARC" and len(p.pts) >= 2 and fitting(p)]
    arcs = [a for a in rd.col.arcs if fitting(a)
            and LEAF_RADIUS[0] <= a.extra["radius"] <= LEAF_RADIUS[1]]
    layers = sorted({p.layer for p in rd.col.opens + rd.col.loops if fitting(p)})
    return lines, arcs, (layers[0] if layers else "")


def fitted_rooms(found: list[WallRoom], texts: list, lines: list[np.ndarray], arcs: list,
                 layer: str, notes: list[str]) -> list[WallRoom]:
    """The fitted cupboards (see the module's docstring) parted off the rooms ``found``
    (each room's polygon is updated in place), as new rooms; ``texts`` the texts that may
    say something of a room, ``lines`` and ``arcs`` the fittings' linework
    (:func:`fitting_linework`)."""
    if not found or not texts or not lines or not arcs:
        return []
    pts = shapely.points(np.array([(t.x, t.y) for t in texts], dtype=float))
    room_tree = STRtree([w.polygon for w in found])
    inside: dict[int, list] = {}
    for ti, r in zip(*room_tree.query(pts, predicate="within").tolist(), strict=True):
        inside.setdefault(r, []).append(texts[ti])
    strings = [LineString(p) for p in lines]
    line_tree = STRtree(strings)
    hinges = np.array([a.extra["center"] for a in arcs], dtype=float).reshape(-1, 2)
    out: list[WallRoom] = []
    for r, ts in sorted(inside.items()):
        bs = [b for b in blocks(ts, text_role, small_kind) if b.named]
        if sum(1 for b in bs if b.number) < 2:
            continue  # one room's label: nothing else to part off
        room = found[r]
        poly = room.polygon
        near = poly.buffer(1e-3)
        mine = [strings[i] for i in line_tree.query(near, predicate="intersects").tolist()]
        doors = [LineString([tuple(a.extra["center"]), tuple(e)]) for k, a in enumerate(arcs)
                 if near.contains(Point(hinges[k])) for e in a.extra["ends"]]
        if not mine or not doors:
            continue
        parted = _part(poly, bs, mine, doors)
        if parted is None:
            continue
        rest, faces = parted
        room.polygon = rest
        for q, b in faces:
            why = (f"its stated {b.area:g} m² agreeing with it" if b.area is not None
                   else "a small room's name")
            out.append(WallRoom(q, "walls", "medium", (
                f"a fitted cupboard of {q.area:.2f} m², bounded by linework on layer "
                f"{layer or 'of fittings'}, which bounds no room elsewhere: parted off for the "
                f"label {b.number!r} in it, {why}, and the door drawn on it")))
    if out:
        notes.append(f"{len(out)} fitted cupboard(s) bounded by linework on fittings layers, "
                     "each with its own numbered label and a door, parted off the rooms they "
                     "stand in")
    return out


def _part(poly: Polygon, bs: list, lines: list[LineString], doors: list[LineString]
          ) -> tuple[Polygon, list[tuple[Polygon, Any]]] | None:
    """``poly`` parted by the fittings ``lines`` and the ``doors``' seals: the rest of the
    room and the faces parted off (each with its label block), or ``None``."""
    edges = [LineString(poly.exterior.coords)] + [LineString(i.coords) for i in poly.interiors]
    # on the walls' 1 mm grid, so that a fitting's line meets the wall face it is drawn to
    snapped = shapely.set_precision(np.asarray(lines + doors, dtype=object), 0.001)
    clipped = [g for g in (ln.intersection(poly.buffer(1e-3)) for ln in snapped)
               if not g.is_empty]
    faces = [f for f in faces_of(edges + clipped) if poly.contains(f.representative_point())]
    if len(faces) < 2:
        return None
    seal = shapely.union_all(doors)
    taken: list[tuple[Polygon, Any]] = []
    used: set[int] = set()
    for f in faces:
        if f.area > MAX_FITTED or f.area < 0.3:
            continue
        held = [i for i, b in enumerate(bs)
                if all(f.contains(Point(t.x, t.y)) for t in b.texts)]
        if len(held) != 1 or held[0] in used:
            continue
        b = bs[held[0]]
        if not b.number or any(f.contains(Point(t.x, t.y)) for x in bs if x is not b
                               for t in x.texts):
            continue
        if not (b.area is not None and agree(b.area, float(f.area))
                or (b.area is None and b.small)):
            continue
        if f.boundary.buffer(1e-3).intersection(seal).length < 0.2:
            continue  # no door of its own
        taken.append((f, b))
        used.add(held[0])
    if not taken or not any(b.number and i not in used for i, b in enumerate(bs)):
        return None  # the room keeps a numbered label of its own
    cut = shapely.union_all([f for f, _ in taken])
    slips = [f for f in faces if f.area < MIN_AREA and thin(f)
             and f.distance(cut) < 1e-3 and not any(f.contains(Point(t.x, t.y))
                                                       for b in bs for t in b.texts)]
    rest = poly.difference(shapely.union_all([cut, *slips])).buffer(0)
    if not isinstance(rest, Polygon) or rest.is_empty:
        parts = list(getattr(rest, "geoms", []))
        if not parts:
            return None
        rest = max(parts, key=lambda g: g.area)
        if sum(g.area for g in parts) - rest.area > 0.05:
            return None  # the rest would fall apart: leave the room as it is
    return rest, taken


def thin(f: Polygon) -> bool:
    """A face too thin to stand in (a partition's body, a slip of a door's frame)."""
    return f.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty
