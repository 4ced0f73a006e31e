"""Voids marked with an X: two straight lines crossing a space corner to corner.

The drafting convention: a space crossed by its two diagonals (an X) is no floor. It is a
void over the floor below (a double-height hall, an atrium), an opening in the floor, a
shaft or a lift well. The diagonals are no walls, yet the wall linework holds them, so
they part the space into three or four faces, each of which would be read as a room.

So a space in the walls is read as one void, not rooms, where two straight lines (a
LINE, or a polyline of one piece, on the layers walls are read from) cross each other
between :data:`CROSS_INSIDE` and ``1 - CROSS_INSIDE`` of the length of each, every end
stands within :data:`CORNER_REACH` of a corner of the space's outline (where it turns
by at least :data:`CORNER_TURN`), the faces along them are bounded by nothing but the
two lines and that outline, each spanning the outline between two ends of the lines and
no further (:data:`ARC_RATIO`: a room beyond that the reader ran into one of the parts,
a hall open to the void, stays a room), and no door or doorway stands on the lines (a cross of
walls with doors is rooms). A cross of walls that meets the walls mid-face is no X: its
ends stand where the outline runs straight on. The faces are set aside, counted in the
notes; a narrow face (under :data:`~floorplan.io.dxf.rooms.shafts.NARROW` across) running along
the void's outline for at least :data:`BAND_SHARE` of its edge, the void's edge drawn
as two lines, goes with it; so does a part read as one face with such a band (the edge's
inner line stopping short, the band runs into the part): the part is judged without its
strips narrower than ``NARROW``, when they run along the other parts. A label in a void is then said by FP010 (it lies in no
room); a door leading into one is said (FP005: it joins no second space).

A small X (a space of at most :data:`~floorplan.io.dxf.rooms.shafts.SHAFT_AREA`: a lift shaft,
a riser) is left to :mod:`~floorplan.io.dxf.rooms.shafts`, which sets a space nobody walks into
aside by its size already.

>>> from types import SimpleNamespace as NS
>>> from shapely.geometry import LineString, Polygon
>>> quarters = [Polygon([(0, 0), (8, 0), (4, 3)]), Polygon([(8, 0), (8, 6), (4, 3)]),
...             Polygon([(8, 6), (0, 6), (4, 3)]), Polygon([(0, 6), (0, 0), (4, 3)])]
>>> rooms = [NS(id=f"R{k}", name="", source="walls", polygon=q) for k, q in enumerate(quarters)]
>>> xs = [LineString([(0, 0), (8, 6)]), LineString([(8, 0), (0, 6)])]
>>> [[r.id for r in v] for v, _ in voids(rooms, xs, [])]
[['R0', 'R1', 'R2', 'R3']]
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.strtree import STRtree

from floorplan.io.dxf.rooms.outdoor import WALL_SOURCES
from floorplan.io.dxf.rooms.shafts import NARROW, SHAFT_AREA
from floorplan.io.dxf.walls.crosses import crossing
from floorplan.model import InputFinding

#: each line of an X crosses the other between this share of its length and 1 minus it:
#: a diagonal crosses the other one at its middle (0.5 in a rectangle, 0.3-0.7 in a
#: trapezium or a hexagon); two lines that cross near an end are a wall run past a corner
CROSS_INSIDE = 0.2
#: an end of a diagonal stands this close (metres) to the corner it starts from: a wall's
#: thickness at most, so that a line drawn to the far face of a wall or stopped a little
#: short of the corner still counts, and a line ending a wall's width along a face does not
CORNER_REACH = 0.3
#: a corner is where the outline turns by at least this (degrees); a straight wall face
#: (where a cross of walls meets it mid-face) turns by nothing
CORNER_TURN = 20.0
#: lines of an X are at least this long (metres): the diagonal of the smallest shaft
MIN_LENGTH = 1.0
#: a face runs along a line, or along the void's outline, within this (metres: 2 cm, the
#: snapping and closing tolerances of the wall reader with room to spare)
ALONG = 0.02
#: a face borders a line of the X when it runs along it for at least this (metres)
MIN_SHARE = 0.25
#: a narrow face runs along the void for at least this share of its edge: one long side
#: of a band (a little under half its edge) runs along the void
BAND_SHARE = 0.35
#: each part of an X spans the outline between two ends of its lines: that stretch of the
#: outline is at most this many times the straight line between them (a rectangle's side
#: 1, two sides of a hexagon 1.15, a semicircle 1.57); a room that the X only touches, a
#: hall beyond the void open to it, runs on much further
ARC_RATIO = 2.0
#: a door this close (metres) to the lines of an X (away from its ends) stands on them
DOOR_REACH = 0.4


def _corners(outline, tol: float = ALONG) -> np.ndarray:
    """The points where ``outline`` (a ring) turns by at least :data:`CORNER_TURN`."""
    pts = np.asarray(shapely.simplify(outline, tol).coords)[:-1, :2]
    if len(pts) < 3:
        return pts
    a = pts - np.roll(pts, 1, axis=0)
    b = np.roll(pts, -1, axis=0) - pts
    ang = np.abs(np.degrees(np.arctan2(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0],
                                       (a * b).sum(axis=1))))
    return pts[ang >= CORNER_TURN]


def _at_corner(p, corners: np.ndarray) -> bool:
    return bool(len(corners)) and float(np.min(np.hypot(*(corners - p).T))) <= CORNER_REACH


def _cross(a: LineString, b: LineString):
    """Where ``a`` and ``b`` cross inside both (see :data:`CROSS_INSIDE`), or None."""
    return crossing(a, b, CROSS_INSIDE)


def voids(rooms: list, lines: list[LineString], doors: list) -> list[tuple[list, list]]:
    """The voids marked with an X among ``rooms`` (see the module): for each, the rooms
    that are its parts and the doors (``.geometry``) that lead into it. ``lines``: the
    straight pieces of the wall linework."""
    walled = [r for r in rooms if r.source in WALL_SOURCES]
    lines = [g for g in lines if g.length >= MIN_LENGTH]
    if len(walled) < 2 or len(lines) < 2:
        return []
    polys = [r.polygon for r in walled]
    ptree = STRtree(polys)
    li, ri = ptree.query(lines, predicate="dwithin", distance=ALONG)
    along: dict[int, set[int]] = {}
    if len(li):
        bands = shapely.buffer(np.array(lines, dtype=object)[li], ALONG, cap_style="flat")
        shared = shapely.length(shapely.intersection(
            shapely.boundary(np.array(polys, dtype=object)[ri]), bands))
        for i, k in zip(li[shared >= MIN_SHARE], ri[shared >= MIN_SHARE], strict=True):
            along.setdefault(int(i), set()).add(int(k))
    cand = sorted(along)
    if len(cand) < 2:
        return []
    ltree = STRtree([lines[i] for i in cand])
    ai, bi = ltree.query([lines[i] for i in cand], predicate="crosses")
    out: list[tuple[list, list]] = []
    taken: set[int] = set()
    for x, y in zip(ai, bi, strict=True):
        i, j = cand[x], cand[y]
        if i >= j:
            continue
        a, b = lines[i], lines[j]
        if _cross(a, b) is None:
            continue
        parts = along[i] | along[j]
        if parts & taken or len(parts) < 2:
            continue
        shape = {}
        for k in parts:
            if _sector(polys[k], a, b):
                shape[k] = polys[k]
            elif (core := _core(polys[k])) is not None and _sector(core, a, b):
                shape[k] = core  # a part the void's edge, drawn in two lines, runs into
        parts = {k for k in shape if shape[k] is polys[k] or _edged(polys[k], shape[k], [
            polys[j] for j in shape if j != k])}
        if len(parts) < 2:
            continue
        got = _void(a, b, [shape[k] for k in sorted(parts)], doors)
        if got is None:
            continue
        whole, into = got
        taken |= parts
        band = _bands(whole, polys, walled, taken)
        taken |= band
        out.append(([walled[k] for k in sorted(parts | band)], into))
    return out


def _core(face):
    """``face`` less its narrow strips (under :data:`~floorplan.io.dxf.shafts.NARROW`
    across, its corners kept: a mitred opening), when what is left is one piece holding
    most of it, else None. Where the void's edge is drawn as two lines that stop short of
    the walls beyond it (a gallery's edge open to the hall's doors), the band between them
    runs into the part of the X there and is read with it as one face, whose outline then
    runs on along the band far beyond the two ends of the X it spans."""
    w = NARROW / 2
    core = face.buffer(-w, join_style="mitre").buffer(w, join_style="mitre")
    if core.geom_type == "MultiPolygon":
        core = max(core.geoms, key=lambda g: g.area)
    if core.is_empty or core.geom_type != "Polygon" or core.area < 0.5 * face.area:
        return None
    return core


def _edged(face, core, others) -> bool:
    """The strips of ``face`` beyond its ``core`` run along the other parts of the X
    (``others``) for at least :data:`BAND_SHARE` of their outline: they are the void's
    edge, drawn in two lines, not a corridor run into the part."""
    # (the core grown by a hair first: its opening leaves it a float's width off the
    # face's own outline, slivers whose outline would run along the whole part)
    strips = face.difference(core.buffer(ALONG, join_style="mitre"))
    if strips.is_empty or not others:
        return False
    edge = shapely.union_all([o.boundary for o in others]).buffer(ALONG)
    return bool(strips.boundary.intersection(edge).length >= BAND_SHARE * strips.boundary.length)


def _sector(face, a: LineString, b: LineString) -> bool:
    """Whether ``face`` is one of the parts an X makes: it touches two of the lines' ends,
    and its outline between them (what is not the X) is at most :data:`ARC_RATIO` times
    as long as the straight line between them."""
    ends = [Point(g.coords[k]) for g in (a, b) for k in (0, -1)]
    near = [e for e in ends if face.distance(e) <= CORNER_REACH]
    if len(near) != 2:
        return False
    x = shapely.union_all([a, b]).buffer(ALONG, cap_style="flat")
    return bool(face.boundary.difference(x).length <= ARC_RATIO * near[0].distance(near[1]))


def _void(a, b, faces, doors):
    """(the void's outline, the doors leading into it), or None where ``a`` and ``b``
    are no X across ``faces``."""
    whole = shapely.union_all([f.buffer(ALONG / 2) for f in faces]).buffer(-ALONG / 2)
    if whole.geom_type != "Polygon" or whole.area <= SHAFT_AREA:
        return None
    corners = _corners(whole.exterior)
    ends = [np.asarray(g.coords[k])[:2] for g in (a, b) for k in (0, -1)]
    if not all(_at_corner(e, corners) for e in ends):
        return None
    x = shapely.union_all([a, b]).buffer(ALONG, cap_style="flat")
    edge = whole.boundary.buffer(ALONG)
    for f in faces:  # each part bounded by the two lines and the void's outline alone
        if f.boundary.difference(x).difference(edge).length > 4 * ALONG:
            return None
    inner = [g.interpolate(d) for g in (a, b) for d in np.linspace(
        CORNER_REACH + DOOR_REACH, g.length - CORNER_REACH - DOOR_REACH, 16)]
    core = shapely.union_all([LineString(inner[:16]), LineString(inner[16:])])
    into = []
    for d in doors:
        if d.geometry.distance(core) <= DOOR_REACH:
            return None  # a door on the lines: walls
        if d.geometry.distance(whole.exterior) <= CORNER_REACH + DOOR_REACH:
            into.append(d)
    return whole, into


def _bands(whole, polys, walled, taken) -> set[int]:
    """The narrow faces running along the void's outline: its edge drawn in two lines."""
    edge = whole.exterior.buffer(ALONG)
    out = set()
    for k in STRtree(polys).query(whole.buffer(ALONG), predicate="intersects"):
        k = int(k)
        p = polys[k]
        if k in taken or walled[k].name or p.boundary.intersection(edge).length < (
                BAND_SHARE * p.length):
            continue
        if 2 * float(shapely.length(shapely.maximum_inscribed_circle(p, 0.01))) < NARROW:
            out.add(k)
    return out


def set_aside(rd, rooms: list, doors: list, notes: list[str], findings: list
              ) -> tuple[list, list]:
    """``rooms`` without the voids marked with an X (see the module), said in ``notes``,
    and ``doors`` (pairs of a door and its layer) without the doorways the wall reader
    found in a void's edge (a gap between two of its lines: no way into a room);
    ``findings`` (changed in place) loses those about the parts of a void alone and gains
    one for each door that leads into a void."""
    if not any(r.source in WALL_SOURCES for r in rooms):
        return rooms, doors
    lines = [LineString(p.pts[:, :2]) for p in rd.col.opens
             if len(p.pts) == 2 and p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")
             and rd.layer_kind(p.layer) in ("wall", None) and not rd.blocked(p)
             and math.dist(p.pts[0, :2], p.pts[1, :2]) >= MIN_LENGTH]
    found = voids(rooms, lines, [d for d, _ in doors])
    if not found:
        return rooms, doors
    gone = {r.id for parts, _ in found for r in parts}
    said = []
    gaps: set[str] = set()
    for parts, into in found:
        area = sum(r.polygon.area for r in parts)
        c = shapely.union_all([r.polygon for r in parts]).centroid
        named = [r.name for r in parts if r.name]
        said.append(f"{area:.1f} m² at ({c.x:.2f}, {c.y:.2f}) in {len(parts)} part(s)"
                    + (f" holding the label(s) {', '.join(map(repr, named))}" if named else ""))
        gaps |= {d.id for d in into if d.properties.get("from") == "gap"}
        # a door near no room left is said by FP005 already (it joins no room)
        kept = [r.polygon for r in rooms if r.id not in gone]
        for d in (d for d in into if d.properties.get("from") != "gap"
                  and any(d.geometry.distance(p) <= DOOR_REACH for p in kept)):
            findings.append(InputFinding(
                "FP005", f"{d.id}: the door leads into a void marked with an X (two lines "
                f"corner to corner) at ({c.x:.2f}, {c.y:.2f}), no room: check it on the drawing",
                entity=d.id))
    notes.append(f"{len(found)} void(s) marked with an X (two straight lines crossing the "
                 "space corner to corner) set aside, not rooms: " + "; ".join(said))
    findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= gone)]
    return [r for r in rooms if r.id not in gone], [(d, lay) for d, lay in doors
                                                    if d.id not in gaps]
