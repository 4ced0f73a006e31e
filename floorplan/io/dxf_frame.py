"""Move what was collected from drawing units and coordinates to local metres.

All primitive points are moved in one array per column count (2D outlines, 3D polylines
and faces) rather than one small array each; the arithmetic is the same element by
element, so the figures are too. Each primitive gets a view of its rows.
"""

from __future__ import annotations

import numpy as np


def to_local(col, origin: np.ndarray, s: float) -> None:
    """``(xy - origin) * s`` (z times ``s``) for every primitive, text and insert of ``col``
    (a :class:`~floorplan.io.dxf_collect.Collected`), each primitive once."""
    groups: dict[int, list] = {2: []}
    seen: set[int] = set()  # an ARC is in both opens and arcs
    for lst in (col.loops, col.opens, col.hatches, col.circles, col.faces3d, col.arcs):
        for p in lst:
            k = id(p)
            if k in seen:
                continue
            seen.add(k)
            ncols = p.pts.shape[1]
            if ncols == 2:
                groups[2].append(p)
            else:
                groups.setdefault(ncols, []).append(p)
    # the inserts' content points go with the 2D outlines (the same arithmetic)
    boxes = [i for i in col.inserts if i.pts is not None]
    ox, oy = origin[0], origin[1]
    fx, fy = float(ox), float(oy)  # for arcs' centres and ends: plain floats, the same sums
    for ncols, prims in groups.items():
        extra = boxes if ncols == 2 else []
        if not prims and not extra:
            continue
        big = np.concatenate([p.pts for p in prims] + [i.pts for i in extra]).astype(float, copy=False)
        big[:, :2] = (big[:, :2] - origin) * s
        if ncols > 2:
            big[:, 2:] *= s
        ends = np.cumsum([len(p.pts) for p in prims] + [len(i.pts) for i in extra]).tolist()
        for p, a, b in zip(prims + extra, [0] + ends[:-1], ends, strict=True):
            p.pts = big[a:b]
        for p in prims:
            if p.extra:
                _extra(p.extra, origin, fx, fy, s)
    for t in col.texts:
        t.x, t.y, t.height = (t.x - ox) * s, (t.y - oy) * s, t.height * s
    for i in col.inserts:
        i.x, i.y = (i.x - ox) * s, (i.y - oy) * s


def _extra(extra: dict, origin: np.ndarray, ox, oy, s: float) -> None:
    """Arc centres and ends, radii and hatch rings; ``ox, oy`` are ``origin``'s items."""
    if "rings" in extra:
        extra["rings"] = [(r - origin) * s for r in extra["rings"]]
    c = extra.get("center")
    if c is not None:
        extra["center"] = ((c[0] - ox) * s, (c[1] - oy) * s)
        extra["radius"] *= s
        extra["ends"] = tuple(((x - ox) * s, (y - oy) * s) for x, y in extra["ends"])
    elif "radius" in extra:
        extra["radius"] *= s
