"""Layout and provision (FP301-FP306): what opens onto what, and what each home has.

PASS (FP301): a bedroom whose only door opens onto the hall.
FAIL (FP301): a bedroom with a door straight into the lounge (the door is drawn).
"""

from __future__ import annotations

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.area import band
from floorplan.rules.base import Option, rule
from floorplan.rules.context import BATHROOMS, COMMUNAL, LIVING, OUTSIDE, WCS


@rule("FP301", "bedroom-opens-onto-communal", schemes=("shared_house",))
def bedroom_opens_onto_communal(ctx, opts):
    """No tenant bedroom has a door straight into a kitchen, living or dining room.

    A hall, landing or lobby between them is fine; rooms that merely share a wall are
    never a violation. Each offending door is drawn.

    PASS: Bedroom -> Hall -> Lounge. FAIL: Bedroom -> Lounge.
    """
    for room in ctx.tenant_bedrooms:
        bad = []
        for did in ctx.m.rooms[room.id].doors:
            link = ctx.m.doors[did]
            if link.connects is None:
                continue
            other = link.connects[1] if link.connects[0] == room.id else link.connects[0]
            o = ctx.rooms_by_id.get(other) if other != OUTSIDE else None
            if o is not None and o.use in COMMUNAL:
                bad.append((link, o))
        marks = list(ctx.room_marks(room))
        if bad:
            marks += [Mark("door", link.door.geometry, label=link.id) for link, _ in bad]
            onto = ", ".join(f"{ctx.label(o)} (door {link.id})" for link, o in bad)
            yield Outcome(Status.FAIL, rooms=(room.id,) + tuple(o.id for _, o in bad),
                          dwelling=room.dwelling, measured=float(len(bad)), required=0.0,
                          unit="doors", message=f"{ctx.label(room)} opens directly into {onto}",
                          marks=tuple(marks))
        else:
            n = len(ctx.m.rooms[room.id].doors)
            text = (f"{ctx.label(room)}: no door into a communal room" if n else
                    f"{ctx.label(room)}: no door shown on the plan")
            yield Outcome(Status.PASS if n else Status.WARN, rooms=(room.id,),
                          dwelling=room.dwelling, measured=0.0, required=0.0, unit="doors",
                          message=text, marks=tuple(marks))


def _has_wc(room) -> bool:
    return (room.properties or {}).get("wc") is not False


@rule("FP302", "bathroom-provision", options=(
    Option("bathrooms", dict, {"1": 1, "4": 2}, "bathrooms by tenants (the row for the largest "
           "count not above the tenants); en-suites count"),
    Option("wcs", dict, {"1": 1, "3": 2, "4": 2}, "WCs by tenants (a bathroom has one unless "
           "the plan says wc: false)"),
    Option("per_flat", int, 1, "bathrooms each self-contained flat needs"),
))
def bathroom_provision(ctx, opts):
    """Enough bathrooms and WCs for the tenants.

    Shared house (ECC): 1-2 tenants at least one bathroom; 3 tenants one bathroom and a
    further WC; 4 tenants two bathrooms (en-suites count). A flat: its own bathroom.

    PASS: 4 tenants, a bathroom and an en-suite. FAIL: 4 tenants, one bathroom and a WC.
    """
    if ctx.scheme == "shared_house":
        n = ctx.tenants
        if n <= 0:
            return
        rooms = list(ctx.plan.rooms)
        baths = [r for r in rooms if r.use in BATHROOMS]
        wcs = [r for r in rooms if r.use in WCS and _has_wc(r)]
        need_b, need_w = int(band(opts["bathrooms"], n)), int(band(opts["wcs"], n))
        ok = len(baths) >= need_b and len(wcs) >= need_w
        text = (f"{n} tenants: {len(baths)} bathroom{'s' * (len(baths) != 1)} and {len(wcs)} WC"
                f"{'s' * (len(wcs) != 1)} in all (bathrooms included); {need_b} bathroom"
                f"{'s' * (need_b != 1)} and {need_w} WC{'s' * (need_w != 1)} required")
        if not ok:
            short = []
            if len(baths) < need_b:
                short.append(f"{need_b - len(baths)} bathroom{'s' * (need_b - len(baths) != 1)}")
            if len(wcs) < need_w:
                short.append(f"{need_w - len(wcs)} WC{'s' * (need_w - len(wcs) != 1)}")
            text += ": " + " and ".join(short) + " short"
        shown = sorted({r.id: r for r in baths + wcs}.values(), key=lambda r: r.id)
        yield Outcome(Status.PASS if ok else Status.FAIL, rooms=tuple(r.id for r in shown),
                      measured=float(len(baths)), required=float(need_b), unit="bathrooms",
                      message=text, marks=ctx.room_marks(*shown))
        return
    for home, rooms in ctx.homes.items():
        baths = [r for r in rooms if r.use in BATHROOMS]
        need = opts["per_flat"]
        ok = len(baths) >= need
        yield Outcome(Status.PASS if ok else Status.FAIL, rooms=tuple(r.id for r in baths),
                      dwelling=home, measured=float(len(baths)), required=float(need),
                      unit="bathrooms",
                      message=f"{ctx.home_label(home)}: {len(baths)} bathroom{'s' * (len(baths) != 1)}; "
                      f"{need} required", marks=ctx.room_marks(*baths))


@rule("FP303", "staff-sleep-in", schemes=("shared_house",))
def staff_sleep_in(ctx, opts):
    """A shared house has a room for staff to sleep in (not a tenant bedroom).

    PASS: a room named "Staff Sleep-in". FAIL: no such room on the plan.
    """
    rooms = [r for r in ctx.plan.rooms if r.use == "staff_sleep_in"]
    if rooms:
        yield Outcome(Status.PASS, rooms=tuple(r.id for r in rooms), measured=float(len(rooms)),
                      required=1.0, unit="rooms",
                      message="staff sleep-in: " + ", ".join(ctx.label(r) for r in rooms),
                      marks=ctx.room_marks(*rooms))
    else:
        yield Outcome(Status.FAIL, measured=0.0, required=1.0, unit="rooms",
                      message="no staff sleep-in room on the plan; one required")


@rule("FP304", "no-office")
def no_office(ctx, opts):
    """No office for staff or landlord inside the home.

    In a shared house any office fails; in a scheme of flats an office inside a flat
    fails, and one in the common parts (no dwelling) is allowed.

    PASS: no room of use ``office``. FAIL: a room named "Staff Office" in a shared house.
    """
    offices = [r for r in ctx.plan.rooms if r.use == "office"
               and (ctx.scheme == "shared_house" or not ctx.plan.dwellings or r.dwelling is not None)]
    for r in offices:
        yield Outcome(Status.FAIL, rooms=(r.id,), dwelling=r.dwelling, measured=1.0, required=0.0,
                      unit="rooms", message=f"{ctx.label(r)} is an office inside the home",
                      marks=ctx.room_marks(r))
    if not offices:
        yield Outcome(Status.PASS, measured=0.0, required=0.0, unit="rooms",
                      message="no office inside the home")


@rule("FP305", "meter-location")
def meter_location(ctx, opts):
    """No gas, electricity or other utility meter inside a tenant bedroom.

    Warns when no meters are drawn at all ("not shown on the plan").

    PASS: meters in the hall cupboard. FAIL: an electricity meter in Bedroom 2.
    """
    if not ctx.tenant_bedrooms:
        return
    if not ctx.plan.meters:
        yield Outcome(Status.WARN, measured=None, unit="meters",
                      message="no utility meters shown on the plan; their location cannot be checked")
        return
    ok_rooms: dict[str, object] = {}
    bad = 0
    for mtr in ctx.plan.meters:
        rooms = ctx.rooms_at(mtr.point, mtr.level)
        beds = [r for r in rooms if r.use == "bedroom"]
        what = f"{mtr.utility or 'utility'} meter"
        if beds:
            bad += 1
            r = beds[0]
            yield Outcome(Status.FAIL, rooms=(r.id,), dwelling=r.dwelling, measured=1.0,
                          required=0.0, unit="meters",
                          message=f"a {what} is inside tenant bedroom {ctx.label(r)}",
                          marks=ctx.room_marks(r) + (Mark("point", mtr.point, label=what),))
        else:
            for r in rooms:
                ok_rooms.setdefault(r.id, r)
    if not bad:
        names = [ctx.label_in_home(r) for r in ok_rooms.values()]
        where = (", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
                 or "outside the rooms drawn")
        yield Outcome(Status.PASS, rooms=tuple(ok_rooms), measured=0.0, required=0.0, unit="meters",
                      message=f"{len(ctx.plan.meters)} meter{'s' * (len(ctx.plan.meters) != 1)}, none "
                      f"in a tenant bedroom ({where})",
                      marks=tuple(Mark("point", m.point, label=m.utility) for m in ctx.plan.meters))


@rule("FP306", "aerial-points")
def aerial_points(ctx, opts):
    """Each tenant bedroom and the living room have a TV aerial point.

    Warns once when no aerial points are drawn at all. The living room is any room of
    use living, living_dining or kitchen_living_dining of the home; one of them with an
    aerial point is enough.

    PASS: an aerial point in every bedroom and the lounge. FAIL: none in Bedroom 3.
    """
    bedrooms = ctx.tenant_bedrooms
    lounges = {home: [r for r in rooms if r.use in LIVING] for home, rooms in ctx.homes.items()}
    if not bedrooms and not any(lounges.values()):
        return
    if not ctx.plan.aerials:
        subjects = [r.id for r in bedrooms] + [r.id for rs in lounges.values() for r in rs]
        yield Outcome(Status.WARN, rooms=tuple(subjects), measured=0.0, unit="points",
                      message="no TV aerial points shown on the plan")
        return
    has: dict[str, object] = {}
    for a in ctx.plan.aerials:
        for r in ctx.rooms_at(a.point, a.level):
            has.setdefault(r.id, a)
    for r in bedrooms:
        ok = r.id in has
        marks = ctx.room_marks(r) + ((Mark("point", has[r.id].point, label="aerial"),) if ok else ())
        yield Outcome(Status.PASS if ok else Status.FAIL, rooms=(r.id,), dwelling=r.dwelling,
                      measured=float(ok), required=1.0, unit="points",
                      message=f"{ctx.label(r)}: " + ("TV aerial point shown" if ok else "no TV aerial point"),
                      marks=marks)
    for home, rooms in lounges.items():
        if not rooms:
            continue
        with_aerial = [r for r in rooms if r.id in has]
        ok = bool(with_aerial)
        shown = with_aerial or rooms
        names = ", ".join(ctx.label(r) for r in shown)
        yield Outcome(Status.PASS if ok else Status.FAIL, rooms=tuple(r.id for r in shown),
                      dwelling=home, measured=float(len(with_aerial)), required=1.0, unit="points",
                      message=f"{names}: " + ("TV aerial point shown" if ok else "no TV aerial point"),
                      marks=ctx.room_marks(*shown))
