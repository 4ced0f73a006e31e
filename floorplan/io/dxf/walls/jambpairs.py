"""The candidate pairs of jambs of :mod:`~floorplan.io.dxf.walls.openings`, made all at once.

Every pair of jambs that might face each other across an opening gets the same things
first: its jambs' ends in order along the jamb, the seals along both wall faces, the band
between the jambs, which wall lines lie on each seal, and the band grown by
:data:`OUT_OF_BAND`. A drawing has hundreds to thousands of such pairs, and these were
made a pair at a time, some fifteen shapely calls each; here they are made by one call
each for all the pairs (the same GEOS operations on the same coordinates, so the same
geometries to the bit), and the pairs that are plainly the two ends of one wall are told
apart before any is looked at one by one (:attr:`Pairs.ends`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

#: a wall face meets a jamb's end this close (metres)
CORNER_REACH = 2e-3
#: linework runs out of an opening's band past this far (metres): beyond a drawing's slop
OUT_OF_BAND = 0.01


class Pairs:
    """Jamb pairs ``ja[k]``, ``jb[k]`` ((n, 2, 2) arrays of each jamb's two ends) against
    the wall lines ``geoms`` (indexed by ``line_tree``, or ``None``).

    ``a[k]``, ``b[k]``: each jamb's ends, low then high along jamb a's direction;
    ``seals[2k]``, ``seals[2k + 1]``: the low and high seals; ``bands[k]``: the band
    between the jambs; :meth:`on_seals`: the wall lines on each seal; ``covered[k]``: every
    line on the seals covers its seal and runs on past both jambs; ``ends[k]``: the pair is
    the two ends of one wall (a line on a seal touches a jamb, so nothing on the seals is
    infill, and lines lie on both seals, or on one without covering it, so no recess)."""

    def __init__(self, ja: np.ndarray, jb: np.ndarray, geoms, line_tree):
        n = len(ja)
        d = (ja[:, 1] - ja[:, 0]) / np.hypot(ja[:, 1, 0] - ja[:, 0, 0],
                                             ja[:, 1, 1] - ja[:, 0, 1])[:, None]

        def ordered(j: np.ndarray) -> np.ndarray:  # (lo, hi) along each pair's d, as sorted()
            t = j[:, :, 0] * d[:, None, 0] + j[:, :, 1] * d[:, None, 1]
            return np.where((t[:, 1] < t[:, 0])[:, None, None], j[:, ::-1], j)

        a, b = self.a, self.b = ordered(ja), ordered(jb)
        self.seals: Any = shapely.linestrings(np.stack([a, b], axis=2).reshape(2 * n, 2, 2))
        self.bands: Any = shapely.polygons(np.stack([a[:, 0], b[:, 0], b[:, 1], a[:, 1]], axis=1))
        self._grown: dict[int, object] = {}
        if line_tree is None or not n:
            probe = line = np.zeros(0, dtype=np.intp)
        else:
            mids = shapely.line_interpolate_point(self.seals, 0.5, normalized=True)
            probe, line = line_tree.query(mids, predicate="dwithin", distance=1e-6)
        self._probe, self._line = probe, line
        self._start = np.searchsorted(probe, 2 * np.arange(n + 1))  # each pair's hits
        pair = probe // 2
        sides = np.zeros((n, 2), dtype=bool)
        sides[pair, probe % 2] = True
        count = sides.sum(axis=1)
        lines = np.asarray(geoms, dtype=object)[line]
        touch = np.zeros(n, dtype=bool)
        for j in (a, b):  # each jamb, as openings._all_infill draws it
            jambs: Any = shapely.linestrings(j)
            near = shapely.distance(lines, jambs[pair]) <= CORNER_REACH
            touch[pair[near]] = True
        self.covered = np.ones(n, dtype=bool)
        one = (count == 1)[pair]  # on one seal only: does each line cover it and run on?
        if one.any():
            every: Any = self.seals
            seal = every[probe[one]]
            grown: Any = shapely.buffer(lines[one], 1e-6)
            runs = (shapely.covers(grown, seal)
                    & (shapely.length(lines[one]) > shapely.length(seal) + 2 * OUT_OF_BAND))
            self.covered[pair[one][~runs]] = False
        self.ends = touch & ((count == 2) | ((count == 1) & ~self.covered))

    def on_seals(self, k: int) -> tuple[list[int], list[int]]:
        """(which seal, 0 or 1, and which wall line) of each line on pair ``k``'s seals,
        as one query of the two seals' middles finds them."""
        s, e = self._start[k], self._start[k + 1]
        return (self._probe[s:e] - 2 * k).tolist(), self._line[s:e].tolist()

    def grown(self, k: int):
        """Pair ``k``'s band grown by :data:`OUT_OF_BAND` (mitred), made once."""
        g = self._grown.get(k)
        if g is None:
            g = self._grown[k] = self.bands[k].buffer(OUT_OF_BAND, join_style="mitre")
        return g


def wall_ends(ja: np.ndarray, jb: np.ndarray, geoms, line_tree) -> np.ndarray:
    """:attr:`Pairs.ends` of the pairs ``ja[k]``, ``jb[k]``: True where ``_opening`` answers
    that the pair is the two ends of one wall, no opening."""
    return Pairs(ja, jb, geoms, line_tree).ends
