"""Which two spaces each door joins: the rooms either side of it, or a room and outside.

A door with ``connects`` stated is taken at its word (an unknown room is FP005); else the
rooms within :data:`DOOR_REACH` of it, on its level, are found through one bulk query of
the rooms' STRtree. A door with a room on one side only opens to outside when its far
side lies outside the building's footprint (:class:`_Footprints`), else it opens onto a
space that was not read as a room (FP005). A door drawn inside one room, the same room
just either side of it (a WC cubicle's door, a wardrobe's), joins it to no other space and
is no door to outside, whatever lies beyond the room's walls (FP005). Part of measuring
(:mod:`floorplan.measure`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from floorplan.model import OUTSIDE, Door, InputFinding, Plan, Room

#: a door point this close to a room (metres) opens into it: half a thick wall and more
DOOR_REACH = 0.4
#: a door with a room on one side only opens to outside when its far side lies outside
#: the building's footprint: the rooms of its level grown and shrunk by this much
#: (metres), which takes in the walls, and halls or corridors up to twice as wide that
#: were not read as rooms
FOOTPRINT_CLOSE = 1.5
#: the far side of a door: the part of a disc this much wider than the door's distance
#: from its room (metres) that lies outside the room
FAR_SIDE = 0.5
#: one shared empty polygon (geometries are immutable)
_EMPTY = Polygon()


@dataclass(frozen=True)
class DoorLink:
    """The two spaces a door joins (``None`` when it joins fewer than two); ``unread``: a
    side of it is a space the reading does not hold (no room within reach of the door, a
    space inside the building read as no room, or a room its ``connects`` names that the
    plan does not have): a room the drawing has and the reading lost."""

    door: Door
    connects: tuple[str, str] | None
    width: float | None
    unread: bool = False

    @property
    def id(self) -> str:
        return self.door.id


def same_level(a: float | None, b: float | None) -> bool:
    return a is None or b is None or math.isclose(a, b, abs_tol=1e-9)


def door_links(plan: Plan) -> dict[str, tuple[str, str] | None]:
    """Door id -> the two spaces it joins, found as :func:`measure` finds them (without
    measuring the rooms): for corrections that add or remove a door between two rooms."""
    polys = [r.polygon for r in plan.rooms]
    tree = STRtree(polys) if polys else None
    return {k: link.connects for k, link in link_doors(plan, tree, []).items()}


def link_doors(plan: Plan, tree: STRtree | None, findings: list[InputFinding]) -> dict[str, DoorLink]:
    rooms = plan.rooms
    ids = {r.id for r in rooms}
    links: dict[str, DoorLink] = {}
    near = _rooms_near_doors(plan, tree)
    footprints = _Footprints(rooms, tree)
    for k, door in enumerate(plan.doors):
        width = door.width
        if width is None and isinstance(door.geometry, LineString):
            width = float(door.geometry.length) or None
        connects: tuple[str, str] | None
        unread = False
        if door.connects is not None:
            unknown = [x for x in door.connects if x != OUTSIDE and x not in ids]
            connects = None if unknown else door.connects
            unread = bool(unknown)
            if unknown:
                findings.append(InputFinding(
                    "FP005", f"{door.id}: 'connects' names no room {', '.join(unknown)}",
                    entity=door.id, geometry=door.geometry))
        else:
            connects = _rooms_at(door, rooms, near.get(k, []))
            if connects is not None and connects[1] == OUTSIDE and connects[0] == _within_one_room(
                    door, rooms, near.get(k, [])):
                findings.append(InputFinding(
                    "FP005", f"{door.id}: stands inside {connects[0]}, the same room on both "
                    "sides (a cubicle's or a cupboard's door within the room): joins it to "
                    "no other space", rooms=(connects[0],), entity=door.id, geometry=door.geometry))
                connects = None
            elif connects is not None and connects[1] == OUTSIDE and not _far_side_outside(
                    door, plan.room(connects[0]), footprints):
                findings.append(InputFinding(
                    "FP005", f"{door.id}: opens from {connects[0]} onto a space inside the "
                    "building that was read as no room; not taken as a door to outside",
                    rooms=(connects[0],), entity=door.id, geometry=door.geometry))
                connects, unread = None, True
            elif connects is None:
                unread = True
                findings.append(InputFinding(
                    "FP005", f"{door.id}: the door is not within {DOOR_REACH} m of any room",
                    entity=door.id, geometry=door.geometry))
        links[door.id] = DoorLink(door, connects, width, unread)
    return links


def _rooms_near_doors(plan: Plan, tree: STRtree | None) -> dict[int, list[tuple[float, int]]]:
    """For each door without a stated ``connects`` (by index): the rooms on its level
    within :data:`DOOR_REACH` of its probe point, as ``(distance, room index)``, nearest
    first. One bulk query of the index and one vectorised distance for every door.
    """
    if tree is None:
        return {}
    rooms = plan.rooms
    which = [k for k, d in enumerate(plan.doors) if d.connects is None]
    if not which:
        return {}
    probes = []
    for k in which:
        g = plan.doors[k].geometry
        probes.append(g if isinstance(g, Point) else g.interpolate(0.5, normalized=True))
    probe_arr = np.array(probes, dtype=object)
    door_i, room_i = tree.query(probe_arr, predicate="dwithin", distance=DOOR_REACH)
    polys = np.array([r.polygon for r in rooms], dtype=object)
    dist = shapely.distance(polys[room_i], probe_arr[door_i]) if len(door_i) else np.empty(0)
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for p, i, d in zip(door_i.tolist(), room_i.tolist(), dist.tolist(), strict=True):
        door = plan.doors[which[p]]
        if d <= DOOR_REACH and same_level(door.level, rooms[i].level):
            near[which[p]].append((d, i))
    for pairs in near.values():
        pairs.sort()
    return near


def _rooms_at(door: Door, rooms: tuple[Room, ...], near: list[tuple[float, int]]) -> tuple[str, str] | None:
    """The two spaces either side of a door, from the rooms ``near`` it (nearest first)."""
    g = door.geometry
    if isinstance(g, LineString) and len(g.coords) >= 2:
        sided = _sided_rooms(g, rooms, [i for _, i in near])
        if sided is not None:
            return sided
    if not near:
        return None
    first = near[0][1]
    for _, j in near[1:]:
        if j != first and same_level(rooms[first].level, rooms[j].level):
            return tuple(sorted((rooms[first].id, rooms[j].id), key=natural_key))  # type: ignore[return-value]
    return (rooms[first].id, OUTSIDE)


def _within_one_room(door: Door, rooms: tuple[Room, ...], near: list[tuple[float, int]]) -> str | None:
    """The room a door drawn as a line stands inside, when the points just either side of
    it lie in that same room (a WC cubicle's door, a wardrobe's, drawn within the room):
    such a door is no door to outside, whatever lies beyond the room's walls. A door
    given as a point is within the room when it lies inside it farther than
    :data:`DOOR_REACH` from every edge: a door that far from the room's walls stands in
    none of them."""
    g = door.geometry
    if not near:
        return None
    if isinstance(g, Point):
        room = rooms[near[0][1]]
        inside = room.polygon.contains(g) and room.polygon.boundary.distance(g) > DOOR_REACH
        return room.id if inside else None
    if not isinstance(g, LineString) or len(g.coords) < 2:
        return None
    sides = _sides(g, rooms, [i for _, i in near])
    if sides is None:
        return None
    a, b = sides
    return a if a is not None and a == b else None


#: GEOS's default mitre limit: a mitred buffer reaches at most this many times its width
_MITRE_LIMIT = 5.0
#: how far from a door the rooms that shape its footprint can lie (metres): growing by
#: :data:`FOOTPRINT_CLOSE` reaches at most :data:`_MITRE_LIMIT` times as far, and
#: shrinking back as far again
_FOOTPRINT_REACH = 2 * (_MITRE_LIMIT + 1) * FOOTPRINT_CLOSE


class _Footprints:
    """The building's footprint around a door: the rooms of its level closed (grown and
    shrunk) by :data:`FOOTPRINT_CLOSE`.

    Closing is local: whether a point is in the closed footprint depends only on the rooms
    within :data:`_FOOTPRINT_REACH` of it. So each door closes only the rooms near it,
    not the whole level (the union and buffers of every room of a 4,000-room level took
    2.7 s of a 3.5 s measure).
    """

    def __init__(self, rooms: tuple[Room, ...], tree: STRtree | None):
        self.rooms = rooms
        self.tree = tree

    def rooms_near(self, where: BaseGeometry, level: float) -> list[Polygon]:
        """The polygons of the rooms of ``level`` that shape its footprint within ``where``."""
        if self.tree is None:
            return []
        found = self.tree.query(where, predicate="dwithin", distance=_FOOTPRINT_REACH)
        return [self.rooms[i].polygon for i in sorted(found.tolist())
                if same_level(self.rooms[i].level, level)]

    def near(self, where: BaseGeometry, level: float,
             polys: list[Polygon] | None = None) -> BaseGeometry:
        """The closed footprint of ``level``, right within ``where`` (``polys``: its
        :meth:`rooms_near`, when already found)."""
        if self.tree is None:
            return _EMPTY
        if polys is None:
            polys = self.rooms_near(where, level)
        union = shapely.union_all(np.asarray(polys, dtype=object))
        return union.buffer(FOOTPRINT_CLOSE, quad_segs=4, join_style="mitre", mitre_limit=_MITRE_LIMIT) \
            .buffer(-FOOTPRINT_CLOSE, quad_segs=4, join_style="mitre", mitre_limit=_MITRE_LIMIT)


def _far_side_outside(door: Door, room: Room, footprints: _Footprints) -> bool:
    """True when the side of ``door`` away from ``room`` lies mostly outside the
    building's footprint (a door to outside), False when it lies inside (a space there
    was not read as a room)."""
    g = door.geometry
    p = g if isinstance(g, Point) else g.interpolate(0.5, normalized=True)
    disc = p.buffer(FAR_SIDE + room.polygon.exterior.distance(p), quad_segs=8)
    far = disc.difference(room.polygon.buffer(0.05, quad_segs=2))
    if far.is_empty or far.area <= 0:
        return True
    polys = footprints.rooms_near(far, room.level)
    # the closed footprint lies within the convex hull of the rooms closed (a closing
    # fills in between them, never beyond them): a far side mostly outside the hull is
    # outside, without the closing (7 ms a door beside a row of 60 rooms, the hull 0.2)
    hull = shapely.convex_hull(shapely.geometrycollections(polys)) if polys else _EMPTY
    if far.intersection(hull).area <= 0.5 * far.area:
        return True
    inside = far.intersection(footprints.near(far, room.level, polys)).area
    return inside <= 0.5 * far.area


def _sides(line: LineString, rooms: tuple[Room, ...],
           candidates: list[int]) -> tuple[str | None, str | None] | None:
    """The room just either side of a door drawn as a line across the opening (``None``
    for a side in no room); ``None`` for a line of no length or no rooms near."""
    (x0, y0), (x1, y1) = line.coords[0], line.coords[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0 or not candidates:
        return None
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    mid = line.interpolate(0.5, normalized=True)
    sides: list[str | None] = []
    for sign in (1, -1):
        found = None
        for step in (0.05, 0.15, 0.3):
            p = Point(mid.x + sign * nx * step, mid.y + sign * ny * step)
            for i in candidates:
                if rooms[i].polygon.contains(p):
                    found = rooms[i].id
                    break
            if found:
                break
        sides.append(found)
    return sides[0], sides[1]


def _sided_rooms(line: LineString, rooms: tuple[Room, ...], candidates: list[int]) -> tuple[str, str] | None:
    """For a door drawn as a line across the opening: the room on each side of it."""
    sides = _sides(line, rooms, candidates)
    if sides is None:
        return None
    a, b = sides
    if a is None and b is None or a == b:
        return None
    if a is None or b is None:
        return ((a or b), OUTSIDE)  # type: ignore[return-value]
    return tuple(sorted((a, b), key=natural_key))  # type: ignore[return-value]


def natural_key(text: str) -> list:
    """Sort key that puts R2 before R10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]
