"""The largest circle inside a polygon, computed exactly.

The clear circle of a room is the largest circle in its clear floor (the room less its
fittings). GEOS's ``maximum_inscribed_circle`` finds it by subdividing cells to a
tolerance, and that is slow exactly where rooms are ordinary: when the circle is held by
two parallel walls, every point of the ridge between them is as good as the best, and the
search splits cells all along it (about 0.9 ms for an L-shaped bathroom at 0.2 mm).

Here the answer is computed instead. Call the polygon's *sites* its sides and its reflex
corners (a convex corner is never nearest to an inside point that is not on one of its
two sides). The distance to the boundary, ``f(x)``, is largest at a vertex of the medial
axis: along each arc of the axis ``f`` is linear (two sides), or the distance to a point
along a line or a parabola (a corner with a side or another corner), none of which has an
interior maximum. Every vertex of the axis is equidistant from three sites, so:

1. for every triple of sites, solve for the points equidistant from all three (a side is
   the line ``n . x - r = c`` with ``n`` its unit normal into the floor; a corner ``v``
   gives ``|x - v| = r``): three sides are a 3 x 3 linear system; with a corner, the two
   other sites give a line of solutions and ``|x - v| = r`` a quadratic along it;
2. keep the candidates inside the polygon and measure each one's true distance to the
   boundary; the largest is the answer, exactly (every candidate's distance is a circle
   that fits, and the medial-axis vertex that is the optimum is among them).

Where the best is a ridge (two parallel walls), the circle is centred on the middle of
the ridge when that point is as good, so a rectangle's circle sits in its centre.

The work grows as the cube of the number of sides, so polygons with many sides (curved
walls drawn as many segments) are left to GEOS: see :data:`MAX_CANDIDATES`.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import Polygon

#: above this many candidate points the GEOS search is quicker than enumerating them
MAX_CANDIDATES = 4000
#: sides shorter than this (metres) are skipped
MIN_SIDE = 1e-12
#: candidates within this share of the best distance are ties (a ridge)
_TIE = 1e-9


def candidate_count(sides: int, corners: int) -> int:
    """How many candidate centres :func:`inscribed_circle` would try (to choose a method)."""
    n = sides + corners
    triples = sides * (sides - 1) * (sides - 2) // 6
    with_corner = sum((n - p - 1) * (n - p - 2) // 2 for p in range(corners))
    return triples + 2 * with_corner


def inscribed_circle(poly: Polygon, max_candidates: int = MAX_CANDIDATES
                     ) -> tuple[float, float, float] | None:
    """``(x, y, radius)`` of the largest circle inside ``poly``.

    ``None`` when the polygon is empty or degenerate, or when it has so many sides that
    more than ``max_candidates`` centres would be tried (the caller then searches).

    >>> from shapely.geometry import box
    >>> inscribed_circle(box(0, 0, 2, 3))
    (1.0, 1.5, 1.0)
    """
    sides = _sides(poly)
    if sides is None:
        return None
    origin, a, d, sign, corners = sides
    if candidate_count(len(a), len(corners)) > max_candidates:
        return None
    length = np.hypot(d[:, 0], d[:, 1])
    nx, ny = -d[:, 1] * sign / length, d[:, 0] * sign / length   # unit normal into the floor
    nc = nx * a[:, 0] + ny * a[:, 1]                              # side: nx x + ny y - r = nc
    xs, ys = [], []
    if len(nx) >= 3:
        x, y = _three_sides(nx, ny, nc)
        xs.append(x)
        ys.append(y)
    if len(corners):
        x, y = _with_corners(nx, ny, nc, corners)
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    x, y = np.concatenate(xs), np.concatenate(ys)
    # only points inside can be centres: drop the rest (and nan, inf) by the bounds first
    lo, hi = a.min(axis=0), a.max(axis=0)
    ok = (x >= lo[0]) & (x <= hi[0]) & (y >= lo[1]) & (y <= hi[1])
    x, y = x[ok], y[ok]
    if not len(x):
        return None
    f = _clearance(x, y, a, d, length)
    order = np.argsort(-f, kind="stable")
    inside = shapely.contains_xy(poly, x[order] + origin[0], y[order] + origin[1])
    if not inside.any():
        return None
    order = order[inside]
    best = float(f[order[0]])
    ties = order[f[order] >= best - _TIE * max(1.0, best)]
    cx, cy = float(x[ties[0]]), float(y[ties[0]])
    if len(ties) > 1:
        mx, my = float(x[ties].mean()), float(y[ties].mean())
        fm = float(_clearance(np.array([mx]), np.array([my]), a, d, length)[0])
        if fm >= best - _TIE * max(1.0, best) and shapely.contains_xy(poly, mx + origin[0], my + origin[1]):
            cx, cy = mx, my
    return cx + float(origin[0]), cy + float(origin[1]), best


def _sides(poly: Polygon):
    """The polygon's sides and reflex corners in a local frame (first vertex at 0, 0).

    Returns ``(origin, starts, directions, sign, corners)``: side ``k`` runs from
    ``starts[k]`` along ``directions[k]``, and the floor is on its left when ``sign[k]``
    is 1, on its right when -1 (rings are taken as drawn; the shoelace says which way
    each turns). ``None`` for an empty or degenerate polygon.
    """
    if poly.is_empty:
        return None
    coords, ring = shapely.get_coordinates(shapely.get_rings(poly), return_index=True)
    if len(coords) < 4:
        return None
    origin = coords[0].copy()
    xy = coords - origin
    d = xy[1:] - xy[:-1]
    # sides shorter than MIN_SIDE (repeated points, or slivers left by clipping) carry no
    # distance worth having and would divide by nothing
    keep = (ring[1:] == ring[:-1]) & (d[:, 0] * d[:, 0] + d[:, 1] * d[:, 1] > MIN_SIDE * MIN_SIDE)
    a, d, of_ring = xy[:-1][keep], d[keep], ring[:-1][keep]
    m = len(a)
    if m < 3:
        return None
    # shoelace per ring: the shell should turn counter-clockwise and holes clockwise
    twice_area = np.bincount(of_ring, weights=a[:, 0] * d[:, 1] - a[:, 1] * d[:, 0])
    want = np.where(np.arange(len(twice_area)) == 0, 1.0, -1.0)
    sign = (want * np.sign(twice_area))[of_ring]
    # the side before each side, within its ring
    first = np.flatnonzero(np.r_[True, of_ring[1:] != of_ring[:-1]])
    prev = np.arange(-1, m - 1)
    prev[first] = np.append(first[1:], m) - 1
    dp = d[prev]
    turn = (dp[:, 0] * d[:, 1] - dp[:, 1] * d[:, 0]) * sign
    return origin, a, d, sign, a[turn < 0]


@lru_cache(maxsize=128)
def _triples(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index arrays of every ``i < j < k`` below ``n``."""
    i, j = np.triu_indices(n, 1)
    k = np.tile(np.arange(n), len(i))
    i, j = np.repeat(i, n), np.repeat(j, n)
    keep = k > j
    return i[keep], j[keep], k[keep]


def _three_sides(nx: np.ndarray, ny: np.ndarray, nc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points at equal distance from three sides' lines (Cramer's rule, every triple)."""
    i, j, k = _triples(len(nx))
    ax, ay, bx, by, cx, cy = nx[i], ny[i], nx[j], ny[j], nx[k], ny[k]
    ci, cj, ck = nc[i], nc[j], nc[k]
    # rows (ax, ay, -1), (bx, by, -1), (cx, cy, -1); parallel triples have no solution
    m1, m2, m3 = by - cy, bx - cx, bx * cy - by * cx
    det = ay * m2 - ax * m1 - m3
    with np.errstate(all="ignore"):  # no solution: inf or nan, dropped later
        det = np.where(np.abs(det) > 1e-12, det, np.nan)
        x = (ay * (cj - ck) - ci * m1 - (cj * cy - by * ck)) / det
        y = (ci * m2 - ax * (cj - ck) - (bx * ck - cj * cx)) / det
    return x, y


@lru_cache(maxsize=128)
def _corner_triples(n_sides: int, n_corners: int) -> tuple[np.ndarray, ...]:
    """Every triple of sites with at least one corner, as ``(corner, row i, row j)``.

    The corner is the triple's first; the two other sites are rows of a table whose first
    ``n_sides`` rows are the sides and the rest one per pair of corners ``p < w`` (their
    bisector, ``2 (w - p) . x = |w|² - |p|²``), listed in ``pairs``.
    """
    pair_row: dict[tuple[int, int], int] = {}
    for p in range(n_corners):
        for w in range(p + 1, n_corners):
            pair_row[p, w] = n_sides + len(pair_row)
    corner, row_i, row_j = [], [], []
    for p in range(n_corners):
        rows = np.array(list(range(n_sides)) + [pair_row[p, w] for w in range(p + 1, n_corners)], dtype=int)
        i, j = np.triu_indices(len(rows), 1)
        corner.append(np.full(len(i), p, dtype=int))
        row_i.append(rows[i])
        row_j.append(rows[j])
    pairs = np.array(list(pair_row), dtype=int).reshape(-1, 2)
    return np.concatenate(corner), np.concatenate(row_i), np.concatenate(row_j), pairs[:, 0], pairs[:, 1]


def _with_corners(nx: np.ndarray, ny: np.ndarray, nc: np.ndarray, corners: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Points at equal distance from a corner and two more sites (sides or corners)."""
    n_sides = len(nx)
    corner, ri, rj, pp, pw = _corner_triples(n_sides, len(corners))
    vx, vy = corners[:, 0], corners[:, 1]
    # each row: gx x + gy y + gr r = h
    gx = np.concatenate([nx, 2 * (vx[pw] - vx[pp])])
    gy = np.concatenate([ny, 2 * (vy[pw] - vy[pp])])
    gr = np.concatenate([np.full(n_sides, -1.0), np.zeros(len(pp))])
    h = np.concatenate([nc, vx[pw] ** 2 + vy[pw] ** 2 - vx[pp] ** 2 - vy[pp] ** 2])
    g1x, g1y, g1r, h1 = gx[ri], gy[ri], gr[ri], h[ri]
    g2x, g2y, g2r, h2 = gx[rj], gy[rj], gr[rj], h[rj]
    # the two rows meet in the line p0 + t q, q = g1 x g2, p0 = (h1 (g2 x q) + h2 (q x g1)) / |q|²
    qx = g1y * g2r - g1r * g2y
    qy = g1r * g2x - g1x * g2r
    qr = g1x * g2y - g1y * g2x
    qq = qx * qx + qy * qy + qr * qr
    with np.errstate(all="ignore"):  # no solution: inf or nan, dropped later
        qq = np.where(qq > 1e-18, qq, np.nan)
        x0 = (h1 * (g2y * qr - g2r * qy) + h2 * (qy * g1r - qr * g1y)) / qq
        y0 = (h1 * (g2r * qx - g2x * qr) + h2 * (qr * g1x - qx * g1r)) / qq
        r0 = (h1 * (g2x * qy - g2y * qx) + h2 * (qx * g1y - qy * g1x)) / qq
        # |p0 + t q - v|² = (r0 + t qr)²: A t² + B t + C = 0 (linear when A vanishes)
        ux, uy = x0 - vx[corner], y0 - vy[corner]
        qa = qx * qx + qy * qy - qr * qr
        qb = 2 * (ux * qx + uy * qy - r0 * qr)
        qc = ux * ux + uy * uy - r0 * r0
        linear = np.abs(qa) <= 1e-12 * np.abs(qb)
        root = np.sqrt(qb * qb - 4 * qa * qc)
        t1 = np.where(linear, -qc / qb, (-qb + root) / (2 * qa))
        t2 = np.where(linear, np.nan, (-qb - root) / (2 * qa))
        x = np.concatenate([x0 + t1 * qx, x0 + t2 * qx])
        y = np.concatenate([y0 + t1 * qy, y0 + t2 * qy])
    return x, y


def _clearance(x: np.ndarray, y: np.ndarray, a: np.ndarray, d: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Each point's distance to the nearest side (segments, not lines)."""
    rx = x[:, None] - a[:, 0]
    ry = y[:, None] - a[:, 1]
    t = np.clip((rx * d[:, 0] + ry * d[:, 1]) / (length * length), 0.0, 1.0)
    ox = rx - t * d[:, 0]
    oy = ry - t * d[:, 1]
    return np.sqrt((ox * ox + oy * oy).min(axis=1))
