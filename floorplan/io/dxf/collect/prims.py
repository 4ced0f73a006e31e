"""What the collector makes: primitives, texts and inserts in drawing units.

Kept apart from :mod:`~floorplan.io.dxf.collect.modelspace` so that the block expander
(:mod:`~floorplan.io.dxf.collect.blocks`) and the collector can both build on them without
importing each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Prim:
    """One piece of geometry: ``pts`` is an (n, 2) or (n, 3) array in drawing units."""

    uid: int
    etype: str
    layer: str
    handle: str
    pts: np.ndarray
    closed: bool = False
    chain: tuple[int, ...] = ()  # uids of the INSERTs it sits in, outermost first
    extra: dict = field(default_factory=dict)


@dataclass
class Text:
    uid: int
    text: str
    x: float
    y: float
    layer: str
    height: float
    handle: str
    chain: tuple[int, ...] = ()
    tag: str | None = None  # the ATTRIB tag when the text is a block attribute
    etype: str = "TEXT"
    angle: float = 0.0  # the direction its lines run, degrees anticlockwise from +x


@dataclass
class Insert:
    uid: int
    name: str
    layer: str
    handle: str
    x: float
    y: float
    chain: tuple[int, ...] = ()
    attribs: dict[str, str] = field(default_factory=dict)
    # the convex hull of every flattened point of its content (drawing units; hull_of):
    # all that its extent, oriented rectangle and size need, a few points a block
    pts: np.ndarray | None = None


@dataclass
class Collected:
    loops: list[Prim] = field(default_factory=list)      # closed (or first==last) outlines
    opens: list[Prim] = field(default_factory=list)      # open polylines, lines, arcs, splines
    arcs: list[Prim] = field(default_factory=list)       # ARCs again, with centre and radius
    faces3d: list[Prim] = field(default_factory=list)    # 3D polylines, 3DFACEs, SOLIDs (x, y, z)
    hatches: list[Prim] = field(default_factory=list)    # HATCH boundary polygons
    circles: list[Prim] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    inserts: list[Insert] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)   # (dxftype, layer, reason) -> n
    read_as: Counter = field(default_factory=Counter)   # what was read otherwise -> n
    next_uid: int = 0
    by_uid: dict[int, Insert] = field(default_factory=dict)
    blocks: dict = field(default_factory=dict, repr=False)  # expanded blocks (dxf_blocks)
    chord: float | None = None  # the chord error curves are flattened to (dxf_curves)
    space_ids: set[int] = field(default_factory=set)  # proxies' class ids of AEC spaces

    def uid(self) -> int:
        self.next_uid += 1
        return self.next_uid


def hull_of(pts: np.ndarray) -> np.ndarray:
    """The corners of the convex hull of ``pts`` (x and y), not closed, from its lowest
    left corner; a
    corner that is collinear with its neighbours but for rounding (1e-12 of the size
    squared) is left out, so that the same block flattened at the origin or in place
    gives the same corners. Points that are not all finite numbers are returned as they
    are (for :func:`~floorplan.io.dxf.collect.budget.drop_unusable` to see), fewer than three
    too; all in one spot: two of them (as many as a door's extent needs)."""
    import shapely

    xy = np.asarray(pts, dtype=float)[:, :2]
    if len(xy) < 3 or not np.isfinite(xy).all():
        return xy
    hull = shapely.convex_hull(shapely.multipoints(xy))
    c = shapely.get_coordinates(hull)
    if shapely.get_type_id(hull) != 3:  # a line (all collinear) or a point
        return c if len(c) >= 2 else xy[:2]
    c = c[:-1]
    size = float(np.ptp(c, axis=0).max())
    # corners a rounding apart (a line's end on an arc's end) first made one, else both
    # would be dropped below as collinear with the other
    step = np.hypot(*(c - np.roll(c, 1, axis=0)).T)
    c = c[step > 1e-9 * size]
    prev, nxt = np.roll(c, 1, axis=0), np.roll(c, -1, axis=0)
    cross = (c[:, 0] - prev[:, 0]) * (nxt[:, 1] - c[:, 1]) - (c[:, 1] - prev[:, 1]) * (nxt[:, 0] - c[:, 0])
    keep = np.abs(cross) > 1e-12 * size * size
    c = c[keep] if keep.sum() >= 3 else c
    # from the lowest-left corner (ties within rounding), whatever corner GEOS began at
    lo = c.min(axis=0)
    key = np.round((c - lo) / size, 9)
    first = int(np.lexsort((key[:, 1], key[:, 0]))[0])
    return np.roll(c, -first, axis=0)
