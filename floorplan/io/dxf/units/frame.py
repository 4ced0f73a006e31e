"""Move what was collected from drawing units and coordinates to local metres.

All primitive points are moved in one array per column count (2D outlines, 3D polylines
and faces) rather than one small array each; the arithmetic is the same element by
element, so the figures are too. Each primitive gets a view of its rows. The arrays are
stacked once (:func:`stack`): the reader measures the drawing's extent on them before
the units and origin are decided, then :func:`to_local` moves them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Stack:
    """The points of a :class:`~floorplan.io.dxf.collect.modelspace.Collected`, stacked by column count."""

    groups: dict[int, tuple[list, np.ndarray]]  # columns -> (owners, their points stacked)
    extent: np.ndarray  # (n, 2): every point of outlines, lines, hatches and circles


def stack(col) -> Stack:
    """Stack the points of every primitive (each once: an ARC is in both opens and arcs)
    and of every insert's content (with the 2D primitives, after them)."""
    groups: dict[int, list] = {2: []}
    seen: set[int] = set()
    lists = (col.loops, col.opens, col.hatches, col.circles, col.faces3d, col.arcs)
    flat_3d = []  # xy of 3-column points of outlines and lines, for the extent
    n_own = 0  # rows of 2D outlines, lines, hatches and circles: they come first
    for n, lst in enumerate(lists):
        for p in lst:
            k = id(p)
            if k in seen:
                continue
            seen.add(k)
            ncols = p.pts.shape[1]
            if ncols == 2:
                groups[2].append(p)
                if n < 4:
                    n_own += len(p.pts)
            else:
                groups.setdefault(ncols, []).append(p)
                if n < 4:
                    flat_3d.append(p.pts[:, :2])
    stacked: dict[int, tuple[list, np.ndarray]] = {}
    for ncols, owners in groups.items():
        if ncols == 2:
            owners = owners + [i for i in col.inserts if i.pts is not None]
        if owners:
            stacked[ncols] = (owners, np.concatenate([o.pts for o in owners]).astype(float, copy=False))
    two = stacked[2][1][:n_own] if 2 in stacked else np.zeros((0, 2))
    extent = np.concatenate([two] + flat_3d) if flat_3d else two
    return Stack(stacked, extent)


def to_local(col, origin: np.ndarray, s: float, st: Stack | None = None) -> None:
    """``(xy - origin) * s`` (z times ``s``) for every primitive, text and insert of ``col``
    (a :class:`~floorplan.io.dxf.collect.modelspace.Collected`), each primitive once; ``st`` is
    :func:`stack` of ``col``, made here if not given, and is moved in place."""
    if st is None:
        st = stack(col)
    ox, oy = origin[0], origin[1]
    fx, fy = float(ox), float(oy)  # for arcs' centres and ends: plain floats, the same sums
    for ncols, (owners, big) in st.groups.items():
        big[:, :2] = (big[:, :2] - origin) * s
        if ncols > 2:
            big[:, 2:] *= s
        ends = np.cumsum([len(o.pts) for o in owners]).tolist()
        for o, a, b in zip(owners, [0] + ends[:-1], ends, strict=True):
            o.pts = big[a:b]
            extra = getattr(o, "extra", None)
            if extra:
                _extra(extra, origin, fx, fy, s)
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
