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
from typing import Any

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
    return bool(tile_shapes([p])[0])


def tile_shapes(polys: list[Polygon]) -> np.ndarray:
    """:func:`tile_shaped` of each polygon, for all at once (their smallest rectangles
    made in one call, and measured by the same arithmetic)."""
    arr = np.asarray(polys, dtype=object)
    out = np.zeros(len(arr), dtype=bool)
    if not len(arr):
        return out
    boxes = shapely.oriented_envelope(arr)
    area = shapely.area(boxes)
    ok = (shapely.get_type_id(boxes) == 3) & (area > 0)
    ok[ok] = shapely.area(arr[ok]) >= RECT_SHARE * area[ok]
    at = np.flatnonzero(ok)
    if not len(at):
        return out
    coords, index = shapely.get_coordinates(boxes[at], return_index=True)
    first = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    c0, c1, c2 = coords[first], coords[first + 1], coords[first + 2]
    a = np.hypot(*(c1 - c0).T)
    b = np.hypot(*(c2 - c1).T)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    out[at] = (TILE_SIDE[0] <= lo) & (hi <= TILE_SIDE[1]) & (hi <= TILE_ASPECT * lo)
    return out


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
    cells = [f for f, t in zip(faces, tile_shapes(faces).tolist(), strict=True) if t]
    if len(cells) < MIN_CELLS:
        return [], 0, 0.0
    tiles = [c for c, t in zip(cells, tiling(cells).tolist(), strict=True) if t]
    if not tiles:
        return [], 0, 0.0
    pads = shapely.buffer(shapely.boundary(np.asarray(tiles, dtype=object)), EDGE_TOL,
                          quad_segs=1)
    grown = STRtree(shapely.buffer(np.asarray(tiles, dtype=object), JOINT / 2 + EDGE_TOL,
                                   quad_segs=1, join_style="mitre"))
    # how much of each line lies along one tile's edge (a slab's edge is drawn along one):
    # all of it, where a tile's pad covers the line; else the longest piece in one pad
    li, pi = STRtree(pads).query(geoms, predicate="intersects")
    shapely.prepare(pads)
    on = np.zeros(len(geoms), dtype=bool)
    on[li[shapely.covers(pads[pi], geoms[li])]] = True
    rest = ~on[li]
    along = np.zeros(len(geoms))
    np.maximum.at(along, li[rest], shapely.length(shapely.intersection(geoms[li[rest]], pads[pi[rest]])))
    on |= along >= (1 - OFF_EDGE) * shapely.length(geoms)
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
    arr = np.asarray(tiles, dtype=object)
    env = shapely.get_coordinates(shapely.oriented_envelope(arr), return_index=True)
    first = np.r_[0, np.flatnonzero(np.diff(env[1])) + 1]
    c0, c1 = env[0][first].tolist(), env[0][first + 1].tolist()
    angles = [math.atan2(q[1] - p[1], q[0] - p[0]) % (math.pi / 2) for p, q in zip(c0, c1, strict=True)]
    a = float(np.median(angles))
    rot = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    coords, index = shapely.get_coordinates(shapely.get_exterior_ring(arr), return_index=True)
    cuts = np.flatnonzero(np.diff(index)) + 1
    boxes = []
    for xy in np.split(coords, cuts):  # one tile's ring at a time: the same products
        uv = xy @ rot.T
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
    ks = [k for k, ln in enumerate(lines) if k not in taken and len(ln) == 2]
    if not ks:
        return []
    xy = np.asarray([lines[k][:, :2] for k in ks], dtype=float)  # (m, 2 ends, 2)
    uv = np.asarray([ln @ rot.T for ln in xy])  # line by line: the same products
    du, dv = np.abs(uv[:, 1, 0] - uv[:, 0, 0]), np.abs(uv[:, 1, 1] - uv[:, 0, 1])
    length = np.hypot(du, dv)
    at = np.flatnonzero((length > 0) & (length <= step))
    if not len(at):
        return []
    mid = uv[at].mean(axis=1)
    src, hit = whole.query_nearest(shapely.points(mid))
    nearest = hit[np.r_[0, np.flatnonzero(np.diff(src)) + 1]]  # the first of any tied
    u0, u1, v0, v1 = boxes[nearest].T
    us, vs = uv[at, :, 0], uv[at, :, 1]
    gap = np.max([u0 - us.max(axis=1), us.min(axis=1) - u1, v0 - vs.max(axis=1),
                  vs.min(axis=1) - v1], axis=0)
    across_v = dv[at] <= EDGE_TOL
    along = np.where(across_v, mid[:, 1], mid[:, 0])
    lo, hi = np.where(across_v, v0, u0), np.where(across_v, v1, u1)
    on = _on_grid(along, lo, hi - lo, np.where(across_v, pitch[1], pitch[0]))
    on &= (gap <= 2 * step) & (across_v | (du[at] <= EDGE_TOL))
    at = at[on]
    if not len(at):
        return []
    d = (xy[at, 1] - xy[at, 0]) / length[at, None]
    met = _meets_across(every, np.asarray(ks)[at], xy[at], d)
    return [ks[i] for i in at[met].tolist()]


def _on_grid(x: np.ndarray, lo: np.ndarray, side: np.ndarray, pitch: np.ndarray) -> np.ndarray:
    """Whether each ``x`` lies on a grid line of a lattice of ``pitch`` whose tile runs
    from ``lo`` for ``side``: within :data:`EDGE_TOL` of ``lo`` or ``lo + side``, a whole
    number of pitches on."""
    r, s = x - lo, x - lo - side
    return ((np.abs(r - np.round(r / pitch) * pitch) <= EDGE_TOL)
            | (np.abs(s - np.round(s / pitch) * pitch) <= EDGE_TOL))


def _meets_across(every: np.ndarray, ks: np.ndarray, ends: np.ndarray, d: np.ndarray) -> np.ndarray:
    """For each line ``every[ks[i]]`` (end points ``ends[i]``, direction ``d[i]``):
    whether at both its ends a line other than itself, not parallel to it, passes within
    :data:`EDGE_TOL` (the direction of the other line where it passes: its segment whose
    two ends are nearest, summed, the point on it nearest the end)."""
    pts: Any = shapely.points(ends.reshape(-1, 2))  # line i's ends are 2 i and 2 i + 1
    e, j = STRtree(every).query(pts, predicate="dwithin", distance=EDGE_TOL)
    keep = j != ks[e // 2]
    e, j = e[keep], j[keep]
    met = np.zeros(len(pts), dtype=bool)
    if len(e):
        seg = shapely.get_coordinates(shapely.shortest_line(every[j], pts[e]))[0::2]
        coords, index = shapely.get_coordinates(every, return_index=True)
        start = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
        nseg = np.diff(np.r_[start, len(index)]) - 1
        # every segment of each pair's other line, the pair's rows one after another
        rows = np.repeat(np.arange(len(e)), nseg[j])
        first = np.r_[0, np.cumsum(nseg[j])[:-1]]
        at = start[j][rows] + np.arange(len(rows)) - first[rows]
        p = seg[rows]
        dist = np.hypot(*(coords[at] - p).T) + np.hypot(*(coords[at + 1] - p).T)
        best = np.minimum.reduceat(dist, first)
        rows_min = np.flatnonzero(dist == best[rows])
        pair, take = np.unique(rows[rows_min], return_index=True)  # the first nearest
        i = at[rows_min[take]]
        v = coords[i + 1] - coords[i]
        n = np.hypot(v[:, 0], v[:, 1])
        dd = d[e[pair] // 2]
        across = (n > 0) & (np.abs(v[:, 0] * dd[:, 1] - v[:, 1] * dd[:, 0]) > 0.5 * n)
        met[e[pair][across]] = True
    return np.logical_and(met[0::2], met[1::2])
