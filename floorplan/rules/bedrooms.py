"""Bedroom types: single, double and principal, shared by the area and width rules.

NDSS and M4(3) set different minimums for single and double bedrooms (and M4(3) for the
principal bedroom). A plan rarely says which a room is, so:

1. a room property ``bedroom_type`` (``single``, ``double`` or ``principal``) or
   ``bedspaces`` (1 single, 2 double) wins;
2. otherwise a bedroom whose counted area reaches the profile's double-bedroom area is a
   double and any smaller one a single (M4(3) 3.35: 8.5 to under 12.5 m² is one bedspace,
   12.5 m² or more two);
3. where the profile sets a principal-bedroom minimum, the largest double of each
   dwelling is its principal bedroom.
"""

from __future__ import annotations

from floorplan.findings import Status

EPS = 1e-9


def at_least(measured: float, required: float | None, warn_below: float | None = None) -> Status:
    """``fail`` under ``required``, ``warn`` under ``warn_below``, else ``pass`` (exact
    values meet the bound)."""
    if required is not None and measured < required - EPS:
        return Status.FAIL
    if warn_below is not None and measured < warn_below - EPS:
        return Status.WARN
    return Status.PASS


def declared_type(room) -> str | None:
    props = room.properties or {}
    t = props.get("bedroom_type")
    if isinstance(t, str) and t.lower() in ("single", "double", "principal"):
        return t.lower()
    spaces = props.get("bedspaces")
    if isinstance(spaces, int | float) and not isinstance(spaces, bool):
        return "single" if spaces <= 1 else "double"
    return None


def bedroom_types(ctx, double_area: float, principal: bool) -> dict[str, str]:
    """Room id -> ``single`` / ``double`` / ``principal`` for every tenant bedroom."""
    out: dict[str, str] = {}
    groups = list(ctx.homes.values())
    covered = {r.id for rooms in groups for r in rooms}
    # bedrooms outside every dwelling of a flats scheme are typed on their own
    groups += [[r] for r in ctx.tenant_bedrooms if r.id not in covered]
    for rooms in groups:
        beds = [r for r in rooms if r.use == "bedroom"]
        for r in beds:
            out[r.id] = declared_type(r) or (
                "double" if ctx.m.rooms[r.id].area >= double_area - EPS else "single")
        if principal and not any(out[r.id] == "principal" for r in beds):
            doubles = [r for r in beds if out[r.id] == "double"]
            if doubles:
                top = max(doubles, key=lambda r: (ctx.m.rooms[r.id].area, r.id))
                out[top.id] = "principal"
    return out


def bedspaces(ctx, room, double_area: float) -> int:
    """Bedspaces of a bedroom: a property ``bedspaces``, else 2 for a double, 1 otherwise."""
    props = room.properties or {}
    spaces = props.get("bedspaces")
    if isinstance(spaces, int | float) and not isinstance(spaces, bool):
        return int(spaces)
    t = declared_type(room)
    if t is not None:
        return 1 if t == "single" else 2
    return 2 if ctx.m.rooms[room.id].area >= double_area - EPS else 1
