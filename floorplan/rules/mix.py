"""Bedroom mix (FP109): a home sleeping two or more has a double or twin bedroom.

NDSS paragraph 10(b): "a dwelling with two or more bedspaces has at least one double (or
twin) bedroom". Bedspaces and bedroom types are counted as for FP103 (see *Bedroom
types*): a bedroom of at least 11.5 m² counted, or one the plan calls ``double`` or
``principal`` or gives ``bedspaces: 2``, is a double; a staff sleep-in room sleeps one
and is nobody's double.

PASS: a flat with an 11.5 m² bedroom and a 7.5 m² one. FAIL: a flat with two 8 m²
single bedrooms (two bedspaces, no double).
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.context import fmt


@rule("FP109", "double-bedroom", options=(
    Option("double_area", float, 11.5, "a bedroom of this counted area is a double (m²)"),
    Option("min_bedspaces", int, 2, "homes of at least this many bedspaces need a double"),
))
def double_bedroom(ctx, opts):
    """A home of two or more bedspaces has at least one double or twin bedroom.

    One finding per home: the doubles it has, or, where it has none, its largest
    bedroom's counted area against the double-bedroom area. A home of one bedspace is
    not applicable, nor is one with no bedroom.

    PASS: 3.0 x 4.0 m and 2.5 x 3.0 m bedrooms (12 m², a double). FAIL: two 2.5 x 3.2 m
    bedrooms (8 m² each, two singles).
    """
    from floorplan.rules.area import _beds_and_spaces
    from floorplan.rules.bedrooms import bedroom_types

    double_area = opts["double_area"]
    types = bedroom_types(ctx, double_area, False)
    for home, rooms in ctx.homes.items():
        beds, spaces = _beds_and_spaces(ctx, rooms, double_area)
        if not beds:
            continue
        label = ctx.home_label(home)
        if spaces < opts["min_bedspaces"]:
            yield Outcome(Status.NOT_APPLICABLE, dwelling=home, measured=float(spaces),
                          unit="bedspaces", message=f"{label}: {spaces} bedspace; a double bedroom is "
                          f"needed from {opts['min_bedspaces']}")
            continue
        tenant = [r for r in beds if r.use == "bedroom"]
        doubles = [r for r in tenant if types.get(r.id) in ("double", "principal")]
        if doubles:
            names = ", ".join(f"{ctx.label(r)} ({fmt(ctx.m.rooms[r.id].area)} m²)" for r in doubles)
            yield Outcome(Status.PASS, rooms=tuple(r.id for r in doubles), dwelling=home,
                          measured=float(len(doubles)), required=1.0, unit="double bedrooms",
                          message=f"{label}: {spaces} bedspaces and a double bedroom: {names}",
                          marks=ctx.room_marks(*doubles, low=True))
            continue
        largest = max(tenant or beds, key=lambda r: ctx.m.rooms[r.id].area)
        area = ctx.m.rooms[largest.id].area
        yield Outcome(Status.FAIL, rooms=tuple(r.id for r in tenant or beds), dwelling=home,
                      measured=0.0, required=1.0, unit="double bedrooms",
                      message=f"{label}: {spaces} bedspaces and no double or twin bedroom: the "
                      f"largest, {ctx.label(largest)}, is {fmt(area)} m² counted; a double needs "
                      f"{fmt(double_area, 1)} m²",
                      marks=ctx.room_marks(*(tenant or beds), low=True))
