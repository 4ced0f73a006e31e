"""Storeys (FP310-FP312): what a wheelchair user's home has on the storey they come in
on, and beside the principal bedroom (M4(3) 3.31(a), 3.37 and 3.41(b)).

The entrance storey is the storey of the home's entrance door (see *Scheme and tenants*:
the doors marked ``entrance: true``, else the doors to outside or out of the home, as
listed in the report's assumptions). A home on one storey has everything on its
entrance storey. Where the entrance is not shown, or the doors out of the home are on
several storeys and none is marked, the storey cannot be told and the rules warn.

PASS (FP310): a two-storey house entered into the ground-floor hall, its lounge on the
ground floor. FAIL (FP310): the same house with the lounge upstairs.
"""

from __future__ import annotations

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.context import BATHROOMS, LIVING
from floorplan.rules.homes import unknown_rooms


def _lv(level: float) -> str:
    return f"{level:g}"


def entrance_storey(ctx, home, rooms) -> tuple[float | None, str, tuple]:
    """``(level, words, door marks)``: the storey a home is entered on, how that was told,
    and the entrance doors; ``level`` is ``None`` where it cannot be told."""
    levels = sorted({r.level for r in rooms})
    ents = ctx.entrances(home)
    marks = tuple(Mark("door", lk.door.geometry, label=lk.id) for lk, _ in ents)
    if len(levels) == 1:
        return levels[0], "on one storey", marks
    if not ents:
        return None, "the entrance is not shown on the plan (no door to outside or out of the home)", marks
    on = sorted({r.level for _, r in ents})
    doors = ", ".join(lk.id for lk, _ in ents)
    if len(on) > 1:
        return None, (f"doors out of the home on storeys {', '.join(_lv(x) for x in on)} ({doors}) and "
                      "none marked as the entrance"), marks
    return on[0], f"entered on storey {_lv(on[0])} by door {doors}", marks


def _unknown_words(ctx, rooms) -> str:
    names = ", ".join(ctx.label(r) for r in rooms[:4]) + (" ..." if len(rooms) > 4 else "")
    return f"{len(rooms)} room{'s' * (len(rooms) != 1)} of unknown use ({names})"


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


@rule("FP310", "living-on-entrance-storey")
def living_on_entrance_storey(ctx, opts):
    """The principal living area is on the entrance storey (M4(3) 3.31(a)).

    The principal living area is the home's largest living room (use ``living``,
    ``living_dining`` or ``kitchen_living_dining``) by counted area. A home with no living
    room shown warns, as does one whose entrance storey cannot be told.

    PASS: a lounge on the ground floor of a house entered on the ground floor.
    FAIL: the lounge on the first floor.
    """
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        living = [r for r in rooms if r.use in LIVING]
        if not living:
            yield Outcome(Status.WARN, dwelling=home, unit="storey",
                          message=f"{label}: no living room shown on the plan; the principal living "
                          "area must be on the entrance storey")
            continue
        main = max(living, key=lambda r: (ctx.m.rooms[r.id].area, -r.level))
        level, how, marks = entrance_storey(ctx, home, rooms)
        marks = ctx.room_marks(main) + marks
        name = f"{ctx.label(main)} ({ctx.m.rooms[main.id].area:.2f} m², storey {_lv(main.level)})"
        if level is None:
            yield Outcome(Status.WARN, rooms=(main.id,), dwelling=home, measured=main.level,
                          unit="storey", message=f"{label}: principal living area {name}; the entrance "
                          f"storey cannot be told: {how}", marks=marks)
        elif _same(level, main.level):
            yield Outcome(Status.PASS, rooms=(main.id,), dwelling=home, measured=main.level,
                          required=level, unit="storey",
                          message=f"{label}: principal living area {name} is on the entrance storey "
                          f"({how})", marks=marks)
        else:
            yield Outcome(Status.FAIL, rooms=(main.id,), dwelling=home, measured=main.level,
                          required=level, unit="storey",
                          message=f"{label}: principal living area {name} is not on the entrance "
                          f"storey ({how})", marks=marks)


@rule("FP311", "entrance-storey-wet-room", options=(
    Option("uses", list, ["wet_room"], "rooms of these uses meet it"),
))
def entrance_storey_wet_room(ctx, opts):
    """A wet room on the entrance storey (M4(3) 3.37).

    A room of use ``wet_room`` on the entrance storey passes. A shower room, or a
    bathroom or en-suite with a shower drawn in it (a fitting of kind ``shower``), is to
    review: whether its shower is level access is not on the plan; name it a wet room
    (``use: wet_room``) where it is. A bath-only bathroom, a WC or nothing fails (warns
    where rooms of unknown use, FP004, are on that storey). An entrance storey that
    cannot be told warns.

    PASS: a wet room off the ground-floor hall of a house entered on the ground floor.
    FAIL: the only bathroom upstairs.
    """
    uses = set(opts["uses"])
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        level, how, marks = entrance_storey(ctx, home, rooms)
        if level is None:
            yield Outcome(Status.WARN, dwelling=home, unit="rooms", marks=marks,
                          message=f"{label}: the entrance storey cannot be told: {how}; a wet room "
                          "is required on it")
            continue
        here = [r for r in rooms if _same(r.level, level)]
        wet = [r for r in here if str(r.use) in uses]
        showers = [r for r in here if r.use in BATHROOMS and r not in wet and (
            r.use == "shower_room" or any(o.kind == "shower" for o in ctx.obstacles_in(r)))]
        if wet:
            names = ", ".join(ctx.label(r) for r in wet)
            yield Outcome(Status.PASS, rooms=tuple(r.id for r in wet), dwelling=home, measured=float(len(wet)),
                          required=1.0, unit="rooms", message=f"{label}: wet room on the entrance storey "
                          f"({names}; {how})", marks=ctx.room_marks(*wet) + marks)
        elif showers:
            names = ", ".join(ctx.label(r) for r in showers)
            yield Outcome(Status.WARN, rooms=tuple(r.id for r in showers), dwelling=home, measured=0.0,
                          required=1.0, unit="rooms",
                          message=f"{label}: {names} on the entrance storey ({how}) has a shower, but "
                          "whether it is a level-access wet room is not shown on the plan",
                          marks=ctx.room_marks(*showers) + marks)
        else:
            unknown = unknown_rooms(here)
            status, text = Status.FAIL, f"{label}: no wet room on the entrance storey ({how})"
            if unknown:
                status = Status.WARN
                text += f"; {_unknown_words(ctx, unknown)} may be one"
            yield Outcome(status, rooms=tuple(r.id for r in unknown), dwelling=home, measured=0.0,
                          required=1.0, unit="rooms", message=text, marks=marks)


def principal_bedroom(ctx, rooms, double_area: float):
    """The home's principal bedroom: one the plan calls ``principal``, else the principal
    the bedroom types give (the largest double), else its only or largest bedroom (M4(3)
    3.35(d)); ties on area go to the lower storey, then the lower, then the further left."""
    from floorplan.rules.bedrooms import bedroom_types

    beds = [r for r in rooms if r.use == "bedroom"]
    if not beds:
        return None
    types = bedroom_types(ctx, double_area, True)
    chosen = [r for r in beds if types.get(r.id) == "principal"]
    if chosen:
        return chosen[0]

    def key(r):
        c = r.polygon.centroid
        return (-round(ctx.m.rooms[r.id].area, 3), r.level, round(c.y, 3), round(c.x, 3))

    return min(beds, key=key)


@rule("FP312", "bathroom-by-principal-bedroom", options=(
    Option("double_area", float, 12.5, "a bedroom of this counted area is a double (m²)"),
))
def bathroom_by_principal_bedroom(ctx, opts):
    """A bathroom on the same storey as the principal bedroom (M4(3) 3.41(b)).

    The principal bedroom is the one the plan calls ``principal``, else the largest
    double, else the only or largest bedroom. Any bathroom, shower room, wet room or
    en-suite on its storey passes here (its turning circle is FP201's); none fails, or
    warns where rooms of unknown use (FP004) are on that storey. A home with no bedroom
    is not applicable.

    PASS: the principal bedroom and the bathroom both on the first floor.
    FAIL: the principal bedroom upstairs and the only bathroom downstairs.
    """
    for home, rooms in ctx.homes.items():
        top = principal_bedroom(ctx, rooms, opts["double_area"])
        if top is None:
            continue
        label = ctx.home_label(home)
        baths = [r for r in rooms if r.use in BATHROOMS and _same(r.level, top.level)]
        where = f"{ctx.label(top)} (storey {_lv(top.level)})"
        if baths:
            names = ", ".join(ctx.label(r) for r in baths)
            yield Outcome(Status.PASS, rooms=(top.id,) + tuple(r.id for r in baths), dwelling=home,
                          measured=float(len(baths)), required=1.0, unit="rooms",
                          message=f"{label}: {names} on the storey of the principal bedroom {where}",
                          marks=ctx.room_marks(top, *baths))
        else:
            unknown = unknown_rooms([r for r in rooms if _same(r.level, top.level)])
            status = Status.WARN if unknown else Status.FAIL
            text = f"{label}: no bathroom on the storey of the principal bedroom {where}"
            if unknown:
                text += f"; {_unknown_words(ctx, unknown)} may be one"
            yield Outcome(status, rooms=(top.id,), dwelling=home, measured=0.0, required=1.0,
                          unit="rooms", message=text, marks=ctx.room_marks(top))
