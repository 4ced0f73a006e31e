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
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from floorplan.findings import Mark

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
}


def fmt(v: float | None, digits: int = 2) -> str:
    return "?" if v is None else f"{v:.{digits}f}"


class Context:
    """A plan, its measurements and the profile's parameters, with derived facts."""

    def __init__(self, plan: Plan, m: Measurements, params: dict[str, Any] | None = None):
        self.plan = plan
        self.m = m
        self.params = {**DEFAULT_PARAMS, **(params or {})}

    # -- scheme and tenants -------------------------------------------------------------
    @cached_property
    def tenant_bedrooms(self) -> list[Room]:
        return [r for r in self.plan.rooms if r.use == BEDROOM]

    @cached_property
    def scheme_and_reason(self) -> tuple[str, str]:
        meta = self.plan.meta
        if meta.scheme:
            return meta.scheme, "given"
        n = len(self.plan.dwellings)
        if n >= 2:
            return "flats_scheme", f"inferred: {n} dwellings on the plan"
        if n == 1:
            return "flat", "inferred: one dwelling on the plan"
        beds = len(self.tenant_bedrooms)
        if any(r.use == STAFF_SLEEP_IN for r in self.plan.rooms):
            return "shared_house", "inferred: a staff sleep-in room and no dwellings"
        if beds > 1:
            return "shared_house", f"inferred: {beds} tenant bedrooms and no dwellings"
        return "flat", "inferred: no dwellings and at most one tenant bedroom"

    @property
    def scheme(self) -> str:
        return self.scheme_and_reason[0]

    @cached_property
    def tenants(self) -> int:
        t = self.plan.meta.tenants
        return len(self.tenant_bedrooms) if t is None else int(t)

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
            return dwelling
        return "the house" if self.scheme == "shared_house" else "the flat"

    def label_in_home(self, room: Room) -> str:
        """The room's name, with its dwelling where it has one ("Flat 2 Store")."""
        return f"{room.dwelling} {self.label(room)}" if room.dwelling else self.label(room)

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

    # -- marks --------------------------------------------------------------------------
    def room_marks(self, *rooms: Room, low: bool = False) -> tuple[Mark, ...]:
        """``room`` marks, and ``low_headroom`` marks where floor was left out."""
        marks = [Mark("room", r.polygon, label=r.name) for r in rooms]
        if low:
            for r in rooms:
                g = self.m.rooms[r.id].low_geom
                if not g.is_empty and g.area > 1e-9:
                    marks.append(Mark("low_headroom", g, label=r.name))
        return tuple(marks)

    def label(self, room: Room) -> str:
        return room.name or room.id
