"""Scheme size (FP401-FP402): how many flats, how many tenancies.

The scheme and the tenants come from the plan, or are inferred (see *Scheme and
tenants*).

PASS (FP401): a scheme of 14 flats. FAIL (FP401): 15 flats.
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
from floorplan.rules.base import Option, rule


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
