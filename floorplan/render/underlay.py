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


def frame(rooms: tuple | None, parts: list[tuple[str, np.ndarray]], marks: list) -> tuple:
    """The extent a level's panel is drawn to: its rooms, the problems marked on it
    (``marks``: a label in no room, floor no room holds, the entity a finding names) and
    the walls read; the drawing's other lines only where there are no walls read (a site
    plan's trees and drive, a title block's frame, do not shrink the plan to a corner of
    the sheet). With no walls among ``parts``, every line counts, as before."""
    import shapely

    b = rooms
    if marks:
        mb = tuple(shapely.total_bounds(marks).tolist())
        if all(np.isfinite(mb)):
            b = mb if b is None else (min(b[0], mb[0]), min(b[1], mb[1]),
                                      max(b[2], mb[2]), max(b[3], mb[3]))
    walls = [(k, seg) for k, seg in parts if k == KEYS[Linework.WALL]]
    return grow(b, walls if walls and b is not None else parts)


def clip(seg: np.ndarray, b: tuple) -> np.ndarray:
    """The segments ``seg`` (n, 4) cut to the box ``b`` (Liang-Barsky, all at once); those
    wholly outside it dropped."""
    if not len(seg):
        return seg
    s = seg.astype(float)
    x0, y0, dx, dy = s[:, 0], s[:, 1], s[:, 2] - s[:, 0], s[:, 3] - s[:, 1]
    t0, t1 = np.zeros(len(s)), np.ones(len(s))
    keep = np.ones(len(s), dtype=bool)
    for p, q in ((-dx, x0 - b[0]), (dx, b[2] - x0), (-dy, y0 - b[1]), (dy, b[3] - y0)):
        par = p == 0
        keep &= ~(par & (q < 0))  # parallel to this edge and outside it
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(par, 0.0, q / np.where(par, 1.0, p))
        t0 = np.where(~par & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~par & (p > 0), np.minimum(t1, r), t1)
    keep &= t0 <= t1
    out = np.column_stack([x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy])[keep]
    return out.astype(seg.dtype)


def extent_box(seg: np.ndarray):
    """A box round ``seg`` (the primitive's geometry: where it lies, for whatever asks)."""
    b = bounds([("", seg)])
    assert b is not None
    return box(*b)


def legend_text(plan: Plan, text: str, outside: int = 0) -> str:
    """``text`` (a legend entry of the linework), saying when only part of it was kept,
    and how many of its lines lie wholly outside the frames (``outside``: left off)."""
    lw = plan.linework
    if outside:
        text += f" ({outside:,} lines beyond the plan left off)"
    if lw is None or lw.total <= len(lw):
        return text
    return f"{text} ({len(lw):,} of its {lw.total:,} lines)"
