"""Wheelchair spaces (FP205-FP207): where the wheelchair is stored and charged, the
through-floor liftway, and the clear zone in front of the kitchen units (M4(3) 3.25,
3.29 and 3.32(b)).

Each needs something a plan may or may not draw: fittings of kind ``wheelchair_storage``,
``liftway`` or ``kitchen_unit`` (see ``docs/input-geojson.md``: the GeoJSON ``fitting``
property or the fitting's name; in a DXF, the block or layer name), or a room named as
the space ("Wheelchair store", "Lift"). Where none is drawn the rule warns that it is not
shown on the plan; it never passes.

PASS (FP207): kitchen units along one wall of a 3.0 m wide kitchen, 2.4 m clear in front.
FAIL (FP207): a galley with units 1.2 m apart.
"""

from __future__ import annotations

from typing import Any

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.context import name_of

#: a room of one of these uses may be named as a wheelchair store or a liftway
_SPACE_USES = frozenset({"other", "storage", "plant", "utility"})
KITCHENS = frozenset({"kitchen", "kitchen_dining", "kitchen_living_dining"})


def _fittings(ctx, rooms, kind: str) -> list:
    """``(obstacle, room)`` for each fitting of ``kind`` in the rooms, with the room that
    holds most of it."""
    best: dict[str, tuple] = {}
    for r in rooms:
        for o in ctx.obstacles_in(r):
            if o.kind != kind:
                continue
            share = r.polygon.intersection(o.polygon).area
            if o.id not in best or share > best[o.id][2]:
                best[o.id] = (o, r, share)
    return [(o, r) for o, r, _ in best.values()]


def _named(rooms, kind: str) -> list:
    """Rooms named as the space (a "Wheelchair store", a "Lift")."""
    from floorplan.fittings import fitting_kind

    return [r for r in rooms if r.use in _SPACE_USES and fitting_kind(r.name) == kind]


def _clear(ctx, room):
    """The room's clear floor: counted floor less its fittings."""
    from floorplan.geometry import as_area

    rm = ctx.m.rooms[room.id]
    floor = rm.clear_floor
    if rm.low_headroom_area > 1e-9:
        floor = as_area(floor.intersection(rm.counted_geom))
    return floor


def _long_edges(poly):
    """The two long edges of ``poly``'s minimum rotated rectangle, as point pairs."""
    import math

    rect = poly.minimum_rotated_rectangle
    xy = list(rect.exterior.coords)[:5]
    es = [((xy[i][0], xy[i][1]), (xy[i + 1][0], xy[i + 1][1])) for i in range(4)]
    es.sort(key=lambda e: -math.dist(*e))
    return rect, es[:2]


# -- FP205 wheelchair storage -------------------------------------------------------------
def _transfer(ctx, space, holder, neighbours, width: float, need: float):
    """The best transfer space found in front of a long side of ``space``: ``(depth,
    strip)``. ``holder`` is the room the space stands in (a fitting), else ``neighbours``
    are the rooms a store room opens onto (the strip then starts past the wall between)."""
    from floorplan.rules.fit import clear_depth, segment, windows

    rect, long_edges = _long_edges(space)
    best: tuple[float, Any] = (0.0, None)
    for a, b in long_edges:
        targets = [(holder, 0.0)] if holder is not None else [
            (n, segment(a, b).distance(n.polygon)) for n in neighbours]
        for room, gap in targets:
            if gap > 0.5:
                continue
            clear = _clear(ctx, room)
            for wa, wb in windows(a, b, width):
                depth, strip = clear_depth(wa, wb, rect, clear, need, offset=gap)
                if depth > best[0] + 1e-9:
                    best = (depth, strip)
                if depth >= need - 1e-6:
                    return best
    return best


@rule("FP205", "wheelchair-storage", options=(
    Option("depth", float, 1.1, "the storage and transfer space's smaller side (m)"),
    Option("width", float, 1.7, "its larger side (m)"),
    Option("transfer", float, 1.2, "the clear space in front of its larger side is this deep (m)"),
))
def wheelchair_storage(ctx, opts):
    """Each home has a wheelchair storage and transfer space of 1100 x 1700 mm, off a
    clear space 1200 mm wide (M4(3) 3.25).

    The space is a fitting of kind ``wheelchair_storage`` ("Wheelchair store" drawn as a
    rectangle in a hall) or a room named as one. It must hold a 1100 x 1700 mm rectangle;
    in front of one of its 1700 mm sides (any 1700 mm stretch of a longer side) the clear
    floor (less fittings and floor under 1.5 m headroom) must run 1200 mm deep: in the
    room it stands in, or, for a store room, in a room it opens onto by a door, past the
    wall between (up to 500 mm thick). The report draws the strip it found. A home with
    no such space shown warns.

    PASS: a 1.1 x 1.7 m store at the end of a 1.3 m wide hall, along its side, 1.3 m clear
    in front. FAIL: the same store in a 2.2 m hall with coats 1.0 m in front of it.
    """
    from floorplan.rules.fit import rect_fits, sides, size

    need_s, need_l, need_t = opts["depth"], opts["width"], opts["transfer"]
    want = size(need_s, need_l)
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        spaces = [(o.polygon, r, name_of(o) or "wheelchair store", None) for o, r in
                  _fittings(ctx, rooms, "wheelchair_storage")]
        for r in _named(rooms, "wheelchair_storage"):
            nbrs = [ctx.rooms_by_id[x] for x in ctx.m.rooms[r.id].opens_onto if x in ctx.rooms_by_id]
            spaces.append((r.polygon, None, ctx.label(r), (r, nbrs)))
        if not spaces:
            yield Outcome(Status.WARN, dwelling=home, required=need_s, unit="m",
                          message=f"{label}: wheelchair storage and transfer space not shown on "
                          f"the plan; {want} off a {need_t * 1000:.0f} mm wide space required")
            continue
        results = []
        for poly, holder, name, store in spaces:
            s, lg = sides(poly)
            ids = tuple(x.id for x in ([holder] if holder else [store[0]]))
            marks = [Mark("clear_square", poly.minimum_rotated_rectangle, label=name)]
            if not rect_fits(poly, need_s, need_l):
                results.append((2, Outcome(
                    Status.FAIL, rooms=ids, dwelling=home, measured=s if s < need_s else lg,
                    required=need_s if s < need_s else need_l, unit="m",
                    message=f"{label}: {name} is {size(s, lg)}; {want} required", marks=tuple(marks))))
                continue
            neighbours = store[1] if store else []
            if store and not neighbours:
                results.append((1, Outcome(
                    Status.WARN, rooms=ids, dwelling=home, required=need_t, unit="m",
                    message=f"{label}: {name} is {size(s, lg)}, but no door into it is shown, so "
                    f"the {need_t * 1000:.0f} mm wide space in front cannot be checked",
                    marks=tuple(marks))))
                continue
            depth, strip = _transfer(ctx, poly, holder, neighbours, need_l, need_t)
            if strip is not None:
                marks.append(Mark("clear_square", strip, size=need_t,
                                  label=f"{need_t * 1000:.0f} mm transfer space"))
            if depth >= need_t - 1e-6:
                results.append((0, Outcome(
                    Status.PASS, rooms=ids, dwelling=home, measured=depth, required=need_t, unit="m",
                    message=f"{label}: {name}, {size(s, lg)}, with {depth * 1000:.0f} mm clear in "
                    f"front of its long side; {want} off a {need_t * 1000:.0f} mm wide space "
                    "required", marks=tuple(marks))))
            else:
                results.append((2, Outcome(
                    Status.FAIL, rooms=ids, dwelling=home, measured=depth, required=need_t, unit="m",
                    message=f"{label}: {name} is {size(s, lg)}, but the clear space in front of its "
                    f"long side is {depth * 1000:.0f} mm deep; {need_t * 1000:.0f} mm required: "
                    f"{(need_t - depth) * 1000:.0f} mm short", marks=tuple(marks))))
        yield min(results, key=lambda t: t[0])[1]


def _in_front(ctx, rooms, space, holder, circle: float):
    """The clear floor where a ``circle`` in front of ``space`` may stand: within 50 mm of
    it, in the room it stands in; for a liftway drawn as a room of its own, in the rooms
    of the home on its storey within 0.5 m of it (the wall between), within 50 mm of them."""
    import shapely

    if holder.polygon is not space:
        return _clear(ctx, holder).intersection(space.buffer(circle + 0.05, join_style="mitre"))
    near = [r for r in rooms if r.id != holder.id and abs(r.level - holder.level) < 1e-9
            and r.polygon.distance(space) <= 0.5]
    if not near:
        from shapely.geometry import Polygon

        return Polygon()
    reach = space.buffer(0.5, join_style="mitre")
    floor = shapely.union_all([_clear(ctx, r) for r in near])
    grown = shapely.union_all([r.polygon.intersection(reach) for r in near]).buffer(
        circle + 0.05, join_style="mitre")
    return floor.intersection(grown)


# -- FP206 liftway ----------------------------------------------------------------------
@rule("FP206", "liftway", options=(
    Option("width", float, 1.1, "the liftway's smaller internal side (m)"),
    Option("length", float, 1.65, "its larger internal side (m)"),
    Option("circle", float, 1.5, "a turning circle of this diameter (m) in front of it on each "
           "storey; 0: not checked"),
))
def liftway(ctx, opts):
    """A home on more than one storey has a through-floor lift or a liftway of at least
    1100 x 1650 mm, on every storey, with a 1500 mm turning circle in front (M4(3) 3.29).

    The liftway is a fitting of kind ``liftway`` ("Through-floor lift", "Future lift",
    a LIFT block) or a room named as one. On each storey of the home a liftway must hold
    an 1100 x 1650 mm rectangle, the liftways of the storeys must stand over each other
    (overlap in plan), and a 1500 mm circle must fit in the clear floor of the room the
    liftway stands in, within 50 mm of the liftway. A home on one storey is not
    applicable; one with no liftway shown warns, as does one shown on only some storeys.

    PASS: a two-storey house with a 1.2 x 1.7 m liftway in the hall and over it on the
    landing. FAIL: a 1.0 x 1.5 m liftway.
    """
    import shapely

    from floorplan.geometry import largest_circle
    from floorplan.rules.fit import rect_fits, sides, size

    need_w, need_l, circle = opts["width"], opts["length"], opts["circle"]
    want = size(need_w, need_l)
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        levels = sorted({r.level for r in rooms})
        if len(levels) < 2:
            yield Outcome(Status.NOT_APPLICABLE, dwelling=home, unit="storeys", measured=1.0,
                          message=f"{label}: on one storey, no liftway needed")
            continue
        ways = [(o.polygon, r, name_of(o) or "liftway") for o, r in _fittings(ctx, rooms, "liftway")]
        ways += [(r.polygon, r, ctx.label(r)) for r in _named(rooms, "liftway")]
        ids = tuple(dict.fromkeys(r.id for _, r, _ in ways))
        marks = [Mark("clear_square", p, label=n) for p, _, n in ways]
        if not ways:
            yield Outcome(Status.WARN, dwelling=home, required=need_w, unit="m",
                          message=f"{label}: on {len(levels)} storeys, but a through-floor lift or "
                          f"liftway is not shown on the plan; {want} required")
            continue
        problems, worst = [], Status.PASS
        small = [(p, n) for p, _, n in ways if not rect_fits(p, need_w, need_l)]
        for p, n in small:
            s, lg = sides(p)
            problems.append(f"{n} is {size(s, lg)}; {want} required")
            worst = Status.FAIL
        on = {r.level for _, r, _ in ways}
        missing = [lv for lv in levels if lv not in on]
        if missing:
            problems.append("no liftway shown on storey " + ", ".join(f"{lv:g}" for lv in missing))
            worst = worst if worst is Status.FAIL else Status.WARN
        elif len(on) > 1:
            footprints = [shapely.union_all([p for p, r, _ in ways if r.level == lv]) for lv in levels]
            common = footprints[0]
            for f in footprints[1:]:
                common = common.intersection(f)
            if common.is_empty or common.area < 1e-6:
                problems.append("the liftways of the storeys do not stand over each other")
                worst = Status.FAIL
        if circle > 0:
            for p, r, n in ways:
                area = _in_front(ctx, rooms, p, r, circle)
                c = largest_circle(area)
                d = c.diameter if c is not None else 0.0
                if d < circle - 1e-3:
                    problems.append(f"in front of {n} ({ctx.label(r)}, storey {r.level:g}) the "
                                    f"largest clear circle is {d:.2f} m; {circle:.2f} m required")
                    worst = Status.FAIL
                elif c is not None:
                    marks.append(Mark("circle", c.geometry, size=d, label=f"{d:.2f} m"))
        s, lg = min((sides(p) for p, _, _ in ways), key=lambda t: t[0])
        if problems:
            text = f"{label}: " + "; ".join(problems)
        else:
            text = (f"{label}: a liftway on each of its {len(levels)} storeys, the smallest "
                    f"{size(s, lg)}, with a {circle:.2f} m circle in front; {want} required")
        yield Outcome(worst, rooms=ids, dwelling=home, measured=s, required=need_w, unit="m",
                      message=text, marks=tuple(marks))


# -- FP207 kitchen clear zone ---------------------------------------------------------------
def _fronts(units, room_poly, near: float = 0.15, end: float = 0.7):
    """The edges of the kitchen units' outline that face the room: not against a wall
    (the edge's middle within ``near`` of the room's boundary) and not a run's end (an
    edge no longer than ``end`` with an end at the wall)."""
    from shapely.geometry import Point

    from floorplan.geometry import polygons_of
    from floorplan.rules.fit import edges

    boundary = room_poly.boundary
    out = []
    for part in polygons_of(units):
        for a, b in edges(part, 0.3):
            mid = Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if boundary.distance(mid) <= near:
                continue
            length = Point(a).distance(Point(b))
            if length <= end and min(boundary.distance(Point(a)), boundary.distance(Point(b))) <= near:
                continue
            out.append((a, b, part))
    return out


@rule("FP207", "kitchen-clear-zone", options=(
    Option("depth", float, 1.5, "clear depth in front of and between kitchen units (m)"),
))
def kitchen_clear_zone(ctx, opts):
    """A 1500 mm clear zone in front of and between the kitchen units (M4(3) 3.32(b)).

    The units are the fittings of kind ``kitchen_unit`` in a room (worktops, base units,
    hob, sink, oven; units drawn touching count as one run). In front of each face of the
    run that faces the room (not against a wall, not a run's end at a wall), straight out
    across the face's whole length, the clear floor (the room less its fittings and floor
    under 1.5 m headroom) must run 1500 mm deep; between two runs facing each other that
    is the gap between them. The report gives the shallowest depth found and draws the
    zones. A home with a kitchen and no kitchen units drawn warns ("not shown on the
    plan").

    PASS: units 0.6 m deep along one wall of a 3.0 m wide kitchen (2.4 m clear).
    FAIL: a galley 2.4 m wide with 0.6 m units on both sides (1.2 m between them).
    """
    import shapely

    from floorplan.rules.fit import clear_depth, mm

    need = opts["depth"]
    for home, rooms in ctx.homes.items():
        by_room = {}
        for o, r in _fittings(ctx, rooms, "kitchen_unit"):
            by_room.setdefault(r.id, (r, []))[1].append(o)
        if not by_room:
            kitchens = [r for r in rooms if r.use in KITCHENS]
            if kitchens:
                yield Outcome(Status.WARN, rooms=tuple(r.id for r in kitchens), dwelling=home,
                              required=need, unit="m",
                              message=f"{ctx.home_label(home)}: kitchen units not shown on the plan "
                              f"({', '.join(ctx.label(r) for r in kitchens)}); a {mm(need)} clear "
                              "zone in front of them required", marks=ctx.room_marks(*kitchens))
            continue
        for room, units in by_room.values():
            run = shapely.union_all([o.polygon.buffer(0.01, join_style="mitre") for o in units]
                                    ).buffer(-0.01, join_style="mitre").intersection(room.polygon)
            clear = _clear(ctx, room)
            fronts = _fronts(run, room.polygon)
            marks = list(ctx.room_marks(room))
            if not fronts:
                yield Outcome(Status.WARN, rooms=(room.id,), dwelling=home, required=need, unit="m",
                              message=f"{ctx.label(room)}: no face of the kitchen units faces the "
                              "room (they fill it, or lie along the walls only); the clear zone "
                              "cannot be told", marks=tuple(marks))
                continue
            shallowest = need
            for a, b, part in fronts:
                depth, strip = clear_depth(a, b, part, clear, need)
                shallowest = min(shallowest, depth)
                marks.append(Mark("clear_square", strip, size=need,
                                  label=None if depth >= need - 1e-6 else f"{mm(depth)} clear"))
            ok = shallowest >= need - 1e-6
            text = (f"{ctx.label(room)}: {'at least ' if ok else ''}{mm(shallowest)} clear in front of "
                    f"the kitchen units ({len(fronts)} face{'s' * (len(fronts) != 1)}); "
                    f"{mm(need)} required")
            if not ok:
                text += f": {mm(need - shallowest)} short"
            yield Outcome(Status.PASS if ok else Status.FAIL, rooms=(room.id,), dwelling=home,
                          measured=shallowest, required=need, unit="m", message=text,
                          marks=tuple(marks))


__all__ = ["wheelchair_storage", "liftway", "kitchen_clear_zone"]
