"""The largest circle of a many-sided polygon, exact, from the few sides near its centre.

:mod:`floorplan.inscribed` solves every triple of a polygon's sites (sides and reflex
corners), which grows as the fourth power of the sides; past its limits a room went to
GEOS's grid search at 0.2 mm, 5-40 ms for an OSM building's 30-50-sided hall. Here:

1. GEOS's search to a coarse tolerance ``t`` (:data:`LOCAL_SHARE` of the
   narrower extent) gives a circle that fits: centre ``q``, radius ``r0``. The optimum
   ``p`` has clearance ``f(p) >= r0``, so it lies in the polygon shrunk by ``r0`` (GEOS's
   inward buffer; its arcs are drawn as chords inside the true arcs, so what it returns
   holds the true shrunk polygon).
2. The optimum's clearance is at most ``r0 + t`` (GEOS stops when no cell left can
   beat its best by more than ``t``) and at most ``r0 + h``, ``h`` the farthest vertex of
   the shrunk polygon from ``q`` (the clearance is 1-Lipschitz). The sites that hold the
   optimum are at ``f(p)`` from ``p``: within that reach of the shrunk polygon. Only
   those are kept.
3. :func:`floorplan.inscribed.solve._solve` solves every triple of the kept sites and measures
   each candidate against *all* the sides: every candidate measured is a circle that fits,
   and the optimum is among them, so the largest is the exact answer.
4. GEOS's stop is not a proof (at 0.01 mm it was found 0.05 mm short of the exact radius
   on real rooms), so the answer is proved instead: the polygon shrunk by the radius
   found plus :data:`VERIFY` is empty, or the polygon is left to the caller.

When the shrunk polygon is small (a peaked room) a handful of sites are kept and the solve
is a few hundred candidates; where it is long (a ridge) more are kept, and when they
would be more than :data:`~floorplan.inscribed.MAX_CANDIDATES` candidates the polygon is
left to the caller (``None``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.inscribed import MAX_CANDIDATES, candidate_count
from floorplan.inscribed.solve import _all_sides, _solve

#: the coarse search's tolerance, as a share of the polygon's narrower extent (finer
#: costs GEOS more and keeps fewer sites: 0.001-0.01 measured, 0.003 the quickest in all;
#: what it leaves is tried again ten times finer)
LOCAL_SHARE = 0.003
#: metres: the shrinking and the reach are loosened by this (rounding in GEOS's buffer)
_MARGIN = 1e-7
#: metres: no circle is larger than the one returned by this much, proved (see the end
#: of :func:`local_circles`); a diameter within 0.5 mm of the largest
VERIFY = 2.5e-4
#: the most segments a quarter circle in that proof (its arcs are drawn as chords,
#: which leave a sliver as deep as their sagitta by a reflex corner that holds the circle)
_VERIFY_SEGS = 1024
#: segments a quarter circle in the shrinking (fewer leave more sites: 1, 2, 8 measured)
_QUAD_SEGS = 8


def local_circles(polys: Sequence[Polygon], share: float = LOCAL_SHARE, max_candidates: int = MAX_CANDIDATES
                  ) -> list[tuple[float, float, float] | None]:
    """``(x, y, radius)`` of the largest circle of each polygon, exact, or ``None`` where
    the sites near the centre would be more than ``max_candidates`` candidates even from
    a search ten times finer (or the polygon is degenerate, or the proof fails).

    The finer search is for those a first search leaves with too many sites: a long
    ridge between walls drawn in pieces, whose shrunk polygon a finer bound shortens."""
    out = _local_circles(polys, share, max_candidates)
    left = [k for k, f in enumerate(out) if f is None]
    if left:
        for k, f in zip(left, _local_circles([polys[k] for k in left], share / 10, max_candidates), strict=True):
            out[k] = f
    return out


def _local_circles(polys: Sequence[Polygon], share: float, max_candidates: int
                   ) -> list[tuple[float, float, float] | None]:
    """:func:`local_circles` from one coarse search, to ``share`` of the narrower extent."""
    out: list[tuple[float, float, float] | None] = [None] * len(polys)
    if not len(polys):
        return out
    # straight runs joined (the same polygon, fewer sites: a wall drawn in pieces)
    geoms = shapely.simplify(np.asarray(polys, dtype=object), 0.0)
    sides = _all_sides(list(geoms))
    if sides is None:
        return out
    a, b, d, sign, n_sides, side_start, corners, n_corners, corner_start, origin = sides
    x0, y0, x1, y1 = shapely.bounds(geoms).T
    tolerance = share * np.minimum(x1 - x0, y1 - y0)
    lines = shapely.maximum_inscribed_circle(geoms, tolerance=tolerance)
    r0 = shapely.length(lines)
    q = shapely.get_point(lines, 0)
    core = shapely.buffer(geoms, -np.maximum(r0 - _MARGIN, 0.0), quad_segs=_QUAD_SEGS)
    reach = r0 + np.minimum(shapely.hausdorff_distance(core, q), tolerance) + _MARGIN
    length = np.hypot(d[:, 0], d[:, 1])
    nx, ny = -d[:, 1] * sign / length, d[:, 0] * sign / length
    nc = nx * a[:, 0] + ny * a[:, 1]
    side_of = np.repeat(np.arange(len(polys)), n_sides)
    corner_of = np.repeat(np.arange(len(polys)), n_corners)
    seg = shapely.linestrings(np.stack([a + origin[side_of], b + origin[side_of]], axis=1))
    near_side = shapely.distance(seg, core[side_of]) <= reach[side_of]
    near_corner = shapely.distance(shapely.points(corners + origin[corner_of]), core[corner_of]) <= reach[corner_of]
    for k in range(len(polys)):
        e, v = int(n_sides[k]), int(n_corners[k])
        if e < 3 or not np.isfinite(reach[k]) or shapely.is_empty(core[k]):
            continue
        si = side_start[k] + np.arange(e)
        ci = corner_start[k] + np.arange(v)
        ks, kc = si[near_side[si]], ci[near_corner[ci]]
        if len(ks) + len(kc) < 3 or len(ks) < 1 or candidate_count(len(ks), len(kc)) > max_candidates:
            continue
        found = _solve(a[si][None], b[si][None], d[si][None], length[si][None], nx[ks][None], ny[ks][None],
                       nc[ks][None], corners[kc][None], np.array([r0[k]]))[0]
        if found is not None and found[2] >= r0[k] - _MARGIN:
            out[k] = (found[0] + float(origin[k, 0]), found[1] + float(origin[k, 1]), found[2])
    # the proof: nothing is left of the polygon shrunk by a little more than the radius
    # found, so no circle is larger by VERIFY or more; otherwise the caller searches
    done = [k for k, f in enumerate(out) if f is not None]
    if done:
        radius = np.asarray([out[k][2] for k in done]) + VERIFY  # type: ignore[index]
        # a quarter circle in enough chords that their sagitta is under VERIFY / 2
        # (rounded up to a power of two, one buffer call each)
        need = np.pi / (4 * np.arccos(1 - VERIFY / (2 * radius)))
        segs = (2 ** np.ceil(np.log2(np.maximum(need, 8)))).clip(8, _VERIFY_SEGS).astype(int)
        for n in np.unique(segs).tolist():
            at = np.flatnonzero(segs == n)
            left = shapely.buffer(geoms[np.asarray(done)[at]], -radius[at], quad_segs=n)
            for k in np.asarray(done)[at][~shapely.is_empty(left)].tolist():
                out[k] = None
    return out
