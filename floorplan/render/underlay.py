"""The drawing's own linework under the rooms (:class:`~floorplan.model.Linework`), as
scene primitives: one ``segments`` primitive a level and kind (the walls read, the other
lines of the view), drawn thin and light grey under everything else, so that a space the
reader did not take shows on the image as lines with no room over them.

Backends draw each primitive in one call (a batch of segments, never one call a line):
the Pillow canvas paints them in numpy (:meth:`~.raster.canvas.Canvas.segments`),
matplotlib as one path. The DXF mark-up leaves them out: it is drawn on the drawing itself.
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import box

from floorplan.model import Linework, Plan

#: the style key of each kind of line
KEYS = {Linework.WALL: "underlay.walls", Linework.OTHER: "underlay.other"}


def of_level(plan: Plan, level: float) -> list[tuple[str, np.ndarray]]:
    """(style key, (n, 4) segments in plan metres) of ``plan``'s linework on ``level``,
    walls last (over the other lines)."""
    lw = plan.linework
    if lw is None or not len(lw):
        return []
    on = lw.levels == np.float32(level)
    out = []
    for kind in (Linework.OTHER, Linework.WALL):
        seg = lw.segments[on & (lw.kinds == kind)]
        if len(seg):
            out.append((KEYS[kind], seg))
    return out


def bounds(parts: list[tuple[str, np.ndarray]]) -> tuple[float, float, float, float] | None:
    """The extent of the segments of ``parts`` (minx, miny, maxx, maxy), or None."""
    if not parts:
        return None
    seg = np.vstack([s for _, s in parts]).astype(float)
    xs, ys = seg[:, [0, 2]], seg[:, [1, 3]]
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def grow(b, parts: list[tuple[str, np.ndarray]]):
    """The bounds ``b`` (or None: none yet) grown over the segments of ``parts``."""
    under = bounds(parts)
    if under is None:
        return b if b is not None else (0, 0, 1, 1)
    if b is None:
        return under
    return (min(b[0], under[0]), min(b[1], under[1]), max(b[2], under[2]), max(b[3], under[3]))


def extent_box(seg: np.ndarray):
    """A box round ``seg`` (the primitive's geometry: where it lies, for whatever asks)."""
    b = bounds([("", seg)])
    assert b is not None
    return box(*b)


def legend_text(plan: Plan, text: str) -> str:
    """``text`` (a legend entry of the linework), saying when only part of it was kept."""
    lw = plan.linework
    if lw is None or lw.total <= len(lw):
        return text
    return f"{text} ({len(lw):,} of its {lw.total:,} lines)"
