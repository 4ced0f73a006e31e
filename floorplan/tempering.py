"""The verdict tempered by the reader's doubts (:mod:`floorplan.doubts`): every pass or
fail a doubt leaves undecided becomes a ``warn`` saying so (:func:`temper`); the rules
each doubt reaches are the sets in :mod:`floorplan.doubts` (:data:`~floorplan.doubts.BY_USE_HOME`,
:data:`~floorplan.doubts.BY_USE_ROOM`, :data:`~floorplan.doubts.BY_NEIGHBOURS`,
:data:`~floorplan.doubts.BY_BEDS`, :data:`~floorplan.doubts.FAIL_STANDS`,
:data:`~floorplan.doubts.NOT_BY_USE`), and its module docstring says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from floorplan.doubts import (
    BY_BEDS,
    BY_NEIGHBOURS,
    BY_USE_HOME,
    BY_USE_ROOM,
    FAIL_STANDS,
    NOT_BY_USE,
    door_ids_text,
    holds_no_bed,
    ids_text,
    labels_text,
    lost_floor,
    lost_labels,
    other_floor,
    storey_text,
    unknown_use,
)
from floorplan.findings import Finding, Status
from floorplan.model import Plan, Room


class _Homes:
    """Each home's rooms, its rooms of unknown use and its low-confidence rooms, worked
    out once per home (a scan of every room per finding made :func:`temper` quadratic:
    most of a 16,000-room check); the home of a finding with no dwelling is the plan."""

    def __init__(self, plan: Plan):
        self.rooms: dict[str | None, list[Room]] = {}
        for r in plan.rooms:
            self.rooms.setdefault(r.dwelling, []).append(r)
        self.all = list(plan.rooms)
        self.seen: dict[str | None, tuple[list[Room], list[Room]]] = {}
        self.beds: dict[str | None, list[Room]] = {}
        self.stairs: dict[str | None, list[Room]] = {}  # to a floor not shown (other_floor)

    def of(self, f: Finding) -> tuple[list[Room], list[Room]]:
        """(the rooms of unknown use, the low-confidence rooms) of ``f``'s home."""
        key = f.dwelling
        if key not in self.seen:
            home = self.all if key is None else self.rooms.get(key, [])
            self.seen[key] = (unknown_use(home), [r for r in home if r.confidence == "low"])
        return self.seen[key]

    def stairs_of(self, f: Finding) -> list[Room]:
        """The stairs and landings of ``f``'s home when it is drawn on one level
        (:func:`other_floor`)."""
        key = f.dwelling
        if key not in self.stairs:
            self.stairs[key] = other_floor(self.all if key is None else self.rooms.get(key, []))
        return self.stairs[key]

    def sleepable(self, f: Finding) -> list[Room]:
        """The rooms of unknown use of ``f``'s home that a bed could stand in."""
        key = f.dwelling
        if key not in self.beds:
            self.beds[key] = [r for r in self.of(f)[0] if not holds_no_bed(r)]
        return self.beds[key]


def _undecided(f: Finding, why: str) -> Finding:
    was = "met" if f.status is Status.PASS else "not met"
    return replace(f, status=Status.WARN,
                   message=f"{f.message}; undecided (read as {was}): {why}")


def _neighbours(links: Iterable[tuple[str, str] | None]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for pair in links:
        if pair is not None:
            a, b = pair
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


def temper(findings: Iterable[Finding], plan: Plan,
           links: Iterable[tuple[str, str] | None] = (), doors: tuple[str, ...] = ()
           ) -> list[Finding]:
    """``findings`` with every pass or fail that the doubts leave undecided turned into a
    ``warn`` saying so (see the module's docstring). ``links``: the pair of rooms each
    door joins, as measured, for the rules of :data:`BY_NEIGHBOURS`; ``doors`` the ids of
    the doors into spaces not read (:func:`unread_doors`)."""
    by_id = {r.id: r for r in plan.rooms}
    homes = _Homes(plan)
    near = _neighbours(links)
    lost, floor = lost_labels(plan), lost_floor(plan)
    out = []
    for f in findings:
        if f.status not in (Status.PASS, Status.FAIL) or f.rule.startswith("FP0") \
                or f.rule in NOT_BY_USE:
            out.append(f)
            continue
        low = [by_id[r] for r in dict.fromkeys(f.rooms) if r in by_id
               and by_id[r].confidence == "low"]
        if f.rule in BY_NEIGHBOURS:
            judged = dict.fromkeys(f.rooms)
            around = [by_id[o] for r in judged for o in sorted(near.get(r, ()))
                      if o in by_id and o not in judged]
            unknown = unknown_use(around) if f.status is Status.PASS else []
            low = list(dict.fromkeys(low + [r for r in around if r.confidence == "low"]))
            if unknown:
                n = len(unknown)
                out.append(_undecided(f, f"{n} room{'s' * (n != 1)} of unknown use "
                                         f"({ids_text(unknown)}) opening off it may change it: "
                                         "name them to check"))
                continue
        elif f.rule in FAIL_STANDS and f.status is Status.FAIL:
            pass  # only the rooms it names (``low`` above) can leave it open
        elif f.rule in BY_USE_HOME or f.rule not in BY_USE_ROOM:
            unknown, home_low = homes.of(f)
            low = list(dict.fromkeys(low + home_low))
            if f.rule in BY_BEDS:
                unknown = homes.sleepable(f)
            if unknown:
                n = len(unknown)
                could = " a bed could stand in" if f.rule in BY_BEDS else ""
                out.append(_undecided(f, f"{n} room{'s' * (n != 1)} of unknown use{could} "
                                         f"({ids_text(unknown)}) may change it: name them to check"))
                continue
            stairs = homes.stairs_of(f)
            if stairs:  # the rooms of the floor the stairs lead to may be it
                out.append(_undecided(f, storey_text(stairs) + ", whose rooms may change it: "
                                         "check it with that floor's plan"))
                continue
            if lost:  # a room the drawing labels and the reader did not find may be it
                out.append(_undecided(f, f"{labels_text(lost)} in no room (FP010): the "
                                         f"room{'s' * (lost != 1)} named, not read, may change "
                                         "it: check on the drawing"))
                continue
            if doors:  # so may a room behind a door that leads into no room read
                n = len(doors)
                out.append(_undecided(f, f"{n} door{'s lead' if n != 1 else ' leads'} into "
                                         f"space{'s' * (n != 1)} not read as a room "
                                         f"({door_ids_text(doors)}, FP005): the room behind may "
                                         "change it: check on the drawing"))
                continue
            if floor:  # or a room in the floor inside the walls that no room holds
                out.append(_undecided(f, f"{floor:.1f} m² of floor inside the walls lies in "
                                         "no room read (FP014): a room there may change it: "
                                         "check on the drawing"))
                continue
        if low:
            reason = low[0].confidence_reason or "no reason given"
            out.append(_undecided(f, f"the reader is unsure of {ids_text(low)} ({reason}): "
                                     "check on the drawing"))
            continue
        out.append(f)
    return out
