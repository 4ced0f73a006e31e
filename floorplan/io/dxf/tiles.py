"""Cells that tile an area edge to edge: a floor's paving or tiles, a ceiling grid, the
cells of a schedule.

A tiling is many cells of one size packed side by side, each a joint's width (or nothing)
from its neighbours: a careful reader sees a pattern, not rooms and not walls. Closed
outlines of one size standing apart (the columns of an open floor, the buildings of a
site plan) do not tile: no cell has a neighbour a joint away.

- :func:`tiling`: which of some polygons are cells of a tiling;
- :func:`pattern_lines`: which lines of the linework only draw a tiling (a floor pattern
  drawn in the same linework as the walls, as a drawing exported with no layers has it):
  they are left out of the walls, so the paving does not part the rooms into slabs.

>>> from shapely.geometry import box
>>> slabs = [box(x * 1.0, y * 1.0, x * 1.0 + 0.99, y * 1.0 + 0.99) for x in range(4) for y in range(4)]
>>> bool(tiling(slabs).all())
True
>>> columns = [box(x * 6.0, y * 6.0, x * 6.0 + 0.8, y * 6.0 + 0.8) for x in range(4) for y in range(4)]
>>> bool(tiling(columns).any())
False
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

#: cells of a tiling lie at most this far apart (metres): a joint between slabs or tiles
JOINT = 0.05
#: a cell of a tiling has at least this many neighbours a joint away (a corner cell of a
#: lattice has two; a column, a building on a site, a room of a plan among others of
#: other sizes has none of its own size)
NEIGHBOURS = 2
#: a tiling has at least this many cells of one size (areas within SAME of each other)
MIN_CELLS = 12
SAME = 0.05
#: the cells of a floor or ceiling pattern: sides of 0.1-1.5 m (mosaic to paving slab,
#: ceiling tile), at most TILE_ASPECT long to wide (a stair's treads are longer), and
#: rectangles (at least RECT_SHARE of the smallest rectangle round them)
TILE_SIDE = (0.1, 1.5)
TILE_ASPECT = 2.5
RECT_SHARE = 0.97
#: a line lies on a tile's edge when all but this share of it is within EDGE_TOL (m) of it
EDGE_TOL = 0.002
OFF_EDGE = 0.01


def tiling(polys: list[Polygon], joint: float = JOINT, min_cells: int = MIN_CELLS) -> np.ndarray:
    """For each polygon, whether it is a cell of a tiling: one of at least ``min_cells``
    of one size (areas within :data:`SAME`), with at least :data:`NEIGHBOURS` cells of its
    size within ``joint``."""
    n = len(polys)
    out = np.zeros(n, dtype=bool)
    if n < min_cells:
        return out
    areas = np.array([p.area for p in polys])
    order = np.argsort(areas)
    srt = areas[order]
    lo = np.searchsorted(srt, srt / (1 + SAME), side="left")
    hi = np.searchsorted(srt, srt * (1 + SAME), side="right")
    many = np.zeros(n, dtype=bool)
    many[order] = (hi - lo) >= min_cells
    if not many.any():
        return out
    arr = np.asarray(polys, dtype=object)
    tree = STRtree(arr)
    i, j = tree.query(arr, predicate="dwithin", distance=joint)
    a, b = areas[i], areas[j]
    same = (i != j) & many[i] & many[j] & (np.abs(a - b) <= SAME * np.maximum(a, b))
    counts = np.bincount(i[same], minlength=n)
    return many & (counts >= NEIGHBOURS)


def _strings(arrays: list[np.ndarray]) -> np.ndarray:
    """Line strings of the (n, 2) arrays, made all at once."""
    index = np.repeat(np.arange(len(arrays)), [len(a) for a in arrays])
    return np.asarray(shapely.linestrings(np.vstack(arrays), indices=index), dtype=object)


def tile_shaped(p: Polygon) -> bool:
    """A rectangle with sides in :data:`TILE_SIDE`, at most :data:`TILE_ASPECT` long to
    wide."""
    box = shapely.oriented_envelope(p)
    if not isinstance(box, Polygon) or box.area <= 0 or p.area < RECT_SHARE * box.area:
        return False
    c = np.asarray(box.exterior.coords)
    s = sorted((float(np.hypot(*(c[1] - c[0]))), float(np.hypot(*(c[2] - c[1])))))
    return TILE_SIDE[0] <= s[0] and s[1] <= TILE_SIDE[1] and s[1] <= TILE_ASPECT * s[0]


def _spans(lines: list[np.ndarray]) -> np.ndarray:
    """Each line's larger side of its bounding box (``np.ptp(line[:, :2], axis=0).max()``),
    for all at once: maxima and minima need no summing, so the same numbers."""
    starts = np.cumsum([0] + [len(ln) for ln in lines[:-1]])
    xy = np.concatenate([ln[:, :2] for ln in lines])
    ptp = np.maximum.reduceat(xy, starts, axis=0) - np.minimum.reduceat(xy, starts, axis=0)
    return ptp.max(axis=1)


def pattern_lines(lines: list[np.ndarray]) -> tuple[list[int], int, float]:
    """The indices of ``lines`` ((n, 2) arrays, metres) that only draw the edges of tiles
    (see the module's docstring), how many tiles, and the side of their median cell."""
    drawn = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    if len(drawn) < MIN_CELLS:
        return [], 0, 0.0
    spans = _spans([lines[k] for k in drawn])
    short_at = np.flatnonzero(spans <= TILE_SIDE[1] + JOINT)
    # a tiling drawn with short lines has MIN_CELLS lines (or loops) of one span at least
    sizes = np.round(spans[short_at] / 0.01).astype(int)
    sizes = sizes[sizes >= round(TILE_SIDE[0] / 0.01)]
    if not len(sizes) or int(np.bincount(sizes).max()) < MIN_CELLS:
        return [], 0, 0.0
    every = _strings([lines[k][:, :2] for k in drawn])
    short = [drawn[k] for k in short_at.tolist()]
    geoms = every[short_at]
    noded = shapely.union_all(every)
    faces = list(shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms)
    cells = [f for f in faces if tile_shaped(f)]
    if len(cells) < MIN_CELLS:
        return [], 0, 0.0
    tiles = [c for c, t in zip(cells, tiling(cells).tolist(), strict=True) if t]
    if not tiles:
        return [], 0, 0.0
    pads = shapely.buffer(shapely.boundary(np.asarray(tiles, dtype=object)), EDGE_TOL,
                          quad_segs=1)
    grown = STRtree(shapely.buffer(np.asarray(tiles, dtype=object), JOINT / 2 + EDGE_TOL,
                                   quad_segs=1, join_style="mitre"))
    # how much of each line lies along one tile's edge (a slab's edge is drawn along one)
    li, pi = STRtree(pads).query(geoms, predicate="intersects")
    along = np.zeros(len(geoms))
    np.maximum.at(along, li, shapely.length(shapely.intersection(geoms[li], pads[pi])))
    on = along >= (1 - OFF_EDGE) * shapely.length(geoms)
    touches = np.zeros(len(geoms), dtype=bool)
    touches[li] = True
    out = []
    for k, g, ok, near in zip(short, geoms.tolist(), on.tolist(), touches.tolist(), strict=True):
        if ok:
            out.append(k)
        elif near and g.length <= JOINT:  # the end of a joint between two tiles
            inside = grown.query(g, predicate="intersects")
            if len(inside) >= 2 and shapely.union_all(grown.geometries[inside]).covers(g):
                out.append(k)
    side = float(np.sqrt(np.median([t.area for t in tiles])))
    return out, len(tiles), side
