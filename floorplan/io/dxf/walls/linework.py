"""The linework read as walls: which lines, and which are left out of it.

- :func:`wall_lines`: lines on wall layers, else on layers that say nothing (never on
  frozen layers, foundations or roofs), with door-layer lines that continue a wall face;
  with lines on some layers that say nothing when the source choice asks (``rd.with_unnamed``:
  :func:`~floorplan.io.dxf.rooms.sourcechoice.widened`);
- :func:`floor_pattern`: less the lines that only draw a tiling (paving, floor or ceiling
  tiles, :mod:`~floorplan.io.dxf.views.tiles`);
- :func:`leave_objects`: less the objects standing free in the rooms (furniture,
  columns), for linework on layers that say nothing, where they are drawn with the walls.

>>> import numpy as np
>>> table = [np.array([[2.0, 2.0], [3.2, 2.0], [3.2, 2.8], [2.0, 2.8], [2.0, 2.0]])]
>>> room = [np.array([[0.0, 0.0], [6.0, 0.0], [6.0, 4.0], [0.0, 4.0], [0.0, 0.0]])]
>>> free_standing(room + table)
[1]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.views.tiles import pattern_lines
from floorplan.io.dxf.walls.marks import hidden_layers, not_the_plan
from floorplan.io.dxf.walls.nibs import nibs

#: linework within this (metres) of other linework is joined to it (joins.REACH)
TOUCH = 0.05
#: an object standing free in a room: linework touching no other, at most OBJECT_SPAN
#: across (a table, a desk with its chairs, a column), enclosing no face of OBJECT_FACE
#: or more (a free-standing pod or core encloses a room of its own)
OBJECT_SPAN = 3.0
OBJECT_FACE = 4.0


def wall_lines(rd) -> list:
    """The linework read as walls: on layers that say wall, else on layers that say
    nothing; never on frozen or switched-off layers, nor on layers that say foundations
    or roof (each left out is said in a note)."""
    col = rd.col
    hidden = hidden_layers(rd.doc, rd.lmap)
    out: dict[str, int] = {}
    left = rd.__dict__.get("left_layers") or ()  # a layer shown to draw no walls (sourcechoice)

    def take(p, kind) -> bool:
        if rd.layer_kind(p.layer) != kind or rd.blocked(p) or p.layer in left:
            return False
        if p.layer in hidden:
            out[f"{p.layer} (frozen or off)"] = out.get(f"{p.layer} (frozen or off)", 0) + 1
            return False
        if not_the_plan(p.layer):
            out[f"{p.layer} (foundations or roof)"] = out.get(f"{p.layer} (foundations or roof)", 0) + 1
            return False
        return True

    lines = [p for p in col.opens + col.loops if take(p, "wall")]
    rd.walls_unnamed = not lines
    if lines:
        lines += door_layer_nibs(rd, lines, hidden)
        extra = rd.__dict__.get("with_unnamed")  # the wall layers leave the labels out
        if extra:  # (sourcechoice): walls drawn on these layers that say nothing too
            lines += [p for p in col.opens + col.loops if p.layer in extra and take(p, None)]
    if not lines:
        out.clear()
        lines = [p for p in col.opens + col.loops if take(p, None)]
        if lines:
            rd.notes.append("no layer is named as a wall layer: all linework on unnamed "
                            "layers read as walls")
    if out:
        rd.notes.append("linework not read as walls: " + ", ".join(
            f"{n} on {lay}" for lay, n in sorted(out.items())))
    return lines


def door_layer_nibs(rd, lines: list, hidden: set) -> list:
    """Loose lines on door layers that continue a wall face (a frame's or a splayed
    doorway's reveals, :mod:`~floorplan.io.dxf.walls.nibs`): part of the wall, said in a note."""
    cands = [p for p in rd.col.opens if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")
             and len(p.pts) == 2 and not p.chain and rd.layer_kind(p.layer) == "door"
             and p.layer not in hidden and not p.extra.get("is3d")]
    leaves = dxf_doors.leaf_uids(cands, rd.col.arcs)
    cands = [p for p in cands if p.uid not in leaves]
    if not cands:
        return []
    took = [cands[k] for k in nibs([p.pts[:, :2] for p in lines], [p.pts[:, :2] for p in cands])]
    if took:
        rd.nib_uids = {p.uid for p in took}
        rd.notes.append(f"{len(took)} line(s) on door layers read as wall: they continue a wall "
                        "face or run as a wall's two faces from its end (a frame, a glazed "
                        "screen, a doorway's reveals)")
    return took


def floor_pattern(rd, lines: list) -> list:
    """``lines`` less those that only draw a tiling (paving, floor or ceiling tiles:
    :mod:`~floorplan.io.dxf.views.tiles`), said in a note: a pattern drawn with the walls, on
    the same layer, would part the rooms into slabs."""
    drop, cells, side = pattern_lines([p.pts for p in lines])
    if not drop:
        return lines
    gone = set(drop)
    rd.used.update(lines[k].uid for k in gone)
    rd.notes.append(f"{len(gone)} line(s) that only draw a tiling of {cells} cells about "
                    f"{side:.2f} m across (paving, floor or ceiling tiles) not read as walls")
    return [p for k, p in enumerate(lines) if k not in gone]




def free_standing(lines: list[np.ndarray]) -> list[int]:
    """The indices of ``lines`` ((n, 2) arrays, metres) that draw objects standing free
    (see :data:`OBJECT_SPAN`): groups of lines within :data:`TOUCH` of each other and of
    nothing else. The widest group (the building's) is never one."""
    keep = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    if len(keep) < 2:
        return []
    index = np.repeat(np.arange(len(keep)), [len(lines[k]) for k in keep])
    geoms = np.asarray(shapely.linestrings(np.vstack([lines[k][:, :2] for k in keep]),
                                           indices=index), dtype=object)
    i, j = STRtree(geoms).query(geoms, predicate="dwithin", distance=TOUCH)
    parent = np.arange(len(geoms))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[int, list[int]] = {}
    for n in range(len(geoms)):
        groups.setdefault(root(n), []).append(n)
    if len(groups) < 2:
        return []
    spans = {g: float(np.ptp(shapely.total_bounds(geoms[m]).reshape(2, 2), axis=0).max())
             for g, m in groups.items()}
    widest = max(spans, key=lambda g: spans[g])
    out = []
    for g, members in groups.items():
        if g == widest or spans[g] > OBJECT_SPAN:
            continue
        noded = shapely.union_all(geoms[members])
        faces = shapely.polygonize(list(getattr(noded, "geoms", [noded])))
        if all(f.area < OBJECT_FACE for f in faces.geoms):
            out += [keep[n] for n in members]
    return sorted(out)


def leave_objects(rd, lines: list) -> list:
    """``lines`` less the objects standing free in the rooms (:func:`free_standing`), said
    in a note."""
    drop = set(free_standing([p.pts for p in lines]))
    if not drop:
        return lines
    rd.notes.append(f"{len(drop)} line(s) drawing objects that stand free in the rooms "
                    f"(touching no wall, under {OBJECT_SPAN:g} m across: furniture, columns) "
                    "not read as walls")
    return [p for k, p in enumerate(lines) if k not in drop]
