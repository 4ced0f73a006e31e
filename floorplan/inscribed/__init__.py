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

The package: this module chooses and batches; :mod:`~floorplan.inscribed.solve` holds
the sites and the triples' algebra; :mod:`~floorplan.inscribed.local` the rooms of many
sides, solved from the sites near the best point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.inscribed.solve import _CHUNK, MIN_SIDE, _all_sides, _facing, _solve

__all__ = ["BOUND_SHARE", "EXACT_WORK", "EXACT_WORK_RIDGE", "MAX_CANDIDATES", "MIN_SIDE", "SNAP",
           "candidate_count", "exact_pays", "inscribed_circle", "inscribed_circles"]

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
