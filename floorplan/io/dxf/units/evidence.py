"""The evidence for a drawing's units, gathered from what was collected and what was read.

Before rooms are found (:func:`gather`, in drawing units): door swing radii, stair
treads, closed outlines on room layers, the heights of label texts and the drawing's
size. After (:func:`after_reading`): every room found, and the figures written for
them (area tags, dimension strings), which say the scale outright. The weighing is
:mod:`~floorplan.io.dxf.units.decide`'. :func:`frame` decides the units and the local origin
and moves what was collected to local metres.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

import numpy as np

from floorplan.errors import PlanReadError
from floorplan.io.dxf.doors.arcs import door_arc_uids
from floorplan.io.dxf.rooms.outlines import _ring_area
from floorplan.io.dxf.text import kind as dxf_text
from floorplan.io.dxf.units.decide import EXTENT_RANGE, NAMES, Evidence, decide, treads
from floorplan.io.dxf.units.frame import stack, to_local
from floorplan.units import METRES_PER_UNIT

#: coordinates further than this (metres) from 0 are moved to a local origin
LOCAL_ORIGIN_BEYOND = 1.0e4

_DIGIT = re.compile(r"\d")
_STAIR = re.compile(r"stair|strs|treppe|escal|scala|stufe|trappa|trap\b", re.I)


def extent(points: np.ndarray) -> float:
    """The drawing's size across (the larger side of its bounding box)."""
    if len(points) == 0:
        return 0.0
    lo = np.array([points[:, 0].min(), points[:, 1].min()])
    hi = np.array([points[:, 0].max(), points[:, 1].max()])
    return float(max(hi - lo))


def gather(reader, points: np.ndarray) -> Evidence:
    """The evidence available before rooms are found (drawing units)."""
    col = reader.col
    ev = Evidence(extent=extent(points))
    swings = door_arc_uids(col.arcs, col.opens, reader.ins_kind, reader.layer_kind, radius=None,
                           quarter=True)
    ev.doors = [a.extra["radius"] for a in col.arcs if a.uid in swings]
    ev.room_areas = [abs(_ring_area(p.pts)) for p in col.loops
                     if reader.layer_kind(p.layer) == "room" and not reader.blocked(p)]
    stair_blocks = {i.uid for i in col.inserts if _STAIR.search(i.name)}
    steps = [p.pts[:, :2] for p in col.opens
             if len(p.pts) == 2 and (_STAIR.search(p.layer) or not stair_blocks.isdisjoint(p.chain))]
    if steps:
        ev.treads = treads(steps)
    heights = []
    for t in col.texts:
        if t.height > 0 and not t.tag and reader.layer_kind(t.layer) != "ignore":
            name, _ = dxf_text.split_label(t.text)
            if name and dxf_text.kind(name)[0] == "name":
                heights.append(t.height)
    ev.text_heights = heights
    measured = figures_by_rays(reader)
    ev.figures = [(s, t) for s, t, explicit in measured if explicit]
    ev.bare = [(s, t) for s, t, explicit in measured if not explicit]
    return ev


#: at most this many figure texts are measured by rays (a schedule may hold hundreds)
MAX_RAY_FIGURES = 300
#: the two ratios of a dimension string to the space round it agree within this factor
RAY_AGREE = 1.5


def figures_by_rays(reader) -> list[tuple[float, str, bool]]:
    """``(metres per drawing unit, text, unit written)`` for each figure text inside a space: the room
    a figure describes is the space round it, measured from the text to the nearest
    linework left, right, above and below (drawing units, before any room is found).

    A dimension string is used when its two sides fit the space's two sides at about one
    scale (within :data:`RAY_AGREE`), so a ray that hit furniture drops out; an area tag
    is compared with the space's box.
    """
    col = reader.col
    figs: list[tuple[Any, Any]] = []
    for t in col.texts:
        if t.tag or not _DIGIT.search(t.text) or reader.layer_kind(t.layer) == "ignore":
            continue
        for k, v in dxf_text.split_label(t.text)[1]:
            if k == "figure":
                figs.append((t, v))
        if len(figs) >= MAX_RAY_FIGURES:
            break
    if not figs:
        return []
    segs = _segments(reader)
    if len(segs) == 0:
        return []
    out = []
    for t, fig in figs:
        box = _space_round(segs, t.x, t.y)
        if box is None:
            continue
        w, h = box
        if fig.kind == "area" or fig.metres is None:
            out.append((math.sqrt(fig.area_m2 / (w * h)), fig.text, fig.explicit))
            continue
        a, b = fig.metres
        best = None
        for ra, rb in ((a / w, b / h), (a / h, b / w)):
            spread = max(ra, rb) / min(ra, rb)
            if spread <= RAY_AGREE and (best is None or spread < best[0]):
                best = (spread, math.sqrt(ra * rb))
        if best is not None:
            out.append((best[1], fig.text, fig.explicit))
    return out


def _segments(reader) -> np.ndarray:
    """Every segment of the linework that bounds spaces, (n, 4) in drawing units: lines
    on wall layers when there are any, else every line not on an annotation layer, door
    or fitting."""
    col = reader.col
    prims = [p for p in col.opens + col.loops if not reader.blocked(p)]
    walls = [p for p in prims if reader.layer_kind(p.layer) == "wall"]
    use = walls or [p for p in prims if reader.layer_kind(p.layer) not in ("ignore", "door", "obstacle")]
    parts = [np.hstack((p.pts[:-1, :2], p.pts[1:, :2])) for p in use if len(p.pts) >= 2]
    return np.concatenate(parts) if parts else np.zeros((0, 4))


def _space_round(segs: np.ndarray, x: float, y: float) -> tuple[float, float] | None:
    """(width, height) of the space round (x, y): the nearest segment crossings left and
    right on the horizontal through it, below and above on the vertical."""
    x0, y0, x1, y1 = segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3]
    out = []
    for along, across, a0, a1, c0, c1 in ((x, y, x0, x1, y0, y1), (y, x, y0, y1, x0, x1)):
        lo, hi = np.minimum(c0, c1), np.maximum(c0, c1)
        hit = (lo <= across) & (across <= hi) & (hi > lo)
        if not hit.any():
            return None
        f = (across - c0[hit]) / (c1[hit] - c0[hit])
        at = a0[hit] + f * (a1[hit] - a0[hit])
        before, after = at[at < along], at[at > along]
        if not len(before) or not len(after):
            return None
        out.append(float(after.min() - before.max()))
    return out[0], out[1]


def after_reading(ev: Evidence, polys, infos, scale: float) -> Evidence:
    """``ev`` with the rooms read (``polys`` in metres, read at ``scale`` metres per
    drawing unit) and the figures their texts state (``infos``: names' ``RoomText``).

    Only a room stating one area and at most one dimension string is taken at its word:
    a room holding several rooms' sizes is several rooms read as one.
    """
    areas = [float(p.area) / scale ** 2 for p in polys if p.area > 0]
    figs, bare = list(ev.figures), list(ev.bare)
    seen = {t for _, t in figs + bare}  # measured by rays already
    for poly, ri in zip(polys, infos, strict=True):
        a = float(poly.area)
        kinds = [f.kind for f in ri.figures]
        if a <= 0 or kinds.count("area") > 1 or kinds.count("dimensions") > 1:
            continue
        for fig in ri.figures:
            if fig.area_m2 and fig.text not in seen:
                (figs if fig.explicit else bare).append((scale * math.sqrt(fig.area_m2 / a), fig.text))
    return replace(ev, room_areas=areas or ev.room_areas, figures=figs, bare=bare)


def frame(reader) -> None:
    """Decide ``reader``'s units (``unit``, ``units_reason``, ``units_finding``) and local
    origin (``origin_m``), and move everything collected to local metres."""
    col = reader.col
    stacked = reader.stacked = stack(col)  # moved to local metres below, once the units are known
    allpts = stacked.extent
    reader.evidence = gather(reader, allpts)
    reader.insunits = reader.doc.header.get("$INSUNITS")
    if reader.forced is not None:
        unit, reason, finding = reader.forced
    else:
        try:
            unit, reason, finding = decide(reader.units_flag, reader.insunits, reader.evidence)
        except ValueError as exc:
            raise PlanReadError(reader.source, str(exc)) from None
    reader.unit, reader.units_reason, reader.units_finding = unit, reason, finding
    if finding is not None:
        reader.findings.append(finding)
    s = METRES_PER_UNIT[unit]
    origin = np.zeros(2)
    if len(allpts) and float(np.abs(allpts).max()) * s > LOCAL_ORIGIN_BEYOND:
        origin = np.floor(np.array([allpts[:, 0].min(), allpts[:, 1].min()]) * s) / s
        reader.notes.append(f"coordinates up to {np.abs(allpts).max() * s:.0f} m from the drawing's "
                            f"origin: read from a local origin at ({origin[0] * s:.0f}, "
                            f"{origin[1] * s:.0f}) m")
    reader.origin_m = (float(origin[0] * s), float(origin[1] * s))
    reader._origin_raw, reader._scale = origin, s
    to_local(col, origin, s, stacked)
    reader.notes.insert(0, f"units: {unit} ({reason})")


def check_units(reader, polys, info):
    """Weigh the units again with the rooms read (``polys``) and the figures their texts
    state (``info``). Returns the decision to read again with when it names other units
    (and they were not given with ``--units`` or decided by an earlier reading); else
    updates ``reader``'s reason, finding and units note, and returns ``None``."""
    ev = after_reading(reader.evidence, polys, info, reader._scale)
    unit, reason, finding = decide(reader.units_flag, reader.insunits, ev)
    if reader.forced is not None:
        return None
    if unit != reader.unit:
        return unit, reason, finding
    if reason != reader.units_reason or finding != reader.units_finding:
        if reader.units_finding is not None:
            reader.findings.remove(reader.units_finding)
        if finding is not None:
            reader.findings.append(finding)
        reader.units_reason, reader.units_finding = reason, finding
        at = next(k for k, n in enumerate(reader.notes) if n.startswith("units: "))
        reader.notes[at] = f"units: {unit} ({reason})"
    return None


def size_hint(reader) -> str:
    """For the error of a drawing in which no room is found: where the drawing, read in
    the units chosen, is smaller or larger than a building's plan (the extent outside
    :data:`~floorplan.io.dxf.units.decide.EXTENT_RANGE`), the units may be what is wrong:
    say its size and how to give others; ``""`` when its size is a building's. A declared
    unit is kept on such weak evidence (the decimetre drawing whose header says
    millimetres reads 0.6 m across), so the error is where the user learns of it."""
    ev = getattr(reader, "evidence", None)
    unit = getattr(reader, "unit", None)
    if ev is None or unit is None or not ev.extent:
        return ""
    across = ev.extent * METRES_PER_UNIT[unit]
    if EXTENT_RANGE[0] <= across <= EXTENT_RANGE[1]:
        return ""
    size = f"{across:.2f}" if across < 10 else f"{across:,.0f}"
    return (f"; in {NAMES[unit]} (units {reader.units_reason}) the drawing is {size} m across, "
            f"{'smaller' if across < EXTENT_RANGE[0] else 'larger'} than a building's plan: if "
            "that is not its unit, give it with --units (m, dm, cm, mm, ft, in)")
