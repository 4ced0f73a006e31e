"""Scheme size (FP401, FP402, FP404): how many flats, how many tenancies, and whether
the tenants declared match the tenant bedrooms drawn.

The scheme and the tenants come from the plan, or are inferred (see *Scheme and
tenants*).

PASS (FP401): a scheme of 14 flats. FAIL (FP401): 15 flats.
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
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
