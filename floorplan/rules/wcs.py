"""FP302's M4(3) form: WCs by the bedspaces a home is designed for.

Approved Document M4(3) asks for a second WC from 4 bedspaces (issue 11's review of the
text gives it as 3.36(b) and Table 3.5). Every WC of the home counts: a room of use
``wc``, and every bathroom unless it says ``wc: false``; an en-suite's WC counts (M4(3)
is about the dwelling, not tenancies). Bedspaces are counted as FP104's M4(3) form
counts them (see *Bedroom types*; a staff sleep-in room is one bedspace unless the
profile's ``sleep_in_bedroom`` parameter is false), and each inference is listed under
*Assumptions*.
"""

from __future__ import annotations

from floorplan.findings import Outcome, Status
from floorplan.rules.context import WCS


def _has_wc(room) -> bool:
    return (room.properties or {}).get("wc") is not False


def by_bedspaces(ctx, opts):
    """One finding per home: its WCs against ``wcs_by_bedspaces`` (the row for the
    largest bedspace count not above the home's)."""
    from floorplan.rules.area import _beds_and_spaces, band

    table = opts["wcs_by_bedspaces"]
    keys = sorted(int(k) for k in table)
    for home, rooms in ctx.homes.items():
        if not rooms:
            continue
        label = ctx.home_label(home)
        beds, n = _beds_and_spaces(ctx, rooms, opts["double_area"])
        if not beds:
            yield Outcome(Status.NOT_APPLICABLE, dwelling=home, unit="WCs",
                          message=f"{label}: no bedroom shown on the plan, so its bedspaces and "
                          "the WCs they need cannot be told")
            continue
        need = int(band(table, n))
        row = max([k for k in keys if k <= n], default=keys[0])
        wcs = [r for r in rooms if r.use in WCS and _has_wc(r)]
        no_wc = [r for r in rooms if r.use in WCS and not _has_wc(r)]
        names = ", ".join(ctx.label(r) for r in wcs) or "none"
        text = (f"{label}: {n} bedspace{'s' * (n != 1)}; {len(wcs)} WC{'s' * (len(wcs) != 1)} "
                f"({names})")
        if no_wc:
            text += " (" + ", ".join(ctx.label(r) for r in no_wc) + ": no WC, as the plan says)"
        text += f"; {need} required from {row} bedspace{'s' * (row != 1)}"
        status = Status.PASS if len(wcs) >= need else Status.FAIL
        if status is Status.FAIL:
            text += f": {need - len(wcs)} short"
        clause = opts["clause"].format(row=row) if opts.get("clause") else None
        yield Outcome(status, rooms=tuple(r.id for r in wcs), dwelling=home,
                      measured=float(len(wcs)), required=float(need), unit="WCs",
                      message=text, clause=clause, marks=ctx.room_marks(*wcs))
