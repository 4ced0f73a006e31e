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
    groups: dict[int, list] = {}
    seen: set[int] = set()
    for lst in (col.loops, col.opens, col.hatches, col.circles, col.faces3d, col.arcs):
        for p in lst:
            if id(p) in seen or getattr(p, "_done", False):
                continue
            seen.add(id(p))
            groups.setdefault(p.pts.shape[1], []).append(p)
    for ncols, prims in groups.items():
        big = np.concatenate([p.pts for p in prims]).astype(float, copy=False)
        big[:, :2] = (big[:, :2] - origin) * s
        if ncols > 2:
            big[:, 2:] *= s
        ends = np.cumsum([len(p.pts) for p in prims]).tolist()
        for p, a, b in zip(prims, [0] + ends[:-1], ends, strict=True):
            p.pts = big[a:b]
            if p.extra:
                _extra(p.extra, origin, s)
            p._done = True
    for t in col.texts:
        t.x, t.y, t.height = (t.x - origin[0]) * s, (t.y - origin[1]) * s, t.height * s
    for i in col.inserts:
        i.x, i.y = (i.x - origin[0]) * s, (i.y - origin[1]) * s
        if i.pts is not None:
            i.pts = (i.pts - origin) * s


def _extra(extra: dict, origin: np.ndarray, s: float) -> None:
    if "rings" in extra:
        extra["rings"] = [(r - origin) * s for r in extra["rings"]]
    if "center" in extra:
        c = extra["center"]
        extra["center"] = ((c[0] - origin[0]) * s, (c[1] - origin[1]) * s)
        extra["radius"] *= s
        extra["ends"] = tuple(((x - origin[0]) * s, (y - origin[1]) * s) for x, y in extra["ends"])
    elif "radius" in extra:
        extra["radius"] *= s
