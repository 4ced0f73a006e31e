"""The sites of polygons and the algebra of their triples, for
:mod:`floorplan.inscribed`: every side and reflex corner in a local frame
(:func:`_all_sides`), the points equidistant from three sites (three sides by Cramer's
rule, a corner with two other sites by a quadratic along a line), and each candidate's
true clearance (:func:`_clearance`), in arrays over many polygons at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import Polygon

#: (metres: rounding between the radius solved for and the clearance measured)
_BOUND_SLACK = 1e-6
#: candidate points x sides worked in one array (bounds the memory of a batch)
_CHUNK = 2_000_000
#: sides shorter than this (metres) are skipped
MIN_SIDE = 1e-12
#: candidates within this share of the best distance are ties (a ridge)
_TIE = 1e-9


def _facing(d: np.ndarray, length: np.ndarray) -> np.ndarray:
    """For ``G`` polygons' sides ``(G, E, 2)`` (each turned so the floor is on its left):
    whether any two run in opposite directions, parallel to 1e-9 (walls facing each
    other across the floor, between which GEOS may refine a ridge)."""
    u = d / length[..., None]
    dot = np.einsum("gid,gjd->gij", u, u)
    return (dot < -1 + 1e-9).any(axis=(1, 2))


def _all_sides(polys: Sequence[Polygon]):
    """Every polygon's sides and reflex corners, each polygon in its own local frame.

    Sides are grouped by polygon (``side_start`` and ``n_sides`` index them), likewise
    corners. Side ``k`` runs from ``a[k]`` to ``b[k]`` (``d[k] = b[k] - a[k]``), with the floor on its left when
    ``sign[k]`` is 1 and on its right when -1 (rings are taken as drawn; the shoelace says
    which way each turns). Sides shorter than :data:`MIN_SIDE` are dropped.
    """
    n = len(polys)
    if not n:
        return None
    rings, ring_poly = shapely.get_rings(np.asarray(polys, dtype=object), return_index=True)
    if not len(rings):
        return None
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    # each polygon's frame: its shell's first vertex (national-grid coordinates would
    # lose precision in the products below)
    first_ring = np.full(n, -1)
    first_ring[ring_poly[::-1]] = np.arange(len(ring_poly))[::-1]
    first_coord = np.searchsorted(coord_ring, np.arange(len(rings)))
    origin = np.zeros((n, 2))
    has = first_ring >= 0
    origin[has] = coords[first_coord[first_ring[has]]]
    xy = coords - origin[ring_poly[coord_ring]]
    d = xy[1:] - xy[:-1]
    keep = (coord_ring[1:] == coord_ring[:-1]) & (d[:, 0] * d[:, 0] + d[:, 1] * d[:, 1] > MIN_SIDE * MIN_SIDE)
    a, b, d, of_ring = xy[:-1][keep], xy[1:][keep], d[keep], coord_ring[:-1][keep]
    m = len(a)
    if m == 0:
        return None
    # shoelace per ring: a shell should turn counter-clockwise and a hole clockwise
    twice_area = np.bincount(of_ring, weights=a[:, 0] * d[:, 1] - a[:, 1] * d[:, 0], minlength=len(rings))
    is_shell = first_ring[ring_poly] == np.arange(len(rings))
    sign = (np.where(is_shell, 1.0, -1.0) * np.sign(twice_area))[of_ring]
    # the side before each side, within its ring
    first = np.flatnonzero(np.r_[True, of_ring[1:] != of_ring[:-1]])
    prev = np.arange(-1, m - 1)
    prev[first] = np.append(first[1:], m) - 1
    dp = d[prev]
    reflex = (dp[:, 0] * d[:, 1] - dp[:, 1] * d[:, 0]) * sign < 0
    of_poly = ring_poly[of_ring]
    n_sides = np.bincount(of_poly, minlength=n)
    n_corners = np.bincount(of_poly[reflex], minlength=n)
    side_start = np.r_[0, np.cumsum(n_sides)[:-1]]
    corner_start = np.r_[0, np.cumsum(n_corners)[:-1]]
    return a, b, d, sign, n_sides, side_start, a[reflex], n_corners, corner_start, origin


def _solve(a, b, d, length, nx, ny, nc, corners, lower: np.ndarray | None = None
           ) -> list[tuple[float, float, float] | None]:
    """The circles of ``G`` polygons with the same counts, from arrays ``(G, sides)``
    (``a``, ``b`` and ``d``, the sides' starts, ends and directions: ``(G, sides, 2)``) and ``(G, corners, 2)``, in local frames.

    ``lower`` (``(G,)``): a radius each polygon's circle is known to reach; only the
    candidates solved at least that large are measured (the answer is the same)."""
    xs, ys, rs = [], [], []
    x, y, r = _three_sides(nx, ny, nc)
    xs.append(x)
    ys.append(y)
    rs.append(r)
    if corners.shape[1]:
        x, y, r = _with_corners(nx, ny, nc, corners)
        xs.append(x)
        ys.append(y)
        rs.append(r)
    x, y = np.concatenate(xs, axis=1), np.concatenate(ys, axis=1)
    # only points inside can be centres: drop the rest (and nan, inf) by the bounds first
    ax, ay = a[..., 0], a[..., 1]
    ok = ((x >= ax.min(axis=1, keepdims=True)) & (x <= ax.max(axis=1, keepdims=True))
          & (y >= ay.min(axis=1, keepdims=True)) & (y <= ay.max(axis=1, keepdims=True)))
    x, y = np.where(ok, x, 0.0), np.where(ok, y, 0.0)
    if lower is None:
        f, inside = _clearance(x, y, a, b, d, length)
        f = np.where(ok & inside, f, -np.inf)
    else:
        # the optimum is the solution of its own three sites, where the radius solved for
        # is its clearance: at least the bound, so a candidate solved below it is not it
        with np.errstate(invalid="ignore"):
            ok &= np.concatenate(rs, axis=1) >= (lower - _BOUND_SLACK)[:, None]
        g, k = np.nonzero(ok)
        f = np.full(x.shape, -np.inf)
        if len(g):
            fk, inside = _clearance(x[g, k][:, None], y[g, k][:, None], a[g], b[g], d[g], length[g])
            f[g, k] = np.where(inside[:, 0], fk[:, 0], -np.inf)
    best = f.max(axis=1)
    pick = f.argmax(axis=1)
    rows = np.arange(len(f))
    cx, cy = x[rows, pick], y[rows, pick]
    # where the best is a ridge (two parallel walls): its middle, when that is as good
    near = best - _TIE * np.maximum(1.0, best)
    ties = f >= near[:, None]
    count = ties.sum(axis=1)
    mx = np.where(ties, x, 0.0).sum(axis=1) / np.maximum(count, 1)
    my = np.where(ties, y, 0.0).sum(axis=1) / np.maximum(count, 1)
    fm, mid_inside = _clearance(mx[:, None], my[:, None], a, b, d, length)
    use_mid = (count > 1) & mid_inside[:, 0] & (fm[:, 0] >= near)
    cx, cy = np.where(use_mid, mx, cx), np.where(use_mid, my, cy)
    return [None if not np.isfinite(b) else (px, py, b)
            for px, py, b in zip(cx.tolist(), cy.tolist(), best.tolist(), strict=True)]


@lru_cache(maxsize=128)
def _triples(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index arrays of every ``i < j < k`` below ``n``."""
    i, j = np.triu_indices(n, 1)
    k = np.tile(np.arange(n), len(i))
    i, j = np.repeat(i, n), np.repeat(j, n)
    keep = k > j
    return i[keep], j[keep], k[keep]


def _three_sides(nx: np.ndarray, ny: np.ndarray, nc: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points at equal distance from three sides' lines (Cramer's rule, every triple),
    and that distance, for ``G`` polygons at once: arrays ``(G, sides)`` in, ``(G, triples)`` out."""
    i, j, k = _triples(nx.shape[1])
    ax, ay, bx, by, cx, cy = nx[:, i], ny[:, i], nx[:, j], ny[:, j], nx[:, k], ny[:, k]
    ci, cj, ck = nc[:, i], nc[:, j], nc[:, k]
    # rows (ax, ay, -1), (bx, by, -1), (cx, cy, -1); parallel triples have no solution
    m1, m2, m3 = by - cy, bx - cx, bx * cy - by * cx
    det = ay * m2 - ax * m1 - m3
    with np.errstate(all="ignore"):  # no solution: inf or nan, dropped later
        det = np.where(np.abs(det) > 1e-12, det, np.nan)
        x = (ay * (cj - ck) - ci * m1 - (cj * cy - by * ck)) / det
        y = (ci * m2 - ax * (cj - ck) - (bx * ck - cj * cx)) / det
        r = ax * x + ay * y - ci
    return x, y, r


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
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points at equal distance from a corner and two more sites (sides or corners),
    and that distance, for ``G`` polygons at once (``corners``: ``(G, corners, 2)``)."""
    n_sides = nx.shape[1]
    corner, ri, rj, pp, pw = _corner_triples(n_sides, corners.shape[1])
    vx, vy = corners[..., 0], corners[..., 1]
    # each row: gx x + gy y + gr r = h
    gx = np.concatenate([nx, 2 * (vx[:, pw] - vx[:, pp])], axis=1)
    gy = np.concatenate([ny, 2 * (vy[:, pw] - vy[:, pp])], axis=1)
    gr = np.concatenate([np.full(nx.shape, -1.0), np.zeros((len(nx), len(pp)))], axis=1)
    h = np.concatenate([nc, vx[:, pw] ** 2 + vy[:, pw] ** 2 - vx[:, pp] ** 2 - vy[:, pp] ** 2], axis=1)
    g1x, g1y, g1r, h1 = gx[:, ri], gy[:, ri], gr[:, ri], h[:, ri]
    g2x, g2y, g2r, h2 = gx[:, rj], gy[:, rj], gr[:, rj], h[:, rj]
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
        ux, uy = x0 - vx[:, corner], y0 - vy[:, corner]
        qa = qx * qx + qy * qy - qr * qr
        qb = 2 * (ux * qx + uy * qy - r0 * qr)
        qc = ux * ux + uy * uy - r0 * r0
        linear = np.abs(qa) <= 1e-12 * np.abs(qb)
        root = np.sqrt(qb * qb - 4 * qa * qc)
        t1 = np.where(linear, -qc / qb, (-qb + root) / (2 * qa))
        t2 = np.where(linear, np.nan, (-qb - root) / (2 * qa))
        x = np.concatenate([x0 + t1 * qx, x0 + t2 * qx], axis=1)
        y = np.concatenate([y0 + t1 * qy, y0 + t2 * qy], axis=1)
        r = np.concatenate([r0 + t1 * qr, r0 + t2 * qr], axis=1)
    return x, y, r


def _clearance(x: np.ndarray, y: np.ndarray, a: np.ndarray, b: np.ndarray, d: np.ndarray, length: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """For points ``(G, K)`` of ``G`` polygons with sides ``(G, E)``: each point's distance
    to the nearest side (segments, not lines), and whether it is inside (ray crossings:
    a point with an odd number of sides crossing the ray to its right is inside; points
    on the boundary are at distance 0 and never the answer, whichever way they fall)."""
    ax, ay = a[:, None, :, 0], a[:, None, :, 1]           # (G, 1, E)
    dx, dy = d[:, None, :, 0], d[:, None, :, 1]
    rx = x[:, :, None] - ax                              # (G, K, E)
    ry = y[:, :, None] - ay
    t = np.clip((rx * dx + ry * dy) / (length * length)[:, None, :], 0.0, 1.0)
    ox = rx - t * dx
    oy = ry - t * dy
    dist = np.sqrt((ox * ox + oy * oy).min(axis=2))
    # the side spans the point's y: compared with the side's own end points, which are
    # the next side's start bit for bit, so a point level with a vertex is counted once
    py = y[:, :, None]
    straddles = (py >= ay) != (py >= b[:, None, :, 1])
    with np.errstate(all="ignore"):
        right = rx * dy < ry * dx                        # crossing lies right of the point
    right = np.where(dy > 0, right, ~right)
    inside = (straddles & right).sum(axis=2) % 2 == 1
    return dist, inside
