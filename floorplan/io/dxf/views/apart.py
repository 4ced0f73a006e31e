"""A drawing standing apart inside a view: spaces with no door and no label beside a
plan that has them.

Views are parted by :data:`~floorplan.io.dxf.views.grid.VIEW_GAP` of empty sheet. A sheet
drawn tighter than that (JW-CAD's house2: the ground-floor plan, and 1.8 m below it the
frame layout of the walls' centre lines with its columns) makes one view of two drawings,
and the second one's spaces, bounded by centre lines, would be read as rooms beside the
plan's. A careful reader parts them: the rooms of one floor plan lie a wall's thickness
apart (at most :data:`JOIN` m), so the view's spaces fall into groups that far apart; a
group with doors or room labels in it is plan, and a group with neither, standing apart
from it with no line of its edges joined (line touching line) to the plan's linework, is
another drawing (a frame or setting-out layout, a north sign, a detail). Its spaces are
set aside, and a note says so. A piece of a stairwell beyond its flights, cut off from
the rooms by the treads, is joined to the plan by its walls, and kept. A view whose groups all lack doors and labels,
or all have them, is left as it is (the view's own scoring decides).

>>> from shapely.geometry import box
>>> import numpy as np
>>> plan = [box(0, 0, 4, 3), box(4.1, 0, 8, 3)]
>>> layout = [box(0, -6, 5, -2), box(5, -6, 9, -2)]
>>> apart(plan + layout, np.array([[4.05, 1.5]]), [])
[2, 3]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.views.grid import components

#: the rooms of one plan lie at most this far apart (metres: the thickest wall)
JOIN = 1.0
#: lines touch within this (metres)
TOUCH = 0.05


def apart(polys: list[Polygon], doors: np.ndarray, labels: list[tuple[float, float, str]],
          lines=None) -> list[int]:
    """The indices of ``polys`` (one view's spaces) in groups with no door (of ``doors``,
    (n, 2)) within :data:`JOIN` and no label (``labels``: (x, y, text)) in them, standing
    apart from a group that has one (see the module's docstring). ``lines()``: the view's
    linework ((n, 2) arrays), asked for only when a group stands apart: a group whose
    edges' linework runs on, line touching line, to the plan's is part of its drawing (a
    stairwell's piece beyond its flights), not apart."""
    if len(polys) < 2:
        return []
    arr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(arr)
    i, j = tree.query(arr, predicate="dwithin", distance=JOIN)
    group = components(len(polys), i, j)
    if len(np.unique(group)) < 2:
        return []
    marked = np.zeros(len(polys), dtype=bool)
    if len(doors):
        _, k = tree.query(shapely.points(np.asarray(doors, dtype=float)[:, :2]),
                          predicate="dwithin", distance=JOIN)
        marked[k] = True
    if labels:
        pts = np.array([(x, y) for x, y, _ in labels], dtype=float)
        _, k = tree.query(shapely.points(pts), predicate="within")
        marked[k] = True
    plan_groups = set(group[marked].tolist())
    if not plan_groups or len(plan_groups) == len(np.unique(group)):
        return []
    out = [k for k in range(len(polys)) if int(group[k]) not in plan_groups]
    if out and lines is not None:
        out = _unjoined(arr, group, out, marked, lines())
    return out


def _unjoined(arr: np.ndarray, group: np.ndarray, out: list[int], marked: np.ndarray,
              lines) -> list[int]:
    """Of the spaces ``out``, those whose groups' edges touch no linework joined (line
    touching line, within :data:`TOUCH`) to the walls round the plan's groups' spaces
    (``marked``; the lines within :data:`JOIN` of them, both faces of their walls)."""
    drawn = [ln for ln in lines if len(ln) >= 2]
    if not drawn:
        return out
    geoms = np.asarray(shapely.linestrings(np.vstack([np.asarray(ln)[:, :2] for ln in drawn]),
                       indices=np.repeat(np.arange(len(drawn)), [len(ln) for ln in drawn])), dtype=object)
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="dwithin", distance=TOUCH)
    part = components(len(geoms), i, j)
    edges = shapely.boundary(arr)
    plan_groups = set(group[marked].tolist())
    mine = np.flatnonzero(np.isin(group, list(plan_groups)))
    _, g = tree.query(edges[mine], predicate="dwithin", distance=JOIN)  # the walls round them
    plan_parts = set(part[g].tolist())
    e, g = tree.query(edges, predicate="dwithin", distance=TOUCH)
    joined = {int(group[k]) for k, p in zip(e.tolist(), part[g].tolist(), strict=True)
              if int(group[k]) not in plan_groups and p in plan_parts}
    return [k for k in out if int(group[k]) not in joined]
