"""Turning circles with the allowances Approved Document M makes (FP201's geometry).

Two things the plain largest circle of a room's clear floor does not do:

* **A level-access shower.** AD M Diagrams 3.10 and 3.11 let the turning circle
  overlap a level-access shower (fully in one, by up to 500 mm in the other), so a
  shower is not an obstacle like a bath or a basin. :func:`clear_floor` takes the room
  less its other obstacles, and less only the part of each shower deeper than
  ``overlap`` inside it (the shower shrunk by ``overlap``): no point of the circle may
  then lie deeper than ``overlap`` inside the shower, measured from the shower's outline.
  :func:`overlap_depth` says how deep it does reach.

* **In front of the entrance door.** M4(3) 3.22(d) wants the circle inside the entrance
  area, in front of the entrance door, not anywhere in the hall. :func:`circle_at_door`
  finds the largest circle that stands against the wall the door is in (set back from
  it by at most ``setback``) with its centre in front of the door's opening (within
  half the door's width of its centre; on its centre line when the width is not known),
  in the room's clear floor. It bisects on the radius (to 0.5 mm) over the floor eroded
  by that radius, the set of centres a circle of that radius can have.

Nothing here is imported when the rules are listed: the rule imports it when it runs.
"""

from __future__ import annotations

import math

import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from floorplan.geometry import Circle, as_area, largest_circle
from floorplan.rules.doorspace import wall_frame

#: bisection stops when the radius is known to this (metres)
STEP = 5e-4
#: a circle touching the wall is allowed to be this far from it (drawing noise, metres)
SLACK = 1e-6


def clear_floor(room_polygon: BaseGeometry, obstacles: list, shower_kinds: frozenset[str],
                overlap: float, kind_of) -> tuple[BaseGeometry, list]:
    """The room less its obstacles, a shower only where deeper than ``overlap`` inside it.

    ``kind_of(obstacle)`` names an obstacle's kind. Returns the floor and the showers
    (their polygons) that were allowed to be overlapped.
    """
    blocks, showers = [], []
    for o in obstacles:
        if kind_of(o) in shower_kinds and overlap > 0:
            showers.append(o.polygon)
            deep = o.polygon.buffer(-overlap, join_style="mitre")
            if not deep.is_empty:
                blocks.append(deep)
        else:
            blocks.append(o.polygon)
    if not blocks:
        return room_polygon, showers
    return as_area(room_polygon.difference(shapely.union_all(blocks))), showers


def overlap_depth(circle: Circle, showers: list) -> float:
    """How deep (metres) ``circle`` reaches into the deepest of ``showers``: the largest
    distance from a shower's outline of any point of the circle inside it (0: none), to
    0.1 mm. This is the measure :func:`clear_floor` bounds by ``overlap``."""
    disc = circle.geometry
    best = 0.0
    for s in showers:
        if not disc.intersects(s) or disc.intersection(s).area < 1e-9:
            continue
        lo, hi = 0.0, circle.diameter
        while hi - lo > 1e-4:
            mid = (lo + hi) / 2
            core = s.buffer(-mid, join_style="mitre")
            if not core.is_empty and disc.intersection(core).area > 1e-10:
                lo = mid
            else:
                hi = mid
        best = max(best, lo)
    return best


def circle_at_door(room_polygon: Polygon, floor: BaseGeometry, at: Point, opening: float,
                   setback: float, upper: float | None = None) -> Circle | None:
    """The largest circle in ``floor`` in front of the door at ``at`` (see the module doc).

    ``room_polygon`` gives the wall the door is in; ``opening`` is the door's width (0:
    not known); ``upper`` bounds the diameter (the floor's largest circle). ``None`` when
    no circle at all stands there.
    """
    frame = wall_frame(room_polygon, at)
    geom = as_area(floor)
    if frame is None or geom.is_empty:
        return None
    to_local, to_plan = frame
    local = affinity.affine_transform(geom, to_local)
    half = max(opening / 2, SLACK)
    if upper is None:
        big = largest_circle(geom)
        upper = big.diameter if big is not None else 0.0

    def centres(r: float) -> BaseGeometry:
        zone = box(-half, r - SLACK, half, r + max(setback, 0.0) + SLACK)
        return local.buffer(-r, quad_segs=32).intersection(zone)

    lo, hi = 0.0, upper / 2 + STEP
    found = None
    # the smallest useful circle first: a door whose centre line meets no floor has none
    if centres(STEP).is_empty:
        return None
    while hi - lo > STEP:
        mid = (lo + hi) / 2
        c = centres(mid)
        if c.is_empty:
            hi = mid
        else:
            lo, found = mid, c
    # the bisection ends up to STEP below the largest radius: try the next whole mm across
    up = math.ceil(2000 * lo - 1e-6) / 2000
    if lo < up <= lo + STEP:
        c = centres(up)
        if not c.is_empty:
            lo, found = up, c
    if found is None:
        found = centres(lo)
        if found.is_empty:
            return None
    # of the centres that work, the one nearest the door's centre line
    p = nearest_points(found, Point(0.0, lo))[0]
    centre = affinity.affine_transform(p, to_plan)
    return Circle(Point(centre.x, centre.y), 2 * lo)




# -- FP201's findings ---------------------------------------------------------------------
SHOWERS = frozenset({"shower"})


def kind_of(o) -> str | None:
    """An obstacle's kind: as the plan or reader gave it, else from its name."""
    from floorplan.fittings import fitting_kind

    return o.kind or fitting_kind(o.name)


def _mm(v: float) -> str:
    return f"{v * 1000:.0f} mm"


def room_circle(ctx, room, overlap: float):
    """``(circle, depth into a shower, showers)`` for a room: its largest circle, the
    showers in it allowed to be overlapped by ``overlap``."""
    rm = ctx.m.rooms[room.id]
    obstacles = ctx.obstacles_in(room)
    if overlap <= 0 or not any(kind_of(o) in SHOWERS for o in obstacles):
        return rm.clear_circle, 0.0, []
    floor, showers = clear_floor(room.polygon, obstacles, SHOWERS, overlap, kind_of)
    circle = largest_circle(floor)
    depth = overlap_depth(circle, showers) if circle is not None else 0.0
    return circle, depth, showers


def _required(centre, need: float):
    from floorplan.findings import Mark

    return Mark("required_circle", Point(centre).buffer(need / 2, quad_segs=32), size=need,
                label=f"{need * 1000:.0f} mm")


def anywhere(ctx, room, opts, clause: str | None):
    """FP201 for a room checked anywhere in its clear floor (a shower may be overlapped)."""
    from floorplan.findings import Mark, Outcome, Status
    from floorplan.geometry import ellipse_fit, ellipse_geometry
    from floorplan.rules.context import fmt

    need, overlap = opts["diameter"], opts["shower_overlap"]
    rm = ctx.m.rooms[room.id]
    circle, depth, _ = room_circle(ctx, room, overlap)
    d = circle.diameter if circle else 0.0
    centre = circle.center if circle else room.polygon.representative_point()
    marks = list(ctx.room_marks(room))
    if circle is not None:
        marks.append(Mark("circle", circle.geometry, size=d, label=f"{d:.2f} m"))
    fits = d >= need - 1e-3
    over = ""
    if depth > 5e-4:
        over = (f", overlapping the level-access shower by {_mm(depth)} (up to {_mm(overlap)} "
                "allowed, AD M Diagrams 3.10 and 3.11)")
        ctx.assume("fittings", f"The shower in {ctx.label_in_home(room)} is taken as a level-access "
                   f"shower the turning circle may overlap by up to {_mm(overlap)}.",
                   "FP201 `shower_overlap = 0` in a profile of your own (a raised tray blocks "
                   "the circle), or a `fitting` other than shower on the plan",
                   subject=room.id, rooms=(room.id,))
    ellipse = None
    if not fits and str(room.use) in opts["ellipse_uses"]:
        ellipse = rm.ellipse if need == 1.5 else ellipse_fit(rm.clear_floor)
    if fits:
        status = Status.PASS
        text = f"{ctx.label(room)}: a {fmt(d)} m circle fits in the clear floor{over}; {fmt(need)} m required"
        marks.append(_required(centre, need))
    elif ellipse is not None:
        status = Status.PASS
        text = (f"{ctx.label(room)}: the largest circle is {fmt(d)} m, but a 1700 x 1400 mm "
                f"ellipse fits, as allowed in living and kitchen spaces")
        marks.append(Mark("required_circle", ellipse_geometry(*ellipse), label="1700 x 1400 mm"))
    else:
        status = Status.FAIL
        text = (f"{ctx.label(room)}: the largest circle in the clear floor is {fmt(d)} m{over}; "
                f"{fmt(need)} m required: {fmt(need - d)} m short")
        marks.append(_required(centre, need))
    return Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=d, required=need,
                   unit="m", message=text, clause=clause, marks=tuple(marks))


def at_entrance(ctx, home, rooms, opts, clause: str | None):
    """FP201 for a home's entrance: the circle in front of the entrance door (3.22(d)).

    With several candidate doors (none marked ``entrance: true``): met when the circle
    stands in front of every one, not met when in front of none, else to review.
    """
    from floorplan.findings import Mark, Outcome, Status
    from floorplan.rules.context import fmt

    need, overlap = opts["diameter"], opts["shower_overlap"]
    label = ctx.home_label(home)
    entrances = ctx.entrances(home)
    if not entrances:
        halls = tuple(r.id for r in rooms if r.use == "hall")
        return Outcome(Status.WARN, rooms=halls, dwelling=home, required=need, unit="m",
                       message=f"{label}: the entrance door is not shown on the plan (no door to "
                       "outside, none marked entrance: true); the 1500 mm circle in front of it "
                       "cannot be checked", clause=clause,
                       marks=ctx.room_marks(*[ctx.rooms_by_id[r] for r in halls]))
    results = []
    for link, room in entrances:
        rm = ctx.m.rooms[room.id]
        floor, _ = clear_floor(room.polygon, ctx.obstacles_in(room), SHOWERS, overlap, kind_of)
        if rm.low_headroom_area > 1e-9:
            floor = as_area(floor.intersection(rm.counted_geom))
        g = link.door.geometry
        at = g if g.geom_type == "Point" else g.interpolate(0.5, normalized=True)
        upper = rm.clear_circle.diameter if rm.clear_circle is not None else None
        circle = circle_at_door(room.polygon, floor, at, link.width or 0.0,
                                opts["door_setback"], upper)
        results.append((link, room, circle))
    ds = [c.diameter if c is not None else 0.0 for _, _, c in results]
    fits = [d >= need - 1e-3 for d in ds]
    marks = []
    parts = []
    for (link, room, circle), d in zip(results, ds, strict=True):
        marks += [*ctx.room_marks(room), Mark("door", link.door.geometry, label=link.id)]
        if circle is not None:
            marks.append(Mark("circle", circle.geometry, size=d, label=f"{d:.2f} m"))
            marks.append(_required(circle.center, need))
        parts.append(f"in front of door {link.id} into {ctx.label(room)} the largest circle is {fmt(d)} m")
    rooms_ = tuple(dict.fromkeys(room.id for _, room, _ in results))
    where = "; ".join(parts)
    if all(fits):
        status, measured = Status.PASS, min(ds)
        text = f"{label}: {where}; {fmt(need)} m required in front of the entrance door"
    elif not any(fits):
        status, measured = Status.FAIL, max(ds)
        text = (f"{label}: {where}; {fmt(need)} m required in front of the entrance door: "
                f"{fmt(need - measured)} m short")
    else:
        status, measured = Status.WARN, min(ds)
        text = (f"{label}: {where}; {fmt(need)} m required in front of the entrance door, and "
                "which door is the entrance is not marked (entrance: true): to review")
    return Outcome(status, rooms=rooms_, dwelling=home, measured=measured, required=need, unit="m",
                   message=text, clause=clause, marks=tuple(marks))


__all__ = ["clear_floor", "overlap_depth", "circle_at_door", "anywhere", "at_entrance", "kind_of"]
