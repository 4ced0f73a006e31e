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

from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

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
