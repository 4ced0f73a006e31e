"""Ceiling heights (FP106): enough of the floor under a ceiling high enough.

The measured value is the *held height*: the ceiling height reached over at least the
profile's share (75 %) of the counted floor. A flat 2.4 m ceiling holds 2.4 m; a room
whose ceiling slopes evenly from 2.4 m to 1.5 m across its counted floor holds
1.725 m (the height at the 75 % line). Where the plan gives no ceiling heights the rule warns
"not shown on the plan"; it never passes silently.

PASS (ECC): a bedroom with a flat 2.4 m ceiling. WARN (ECC): a flat 2.25 m ceiling
(at least 2.2 m, under 2.3 m). FAIL (ECC): a flat 2.1 m ceiling.
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.bedrooms import EPS
from floorplan.rules.context import fmt


def _share(ctx, rooms, h: float) -> float:
    total = sum(ctx.m.rooms[r.id].counted_geom.area for r in rooms)
    if total <= EPS:
        return 0.0
    got = 0.0
    for r in rooms:
        rm = ctx.m.rooms[r.id]
        got += rm.field.region_at_least(h).intersection(rm.counted_geom).area
    return got / total


def _flat_held(ctx, rooms, share: float) -> float | None:
    """Held height when every ceiling piece is flat (the usual case): sort, accumulate."""
    parts: list[tuple[float, float]] = []
    total = 0.0
    for r in rooms:
        rm = ctx.m.rooms[r.id]
        total += rm.counted_geom.area
        for geom, (a, b, c) in rm.field.pieces:
            if a or b:
                return None
            parts.append((c, geom.intersection(rm.counted_geom).area))
    if total <= EPS:
        return None
    got = 0.0
    for h, area in sorted(parts, reverse=True):
        got += area
        if got >= share * total - 1e-9:
            return h
    return None


def held_height(ctx, rooms, share: float) -> float:
    """The highest ceiling height found over at least ``share`` of the rooms' counted floor."""
    lo: float | None = None
    hi: float | None = None
    for r in rooms:
        hr = ctx.m.rooms[r.id].height_range
        if hr is None:
            continue
        lo = hr[0] if lo is None else min(lo, hr[0])
        hi = hr[1] if hi is None else max(hi, hr[1])
    if lo is None or hi is None:
        return 0.0
    flat = _flat_held(ctx, rooms, share)
    if flat is not None:
        return flat
    if _share(ctx, rooms, hi) >= share - 1e-9:
        return hi
    a, b = lo, hi
    for _ in range(40):
        if b - a < 1e-6:
            break
        mid = (a + b) / 2
        if _share(ctx, rooms, mid) >= share - 1e-9:
            a = mid
        else:
            b = mid
    return a


def _unknown(ctx, room) -> bool:
    rm = ctx.m.rooms[room.id]
    return not rm.field.known or rm.field.unknown.area > 0.01 * max(rm.gross_area, EPS)


@rule("FP106", "ceiling-height", options=(
    Option("height", float, 2.2, "required ceiling height (m)"),
    Option("warn_height", float, 2.3, "under this the rule warns (m); unset: no warning band"),
    Option("share", float, 0.75, "share of the counted floor that must have the height"),
    Option("applies_to", str, "tenant_bedrooms", "'tenant_bedrooms' (each checked) or "
           "'homes' (each home's counted floor together, as NDSS)"),
))
def ceiling_height(ctx, opts):
    """The ceiling is high enough over most of the floor.

    ECC: each tenant bedroom at least 2.2 m over 75 % of its counted area, warning under
    2.3 m. NDSS: at least 2.3 m over 75 % of each home's gross internal area.

    PASS: a flat 2.4 m ceiling. FAIL (ECC): a bedroom under a ceiling sloping from 2.4 m
    to 0.9 m across 4 m of floor (2.4 m counted, held height 1.725 m).
    """
    share, need, warn = opts["share"], opts["height"], opts["warn_height"]
    if opts["applies_to"] == "homes":
        subjects = [(home, rooms, ctx.home_label(home)) for home, rooms in ctx.homes.items() if rooms]
    else:
        subjects = [(r.dwelling, [r], ctx.label(r)) for r in ctx.tenant_bedrooms]
    for home, rooms, label in subjects:
        ids = tuple(r.id for r in rooms)
        marks = ctx.room_marks(*rooms, low=True)
        missing = [r for r in rooms if _unknown(ctx, r)]
        if missing:
            names = ", ".join(ctx.label(r) for r in missing[:5]) + (" ..." if len(missing) > 5 else "")
            yield Outcome(Status.WARN, rooms=ids, dwelling=home, required=need, unit="m",
                          message=f"{label}: ceiling height not shown on the plan ({names}); "
                          f"{fmt(need)} m over {share:.0%} of the floor required",
                          marks=marks)
            continue
        held = held_height(ctx, rooms, share)
        if held < need - 1e-3:
            status = Status.FAIL
            verdict = f"; {fmt(need)} m required: {fmt(need - held)} m short"
        elif warn is not None and held < warn - 1e-3:
            status = Status.WARN
            verdict = f"; meets {fmt(need)} m but is under {fmt(warn)} m"
        else:
            status = Status.PASS
            verdict = f"; {fmt(need)} m required"
        yield Outcome(status, rooms=ids, dwelling=home, measured=held, required=need, unit="m",
                      message=f"{label}: ceiling at least {fmt(held)} m over {share:.0%} of the "
                      f"counted floor" + verdict, marks=marks)
