"""Areas (FP101-FP105): bedrooms, dwellings, communal space, wheelchair bathrooms (built-in
storage, FP108, is in its own section).

Every area is a *counted* area: floor under a ceiling lower than 1.5 m is left out
(exactly 1.5 m counts), and the part left out is drawn as ``low_headroom``.

PASS (ECC): a 3.5 x 3.2 m tenant bedroom, 11.2 m².
FAIL (ECC): a 2.5 x 3.0 m tenant bedroom, 7.5 m² (0.5 m² short of 8.0 m²).
"""

from __future__ import annotations

import math
import re

from floorplan.findings import Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.bedrooms import EPS, at_least, bedroom_types, bedspaces, sleep_ins
from floorplan.rules.context import BATHROOMS, COMMUNAL, fmt


def _area_note(ctx, room) -> str:
    rm = ctx.m.rooms[room.id]
    low = rm.low_headroom_area
    text = f"{ctx.label(room)}: {fmt(rm.area)} m² counted"
    if low > 0.005:
        text += f" ({fmt(low)} m² under {fmt(ctx.params['headroom'], 1)} m headroom left out)"
    return text


def _verdict(status: Status, measured: float, required: float | None, unit: str = "m²",
             warn_below: float | None = None) -> str:
    if required is None:
        return ""
    if status is Status.FAIL:
        return f"; at least {fmt(required, 1)} {unit} required: {fmt(required - measured)} {unit} short"
    if status is Status.WARN and warn_below is not None:
        return (f"; meets the {fmt(required, 1)} {unit} minimum but is under "
                f"{fmt(warn_below, 1)} {unit}: reviewed case by case")
    return f"; at least {fmt(required, 1)} {unit} required"


def band(table: dict, n: int) -> float:
    """The value for ``n`` in a table keyed by counts ("1", "2", ...): the row with the
    largest key not above ``n`` (the smallest row below the table)."""
    rows = sorted((int(k), float(v)) for k, v in table.items())
    best = rows[0][1]
    for k, v in rows:
        if k <= n:
            best = v
    return best


@rule("FP101", "bedroom-area", options=(
    Option("fail_below", float, None, "a tenant bedroom under this counted area fails (m²); "
           "8.0 when neither this nor single is set"),
    Option("warn_below", float, None, "under this it warns (m²)"),
    Option("single", float, None, "typed minimum for a single bedroom (m²); set to use types"),
    Option("double", float, None, "typed minimum for a double bedroom (m²); also the area from "
           "which a bedroom is a double"),
    Option("principal", float, None, "typed minimum for the principal (largest double) bedroom"),
    Option("clauses", dict, None, "the clause each type cites (single, double, principal), "
           "where the standard gives each its own"),
    Option("principal_is_largest", bool, False, "a home's only or largest bedroom is its "
           "principal bedroom even when it is no double by its area (M4(3) 3.35(d))"),
    Option("sleep_in", str, None, "hold staff sleep-in rooms to this type's minimum ('single'); "
           "unset: they are not checked"),
))
def bedroom_area(ctx, opts):
    """Every tenant bedroom has enough counted floor area.

    With ``single`` set (NDSS, M4(3)) each bedroom is typed single, double or principal
    (see *Bedroom types*) and held to its type's minimum; otherwise (ECC) one band:
    fail under ``fail_below``, warn under ``warn_below``. M4(3) holds a home's only or
    largest bedroom to the principal minimum whatever its area (``principal_is_largest``);
    NDSS holds a staff sleep-in room to the single-bedroom minimum (``sleep_in``).

    PASS (ECC): 3.5 x 3.2 m, 11.2 m². WARN (ECC): 2.0 x 4.0 m, exactly 8.0 m².
    FAIL (ECC): 2.5 x 3.0 m, 7.5 m².
    """
    typed = opts["single"] is not None
    types = {}
    if typed:
        double = opts["double"] if opts["double"] is not None else math.inf
        types = bedroom_types(ctx, double, opts["principal"] is not None,
                              largest=opts["principal_is_largest"])
        types.update({r.id: opts["sleep_in"] for r in sleep_ins(ctx, opts["sleep_in"])})
    clauses = opts["clauses"] or {}
    for room in ctx.tenant_bedrooms + (sleep_ins(ctx, opts["sleep_in"]) if typed else []):
        area = ctx.m.rooms[room.id].area
        clause = None
        if typed:
            kind = types[room.id]
            required = opts[kind] if opts[kind] is not None else opts["double"]
            status = at_least(area, required)
            note = f" as {'the' if kind == 'principal' else 'a'} {kind} bedroom" + (
                " (a staff sleep-in room)" if room.use == "staff_sleep_in" else "")
            warn = None
            clause = clauses.get(kind)
        else:
            required, warn = opts["fail_below"], opts["warn_below"]
            if required is None:
                required = 8.0
            status = at_least(area, required, warn)
            note = ""
        yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=area,
                      required=required, unit="m2",
                      message=_area_note(ctx, room) + note + _verdict(status, area, required, "m²", warn),
                      clause=clause, marks=ctx.room_marks(room, low=True))


@rule("FP102", "wheelchair-bedroom-area", options=(
    Option("min_area", float, 12.5, "minimum counted area of a wheelchair user's bedroom (m²)"),
))
def wheelchair_bedroom_area(ctx, opts):
    """A wheelchair user's bedroom has at least 12.5 m² of counted floor.

    A wheelchair bedroom is a tenant bedroom marked ``wheelchair: true``, or any tenant
    bedroom when the whole plan is marked wheelchair.

    PASS: a wheelchair bedroom of 3.9 x 3.6 m, 14.04 m². FAIL: 3.5 x 3.2 m, 11.2 m².
    """
    for room in ctx.tenant_bedrooms:
        if not ctx.is_wheelchair(room):
            continue
        area = ctx.m.rooms[room.id].area
        status = at_least(area, opts["min_area"])
        yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=area,
                      required=opts["min_area"], unit="m2",
                      message=_area_note(ctx, room) + " for a wheelchair user"
                      + _verdict(status, area, opts["min_area"]),
                      marks=ctx.room_marks(room, low=True))


def _ndss_gia(ctx, rooms, low: float, share: float) -> tuple[float, float]:
    """Gross internal area of a home and the storage part counted at ``share``."""
    total = extra = 0.0
    for r in rooms:
        rm = ctx.m.rooms[r.id]
        total += rm.area
        if r.use == "storage" and rm.low_headroom_area > EPS:
            band_geom = rm.field.region_at_least(low).intersection(rm.low_geom)
            extra += share * band_geom.area
    return total + extra, extra


def _beds_and_spaces(ctx, rooms, double_area: float) -> tuple[list, int]:
    """A home's bedrooms and its bedspaces: tenant bedrooms (see *Bedroom types*) and,
    unless the profile's ``sleep_in_bedroom`` parameter is false, staff sleep-in rooms
    (one bedspace each). Either way the report lists it under *Assumptions*."""
    sleep = [r for r in rooms if r.use == "staff_sleep_in"]
    counted = bool(ctx.params.get("sleep_in_bedroom", True))
    if sleep:
        names = ", ".join(ctx.label_in_home(r) for r in sleep)
        text = (f"Staff sleep-in room counted as a bedroom of one bedspace where bedrooms and "
                f"bedspaces set the minimum: {names}." if counted else
                f"Staff sleep-in room not counted as a bedroom or a bedspace: {names}.")
        ctx.assume("sleep_in", text, f"`sleep_in_bedroom = {'false' if counted else 'true'}` in "
                   "the [params] of a profile of your own", rooms=tuple(r.id for r in sleep))
    beds = [r for r in rooms if r.use == "bedroom" or (counted and r.use == "staff_sleep_in")]
    spaces = sum(1 if r.use == "staff_sleep_in" else bedspaces(ctx, r, double_area) for r in beds)
    return beds, spaces


def _beds_words(beds: list, spaces: int) -> str:
    return f"{len(beds)} bedroom{'s' * (len(beds) != 1)}, {spaces} bedspace{'s' * (spaces != 1)}"


def _ndss_row(table: dict, bedrooms: int, spaces: int) -> tuple[str, list] | None:
    b = max(bedrooms, 1)
    rows = {}
    for key, value in table.items():
        m = re.fullmatch(r"(\d+)b(\d+)p", key)
        if m and int(m.group(1)) == b:
            rows[int(m.group(2))] = (key, value)
    if not rows:
        return None
    p = max(spaces, 1)
    fits = [q for q in rows if q >= p]
    return rows[min(fits)] if fits else rows[max(rows)]


@rule("FP103", "dwelling-area", options=(
    Option("min_area", float, 39.0, "minimum counted area of each home (m²), when no table"),
    Option("table", dict, None, "NDSS Table 1: '2b4p' = [1-storey, 2-storey, 3-storey] m²"),
    Option("shower_room_1b1p", float, None, "1b1p minimum when the home has a shower room "
           "and no bathroom"),
    Option("double_area", float, 11.5, "a bedroom of this counted area sleeps two"),
    Option("storage_low", float, 0.9, "storage under a ceiling between this and the "
           "headroom counts at storage_share"),
    Option("storage_share", float, 0.5, "share of low storage that counts"),
    Option("clause", str, "Table 1, row {row}, {storeys}-storey column",
           "the clause a finding cites ({row} and {storeys} are filled in)"),
))
def dwelling_area(ctx, opts):
    """Each home (a flat, or the whole plan when it shows one home) is big enough.

    ECC: each flat at least 39 m² counted. NDSS (``table`` set): gross internal area
    from Table 1 by bedrooms, bedspaces and storeys, with storage under 0.9-1.5 m
    headroom counted at 50 %. Bedrooms are tenant bedrooms and staff sleep-in rooms
    (a sleep-in room sleeps one); bedspaces are counted from bedroom areas (see
    *Bedroom types*); storeys are the levels the home's rooms are on.

    PASS (ECC): a flat of 43.68 m². FAIL (ECC): a flat of 33.68 m² (5.32 m² short).
    """
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        marks = ctx.room_marks(*rooms, low=True)
        ids = tuple(r.id for r in rooms)
        if opts["table"] is None:
            area = sum(ctx.m.rooms[r.id].area for r in rooms)
            required = opts["min_area"]
            status = at_least(area, required)
            yield Outcome(status, rooms=ids, dwelling=home, measured=area, required=required,
                          unit="m2", message=f"{label}: {fmt(area)} m² counted floor area"
                          + _verdict(status, area, required), marks=marks)
            continue
        gia, extra = _ndss_gia(ctx, rooms, opts["storage_low"], opts["storage_share"])
        beds, spaces = _beds_and_spaces(ctx, rooms, opts["double_area"])
        storeys = len({r.level for r in rooms})
        row = _ndss_row(opts["table"], len(beds), spaces)
        what = (f"{_beds_words(beds, spaces)}, "
                f"{storeys} storey{'s' * (storeys != 1)}")
        if row is None:
            yield Outcome(Status.WARN, rooms=ids, dwelling=home, measured=gia, unit="m2",
                          message=f"{label}: {fmt(gia)} m² ({what}): beyond the table", marks=marks)
            continue
        key, values = row
        values = values if isinstance(values, list) else [values]
        required = float(values[min(storeys, len(values)) - 1])
        uses = {str(r.use) for r in rooms}
        if key == "1b1p" and opts["shower_room_1b1p"] and "bathroom" not in uses and \
                uses & {"shower_room", "wet_room"}:
            required, key = opts["shower_room_1b1p"], "1b1p (a shower room instead of a bathroom)"
        status = at_least(gia, required)
        note = f", {fmt(extra)} m² of it low storage at {opts['storage_share']:.0%}" if extra > 0.005 else ""
        yield Outcome(status, rooms=ids, dwelling=home, measured=gia, required=required, unit="m2",
                      message=f"{label}: {fmt(gia)} m² gross internal area ({what}{note})"
                      + _verdict(status, gia, required),
                      clause=opts["clause"].format(row=key, storeys=min(storeys, len(values))),
                      marks=marks)


@rule("FP104", "communal-area", options=(
    Option("by_tenants", dict, {"1": 20.0, "4": 28.0}, "minimum kitchen + living + dining "
           "area by tenants (m²): the row for the largest count not above the tenants"),
    Option("wheelchair", dict, {"1": 27.0, "4": 29.0}, "the same where a tenant uses a wheelchair"),
    Option("by_bedspaces", dict, None, "M4(3) Table 3.2: minimum by bedspaces of each home; "
           "when set, used instead of by_tenants"),
    Option("double_area", float, 12.5, "a bedroom of this counted area sleeps two"),
    Option("clause", str, None, "with by_bedspaces, the clause a finding cites ({row}: the "
           "bedspaces row used)"),
))
def communal_area(ctx, opts):
    """Kitchen, living and dining space together is big enough.

    ECC (shared house): summed over every kitchen, living and dining room, open plan or
    not (halls are not), at least 20 m² for 1-3 tenants and 28 m² for 4; 27 / 29 m²
    where a tenant uses a wheelchair (a wheelchair bedroom, or the plan is marked
    wheelchair). M4(3) (``by_bedspaces``): per home, by bedspaces counted from bedroom
    areas (Table 3.2: 2 -> 25 ... 8 -> 37 m²; one bedspace uses the two-bedspace row).

    PASS: 3 tenants, a wheelchair user among them, exactly 27 m² of kitchen/diner and
    lounge. FAIL: 4 tenants and 25 m².
    """
    for home, rooms in ctx.homes.items():
        communal = [r for r in rooms if r.use in COMMUNAL]
        label = ctx.home_label(home)
        clause = None
        if opts["by_bedspaces"] is not None:
            _, n = _beds_and_spaces(ctx, rooms, opts["double_area"])
            required = band(opts["by_bedspaces"], n)
            who = f"{n} bedspace{'s' * (n != 1)}"
            keys = sorted(int(k) for k in opts["by_bedspaces"])
            row = max([k for k in keys if k <= n], default=keys[0])
            clause = opts["clause"].format(row=row) if opts["clause"] else None
            if n < row:
                who += f", held to the {row}-bedspace row (the table starts there)"
        else:
            n = ctx.tenants
            if n <= 0:
                continue
            table = opts["wheelchair"] if ctx.wheelchair_tenants else opts["by_tenants"]
            required = band(table, n)
            who = f"{n} tenant{'s' * (n != 1)}" + (", a wheelchair user among them"
                                                 if ctx.wheelchair_tenants else "")
        if not communal:
            yield Outcome(Status.WARN, dwelling=home, measured=0.0, required=required, unit="m2",
                          message=f"{label}: no kitchen, living or dining room shown on the plan "
                          f"({who}: {fmt(required, 1)} m² required)", clause=clause)
            continue
        area = sum(ctx.m.rooms[r.id].area for r in communal)
        status = at_least(area, required)
        names = " + ".join(f"{ctx.label(r)} {fmt(ctx.m.rooms[r.id].area)}" for r in communal)
        yield Outcome(status, rooms=tuple(r.id for r in communal), dwelling=home, measured=area,
                      required=required, unit="m2",
                      message=f"{label}: kitchen, living and dining {fmt(area)} m² ({names}) for {who}"
                      + _verdict(status, area, required),
                      clause=clause, marks=ctx.room_marks(*communal, low=True))


_BATH = re.compile(r"\bbath(tub)?s?\b", re.I)
_SHOWER = re.compile(r"\bshower", re.I)


@rule("FP105", "wheelchair-bathroom-area", options=(
    Option("shower_only", float, 5.4, "wet room or shower room (m²)"),
    Option("bath_only", float, 6.0, "bathroom with a bath and no shower (m²)"),
    Option("bath_and_shower", float, 7.0, "bathroom with a bath and a shower (m²)"),
))
def wheelchair_bathroom_area(ctx, opts):
    """A wheelchair user's bathroom is big enough for what is in it.

    The fittings drawn in the room (obstacles of kind ``bath`` or ``shower``, or named so;
    a "bath/shower" is both) tell which minimum applies; with none drawn, a wet room or shower room is taken as shower only,
    and any other bathroom must meet the bath-and-shower minimum or it warns that the
    fittings are not shown on the plan.

    PASS: a 2.5 x 2.6 m wet room (6.5 m²) with a shower. FAIL: a 2.0 x 2.5 m bathroom
    (5.0 m²) with a bath.
    """
    for room in ctx.wheelchair_rooms:
        if room.use not in BATHROOMS:
            continue
        from floorplan.rules.circles import kind_of

        obstacles = ctx.obstacles_in(room)
        names = [o.name or "" for o in obstacles]
        kinds = {kind_of(o) for o in obstacles}
        # a kind the plan or reader gave, or a name that says it ("Bath/shower": both)
        bath = "bath" in kinds or any(_BATH.search(n) for n in names)
        shower = "shower" in kinds or any(_SHOWER.search(n) for n in names)
        if not bath and not shower and room.use in ("wet_room", "shower_room"):
            shower, why = True, f"a {str(room.use).replace('_', ' ')}"
        else:
            why = "drawn"
        area = ctx.m.rooms[room.id].area
        if bath and shower:
            required, kind = opts["bath_and_shower"], "bath and shower"
        elif bath:
            required, kind = opts["bath_only"], "bath only"
        elif shower:
            required, kind = opts["shower_only"], "shower only"
        else:
            required = opts["bath_and_shower"]
            status = Status.PASS if area >= required - EPS else Status.WARN
            yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=area,
                          required=required, unit="m2",
                          message=_area_note(ctx, room) + "; bath or shower not shown on the plan, "
                          f"so the {fmt(required, 1)} m² bath-and-shower minimum is applied",
                          marks=ctx.room_marks(room, low=True))
            continue
        status = at_least(area, required)
        yield Outcome(status, rooms=(room.id,), dwelling=room.dwelling, measured=area,
                      required=required, unit="m2",
                      message=_area_note(ctx, room) + f", {kind} ({why})" + _verdict(status, area, required),
                      marks=ctx.room_marks(room, low=True))
