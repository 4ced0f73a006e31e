"""Bedroom widths (FP107).

A bedroom's width is its *held width*: the largest width ``w`` such that the floor a
``w`` x ``w`` square can reach, sliding inside the room (aligned with the room's main
axis), still covers at least 75 % of the room's counted floor. For a rectangle that is
its short side. An L-shaped room is as wide as its main limb: a 4 x 3 m room with a
1 x 1 m nib holds 3.0 m (the nib is under 25 % of the floor); a 4 x 4 m room missing a
2 x 2 m corner holds 2.0 m (its limbs are 2 m wide). The counted floor is used, so floor
under a ceiling lower than 1.5 m does not make a room wider.

PASS (NDSS, single): 2.2 x 3.5 m. FAIL (NDSS, single): 2.0 x 4.0 m (0.15 m narrow).
"""

from __future__ import annotations

import math

from floorplan.findings import Outcome
from floorplan.rules.base import Option, rule
from floorplan.rules.bedrooms import at_least, bedroom_types, sleep_ins
from floorplan.rules.context import fmt


@rule("FP107", "bedroom-width", options=(
    Option("single", float, 2.15, "minimum width of a single bedroom (m)"),
    Option("double", float, 2.55, "minimum width of a double bedroom other than the principal (m)"),
    Option("principal", float, 2.75, "minimum width of the principal double bedroom (m)"),
    Option("double_area", float, 11.5, "a bedroom of this counted area is a double (m²)"),
    Option("share", float, 0.75, "share of the floor the width must be held over"),
    Option("principal_by", str, "area", "which double is held to the principal width: 'area' "
           "(the principal bedroom, as FP101 chooses it) or 'width' (the widest double, where "
           "the standard asks only that one double be that wide)"),
    Option("clauses", dict, None, "the clause each type cites (single, double, principal)"),
    Option("principal_is_largest", bool, False, "a home's only or largest bedroom is its "
           "principal bedroom even when it is no double by its area (M4(3) 3.35(d))"),
    Option("sleep_in", str, None, "hold staff sleep-in rooms to this type's width ('single'); "
           "unset: they are not checked"),
))
def bedroom_width(ctx, opts):
    """Every tenant bedroom is wide enough for its type (see *Bedroom types*).

    NDSS: single 2.15 m (10(c)); one double 2.75 m, every other double 2.55 m (10(e)):
    the widest double is the one held to 2.75 m (``principal_by = "width"``), so a plan
    passes whenever any one double is wide enough. M4(3): single 2.4 m, doubles 3.0 m;
    the principal bedroom is FP101's (the only or largest bedroom, 3.35(d), with
    ``principal_is_largest``). NDSS holds a staff sleep-in room to the single width
    (``sleep_in``). Width is the held width described above.

    PASS (NDSS): a 3.0 x 4.0 m double (12 m², 3.0 m wide).
    FAIL (NDSS): a 2.5 x 4.8 m double (12 m², 2.5 m wide, 0.25 m short of 2.75 m).
    """
    from floorplan.geometry import held_width

    by = "width" if opts["principal_by"] == "width" else "area"
    types = bedroom_types(ctx, opts["double_area"] if opts["double_area"] is not None else math.inf,
                          opts["principal"] is not None, by=by, largest=opts["principal_is_largest"])
    extra = sleep_ins(ctx, opts["sleep_in"])
    types.update({r.id: opts["sleep_in"] for r in extra})
    clauses = opts["clauses"] or {}
    for room in ctx.tenant_bedrooms + extra:
        rm = ctx.m.rooms[room.id]
        kind = types[room.id]
        required = opts[kind] if opts[kind] is not None else opts["double"]
        width = held_width(rm.counted_geom, opts["share"])
        status = at_least(width, required)
        verdict = (f"; at least {fmt(required)} m required: {fmt(required - width)} m short"
                   if status.value == "fail" else f"; at least {fmt(required)} m required")
        if kind == "principal":
            what = "the principal bedroom" if by == "area" else \
                f"the widest double (one double at least {fmt(required)} m)"
        else:
            what = f"a {kind} bedroom" + (" (a staff sleep-in room)" if room.use == "staff_sleep_in" else "")
        yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=width,
                      required=required, unit="m",
                      message=f"{ctx.label(room)}: {fmt(width)} m wide as {what} "
                      f"({fmt(rm.area)} m² counted)" + verdict,
                      clause=clauses.get(kind), marks=ctx.room_marks(room, low=True))
