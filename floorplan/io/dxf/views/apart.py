"""A drawing standing apart inside a view: spaces with no door and no label beside a
plan that has them.

Views are parted by :data:`~floorplan.io.dxf.views.grid.VIEW_GAP` of empty sheet. A sheet
drawn tighter than that (JW-CAD's house2: the ground-floor plan, and 1.8 m below it the
frame layout of the walls' centre lines with its columns) makes one view of two drawings,
and the second one's spaces, bounded by centre lines, would be read as rooms beside the
plan's. A careful reader parts them: the rooms of one floor plan lie a wall's thickness
apart (at most :data:`JOIN` m), so the view's spaces fall into groups that far apart; a
group with doors or room labels in it is plan, and a group with neither, standing apart
from it, is another drawing (a frame or setting-out layout, a detail, a diagram). Its
spaces are set aside, and a note says so. A view whose groups all lack doors and labels,
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


def apart(polys: list[Polygon], doors: np.ndarray, labels: list[tuple[float, float, str]]) -> list[int]:
    """The indices of ``polys`` (one view's spaces) in groups with no door (of ``doors``,
    (n, 2)) within :data:`JOIN` and no label (``labels``: (x, y, text)) in them, standing
    apart from a group that has one (see the module's docstring)."""
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
    return [k for k in range(len(polys)) if int(group[k]) not in plan_groups]
