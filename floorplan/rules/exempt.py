"""Doors M4(3) 3.24 NOTE 1 exempts from the 850 mm clear opening (FP202's exemptions).

The note exempts the doors of cupboards too small to enter and of additional
en-suites. A plan does not say which cupboard can be entered, so the first is an option:

* a room of one of ``cupboard_uses`` (stores, plant and meter cupboards) whose floor is
  under ``small_cupboard_area`` (1.0 m² in the m4-3 profile) is too small to enter;
* an *en-suite* is a room of use ``ensuite``, or a bathroom reached only through one
  bedroom (by the doors drawn). It is *additional* when the home has a bathroom that is
  not an en-suite; when every bathroom of the home is an en-suite, the one off the
  largest bedroom (by the principal-bedroom order) is the home's bathroom and the others
  are additional.

Nothing here is imported when the rules are listed: the rule imports it when it runs.
"""

from __future__ import annotations

from floorplan.rules.context import BATHROOMS


def _ensuite_of(ctx, room):
    """The bedroom an en-suite serves, or None when the room is not an en-suite."""
    if room.use not in BATHROOMS:
        return None
    bed = ctx.reached_only_through(room, lambda o: o.use in ("bedroom", "staff_sleep_in"))
    if bed is not None:
        return bed
    return room if room.use == "ensuite" else None  # an en-suite whose door is not drawn


def exemptions(ctx, opts) -> dict[str, str]:
    """Room id -> why the doors into it are exempt, in words (3.24 NOTE 1)."""
    from floorplan.rules.bedrooms import choose

    out: dict[str, str] = {}
    small = opts.get("small_cupboard_area")
    if small:
        for r in ctx.plan.rooms:
            if str(r.use) in opts["cupboard_uses"] and r.gross_area < small - 1e-9:
                out[r.id] = (f"a cupboard too small to enter ({r.gross_area:.2f} m² of floor, "
                             f"under {small:g} m²)")
    if not opts.get("exempt_additional_ensuites"):
        return out
    for rooms in ctx.homes.values():
        baths = [r for r in rooms if r.use in BATHROOMS]
        ensuites = {r.id: _ensuite_of(ctx, r) for r in baths}
        ensuites = {k: v for k, v in ensuites.items() if v is not None}
        if not ensuites:
            continue
        if len(ensuites) == len(baths):
            # every bathroom is an en-suite: the principal bedroom's is the home's bathroom
            beds = [v for v in ensuites.values() if v.use in ("bedroom", "staff_sleep_in")]
            keep = None
            if beds:
                top, _ = choose(ctx, list({b.id: b for b in beds}.values()), "area")
                keep = next(k for k, v in ensuites.items() if v.id == top.id)
            else:
                keep = max(ensuites, key=lambda k: ctx.m.rooms[k].area)
            ensuites.pop(keep)
        for rid, bed in ensuites.items():
            whose = f" of {ctx.label(bed)}" if bed.id != rid else ""
            out[rid] = f"an additional en-suite{whose}"
    return out


__all__ = ["exemptions"]
