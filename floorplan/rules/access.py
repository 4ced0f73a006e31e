"""Access (FP201-FP204): room for a wheelchair to turn, to pass through doors and halls,
and to come into a bedroom.

A room's *clear floor* is the room less its obstacles (fittings, furniture); door swings
do not block (Approved Document M). FP201 measures the largest circle that fits in
the clear floor and draws it (``circle``), with the 1500 mm circle the rule asks for
(``required_circle``) placed where it fits, or at the centre of the largest circle when
it does not. Living and kitchen spaces may use a 1700 x 1400 mm ellipse instead;
bathrooms may not.

Which rooms FP201 checks: ECC, every wheelchair room (marked ``wheelchair: true``, or of
a use the profile lists when the whole plan is marked wheelchair). M4(3), every home's
entrance (the circle in front of the entrance door, 3.22(d)) and every bathroom (3.43(e)).

PASS: a 2.0 x 2.5 m wet room with a 0.9 x 0.9 m shower in a corner (1.60 m circle).
FAIL: a 1.4 x 2.5 m shower room (1.40 m circle, 0.10 m short).
"""

from __future__ import annotations

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.bedrooms import at_least
from floorplan.rules.context import BATHROOMS, CIRCULATION, OUTSIDE


def _subjects(ctx, applies_to: list[str]) -> list:
    """The rooms FP201 checks anywhere in their clear floor."""
    chosen: dict[str, object] = {}
    if "wheelchair_rooms" in applies_to:
        for r in ctx.wheelchair_rooms:
            chosen.setdefault(r.id, r)
    if "bathrooms" in applies_to:
        for rooms in ctx.homes.values():
            for r in rooms:
                if r.use in BATHROOMS:
                    chosen.setdefault(r.id, r)
    return list(chosen.values())


@rule("FP201", "turning-circle", options=(
    Option("diameter", float, 1.5, "turning circle diameter (m)"),
    Option("ellipse_uses", list, ["living", "dining", "kitchen", "kitchen_dining", "living_dining",
                                  "kitchen_living_dining"],
           "uses that may turn in a 1700 x 1400 mm ellipse instead"),
    Option("applies_to", list, ["wheelchair_rooms"],
           "which rooms: wheelchair_rooms, bathrooms (anywhere in the clear floor), "
           "entrance_hall (in front of each home's entrance door)"),
    Option("shower_overlap", float, 0.5, "how far (m) the circle may reach into a level-access "
           "shower (AD M Diagrams 3.10/3.11); 0: a shower blocks like any fitting; a large value "
           "lets the circle overlap it fully"),
    Option("door_setback", float, 0.0, "entrance: how far (m) the circle may stand back from "
           "the wall the entrance door is in"),
    Option("clauses", dict, None, "the clause each kind of check cites: entrance, bathroom, room"),
))
def turning_circle(ctx, opts):
    """A wheelchair can turn: a 1500 mm circle fits in the room's clear floor.

    A level-access shower does not block: the circle may reach ``shower_overlap`` (500 mm)
    into it (AD M Diagrams 3.10 and 3.11), and the report says by how much it does. The
    showers are the obstacles of kind ``shower`` (the GeoJSON ``fitting``, a DXF block or
    layer named SHOWER, or a name that says shower; a shower over a bath is a bath), and
    each one the circle relies on is listed under *Assumptions* as taken to be level
    access.

    M4(3) entrance (``entrance_hall``): the circle must stand in front of the home's
    entrance door (3.22(d)), not anywhere in the hall: against the wall the door is in,
    its centre in front of the door's opening, in the clear floor of the room the door
    opens into. Which door is the entrance: see *Scheme and tenants*; with several
    candidates and different answers, it is to review. No entrance door shown: to review
    ("not shown on the plan"), never met.

    PASS: a 3.9 x 3.6 m bedroom with a bed along one wall; a 2.0 x 2.65 m wet room with a
    1.2 x 1.2 m shower in a corner (the 1.5 m circle overlaps the shower by 50 mm).
    FAIL: a 1.4 x 2.5 m shower room; an L-shaped entrance hall 1.1 m wide for its first
    3 m from the front door, opening into a 1.8 x 1.8 m space (1.1 m in front of the door).
    """
    from floorplan.rules.circles import anywhere, at_entrance

    clauses = opts["clauses"] or {}
    applies = opts["applies_to"]
    if "entrance_hall" in applies:
        for home, rooms in ctx.homes.items():
            if rooms:
                yield at_entrance(ctx, home, rooms, opts, clauses.get("entrance"))
    for room in _subjects(ctx, applies):
        kind = "bathroom" if room.use in BATHROOMS else "room"
        yield anywhere(ctx, room, opts, clauses.get(kind))


# -- doors ------------------------------------------------------------------------------
def _door_rooms(ctx, link) -> list:
    """The rooms a door joins (``outside`` left out), in the order the link gives."""
    if link.connects is None:
        return []
    return [ctx.rooms_by_id[x] for x in link.connects if x != OUTSIDE and x in ctx.rooms_by_id]


def _door_words(ctx, link) -> str:
    """"door D4 between Entrance Hall and Store", "door D1 from outside into Entrance Hall"."""
    names = [ctx.label_in_home(r) for r in _door_rooms(ctx, link)]
    if link.connects and OUTSIDE in link.connects and names:
        return f"door {link.id} from outside into {names[0]}"
    if len(names) == 2:
        return f"door {link.id} between {names[0]} and {names[1]}"
    return f"door {link.id}" + (f" of {names[0]}" if names else "")


def _mm(v: float) -> str:
    """Millimetres, whole where the value is (to 0.05 mm), else to 0.1 mm: "849.5 mm"."""
    mm = v * 1000
    return f"{mm:.0f} mm" if abs(mm - round(mm)) < 0.05 else f"{mm:.1f} mm"


def _sq(v: float) -> str:
    """A square's size: "1200 x 1200 mm"."""
    return f"{_mm(v)[:-3]} x {_mm(v)}"


def _doors_of(ctx, applies_to: list[str], except_uses: list[str]) -> list:
    """The door links the width rule checks, in plan order."""
    in_home = {r.id for home, rooms in ctx.homes.items() for r in rooms}
    wheelchair = {r.id for r in ctx.wheelchair_rooms}
    out = []
    for link in ctx.m.doors.values():
        rooms = _door_rooms(ctx, link)
        if not rooms or any(str(r.use) in except_uses for r in rooms):
            continue
        ids = {r.id for r in rooms}
        if ("dwelling_doors" in applies_to and ids & in_home) or \
                ("wheelchair_rooms" in applies_to and ids & wheelchair):
            out.append(link)
    return out


@rule("FP202", "door-clear-width", options=(
    Option("min_width", float, 0.85, "minimum clear opening width of a door (m)"),
    Option("applies_to", list, ["dwelling_doors"],
           "which doors: dwelling_doors (every door with a room of a home on one side), "
           "wheelchair_rooms (every door of a wheelchair room)"),
    Option("except_uses", list, [], "doors to rooms of these uses are not checked"),
    Option("small_cupboard_area", float, None, "a door into a room of cupboard_uses with less "
           "floor than this (m²) is exempt: a cupboard too small to enter (3.24 NOTE 1)"),
    Option("cupboard_uses", list, ["storage", "plant"], "the uses that are cupboards"),
    Option("exempt_additional_ensuites", bool, False, "doors into additional en-suites are "
           "exempt (3.24 NOTE 1)"),
    Option("clauses", dict, None, "the clause an exempt door cites (exempt)"),
))
def door_clear_width(ctx, opts):
    """Every door is wide enough for a wheelchair: at least 850 mm clear opening.

    The width is the door's width as the plan gives it, taken as the clear opening: the
    GeoJSON ``width``, or, for a door drawn as a line across the opening with no width
    given, the line's length. A door read from a DXF drawing is as wide as its swing or
    block, that is its leaf, which is wider than the clear opening by the door stop and
    the open leaf's thickness: a DXF door passing by a few centimetres should be checked
    on the drawing. A door with no width is reported as "not shown on the plan" (warn),
    never passed.

    Which doors: M4(3), every door of the dwelling (a door with a room of a home on at
    least one side: internal doors and the front door; in a scheme of flats, doors
    between common parts only are not checked). A door that joins no room is left to
    FP005. The ECC standard and NDSS set no door widths (the ECC standard cites
    Approved Document M only for bedroom, bathroom and living space sizes), so the rule
    is in neither profile; a profile of your own can check the doors of wheelchair rooms
    with ``applies_to = ["wheelchair_rooms"]``. The offending door is drawn.

    Exempt (3.24 NOTE 1): the doors of cupboards too small to enter (a room of
    ``cupboard_uses`` with less floor than ``small_cupboard_area``, 1.0 m² in the m4-3
    profile: an option, as a plan does not say which cupboard can be entered) and of
    additional en-suites (an ``ensuite``, or a bathroom reached only through one bedroom,
    in a home that has another bathroom; where every bathroom is an en-suite, the
    principal bedroom's is the home's bathroom and is not exempt). An exempt door is
    reported as met, with the reason and the note cited.

    PASS: a 900 mm door between the hall and a bedroom; exactly 850 mm; the 600 mm door of
    a 0.8 x 0.6 m meter cupboard (0.48 m², too small to enter).
    FAIL: an 800 mm door between the hall and the bathroom (50 mm short).
    """
    from floorplan.rules.exempt import exemptions

    need = opts["min_width"]
    exempt = exemptions(ctx, opts)
    clause = (opts["clauses"] or {}).get("exempt")
    for link in _doors_of(ctx, opts["applies_to"], opts["except_uses"]):
        rooms = _door_rooms(ctx, link)
        ids = tuple(r.id for r in rooms)
        home = next((r.dwelling for r in rooms if r.dwelling is not None), None)
        what = _door_words(ctx, link)
        mark = (Mark("door", link.door.geometry, label=link.id),)
        w = link.width
        why = next((exempt[r.id] for r in rooms if r.id in exempt), None)
        if why is not None:
            size = "width not shown" if w is None else f"{_mm(w)} clear opening"
            yield Outcome(Status.PASS, rooms=ids, dwelling=home, measured=w, required=None,
                          unit="m", message=f"{what}: {size}; exempt from the {_mm(need)} "
                          f"minimum: {why}", clause=clause, marks=mark)
            continue
        if w is None:
            yield Outcome(Status.WARN, rooms=ids, dwelling=home, required=need, unit="m",
                          message=f"{what}: width not shown on the plan; at least "
                          f"{_mm(need)} clear opening required", marks=mark)
            continue
        status = at_least(w, need)
        text = f"{what}: {_mm(w)} clear opening; at least {_mm(need)} required"
        if status is Status.FAIL:
            text += f": {_mm(need - w)} short"
        yield Outcome(status, rooms=ids, dwelling=home, measured=w, required=need, unit="m",
                      message=text, marks=mark)


# -- halls ------------------------------------------------------------------------------
@rule("FP203", "hall-width", options=(
    Option("min_width", float, 1.05, "minimum clear width of a hall, landing or corridor (m)"),
    Option("uses", list, ["hall", "landing", "corridor"], "the rooms checked, by use"),
    Option("share", float, 0.75, "share of the floor the width must be held over"),
    Option("side_width", float, None, "where a door is not approached head-on, the hall is "
           "this wide in front of it (m); unset: not checked"),
    Option("side_clause", str, None, "the clause a finding cites where a door's approach "
           "decides it (the rule's reference otherwise)"),
))
def hall_width(ctx, opts):
    """Every hall, landing and corridor of a home is wide enough: at least 1050 mm, and
    1200 mm in front of a door it is not approached head-on.

    The width is measured on the room's clear floor: the counted floor less the obstacles
    drawn in it, so a radiator or fitted cupboard drawn in a hall narrows it. It is the
    smaller of two widths:

    * the *held width* (as for FP107): the largest width a square can keep while still
      reaching ``share`` of the floor; an L-shaped hall is as wide as its limbs;
    * the *passage width*: the largest square that can travel between every two doors
      of the room (or reach its one door), so a pinch between doors (a radiator, a nib)
      narrows the hall however short it is; a narrow dead end with no door does not.

    With ``side_width`` (M4(3) 3.24(b): 1200 mm) each door of the hall is looked at too:
    the clear floor straight out in front of its opening must run that deep (see
    *approach* below); a door in a side wall of a hall narrower than that is approached
    from the side and fails by the difference; a door at the end of a hall, with the hall
    running on in front of it, is approached head-on and meets it. A door whose wall
    cannot be told (drawn at a corner) warns. The finding reports the shortfall that
    matters most. Common corridors of a scheme of flats (rooms in no dwelling) are not
    checked.

    PASS: a 1.05 x 4.0 m hall (exactly 1050 mm) with doors in its end walls. FAIL: a 1.0 x
    4.0 m hall (50 mm short); a 1.3 m hall with a radiator narrowing it to 1.0 m between
    its two doors; a 1.1 m hall with a bedroom door in its side wall (1100 mm in front,
    100 mm short of 1200 mm).
    """
    from floorplan.geometry import as_area, held_width
    from floorplan.rules.approach import approach
    from floorplan.rules.passage import passage_width

    need = opts["min_width"]
    for rooms in ctx.homes.values():
        for room in rooms:
            if str(room.use) not in opts["uses"]:
                continue
            rm = ctx.m.rooms[room.id]
            floor = rm.counted_geom
            if ctx.obstacles_in(room):
                floor = as_area(floor.intersection(rm.clear_floor))
            held = held_width(floor, opts["share"])
            links = [ctx.m.doors[d] for d in rm.doors]
            doors = [lk.door.geometry if lk.door.geometry.geom_type == "Point"
                     else lk.door.geometry.interpolate(0.5, normalized=True) for lk in links]
            passage = passage_width(floor, doors, held) if held > 0 else 0.0
            width = min(held, passage)
            status = at_least(width, need)
            marks = ctx.room_marks(room, low=True)
            if passage < held - 1e-9:
                names = ", ".join(lk.id for lk in links)
                what = "its door" if len(links) == 1 else "its doors"
                text = (f"{ctx.label(room)}: {_mm(passage)} clear passage to {what} ({names}), "
                        f"though {_mm(held)} wide over {opts['share']:.0%} of its floor")
                marks += tuple(Mark("door", lk.door.geometry, label=lk.id) for lk in links)
            else:
                text = (f"{ctx.label(room)}: {_mm(width)} clear width (held over "
                        f"{opts['share']:.0%} of its floor" + (" and between its doors)" if links else ")"))
            text += f"; at least {_mm(need)} required"
            if status is Status.FAIL:
                text += f": {_mm(need - width)} short"
            measured, required, clause = width, need, None
            side = opts["side_width"]
            for a in ([approach(room.polygon, floor, lk, side) for lk in links] if side else []):
                if a.depth is None:
                    text += f"; door {a.link.id}: {a.why}, so whether it is approached head-on is not shown"
                    if status is Status.PASS:
                        status, clause = Status.WARN, opts["side_clause"]
                    marks += (Mark("door", a.link.door.geometry, label=a.link.id),)
                elif a.depth < side - 1e-6:
                    text += (f"; door {a.link.id} has {_mm(a.depth)} in front of it: it is approached "
                             f"from the side, {_mm(side)} required there: {_mm(side - a.depth)} short")
                    if a.link.width is None:
                        text += f" (its width not shown: a {_mm(a.opening)} opening assumed)"
                    if side - a.depth > required - measured:
                        measured, required, clause = a.depth, side, opts["side_clause"]
                    status = Status.FAIL
                    marks += (Mark("door", a.link.door.geometry, label=a.link.id),
                              Mark("clear_square", a.strip, size=side, label=f"{_mm(a.depth)} in front"))
            yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=measured,
                          required=required, unit="m", message=text, marks=marks, clause=clause)


# -- bedroom doors ----------------------------------------------------------------------
def _bedroom_entrances(ctx, room, which: str, except_uses: list[str]) -> list:
    """The door links of ``room`` FP204 checks (see its docstring), in plan order."""
    out = []
    for did in ctx.m.rooms[room.id].doors:
        link = ctx.m.doors[did]
        other_id = link.connects[1] if link.connects[0] == room.id else link.connects[0]
        other = ctx.rooms_by_id.get(other_id)
        if other is not None and str(other.use) in except_uses:
            continue
        if which != "all" and other is not None and other.use not in CIRCULATION and \
                set(ctx.m.rooms[other.id].opens_onto) <= {room.id}:
            continue  # an en-suite or cupboard reached only through this bedroom
        out.append(link)
    return out


@rule("FP204", "bedroom-door-space", options=(
    Option("side", float, 1.2, "side of the clear square inside the door (m)"),
    Option("doors", str, "entrances", "which doors: entrances (not those to a room reached "
           "only through the bedroom) or all"),
    Option("except_uses", list, ["storage"], "doors to rooms of these uses are not checked"),
    Option("applies_to", list, ["tenant_bedrooms"],
           "which bedrooms: tenant_bedrooms, or wheelchair_bedrooms only"),
))
def bedroom_door_space(ctx, opts):
    """A 1200 x 1200 mm clear space inside every bedroom door.

    The test: a 1.2 m square stands inside the bedroom with one side on the wall the
    door is in, spanning the door's opening (within it, for a door wider than 1.2 m; its
    centre only, when the door's width is not shown), and must lie in the bedroom's clear
    floor (the counted floor less the obstacles drawn: beds, wardrobes). It may slide
    along the wall as long as it still spans the opening, but is not set back from the
    wall or turned. The report gives the largest such square (to 1 mm) and draws the
    square asked for, where it fits or centred on the door where it does not, and the
    largest that fits.

    Which doors: the doors by which one comes into the bedroom; a door to a room other
    than a hall, landing, corridor or stairs that is reached only through the bedroom (an
    en-suite, a walk-in wardrobe, a cupboard whose only door is this one) is not one, nor
    is a door to a storage room. A bedroom with no door shown warns.

    In the m4-3 profile only. NDSS does not ask for it; the ECC standard sets the
    wheelchair user's bedroom by area (12.5 m²) and points to Approved Document M 3.35
    for reference without adopting its details, so the ECC profile leaves it out. A
    profile of your own can ask for it in wheelchair bedrooms with
    ``applies_to = ["wheelchair_bedrooms"]``.

    PASS: a 3.0 x 3.6 m bedroom, door in the middle of a 3.0 m wall, a bed 1.2 m from it.
    FAIL: the same with the bed 1.0 m from the door wall (a 1.0 m square, 0.2 m short).
    """
    from floorplan.geometry import as_area
    from floorplan.rules.doorspace import door_square, square_at, wall_frame

    side = opts["side"]
    wheelchair_only = "tenant_bedrooms" not in opts["applies_to"]
    for room in ctx.tenant_bedrooms:
        if wheelchair_only and not ctx.is_wheelchair(room):
            continue
        rm = ctx.m.rooms[room.id]
        links = _bedroom_entrances(ctx, room, opts["doors"], opts["except_uses"])
        if not links:
            yield Outcome(Status.WARN, rooms=(room.id,), dwelling=room.dwelling, required=side,
                          unit="m", message=f"{ctx.label(room)}: no door into the bedroom shown "
                          f"on the plan; a {_sq(side)} space inside it cannot be checked",
                          marks=ctx.room_marks(room))
            continue
        floor = rm.clear_floor
        if rm.low_headroom_area > 1e-9:
            floor = as_area(floor.intersection(rm.counted_geom))
        for link in links:
            g = link.door.geometry
            at = g if g.geom_type == "Point" else g.interpolate(0.5, normalized=True)
            opening = link.width or 0.0
            square, largest, best = door_square(room.polygon, floor, at, opening, side)
            marks = [*ctx.room_marks(room), Mark("door", g, label=link.id)]
            size = _sq(side)
            if square is not None:
                status = Status.PASS
                marks.append(Mark("clear_square", square, size=side, label=size))
                text = (f"{ctx.label(room)}: a {size} clear space fits inside door {link.id} "
                        f"(the largest square there is {_sq(largest)})")
            else:
                status = Status.FAIL
                frame = wall_frame(room.polygon, at)
                if frame is not None:
                    marks.append(Mark("clear_square", square_at(-side / 2, side, frame[1]),
                                      size=side, label=f"needs {size}"))
                if best is not None:  # unlabelled: it lies under the one asked for
                    marks.append(Mark("clear_square", best, size=largest))
                text = (f"{ctx.label(room)}: the largest clear square inside door {link.id} is "
                        f"{_sq(largest)}; {size} required: {_mm(side - largest)} short")
            if link.width is None:
                text += " (door width not shown on the plan: the square need only reach its centre)"
            yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=largest,
                          required=side, unit="m", message=text, marks=tuple(marks))
