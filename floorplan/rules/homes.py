"""What each home has (FP307-FP309): a self-contained flat's own rooms and door, bedsits,
en-suites.

The ECC standard defines a flat as "self-contained accommodation ... Own bedroom,
kitchen, living area, bathroom, own entrance", discourages bedsits ("combined sleeping
and living areas discouraged due to lack of demand"), and in shared houses prefers
bedrooms with an en-suite, looked at case by case.

PASS (FP308): a flat with a bedroom of its own. WARN (FP308): a studio flat whose one
room is its living room and bedroom.
"""

from __future__ import annotations

import re

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import rule
from floorplan.rules.context import BATHROOMS, LIVING, OUTSIDE

KITCHENS = frozenset({"kitchen", "kitchen_dining", "kitchen_living_dining"})

#: names of a room that is living room and bedroom at once
_BEDSIT = re.compile(r"\bbed[\s-]?sit|\bstudio\b|\bbed[\s-]?sitting|\bliving\s*/\s*(bed|sleep)"
                     r"|\b(bed|sleep\w*)\s*/\s*living", re.I)


def bedsit_room(ctx, rooms):
    """The room of a home that is both its living room and its bedroom, or ``None``.

    A home with a tenant bedroom has none. Otherwise: a room named as a bedsit or studio
    ("Bedsit", "Studio", "Bed-sitting room", "Living/Bed"), else the home's only living
    room (use ``living``, ``living_dining`` or ``kitchen_living_dining``): with no bedroom,
    the tenant sleeps there.
    """
    if any(r.use == "bedroom" for r in rooms):
        return None
    named = [r for r in rooms if r.name and _BEDSIT.search(r.name)]
    if named:
        return named[0]
    living = [r for r in rooms if r.use in LIVING]
    return living[0] if len(living) == 1 else None


def _own_entrances(ctx, home, rooms) -> list:
    """The home's entrance doors that are its own: marked on the plan, or leading outside
    or into common parts (a room in no dwelling), not into another home."""
    out = []
    for link, room in ctx.entrances(home):
        other = ctx.other_side(link, room.id)
        o = ctx.rooms_by_id.get(other) if other not in (None, OUTSIDE) else None
        if link.door.entrance or other == OUTSIDE or (o is not None and o.dwelling is None):
            out.append(link)
    return out


def unknown_rooms(rooms) -> list:
    """Rooms whose use could not be told from their names (FP004): any of them may be the
    room a rule finds missing, so a rule says "to review", not "not met"."""
    return [r for r in rooms if r.use == "other" and not r.use_given]


def _kitchens(ctx, rooms) -> list:
    """Kitchens: rooms of a kitchen use, else rooms with kitchen units drawn in them."""
    found = [r for r in rooms if r.use in KITCHENS]
    return found or [r for r in rooms if any(o.kind == "kitchen_unit" for o in ctx.obstacles_in(r))]


@rule("FP307", "self-contained-flat", schemes=("flat", "flats_scheme"))
def self_contained_flat(ctx, opts):
    """Each flat is self-contained: its own bedroom, kitchen, living area, bathroom and
    entrance door; the finding names what is missing.

    The ECC standard defines flats as "self-contained accommodation in a block/cluster or
    in subdivided house. Own bedroom, kitchen, living area, bathroom, own entrance". In
    the flat's rooms: a tenant bedroom (in a bedsit the living room is slept in: that
    counts here, and FP308 warns); a kitchen (use ``kitchen``, ``kitchen_dining`` or
    ``kitchen_living_dining``, or kitchen units drawn in a room); a living area (``living``,
    ``living_dining``, ``kitchen_living_dining``); a bathroom, shower room, wet room or
    en-suite; and an entrance door of its own: a door marked ``entrance``, or one leading
    outside or into the common parts (a room in no dwelling), not into another flat. A
    flat with no doors drawn at all warns that its entrance is not shown on the plan. A
    flat lacking a room while some of its rooms are of unknown use (FP004) warns: the
    missing room may be one of them. So does a flat with no entrance of its own while a
    room of unknown use in it is entered by a door: that room may be the common parts (a
    landing, a stair) read as the flat's, and its door the entrance.
    Each flat of a scheme is checked (a plan of one flat is that flat).

    PASS: a flat with a bedroom, a kitchen/living room, a shower room and a front door
    from the common corridor. FAIL: a flat whose only bathroom is across the corridor.
    """
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        beds = [r for r in rooms if r.use == "bedroom"]
        bedsit = None if beds else bedsit_room(ctx, rooms)
        parts = [
            ("bedroom", beds or ([bedsit] if bedsit is not None else [])),
            ("kitchen", _kitchens(ctx, rooms)),
            ("living area", [r for r in rooms if r.use in LIVING]),
            ("bathroom", [r for r in rooms if r.use in BATHROOMS]),
        ]
        has_doors = any(ctx.m.rooms[r.id].doors for r in rooms)
        doors = _own_entrances(ctx, home, rooms) if has_doors else []
        have, missing = [], []
        for what, found in parts:
            if found:
                names = ", ".join(ctx.label(r) for r in found)
                if what == "bedroom" and bedsit is not None:
                    names += ", slept in: a bedsit"
                have.append(f"{what} ({names})")
            else:
                missing.append(what)
        if doors:
            have.append(f"entrance door ({', '.join(lk.id for lk in doors)})")
        elif has_doors:
            missing.append("entrance door of its own")
        shown = [r for _, found in parts for r in found]
        marks = ctx.room_marks(*dict.fromkeys(shown)) + tuple(
            Mark("door", lk.door.geometry, label=lk.id) for lk in doors)
        n = len(have)
        unknown = unknown_rooms(rooms)
        if missing:
            status = Status.FAIL
            own = "entrance door of its own"
            rooms_missing = [m for m in missing if m != own]
            # a room of unknown use that a door leads into may be the common parts (a
            # landing, a stair, a corridor) read as the flat's: its door the entrance
            entered = [r for r in unknown if ctx.m.rooms[r.id].doors] if own in missing else []
            said = rooms_missing if entered else missing
            text = f"{label}: no {', no '.join(said)}" if said else f"{label}:"
            if have:
                text += f"{';' if said else ''} it has its own {', '.join(have)}"
            if unknown and rooms_missing:
                status = Status.WARN
                text += (f"; {len(unknown)} room{'s' * (len(unknown) != 1)} of unknown use "
                         f"({', '.join(ctx.label(r) for r in unknown[:4])}) may be "
                         f"{'them' if len(rooms_missing) > 1 else 'it'}: name them to check")
            if entered:
                status = Status.WARN
                text += ("; " if said or have else " ") + (
                    "its entrance cannot be told: no door leads outside or into common parts, "
                    f"but {len(entered)} room{'s' * (len(entered) != 1)} of unknown use entered "
                    f"by a door ({', '.join(ctx.label(r) for r in entered[:4])}"
                    f"{' and more' if len(entered) > 4 else ''}) may be common parts (a "
                    "landing, a stair, a corridor) outside the flat: name "
                    f"{'them' if len(entered) > 1 else 'it'} to check")
        elif not has_doors:
            status = Status.WARN
            text = (f"{label}: its own {', '.join(have)}; its entrance door is not shown on the "
                    "plan (no doors drawn)")
        else:
            status = Status.PASS
            text = f"{label}: its own " + ", ".join(have[:-1]) + f" and {have[-1]}"
        yield Outcome(status, rooms=tuple(r.id for r in dict.fromkeys(shown)), dwelling=home,
                      measured=float(n), required=5.0, unit="of 5", message=text, marks=marks)


@rule("FP308", "bedsit", schemes=("flat", "flats_scheme"))
def bedsit(ctx, opts):
    """A flat whose only habitable room is both its living room and its bedroom (a bedsit)
    is discouraged: warn, to be reviewed.

    A flat with a tenant bedroom of its own passes. A flat with no bedroom is a bedsit
    when a room is named as one ("Bedsit", "Studio", "Bed-sitting room", "Living/Bed") or
    when it has exactly one living room (``living``, ``living_dining`` or
    ``kitchen_living_dining``): the tenant sleeps there. A flat with neither a bedroom
    nor a living room is not applicable here (FP307 says what it lacks).

    PASS: a flat with a bedroom and a kitchen/living room. WARN: a studio flat: one
    kitchen/living/bedroom, a shower room and a hall.
    """
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        beds = [r for r in rooms if r.use == "bedroom"]
        if beds:
            names = ", ".join(ctx.label(r) for r in beds)
            yield Outcome(Status.PASS, rooms=tuple(r.id for r in beds), dwelling=home,
                          measured=float(len(beds)), unit="bedrooms",
                          message=f"{label}: a bedroom of its own ({names}), not a bedsit",
                          marks=ctx.room_marks(*beds))
            continue
        room = bedsit_room(ctx, rooms)
        if room is None:
            yield Outcome(Status.NOT_APPLICABLE, dwelling=home, unit="bedrooms", measured=0.0,
                          message=f"{label}: no bedroom and no single living room shown, so not "
                          "a bedsit (what the flat lacks is FP307's)")
            continue
        yield Outcome(Status.WARN, rooms=(room.id,), dwelling=home, measured=0.0, required=1.0,
                      unit="bedrooms",
                      message=f"{label}: a bedsit: {ctx.label(room)} is both its living room and "
                      "its bedroom (no separate bedroom); bedsits are discouraged, reviewed case "
                      "by case", marks=ctx.room_marks(room))


def ensuites_of(ctx, bedroom) -> list:
    """The bathrooms (bathroom, shower room, wet room, en-suite) whose every door opens
    into ``bedroom``: reached only through it, so they are its en-suites."""
    out = []
    for other_id in ctx.m.rooms[bedroom.id].opens_onto:
        other = ctx.rooms_by_id.get(other_id)
        if other is None or other.use not in BATHROOMS:
            continue
        if set(ctx.m.rooms[other.id].opens_onto) == {bedroom.id}:
            out.append(other)
    return out


@rule("FP309", "ensuite-preferred", schemes=("shared_house",))
def ensuite_preferred(ctx, opts):
    """In a shared house each tenant bedroom preferably has an en-suite (advisory).

    The ECC standard: "The preferred option would be for bedrooms to have an en-suite",
    looked at case by case for the occupant's privacy. A bedroom passes when a bathroom,
    shower room, wet room or en-suite opens only into it (its every door leads into the
    bedroom); one without warns, to be reviewed. A bedroom with no door shown warns too:
    whether a bathroom is its own cannot be told.

    PASS: Bedroom 1 with a wet room whose only door opens into it. WARN: a bedroom whose
    nearest bathroom opens off the landing.
    """
    for room in ctx.tenant_bedrooms:
        marks = ctx.room_marks(room)
        if not ctx.m.rooms[room.id].doors:
            yield Outcome(Status.WARN, rooms=(room.id,), dwelling=room.dwelling, unit="rooms",
                          message=f"{ctx.label(room)}: no door shown on the plan, so an en-suite "
                          "cannot be told; an en-suite is preferred", marks=marks)
            continue
        own = ensuites_of(ctx, room)
        if own:
            names = ", ".join(ctx.label(r) for r in own)
            yield Outcome(Status.PASS, rooms=(room.id,) + tuple(r.id for r in own),
                          dwelling=room.dwelling, measured=float(len(own)), required=1.0,
                          unit="rooms", message=f"{ctx.label(room)}: en-suite {names}",
                          marks=ctx.room_marks(room, *own))
        else:
            yield Outcome(Status.WARN, rooms=(room.id,), dwelling=room.dwelling, measured=0.0,
                          required=1.0, unit="rooms",
                          message=f"{ctx.label(room)}: no en-suite (a bathroom opening only into "
                          "the bedroom); an en-suite is preferred, reviewed case by case",
                          marks=marks)
