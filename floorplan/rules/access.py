"""Access (FP201): room for a wheelchair to turn.

A room's *clear floor* is the room less its obstacles (fittings, furniture); door swings
do not block (Approved Document M). The rule measures the largest circle that fits in
the clear floor and draws it (``circle``), with the 1500 mm circle the rule asks for
(``required_circle``) placed where it fits, or at the centre of the largest circle when
it does not. Living and kitchen spaces may use a 1700 x 1400 mm ellipse instead;
bathrooms may not.

Which rooms: ECC, every wheelchair room (marked ``wheelchair: true``, or of a use the
profile lists when the whole plan is marked wheelchair). M4(3), every home's entrance
hall (a hall, corridor or landing with a door to outside or out of the home; every hall
of the home when none has) and every bathroom.

PASS: a 2.0 x 2.5 m wet room with a 0.9 x 0.9 m shower in a corner (1.60 m circle).
FAIL: a 1.4 x 2.5 m shower room (1.40 m circle, 0.10 m short).
"""

from __future__ import annotations

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.context import BATHROOMS, CIRCULATION, OUTSIDE, fmt


def _entrance_halls(ctx, home, rooms) -> list:
    ids = {r.id for r in rooms}
    halls = [r for r in rooms if r.use in CIRCULATION]
    found = []
    for r in halls:
        for did in ctx.m.rooms[r.id].doors:
            link = ctx.m.doors[did]
            if link.connects is None:
                continue
            other = link.connects[1] if link.connects[0] == r.id else link.connects[0]
            if other == OUTSIDE or (home is not None and other not in ids):
                found.append(r)
                break
    return found or [r for r in halls if r.use == "hall"]


def _subjects(ctx, applies_to: list[str]) -> list:
    chosen: dict[str, object] = {}
    if "wheelchair_rooms" in applies_to:
        for r in ctx.wheelchair_rooms:
            chosen.setdefault(r.id, r)
    for home, rooms in ctx.homes.items():
        if "entrance_hall" in applies_to:
            for r in _entrance_halls(ctx, home, rooms):
                chosen.setdefault(r.id, r)
        if "bathrooms" in applies_to:
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
           "which rooms: wheelchair_rooms, entrance_hall, bathrooms"),
))
def turning_circle(ctx, opts):
    """A wheelchair can turn: a 1500 mm circle fits in the room's clear floor.

    PASS: a 3.9 x 3.6 m bedroom with a bed along one wall. FAIL: a 1.4 x 2.5 m shower room.
    """
    from shapely.geometry import Point

    from floorplan.geometry import ellipse_fit, ellipse_geometry

    need = opts["diameter"]
    for room in _subjects(ctx, opts["applies_to"]):
        rm = ctx.m.rooms[room.id]
        circle = rm.clear_circle
        d = circle.diameter if circle else 0.0
        centre = circle.center if circle else room.polygon.representative_point()
        marks = list(ctx.room_marks(room))
        if circle is not None:
            marks.append(Mark("circle", circle.geometry, size=d, label=f"{d:.2f} m"))
        fits = d >= need - 1e-3
        ellipse = None
        if not fits and str(room.use) in opts["ellipse_uses"]:
            ellipse = rm.ellipse if need == 1.5 else ellipse_fit(rm.clear_floor)
        if fits:
            status = Status.PASS
            text = f"{ctx.label(room)}: a {fmt(d)} m circle fits in the clear floor; {fmt(need)} m required"
            marks.append(Mark("required_circle", Point(centre).buffer(need / 2, quad_segs=32),
                              size=need, label=f"{need * 1000:.0f} mm"))
        elif ellipse is not None:
            status = Status.PASS
            text = (f"{ctx.label(room)}: the largest circle is {fmt(d)} m, but a 1700 x 1400 mm "
                    f"ellipse fits, as allowed in living and kitchen spaces")
            marks.append(Mark("required_circle", ellipse_geometry(*ellipse), label="1700 x 1400 mm"))
        else:
            status = Status.FAIL
            text = (f"{ctx.label(room)}: the largest circle in the clear floor is {fmt(d)} m; "
                    f"{fmt(need)} m required: {fmt(need - d)} m short")
            marks.append(Mark("required_circle", Point(centre).buffer(need / 2, quad_segs=32),
                              size=need, label=f"{need * 1000:.0f} mm"))
        yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=d, required=need,
                      unit="m", message=text, marks=tuple(marks))
