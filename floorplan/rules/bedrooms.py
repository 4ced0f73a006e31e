"""Bedroom types: single, double and principal, shared by the area and width rules.

NDSS and M4(3) set different minimums for single and double bedrooms (and M4(3) for the
principal bedroom). A plan rarely says which a room is, so:

1. a room property ``bedroom_type`` (``single``, ``double`` or ``principal``) or
   ``bedspaces`` (1 single, 2 double) wins;
2. otherwise a bedroom whose counted area reaches the profile's double-bedroom area is a
   double and any smaller one a single (M4(3) 3.35: 8.5 to under 12.5 m² is one bedspace,
   12.5 m² or more two);
3. where the profile sets a principal-bedroom minimum, the largest double of each
   dwelling (by counted area) is its principal bedroom. Rooms within 0.001 m² of each
   other are tied: the wider wins (held width, as FP107 measures it, within 1 mm), then
   the first in position order (the lower storey, then the lower, then the further left
   centroid on the plan, within 1 mm). Room ids never decide, so the same plan drawn as
   GeoJSON and as DXF gives the same principal bedroom. For NDSS's width rule, 10(e) asks
   that *one* double be 2.75 m wide: the widest double is held to it (ties: the larger,
   then position order).

Where the types, the bedspaces or the principal bedroom are inferred, the report lists
them under *Assumptions*, with the room property that states them instead.
"""

from __future__ import annotations

from typing import Any

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


#: rooms this close in counted area (m²), held width (m) or position (m) are tied
AREA_TIE, WIDTH_TIE, PLACE_TIE = 1e-3, 1e-3, 1e-3
TYPE_OVERRIDE = "a bedroom's `bedroom_type` (single, double, principal) or `bedspaces` property"


def _width(ctx, room) -> float:
    from floorplan.geometry import held_width

    return held_width(ctx.m.rooms[room.id].counted_geom, 0.75)


def _place(room) -> tuple[float, float, float]:
    c = room.polygon.centroid
    return room.level, c.y, c.x


def _top(rooms: list, value, tie: float) -> list:
    """The rooms within ``tie`` of the largest ``value``."""
    vals = {r.id: value(r) for r in rooms}
    best = max(vals.values())
    return [r for r in rooms if vals[r.id] >= best - tie]


def _first_placed(rooms: list):
    """The first room in position order: lower storey, then lower, then further left."""
    left = list(rooms)
    for k in range(3):
        low = min(_place(r)[k] for r in left)
        left = [r for r in left if _place(r)[k] <= low + (1e-9 if k == 0 else PLACE_TIE)]
    return left[0]


def choose(ctx, rooms: list, by: str = "area") -> tuple[Any, str]:
    """The principal of ``rooms`` (doubles) by geometry, and why, in words.

    ``by="area"``: the largest counted area, then the larger held width, then position
    order. ``by="width"``: the largest held width, then area, then position.
    """
    widths: dict[str, float] = {}

    def width(r) -> float:
        if r.id not in widths:
            widths[r.id] = _width(ctx, r)
        return widths[r.id]

    def area(r) -> float:
        return ctx.m.rooms[r.id].area

    keys = {"area": (area, AREA_TIE, "largest", "larger", "area", "m²"),
            "width": (width, WIDTH_TIE, "widest", "wider", "width", "m")}
    first, second = (keys["area"], keys["width"]) if by == "area" else (keys["width"], keys["area"])
    tied = _top(rooms, first[0], first[1])
    top = tied[0]
    why = f"the {first[2]} double ({first[0](top):.2f} {first[5]})"
    if len(tied) > 1:
        again = _top(tied, second[0], second[1])
        top = again[0] if len(again) == 1 else _first_placed(again)
        others = ", ".join(ctx.label(r) for r in tied if r is not top)
        if len(again) == 1:
            why = (f"tied on {first[4]} with {others} ({first[0](top):.2f} {first[5]}); the "
                   f"{second[3]} ({second[0](top):.2f} {second[5]})")
        else:
            why = (f"tied with {others} on {first[4]} and {second[4]}: the first in position "
                   "order (lower storey, then lower, then further left on the plan)")
    return top, why


def _note_types(ctx, double_area: float) -> None:
    """List the bedrooms typed from their area (not declared) as one assumption."""
    key = f"{double_area:g}"
    if ("bedroom_types", key) in ctx._assumed:
        return
    parts, ids = [], []
    for r in ctx.tenant_bedrooms:
        if declared_type(r) is not None or isinstance((r.properties or {}).get("bedspaces"), int | float):
            continue
        area = ctx.m.rooms[r.id].area
        double = area >= double_area - EPS
        parts.append(f"{ctx.label_in_home(r)} {'double, 2 bedspaces' if double else 'single, 1 bedspace'}"
                     f" ({area:.2f} m²)")
        ids.append(r.id)
    if parts:
        ctx.assume("bedroom_types", f"Bedrooms typed from their counted areas (a double, sleeping "
                   f"two, from {double_area:g} m²): " + "; ".join(parts) + ".", TYPE_OVERRIDE,
                   subject=key, rooms=tuple(ids))


def bedroom_types(ctx, double_area: float, principal: bool, by: str = "area",
                  largest: bool = False) -> dict[str, str]:
    """Room id -> ``single`` / ``double`` / ``principal`` for every tenant bedroom.

    ``by`` says how the principal is chosen among a home's doubles (see :func:`choose`).
    With ``largest`` the principal is chosen among all of a home's bedrooms, not only its
    doubles: M4(3) 3.35(d) holds the only or largest bedroom to the principal double's
    size, whatever its own.
    """
    out: dict[str, str] = {}
    groups = list(ctx.homes.items())
    covered = {r.id for _, rooms in groups for r in rooms}
    # bedrooms outside every dwelling of a flats scheme are typed on their own
    groups += [(r.dwelling, [r]) for r in ctx.tenant_bedrooms if r.id not in covered]
    if double_area != float("inf"):
        _note_types(ctx, double_area)
    for home, rooms in groups:
        beds = [r for r in rooms if r.use == "bedroom"]
        for r in beds:
            out[r.id] = declared_type(r) or (
                "double" if ctx.m.rooms[r.id].area >= double_area - EPS else "single")
        if principal and not any(out[r.id] == "principal" for r in beds):
            doubles = [r for r in beds if out[r.id] == "double"]
            if largest and beds and not doubles:
                top = beds[0] if len(beds) == 1 else choose(ctx, beds, by)[0]
                out[top.id] = "principal"
                why = ("its only bedroom" if len(beds) == 1 else
                       f"its largest bedroom ({ctx.m.rooms[top.id].area:.2f} m²)")
                ctx.assume("principal_bedroom", f"Principal bedroom of {ctx.home_label(home)}: "
                           f"{ctx.label(top)}, {why}, held to the principal double's size though "
                           "it is no double by its area (M4(3) 3.35(d): the only or largest "
                           "bedroom).", "`bedroom_type: principal` on another bedroom",
                           subject=f"{home}|{by}", rooms=(top.id,))
            elif doubles:
                top, why = choose(ctx, doubles, by)
                out[top.id] = "principal"
                what = ("Principal bedroom" if by == "area" else
                        "The double held to the principal width (one double that wide)")
                ctx.assume("principal_bedroom", f"{what} of {ctx.home_label(home)}: "
                           f"{ctx.label(top)}, {why}.",
                           "`bedroom_type: principal` on the bedroom",
                           subject=f"{home}|{by}", rooms=(top.id,))
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
    _note_types(ctx, double_area)
    return 2 if ctx.m.rooms[room.id].area >= double_area - EPS else 1


def sleep_ins(ctx, kind: str | None) -> list:
    """The staff sleep-in rooms a bedroom rule also checks, held to ``kind``'s minimum
    (``"single"``: NDSS asks the same of every bedroom); none when ``kind`` is unset."""
    if kind not in ("single", "double"):
        return []
    return [r for r in ctx.plan.rooms if r.use == "staff_sleep_in"]
