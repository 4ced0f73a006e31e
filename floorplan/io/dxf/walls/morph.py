"""Close the wall band: grow the wall mass and shrink it back (a morphological closing).

Where the walls are drawn as outlines of their mass (double lines, capped at their ends)
a doorway that nothing marks leaves no free line end to bridge: a wall end stands beside
the face of another wall, a door's width away. Growing the mass by ``r`` and shrinking it
by ``r`` again fills every gap narrower than ``2 r`` and leaves the rest as it was: the
spaces the closed mass encloses are the rooms that closing makes, their outlines on the
wall faces and, across a closed gap, straight from one wall's face to the other's (the
mitred growth fills the gap as a block of the wall's own thickness).

>>> from shapely.geometry import LineString, box
>>> # a 4 x 3 room in 0.1 m walls; the bottom wall stops 1.0 m short of the right wall
>>> mass = box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(3.1, 0, 4.1, 0.1))
>>> walls = [LineString(mass.exterior.coords)]
>>> [round(p.area, 3) for p in Closing(walls).spaces(0.45)], [round(p.area, 3) for p in Closing(walls).spaces(0.6)]
([], [12.0])
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

#: the linework is grown by this much (metres) into a mass before it is closed
EPS = 1e-4
#: mitres longer than this many times the growth are cut off (sharp wall corners)
MITRE = 2.0


class Closing:
    """The wall mass of ``lines``, closed at growing radii, each radius once."""

    def __init__(self, lines: list[LineString]):
        self.lines = [g for g in lines if not g.is_empty]
        self._mass = None
        self._done: dict[float, list[Polygon]] = {}

    @property
    def mass(self):
        """The lines grown by EPS into one mass (made when first asked for)."""
        if self._mass is None and self.lines:
            # full precision: linework snapped to a grid keeps it, and a growth finer
            # than the grid would vanish
            geoms = shapely.set_precision(np.asarray(self.lines, dtype=object), 0.0)
            self._mass = shapely.union_all(shapely.buffer(geoms, EPS, cap_style="square",
                                                          join_style="mitre"))
        return self._mass

    def spaces(self, r: float) -> list[Polygon]:
        """The spaces the mass closed by ``r`` encloses, out to the wall faces."""
        if self.mass is None:
            return []
        if r not in self._done:
            closed = self.mass.buffer(r, join_style="mitre", mitre_limit=MITRE).buffer(
                -r, join_style="mitre", mitre_limit=MITRE)
            out = []
            for p in getattr(closed, "geoms", [closed]):
                for ring in getattr(p, "interiors", ()):
                    hole = Polygon(ring).buffer(EPS, join_style="mitre", mitre_limit=MITRE)
                    if isinstance(hole, Polygon) and not hole.is_empty:
                        out.append(hole)
            self._done[r] = out
        return self._done[r]
