"""Fittings drawn with the walls: spaces that are a room's counters, island or shower, not rooms.

A drawing whose walls are lines on the same layer as everything else draws a kitchen's
counters, its island, a shower's screen with the same lines, and the wall reader finds
faces in them as it does in the walls. They are no rooms: nobody walks into a worktop.
A careful reader sees a fitting where a face of the walls

- is of a fitting's size (at most :data:`MAX_AREA`), with no hole (a thick wall's body
  drawn round a room holds it), and holds no label and no written figure, though the room
  beside it is named;
- is *against* that room: a fitting's front is one line, so the face runs along the
  room (within :data:`ALONG`) for at least :data:`AGAINST` of its outline, and along no
  other room for as much as half of that (a wall mass between two rooms runs along both);
- has no door on its edge (no door of the plan within :data:`DOOR_ON` of it, no swing
  whose leaf lies along it): a cupboard one opens is a room the drawing's convention counts;
- and is drawn as a fitting is: filled by a hatch of its own (on any layer, shown or
  not: a worktop hatched grey; a hatch of at most :data:`HATCH_OVER` times the face, not
  a floor finish laid across several rooms), or shaped like an island (a near-rectangle
  no deeper than :data:`ISLAND_DEPTH` and of at most :data:`ISLAND_AREA`, the room's floor
  along at least :data:`ISLAND_AROUND` of it), or like a counter run (straight, an L or a
  U, its mean depth no more than :data:`COUNTER_DEPTH` and its length at least
  :data:`COUNTER_LONG` times that).

A space *named* as a shower or a bath (a fitting's word, :func:`floorplan.fittings.fitting_kind`)
that is too small to be a room that washes (:func:`~floorplan.io.dxf.rooms.sizes.too_small`:
the enclosure of a shower drawn as its own face because its screen is two lines) and
that stands against a room that washes, within a screen's thickness
(:data:`SCREEN`), and has no door on its edge (a shower room with a door of its own is a
room, however small), is that room's shower.

Each such face is given back to the room it stands in (its floor is the room's: the
area under a worktop or a shower tray is measured with the room, as the walls give it;
the band of a screen between them goes with it) and becomes an obstacle in it, of the
kind its room says (``kitchen_unit`` in a kitchen, ``shower`` for the enclosure), said in
the notes. Nothing is done in a drawing that names no room.

>>> from shapely.geometry import box
>>> from floorplan.model import Room, Use
>>> kitchen = box(0, 0.6, 4, 3)       # a 4 x 3 m kitchen, less ...
>>> counter = box(0, 0, 4, 0.6)       # ... its counter run along the south wall
>>> rooms = [Room("R1", "Kitchen", Use.KITCHEN, kitchen, source="walls"),
...          Room("R2", "", Use.OTHER, counter, source="walls")]
>>> kept, made = fittings_of(rooms, [], [], [], [])
>>> [(r.id, round(r.polygon.area, 2)) for r in kept], [(o.kind, round(o.polygon.area, 2)) for o in made]
([('R1', 12.0)], [('kitchen_unit', 2.4)])
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.strtree import STRtree

from floorplan.fittings import fitting_kind
from floorplan.io.dxf.rooms.outdoor import WALL_SOURCES
from floorplan.io.dxf.rooms.sizes import too_small
from floorplan.model import BATHROOM_USES, Obstacle, Use

#: a face runs along a room within this (metres): the one line of a fitting's front
ALONG = 0.02
#: ... for at least this share of its outline (a counter run along a wall: its front and
#: its two ends, about half; an island, most of it)
AGAINST = 0.3
#: a door this close (metres) to a face's edge is its door: a doorway's middle in a wall
#: of up to 0.4 m
DOOR_ON = 0.2
#: a counter run is at most this deep (metres: worktops are 0.5-0.7 m, a room or a
#: passage no narrower than 0.8 m) ...
COUNTER_DEPTH = 0.75
#: ... and at least this many times as long as it is deep
COUNTER_LONG = 3.0
#: where two runs meet at a corner, the largest circle in an L of runs w deep is 1.17 w
#: across (it touches the two walls and the inner corner): a run's widest is this times
#: its depth
CORNER = 1.2
#: an island is at most this deep (metres: 0.9-1.2 m is an island's, a table's depth)
ISLAND_DEPTH = 1.2
#: ... and at most this big (m²)
ISLAND_AREA = 4.0
#: ... with the room's floor along at least this share of its outline (free on three
#: sides or more)
ISLAND_AROUND = 0.6
#: ... and nearly a rectangle: at least this share of its smallest rotated rectangle
SQUARE = 0.85
#: a hatch fills a face when it covers this share of it, and it is the face's own when it
#: is at most this many times the face (a floor finish laid across rooms is bigger)
HATCH_FILL, HATCH_OVER = 0.8, 1.25
#: a fitting drawn with the walls is at most this big (m²: a U of three 4 m runs of
#: units 0.65 m deep is 7 m²); a larger space is a room or a wall mass, whatever is drawn
MAX_AREA = 8.0
#: a shower's enclosure stands this close (metres) to the room that washes round it: its
#: screen drawn as two lines, or a kerb
SCREEN = 0.2
#: the uses whose counter runs are kitchen units
_KITCHENS = frozenset({Use.KITCHEN, Use.KITCHEN_DINING, Use.KITCHEN_LIVING_DINING, Use.UTILITY})


def _depth(poly: Polygon) -> float:
    """The diameter of the largest circle inside ``poly`` (metres)."""
    return 2 * float(shapely.length(shapely.maximum_inscribed_circle(poly, 0.01)))


def _along(face: Polygon, other: Polygon, reach: float = ALONG) -> float:
    """How long (metres) the outline of ``face`` runs within ``reach`` of ``other``."""
    return float(face.boundary.intersection(other.buffer(reach)).length)


def _host(k: int, rooms: list, tree: STRtree, reach: float = ALONG):
    """(index, length along it) of the named room of the walls that ``rooms[k]`` stands
    against (see the module), or None; ``tree`` holds the rooms' outlines."""
    face = rooms[k].polygon
    near = [(j, _along(face, rooms[j].polygon, reach)) for j in
            tree.query(face, predicate="dwithin", distance=reach).tolist()
            if j != k and rooms[j].source in WALL_SOURCES]
    near = sorted((x for x in near if x[1] > 0), key=lambda x: -x[1])
    if not near or not rooms[near[0][0]].name:
        return None
    j, length = near[0]
    if length < AGAINST * face.length or any(x[1] > length / 2 for x in near[1:]):
        return None
    return j, length


def _has_door(face: Polygon, doors: STRtree | None, swings: list) -> bool:
    """A door of the plan (``doors`` holds their geometries), or a swing's leaf (hinge,
    end), on its edge."""
    edge = face.boundary
    if doors is not None and len(doors.query(edge, predicate="dwithin", distance=DOOR_ON)):
        return True
    return any(edge.distance(Point(h)) <= DOOR_ON and edge.distance(Point(e)) <= DOOR_ON
               for h, e in swings)


def _hatched(face: Polygon, hatches: list[Polygon], tree: STRtree | None) -> bool:
    if tree is None:
        return False
    for i in tree.query(face, predicate="intersects").tolist():
        h = hatches[i]
        if h.area <= HATCH_OVER * face.area and (
                h.intersection(face).area >= HATCH_FILL * face.area):
            return True
    return False


def _drawn_as(face: Polygon, around: float, hatches: list[Polygon], tree: STRtree | None,
              closed: bool = False) -> str | None:
    """What the face's drawing says it is: ``hatched``, ``island`` or ``counter``;
    ``closed``: the face was closed across a gap nothing sealed (a fitting is drawn shut:
    only its hatch tells it then)."""
    if face.area > MAX_AREA or len(face.interiors):
        return None  # (a fitting holds nothing: a face round a room is the wall's body)
    if _hatched(face, hatches, tree):
        return "hatched"
    if closed:
        return None
    depth = _depth(face)
    square = face.area >= SQUARE * face.oriented_envelope.area
    if (depth <= ISLAND_DEPTH and face.area <= ISLAND_AREA and around >= ISLAND_AROUND * face.length
            and square):
        return "island"
    # a run's mean depth (its area over half its outline); the largest circle in it is no
    # more than :data:`CORNER` times that, where two runs meet at a corner (a straight run:
    # no more than its depth)
    mean = 2 * face.area / face.length
    if mean <= COUNTER_DEPTH and depth <= (1.0 if square else CORNER) * COUNTER_DEPTH and (
            face.length / 2 >= COUNTER_LONG * mean):
        return "counter"
    return None


def _kind(how: str, host) -> str | None:
    """The obstacle's kind: a shower's; a kitchen's units; else none said (it blocks)."""
    if how == "shower":
        return "shower"
    return "kitchen_unit" if host.use in _KITCHENS else None


def _joined(room: Polygon, face: Polygon, gap: float) -> Polygon | None:
    """``room`` with ``face`` and the band between them (at most ``gap`` wide: the hull of
    the parts of each within ``gap`` of the other), or None where they make no one polygon."""
    parts: list = [room, face]
    if gap > 1e-3:
        reach = gap * 1.01 + 1e-3
        parts.append(shapely.union_all([face.intersection(room.buffer(reach)),
                                        room.intersection(face.buffer(reach))]).convex_hull)
    whole = shapely.union_all(parts).buffer(1e-4, join_style="mitre").buffer(
        -1e-4, join_style="mitre")
    if whole.geom_type != "Polygon" or whole.is_empty:
        return None
    return whole


def fittings_of(rooms: list, doors: list, swings: list, hatches: list[Polygon],
                notes: list[str]) -> tuple[list, list[Obstacle]]:
    """``rooms`` with the fittings among them given back to the rooms they stand in (see
    the module), and the obstacles made of them; ``doors`` the plan's doors
    (``.geometry``), ``swings`` (hinge, end) pairs of the door swings' leaves,
    ``hatches`` the hatches' outlines that may fill a fitting."""
    if not any(r.name for r in rooms):
        return rooms, []
    given: dict[int, list[tuple[int, str, float]]] = {}  # host -> (face, how, gap)
    tree = STRtree([r.polygon for r in rooms])
    door_tree = STRtree([d.geometry for d in doors]) if doors else None
    hatch_tree = STRtree(hatches) if hatches else None
    for k, r in enumerate(rooms):
        if r.source not in WALL_SOURCES:
            continue
        if r.name or r.stated:
            if not (fitting_kind(r.name) in ("shower", "bath")
                    and too_small(r.use, float(r.polygon.area))):
                continue
            host = _host(k, rooms, tree, SCREEN)
            if host is None or rooms[host[0]].use not in BATHROOM_USES or _has_door(
                    r.polygon, door_tree, swings):
                continue  # (a shower room with a door of its own is a room, however small)
            gap = float(r.polygon.distance(rooms[host[0]].polygon))
            given.setdefault(host[0], []).append((k, "shower", gap))
            continue
        host = _host(k, rooms, tree)
        if host is None or _has_door(r.polygon, door_tree, swings):
            continue
        how = _drawn_as(r.polygon, host[1], hatches, hatch_tree, r.source != "walls")
        if how is not None:
            given.setdefault(host[0], []).append((k, how, 0.0))
    if not given:
        return rooms, []
    out = list(rooms)
    gone: set[int] = set()
    made: list[Obstacle] = []
    said: list[str] = []
    for j, faces in sorted(given.items()):
        if j in gone:
            continue
        poly = rooms[j].polygon
        took = []
        for k, how, gap in faces:
            if k in gone or k in given:
                continue
            joined = _joined(poly, rooms[k].polygon, gap)
            if joined is None:
                continue
            poly = joined
            took.append((k, how))
        if not took:
            continue
        out[j] = replace(rooms[j], polygon=poly)
        for k, how in took:
            gone.add(k)
            face = rooms[k].polygon
            name = {"hatched": "fitting (hatched)", "counter": "counter run",
                    "island": "island", "shower": rooms[k].name}[how]
            made.append(Obstacle(f"F{len(made) + 1}", name, face, kind=_kind(how, rooms[j])))
            said.append(f"{'a ' if how != 'shower' else ''}{name} of {face.area:.2f} m² at "
                        f"({face.centroid.x:.2f}, {face.centroid.y:.2f}) in "
                        f"{rooms[j].name or rooms[j].id}")
    if said:
        notes.append(f"{len(said)} fitting(s) drawn with the walls (no label or a fitting's "
                     "name, no door, against the room they stand in) given to that room as "
                     "obstacles, not rooms: " + "; ".join(said))
    return [r for k, r in enumerate(out) if k not in gone], made


def leaf_ends(arcs: list, is_door_arc) -> list[tuple[np.ndarray, np.ndarray]]:
    """(hinge, end) of each door swing's two leaf positions, from the collected arcs."""
    out = []
    for a in arcs:
        if not is_door_arc(a):
            continue
        c = np.asarray(a.extra["center"], dtype=float)[:2]
        out += [(c, np.asarray(e, dtype=float)[:2]) for e in a.extra["ends"]]
    return out


def set_aside(rd, rooms: list, doors: list, obstacles: list, notes: list[str], findings: list
              ) -> tuple[list, list]:
    """``rooms`` without the fittings drawn with the walls (see the module), which are
    added to ``obstacles`` ((obstacle, layer) pairs, changed in place), and ``doors``
    ((door, layer) pairs) without the bare openings the wall reader found beside them with
    one room on both sides (the walkway between an island and a counter, their sides the
    jambs: no doorway);
    ``findings`` (changed in place) loses those about the spaces set aside alone."""
    if len(rooms) < 2:
        return rooms, doors
    hatches = [Polygon(h.pts[:, :2]) for h in rd.col.hatches
               if rd.layer_kind(h.layer) != "room" and len(h.pts) >= 3]
    hatches = [h if h.is_valid else h.buffer(0) for h in hatches]
    kept, made = fittings_of(rooms, [d for d, _ in doors], leaf_ends(rd.col.arcs, rd.is_door_arc),
                             [h for h in hatches if h.area > 0], notes)
    if len(kept) == len(rooms):
        return rooms, doors
    ids = {r.id for r in rooms} - {r.id for r in kept}
    findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= ids)]
    n = len(obstacles)
    obstacles += [(replace(o, id=f"O{n + i + 1}"), "") for i, o in enumerate(made)]
    if made:
        fits = shapely.union_all([o.polygon for o in made])
        tree = STRtree([r.polygon for r in kept])

        def walkway(d) -> bool:  # a fitting for a jamb, one room on both sides
            reach = (d.width or 0) / 2 + ALONG
            return (d.properties.get("from") in ("opening", "gap")
                    and d.geometry.distance(fits) <= reach
                    and len(tree.query(d.geometry, predicate="dwithin", distance=reach)) == 1)

        doors = [(d, lay) for d, lay in doors if not walkway(d)]
    return kept, doors

