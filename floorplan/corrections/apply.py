"""Apply an assessor's corrections to a plan as read: Plan in, Plan out.

Each correction names its rooms by points inside them, in the drawing's own coordinates
(a :class:`Frame` turns them into the plan's local metres), so it finds the same room
however the reader numbered, ordered or slightly re-traced the rooms. Corrections apply
in the order they are written, each to the plan as the ones before it left it. One that
finds no room (or cannot be applied) changes nothing and becomes a FP011 warning naming
its file and line; nothing is dropped silently. The returned plan records every
correction in :attr:`Plan.corrections`.

>>> from shapely.geometry import box
>>> from floorplan.corrections.parse import parse_text
>>> from floorplan.model import Plan, Room, Use
>>> plan = Plan(rooms=(Room("R1", "", Use.OTHER, box(0, 0, 4, 3)),))
>>> c = parse_text('[[room]]\\nat = [2, 1.5]\\nname = "Bedroom 1"\\n', "x.toml")
>>> fixed = apply(plan, c)
>>> fixed.rooms[0].name, fixed.rooms[0].use.value, fixed.corrections[0].line
('Bedroom 1', 'bedroom', 1)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from floorplan.corrections.fields import by, label, num, set_fields, show, suffix_id
from floorplan.corrections.parse import OUTSIDE, Corrections, Entry
from floorplan.corrections.rooms import merge_polygons, plane_heights, split_polygon
from floorplan.measure import door_links
from floorplan.model import Ceiling, Correction, Door, InputFinding, Plan, Room, Use
from floorplan.units import to_metres

UNIT_WORDS = {"m": "metres", "dm": "decimetres", "cm": "centimetres", "mm": "millimetres", "ft": "feet", "in": "inches"}
#: a door removed "at" a point is the nearest door within this (metres)
DOOR_PICK = 0.5
UNMATCHED_CODE = "FP011"


@dataclass(frozen=True)
class Frame:
    """The drawing's own coordinates <-> the plan's local metres.

    ``decimals`` is how many decimals keep a written point to about a millimetre.
    """

    to_local: Callable[[float, float], tuple[float, float]]
    to_file: Callable[[float, float], tuple[float, float]]
    decimals: int = 3

    @classmethod
    def linear(cls, scale: float, origin: tuple[float, float] = (0.0, 0.0)) -> Frame:
        """``local = file * scale - origin`` (``scale`` metres per drawing unit)."""
        ox, oy = origin
        decimals = max(0, math.ceil(-math.log10(0.001 / scale) - 1e-9))
        return cls(lambda x, y: (x * scale - ox, y * scale - oy),
                   lambda x, y: ((x + ox) / scale, (y + oy) / scale), decimals)


def frame_of(plan: Plan) -> Frame:
    """The frame of a plan read from planar coordinates (a lon/lat plan needs the reader's)."""
    if plan.meta.lonlat_origin is not None:
        raise ValueError("a plan in longitude/latitude needs its reader's frame")
    return Frame.linear(to_metres(plan.meta.units), plan.meta.origin)


class _Unmatched(Exception):
    """This correction finds nothing to apply to (the message says why)."""


def apply(plan: Plan, corrections: Corrections, frame: Frame | None = None,
          overridden: Iterable[str] = ()) -> Plan:
    """``plan`` with ``corrections`` applied and recorded.

    ``overridden`` names plan values (``units``, ``scheme`` ...) the command line sets,
    which the file's own are then recorded as overridden by.
    """
    if not corrections:
        return plan
    w = _Work(plan, corrections, frame or frame_of(plan))
    w.plan_values(set(overridden))
    for entry in corrections.entries:
        try:
            message, rooms = getattr(w, "do_" + entry.action)(entry)
        except _Unmatched as exc:
            w.unmatched(entry, str(exc))
            continue
        note = entry.values.get("note")
        w.record(entry, message + (f" ({note})" if note else ""), rooms)
    return w.result()


class _Work:
    """The plan being corrected, one correction at a time."""

    def __init__(self, plan: Plan, corrections: Corrections, frame: Frame):
        self.plan = plan
        self.c = corrections
        self.frame = frame
        self.rooms = list(plan.rooms)
        self.doors = list(plan.doors)
        self.ceilings = list(plan.ceilings)
        self.meta = plan.meta
        self.records: list[Correction] = []
        self.findings: list[InputFinding] = []

    # -- bookkeeping ----------------------------------------------------------------------
    def record(self, entry: Entry, message: str, rooms: tuple[str, ...], status: str = "applied"):
        self.records.append(Correction(entry.file, entry.line, entry.action, message, status, rooms))

    def unmatched(self, entry: Entry, why: str) -> None:
        where = f"{entry.file}, line {entry.line}" if entry.line else entry.file
        message = f"{where}: [[{entry.action}]] not applied: {why}"
        self.record(entry, why, (), "unmatched")
        at = entry.values.get("at")
        geom = None
        if isinstance(at, tuple) and len(at) == 2 and not isinstance(at[0], tuple):
            geom = Point(self.local(at))
        self.findings.append(InputFinding(UNMATCHED_CODE, message, entity=where, geometry=geom))

    def result(self) -> Plan:
        return replace(self.plan, meta=self.meta, rooms=tuple(self.rooms), doors=tuple(self.doors),
                       ceilings=tuple(self.ceilings),
                       findings=tuple(self.plan.findings) + tuple(self.findings),
                       corrections=tuple(self.plan.corrections) + tuple(self.records))

    def local(self, p: tuple[float, float]) -> tuple[float, float]:
        return self.frame.to_local(p[0], p[1])

    # -- finding rooms by a point ---------------------------------------------------------
    def room_at(self, p: tuple[float, float], level: float | None) -> Room:
        pt = Point(self.local(p))
        hits = [r for r in self.rooms if r.polygon.contains(pt)
                and (level is None or math.isclose(r.level, level, abs_tol=1e-9))]
        shown = f"({num(p[0])}, {num(p[1])})"
        if not hits:
            on = f" on level {num(level)}" if level is not None else ""
            raise _Unmatched(f"the point {shown} falls in no room{on}")
        levels = sorted({r.level for r in hits})
        if len(levels) > 1:
            raise _Unmatched(f"the point {shown} falls in rooms on levels "
                             f"{', '.join(num(v) for v in levels)}: say which with 'at_level'")
        return min(hits, key=lambda r: (r.polygon.area, r.id))  # a room drawn inside another

    def index(self, room: Room) -> int:
        return next(i for i, r in enumerate(self.rooms) if r.id == room.id)

    def free_id(self, prefix: str, taken: Iterable[str]) -> str:
        used = set(taken)
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def forget(self, ids: set[str], rename: str | None = None) -> None:
        """Doors that name ``ids`` in ``connects``: renamed, or left to the geometry."""
        out = []
        for d in self.doors:
            if d.connects is not None and set(d.connects) & ids:
                if rename is None:
                    d = replace(d, connects=None)
                else:
                    a, b = (rename if x in ids else x for x in d.connects or ())
                    d = replace(d, connects=(a, b))
            out.append(d)
        self.doors = out

    def links(self) -> dict[str, tuple[str, str] | None]:
        return door_links(replace(self.plan, rooms=tuple(self.rooms), doors=tuple(self.doors)))

    # -- the plan's own values -----------------------------------------------------------
    def plan_values(self, overridden: set[str]) -> None:
        c = self.c
        if not c.plan:
            return
        entry = Entry("plan", dict(c.plan), c.file, c.plan_line, dict(c.plan_lines))
        for key, value in c.plan.items():
            line = c.plan_lines.get(key, c.plan_line)
            one = replace(entry, line=line)
            if key in overridden:
                self.record(one, f"{key} {show(value)}: overridden by --{key} on the command line",
                            (), "overridden")
                continue
            if key == "units":
                if self.meta.lonlat_origin is not None:
                    self.unmatched(one, "the plan is in longitude/latitude, which has no units to set")
                    continue
                if self.meta.units != value:
                    self.unmatched(one, f"the plan was read in {self.meta.units}, not {value}")
                    continue
                self.meta = replace(self.meta, units_reason=by(one))
                self.record(one, f"units set to {value}: the drawing read in {UNIT_WORDS[value]}", ())
                continue
            self.meta = replace(self.meta, **{key: value})
            self.record(one, f"{key} set to {show(value)}", ())

    # -- rooms ----------------------------------------------------------------------------
    def do_room(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        room = self.room_at(e.values["at"], e.values.get("at_level"))
        new, said = set_fields(room, e.values)
        self.rooms[self.index(room)] = new
        return f"{label(room)}: {', '.join(said)}", (room.id,)

    def do_delete(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        room = self.room_at(e.values["at"], e.values.get("at_level"))
        self.rooms.pop(self.index(room))
        self.forget({room.id})
        return f"{label(room)} deleted: not a room ({room.polygon.area:.2f} m² no longer counted)", ()

    def do_merge(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        level = e.values.get("at_level")
        found: list[Room] = []
        for p in e.values["at"]:
            r = self.room_at(p, level)
            if all(r.id != f.id for f in found):
                found.append(r)
        if len(found) < 2:
            raise _Unmatched(f"the points all fall in one room, {label(found[0])}")
        if len({r.level for r in found}) > 1:
            raise _Unmatched("the rooms are on different levels")
        try:
            poly = merge_polygons([r.polygon for r in found])
        except ValueError as exc:
            raise _Unmatched(str(exc)) from None
        first = found[0]
        ids = {r.id for r in found}
        links = self.links()
        inner = [d.id for d in self.doors if set(links.get(d.id) or ()) <= ids and links.get(d.id)]
        self.doors = [d for d in self.doors if d.id not in inner]
        heights = {r.ceiling_height for r in found}
        if len(heights) > 1:  # keep each part's own flat ceiling
            self.ceilings += [Ceiling(r.polygon, height=r.ceiling_height, level=r.level)
                              for r in found if r.ceiling_height is not None]
        merged, said = set_fields(replace(first, polygon=poly), e.values)
        self.rooms[self.index(first)] = merged
        self.rooms = [r for r in self.rooms if r.id == first.id or r.id not in ids]
        self.forget(ids - {first.id}, rename=first.id)
        text = (f"{' and '.join(label(r) for r in found)} merged into {first.id} "
                f"({poly.area:.2f} m²)")
        if said:
            text += ": " + ", ".join(said)
        if inner:
            text += f"; door{'s' * (len(inner) > 1)} {', '.join(inner)} between them removed"
        return text, (first.id,)

    def do_split(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        room = self.room_at(e.values["at"], e.values.get("at_level"))
        line = LineString([self.local(p) for p in e.values["line"]])
        pieces = split_polygon(room.polygon, line)
        if len(pieces) < 2:
            raise _Unmatched(f"the line does not cross {label(room)}")
        i = self.index(room)
        taken = {r.id for r in self.rooms}
        new = []
        for k, piece in enumerate(pieces):
            rid = suffix_id(room.id, k, taken)
            taken.add(rid)
            new.append(replace(room, id=rid, name="", use=Use.OTHER, use_given=False, polygon=piece,
                               properties={}, confidence="high",
                               confidence_reason=""))
        self.rooms[i:i + 1] = new
        self.forget({room.id})
        parts = ", ".join(f"{r.id} ({r.polygon.area:.2f} m²)" for r in new)
        return (f"{label(room)} split in {len(new)}: {parts}; name each part with a [[room]] "
                "correction", tuple(r.id for r in new))

    def do_add(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        v = e.values
        poly = Polygon([self.local(p) for p in v["outline"]])
        if not poly.is_valid or poly.area <= 0:
            raise _Unmatched("the outline crosses itself or encloses no area")
        taken = [r.id for r in self.rooms]
        rid = v.get("id") or self.free_id("A", taken)
        if rid in taken:
            raise _Unmatched(f"the plan already has a room {rid}")
        base = Room(rid, "", Use.OTHER, shapely.normalize(poly), level=v.get("level", 0.0),
                    source="assessor", ceiling_height=v.get("ceiling_height"))
        room, said = set_fields(base, v)
        self.rooms.append(room)
        return f"room {rid} added ({poly.area:.2f} m²)" + (": " + ", ".join(said) if said else ""), (rid,)

    def do_ceiling(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        v = e.values
        room = self.room_at(v["at"], v.get("at_level"))
        region: BaseGeometry = room.polygon
        if "outline" in v:
            region = room.polygon.intersection(Polygon([self.local(p) for p in v["outline"]]))
        parts = [g for g in getattr(region, "geoms", [region])
                 if isinstance(g, Polygon) and g.area > 1e-9]
        if not parts:
            raise _Unmatched(f"the outline does not overlap {label(room)}")
        where = " over part of it" if "outline" in v else ""
        if "height" in v:
            h = v["height"]
            self.ceilings += [Ceiling(p, height=h, level=room.level) for p in parts]
            if "outline" not in v:
                self.rooms[self.index(room)] = replace(room, ceiling_height=h)
            return f"{label(room)}: ceiling flat at {h:.2f} m{where}", (room.id,)
        pts = [(*self.local((x, y)), h) for x, y, h in v["heights"]]
        try:
            made = [Ceiling(p, heights=plane_heights(p, pts), level=room.level) for p in parts]
        except ValueError as exc:
            raise _Unmatched(str(exc)) from None
        lo, hi = min(h for *_, h in pts), max(h for *_, h in pts)
        self.ceilings += made
        return f"{label(room)}: ceiling sloped from {lo:.2f} m to {hi:.2f} m{where}", (room.id,)

    # -- doors ----------------------------------------------------------------------------
    def do_door(self, e: Entry) -> tuple[str, tuple[str, ...]]:
        v = e.values
        level = v.get("at_level")
        pair: tuple[Room, Room | str] | None = None
        if "between" in v:
            a, b = v["between"]
            ra = self.room_at(a, level)
            rb: Room | str = OUTSIDE if b == OUTSIDE else self.room_at(b, level)
            if isinstance(rb, Room) and rb.id == ra.id:
                raise _Unmatched(f"both points fall in {label(ra)}")
            pair = (ra, rb)
        names = None if pair is None else (pair[0].id, pair[1] if isinstance(pair[1], str) else pair[1].id)
        if v.get("remove"):
            return self._remove_door(v, names)
        if "at" in v:
            at = Point(self.local(v["at"]))
        else:
            ra, rb = pair  # type: ignore[misc]
            p, q = nearest_points(ra.polygon, rb.polygon)  # type: ignore[union-attr]
            at = Point((p.x + q.x) / 2, (p.y + q.y) / 2)
        did = self.free_id("D", [d.id for d in self.doors])
        door_level = pair[0].level if pair else level
        door = Door(did, at, width=v.get("width"), connects=names, level=door_level,
                    properties={"from": "assessor"})
        self.doors.append(door)
        if names is None:
            found = self.links().get(did)
            if found is None:
                self.doors.pop()
                raise _Unmatched(f"the point ({num(v['at'][0])}, {num(v['at'][1])}) is not "
                                 "beside any room")
            names = found
        width = f" ({v['width']:.2f} m wide)" if "width" in v else " (width not given)"
        return f"door {did} added between {names[0]} and {names[1]}{width}", tuple(
            x for x in names if x != OUTSIDE)

    def _remove_door(self, v: dict[str, Any], names: tuple[str, str] | None
                     ) -> tuple[str, tuple[str, ...]]:
        links = self.links()
        if names is not None:
            gone = [d for d in self.doors if links.get(d.id) and set(links.get(d.id) or ()) == set(names)]
            if "at" in v and gone:
                at = Point(self.local(v["at"]))
                gone = [min(gone, key=lambda d: d.geometry.distance(at))]
            if not gone:
                raise _Unmatched(f"there is no door between {names[0]} and {names[1]}")
        else:
            at = Point(self.local(v["at"]))
            near = [d for d in self.doors if d.geometry.distance(at) <= DOOR_PICK]
            if not near:
                raise _Unmatched(f"no door within {DOOR_PICK} m of ({num(v['at'][0])}, "
                                 f"{num(v['at'][1])})")
            gone = [min(near, key=lambda d: d.geometry.distance(at))]
        ids = {d.id for d in gone}
        self.doors = [d for d in self.doors if d.id not in ids]
        joined = {x for d in gone for x in (links.get(d.id) or ()) if x != OUTSIDE}
        between = " and ".join(links.get(gone[0].id) or ("nothing",))
        return (f"door{'s' * (len(gone) > 1)} {', '.join(sorted(ids))} between {between} removed",
                tuple(sorted(joined)))
