"""Floor inside the walls that no room holds: rooms the reading may have lost (FP014).

A drawing with no room labels gives the labels in no room (FP010) nothing to go on: when
its bedrooms run out of the building through windows the reader did not seal, or its
classrooms through double doors it did not know, they are lost without a word, and the
rooms that were read look like the whole plan. The walls still say where the building
is. Its footprint is the wall linework closed over :data:`FOOTPRINT_GAP` (the widest
window or doorway left open is bridged), its holes filled. What of the footprint is
neither wall (the linework closed over :data:`WALL_GAP`: a wall's faces and the band
between them), nor a space read (a room, or one set aside: a void, a shaft, an outdoor
space), opened by :data:`ROOM_WIDTH` (the strips along the walls and the doorways' reveals
dropped), in pieces of :data:`ROOM_AREA` or more and not open to the outside across
their width (:data:`OPEN_SIDE`: a porch or a recessed balcony), is floor in no room: one
``warn`` names
how much, in how many spaces, and where the largest is. It leaves the rules by use over a
home undecided, as a label in no room does, and a plan with more such floor than the
rooms read hold cannot be assessed (:mod:`floorplan.doubts`).

Only where the rooms came from the wall linework: rooms from outlines are what the
drawing says they are, and their walls are not read.

>>> import numpy as np
>>> from shapely.geometry import box
>>> walls = [np.array(box(0, 0, 10, 4).exterior.coords), np.array([(4, 0), (4, 4)])]
>>> [round(p.area, 3) for p in lost_pieces(walls, [box(0.1, 0.1, 3.95, 3.9)])]
[23.707]

(The east room, 6 x 4 = 24 m², single-line walls, is not read: it is floor in no room, less
its four corners rounded by the opening of ROOM_WIDTH, a 0.5 m radius drawn as an octagon:
4 x 0.25 x (1 - sin 45°) = 0.293 m².)
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union

from floorplan.model import InputFinding

#: a gap in the walls this wide (metres) is bridged in finding the building's footprint:
#: the widest window (floorplan.io.dxf.walls.openings.WINDOW_SPAN) or doorway left open
FOOTPRINT_GAP = 4.0
#: walls are at most this thick (metres): the band between a wall's two faces is wall
WALL_GAP = 0.6
#: floor narrower than this (metres) is no room: strips along the walls, reveals
ROOM_WIDTH = 1.0
#: a piece of floor in no room smaller than this (m²) is not counted: a cupboard, a riser
ROOM_AREA = 4.0
#: a piece of floor open to the outside (where the footprint's closing bridged it) across
#: this share of its width or more is outdoors, not a room lost: a porch, a recessed
#: balcony, an entrance recess open over its whole width; a room that runs out through a
#: window is open over much less than its width
OPEN_SIDE = 0.8
#: the rooms came from the wall linework (floorplan.io.dxf.rooms.outdoor.WALL_SOURCES)
_WALL_SOURCES = frozenset({"walls", "walls_closed", "label_seeded"})


def lost_pieces(walls: list[np.ndarray], spaces: list[Polygon]) -> list[Polygon]:
    """The pieces of floor inside the footprint of the wall linework ``walls`` ((n, 2)
    arrays, metres) that are neither wall nor in one of the ``spaces`` read, each at least
    :data:`ROOM_WIDTH` across and :data:`ROOM_AREA` in area, largest first."""
    lines = [w for w in walls if len(w) >= 2]
    if not lines:
        return []
    mesh = np.array([shapely.linestrings(w) for w in lines], dtype=object)
    r = FOOTPRINT_GAP / 2
    # square ends and mitred corners: a gap is bridged flush with the faces either side of
    # it (a round closing dips into it, and a window's mouth would look wider than it is)
    closed = _closing(mesh, r)
    footprint = unary_union([Polygon(g.exterior) for g in getattr(closed, "geoms", [closed])
                             if g.geom_type == "Polygon" and not g.is_empty])
    rest = footprint
    if spaces:
        rest = rest.difference(unary_union(spaces).buffer(0.05, quad_segs=2))
    h = ROOM_WIDTH / 2
    # first without the walls: the bands of walls between rooms and along the outside are
    # narrower than ROOM_WIDTH and open away; a drawing read whole leaves nothing
    core = rest.buffer(-h, quad_segs=2)
    if core.is_empty or core.buffer(h, quad_segs=2).area < ROOM_AREA:
        return []
    # then the walls near what is left, for its outline and where it is open
    near_lines = mesh[shapely.STRtree(mesh).query(core.buffer(2 * h, quad_segs=2),
                                                  predicate="intersects")]
    bridged = footprint.boundary  # where the footprint's outline is no wall line
    if len(near_lines):
        rest = rest.difference(_closing(near_lines, WALL_GAP / 2))
        drawn = shapely.union_all(shapely.buffer(near_lines, 0.01, cap_style="flat"))
        bridged = bridged.difference(drawn)
    opened = rest.buffer(-h, quad_segs=2).buffer(h, quad_segs=2)
    edge = bridged.buffer(0.05, quad_segs=2)
    pieces = []
    for g in getattr(opened, "geoms", [opened]):
        if g.geom_type != "Polygon" or g.area < ROOM_AREA:
            continue
        # how far it is open to the outside, its corners as they were before the opening
        near = _polygonal(unary_union([c for c in getattr(rest, "geoms", [rest])
                                       if c.intersects(g)]).intersection(g.buffer(h, quad_segs=2)))
        if _widest_mouth(near.boundary.intersection(edge)) < OPEN_SIDE * _width(g):
            pieces.append(g)
    return sorted(pieces, key=lambda g: -g.area)


def _polygonal(geom):
    """The polygons of ``geom`` (an intersection may hold lines and points as well, and a
    collection has no boundary)."""
    return unary_union([p for p in getattr(geom, "geoms", [geom])
                        if p.geom_type in ("Polygon", "MultiPolygon")])


def _closing(lines: np.ndarray, r: float):
    """The lines grown by ``r`` (square ends, mitred corners) and shrunk back. Each line
    grown on its own and the growths unioned at once: buffering the lines as one geometry
    took 1.7 s on a 1,320-line office floor, this 0.1 s."""
    grown = shapely.union_all(shapely.buffer(lines, r, cap_style="square", join_style="mitre"))
    return grown.buffer(-r, cap_style="square", join_style="mitre")


def _widest_mouth(open_edge) -> float:
    """The longest stretch of ``open_edge`` (the outline of a piece of floor where the
    footprint's closing bridged it) in one piece: a porch's mouth is one stretch across
    it, a row of windows left open is many, each narrower than the room."""
    merged = shapely.line_merge(open_edge) if not open_edge.is_empty else open_edge
    parts = getattr(merged, "geoms", [merged])
    return max((p.length for p in parts), default=0.0)


def _width(g: Polygon) -> float:
    """The shorter side of ``g``'s smallest enclosing rectangle."""
    c = shapely.get_coordinates(g.minimum_rotated_rectangle)
    sides = np.hypot(*(c[1:3] - c[0:2]).T)
    return float(sides.min())


def lost_floor(rd, rooms: list, made: list) -> list[InputFinding]:
    """FP014 for the floor inside the walls in none of ``rooms`` (the rooms read) or
    ``made`` (every space found, the ones set aside among them); none when the rooms did
    not come from the wall linework."""
    walls = rd.__dict__.get("wall_linework")
    if not walls or not any(r.source in _WALL_SOURCES for r in rooms):
        return []
    if rd.grid.n >= 2 or rd.__dict__.get("apart_zone") is not None:  # the views read only
        mids = np.array([w[len(w) // 2] for w in walls], dtype=float)
        walls = [w for w, ok in zip(walls, rd.in_view(mids).tolist(), strict=True) if ok]
    pieces = lost_pieces(walls, [r.polygon for r in list(rooms) + list(made)])
    if not pieces:
        return []
    total = sum(p.area for p in pieces)
    big = pieces[0]
    at = big.representative_point()
    n = len(pieces)
    where = (f"the largest {big.area:.1f} m² around ({at.x:.2f}, {at.y:.2f}) m"
             if n > 1 else f"around ({at.x:.2f}, {at.y:.2f}) m")
    return [InputFinding(
        "FP014", f"{total:.1f} m² of floor inside the walls lies in no room read "
        f"({n} space{'s' * (n != 1)} of {ROOM_AREA:g} m² or more, {where}): rooms there may "
        "not have been read (a doorway or window left open, a door not recognised); check "
        "on the drawing", geometry=unary_union(pieces), measured=round(total, 2))]
