"""Room outlines as readers hand them over: within a vertex budget, and valid.

Two things here keep one outline from taking minutes or giving a wrong area:

- **a vertex budget** (:func:`within_budget`): an outline with more corners than
  :data:`~floorplan.io.limits.MAX_ROOM_VERTICES` is simplified to
  :data:`~floorplan.io.limits.SIMPLIFY_M` (a millimetre); still over, it is refused;
- **repair ring by ring** (:func:`repair`): GEOS's ``make_valid`` of a whole polygon makes
  a hole that is bigger than its outline (or lies outside it) into extra area (a 12 m²
  room read as 18 m²), and takes minutes on an outline that crosses itself thousands of
  times. So each ring is repaired on its own, holes are cut to the outline, a hole that
  covers the whole outline is left out, and an outline that crosses itself more than
  :data:`~floorplan.io.limits.MAX_CROSSINGS` times is refused (it is not a room).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.strtree import STRtree

from floorplan.geometry import as_area
from floorplan.io import limits


class TooComplex(ValueError):
    """An outline over a budget; the message says which, for one line naming the feature."""


def count_crossings(xy: np.ndarray, cap: int) -> int:
    """How many times the closed ring through ``xy`` ((n, 2), first point not repeated
    necessarily) crosses or touches itself, counting up to a little past ``cap``."""
    pts = np.asarray(xy, dtype=float)[:, :2]
    if len(pts) >= 2 and (pts[0] == pts[-1]).all():
        pts = pts[:-1]
    n = len(pts)
    if n < 4:
        return 0
    segs: Any = shapely.linestrings(np.stack([pts, np.roll(pts, -1, axis=0)], axis=1))
    tree = STRtree(segs)
    count = 0
    step = 256
    for start in range(0, n, step):
        a, b = tree.query(segs[start:start + step], predicate="intersects")
        a = a + start
        keep = (b > a + 1) & ~((a == 0) & (b == n - 1))  # neighbours share a corner
        count += int(keep.sum())
        if count > cap:
            break
    return count


def vertices(geom) -> int:
    return int(shapely.get_num_coordinates(geom))


def within_budget(shell: np.ndarray, holes: list[np.ndarray]
                  ) -> tuple[np.ndarray, list[np.ndarray], str | None]:
    """The rings, simplified when over the vertex budget, and a note saying so; raises
    :class:`TooComplex` when simplifying is not enough."""
    total = len(shell) + sum(len(h) for h in holes)
    if total <= limits.MAX_ROOM_VERTICES:
        return shell, holes, None

    def simple(ring: np.ndarray) -> np.ndarray:
        line = shapely.simplify(shapely.linestrings(ring[:, :2]), limits.SIMPLIFY_M,
                                preserve_topology=False)
        return shapely.get_coordinates(line)

    shell2, holes2 = simple(shell), [simple(h) for h in holes]
    after = len(shell2) + sum(len(h) for h in holes2)
    if after > limits.MAX_ROOM_VERTICES:
        raise TooComplex(f"an outline of {total:,} corners ({after:,} after simplifying to "
                         f"{limits.SIMPLIFY_M * 1000:g} mm), over the "
                         f"{limits.MAX_ROOM_VERTICES:,} a room may have")
    return shell2, holes2, (f"outline of {total:,} corners simplified to {after:,} "
                            f"(edges moved at most {limits.SIMPLIFY_M * 1000:g} mm)")


def repair(shell: np.ndarray, holes: list[np.ndarray]) -> tuple[Polygon | MultiPolygon, list[str]]:
    """A valid area for one polygon's rings, and what was done to get it (empty: nothing,
    the polygon was valid). Raises :class:`TooComplex` for an outline too tangled to
    repair in reasonable time."""
    poly = Polygon(shell, holes)
    if poly.is_valid:
        return poly, []
    notes = [shapely.is_valid_reason(poly)]
    outer = _ring_area(shell, "the outline")
    cut = []
    for i, h in enumerate(holes, 1):
        area = _ring_area(h, f"hole {i}")
        if area.is_empty:
            notes.append(f"hole {i} has no area: left out")
            continue
        inside = area.intersection(outer)
        if outer.area > 0 and inside.area >= outer.area * 0.999:
            notes.append(f"hole {i} covers the whole outline: left out")
            continue
        if area.area - inside.area > 1e-9:
            notes.append(f"hole {i} reaches outside the outline: cut to it")
        cut.append(inside)
    fixed = outer.difference(shapely.union_all(cut)) if cut else outer
    return as_area(fixed), notes


def _ring_area(xy: np.ndarray, what: str) -> Polygon | MultiPolygon:
    n = count_crossings(xy, limits.MAX_CROSSINGS)
    if n > limits.MAX_CROSSINGS:
        raise TooComplex(f"{what} crosses itself more than {limits.MAX_CROSSINGS:,} times "
                         "(not a room outline)")
    ring = Polygon(xy)
    return ring if ring.is_valid else as_area(shapely.make_valid(ring))


__all__ = ["TooComplex", "count_crossings", "repair", "vertices", "within_budget"]
