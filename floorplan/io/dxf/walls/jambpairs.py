"""Which candidate pairs of jambs of :mod:`~floorplan.io.dxf.walls.openings` are plainly the
two ends of one wall, found for all the pairs at once.

A wall drawing has hundreds to thousands of pairs of jambs that might face each other
across an opening, and most are a short wall's two ends: its faces lie on the pair's seals
from jamb to jamb. :func:`~floorplan.io.dxf.walls.openings._opening` finds that one pair
at a time, some fifteen shapely calls each. :func:`wall_ends` makes the same seals, the
same probes at their middles, the same distances to the jambs and the same covers, by one
call each for every pair (the same GEOS operations on the same coordinates), so that the
loop over the pairs skips those; every other pair is still decided by ``_opening``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

#: a wall face meets a jamb's end this close (metres)
CORNER_REACH = 2e-3
#: linework runs out of an opening's band past this far (metres): beyond a drawing's slop
OUT_OF_BAND = 0.01


def wall_ends(ja: np.ndarray, jb: np.ndarray, geoms, line_tree) -> np.ndarray:
    """For every pair of jambs ``ja[k]``, ``jb[k]`` ((n, 2, 2) arrays of each jamb's two
    ends) at once: True where ``_opening`` answers that the pair is the two ends of one
    wall, no opening. That is so when a wall line on a seal touches a jamb (within
    :data:`CORNER_REACH`: then the lines on the seals are not all infill) and either lines
    lie on both seals, or on one only and some line there does not cover it and run on
    past both jambs (then it is no recess either)."""
    n = len(ja)
    if line_tree is None or not n:
        return np.zeros(n, dtype=bool)
    d = (ja[:, 1] - ja[:, 0]) / np.hypot(ja[:, 1, 0] - ja[:, 0, 0],
                                         ja[:, 1, 1] - ja[:, 0, 1])[:, None]

    def ordered(j: np.ndarray) -> np.ndarray:  # (lo, hi) along each pair's d, as sorted()
        t = j[:, :, 0] * d[:, None, 0] + j[:, :, 1] * d[:, None, 1]
        return np.where((t[:, 1] < t[:, 0])[:, None, None], j[:, ::-1], j)

    a, b = ordered(ja), ordered(jb)
    seals: Any = shapely.linestrings(np.stack([a, b], axis=2).reshape(2 * n, 2, 2))  # lo, hi
    mids = shapely.line_interpolate_point(seals, 0.5, normalized=True)
    probe, line = line_tree.query(mids, predicate="dwithin", distance=1e-6)
    pair = probe // 2
    sides = np.zeros((n, 2), dtype=bool)
    sides[pair, probe % 2] = True
    count = sides.sum(axis=1)
    lines = np.asarray(geoms, dtype=object)[line]
    touch = np.zeros(n, dtype=bool)
    for j in (a, b):  # each jamb as a line, as _all_infill draws it
        jambs: Any = shapely.linestrings(j)
        near = shapely.distance(lines, jambs[pair]) <= CORNER_REACH
        touch[pair[near]] = True
    short = np.zeros(n, dtype=bool)  # on one seal only: a line there that does not run on
    one = (touch & (count == 1))[pair]
    if one.any():
        seal = seals[probe[one]]
        grown: Any = shapely.buffer(lines[one], 1e-6)
        runs = (shapely.covers(grown, seal)
                & (shapely.length(lines[one]) > shapely.length(seal) + 2 * OUT_OF_BAND))
        short[pair[one][~runs]] = True
    return touch & ((count == 2) | short)
