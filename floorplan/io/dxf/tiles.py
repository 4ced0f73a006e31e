"""Cells that tile an area edge to edge: a floor's paving or tiles, a ceiling grid, the
cells of a schedule.

A tiling is many cells of one size packed side by side, each a joint's width (or nothing)
from its neighbours: a careful reader sees a pattern, not rooms and not walls. Closed
outlines of one size standing apart (the columns of an open floor, the buildings of a
site plan) do not tile: no cell has a neighbour a joint away.

- :func:`tiling`: which of some polygons are cells of a tiling;
- :func:`pattern_lines`: which lines of the linework only draw a tiling (a floor pattern
  drawn in the same linework as the walls, as a drawing exported with no layers has it):
  they are left out of the walls, so the paving does not part the rooms into slabs;
- :func:`cut_edges`: and the edges of the slabs a wall cuts short, which are no tiles but
  lie on the lattice's grid lines and end on the wall.

>>> from shapely.geometry import box
>>> slabs = [box(x * 1.0, y * 1.0, x * 1.0 + 0.99, y * 1.0 + 0.99) for x in range(4) for y in range(4)]
>>> bool(tiling(slabs).all())
True
>>> columns = [box(x * 6.0, y * 6.0, x * 6.0 + 0.8, y * 6.0 + 0.8) for x in range(4) for y in range(4)]
>>> bool(tiling(columns).any())
False
"""

from __future__ import annotations

import math

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
    pos = {k: n for n, k in enumerate(drawn)}
    out += [drawn[n] for n in cut_edges([lines[k] for k in drawn], every, {pos[k] for k in out},
                                         tiles, side)]
    return sorted(set(out)), len(tiles), side


def _lattice(tiles: list[Polygon]) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The lattice of ``tiles``: the rotation into its frame (the median of the tiles'
    own angles, a quarter turn at most), the boxes (u0, u1, v0, v1) of its whole tiles in
    that frame (sides the median tile's to within 2 :data:`EDGE_TOL`: a cell a wall cuts a
    little short is still of the tiling's size, but its cut edge is the wall's face), and
    its pitch along u and v (a tile's side and a joint: the commonest step between whole
    tiles' edges)."""
    angles, boxes = [], []
    for t in tiles:
        c = shapely.get_coordinates(shapely.oriented_envelope(t))
        angles.append(math.atan2(c[1, 1] - c[0, 1], c[1, 0] - c[0, 0]) % (math.pi / 2))
    a = float(np.median(angles))
    rot = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    for t in tiles:
        uv = np.asarray(t.exterior.coords) @ rot.T
        boxes.append((uv[:, 0].min(), uv[:, 0].max(), uv[:, 1].min(), uv[:, 1].max()))
    b = np.asarray(boxes)
    su, sv = b[:, 1] - b[:, 0], b[:, 3] - b[:, 2]
    b = b[(np.abs(su - np.median(su)) <= 2 * EDGE_TOL) & (np.abs(sv - np.median(sv)) <= 2 * EDGE_TOL)]
    pitch = []
    for lo, side in ((b[:, 0], np.median(su)), (b[:, 2], np.median(sv))):
        steps = np.diff(np.unique(np.round(lo / EDGE_TOL).astype(np.int64))) * EDGE_TOL
        steps = steps[(steps >= side) & (steps <= side + JOINT + EDGE_TOL)]
        if not len(steps):
            return None
        pitch.append(float(np.median(steps)))
    return rot, b, np.asarray(pitch)


def _on_grid(x: float, lo: float, side: float, pitch: float) -> bool:
    """``x`` lies on a grid line of a lattice of ``pitch`` whose tile runs from ``lo`` for
    ``side``: within :data:`EDGE_TOL` of ``lo`` or ``lo + side``, a whole number of pitches on."""
    return any(abs(r - round(r / pitch) * pitch) <= EDGE_TOL for r in (x - lo, x - lo - side))


def cut_edges(lines: list[np.ndarray], every: np.ndarray, taken: set[int],
              tiles: list[Polygon], side: float) -> list[int]:
    """The edges of slabs a wall cuts short: straight lines, not yet ``taken``, at most a
    pitch long, on a grid line of the lattice (in line with the edges of the whole tile
    nearest, a whole number of pitches on), within two pitches of it (the lattice runs on
    under a wall into a small room), each end meeting a line across it (the slab's next
    edge, or the wall that cuts it). A cut slab is no tile, but its edges are the lattice
    running on to the wall: left in the walls, they part the room along it. A wall drawn
    along the grid is longer than a slab; where walls are set on the joints (Mies's
    pavilion), their faces stand the joint's half off the grid lines."""
    lat = _lattice(tiles)
    if lat is None:
        return []
    rot, boxes, pitch = lat
    step = float(pitch.max())
    centres = np.column_stack(((boxes[:, 0] + boxes[:, 1]) / 2, (boxes[:, 2] + boxes[:, 3]) / 2))
    whole = STRtree(np.asarray(shapely.points(centres), dtype=object))
    tree = STRtree(every)
    out = []
    for k, ln in enumerate(lines):
        if k in taken or len(ln) != 2:
            continue
        uv = ln[:, :2] @ rot.T
        du, dv = np.abs(uv[1] - uv[0])
        length = float(np.hypot(du, dv))
        if not 0 < length <= step:
            continue
        mid = uv.mean(axis=0)
        n = int(whole.query_nearest(shapely.points(mid))[0])
        u0, u1, v0, v1 = boxes[n]
        gap = max(u0 - max(uv[:, 0]), min(uv[:, 0]) - u1, v0 - max(uv[:, 1]), min(uv[:, 1]) - v1)
        if gap > 2 * step:
            continue
        if dv <= EDGE_TOL:
            on = _on_grid(float(mid[1]), v0, v1 - v0, float(pitch[1]))
        elif du <= EDGE_TOL:
            on = _on_grid(float(mid[0]), u0, u1 - u0, float(pitch[0]))
        else:
            on = False
        if not on:
            continue
        d = (ln[1, :2] - ln[0, :2]) / length
        if all(_meets_across(tree, every, k, end, d) for end in ln[:, :2]):
            out.append(k)
    return out


def _meets_across(tree: STRtree, every: np.ndarray, k: int, end: np.ndarray, d: np.ndarray) -> bool:
    """A line other than ``every[k]``, not parallel to direction ``d``, passes within
    :data:`EDGE_TOL` of the point ``end``."""
    pt = shapely.points(end)
    for j in tree.query(pt, predicate="dwithin", distance=EDGE_TOL).tolist():
        if j == k:
            continue
        c = shapely.get_coordinates(every[j])
        seg = shapely.get_coordinates(shapely.shortest_line(every[j], pt))[0]
        # the direction of the other line where it passes the point: its nearest segment
        i = int(np.argmin(np.hypot(*(c[:-1] - seg).T) + np.hypot(*(c[1:] - seg).T)))
        v = c[i + 1] - c[i]
        n = float(np.hypot(*v))
        if n > 0 and abs(float(v[0] * d[1] - v[1] * d[0])) > 0.5 * n:
            return True
    return False
