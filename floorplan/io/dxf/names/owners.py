"""A label that carries its own room number belongs to the room of that number.

Drawings that number their rooms write each room's number, name and area as one block of
lines (``Bg02`` over ``Cleaners Cupboard`` over ``0.25 sqm``). A small room's block often
stands across its wall, partly in the corridor it opens onto, or outside every room when
the room itself is too small to read (a duct, a riser). Read by where each line stands,
the corridor then holds two areas (``0.25 sqm`` and its own ``5.87 sqm``: "several rooms
read as one?") or the duct's name ("Cleaners Cupboard / West Corridor").

:func:`settle` gives each such line to the room its own number names. Which side of its
number a drawing writes a line on is the drawing's own layout, learnt per layer from the
rooms that hold one number and the line (:func:`layout`: Kent's ``ROOM NAME`` and
``TEXT AREA`` lines under the number); a line's own number is the nearest on that side
within its block (:func:`own_numbers`). A line in
(or joined to) a room that has a number of its own, whose own number is another one, is
taken out of that room: into the room holding its number, else out of every room (issue
10; holdout finding 2.3). A drawing with no such layout is left as it is.

>>> from types import SimpleNamespace as T
>>> def txt(uid, s, x, y, layer="NO"): return T(uid=uid, text=s, x=x, y=y, height=0.25,
...                                              layer=layer)
>>> rooms = {r: [txt(2 * r, f"B{r}", 10.0 * r, 4.3), txt(2 * r + 1, "6 sqm", 10.0 * r, 3.7,
...                                                        "AREA")] for r in range(3)}
>>> rooms[0].append(txt(9, "0.2 sqm", 1.0, 4.4, "AREA"))   # the riser's, 0.6 under B9
>>> riser_no = txt(8, "B9", 1.0, 5.0)                      # outside every room
>>> texts = [t for ts in rooms.values() for t in ts] + [riser_no]
>>> out = settle(rooms, texts, lambda t: t.layer == "NO", {})
>>> [t.text for t in rooms[0]], [t.text for t in out]
(['B0', '6 sqm'], ['0.2 sqm'])
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.names.numbered import DOOR_NEAR
from floorplan.io.dxf.names.roles import small_kind, text_role

#: the drawing's own block layout is learnt from at least this many rooms holding one
#: number, per layer of the lines ...
MIN_SAMPLES = 3
#: ... of which this share write the line on one side of the number (under it, or over)
AGREE = 2 / 3
#: a line of a block lies within this many of its text heights of the block's number,
#: across (a name of two lines over an area: 5.4 heights in Kent's plans) ...
BLOCK_DOWN = 6.0
#: ... and along the lines (a centred name is wider than its number)
BLOCK_ALONG = 6.0


def _norm(text: str) -> str:
    return "".join(text.split()).casefold()


def layout(inside: dict[int, list], is_id) -> dict[str, int]:
    """Per layer, the side of its number a drawing writes a line on: ``1`` the number over
    the line, ``-1`` under it, as at least :data:`AGREE` of the rooms that hold one number
    and a line on that layer (at least :data:`MIN_SAMPLES`) have it; layers with no such
    rule are left out. Line spacing varies (a name wraps, an MTEXT is spaced); the side
    the number is on does not."""
    sides: dict[str, list[int]] = {}
    for ts in inside.values():
        ns = [t for t in ts if is_id(t)]
        if len(ns) != 1:
            continue
        n = ns[0]
        for t in ts:
            if t is not n and t.height > 0 and abs(n.y - t.y) > 0.25 * t.height:
                sides.setdefault(t.layer, []).append(1 if n.y > t.y else -1)
    out: dict[str, int] = {}
    for layer, v in sides.items():
        if len(v) >= MIN_SAMPLES:
            up = v.count(1) / len(v)
            if up >= AGREE or 1 - up >= AGREE:
                out[layer] = 1 if up >= AGREE else -1
    return out


def own_numbers(texts: list, ids: list, side: dict[str, int]) -> dict[int, Any]:
    """``{uid: id text}``: for each text of ``texts`` on a layer whose ``side`` is known,
    the nearest room number of ``ids`` on that side of it within its block
    (:data:`BLOCK_DOWN` text heights across, :data:`BLOCK_ALONG` along), if any."""
    texts = [t for t in texts if t.layer in side and t.height > 0]
    if not texts or not ids:
        return {}
    pts: Any = shapely.points(np.array([(n.x, n.y) for n in ids], dtype=float))
    tree = STRtree(pts)
    h = np.array([t.height for t in texts])
    xy = np.array([(t.x, t.y) for t in texts], dtype=float)
    boxes = shapely.box(xy[:, 0] - BLOCK_ALONG * h, xy[:, 1] - BLOCK_DOWN * h,
                        xy[:, 0] + BLOCK_ALONG * h, xy[:, 1] + BLOCK_DOWN * h)
    ti, ni = tree.query(boxes, predicate="intersects")
    out: dict[int, Any] = {}
    best: dict[int, float] = {}
    for a, b in zip(ti.tolist(), ni.tolist(), strict=True):
        t, n = texts[a], ids[b]
        if n.uid == t.uid or (n.y - t.y) * side[t.layer] <= 0:
            continue
        d = (t.x - n.x) ** 2 + (t.y - n.y) ** 2
        if d < best.get(a, np.inf):
            best[a], out[t.uid] = d, n
    return out


def settle(inside: dict[int, list], texts: list, is_id, via: dict[int, str],
           notes: list[str] | None = None) -> list:
    """Take out of each room (``inside``: room index -> its texts, changed in place) the
    lines whose own number (among ``texts``, ``is_id(text)`` telling numbers; see
    :func:`own_numbers`) is not one of the room's own numbers, where it has any: into the
    room that holds their number, else out of every room. The texts taken out of every room; ``notes`` get how many moved."""
    ids = [t for t in texts if is_id(t)]
    if len(ids) < 2:
        return []
    room_of = {t.uid: r for r, ts in inside.items() for t in ts}
    numbers = {r: {_norm(t.text) for t in ts if is_id(t)} for r, ts in inside.items()}
    side = layout(inside, is_id)
    if not side:
        return []
    others = [t for ts in inside.values() for t in ts if not is_id(t)]
    own = own_numbers(others, ids, side)
    moved: list[tuple[Any, int, int | None]] = []
    for t in others:
        n = own.get(t.uid)
        r = room_of[t.uid]
        if n is None or not numbers[r] or _norm(n.text) in numbers[r]:
            continue
        home = room_of.get(n.uid)
        moved.append((t, r, home if home != r else None))
    out = []
    for t, r, home in moved:
        inside[r] = [x for x in inside[r] if x.uid != t.uid]
        via.pop(t.uid, None)
        if home is None:
            out.append(t)
        else:
            inside[home].append(t)
    if moved and notes is not None:
        notes.append(f"{len(moved)} label line(s) given to the room their own room number "
                     f"names, not the room they stand in or nearest ({len(out)} of them to no "
                     "room)")
    return out


# -- labels written beside the small space they name ------------------------------------
#
# A cupboard, a store or a riser is often too small to write its label in, and the label
# (its number, name and area) stands just outside it, in the room beside it, which has a
# label of its own (holdout finding 3: Johnson's cupboards over their seminar rooms).
# What tells a careful reader where such a label belongs is the label itself: the area it
# states agrees with the unlabelled space beside it and not with the room it stands in,
# and its name is a small room's kind (:func:`beside`).

#: a label written beside the space it names stands at most this far (m) from it: across
#: the wall between them and about a label's half-width
REACH = 1.0
#: a space labelled from outside is at most this large (m²): too small to write a label of
#: three lines in at a plan's scale (a cupboard, a store, a riser), where a room of a
#: room's size has its label written inside it
SMALL_ROOM = 4.0
#: a stated area and a measured one agree within this share of the stated area (the
#: surveyor's figure runs to the door's face, the walls' to the wall's line: a tenth of a
#: square metre on a cupboard) ...
AREA_AGREE = 0.25
#: ... or within this much (m²), whichever is more
AREA_SLACK = 0.1


class Block:
    """The lines of one label in one room (a room's number, name and area, written as a
    block): ``texts``; ``area`` the one area it states (m²), if any; ``named`` whether it
    holds a name or a number; ``small`` whether its name says a small room's kind."""

    __slots__ = ("texts", "area", "named", "small", "name", "number")

    def __init__(self, texts: list, role, small_kind) -> None:
        self.texts = texts
        roles = [role(t) for t in texts]
        areas = [v for r, v in roles if r == "area"]
        names = [str(v) for r, v in roles if r == "name"]
        ids = [str(v) for r, v in roles if r == "id"]
        self.number: str | None = ids[0] if len(ids) == 1 else None
        self.area: float | None = areas[0] if len(areas) == 1 else None
        self.named = any(r in ("id", "name") for r, _ in roles)
        self.name = " ".join(names)
        self.small = bool(names) and all(small_kind(n) for n in names)


def blocks(texts: list, role, small_kind, gap: float = 3.0, shift: float = 2.5,
           along: float = 6.0) -> list[Block]:
    """``texts`` (of one room) grouped into label blocks, chained line to line: lines one
    under another (within ``gap`` text heights across and ``shift`` along: a block's lines
    are centred or aligned on one side), or on one line (within half a height across and
    ``along`` heights along), heights being the taller line's. ``role(text)`` gives
    ``("id" | "name" | "area", value)`` or ``(None, None)``; ``small_kind(name)`` whether
    a name says a small room's kind. Texts with no role are left out.

    >>> from types import SimpleNamespace as T
    >>> ts = [T(text=s, x=x, y=y, height=0.25) for s, x, y in (
    ...     ("B1", 0, 2.3), ("Office", 0, 1.9), ("9 sqm", 0, 1.5),
    ...     ("B1a", 5.6, 2.3), ("Cupboard", 4.8, 2.3), ("0.9 sqm", 4.0, 2.3))]
    >>> def role(t):
    ...     return (("area", float(t.text.split()[0])) if "sqm" in t.text else
    ...             ("id", t.text) if t.text[0] == "B" else ("name", t.text))
    >>> [(b.name, b.area, b.small) for b in blocks(ts, role, lambda n: n == "Cupboard")]
    [('Office', 9.0, False), ('Cupboard', 0.9, True)]
    """
    ts = [t for t in texts if role(t)[0] is not None]
    group = list(range(len(ts)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, a in enumerate(ts):
        for j in range(i):
            b = ts[j]
            h = max(a.height, b.height, 1e-9)
            dx, dy = abs(a.x - b.x), abs(a.y - b.y)
            if (dy <= gap * h and dx <= shift * h) or (dy <= 0.5 * h and dx <= along * h):
                group[root(i)] = root(j)
    by: dict[int, list] = {}
    for i, t in enumerate(ts):
        by.setdefault(root(i), []).append(t)
    return [Block(g, role, small_kind) for g in by.values()]


def agree(stated: float, measured: float) -> bool:
    """A stated area and a measured one agree (:data:`AREA_AGREE`, :data:`AREA_SLACK`)."""
    return abs(stated - measured) <= max(AREA_AGREE * stated, AREA_SLACK)


def beside(polys: list, held: dict[int, list[Block]], free: set[int]
           ) -> dict[tuple[int, int], int | None]:
    """Where the label blocks that do not belong to the room they stand in go:
    ``{(room, block index in held[room]): space}``, the space an index into ``polys``, or
    ``None`` for out of every room.

    In a room holding two labels or more (``held``: room -> its blocks), a block goes to
    the space of ``free`` (spaces holding no text) of at most :data:`SMALL_ROOM` within
    :data:`REACH` of it when the area it states agrees with that space's (:func:`agree`)
    and not with the room's. A block stating no area goes when its name says a small
    room's kind and that space is the only one within reach (and it carries a number of
    its own where the room's labels carry numbers: a name alone there is a part of a label
    whose lines are spaced wider than a block's). A numbered block of a small room's kind
    whose stated area agrees with no space beside it goes to the only one within reach all
    the same (a slip in the figure, which the room's area check then reports); with no
    space within reach, it names a space the reader did not find: out of every room. The
    room keeps a label of its own (else nothing moves), and a space takes one block (the
    one agreeing best)."""
    tree = STRtree(polys)
    claims: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    out: dict[tuple[int, int], int | None] = {}
    for r, bs in held.items():
        if sum(b.named for b in bs) < 2:
            continue
        room_area = float(polys[r].area)
        for i, b in enumerate(bs):
            if not b.named or (b.area is None and not b.small):
                continue
            if b.area is None and b.number is None and any(x.number for x in bs):
                continue  # a name alone where labels carry numbers: a part of a label
            if b.area is not None and agree(b.area, room_area):
                continue  # it may be the room's own
            pts: Any = shapely.multipoints(np.array([(t.x, t.y) for t in b.texts], dtype=float))
            near = [k for k in tree.query(pts, predicate="dwithin", distance=REACH).tolist()
                    if k != r and k in free and polys[k].area <= SMALL_ROOM]
            err0 = 0.0
            if b.area is not None:
                fits = [k for k in near if agree(b.area, float(polys[k].area))]
                if not fits and b.small and b.number and len(near) == 1:
                    # an area that fits nothing says nothing of where the label goes (a
                    # slip: 8.98 sqm written for 0.898): its number and kind decide, and
                    # the figure is reported against the space (FP008)
                    fits, err0 = near, math.inf
            else:
                fits = near if len(near) == 1 else []
            if fits:
                area = b.area
                k = min(fits, key=lambda k: (abs(float(polys[k].area) - area) if area else 0.0,
                                             float(polys[k].distance(pts))))
                err = max(err0, abs(float(polys[k].area) - b.area) if b.area is not None else 0.0)
                claims.setdefault(k, []).append((err, (r, i)))
            elif b.small and b.area is not None and b.area < room_area:
                out[(r, i)] = None
    for k, cl in claims.items():
        cl.sort(key=lambda c: c[0])
        if len(cl) == 1 or cl[0][0] < cl[1][0]:
            out[cl[0][1]] = k
    for r, bs in held.items():  # the room keeps a label of its own
        if any((r, i) in out for i in range(len(bs))) and not any(
                b.named and (r, i) not in out for i, b in enumerate(bs)):
            for i in range(len(bs)):
                out.pop((r, i), None)
    return out


#: a room holding more texts than this is a schedule or a sheet's notes, not a room's labels
#: written as blocks: :func:`_beside` leaves it as it is
MAX_BLOCK_TEXTS = 60


def held_blocks(inside: dict[int, list]) -> dict[int, list]:
    """Each room's texts (``inside``) that hold two texts or more, as label blocks."""
    return {r: blocks(ts, text_role, small_kind) for r, ts in inside.items()
            if 1 < len(ts) <= MAX_BLOCK_TEXTS}


def place_beside(polys, inside: dict[int, list], via: dict[int, str], notes: list[str],
            doors=()) -> dict[int, list]:
    """Labels written beside the small space they name (:func:`beside`) moved out of the
    room they stand in: into that space (joined ``"beside"``, or ``"beside_alone"`` for a
    block that states no area), or out of every room; those
    taken out of every room, as blocks by the room they stood in. A space labelled from
    outside has a door of its own (one of ``doors``, the doors' geometries, within
    :data:`~floorplan.io.dxf.names.numbered.DOOR_NEAR` of it), where the drawing's doors are
    read at all. Then :func:`lone_numbers`."""
    held = held_blocks(inside)
    if not held:
        return {}
    free = {k for k in range(len(polys))
            if not any(text_role(t)[0] for t in inside.get(k, ()))}
    if free and len(doors):
        tree = STRtree(list(doors))
        free = {k for k in free if len(tree.query(polys[k], predicate="dwithin",
                                                   distance=DOOR_NEAR))}
    moves = beside(polys, held, free)
    lost: dict[int, list] = {}
    for (r, i), k in moves.items():
        block = held[r][i]
        gone = {t.uid for t in block.texts}
        inside[r] = [t for t in inside[r] if t.uid not in gone]
        if k is None:
            lost.setdefault(r, []).append(block)
            for t in block.texts:
                via.pop(t.uid, None)
        else:
            inside.setdefault(k, []).extend(block.texts)
            for t in block.texts:  # by the area it states, or as the one space in reach
                via[t.uid] = "beside" if block.area is not None else "beside_alone"
    numbers = lone_numbers(polys, held, inside)
    for t, r, k in numbers:
        inside[r] = [x for x in inside[r] if x.uid != t.uid]
        inside.setdefault(k, []).append(t)
    if numbers:
        notes.append(f"{len(numbers)} room number(s) written alone over a room that has its own, "
                     "beside a room named but not numbered, given to that room")
    n_out = sum(len(bs) for bs in lost.values())
    if len(moves) > n_out:
        notes.append(f"{len(moves) - n_out} label(s) written beside the small space they name "
                     "given to that space (the area each states agrees with it, not with the room "
                     "it stands in)")
    if n_out:
        notes.append(f"{n_out} label(s) of a small space found nowhere (no space beside them "
                     "agrees with the area they state) taken out of the room they stand in")
    return lost


def lone_numbers(polys: list, held: dict[int, list[Block]], inside: dict[int, list]) -> list:
    """``(text, from room, to room)`` for each room number written alone (a block of its
    number only) in a room holding another number with its label, that goes to the one
    room within :data:`REACH` of it holding a name and no number (a cupboard's number
    written over the seminar room beside it, its name and area inside the cupboard)."""
    def says(k: int, what: str) -> bool:
        return any(text_role(t)[0] == what for t in inside.get(k, ()))

    out = []
    tree = STRtree(polys)
    for r, bs in held.items():
        if sum(1 for b in bs if b.number) < 2 or not any(b.number and b.name for b in bs):
            continue
        for b in bs:
            if not b.number or b.name or b.area is not None or len(b.texts) != 1:
                continue
            t = b.texts[0]
            near = [k for k in tree.query(shapely.points(t.x, t.y), predicate="dwithin",
                                          distance=REACH).tolist()
                    if k != r and says(k, "name") and not says(k, "id")]
            if len(near) == 1:
                out.append((t, r, near[0]))
    return out
