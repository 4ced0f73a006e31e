"""What the reader is unsure of, and what that leaves of the verdict.

A confident wrong verdict is the worst thing floorplan can produce. A reading carries its
doubts: rooms whose use is unknown (no name, or a name that does not say what the room
is), rooms the reader is not sure of (``low`` or ``medium`` confidence, with the
reason), units assumed or contradicted by the drawing, views of the sheet set aside or
read although they do not look like floor plans, labels that name no room.
:func:`doubts` lists them; every report shows them under its headline.

They change the verdict in two ways (:func:`~floorplan.tempering.temper`, :func:`unassessable`):

* A rule that counts, sums or looks for rooms by use over a home (bathrooms for the
  tenants, a staff sleep-in room, no office, the flat's area for its bedspaces...) can
  neither pass nor fail while that home has rooms of unknown use or rooms of low
  confidence: any of them may be the room the rule looks for. Its finding becomes
  ``warn`` ("to review"), saying what it would have been and which rooms leave it
  undecided. A rule that judges single rooms picked by use (this bedroom's area, that
  hall's width) stands for rooms of known use, unless the room judged is itself of low
  confidence. A rule that judges a room by the rooms its doors lead into
  (:data:`BY_NEIGHBOURS`) is undecided only by a room of unknown use a door joins to it,
  and only when it would pass. A rule that counts only the rooms people sleep in
  (:data:`BY_BEDS`: a staff sleep-in room, the tenancies, a double bedroom) is undecided
  only by rooms of unknown use that a bed could stand in: a room no single bed fits
  (:func:`holds_no_bed`: a cupboard, a duct, a 0.8 m wide passage) is no bedroom,
  whatever its name. Rules that do not depend on use (door widths, scheme size) stand.
  A room label in no room (the reader's FP010: a room the drawing labels that the
  reading lost) leaves every rule by use over a home undecided, whatever its name: the
  room not read may be the one the rule looks for. So does a door that leads into a space
  the reading does not hold (:func:`unread_doors`: no room within reach of it, or a space
  inside the building read as no room): the drawing has a room there that was lost. So
  do stairs or a landing in a home whose rooms all lie on one level (:func:`other_floor`):
  the home goes on to a floor the plan does not show.
* When the rooms of known use cover less than :data:`KNOWN_SHARE` of the floor, or the
  rooms of low confidence cover more than it, or the room labels in no room outnumber
  the rooms read, the plan *cannot be assessed from this drawing*: the result is ``cannot_assess``, never "met" or "not met", and the exit code
  is 1 (not 0: a requirement not shown to be met is not met for a pipeline). The
  report's summary names what could not be read.

>>> from shapely.geometry import box
>>> from floorplan.model import Plan, Room, Use
>>> plan = Plan(rooms=(Room("R1", "", Use.OTHER, box(0, 0, 4, 3)),
...                    Room("R2", "Bedroom", Use.BEDROOM, box(4, 0, 6, 3))))
>>> [d.kind for d in doubts(plan)]
['unknown_use']
>>> unassessable(plan)  # the unnamed room is 12 of the 18 m²
['the use of 1 of 2 rooms could not be read (R1: no name): the rooms of known use cover 33 % of the floor']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from floorplan.model import Doubt, Plan, Room, Use

#: the kinds of doubt, in the order reports list them
KINDS = ("unknown_use", "low_confidence", "medium_confidence", "units", "view", "label",
         "door", "floor", "storey")

#: a plan can be assessed only when the rooms of known use cover at least this share of
#: its floor, and the rooms of low confidence no more than this share: below it, the
#: rooms the rules look for are as likely among the unread rooms as among the read ones
KNOWN_SHARE = 0.5

#: rules that count, sum or look for rooms by use over a home (or need the tenants or
#: bedspaces, which are counted from the bedrooms): undecided while the home has rooms of
#: unknown use or low confidence
BY_USE_HOME = frozenset({
    "FP103", "FP104", "FP108", "FP109", "FP302", "FP303", "FP304", "FP305",
    "FP306", "FP307", "FP308", "FP309", "FP310", "FP311", "FP312", "FP402", "FP404",
    "FP208",
})
#: rules that judge single rooms picked by their use: they stand for rooms of known use
#: unless the room judged is of low confidence
BY_USE_ROOM = frozenset({"FP101", "FP102", "FP105", "FP106", "FP107", "FP201", "FP203",
                         "FP204", "FP207"})
#: rules that judge one room by the rooms its doors lead into (a tenant's bedroom opening
#: onto a kitchen): a room of unknown use changes them only when a door joins it to the
#: room judged, and only a pass (a door found onto a communal room stays found)
BY_NEIGHBOURS = frozenset({"FP301"})
#: rules of :data:`BY_USE_HOME` that count only the rooms people sleep in (tenant bedrooms,
#: staff sleep-in rooms, their bedspaces): a room of unknown use that no bed fits in
#: cannot change them
BY_BEDS = frozenset({"FP109", "FP303", "FP402", "FP404"})
#: the smallest bed a room must hold to be slept in: a UK single bed, 90 x 190 cm (the
#: small single, 75 cm, is a child's bed); a room narrower than its width, or of less
#: floor than the bed itself, holds none
BED = (0.9, 1.9)
#: rules whose fail names a room of known use that breaks them by itself (an office inside
#: the home): no room of unknown use elsewhere can make it met, so only a doubt about the
#: rooms it names leaves it open; a pass is undecided as for any rule by use over a home
FAIL_STANDS = frozenset({"FP304"})
#: rules that do not depend on what the rooms are used for (the input checks FP0xx too)
NOT_BY_USE = frozenset({"FP202", "FP205", "FP206", "FP401", "FP403"})
# a rule in none of these sets is taken as counting by use over a home (the cautious
# reading) until it is listed

#: rooms named in a doubt before "and N more"
SHOWN = 6
_FIGURES = re.compile(r"-?\d+(?:\.\d+)?")


def unknown_use(rooms: Iterable[Room]) -> list[Room]:
    """Rooms whose use could not be read: ``other``, and not stated by the plan."""
    return [r for r in rooms if r.use == Use.OTHER and not r.use_given]


def holds_no_bed(room: Room) -> bool:
    """True when no single bed (:data:`BED`) can stand in ``room``: its floor is smaller
    than the bed, or no circle as wide as the bed fits in it (both are needed for the bed
    to fit, so either failing proves it does not; a room that passes both may still hold
    none, and is then kept as a room that might be slept in).

    >>> from shapely.geometry import box
    >>> from floorplan.model import Room, Use
    >>> holds_no_bed(Room("C", "", Use.OTHER, box(0, 0, 0.8, 3)))   # 0.8 m wide
    True
    >>> holds_no_bed(Room("C", "", Use.OTHER, box(0, 0, 1.2, 1.2)))  # 1.44 m² of floor
    True
    >>> holds_no_bed(Room("R", "", Use.OTHER, box(0, 0, 1, 2)))      # a bed fits, just
    False
    """
    width, length = BED
    poly = room.polygon
    # a millimetre's grace: a room drawn exactly a bed's size holds it
    return (poly.area < (width - 0.001) * (length - 0.001)
            or poly.buffer(-(width - 0.001) / 2, join_style="mitre").is_empty)


#: the FP010 that sums the labels in no room past those listed one by one
_MORE_LABELS = re.compile(r"^(\d+) more labels lie in no room")


def lost_labels(plan: Plan) -> int:
    """How many room labels lie in no room (the reader's FP010 findings): rooms the
    drawing labels that the reading does not hold. Each may be a room a rule over its
    home looks for (a bathroom, a bedroom), so such a rule is undecided while there are
    any (:func:`~floorplan.tempering.temper`); a reading that holds fewer rooms than there are such labels
    cannot be assessed (:func:`unassessable`)."""
    n = 0
    for f in plan.findings:
        if f.code == "FP010":
            m = _MORE_LABELS.match(f.message)
            n += int(m.group(1)) if m else 1
    return n


def lost_floor(plan: Plan) -> float:
    """The floor inside the walls that no room read holds, in m² (the reader's FP014):
    rooms the reading may have lost, as a label in no room is one."""
    return sum(f.measured or 0.0 for f in plan.findings if f.code == "FP014")


def unread_doors(links: Iterable) -> tuple[str, ...]:
    """The ids of the doors (measured :class:`~floorplan.doorlinks.DoorLink` s) that lead
    into a space the reading does not hold: each is a room of the drawing that was lost,
    and may be the room a rule over its home looks for."""
    return tuple(link.id for link in links if getattr(link, "unread", False))


def other_floor(rooms: list[Room]) -> list[Room]:
    """The stairs and landings of ``rooms`` when they all lie on one level: the home goes
    on to a floor the plan does not show (the ground floor of a house drawn alone, with
    its stair), and the rooms up there (a bathroom, the bedrooms) may be the ones a rule
    over the home looks for."""
    if not rooms or len({r.level for r in rooms}) != 1:
        return []
    return [r for r in rooms if r.use in (Use.STAIRS, Use.LANDING)]


def storey_text(stairs: list[Room]) -> str:
    shown = [f"{r.id} {r.name.strip()!r}" if r.name.strip() else r.id for r in stairs[:SHOWN]]
    more = len(stairs) - SHOWN
    which = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return (f"the plan shows one floor, and it has a stair or landing ({which}): the home "
            "goes on to a floor not shown")


def door_ids_text(ids: tuple[str, ...]) -> str:
    more = len(ids) - SHOWN
    return ", ".join(ids[:SHOWN]) + (f" and {more} more" if more > 0 else "")


def _doors_text(ids: tuple[str, ...]) -> str:
    n, shown = len(ids), door_ids_text(ids)
    if n == 1:
        return (f"1 door leads into a space not read as a room ({shown}, FP005): the room "
                "behind it was not read")
    return (f"{n} doors lead into spaces not read as rooms ({shown}, FP005): the rooms behind "
            "them were not read")


def labels_text(n: int) -> str:
    return f"{n} room label{'s lie' if n != 1 else ' lies'}"


def ids_text(rooms: list[Room]) -> str:
    ids = [r.id for r in rooms]
    more = len(ids) - SHOWN
    return ", ".join(ids[:SHOWN]) + (f" and {more} more" if more > 0 else "")


def _unknown_text(unknown: list[Room], total: int) -> str:
    unnamed = sum(1 for r in unknown if not r.name.strip())
    named = len(unknown) - unnamed
    why = []
    if unnamed:
        why.append("no name" if unnamed == len(unknown) else f"{unnamed} with no name")
    if named:
        why.append("a name that does not say what the room is" if named == len(unknown)
                   else f"{named} with a name that does not say what the room is")
    return (f"the use of {len(unknown)} of {total} room{'s' * (total != 1)} could not be read "
            f"({ids_text(unknown)}: {', '.join(why)})")


def doubts(plan: Plan, doors: tuple[str, ...] = ()) -> tuple[Doubt, ...]:
    """Everything the reading of ``plan`` is unsure of, by kind (:data:`KINDS`); ``doors``
    the ids of the doors into spaces not read (:func:`unread_doors`)."""
    out: list[Doubt] = []
    rooms = list(plan.rooms)
    unknown = unknown_use(rooms)
    if unknown:
        out.append(Doubt("unknown_use", _unknown_text(unknown, len(rooms)),
                         tuple(r.id for r in unknown)))
    for level in ("low", "medium"):
        # reasons alike but for their figures (a gap's width and place) are listed once
        by_reason: dict[str, list[Room]] = defaultdict(list)
        for r in rooms:
            if r.confidence == level:
                by_reason[_FIGURES.sub("#", r.confidence_reason or "")].append(r)
        for rs in by_reason.values():
            reason = rs[0].confidence_reason or "no reason given"
            if len(rs) > 1 and any(r.confidence_reason != reason for r in rs):
                reason += f" ({rs[0].id}; the others alike)"
            out.append(Doubt(f"{level}_confidence",
                             f"{len(rs)} room{'s' * (len(rs) != 1)} of {level} confidence "
                             f"({ids_text(rs)}): {reason}", tuple(r.id for r in rs)))
    for f in plan.findings:
        if f.code == "FP007":
            out.append(Doubt("units", f"units contradicted by the drawing: {f.message}"))
        elif f.code == "FP006":
            out.append(Doubt("units", f"units not declared: {f.message}"))
        elif f.code == "FP010":
            out.append(Doubt("label", f.message))
        elif f.code == "FP014":
            out.append(Doubt("floor", f.message))
    if doors:
        out.append(Doubt("door", _doors_text(doors)))
    stairs = other_floor(rooms)
    if stairs:
        out.append(Doubt("storey", storey_text(stairs), tuple(r.id for r in stairs)))
    out += plan.doubts
    order = {k: i for i, k in enumerate(KINDS)}
    return tuple(sorted(out, key=lambda d: order.get(d.kind, len(order))))


def _share(rooms: list[Room], of: list[Room]) -> float:
    total = sum(r.polygon.area for r in of)
    if total <= 0:
        return 1.0 if len(rooms) == len(of) else len(rooms) / max(len(of), 1)
    return sum(r.polygon.area for r in rooms) / total


def unassessable(plan: Plan, doors: tuple[str, ...] = ()) -> list[str]:
    """Why ``plan`` cannot be assessed from its drawing (empty: it can); ``doors`` the ids
    of the doors into spaces not read (:func:`unread_doors`)."""
    rooms = list(plan.rooms)
    if not rooms:
        return []
    out = []
    unknown = unknown_use(rooms)
    if unknown:
        # the rest by identity: ``r not in unknown`` compared rooms field by field, every
        # room against every unknown one (0.1-0.2 s on a 446-room OSM building)
        unknown_ids = {id(r) for r in unknown}
        known = [r for r in rooms if id(r) not in unknown_ids]
        share = _share(known, rooms)
        if share < KNOWN_SHARE:
            out.append(_unknown_text(unknown, len(rooms)) + (
                ": no room's use is known" if not known else
                f": the rooms of known use cover {share * 100:.0f} % of the floor"))
    lost = lost_labels(plan)
    if lost and len(rooms) / (len(rooms) + lost) < KNOWN_SHARE:
        out.append(f"{labels_text(lost)} in no room (FP010), more than the {len(rooms)} rooms read: "
                   "the rooms they name were not read")
    if len(doors) > len(rooms):
        out.append(_doors_text(doors) + f", more doors than the {len(rooms)} rooms read")
    floor, read = lost_floor(plan), sum(r.polygon.area for r in rooms)
    if floor > read:
        out.append(f"{floor:.1f} m² of floor inside the walls lies in no room read (FP014), "
                   f"more than the {read:.1f} m² of the {len(rooms)} rooms read")
    low = [r for r in rooms if r.confidence == "low"]
    if low and _share(low, rooms) > KNOWN_SHARE:
        reasons = list(dict.fromkeys(r.confidence_reason for r in low if r.confidence_reason))
        out.append(f"the reader is unsure of {len(low)} of {len(rooms)} rooms ({ids_text(low)})"
                   + (f": {reasons[0]}" if reasons else ""))
    return out
