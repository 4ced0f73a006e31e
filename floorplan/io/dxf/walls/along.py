"""How much of a gap's line other lines run alongside (a window's glazing, a wall's face
running on past columns): the measure the openings, the closing and the door seals share."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString


def alongside(seg: LineString, geoms, max_off: float, on_line: bool = True
              ) -> tuple[float, list[int]]:
    """How much of ``seg`` lines in ``geoms`` ((index, line) pairs) run alongside:
    parallel to it, at most ``max_off`` beside it (and, unless ``on_line``, not on its own
    line): the share of its length they cover, and the indices of the lines lying wholly
    beside it (glazing)."""
    (x0, y0), (x1, y1) = seg.coords[0], seg.coords[-1]
    n = seg.length
    if n <= 0:
        return 0.0, []
    ux, uy = (x1 - x0) / n, (y1 - y0) / n
    covered = []
    inside: list[int] = []
    for k, g in geoms:
        c = shapely.get_coordinates(g)
        whole = len(c) >= 2
        for s, e in zip(c[:-1], c[1:], strict=True):
            v = e - s
            ln = float(np.hypot(*v))
            off = abs((s[0] - x0) * uy - (s[1] - y0) * ux)
            if ln < 1e-9 or abs(v[0] * uy - v[1] * ux) > 0.02 * ln or off > max_off or (off <= 1e-6 and not on_line):
                whole = False
                continue
            t0 = (s[0] - x0) * ux + (s[1] - y0) * uy
            t1 = (e[0] - x0) * ux + (e[1] - y0) * uy
            lo, hi = max(min(t0, t1), 0.0), min(max(t0, t1), n)
            if min(t0, t1) < -0.1 * n or max(t0, t1) > 1.1 * n or hi - lo <= 1e-6:
                whole = False  # reaching past the gap, or wholly beyond its end (a stub)
            if hi > lo:
                covered.append((lo, hi))
        if whole:
            inside.append(k)
    total, end = 0.0, -1.0
    for lo, hi in sorted(covered):
        lo = max(lo, end)
        if hi > lo:
            total += hi - lo
            end = hi
    return total / n, inside
