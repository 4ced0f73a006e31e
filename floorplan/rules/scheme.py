"""Scheme size (FP401-FP404): how many flats, how many tenancies, how many units on one
plot, and whether the tenants declared match the tenant bedrooms drawn.

The scheme and the tenants come from the plan, or are inferred (see *Scheme and
tenants*).

PASS (FP401): a scheme of 14 flats. FAIL (FP401): 15 flats.
"""

from __future__ import annotations

from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import Option, rule
from floorplan.rules.context import STAFF_SLEEP_IN


@rule("FP401", "scheme-size", options=(
    Option("max_flats", int, 14, "most self-contained flats in one scheme"),
), schemes=("flats_scheme",))
def scheme_size(ctx, opts):
    """A scheme of flats has no more than 14 flats (dwellings on the plan).

    PASS: 14 flats. FAIL: 15 flats. WARN: a flats scheme with no dwellings marked.
    """
    n = len(ctx.plan.dwellings)
    most = opts["max_flats"]
    if n == 0:
        yield Outcome(Status.WARN, measured=0.0, required=float(most), unit="flats",
                      message="a scheme of flats, but no flats (dwellings) are marked on the plan")
        return
    status = Status.FAIL if n > most else Status.PASS
    text = f"{n} flat{'s' * (n != 1)} in the scheme; no more than {most}"
    if status is Status.FAIL:
        text += f": {n - most} too many"
    yield Outcome(status, measured=float(n), required=float(most), unit="flats", message=text)


@rule("FP402", "shared-house-tenancies", options=(
    Option("max_tenancies", int, 4, "most tenancies in a shared house"),
    Option("review", list, [2], "tenancy counts that are reviewed case by case (warn)"),
), schemes=("shared_house",))
def shared_house_tenancies(ctx, opts):
    """A shared house has no more than 4 tenancies; 2-tenancy houses are reviewed case by
    case (warn).

    PASS: 4 tenants. WARN: 2 tenants. FAIL: 5 tenants.
    """
    n = ctx.tenants
    most = opts["max_tenancies"]
    how = "" if ctx.tenants_reason == "given" else " (counted from the tenant bedrooms)"
    if n > most:
        status, text = Status.FAIL, f"{n} tenancies{how}; no more than {most}: {n - most} too many"
    elif n in (opts["review"] or []):
        status, text = Status.WARN, f"{n} tenancies{how}: reviewed case by case"
    else:
        status, text = Status.PASS, f"{n} tenanc{'ies' if n != 1 else 'y'}{how}; no more than {most}"
    yield Outcome(status, measured=float(n), required=float(most), unit="tenancies", message=text)


#: uses of the rooms that make a group of rooms somewhere people live
_LIVED_IN = frozenset({"bedroom", "staff_sleep_in", "living", "dining", "kitchen", "kitchen_dining",
                       "living_dining", "kitchen_living_dining"})


def _buildings(ctx, gap: float) -> list[list]:
    """Groups of rooms that stand apart: a room property ``building`` where the rooms give
    one, else, storey by storey, rooms closer than ``gap`` to each other are one building
    (the storey with the most groups counts). Groups with no room lived in (a bin store,
    a shed) are left out."""
    import shapely

    given = {str(r.properties.get("building")) for r in ctx.plan.rooms
             if (r.properties or {}).get("building") not in (None, "")}
    if given:
        groups = [[r for r in ctx.plan.rooms if str((r.properties or {}).get("building")) == b]
                  for b in sorted(given)]
        return [g for g in groups if any(r.use in _LIVED_IN for r in g)]
    best: list[list] = []
    for level in ctx.plan.levels:
        rooms = [r for r in ctx.plan.rooms if abs(r.level - level) < 1e-9]
        if not any(r.use in _LIVED_IN for r in rooms):
            continue  # every group of this storey would be left out: no need to find them
        if _one_piece([r.polygon for r in rooms], gap):  # every room in the one building
            groups = [rooms]
        else:
            grown = shapely.union_all([r.polygon.buffer(gap / 2, join_style="mitre") for r in rooms])
            parts = list(getattr(grown, "geoms", [grown]))
            groups = [[r for r in rooms if part.intersects(r.polygon.representative_point())]
                      for part in parts]
        groups = [g for g in groups if any(r.use in _LIVED_IN for r in g)]
        if len(groups) > len(best):
            best = groups
    return best


def _one_piece(polygons: list, gap: float) -> bool:
    """Whether the union of ``polygons`` grown by ``gap / 2`` (mitred) is certainly one
    piece, without growing them: two rooms closer than ``gap`` have grown outlines whose
    insides overlap (a mitred outline holds every point within ``gap / 2`` of its room),
    so their union is one polygon; if such links join every room, the union is one
    piece. Linked here only below 0.99 ``gap``, a margin for the grown outlines' rounding;
    single non-empty polygons only (a room drawn as parts far apart could link two
    neighbours its parts do not join). Where this says no, the caller grows and unions
    them and counts the pieces, as before: that took half a second at 4,000 rooms, and
    nearly every plan is one piece."""
    import numpy as np
    import shapely

    n = len(polygons)
    if n == 0:
        return False
    geoms = np.asarray(polygons, dtype=object)
    kinds = shapely.get_type_id(geoms)
    if (kinds != 3).any() or shapely.is_empty(geoms).any():
        return False
    # the pairs within 0.99 gap: those whose outlines, grown by it, overlap, tested for
    # distance all at once. The tree's own dwithin query gave the same pairs, each twice
    # and each room with itself, in 1.0 s at 64,000 rooms (this: 0.4 s), and grew faster
    # than the rooms
    d = 0.99 * gap
    x0, y0, x1, y1 = shapely.bounds(geoms).T
    a, b = shapely.STRtree(geoms).query(shapely.box(x0 - d, y0 - d, x1 + d, y1 + d))
    one_way = a < b
    a, b = a[one_way], b[one_way]
    near = shapely.dwithin(geoms[a], geoms[b], d)
    a, b = a[near], b[near]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pieces = n
    for i, j in zip(a.tolist(), b.tolist(), strict=True):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
            pieces -= 1
            if pieces == 1:
                break
    return pieces == 1


def _units(ctx) -> tuple[list[str], list[str]]:
    """(shared houses, flats) on the plan, by name. A dwelling with a staff sleep-in room
    is a shared house, any other a flat; tenant bedrooms in no dwelling beside dwellings
    are a shared house of their own."""
    houses: list[str] = []
    flats: list[str] = []
    for home, rooms in ctx.homes.items():
        if home is None:
            continue
        (houses if any(r.use == "staff_sleep_in" for r in rooms) else flats).append(home)
    loose = [r for r in ctx.plan.rooms if r.dwelling is None and r.use in ("bedroom", "staff_sleep_in")]
    if ctx.plan.dwellings and loose:
        houses.append("the rooms in no dwelling")
    elif not ctx.plan.dwellings:
        (houses if ctx.scheme == "shared_house" else flats).append(ctx.home_label(None))
    return houses, flats


@rule("FP403", "several-units", options=(
    Option("building_gap", float, 1.0, "rooms further apart than this (m) on a storey stand in "
           "separate buildings"),
))
def several_units(ctx, opts):
    """A shared house and flats, or several separate buildings, on one plan: a campus-style
    site, reviewed case by case (warn).

    The ECC standard: "Single occupancy unit clusters, shared homes, residential homes
    situated together on a single site (campus style sites) pose the risk of creating an
    institutionalised setting", looked at case by case, new builds of this type for the
    most part discouraged. The rule warns when the plan holds a shared house (a dwelling
    with a staff sleep-in room, or tenant bedrooms in no dwelling beside flats) and a flat,
    or rooms lived in that stand in two or more buildings: a room property ``building``
    where the plan gives one, else groups of rooms more than 1.0 m apart on a storey (a
    DXF sheet with plans side by side is read as storeys, so buildings side by side on
    one sheet cannot be told apart there). Gates, driveways, fencing and addresses are
    not on a floor plan: they are listed as not checked.

    PASS: a shared house in one building. WARN: a shared house and two flats on one
    plan; two houses 6 m apart.
    """
    houses, flats = _units(ctx)
    buildings = _buildings(ctx, opts["building_gap"])
    reasons = []
    if houses and flats:
        reasons.append(f"{len(houses)} shared house{'s' * (len(houses) != 1)} ({', '.join(houses)}) "
                       f"and {len(flats)} flat{'s' * (len(flats) != 1)} ({', '.join(flats)})")
    if len(buildings) >= 2:
        reasons.append(f"{len(buildings)} separate buildings")
    ids = tuple(r.id for r in ctx.plan.rooms if r.use in _LIVED_IN)
    if reasons:
        marks = tuple(Mark("room", r.polygon, label=f"building {i + 1}")
                      for i, g in enumerate(buildings if len(buildings) >= 2 else [])
                      for r in g if r.use in _LIVED_IN)
        yield Outcome(Status.WARN, rooms=ids, measured=float(max(len(buildings), 1)), unit="buildings",
                      message="several units on one plot: " + " and ".join(reasons)
                      + ": a campus-style setting, reviewed case by case", marks=marks)
        return
    if not buildings:
        return
    if len(flats) > 1:
        what = f"{len(flats)} flats"
    else:
        what = "one shared house" if houses else "one flat"
    yield Outcome(Status.PASS, rooms=ids, measured=float(len(buildings)), unit="buildings",
                  message=f"{what} in one building, no other kind of home on the plan")


@rule("FP404", "declared-tenants", schemes=("shared_house",))
def declared_tenants(ctx, opts):
    """The tenants the plan (or ``--tenants``) declares match the tenant bedrooms drawn.

    Only where tenants are declared: otherwise they are taken from the bedrooms (see
    *Assumptions*). A difference is **to review** (warn), never a fail: it breaks no
    requirement by itself, and either figure may be the wrong one (a fifth bedroom may be
    a spare room or a staff bedroom not named as one; the declaration may be out of
    date). But every tenant-based verdict (communal area, bathroom provision, tenancies)
    rests on the number, so the assessor must settle which is right; the rules use the
    declared one.

    PASS: 4 tenants declared, 4 tenant bedrooms drawn (a staff sleep-in room is not one).
    WARN: 4 tenants declared and 5 tenant bedrooms drawn. FAIL: never.
    """
    declared = ctx.plan.meta.tenants
    beds = ctx.tenant_bedrooms
    n = len(beds)
    ids = tuple(r.id for r in beds)
    if declared is None:
        yield Outcome(Status.PASS, rooms=ids, measured=float(n), unit="bedrooms",
                      message=f"tenants not declared: taken as the {n} tenant bedroom"
                      f"{'s' * (n != 1)} drawn (see Assumptions)")
        return
    what = f"{declared} tenant{'s' * (declared != 1)} declared, {n} tenant bedroom{'s' * (n != 1)} drawn"
    if declared == n:
        yield Outcome(Status.PASS, rooms=ids, measured=float(n), required=float(declared),
                      unit="bedrooms", message=what)
        return
    sleep = [r for r in ctx.plan.rooms if r.use == STAFF_SLEEP_IN]
    if n > declared:
        why = ("a spare room, a staff bedroom not named as one (name it sleep-in), or more "
               "tenants than declared")
    else:
        why = "a tenant without a bedroom, or bedrooms not named as bedrooms on the plan"
    extra = f" ({len(sleep)} staff sleep-in room{'s' * (len(sleep) != 1)} not counted)" if sleep else ""
    yield Outcome(Status.WARN, rooms=ids, measured=float(n), required=float(declared),
                  unit="bedrooms",
                  message=f"{what}{extra}: {why}? The tenant-based rules use the declared {declared}",
                  marks=ctx.room_marks(*beds))
