"""Outlines drawn round the walls: a boundary, not a room.

A closed outline on a room layer is normally a room's floor: the walls stand on its edge,
none inside it. An outline with more wall linework inside it than its own perimeter (the
walls of the rooms it holds, standing well in from its edge) is drawn round the plan: a
map's limit (``valid_area`` of a robot map), a site or plot line, a level's extent, a
sheet border on a layer called AREA. Taken as a room it would be one room of the whole
floor, and, since rooms then come from outlines, the rooms the walls enclose would never
be looked for. :func:`round_walls` tells those outlines apart; the reader sets them aside
(said in the notes) and reads the rooms in the walls instead.

A room's outline drawn on the wall face has the wall's far face just outside it, and a nib
or a column inside it is short against its perimeter, so neither counts: only linework at
least :data:`INSET` in from the outline's edge is counted.

>>> import numpy as np
>>> from types import SimpleNamespace as NS
>>> from shapely.geometry import box
>>> walls = [NS(pts=np.array([[x, 0.5], [x, 9.5]]), layer="W") for x in range(1, 10)]
>>> rd = NS(col=NS(opens=walls, loops=[]), layer_kind=lambda l: "wall", blocked=lambda p: False)
>>> cands = [NS(polygon=box(0, 0, 10, 10), uid=1), NS(polygon=box(20, 0, 24, 3), uid=2)]
>>> [c.uid for c in round_walls(rd, cands, set())]
[1]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

#: wall linework this far (metres) in from an outline's edge stands inside the outline
INSET = 0.3
#: an outline holding more wall linework inside than this many times its own perimeter is
#: drawn round the walls
SHARE = 1.0


def round_walls(rd, cands: list, hidden: set[str]) -> list:
    """The outline candidates among ``cands`` that are drawn round the walls of reader
    ``rd`` (wall-layer linework more than :data:`SHARE` x their perimeter, at least
    :data:`INSET` inside their edge), in order."""
    if not cands:
        return []
    prims = [p for p in rd.col.opens + rd.col.loops
             if rd.layer_kind(p.layer) == "wall" and not rd.blocked(p) and p.layer not in hidden
             and len(p.pts) >= 2]
    if not prims:
        return []
    lines = np.array([shapely.linestrings(np.asarray(p.pts, dtype=float)[:, :2]) for p in prims],
                     dtype=object)
    polys = np.array([c.polygon for c in cands], dtype=object)
    inner = shapely.buffer(polys, -INSET)
    ci, li = STRtree(lines).query(inner, predicate="intersects")
    if not len(ci):
        return []
    inside = shapely.length(shapely.intersection(lines[li], inner[ci]))
    held = np.bincount(ci, weights=inside, minlength=len(cands))
    perimeter = shapely.length(shapely.get_exterior_ring(polys))
    return [c for c, h, p in zip(cands, held, perimeter, strict=True) if p > 0 and h > SHARE * p]
