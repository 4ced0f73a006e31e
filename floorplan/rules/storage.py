"""Built-in storage (FP108): each home's stores against a table by bedrooms and bedspaces.

NDSS Table 1 gives the storage by bedrooms (and, for one bedroom, bedspaces); a table by
bedspaces alone ("1p", "2p" ...) is read too, for a profile of your own.

PASS: a one-bedroom flat with a 12 m² bedroom (1b2p) and a 1.0 x 1.5 m store (1.5 m²).
FAIL: the same flat with a 1.0 x 1.2 m store (1.2 m², 0.3 m² short).
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
from floorplan.rules.area import _beds_and_spaces, _beds_words, _verdict
from floorplan.rules.base import Option, rule
from floorplan.rules.bedrooms import EPS, at_least
from floorplan.rules.context import fmt


def _storage_row(table: dict, bedrooms: int, spaces: int) -> tuple[str, float] | None:
    """The row for ``bedrooms`` and ``spaces``: "1b2p" where the table splits a bedroom
    count by bedspaces, else "3b", else a row by bedspaces alone ("4p"); ``None`` beyond
    the table."""
    b, p = max(bedrooms, 1), max(spaces, 1)
    for key in (f"{b}b{p}p", f"{b}b", f"{p}p"):
        if key in table:
            return key, float(table[key])
    return None


@rule("FP108", "built-in-storage", options=(
    Option("table", dict, {"1b1p": 1.0, "1b2p": 1.5, "2b": 2.0, "3b": 2.5, "4b": 3.0, "5b": 3.5,
                           "6b": 4.0},
           "minimum built-in storage (m²) by bedrooms ('3b'), bedrooms and bedspaces ('1b2p') "
           "or bedspaces ('4p')"),
    Option("uses", list, ["storage"], "rooms that are built-in storage, by use"),
    Option("double_area", float, 11.5, "a bedroom of this counted area sleeps two"),
    Option("storage_low", float, 0.9, "storage under a ceiling between this and the "
           "headroom counts at storage_share"),
    Option("storage_share", float, 0.5, "share of low storage that counts"),
    Option("clause", str, "Table 1, built-in storage, row {row}",
           "the clause a finding cites ({row} is filled in)"),
))
def built_in_storage(ctx, opts):
    """Each home has enough built-in storage for its bedrooms and bedspaces.

    NDSS Table 1: 1b1p 1.0 m², 1b2p 1.5 m², 2 bedrooms 2.0 m², 3 bedrooms 2.5 m², 4
    bedrooms 3.0 m², 5 bedrooms 3.5 m², 6 bedrooms 4.0 m². The storage is the counted area
    of the home's storage rooms (stores, cupboards, walk-in wardrobes), with floor under a
    ceiling of 0.9 m up to the 1.5 m headroom counted at 50 % and floor under 0.9 m not
    at all. Bedrooms and bedspaces are counted as for FP103. Wardrobes drawn as furniture
    inside a room are not counted (a plan does not say which are built in), and under-stair
    storage is counted as drawn, not at the 1 m² NDSS assumes. A home with no storage room
    drawn warns ("not shown on the plan"); one beyond the table warns.

    PASS: a one-bedroom flat with a 12 m² bedroom (1b2p) and a 1.0 x 1.5 m store (1.5 m²).
    FAIL: the same flat with a 1.0 x 1.2 m store (1.2 m², 0.3 m² short).
    """
    low = opts["storage_low"]
    for home, rooms in ctx.homes.items():
        beds, spaces = _beds_and_spaces(ctx, rooms, opts["double_area"])
        if not rooms:
            continue
        label = ctx.home_label(home)
        stores = [r for r in rooms if str(r.use) in opts["uses"]]
        row = _storage_row(opts["table"], len(beds), spaces)
        what = _beds_words(beds, spaces)
        ids = tuple(r.id for r in stores)
        parts, total = [], 0.0
        for r in stores:
            rm = ctx.m.rooms[r.id]
            extra = 0.0
            if rm.low_headroom_area > EPS:
                extra = opts["storage_share"] * rm.field.region_at_least(low).intersection(rm.low_geom).area
            total += rm.area + extra
            parts.append(f"{ctx.label(r)} {fmt(rm.area)}" + (
                f" + {fmt(extra)} for floor under {fmt(low, 1)}-{fmt(ctx.params['headroom'], 1)} m "
                f"headroom at {opts['storage_share']:.0%}" if extra > 0.005 else ""))
        if row is None:
            yield Outcome(Status.WARN, rooms=ids, dwelling=home, measured=total if stores else None,
                          unit="m2", message=f"{label}: {what}: beyond the built-in storage table",
                          marks=ctx.room_marks(*stores, low=True))
            continue
        key, required = row
        clause = opts["clause"].format(row=key)
        if not stores:
            yield Outcome(Status.WARN, dwelling=home, required=required, unit="m2",
                          message=f"{label}: no built-in storage shown on the plan ({what}: "
                          f"{fmt(required, 1)} m² required)", clause=clause)
            continue
        status = at_least(total, required)
        yield Outcome(status, rooms=ids, dwelling=home, measured=total, required=required, unit="m2",
                      message=f"{label}: {fmt(total)} m² built-in storage ({', '.join(parts)}) "
                      f"for {what}" + _verdict(status, total, required),
                      clause=clause, marks=ctx.room_marks(*stores, low=True))
