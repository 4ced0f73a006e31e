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

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from floorplan._gc import paused_gc
from floorplan.doorlinks import DoorLink, door_links, link_doors
from floorplan.doorlinks import same_level as _same_level
from floorplan.geometry import (
    AREA_EPS,
    Circle,
    as_area,
    ellipse_fit,
    largest_circles,
    polygons_of,
)
from floorplan.headroom import HEIGHT_EPS, HeightField, counted_regions, sloped_ceiling
from floorplan.model import OUTSIDE, InputFinding, Plan, Room, Use

#: floor under a ceiling lower than this is not counted (metres)
HEADROOM = 1.5
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

    links = link_doors(plan, tree, findings)
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
