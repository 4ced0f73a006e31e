"""Stairs parted off a labelled room by nothing but a closed gap, joined back to it.

A free wall end is bridged to the next linework across a gap of up to 1.2 m
(:mod:`~floorplan.io.dxf.closing`), and a space the walls pinch to a doorway is parted
there (:mod:`~floorplan.io.dxf.pinch`): a doorway drawn without a door, usually, and the
space beyond it a room of its own even when its label is missing (a cupboard). But a wall
that stops short also leaves a stair open to its landing or hall, and a stair is no room:
it is the floor of the space it rises from. So, in a drawing that labels its rooms, a
space that holds a flight (lines on a stair layer) and no label, and is open only across
such gaps (nothing drawn in them: no door, no glazing, no header) to exactly one labelled
room, is part of that room and is joined back to it: the room keeps its name and is
``walls_closed``, ``medium``, saying so. A stair open so to two labelled rooms, or
holding a label, is left as it is.

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

from floorplan.io.dxf.walls import Arrangement, WallRoom, twin

#: a gap's bridge lies on a room's outline within this (metres)
ON_EDGE = 1e-4
#: a space holds a flight when this many lines on stair layers lie in it (treads)
FLIGHT_LINES = 3


def rejoin(rooms: list[WallRoom], arr: Arrangement, labels: list[tuple[float, float, str]],
           stairs: list[LineString]) -> int:
    """Join each space of ``rooms`` that holds a flight (``stairs``: lines on stair
    layers) and none of ``labels`` ((x, y, name)), and is open only across the closed gaps
    of ``arr`` to one labelled room, back to that room (in place); returns how many."""
    gaps = [b for b, k in arr.added if k == "gap"]
    if not labels or not gaps or len(rooms) < 2 or len(stairs) < FLIGHT_LINES:
        return 0
    stair_tree = STRtree(stairs)
    polys = [r.polygon for r in rooms]
    tree = STRtree(polys)
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
        mine = on(u)
        if not mine:
            continue
        to: set[int] = set()
        between: list[Polygon] = []
        for i in mine:
            g = gaps[i]
            near = tree.query(g.buffer(0.6), predicate="intersects").tolist()
            for k in near:
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
        why = (f"a stair with no label of its own ({rooms[u].polygon.area:.2f} m²), open to it "
               "across a gap nothing is drawn in, joined to it")
        edge = room.polygon.boundary.buffer(ON_EDGE)
        if room.reason.startswith("outline closed across") and not any(
                g.within(edge) for g in gaps):  # no gap closed bounds it now
            room.reason = ""
        room.reason = f"{room.reason}; {why}" if room.reason else why
        gone.add(u)
        done += 1
    rooms[:] = [r for k, r in enumerate(rooms) if k not in gone]
    return done


def _quad(a: LineString, b: LineString) -> Polygon:
    """The band between twin bridges ``a`` and ``b`` (across one wall's two faces)."""
    a0, a1, b0, b1 = a.coords[0], a.coords[-1], b.coords[0], b.coords[-1]
    if Point(a0).distance(Point(b0)) > Point(a0).distance(Point(b1)):
        b0, b1 = b1, b0
    return Polygon([a0, a1, b1, b0]).buffer(0)


__all__ = ["rejoin"]
