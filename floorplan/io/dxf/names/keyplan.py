"""A key plan: a small copy of the floor plan on the same sheet (a locator in the title
block, a key beside an elevation), whose labels repeat the names of the rooms read.

A sheet of a drawing set often carries, in its title block or a corner, the plan drawn
again at a fraction of its size, with its own room labels, to say where on the floor the
sheet's subject lies. Its rooms are too small to be read as rooms, but its labels lie in
no room, and as labels in no room (FP010) they say rooms may be missing from the plan:
the verdict is withheld for rooms that are there. A copy is told by its layout, not by
where it stands or what it is called: at least :data:`KEY_NAMES` of the labels in no room
each repeat the name of one room read (one room of that name), and one scale and shift,
the same for all of them, the scale at least :data:`KEY_SCALE` (the copy at most half the
plan's size), carries each of them into its room (the mean position of the labels onto
that of the rooms, the spread onto the spread by least squares). Those labels are the key
plan's, not lost; the others stay lost (a name the key plan gives to a room the plan does
not have is a room the reading may have missed).

>>> from shapely.geometry import box
>>> class T:
...     def __init__(self, x, y): self.x, self.y = x, y
>>> class R:
...     def __init__(self, name, poly): self.name, self.polygon = name, poly
>>> rooms = [R("BEDROOM", box(0, 0, 4, 3)), R("KITCHEN", box(4, 0, 8, 3)),
...          R("BATH", box(0, 3, 3, 5))]
>>> lost = [(T(20.2, 10.15), "Bedroom"), (T(20.6, 10.15), "Kitchen"), (T(20.15, 10.4), "Bath"),
...         (T(21, 11), "Store")]
>>> kept, aside, scale = key_plan(lost, rooms)
>>> [n for _, n in kept], [n for _, n in aside], round(scale, 1)
(['Store'], ['Bedroom', 'Kitchen', 'Bath'], 10.0)
"""

from __future__ import annotations

import numpy as np
import shapely

#: a key plan is drawn at most 1 / this of the plan's size
KEY_SCALE = 2.0
#: at least this many of its labels repeat the names of rooms read
KEY_NAMES = 3


def key_plan(lost: list, rooms: list) -> tuple[list, list, float | None]:
    """``lost`` ((text, name), the room labels in no room) split into those that stay lost
    and those of a key plan of ``rooms`` (each with ``name`` and ``polygon``), with the
    scale the key plan is drawn at (the plan's size over the copy's; ``None``: none found)."""
    if len(lost) < KEY_NAMES:
        return lost, [], None
    named: dict[str, list] = {}
    for r in rooms:
        if r.name:
            named.setdefault(r.name.strip().casefold(), []).append(r)
    pairs = [(k, named[n.strip().casefold()][0]) for k, (_, n) in enumerate(lost)
             if len(named.get(n.strip().casefold(), ())) == 1]
    if len(pairs) < KEY_NAMES or len({id(r) for _, r in pairs}) < len(pairs):
        return lost, [], None
    at = np.array([(lost[k][0].x, lost[k][0].y) for k, _ in pairs], dtype=float)
    there = np.array([r.polygon.representative_point().coords[0] for _, r in pairs], dtype=float)
    da, dt = at - at.mean(axis=0), there - there.mean(axis=0)
    spread = float((da * da).sum())
    if spread <= 0:
        return lost, [], None
    scale = float((da * dt).sum()) / spread
    if scale < KEY_SCALE:
        return lost, [], None
    moved = shapely.points(scale * da + there.mean(axis=0))
    polys = np.array([r.polygon for _, r in pairs], dtype=object)
    if not shapely.contains(polys, moved).all():
        return lost, [], None
    aside = {k for k, _ in pairs}
    return ([x for k, x in enumerate(lost) if k not in aside],
            [x for k, x in enumerate(lost) if k in aside], scale)
