"""What every rule may ask about a plan, worked out once per check.

The scheme, the tenants, which rooms are wheelchair rooms, the dwellings, and point and
obstacle look-ups (through an STRtree, so plans of thousands of rooms stay linear).

How the scheme is inferred when the plan does not say (``plan.meta.scheme``):

* two or more dwellings tagged on the rooms: a ``flats_scheme``;
* one dwelling: a ``flat``;
* no dwellings: a ``shared_house`` when there is a staff sleep-in room or more than one
  tenant bedroom, else a ``flat`` (a one-bedroom home).

Tenants, when the plan does not say (``plan.meta.tenants``): the number of tenant
bedrooms (rooms of use ``bedroom``; a staff sleep-in room is not a tenant bedroom).
When the plan declares a number that differs from the tenant bedrooms drawn, FP007
says so (to review).

Every inference a rule relies on is listed in the report's *Assumptions*, each with
the plan property, flag or profile setting that states it instead: the scheme, the
tenants, whether a staff sleep-in room counts as a bedroom, bedroom types and bedspaces,
the principal bedroom, the entrance door and its storey, and fittings taken as
level-access showers.

The entrance of a home (M4(3) 3.22(d) and the rules about the entrance storey): the
doors marked ``entrance: true`` on the plan; else the doors to ``outside`` (a flat in a
scheme: the doors out of the flat into the common parts); of several, those opening
into a hall, lobby or corridor. The storey of the entrance is the level of the room the
entrance opens into.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from floorplan.errors import one_line
from floorplan.findings import ASSUMPTION_TOPICS, Assumption, Mark

if TYPE_CHECKING:
    from floorplan.measure import Measurements
    from floorplan.model import Obstacle, Plan, Room

# uses as plain strings (Use is a StrEnum, so they compare equal) to keep imports light
BEDROOM = "bedroom"
STAFF_SLEEP_IN = "staff_sleep_in"
COMMUNAL = frozenset({"living", "dining", "kitchen", "kitchen_dining", "living_dining",
                      "kitchen_living_dining"})
LIVING = frozenset({"living", "living_dining", "kitchen_living_dining"})
BATHROOMS = frozenset({"bathroom", "shower_room", "wet_room", "ensuite"})
WCS = BATHROOMS | {"wc"}
CIRCULATION = frozenset({"hall", "corridor", "landing", "stairs"})
OUTSIDE = "outside"

#: default plan-level parameters of a profile
DEFAULT_PARAMS: dict[str, Any] = {
    # rooms of these uses are wheelchair rooms when the whole plan is marked wheelchair
    "wheelchair_uses": ["bedroom", "bathroom", "shower_room", "wet_room", "ensuite", "wc",
                        "living", "dining", "kitchen", "kitchen_dining", "living_dining",
                        "kitchen_living_dining", "hall"],
    # floor under a ceiling lower than this is not counted (metres)
    "headroom": 1.5,
    # a staff sleep-in room counts as a bedroom of one bedspace where bedrooms and
    # bedspaces set a minimum (NDSS Table 1, M4(3) Table 3.2); never as a tenant bedroom
    "sleep_in_bedroom": True,
}

SCHEME_WORDS = {"shared_house": "a shared house", "flat": "a flat", "flats_scheme": "a scheme of flats"}
STAFF_ROOMS = frozenset({"staff_sleep_in", "office"})


def fmt(v: float | None, digits: int = 2) -> str:
    return "?" if v is None else f"{v:.{digits}f}"


class Context:
    """A plan, its measurements and the profile's parameters, with derived facts."""

    def __init__(self, plan: Plan, m: Measurements, params: dict[str, Any] | None = None):
        self.plan = plan
        self.m = m
        self.params = {**DEFAULT_PARAMS, **(params or {})}
        self._assumed: dict[tuple[str, str | None], Assumption] = {}

    # -- assumptions --------------------------------------------------------------------
    def assume(self, topic: str, text: str, override: str, subject: str | None = None,
               rooms: tuple[str, ...] = ()) -> None:
        """Record an inference a rule relies on (once per topic and subject)."""
        self._assumed.setdefault((topic, subject), Assumption(topic, text, override, subject, rooms))

    @property
    def assumptions(self) -> tuple[Assumption, ...]:
        """What was inferred, by topic (in :data:`ASSUMPTION_TOPICS` order), then as found."""
        order = {t: i for i, t in enumerate(ASSUMPTION_TOPICS)}
        items = list(self._assumed.values())
        return tuple(sorted(items, key=lambda a: order.get(a.topic, len(order))))

    # -- scheme and tenants -------------------------------------------------------------
    @cached_property
    def tenant_bedrooms(self) -> list[Room]:
        return [r for r in self.plan.rooms if r.use == BEDROOM]

    @cached_property
    def scheme_and_reason(self) -> tuple[str, str]:
        meta = self.plan.meta
        if meta.scheme:
            return meta.scheme, "given"
        scheme, why = self._infer_scheme()
        self.assume("scheme", f"The plan is taken as {SCHEME_WORDS.get(scheme, scheme)}: {why}.",
                    "--scheme, or the plan's `scheme` property")
        return scheme, f"inferred: {why}"

    def _infer_scheme(self) -> tuple[str, str]:
        n = len(self.plan.dwellings)
        if n >= 2:
            return "flats_scheme", f"{n} dwellings on the plan"
        if n == 1:
            return "flat", "one dwelling on the plan"
        beds = len(self.tenant_bedrooms)
        if any(r.use == STAFF_SLEEP_IN for r in self.plan.rooms):
            return "shared_house", "a staff sleep-in room and no dwellings"
        if beds > 1:
            return "shared_house", f"{beds} tenant bedrooms and no dwellings"
        return "flat", "no dwellings and at most one tenant bedroom"

    @property
    def scheme(self) -> str:
        return self.scheme_and_reason[0]

    @cached_property
    def tenants(self) -> int:
        t = self.plan.meta.tenants
        if t is not None:
            return int(t)
        n = len(self.tenant_bedrooms)
        sleep_ins = [r for r in self.plan.rooms if r.use == STAFF_SLEEP_IN]
        text = f"Tenants taken as {n}: one per tenant bedroom drawn"
        if sleep_ins:
            text += (f" ({', '.join(self.label(r) for r in sleep_ins)} is a staff sleep-in room, "
                     "not a tenant bedroom, and adds no tenant)")
        self.assume("tenants", text + ".", "--tenants, or the plan's `tenants` property",
                    rooms=tuple(r.id for r in self.tenant_bedrooms))
        return n

    @property
    def tenants_reason(self) -> str:
        if self.plan.meta.tenants is not None:
            return "given"
        return "inferred: one per tenant bedroom"

    # -- wheelchair ---------------------------------------------------------------------
    def is_wheelchair(self, room: Room) -> bool:
        return bool(room.wheelchair) or (
            bool(self.plan.meta.wheelchair) and str(room.use) in self.params["wheelchair_uses"])

    @cached_property
    def wheelchair_rooms(self) -> list[Room]:
        return [r for r in self.plan.rooms if self.is_wheelchair(r)]

    @cached_property
    def wheelchair_tenants(self) -> bool:
        """True when any tenant is a wheelchair user (a wheelchair bedroom, or the plan)."""
        return bool(self.plan.meta.wheelchair) or any(r.wheelchair for r in self.tenant_bedrooms)

    # -- dwellings ----------------------------------------------------------------------
    @cached_property
    def homes(self) -> dict[str | None, list[Room]]:
        """Rooms per dwelling; a plan without dwellings is one home (key ``None``).

        Rooms outside every dwelling of a flats scheme (corridors, plant) belong to none.
        """
        if not self.plan.dwellings:
            return {None: list(self.plan.rooms)}
        out: dict[str | None, list[Room]] = defaultdict(list)
        for r in self.plan.rooms:
            if r.dwelling is not None:
                out[r.dwelling].append(r)
        return dict(out)

    def home_label(self, dwelling: str | None) -> str:
        if dwelling is not None:
            return one_line(dwelling).strip() or dwelling
        return "the house" if self.scheme == "shared_house" else "the flat"

    def label_in_home(self, room: Room) -> str:
        """The room's name, with its dwelling where it has one ("Flat 2 Store")."""
        return f"{self.home_label(room.dwelling)} {self.label(room)}" if room.dwelling else self.label(room)

    # -- look-ups -----------------------------------------------------------------------
    @cached_property
    def rooms_by_id(self) -> dict[str, Room]:
        return {r.id: r for r in self.plan.rooms}

    @cached_property
    def _room_tree(self):
        from shapely.strtree import STRtree

        return STRtree([r.polygon for r in self.plan.rooms]) if self.plan.rooms else None

    def rooms_at(self, point, level: float | None = None) -> list[Room]:
        """Rooms that contain ``point`` (on the same level when ``level`` is given)."""
        tree = self._room_tree
        if tree is None:
            return []
        out = []
        for i in sorted(int(i) for i in tree.query(point, predicate="intersects")):
            r = self.plan.rooms[i]
            if level is None or abs(r.level - level) < 1e-9:
                out.append(r)
        return out

    @cached_property
    def _obstacles_by_room(self) -> dict[str, list[Obstacle]]:
        out: dict[str, list[Obstacle]] = defaultdict(list)
        tree = self._room_tree
        if tree is None:
            return out
        for o in self.plan.obstacles:
            for i in tree.query(o.polygon, predicate="intersects"):
                r = self.plan.rooms[int(i)]
                if (o.level is None or abs(r.level - o.level) < 1e-9) and \
                        r.polygon.intersection(o.polygon).area > 1e-6:
                    out[r.id].append(o)
        return out

    def obstacles_in(self, room: Room) -> list[Obstacle]:
        return self._obstacles_by_room.get(room.id, [])

    # -- doors --------------------------------------------------------------------------
    def other_side(self, link, room_id: str) -> str | None:
        """The id (or ``outside``) on the far side of a door link from ``room_id``."""
        if link.connects is None:
            return None
        a, b = link.connects
        return b if a == room_id else a

    def reached_only_through(self, room: Room, gate) -> Room | None:
        """The one room matching ``gate`` through which alone ``room`` is reached, or None.

        From ``room``, walk through its doors into every room that is not a gate (so an
        en-suite's cupboard is walked through to the en-suite). When every door out of the
        rooms walked leads into the same gate room, and none leads outside, that gate room
        is returned: a cupboard or en-suite whose only way in is through one bedroom. A
        room with no door shown, or one reached from outside, from a hall, landing,
        corridor or stairs, from a kitchen, living or dining room, or from two gate rooms,
        gives None (a hall whose front door is not drawn is still a way in).
        """
        if gate(room) or room.use in CIRCULATION or room.use in COMMUNAL:
            return None
        seen = {room.id}
        todo = [room]
        gates: set[str] = set()
        doors = 0
        while todo:
            r = todo.pop()
            for did in self.m.rooms[r.id].doors:
                link = self.m.doors[did]
                other = self.other_side(link, r.id)
                if other is None:
                    continue
                doors += 1
                if other == OUTSIDE:
                    return None
                o = self.rooms_by_id.get(other)
                if o is None:
                    return None
                if gate(o):
                    gates.add(o.id)
                    if len(gates) > 1:
                        return None
                elif o.use in CIRCULATION or o.use in COMMUNAL:
                    return None
                elif o.id not in seen:
                    seen.add(o.id)
                    todo.append(o)
        if doors and len(gates) == 1:
            return self.rooms_by_id[gates.pop()]
        return None

    def entrances(self, home: str | None) -> list[tuple[Any, Room]]:
        """The entrance doors of a home and the room each opens into (see the module doc).

        Records the inference as an assumption unless the doors are marked on the plan.
        """
        rooms = self.homes.get(home, [])
        ids = {r.id for r in rooms}
        flagged, out_doors = [], []
        for r in rooms:
            for did in self.m.rooms[r.id].doors:
                link = self.m.doors[did]
                other = self.other_side(link, r.id)
                if other is None:
                    continue
                if _entrance_flag(link.door):
                    flagged.append((link, r))
                elif other == OUTSIDE or (home is not None and other not in ids):
                    out_doors.append((link, r))
        if flagged:
            return flagged
        if not out_doors:
            return []
        into_hall = [(lk, r) for lk, r in out_doors if r.use in CIRCULATION]
        chosen = into_hall or out_doors
        where = self.home_label(home)
        words = "; ".join(f"door {lk.id} into {self.label(r)}, level {_lvl(r.level)}" for lk, r in chosen)
        why = ("the door" if len(chosen) == 1 else "the doors") + (
            " to outside" if home is None else " out of the flat")
        if into_hall and len(into_hall) < len(out_doors):
            why += (" that opens" if len(chosen) == 1 else " that open") + " into a hall, lobby or corridor"
        self.assume("entrance", f"Entrance of {where} taken as {words} ({why}).",
                    "`entrance: true` on the entrance door", subject=str(home),
                    rooms=tuple(dict.fromkeys(r.id for _, r in chosen)))
        return chosen

    def entrance_level(self, home: str | None) -> float | None:
        """The storey of a home's entrance (None when no entrance door is shown, or the
        candidates are on different storeys)."""
        levels = {r.level for _, r in self.entrances(home)}
        return levels.pop() if len(levels) == 1 else None

    # -- marks --------------------------------------------------------------------------
    def room_marks(self, *rooms: Room, low: bool = False) -> tuple[Mark, ...]:
        """``room`` marks, and ``low_headroom`` marks where floor was left out."""
        marks = [Mark("room", r.polygon, label=name_of(r)) for r in rooms]
        if low:
            for r in rooms:
                g = self.m.rooms[r.id].low_geom
                if not g.is_empty and g.area > 1e-9:
                    marks.append(Mark("low_headroom", g, label=name_of(r)))
        return tuple(marks)

    def label(self, room: Room) -> str:
        """The room's name (its id where it has none), on one line: a line break a
        drawing put in a name ("Bed\\nroom 2", a two-line MTEXT) becomes a space, so a
        finding's message is always one line."""
        return one_line(room.name or "").strip() or room.id


def name_of(thing) -> str | None:
    """A feature's name (a room, a fitting) on one line, or None where it has none."""
    name = getattr(thing, "name", None)
    return (one_line(name).strip() or None) if isinstance(name, str) else None


def _entrance_flag(door) -> bool:
    """True when the plan marks the door as the home's entrance."""
    flag = getattr(door, "entrance", None)
    if flag is None:
        flag = (door.properties or {}).get("entrance")
    return flag is True or (isinstance(flag, str) and flag.lower() in ("yes", "true"))


def _lvl(level: float) -> str:
    return f"{int(level)}" if float(level).is_integer() else f"{level:g}"
