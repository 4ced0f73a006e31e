"""Spaces with no way in: solid wall masses, not rooms.

Walls drawn as the outlines of their mass (a stone pier, a chimney breast, a thick wall
drawn as one closed polyline and left unhatched) enclose faces as a room's walls do. A
reader tells them apart by what a room has and a mass has not: a name, a way in, and
walls round it. In a drawing that labels its rooms and draws its walls as double lines,
a space found in the walls that holds no label, that no door symbol, opening or closed
gap of a door's width leads into, and whose outline runs mostly beside open space rather
than beside wall bands (the faces between a wall's two lines) is solid: a wall mass, a
duct, a void. It is left out, counted in the notes. A space with wall bands along most
of its outline stays, at medium confidence: a room whose door is not drawn. In a drawing
that labels nothing, such a space is only doubted (low confidence), unless the drawing's
doors lead into most of its spaces, a door butts against the space (its symbol touches
the outline but leads into nothing) and the space is no wider than a thick wall
(:data:`MASS_WIDTH`): the pier between two doorways, the mass of a wall at a door's jamb
closed off at its other end by a window's.

A way in is any of:

- a bridge or seal of at least :data:`~floorplan.io.dxf.walls.openings.OPENING_WIDTH` (its
  smaller end) on the space's outline: a closed gap, a window or door drawn shut (a
  bifold or sliding door spans its opening as glazing does), a door swing's seal;
- an opening between jambs on its outline;
- a door block or a door swing that swings into it (:data:`SWING_AREA` of it inside the
  space) or hangs in its outline (a door's width of the outline inside the symbol). A
  door that only butts against a mass's end, its jamb, leads into nothing.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.openings import OPENING_WIDTH

#: bridges of these kinds lead into a space (joins and slips are drawing repairs)
ENTRY_KINDS = frozenset({"gap", "window", "door", "swing"})
#: a space with wall bands (faces too thin to be rooms) along this share of its outline
#: is bounded by walls: a room, its door perhaps not drawn
WALLED_SHARE = 0.5
#: why a space with no way in and no wall band round it, in a drawing that labels
#: nothing, is kept at low confidence
UNSURE_SOLID = ("no way in (no door, opening or gap of a door's width) and no wall band "
                "round it: it may be solid (a bench, a plinth, a wall mass or a void)")
#: a door symbol with this much (m²) of it inside a space swings into it (a swing's
#: sector of the narrowest door, 0.6 m, is 0.28 m²)
SWING_AREA = 0.1
#: in a drawing that labels nothing, its doors are read when at least this share of the
#: spaces found in its walls have a way in; then a space with none that is no wider than
#: :data:`MASS_WIDTH` (metres: a thick wall, a pier between two doorways) is wall mass
READ_SHARE = 0.5
MASS_WIDTH = 0.9
#: a door swing's seal leads into a space when this share of it lies on the space's edge
#: (the rest, at the hinge, along the leaf's thickness: :meth:`Ways.on`)
SWING_ON = 0.5


def _leads_in(door: Polygon, space: Polygon, edge) -> bool:
    return (door.intersection(space).area >= SWING_AREA
            or edge.intersection(door).length >= OPENING_WIDTH[0])


def door_shapes(rd, door_uids: set[int]) -> list[Polygon]:
    """The outlines of door symbols: each door block's rectangle and each door swing's
    sector (hinge and arc ends), on door layers or inside door blocks."""
    col = rd.col
    out: list[Polygon] = []
    for ins in col.inserts:
        if ins.uid in door_uids and door_uids.isdisjoint(ins.chain) and ins.pts is not None \
                and len(ins.pts) >= 2:
            out.append(MultiPoint(ins.pts[:, :2]).minimum_rotated_rectangle.buffer(0.02))
    for a in col.arcs:
        if rd.is_door_arc(a):
            out.append(MultiPoint([a.extra["center"], *a.extra["ends"]]).convex_hull.buffer(0.02))
    return [g for g in out if isinstance(g, Polygon) and not g.is_empty]


class Ways:
    """The ways into a space that the wall arrangement ``arr`` holds: its bridges of
    :data:`ENTRY_KINDS` at least a narrow door wide (``OPENING_WIDTH[0]``), and its
    openings' seals."""

    def __init__(self, arr):
        bridges = [(g, kind) for g, kind in arr.added
                   if kind in ENTRY_KINDS and g.length >= OPENING_WIDTH[0]]
        self.ways = [g for g, _ in bridges] + [s for o in arr.openings for s in o.seals]
        self.swings = {i for i, (_, kind) in enumerate(bridges) if kind == "swing"}
        self.tree = STRtree(self.ways) if self.ways else None

    def on(self, near: Polygon) -> bool:
        """A way lies on the edge ``near`` (a space's outline grown a hair); a door's swing
        seal, drawn from the hinge, when :data:`SWING_ON` of it does: the open leaf drawn
        as a thin rectangle from the hinge into the space parts the seal's first few
        centimetres (the leaf's thickness) from the space's edge."""
        if self.tree is None:
            return False
        for i in self.tree.query(near, predicate="intersects").tolist():
            way = self.ways[i]
            if way.within(near) or i in self.swings and \
                    way.intersection(near).length >= SWING_ON * way.length:
                return True
        return False


def holding(tree: STRtree, texts: list[tuple[float, float, str]],
            predicate: Literal["within", "intersects"]) -> set[int]:
    """The spaces of ``tree`` that one of ``texts`` ((x, y, name)) stands in, by
    ``predicate`` (``within``: inside it; ``intersects``: on its outline too)."""
    if not texts:
        return set()
    pts = shapely.points(np.array([(x, y) for x, y, _ in texts], dtype=float))
    return set(tree.query(pts, predicate=predicate)[1].tolist())


def sealed_off(found: list, arr, doors: list[Polygon], texts: list[tuple[float, float, str]]
               ) -> None:
    """Mark (``solid``) the rooms of ``found`` (rooms in the walls) that hold no label, that
    nothing leads into, and that no wall band bounds (see the module's docstring);
    ``texts`` are the room labels' (x, y, name), ``arr`` the wall arrangement (bridges,
    openings, wall bands). They are left out once the views are chosen (a table's empty
    cells say it is a table). Nothing is marked in a drawing whose walls are single lines
    (no wall band: its rooms are bounded by lines alone). In a drawing with no labels
    such a space is kept, at low confidence saying why (:data:`UNSURE_SOLID`): a bench
    or a plinth drawn as a closed outline reads so, but so does an open hall."""
    if not found or not arr.bands:
        return
    polys = [w.polygon for w in found]
    held = holding(STRtree(polys), texts, "within")
    bare = [k for k in range(len(found)) if k not in held and not found[k].labels]
    if not bare:
        return
    ways = Ways(arr)
    door_tree = STRtree(doors) if doors else None
    band_tree = STRtree(arr.bands)
    shut: list[int] = []
    butted: set[int] = set()  # a door stands on its edge, leading into it nowhere
    for k in bare:
        edge = polys[k].boundary
        near = edge.buffer(1e-3)
        if ways.on(near):
            continue
        touching = [] if door_tree is None else door_tree.query(edge, predicate="intersects").tolist()
        if any(_leads_in(doors[i], polys[k], edge) for i in touching):
            continue
        shut.append(k)
        if touching:
            butted.add(k)
    # with no labels, the doors tell rooms from masses where they lead into most spaces
    doors_read = not texts and len(bare) >= 2 and 1 - len(shut) / len(bare) >= READ_SHARE
    for k in shut:
        edge = polys[k].boundary
        near = edge.buffer(1e-3)
        walled = [arr.bands[i] for i in band_tree.query(near, predicate="intersects").tolist()]
        if walled and edge.intersection(shapely.union_all(walled).buffer(1e-3)).length \
                >= WALLED_SHARE * edge.length:
            continue  # wall faces bound it: a room whose door is not drawn
        if texts:
            found[k].solid = "no label, no way in, no wall band round it"
        elif doors_read and k in butted and \
                polys[k].buffer(-MASS_WIDTH / 2, join_style="mitre").is_empty:
            found[k].solid = "no way in, a wall's width, a door butting against it"
        else:  # a drawing that labels nothing: every room is unlabelled, so this alone
            # does not say solid (an open hall with its sides drawn open reads so too),
            # but nothing says room either
            why = UNSURE_SOLID
            if found[k].confidence != "low" or why not in found[k].reason:
                found[k].confidence = "low"
                found[k].reason = f"{found[k].reason}; {why}" if found[k].reason else why


def solid_note(areas: list[float]) -> str:
    """The note saying the solid spaces (their ``areas``) were left out."""
    return (f"{len(areas)} spaces enclosed in the walls with no label and no way in (no door, "
            "opening or gap of a door's width) left out as solid: wall masses, ducts or voids ("
            + ", ".join(f"{a:.1f} m²" for a in areas[:8])
            + (f" and {len(areas) - 8} more" if len(areas) > 8 else "") + ")")
