"""The wheelchair route (FP208): from the entrance to a wheelchair user's rooms.

Where the plan has wheelchair users, the ECC standard asks for wheelchair accessible
bedrooms, bathrooms and communal rooms (its rows cite Approved Document M). Sizes and
turning circles inside the rooms are FP102, FP104, FP105 and FP201; this rule checks
that a wheelchair user can get to those rooms: through doors wide enough, from the
entrance, and that each communal room has room to turn.

PASS: a wheelchair bedroom reached from the front door through the hall, every door
900 mm. FAIL: the same with a 750 mm bedroom door.
"""

from __future__ import annotations

from collections import deque

from floorplan.findings import Mark, Outcome, Status, worst
from floorplan.rules.base import Option, rule
from floorplan.rules.context import BATHROOMS, COMMUNAL, WCS

_EPS = 1e-9


def _mm(v: float) -> str:
    return f"{v * 1000:.0f} mm"


#: rooms a route may not pass through (someone's room, a bathroom): it may end there
PRIVATE = frozenset({"bedroom", "staff_sleep_in", "office"}) | WCS


def _search(ctx, ids: set[str], starts: list, ok, own: frozenset[str] = frozenset()) -> dict[str, list]:
    """Room id -> the door links of the fewest-doors route to it from the entrance,
    through doors ``ok`` allows, within the home's rooms ``ids``; a route passes through
    no bedroom, bathroom, WC or staff room (but the room the entrance opens into, and
    the wheelchair user's own bedrooms ``own``, on the way to their en-suite)."""
    paths: dict[str, list] = {}
    todo: deque = deque()
    for link, room in starts:
        if ok(link) and room.id not in paths:
            paths[room.id] = [link]
            todo.append(room.id)
    entered = {room.id for _, room in starts}
    while todo:
        rid = todo.popleft()
        r = ctx.rooms_by_id[rid]
        if rid not in entered and rid not in own and r.use in PRIVATE:
            continue
        for did in ctx.m.rooms[rid].doors:
            link = ctx.m.doors[did]
            other = ctx.other_side(link, rid)
            if other is None or other not in ids or other in paths or not ok(link):
                continue
            paths[other] = paths[rid] + [link]
            todo.append(other)
    return paths


def route_to(ctx, ids: set[str], starts: list, target: str, need: float,
             own: frozenset[str] = frozenset()):
    """``(status, doors)``: the best route to ``target`` and how it stands.

    ``pass``: every door on it is at least ``need`` wide; ``warn``: only through doors
    whose width is not shown; ``fail``: only through a narrower door (the route whose
    narrowest door is widest); ``None`` and no doors: no route through the doors drawn.
    """
    def wide(link) -> bool:
        return link.width is not None and link.width >= need - _EPS

    for status, ok in ((Status.PASS, wide), (Status.WARN, lambda lk: lk.width is None or wide(lk))):
        path = _search(ctx, ids, starts, ok, own).get(target)
        if path is not None:
            return status, path
    widths = sorted({lk.width for lk in ctx.m.doors.values() if lk.width is not None}, reverse=True)
    for t in widths:
        path = _search(ctx, ids, starts, lambda lk, t=t: lk.width is None or lk.width >= t - _EPS,
                       own).get(target)
        if path is not None:
            return Status.FAIL, path
    return None, []


def _door_text(ctx, link, need: float) -> str:
    if link.width is None:
        return f"{link.id} (width not shown on the plan)"
    text = f"{link.id} {_mm(link.width)}"
    return text + (f" ({_mm(need - link.width)} short)" if link.width < need - _EPS else "")


def _route_outcome(ctx, home, ids, starts, dest, need, what: str, own=frozenset()):
    name = ctx.label(dest)
    levels = {room.level for _, room in starts}
    if levels and all(abs(dest.level - lv) > 1e-9 for lv in levels):
        entrance = ", ".join(f"{lv:g}" for lv in sorted(levels))
        return (Status.WARN, f"{name} ({what}): on level {dest.level:g}, the entrance on level "
                f"{entrance}: a wheelchair user reaches it only by a lift, which this rule does not "
                "check (stairs are no route)", [])
    status, path = route_to(ctx, ids, starts, dest.id, need, own)
    if status is None:
        return (Status.WARN, f"{name} ({what}): no route from the entrance through the doors "
                f"drawn, so a wheelchair user's way to it cannot be checked", [])
    doors = ", ".join(_door_text(ctx, lk, need) for lk in path)
    text = f"{name} ({what}): from the entrance through door{'s' * (len(path) != 1)} {doors}"
    if status is Status.PASS:
        text += f"; at least {_mm(need)} clear each required"
    elif status is Status.WARN:
        text += f"; at least {_mm(need)} clear each required, and not every width is shown"
    else:
        text += f"; at least {_mm(need)} clear each required: no wider route is drawn"
    return status, text, path


def _wheelchair_beds(ctx, rooms) -> list:
    beds = [r for r in rooms if r.use == "bedroom"]
    marked = [r for r in beds if r.wheelchair]
    return marked or (beds if ctx.plan.meta.wheelchair else [])


def _bathrooms(ctx, rooms, beds) -> list:
    """The bathrooms a wheelchair user may use: those marked wheelchair where any are,
    else all, less en-suites reached only through another tenant's bedroom."""
    baths = [r for r in rooms if r.use in BATHROOMS]
    marked = [r for r in baths if r.wheelchair]
    mine = {b.id for b in beds}
    out = []
    for r in marked or baths:
        gate = ctx.reached_only_through(r, lambda o: o.use == "bedroom")
        if gate is None or gate.id in mine:
            out.append(r)
    return out


@rule("FP208", "wheelchair-route", options=(
    Option("min_width", float, 0.85, "minimum clear opening of every door on the route (m)"),
    Option("diameter", float, 1.5, "turning circle in each communal room (m)"),
    Option("ellipse_uses", list, ["living", "dining", "kitchen", "kitchen_dining", "living_dining",
                                  "kitchen_living_dining"],
           "communal uses that may turn in a 1700 x 1400 mm ellipse instead"),
    Option("shower_overlap", float, 0.5, "as FP201 (unused in communal rooms unless a shower "
           "is drawn there)"),
))
def wheelchair_route(ctx, opts):
    """A wheelchair user can get from the entrance to their bedroom, a bathroom and every
    communal room: every door on the way at least ``min_width`` clear (850 mm, the
    figure of Approved Document M 3.24(d), which the ECC rows cite for wheelchair
    accessible rooms), and a 1500 mm turning circle (or, in living and kitchen spaces, a
    1700 x 1400 mm ellipse) in each communal room.

    Who: a home has a wheelchair user when a bedroom in it is marked ``wheelchair: true``
    (their bedroom) or the whole plan is marked wheelchair (every tenant bedroom). Else
    the rule is not applicable.

    The route follows the doors drawn, within the home, from its entrance door (see
    *Scheme and tenants*; several candidates: any of them). The entrance door is on the
    route and is checked too. A route does not pass through a bedroom, bathroom, WC or
    staff room (a way through another tenant's bedroom is no way), except the wheelchair
    user's own bedroom on the way to their en-suite. A room on another storey than the
    entrance is to review: stairs are no route for a wheelchair, and whether a lift serves
    it is not checked here. Of the routes, the one through doors all wide enough is
    taken (met); else one through doors whose width is not shown (to review); else the
    one whose narrowest door is widest, and each door short of the width is named (not
    met). No route through the doors drawn, or no entrance shown: to review ("not shown
    on the plan"), never met. The bathroom: a wheelchair user needs one, so the best
    route to any bathroom counts (only those marked ``wheelchair: true`` where any are;
    an en-suite reached only through someone else's bedroom is not theirs). A communal
    room's finding is the worse of its route and its turning space.

    The door width is the plan's, as in FP202: a DXF door is as wide as its leaf, wider
    than its clear opening.

    PASS: front door, hall and bedroom door all 900 mm; a 4 x 4 m lounge.
    FAIL: a 750 mm bedroom door (100 mm short); a 3.0 x 1.4 m dining room (no 1500 mm
    circle, no ellipse).
    """
    from floorplan.rules.circles import anywhere

    need = opts["min_width"]
    turn = {"diameter": opts["diameter"], "shower_overlap": opts["shower_overlap"],
            "ellipse_uses": opts["ellipse_uses"]}
    any_user = False
    for home, rooms in ctx.homes.items():
        beds = _wheelchair_beds(ctx, rooms)
        if not beds:
            continue
        any_user = True
        label = ctx.home_label(home)
        starts = ctx.entrances(home)
        if not starts:
            yield Outcome(Status.WARN, rooms=tuple(r.id for r in beds), dwelling=home,
                          required=need, unit="m", message=f"{label}: the entrance door is not "
                          "shown on the plan (no door to outside, none marked entrance: true), "
                          "so the wheelchair route from it cannot be checked",
                          marks=ctx.room_marks(*beds))
            continue
        ids = {r.id for r in rooms}
        for bed in beds:
            status, text, path = _route_outcome(ctx, home, ids, starts, bed, need, "wheelchair user's bedroom")
            yield _outcome(ctx, home, bed, status, text, path, need)
        baths = _bathrooms(ctx, rooms, beds)
        if not baths:
            yield Outcome(Status.WARN, dwelling=home, required=need, unit="m",
                          message=f"{label}: no bathroom a wheelchair user can use is shown on "
                          "the plan, so the route to one cannot be checked")
        else:
            own = frozenset(b.id for b in beds)
            tried = [(_route_outcome(ctx, home, ids, starts, b, need, "bathroom", own), b)
                     for b in baths]
            order = {Status.PASS: 0, Status.WARN: 1, Status.FAIL: 2}
            (status, text, path), bath = min(tried, key=lambda t: order[t[0][0]])
            yield _outcome(ctx, home, bath, status, text, path, need)
        for room in [r for r in rooms if r.use in COMMUNAL]:
            status, text, path = _route_outcome(ctx, home, ids, starts, room, need, "communal room")
            circle = anywhere(ctx, room, turn, None)
            prefix = f"{ctx.label(room)}: "
            turning = circle.message[len(prefix):] if circle.message.startswith(prefix) else circle.message
            status = worst([status, circle.status]) or status
            yield _outcome(ctx, home, room, status, f"{text}; turning space: {turning}", path, need,
                           extra=tuple(m for m in circle.marks if m.role != "room"))
    if not any_user:
        yield Outcome(Status.NOT_APPLICABLE, message="no wheelchair user on the plan (no bedroom "
                      "marked wheelchair: true, and the plan is not marked wheelchair)")


def _outcome(ctx, home, room, status, text, path, need, extra=()):
    marks = list(ctx.room_marks(room))
    for lk in path:
        marks.append(Mark("door", lk.door.geometry, label=lk.id))
    marks += extra
    short = [lk.width for lk in path if lk.width is not None and lk.width < need - _EPS]
    measured = min(short) if short else min((lk.width for lk in path if lk.width is not None),
                                            default=None)
    return Outcome(status, rooms=(room.id,), dwelling=home, measured=measured, required=need,
                   unit="m", message=text, marks=tuple(marks))
