"""Layout and provision (FP301-FP306): what opens onto what, and what each home has.

PASS (FP301): a bedroom whose only door opens onto the hall.
FAIL (FP301): a bedroom with a door straight into the lounge (the door is drawn).
"""

from __future__ import annotations

import re

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.area import band
from floorplan.rules.base import Option, rule
from floorplan.rules.context import (
    BATHROOMS,
    COMMUNAL,
    LIVING,
    OUTSIDE,
    SCHEME_WORDS,
    STAFF_ROOMS,
    WCS,
)


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


_STAFF_WORD = re.compile(r"\bstaff\b", re.I)


def _staff_named(room) -> bool:
    """Named or marked as staff provision ("Staff WC", ``staff: true``)."""
    flag = (room.properties or {}).get("staff")
    if isinstance(flag, bool):
        return flag
    return bool(_STAFF_WORD.search(room.name or ""))


def provision(ctx, rooms) -> tuple[list, dict[str, list], list[tuple[object, str]]]:
    """Split a shared house's bathrooms and WCs: ``(shared, private, staff)``.

    *staff*: named or marked as staff (``Staff WC``, ``staff: true``), or reached only
    through a staff sleep-in room or an office; each with why. *private*: reached only
    through one tenant bedroom (an en-suite), by that bedroom's id; an ``ensuite`` whose
    bedroom is not shown (no door drawn) is private to an unknown tenant (key ``None``).
    *shared*: the rest, including any with no door drawn.
    """
    shared: list = []
    private: dict = {}
    staff: list = []
    for r in rooms:
        if r.use not in WCS:
            continue
        if _staff_named(r):
            staff.append((r, "named as staff"))
            continue
        gate = ctx.reached_only_through(r, lambda o: o.use in STAFF_ROOMS or o.use == "bedroom")
        if gate is not None and gate.use in STAFF_ROOMS:
            staff.append((r, f"reached only through {ctx.label(gate)}"))
        elif gate is not None:
            private.setdefault(gate.id, []).append(r)
        elif r.use == "ensuite" and not ctx.m.rooms[r.id].doors:
            private.setdefault(None, []).append(r)
        else:
            shared.append(r)
    return shared, private, staff


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


@rule("FP302", "bathroom-provision", options=(
    Option("bathrooms", dict, {"1": 1, "4": 2}, "bathrooms by tenants (the row for the largest "
           "count not above the tenants)"),
    Option("wcs", dict, {"1": 1, "3": 2, "4": 2}, "WCs by tenants (a bathroom has one unless "
           "the plan says wc: false)"),
    Option("per_flat", int, 1, "bathrooms each self-contained flat needs"),
    Option("wcs_by_bedspaces", dict, None, "M4(3) form: WCs each home needs by its bedspaces "
           "(the row for the largest count not above them); set, it replaces the tenants' "
           "ratio"),
    Option("double_area", float, 12.5, "M4(3) form: a bedroom of this counted area (m²) or "
           "more is a double (two bedspaces)"),
    Option("clause", str, None, "M4(3) form: the clause cited, {row} the bedspace row"),
))
def bathroom_provision(ctx, opts):
    """Enough bathrooms and WCs for the tenants.

    Shared house (ECC): 1-2 tenants at least one bathroom; 3 tenants one bathroom and a
    further WC; 4 tenants two bathrooms (with two WCs). Only the tenants' provision
    counts:

    * *staff provision* does not count: a bathroom or WC named or marked as staff
      (``Staff WC``, ``staff: true``), or reached only through a staff sleep-in room or
      an office;
    * a tenant's *en-suite* (reached only through their bedroom, or an ``ensuite`` whose
      door is not drawn) serves that tenant. Where the shared bathrooms and WCs meet the
      ratio for every tenant, it is met; where they meet it only for the tenants without
      an en-suite, it is **to review** (the en-suites are what make it pass, and whether
      a private en-suite stands in for shared provision is the assessor's call); else it
      is not met.

    "Reached only through" follows the doors drawn (a cupboard or WC off an en-suite is
    walked through to the bedroom); a bathroom with no door drawn counts as shared. A
    flat: its own bathroom.

    M4(3) (``wcs_by_bedspaces``): per home, by bedspaces rather than tenants: 1 WC, and
    2 from 4 bedspaces; see :mod:`floorplan.rules.wcs`.

    PASS: 3 tenants, a shared bathroom and a separate WC.
    FAIL: 3 tenants, one shared bathroom and no separate WC, the only other bathroom an
    en-suite off the staff sleep-in room (staff provision, not counted).
    WARN: 2 tenants with en-suites and 4 in all, one shared bathroom (met only for the
    2 tenants without one).
    M4(3) PASS: two double bedrooms (4 bedspaces), a bathroom and a WC. FAIL: the same
    with the bathroom only (1 WC of 2).
    """
    if opts["wcs_by_bedspaces"]:
        from floorplan.rules.wcs import by_bedspaces

        yield from by_bedspaces(ctx, opts)
        return
    if ctx.scheme == "shared_house":
        n = ctx.tenants
        if n <= 0:
            return
        shared, private, staff = provision(ctx, ctx.plan.rooms)
        baths = [r for r in shared if r.use in BATHROOMS]
        wcs = [r for r in shared if _has_wc(r)]

        def needs(k: int) -> tuple[int, int]:
            return (int(band(opts["bathrooms"], k)), int(band(opts["wcs"], k))) if k > 0 else (0, 0)

        need_b, need_w = needs(n)
        with_own = min(n, len([k for k in private if k is not None]) + len(private.get(None, [])))
        rest = n - with_own
        rest_b, rest_w = needs(rest)
        parts = [f"{_plural(len(baths), 'shared bathroom')} and {_plural(len(wcs), 'WC')} in all "
                 "(bathrooms included)"]
        own = []
        for bed, rs in private.items():
            owner = ctx.label(ctx.rooms_by_id[bed]) + "'s" if bed is not None else "a bedroom not shown"
            own += [f"{ctx.label(r)} ({owner} en-suite)" for r in rs]
        if own:
            parts.append("serving one tenant each: " + ", ".join(own))
        if staff:
            parts.append("staff provision, not counted: " + ", ".join(
                f"{ctx.label(r)} ({why})" for r, why in staff))
        head = f"{n} tenants: " + "; ".join(parts)
        short_of = None  # (unit, measured, required) where the WCs, not the bathrooms, fall short
        if len(baths) >= need_b and len(wcs) >= need_w:
            status = Status.PASS
            text = f"{head}; {_plural(need_b, 'bathroom')} and {_plural(need_w, 'WC')} required"
            required = need_b
        elif own and len(baths) >= rest_b and len(wcs) >= rest_w:
            status = Status.WARN
            required = rest_b
            whom = (f"met only for the {rest} tenant{'s' * (rest != 1)} without an en-suite "
                    f"({_plural(rest_b, 'bathroom')} and {_plural(rest_w, 'WC')})" if rest else
                    "met only because every tenant has an en-suite")
            text = (f"{head}; for all {n} tenants {_plural(need_b, 'bathroom')} and "
                    f"{_plural(need_w, 'WC')} would be required: {whom}, so the en-suites make "
                    "it pass: to review")
        else:
            status = Status.FAIL
            need_b2, need_w2 = (rest_b, rest_w) if own else (need_b, need_w)
            required = need_b2
            if len(baths) >= need_b2:  # the bathrooms are enough: the WCs are what is short
                short_of = ("WCs", float(len(wcs)), float(need_w2))
            who = f"the {rest} tenants without an en-suite" if own else f"{n} tenants"
            short = []
            if len(baths) < need_b2:
                short.append(_plural(need_b2 - len(baths), "bathroom"))
            if len(wcs) < need_w2:
                short.append(_plural(need_w2 - len(wcs), "WC"))
            text = (f"{head}; {_plural(need_b2, 'bathroom')} and {_plural(need_w2, 'WC')} "
                    f"required for {who}: " + " and ".join(short) + " short")
        shown = list({r.id: r for r in shared + [r for rs in private.values() for r in rs]}.values())
        unit, measured, req = short_of or ("bathrooms", float(len(baths)), float(required))
        yield Outcome(status, rooms=tuple(r.id for r in shown), measured=measured,
                      required=req, unit=unit, message=text, marks=ctx.room_marks(*shown))
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
    fails, and one in the common parts (no dwelling) is allowed. When the scheme is only
    assumed (not given) and the plan marks no dwellings, an office is inside the home only
    where the plan shows a home round it: on a plan with no bedroom (a teaching building,
    an office floor) or on a level where no room of a home is (no bedroom, kitchen, living
    room or bathroom: the shops or offices under a flat), it may be another part of the
    building, so it is to review, never not met.

    PASS: no room of use ``office``. FAIL: a room named "Staff Office" in a shared house.
    WARN: an office on the ground floor of an undeclared plan whose bedrooms are upstairs.
    """
    offices = [r for r in ctx.plan.rooms if r.use == "office"
               and (ctx.scheme == "shared_house" or not ctx.plan.dwellings or r.dwelling is not None)]
    for r in offices:
        doubt = _office_apart(ctx, r)
        yield Outcome(Status.WARN if doubt else Status.FAIL, rooms=(r.id,), dwelling=r.dwelling,
                      measured=1.0, required=0.0, unit="rooms",
                      message=f"{ctx.label(r)} is an office" + (f", {doubt}" if doubt
                                                                 else " inside the home"),
                      marks=ctx.room_marks(r))
    if not offices:
        yield Outcome(Status.PASS, measured=0.0, required=0.0, unit="rooms",
                      message="no office inside the home")


#: the uses of a home's own rooms: a level holding none of them holds no part of the home
HOME_USES = frozenset({"bedroom", "staff_sleep_in"}) | COMMUNAL | BATHROOMS


def _office_apart(ctx, office) -> str:
    """Why ``office`` may lie outside the home ("" when it is inside): only when the
    scheme was assumed and the plan marks no dwellings, and then when the plan holds no
    bedroom, or the office's level none of a home's rooms."""
    if ctx.plan.meta.scheme or ctx.plan.dwellings:
        return ""
    rooms = ctx.plan.rooms
    if not any(r.use in ("bedroom", "staff_sleep_in") for r in rooms):
        return (f"but the plan shows no bedroom and is only assumed to be {SCHEME_WORDS.get(ctx.scheme, ctx.scheme)}: "
                "it may not be a home at all; state the scheme (--scheme) if it is")
    if not any(r.use in HOME_USES and r.level == office.level for r in rooms):
        return (f"on level {office.level:g}, where no room of a home is (no bedroom, kitchen, "
                "living room or bathroom): it may be another part of the building, under or "
                "beside the home; state the scheme (--scheme) if the whole plan is the home")
    return ""


@rule("FP305", "meter-location")
def meter_location(ctx, opts):
    """No gas, electricity or other utility meter inside a tenant bedroom.

    A meter in a room whose only way in is through one tenant bedroom (a cupboard or an
    en-suite opening off it, by the doors drawn) is in that bedroom for this rule, and
    **fails**: the plan shows that reading the meter means entering the tenant's room,
    which is what the requirement is there to prevent; a separate door from the hall or
    outside would change the verdict, and it is not drawn. It is not a point to review
    because nothing about it is unknown: the doors are on the plan. (A cupboard with no
    door drawn is not taken to open off the bedroom.) Warns when no meters are drawn at
    all ("not shown on the plan").

    PASS: meters in the hall cupboard. FAIL: an electricity meter in Bedroom 2; a gas
    meter in a cupboard whose only door opens off Bedroom 2.
    """
    if not ctx.tenant_bedrooms:
        return
    if not ctx.plan.meters:
        yield Outcome(Status.WARN, measured=None, unit="meters",
                      message="no utility meters shown on the plan; their location cannot be checked")
        return
    ok_rooms: dict[str, object] = {}
    bad = 0

    def tenant_bedroom(o) -> bool:
        return o.use == "bedroom"

    for mtr in ctx.plan.meters:
        rooms = ctx.rooms_at(mtr.point, mtr.level)
        what = f"{mtr.utility or 'utility'} meter"
        a = "an" if what[0] in "aeiou" else "a"
        beds = [r for r in rooms if tenant_bedroom(r)]
        via = None
        if not beds:
            for r in rooms:
                gate = ctx.reached_only_through(r, tenant_bedroom)
                if gate is not None:
                    beds, via = [gate], r
                    break
        if beds:
            bad += 1
            r = beds[0]
            point = (Mark("point", mtr.point, label=what),)
            if via is None:
                yield Outcome(Status.FAIL, rooms=(r.id,), dwelling=r.dwelling, measured=1.0,
                              required=0.0, unit="meters",
                              message=f"{a} {what} is inside tenant bedroom {ctx.label(r)}",
                              marks=ctx.room_marks(r) + point)
            else:
                yield Outcome(Status.FAIL, rooms=(r.id, via.id), dwelling=r.dwelling, measured=1.0,
                              required=0.0, unit="meters",
                              message=f"{a} {what} is in {ctx.label(via)}, whose only way in is "
                              f"through tenant bedroom {ctx.label(r)}: reading it means entering "
                              "the tenant's room", marks=ctx.room_marks(r, via) + point)
        else:
            for r in rooms:
                ok_rooms.setdefault(r.id, r)
    if not bad:
        names = [ctx.label_in_home(r) for r in ok_rooms.values()]
        where = (", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
                 or "outside the rooms drawn")
        yield Outcome(Status.PASS, rooms=tuple(ok_rooms), measured=0.0, required=0.0, unit="meters",
                      message=f"{len(ctx.plan.meters)} meter{'s' * (len(ctx.plan.meters) != 1)}, none "
                      f"in a tenant bedroom or reached only through one ({where})",
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
