"""Measure a whole plan once: every room's areas, heights and clear circle; door links;
dwellings; and the input findings that measuring reveals (FP003-FP005).

Rules, reporters and renderers all read the one :class:`Measurements` this returns, so
nothing is measured twice. Look-ups that could be quadratic (door to room, room overlaps,
ceiling to room, obstacle to room) go through shapely's STRtree.

>>> from shapely.geometry import box, Point
>>> from floorplan.model import Plan, Room, Door, Use
>>> plan = Plan(rooms=(Room("R1", "Bed 1", Use.BEDROOM, box(0, 0, 3, 3)),
...                    Room("R2", "Hall", Use.HALL, box(3.1, 0, 5, 3))),
...             doors=(Door("D1", Point(3.05, 1.5)),))
>>> m = measure(plan)
>>> m.doors["D1"].connects
('R1', 'R2')
>>> m.rooms["R1"].opens_onto
('R2',)
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from floorplan._gc import paused_gc
from floorplan.geometry import (
    AREA_EPS,
    HEIGHT_EPS,
    Circle,
    HeightField,
    as_area,
    counted_regions,
    ellipse_fit,
    largest_circles,
    polygons_of,
    sloped_ceiling,
)
from floorplan.model import OUTSIDE, Door, InputFinding, Plan, Room, Use

#: floor under a ceiling lower than this is not counted (metres)
HEADROOM = 1.5
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
#: two rooms overlapping by more than this (m²) are reported (FP003)
OVERLAP_TOLERANCE = 0.05
#: one shared empty polygon: ``Polygon()`` is parsed from WKT each time, and geometries
#: are immutable, so the fast paths below hand out this one
_EMPTY = Polygon()


@dataclass(frozen=True)
class RoomMeasure:
    """Everything measured about one room."""

    room: Room
    field: HeightField
    counted_geom: BaseGeometry
    low_geom: BaseGeometry
    clear_floor: BaseGeometry
    clear_circle: Circle | None
    doors: tuple[str, ...] = ()
    opens_onto: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.room.id

    @property
    def gross_area(self) -> float:
        return float(self.room.polygon.area)

    @property
    def area(self) -> float:
        """Counted area: floor with at least 1.5 m headroom (unknown heights count)."""
        return float(self.counted_geom.area)

    @property
    def low_headroom_area(self) -> float:
        return float(self.low_geom.area)

    @property
    def height_range(self) -> tuple[float, float] | None:
        """Lowest and highest ceiling over the room, or None when no height is known."""
        pieces = self.field.pieces
        # flat ceilings (every report asks, for every room): the heights are the planes'
        # constants, with no need to evaluate them at each vertex
        if pieces and all(p[1][0] == 0 == p[1][1] for p in pieces) and all(polygons_of(g) for g, _ in pieces):
            heights = [float(p[1][2]) for p in pieces]
            return min(heights), max(heights)
        return self.field.height_range()

    @property
    def clear_circle_diameter(self) -> float:
        return self.clear_circle.diameter if self.clear_circle else 0.0

    @cached_property
    def ellipse(self) -> tuple[Point, float] | None:
        """Where a 1700 x 1400 mm ellipse fits in the clear floor: (centre, angle°)."""
        return ellipse_fit(self.clear_floor)

    def share_at_least(self, height: float) -> float | None:
        """Share of the counted area under a ceiling at least ``height`` (None: unknown)."""
        if not self.field.known or self.counted_geom.area <= AREA_EPS:
            return None
        return self.field.share_at_least(height, of=self.counted_geom)


@dataclass(frozen=True)
class DoorLink:
    """The two spaces a door joins (``None`` when it joins fewer than two)."""

    door: Door
    connects: tuple[str, str] | None
    width: float | None

    @property
    def id(self) -> str:
        return self.door.id


@dataclass(frozen=True)
class DwellingMeasure:
    id: str
    rooms: tuple[str, ...]
    gross_area: float
    area: float
    levels: tuple[float, ...]


@dataclass(frozen=True)
class Measurements:
    plan: Plan
    rooms: dict[str, RoomMeasure]
    doors: dict[str, DoorLink]
    dwellings: dict[str, DwellingMeasure]
    findings: tuple[InputFinding, ...] = field(default=())

    def of(self, room: Room | str) -> RoomMeasure:
        return self.rooms[room if isinstance(room, str) else room.id]


def _same_level(a: float | None, b: float | None) -> bool:
    return a is None or b is None or math.isclose(a, b, abs_tol=1e-9)


def measure(plan: Plan, headroom: float = HEADROOM) -> Measurements:
    """Measure every room, door and dwelling of ``plan``."""
    with paused_gc(results=True):  # every measurement stays alive: nothing to collect
        return _measure(plan, headroom)


def _measure(plan: Plan, headroom: float) -> Measurements:
    rooms = plan.rooms
    polys = [r.polygon for r in rooms]
    tree = STRtree(polys) if polys else None
    findings: list[InputFinding] = []

    # ceilings and obstacles per room, through the index
    ceiling_pieces = [
        (c, [(c.polygon, (0.0, 0.0, float(c.height)))] if c.height is not None
         else sloped_ceiling(c.polygon, c.heights or ()))
        for c in plan.ceilings
    ]
    per_room_ceilings: dict[int, list] = defaultdict(list)
    per_room_obstacles: dict[int, list] = defaultdict(list)
    if tree is not None:
        for ci, (c, pieces) in enumerate(ceiling_pieces):
            for ri in tree.query(c.polygon, predicate="intersects"):
                if _same_level(c.level, rooms[ri].level):
                    per_room_ceilings[int(ri)].append((ci, c.polygon, pieces))
        for o in plan.obstacles:
            for ri in tree.query(o.polygon, predicate="intersects"):
                if _same_level(o.level, rooms[ri].level):
                    per_room_obstacles[int(ri)].append(o.polygon)

    links = _link_doors(plan, tree, findings)
    doors_of: dict[str, list[str]] = defaultdict(list)
    onto: dict[str, list[str]] = defaultdict(list)
    for link in links.values():
        if link.connects is None:
            continue
        a, b = link.connects
        for x, y in ((a, b), (b, a)):
            if x != OUTSIDE:
                doors_of[x].append(link.id)
                if y not in onto[x]:
                    onto[x].append(y)

    measured: dict[str, RoomMeasure] = {}
    clears = []
    for i, room in enumerate(rooms):
        obstacles = per_room_obstacles.get(i)
        clears.append(as_area(room.polygon.difference(shapely.union_all(obstacles))) if obstacles
                      else room.polygon)
    circles = largest_circles(clears)
    for i, room in enumerate(rooms):
        hf, counted, low = _headroom(room, per_room_ceilings.get(i), headroom)
        measured[room.id] = RoomMeasure(
            room=room, field=hf, counted_geom=counted, low_geom=low, clear_floor=clears[i],
            clear_circle=circles[i],
            doors=tuple(doors_of.get(room.id, ())), opens_onto=tuple(onto.get(room.id, ())),
        )
        if room.use is Use.OTHER and not room.use_given:
            label = f"room {room.name!r}" if room.name else "an unnamed room"
            findings.append(InputFinding(
                "FP004", f"{room.id}: use of {label} could not be told from its name; counted as 'other'",
                rooms=(room.id,), geometry=room.polygon))

    findings.extend(_overlaps(rooms, tree))
    dwellings = _dwellings(rooms, measured)
    return Measurements(plan, measured, links, dwellings, tuple(findings))


def _headroom(room: Room, ceilings: list | None, headroom: float
              ) -> tuple[HeightField, BaseGeometry, BaseGeometry]:
    """The room's height field and ``(counted, low)`` floor.

    Most rooms have no ceiling feature over them and a flat height (or none) that clears
    the headroom: then the whole room counts, and the general path (clipping planes,
    unions, differences) would only confirm it - at a tenth of a millisecond a room.
    """
    poly = room.polygon
    h = room.ceiling_height
    if not ceilings and (h is None or h >= headroom - HEIGHT_EPS):
        if h is None:
            hf = HeightField(room=poly, pieces=(), unknown=as_area(poly))
        elif poly.area > AREA_EPS:
            hf = HeightField(room=poly, pieces=((poly, (0.0, 0.0, float(h))),), unknown=_EMPTY)
        else:  # no area: what the general path gives
            hf = HeightField(room=poly, pieces=(), unknown=as_area(poly))
        return hf, poly, _EMPTY
    cl = [(outline, pieces) for _, outline, pieces in sorted(ceilings or (), key=lambda t: t[0])]
    hf = HeightField.for_room(poly, h, cl)
    counted, low = counted_regions(hf, headroom)
    return hf, counted, low


def door_links(plan: Plan) -> dict[str, tuple[str, str] | None]:
    """Door id -> the two spaces it joins, found as :func:`measure` finds them (without
    measuring the rooms): for corrections that add or remove a door between two rooms."""
    polys = [r.polygon for r in plan.rooms]
    tree = STRtree(polys) if polys else None
    return {k: link.connects for k, link in _link_doors(plan, tree, []).items()}


def _link_doors(plan: Plan, tree: STRtree | None, findings: list[InputFinding]) -> dict[str, DoorLink]:
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
        if door.connects is not None:
            unknown = [x for x in door.connects if x != OUTSIDE and x not in ids]
            connects = None if unknown else door.connects
            if unknown:
                findings.append(InputFinding(
                    "FP005", f"{door.id}: 'connects' names no room {', '.join(unknown)}",
                    entity=door.id, geometry=door.geometry))
        else:
            connects = _rooms_at(door, rooms, near.get(k, []))
            if connects is not None and connects[1] == OUTSIDE and not _far_side_outside(
                    door, plan.room(connects[0]), footprints):
                findings.append(InputFinding(
                    "FP005", f"{door.id}: opens from {connects[0]} onto a space inside the "
                    "building that was read as no room; not taken as a door to outside",
                    rooms=(connects[0],), entity=door.id, geometry=door.geometry))
                connects = None
            elif connects is None:
                findings.append(InputFinding(
                    "FP005", f"{door.id}: the door is not within {DOOR_REACH} m of any room",
                    entity=door.id, geometry=door.geometry))
        links[door.id] = DoorLink(door, connects, width)
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
        if d <= DOOR_REACH and _same_level(door.level, rooms[i].level):
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
        if j != first and _same_level(rooms[first].level, rooms[j].level):
            return tuple(sorted((rooms[first].id, rooms[j].id), key=_natural))  # type: ignore[return-value]
    return (rooms[first].id, OUTSIDE)


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

    def near(self, where: BaseGeometry, level: float) -> BaseGeometry:
        """The closed footprint of ``level``, right within ``where``."""
        if self.tree is None:
            return _EMPTY
        found = self.tree.query(where, predicate="dwithin", distance=_FOOTPRINT_REACH)
        polys = [self.rooms[i].polygon for i in sorted(found.tolist())
                 if _same_level(self.rooms[i].level, level)]
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
    inside = far.intersection(footprints.near(far, room.level)).area
    return inside <= 0.5 * far.area


def _sided_rooms(line: LineString, rooms: tuple[Room, ...], candidates: list[int]) -> tuple[str, str] | None:
    """For a door drawn as a line across the opening: the room on each side of it."""
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
    a, b = sides
    if a is None and b is None or a == b:
        return None
    if a is None or b is None:
        return ((a or b), OUTSIDE)  # type: ignore[return-value]
    return tuple(sorted((a, b), key=_natural))  # type: ignore[return-value]


def _natural(text: str) -> list:
    """Sort key that puts R2 before R10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _overlaps(rooms: tuple[Room, ...], tree: STRtree | None) -> list[InputFinding]:
    out: list[InputFinding] = []
    if tree is None or len(rooms) < 2:
        return out
    pairs = tree.query([r.polygon for r in rooms], predicate="intersects")
    for a, b in np.asarray(pairs).T:
        if a >= b or not _same_level(rooms[a].level, rooms[b].level):
            continue
        inter = rooms[a].polygon.intersection(rooms[b].polygon)
        if inter.area > OVERLAP_TOLERANCE:
            ra, rb = rooms[a], rooms[b]
            out.append(InputFinding(
                "FP003", f"{ra.id} ({ra.name}) and {rb.id} ({rb.name}) overlap by {inter.area:.2f} m²",
                rooms=(ra.id, rb.id), geometry=as_area(inter), measured=float(inter.area)))
    return out


def _dwellings(rooms: tuple[Room, ...], measured: dict[str, RoomMeasure]) -> dict[str, DwellingMeasure]:
    groups: dict[str, list[Room]] = defaultdict(list)
    for r in rooms:
        if r.dwelling is not None:
            groups[r.dwelling].append(r)
    return {
        d: DwellingMeasure(
            id=d, rooms=tuple(r.id for r in rs),
            gross_area=sum(measured[r.id].gross_area for r in rs),
            area=sum(measured[r.id].area for r in rs),
            levels=tuple(sorted({r.level for r in rs})),
        )
        for d, rs in groups.items()
    }


__all__ = ["measure", "door_links", "Measurements", "RoomMeasure", "DoorLink", "DwellingMeasure", "HEADROOM"]
