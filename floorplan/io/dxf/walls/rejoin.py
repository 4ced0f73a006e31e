"""Stairs parted off a labelled room by nothing but a closed gap, joined back to it.

A free wall end is bridged to the next linework across a gap of up to 1.2 m
(:mod:`~floorplan.io.dxf.walls.closing`), and a space the walls pinch to a doorway is parted
there (:mod:`~floorplan.io.dxf.walls.pinch`): a doorway drawn without a door, usually, and the
space beyond it a room of its own even when its label is missing (a cupboard). But a wall
that stops short also leaves a stair open to its landing or hall, and a stair is no room:
it is the floor of the space it rises from. So, in a drawing that labels its rooms, a
space that holds a flight (lines on a stair layer) and no label, and is open only across
such gaps (nothing drawn in them: no door, no glazing, no header) to exactly one labelled
room, is part of that room and is joined back to it: the room keeps its name and is
``walls_closed``, ``medium``, saying so. A stair open so to two labelled rooms, or
holding a label, is left as it is.

A flight is the floor of the stairwell it rises from even where a small room under or
beside it (a switchroom, a store under the stairs) holds a label in its space: the
flight's lines bound no room, so nothing drawn parts the two. :func:`give_flights`
parts such a space along the stair's lines and gives the flight to the one room, open
to it across a closed gap, whose label names a stair or a landing.

>>> from shapely.geometry import LineString, box
>>> rooms = [WallRoom(box(0, 0, 3, 3)), WallRoom(box(3, 0, 5, 3))]
>>> arr = Arrangement([], [(LineString([(3, 0.5), (3, 1.7)]), "gap")])
>>> treads = [LineString([(0.5 + 0.25 * k, 2), (0.5 + 0.25 * k, 3)]) for k in range(5)]
>>> rejoin(rooms, arr, [(4.0, 1.0, "STAIRWELL")], treads)
1
>>> [(round(r.polygon.area, 2), r.source) for r in rooms]
[(15.0, 'walls_closed')]
"""

from __future__ import annotations

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.classify import classify
from floorplan.io.dxf.walls.faces import (
    CLOSED_ACROSS,
    SMALL_ROOM,
    Arrangement,
    WallRoom,
    closed_across,
    faces_of,
    twin,
)
from floorplan.io.dxf.walls.pinch import MIN_WIDTH
from floorplan.model import Use

#: a gap's bridge lies on a room's outline within this (metres)
ON_EDGE = 1e-4
#: a space holds a flight when this many lines on stair layers lie in it (treads)
FLIGHT_LINES = 3
#: the grid (metres) the parts joined are snapped to: the flight parted off and the band
#: across the gap meet along one wall face, a rounding apart
GRID = 1e-9
#: a room parted from a flight is at most this share of the space they made together
LABEL_SHARE = 0.5


def rejoin(rooms: list[WallRoom], arr: Arrangement, labels: list[tuple[float, float, str]],
           stairs: list[LineString]) -> int:
    """Join each space of ``rooms`` that holds a flight (``stairs``: lines on stair
    layers) and none of ``labels`` ((x, y, name)), and is open only across the closed gaps
    of ``arr`` to one labelled room, back to that room (in place); returns how many."""
    found = _stairs_and_gaps(rooms, arr, labels, stairs)
    if found is None:
        return 0
    gaps, stair_tree, polys, tree = found
    pts = shapely.points([(x, y) for x, y, _ in labels])
    labelled = set(tree.query(pts, predicate="within")[1].tolist())
    gap_tree = STRtree(gaps)
    edges = [p.boundary.buffer(ON_EDGE) for p in polys]

    def on(k: int) -> list[int]:  # the gaps lying along room k's outline
        return [i for i in gap_tree.query(edges[k], predicate="intersects").tolist()
                if gaps[i].within(edges[k])]

    joins: dict[int, int] = {}
    bridges: dict[int, list[Polygon]] = {}
    for u in range(len(rooms)):
        if u in labelled or rooms[u].solid or len(stair_tree.query(
                rooms[u].polygon, predicate="contains")) < FLIGHT_LINES:
            continue
        to, between = _open_to(u, polys, tree, gaps, gap_tree, on)
        if len(to) == 1 and next(iter(to)) in labelled:
            joins[u] = next(iter(to))
            bridges[u] = between
    done = 0
    gone: set[int] = set()
    for u, k in joins.items():
        if k in gone or u in gone:
            continue
        merged = shapely.union_all([rooms[k].polygon, rooms[u].polygon, *bridges[u]])
        if not isinstance(merged, Polygon) or merged.is_empty:
            continue
        room = rooms[k]
        room.polygon = Polygon(merged.exterior.coords, [i.coords for i in merged.interiors])
        room.source = "walls_closed"
        room.confidence = "medium" if room.confidence == "high" else room.confidence
        _say(room, gaps, f"a stair with no label of its own ({rooms[u].polygon.area:.2f} m²), "
             "open to it across a gap nothing is drawn in, joined to it")
        gone.add(u)
        done += 1
    rooms[:] = [r for k, r in enumerate(rooms) if k not in gone]
    return done


def give_flights(rooms: list[WallRoom], arr: Arrangement, labels: list[tuple[float, float, str]],
                 stairs: list[LineString]) -> int:
    """Give the flight in a labelled space to the stairwell it rises from (in place);
    returns how many flights were given.

    A space that holds a flight (``stairs``: lines on stair layers) and labels (of
    ``labels``, (x, y, name)) none of which names a stair or a landing, and that is open
    only across the closed gaps of ``arr`` to one room whose label names one, is a small
    room under or beside the stairwell's flight that nothing drawn parts from it (the
    flight's lines bound no room). The space is parted along the stair's lines: the face
    they and its outline enclose round its labels, less any run of it narrower than a room
    (:data:`~floorplan.io.dxf.walls.pinch.MIN_WIDTH`: the strips between treads), stays the
    labelled room; the rest, the flight, joins the stairwell across the gap. Both are
    ``walls_closed`` and at most ``medium``: the small room's outline follows the stair's
    linework, not walls. Nothing is given when the lines enclose no such face, or when it
    would be more than :data:`LABEL_SHARE` of the space (then the space is no room beside
    a flight, but the flight's own floor)."""
    found = _stairs_and_gaps(rooms, arr, labels, stairs)
    if found is None:
        return 0
    gaps, stair_tree, polys, tree = found
    held: dict[int, list[tuple[float, float, str]]] = {}
    li, ri = tree.query(shapely.points([(x, y) for x, y, _ in labels]), predicate="within")
    for i, k in zip(li.tolist(), ri.tolist(), strict=True):
        held.setdefault(k, []).append(labels[i])
    stairwells = {k for k, said in held.items() if any(_names_stair(n) for *_, n in said)}
    if not stairwells:
        return 0
    gap_tree = STRtree(gaps)
    edges = [p.boundary.buffer(ON_EDGE) for p in polys]

    def on(k: int) -> list[int]:
        return [i for i in gap_tree.query(edges[k], predicate="intersects").tolist()
                if gaps[i].within(edges[k])]

    done = 0
    touched: set[int] = set()  # parted or grown: their outlines in the trees are stale
    for u, said in sorted(held.items()):
        space = rooms[u].polygon
        if u in stairwells or u in touched or rooms[u].solid or len(stair_tree.query(
                space, predicate="contains")) < FLIGHT_LINES:
            continue
        to, between = _open_to(u, polys, tree, gaps, gap_tree, on)
        if len(to) != 1 or (k := next(iter(to))) not in stairwells or k in touched:
            continue
        lines = [stairs[i] for i in stair_tree.query(space, predicate="intersects").tolist()]
        keep = _label_part(space, lines, [(x, y) for x, y, _ in said])
        flight = None if keep is None else _one(space.difference(keep), keep.area)
        if keep is None or flight is None:
            continue
        merged = _one(shapely.union_all([rooms[k].polygon, flight, *between], grid_size=GRID),
                      keep.area)
        if merged is None:
            continue
        stairwell, small = rooms[k], rooms[u]
        stairwell.polygon, small.polygon = merged, keep
        touched.update((k, u))
        for room, why in ((stairwell, f"the flight ({flight.area:.2f} m²), open to it across "
                           "a gap nothing is drawn in, given to it from the room under or "
                           "beside it"),
                          (small, f"parted from the stairwell's flight ({flight.area:.2f} m²) "
                           "along the stair's lines, which stand for its walls")):
            room.source = "walls_closed"
            room.confidence = "medium" if room.confidence == "high" else room.confidence
            _say(room, gaps, why)
        done += 1
    return done


def _stairs_and_gaps(rooms: list[WallRoom], arr: Arrangement, labels: list, stairs: list
                     ) -> tuple[list[LineString], STRtree, list[Polygon], STRtree] | None:
    """The closed gaps of ``arr``, the stairs' tree, the rooms' outlines and their tree, or
    ``None`` when there is nothing for :func:`rejoin` or :func:`give_flights` to do (no
    label, no gap closed, one room, no flight drawn)."""
    gaps = [b for b, k in arr.added if k == "gap"]
    if not labels or not gaps or len(rooms) < 2 or len(stairs) < FLIGHT_LINES:
        return None
    polys = [r.polygon for r in rooms]
    return gaps, STRtree(stairs), polys, STRtree(polys)


def _say(room: WallRoom, gaps: list[LineString], why: str) -> None:
    """Add ``why`` to the room's reason, naming only the closed gaps that still bound it."""
    head, tail = CLOSED_ACROSS
    if room.reason.startswith(head) and tail in room.reason:
        rest = room.reason[room.reason.index(tail) + len(tail):].removeprefix("; ")
        edge = room.polygon.boundary.buffer(ON_EDGE)
        still = [g for g in gaps if g.within(edge)]
        room.reason = "; ".join(filter(None, [closed_across(still) if still else "", rest]))
    room.reason = f"{room.reason}; {why}" if room.reason else why


def _names_stair(name: str) -> bool:
    """The label names a stair or a landing (a flight rises from what it names)."""
    return classify(name) in (Use.STAIRS, Use.LANDING)


def _label_part(space: Polygon, lines: list[LineString], at: list[tuple[float, float]]
                ) -> Polygon | None:
    """The face of ``space`` that the stair ``lines`` and its outline enclose round the
    points ``at`` (its labels), less its runs narrower than a room; ``None`` unless it is
    one piece, of a small room's size and at most :data:`LABEL_SHARE` of ``space``."""
    rings = [LineString(space.exterior.coords), *(LineString(r.coords) for r in space.interiors)]
    pts = shapely.points(at)
    faces = [f for f in faces_of(rings + lines) if shapely.contains(f, pts).any()]
    if len(faces) != 1 or not shapely.contains(faces[0], pts).all():
        return None
    face = faces[0]
    body = face.buffer(-MIN_WIDTH / 2, join_style="mitre").buffer(
        MIN_WIDTH / 2, join_style="mitre").intersection(face)
    pieces = [g for g in getattr(body, "geoms", [body]) if isinstance(g, Polygon)
              and shapely.contains(g, pts).all()]
    if len(pieces) != 1:
        return None
    part = pieces[0]
    if not SMALL_ROOM <= part.area <= LABEL_SHARE * space.area:
        return None
    return Polygon(part.exterior.coords, [r.coords for r in part.interiors])


def _one(geom, scale: float) -> Polygon | None:
    """``geom`` as one polygon, slivers (under a thousandth of ``scale``, m²) left out;
    ``None`` when it is more than one piece."""
    pieces = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)
              and g.area > 1e-3 * scale]
    if len(pieces) != 1:
        return None
    p = pieces[0]
    return Polygon(p.exterior.coords, [r.coords for r in p.interiors])


def _open_to(u: int, polys: list[Polygon], tree: STRtree, gaps: list[LineString],
             gap_tree: STRtree, on) -> tuple[set[int], list[Polygon]]:
    """The spaces space ``u`` is open to across the closed ``gaps`` along its outline
    (``on(k)``: the gaps on space k's outline), and the wall bands between twin bridges."""
    to: set[int] = set()
    between: list[Polygon] = []
    for i in on(u):
        g = gaps[i]
        for k in tree.query(g.buffer(0.6), predicate="intersects").tolist():
            if k == u:
                continue
            theirs = on(k)
            if i in theirs:
                to.add(k)
                continue
            for j in theirs:
                if j != i and twin(g, gaps[j]):
                    to.add(k)
                    between.append(_quad(g, gaps[j]))
    return to, between


def _quad(a: LineString, b: LineString) -> Polygon:
    """The band between twin bridges ``a`` and ``b`` (across one wall's two faces)."""
    a0, a1, b0, b1 = a.coords[0], a.coords[-1], b.coords[0], b.coords[-1]
    if Point(a0).distance(Point(b0)) > Point(a0).distance(Point(b1)):
        b0, b1 = b1, b0
    return Polygon([a0, a1, b1, b0]).buffer(0)


__all__ = ["give_flights", "rejoin"]
