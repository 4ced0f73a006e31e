"""A label that carries its own room number belongs to the room of that number.

Drawings that number their rooms write each room's number, name and area as one block of
lines (``Bg02`` over ``Cleaners Cupboard`` over ``0.25 sqm``). A small room's block often
stands across its wall, partly in the corridor it opens onto, or outside every room when
the room itself is too small to read (a duct, a riser). Read by where each line stands,
the corridor then holds two areas (``0.25 sqm`` and its own ``5.87 sqm``: "several rooms
read as one?") or the duct's name ("Cleaners Cupboard / West Corridor").

:func:`settle` gives each such line to the room its own number names: a name or figure
in (or joined to) a room that has a number of its own, whose block's number is another
one, is taken out of that room, into the room holding its number, else out of every
room (issue 10; holdout finding 2.3).

>>> from types import SimpleNamespace as T
>>> def txt(uid, s, x, y): return T(uid=uid, text=s, x=x, y=y, height=0.25)
>>> corridor = [txt(1, "Bg91", 7.2, 4.33), txt(2, "West Corridor", 7.18, 4.0),
...             txt(3, "0.2 sqm", 6.24, 4.44)]
>>> riser_no = txt(4, "Bg08", 6.27, 4.74)   # the riser's number, outside every room
>>> inside = {0: corridor}
>>> out = settle(inside, corridor + [riser_no], lambda t: t.text.startswith("Bg"), {})
>>> [t.text for t in inside[0]], [t.text for t in out]
(['Bg91', 'West Corridor'], ['0.2 sqm'])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

#: a line of a label block lies within this many text heights of the block's number,
#: across (two line gaps: the area under the name under the number) ...
BLOCK_DOWN = 4.4
#: ... and along the lines (a centred name is wider than its number)
BLOCK_ALONG = 6.0
#: the block's number is another room's only when the room's own number is at least this
#: many times as far from the text
CLEAR = 2.0


def _norm(text: str) -> str:
    return "".join(text.split()).casefold()


def own_numbers(texts: list, ids: list) -> dict[int, Any]:
    """``{uid: id text}``: for each text of ``texts``, the nearest room number of ``ids``
    in its label block (within :data:`BLOCK_DOWN` text heights across and
    :data:`BLOCK_ALONG` along), if any."""
    if not texts or not ids:
        return {}
    pts: Any = shapely.points(np.array([(n.x, n.y) for n in ids], dtype=float))
    tree = STRtree(pts)
    h = np.array([max(t.height, 1e-6) for t in texts])
    xy = np.array([(t.x, t.y) for t in texts], dtype=float)
    boxes = shapely.box(xy[:, 0] - BLOCK_ALONG * h, xy[:, 1] - BLOCK_DOWN * h,
                        xy[:, 0] + BLOCK_ALONG * h, xy[:, 1] + BLOCK_DOWN * h)
    ti, ni = tree.query(boxes, predicate="intersects")
    out: dict[int, Any] = {}
    best: dict[int, float] = {}
    for a, b in zip(ti.tolist(), ni.tolist(), strict=True):
        t, n = texts[a], ids[b]
        if n.uid == t.uid:
            continue
        d = (t.x - n.x) ** 2 + (t.y - n.y) ** 2
        if d < best.get(a, np.inf):
            best[a], out[t.uid] = d, n
    return out


def settle(inside: dict[int, list], texts: list, is_id, via: dict[int, str],
           notes: list[str] | None = None) -> list:
    """Take out of each room (``inside``: room index -> its texts, changed in place) the
    names and figures whose block's number (among ``texts``, ``is_id(text)`` telling
    numbers) is not one of the room's own numbers, where it has any, and lies clearly
    nearer than those (:data:`CLEAR`): into the room that holds their number, else out of
    every room. The texts taken out of every room; ``notes`` get how many moved."""
    ids = [t for t in texts if is_id(t)]
    if len(ids) < 2:
        return []
    room_of = {t.uid: r for r, ts in inside.items() for t in ts}
    numbers = {r: {_norm(t.text) for t in ts if is_id(t)} for r, ts in inside.items()}
    others = [t for ts in inside.values() for t in ts if not is_id(t)]
    own = own_numbers(others, ids)
    moved: list[tuple[Any, int, int | None]] = []
    for t in others:
        n = own.get(t.uid)
        r = room_of[t.uid]
        if n is None or not numbers[r] or _norm(n.text) in numbers[r]:
            continue
        d = (t.x - n.x) ** 2 + (t.y - n.y) ** 2
        if any((t.x - m.x) ** 2 + (t.y - m.y) ** 2 < CLEAR ** 2 * d
               for m in inside[r] if is_id(m)):
            continue  # the room's own number about as near: whose it is is not clear
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
