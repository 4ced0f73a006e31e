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

The work grows as the candidates times the sides (about 35 ns each, in a batch), while
GEOS's search costs 0.05-0.1 ms a polygon whatever its sides, except where a ridge holds
the circle: there it refines every cell along the ridge (0.2-0.3 ms for an L or a
bedroom less its bath, 16 ms for a 40 m U). So a polygon is solved here when candidates x
sides is at most :data:`EXACT_WORK` (about GEOS's plain cost), or :data:`EXACT_WORK_RIDGE`
when two of its sides face each other (antiparallel: a ridge may lie between them), and
is otherwise left to GEOS (:func:`exact_pays`; the figures are in ``docs/performance.md``),
except that a polygon whose walls face each other and with at most :data:`MAX_CANDIDATES`
candidates is still solved exactly from a lower bound: GEOS's search to a coarse tolerance
(which stops before refining the ridge) gives a circle that fits, and the optimum, the
solution of its own three sites, is solved at a radius at least that large, so only the
candidates solved that large are measured (a few dozen of thousands). Polygons
with the same numbers of sides and reflex corners are solved together, as rows of one
set of arrays (:func:`inscribed_circles`); which candidates are inside is counted in the
same arrays, by ray crossings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import Polygon

#: candidates x sides up to which the exact solver beats GEOS's search of a polygon
#: with no ridge (measured: 4,000 is about 0.14 ms in a batch; GEOS 0.05-0.1 ms)
EXACT_WORK = 4_000
#: the same for a polygon with two sides facing each other, where GEOS may refine a ridge
#: (20,000 is about 0.7 ms; GEOS took 0.15-0.35 ms on small rooms and 8-16 ms on a 40 m U)
EXACT_WORK_RIDGE = 20_000
#: the most candidates ever tried (a cap for callers that choose by count, and for
#: polygons with a ridge solved from a lower bound)
MAX_CANDIDATES = 4000
#: the tolerance of the coarse search that bounds a ridged polygon's circle from below,
#: as a share of its narrower extent (a weaker bound only leaves more candidates to measure)
BOUND_SHARE = 0.01
#: how far below the bound a candidate's solved radius may fall and still be measured
#: (metres: rounding between the radius solved for and the clearance measured)
_BOUND_SLACK = 1e-6
#: candidate points x sides worked in one array (bounds the memory of a batch)
_CHUNK = 2_000_000
#: sides shorter than this (metres) are skipped
MIN_SIDE = 1e-12
#: candidates within this share of the best distance are ties (a ridge)
_TIE = 1e-9


def candidate_count(sides: int, corners: int) -> int:
    """How many candidate centres :func:`inscribed_circle` would try (to choose a method)."""
    n = sides + corners
    # each corner p with two of the n - p - 1 sites after it: the sum over p < corners of
    # C(n - p - 1, 2), which is C(n, 3) - C(n - corners, 3)
    return math.comb(sides, 3) + 2 * (math.comb(n, 3) - math.comb(n - corners, 3))


def exact_pays(sides: int, corners: int, ridge: bool) -> bool:
    """Whether the exact solver is the quicker way for a polygon with these counts
    (``ridge``: two of its sides face each other)."""
    return candidate_count(sides, corners) * sides <= (EXACT_WORK_RIDGE if ridge else EXACT_WORK)


def inscribed_circle(poly: Polygon, max_candidates: int | None = None
                     ) -> tuple[float, float, float] | None:
    """``(x, y, radius)`` of the largest circle inside ``poly``.

    ``None`` when the polygon is empty or degenerate, or when GEOS's search is the
    quicker way (:func:`exact_pays`; the caller then searches). A number for
    ``max_candidates`` solves it here whenever at most that many centres are tried.

    >>> from shapely.geometry import box
    >>> inscribed_circle(box(0, 0, 2, 3))
    (1.0, 1.5, 1.0)
    """
    return inscribed_circles([poly], max_candidates)[0]


def inscribed_circles(polys: Sequence[Polygon], max_candidates: int | None = None,
                      snapped: bool = False) -> list[tuple[float, float, float] | None]:
    """:func:`inscribed_circle` of each polygon, worked together.

    Polygons with the same number of sides and reflex corners (a plan's L-shaped rooms,
    its bathrooms with a bath in the corner) share their candidate triples, so they are
    solved as one array each; the cost per polygon is then a few microseconds, not the
    fixed cost of a hundred small numpy calls.
    """
    out: list[tuple[float, float, float] | None] = [None] * len(polys)
    sides = _all_sides(polys)
    if sides is None:
        return out
    a, b, d, sign, n_sides, side_start, corners, n_corners, corner_start, origin = sides
    length = np.hypot(d[:, 0], d[:, 1])
    nx, ny = -d[:, 1] * sign / length, d[:, 0] * sign / length   # unit normal into the floor
    nc = nx * a[:, 0] + ny * a[:, 1]                              # side: nx x + ny y - r = nc
    shapes: dict[tuple[int, int], list[int]] = {}
    maybe: dict[tuple[int, int], list[int]] = {}  # exact only with a ridge
    bounded: dict[tuple[int, int], list[int]] = {}  # with a ridge, exact from a lower bound
    ridged: dict[tuple[int, int], list[int]] = {}
    for k, (e, v) in enumerate(zip(n_sides.tolist(), n_corners.tolist(), strict=True)):
        if e < 3:
            continue
        if max_candidates is not None:
            if candidate_count(e, v) <= max_candidates:
                shapes.setdefault((e, v), []).append(k)
        elif exact_pays(e, v, False):
            shapes.setdefault((e, v), []).append(k)
        elif exact_pays(e, v, True):
            maybe.setdefault((e, v), []).append(k)
        elif candidate_count(e, v) <= MAX_CANDIDATES:
            bounded.setdefault((e, v), []).append(k)
    for (e, v), members in [*maybe.items(), *bounded.items()]:
        g = np.asarray(members)
        si = side_start[g][:, None] + np.arange(e)
        facing = _facing(d[si] * sign[si][..., None], length[si])
        keep = g[facing].tolist()
        if keep:
            (shapes if (e, v) in maybe else ridged).setdefault((e, v), []).extend(keep)
    lower = _lower_bounds(polys, [k for members in ridged.values() for k in members])
    for group, bound in ((shapes, False), (ridged, True)):
        for (e, v), members in group.items():
            step = max(1, _CHUNK // (candidate_count(e, v) * e))
            for lo in range(0, len(members), step):
                g = np.asarray(members[lo:lo + step])
                si = side_start[g][:, None] + np.arange(e)
                ci = corner_start[g][:, None] + np.arange(v)
                found = _solve(a[si], b[si], d[si], length[si], nx[si], ny[si], nc[si], corners[ci],
                               lower[g] if bound else None)
                for k, res in zip(g.tolist(), found, strict=True):
                    if res is not None:
                        out[k] = (res[0] + float(origin[k, 0]), res[1] + float(origin[k, 1]), res[2])
    return out if snapped else _outside_again(polys, out, max_candidates)


#: a polygon whose circle came out with its centre outside it is solved again with its
#: coordinates on a grid this fine (metres): a sliver between two sides 1e-202 apart (a
#: fitting's edge a hair off the wall's) collapses, and the sides facing across it go
SNAP = 1e-9


def _outside_again(polys: Sequence[Polygon], out: list, max_candidates: int | None) -> list:
    """``out`` with each circle whose centre lies outside its polygon solved again on the
    polygon snapped to :data:`SNAP` (the largest of its parts' circles), or ``None`` (the
    caller then searches) if that fails too. A centre outside the floor is the sign of
    degenerate input, never of a room drawn as it should be."""
    solved = [k for k, r in enumerate(out) if r is not None]
    if not solved:
        return out
    xy = np.array([out[k][:2] for k in solved], dtype=float)
    inside = shapely.intersects_xy(np.asarray(polys, dtype=object)[solved], xy[:, 0], xy[:, 1])
    for k in np.asarray(solved)[~inside].tolist():
        parts = [g for g in shapely.get_parts(shapely.set_precision(polys[k], SNAP))
                 if isinstance(g, Polygon) and not g.is_empty]
        found = [r for r, g in zip(inscribed_circles(parts, max_candidates, snapped=True), parts,
                                   strict=True)
                 if r is not None and g.intersects(shapely.Point(r[0], r[1]))]
        out[k] = max(found, key=lambda r: r[2]) if found else None
    return out


def _lower_bounds(polys: Sequence[Polygon], which: list[int]) -> np.ndarray:
    """A radius that the largest circle of each of ``polys[which]`` is known to reach
    (the others: 0): GEOS's coarse search, to :data:`BOUND_SHARE` of the polygon's
    narrower extent, which stops long before it has refined a ridge. The circle it
    returns fits, so the largest is at least as large."""
    lower = np.zeros(len(polys))
    if which:
        geoms = np.asarray([polys[k] for k in which], dtype=object)
        x0, y0, x1, y1 = shapely.bounds(geoms).T
        lines = shapely.maximum_inscribed_circle(geoms, tolerance=BOUND_SHARE * np.minimum(x1 - x0, y1 - y0))
        lower[which] = shapely.length(lines)
    return lower


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
