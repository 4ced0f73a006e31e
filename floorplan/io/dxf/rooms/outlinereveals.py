"""An author's room outline measured against the walls it lies in: the reveals it runs
into cut off.

The standards measure a room to its walls' inner faces, and an opening's reveal is wall
(NDSS, RICS). An author who outlines a room by its corners often runs the outline round
every window and door, into the wall's thickness up to the glass or the door line:
plan.dxf's outlines (on 'propspetti', each with its 'mq=' figure) take in 0.45-0.94 m² of
reveals in 0.65 m stone walls, 2-7 % of their rooms. Where such an outline lies in wall
linework (lines on layers that say wall), each notch of it that is an opening's reveal
by the tests of :mod:`~floorplan.io.dxf.walls.reveals` and
:mod:`~floorplan.io.dxf.walls.splays` (as wide as an opening, no deeper than the thickest
wall, a jamb through the wall at its side, its bottom no wall's face) is cut off along the
wall's inner face, as for a room found in the walls; the room's reason says so, and by
how much. A figure written for the room (the author's area of the outline as drawn) then
disagrees with the room by as much: the figure is evidence of the outline, not of the
floor inside the walls.

Only the wall layers' lines are the walls here: an outline drawing's opening lines
(sills, glass, thresholds, on a layer of their own) are no wall's face, and an outline
with no wall line at its notches is kept as drawn.

>>> from shapely.geometry import LineString, box
>>> # a 4 x 3 room in a 0.6 m wall, its outline run 0.4 m into a 1 m window's reveal
>>> walls = [LineString([(1, 0), (0, 0), (0, 3), (4, 3), (4, 0), (2, 0)]),
...          LineString([(1, 0), (1, -0.6), (-0.6, -0.6)]),
...          LineString([(2, 0), (2, -0.6), (4.6, -0.6)])]
>>> outline = box(0, 0, 4, 3).union(box(1, -0.4, 2, 0))
>>> [round(p.area, 2) for p in cut_reveals([outline], walls)]
[12.0]
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, Polygon

from floorplan.io.dxf.walls.marks import hidden_layers, not_the_plan
from floorplan.io.dxf.walls.reveals import Lines
from floorplan.io.dxf.walls.reveals import trim as trim_square
from floorplan.io.dxf.walls.splays import trim as trim_splayed

#: an outline is cut only by this much of its area at most: more is no reveal taken in,
#: but an outline at odds with the walls (another floor's, a zone's)
MAX_SHARE = 0.2


def wall_strings(rd) -> list[LineString]:
    """The lines on layers that say wall (not frozen or off, not foundations or roof, not
    in a recognised block), closed polylines closed."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    out = []
    for p in rd.col.opens + rd.col.loops:
        if len(p.pts) < 2 or rd.layer_kind(p.layer) != "wall" or rd.blocked(p) \
                or p.layer in hidden or not_the_plan(p.layer):
            continue
        pts = np.asarray(p.pts)[:, :2]
        if p.closed and np.hypot(*(pts[0] - pts[-1])) > 1e-9:
            pts = np.vstack([pts, pts[:1]])
        g = LineString(pts)
        if g.length > 1e-6:
            out.append(g)
    return out


def cut_reveals(polys: list[Polygon], walls: list[LineString]) -> list[Polygon]:
    """Each of ``polys`` less the reveals it runs into in the wall lines ``walls`` (the
    polygon itself when it runs into none, or when the cut would take more than
    :data:`MAX_SHARE` of it)."""
    if not walls:
        return list(polys)
    lines = Lines(walls, walls)
    out = []
    for p in polys:
        if not isinstance(p, Polygon) or p.is_empty:
            out.append(p)
            continue
        g = trim_square(p, walls, walls, lines)[0]
        g = trim_splayed(g, walls, walls, lines)[0]
        out.append(g if g is not p and g.area >= (1 - MAX_SHARE) * p.area else p)
    return out


def reason(before: Polygon, after: Polygon) -> str:
    """What a room's reason says of its outline cut back to the walls."""
    return (f"its outline runs into the reveals of its openings: cut back to the walls' "
            f"inner face ({before.area - after.area:.2f} m² of reveal, {before.area:.2f} m² "
            "as outlined)")
