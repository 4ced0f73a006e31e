"""Labels that keep clear of one another and of the circles' outlines.

The frontend places each label where it belongs (a room's label at the middle of its
counted floor, a circle's inside the circle); on a crowded plan two can land on each
other, or across the line of a circle. Here the labels of one panel are taken in order
of importance (room labels, then what failing rules measured, then warnings and the
rest) and each is kept where it is if it is clear, else moved to the nearest clear spot
of a ring of candidates round it (inside its room, for a room's label), else left
where it overlaps least. Sizes are the printed ones (``k`` paper mm per metre), so what
is clear on paper is clear. Boxes are compared through a grid, circles analytically, so
a plan with thousands of rooms stays quick.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from shapely.geometry import Point, box

from floorplan.render.placing import text_bounds

Box = tuple[float, float, float, float]
#: candidate offsets, in label widths and heights, nearest first
_OFFSETS = [(0.0, 0.0)] + [
    (dx * r, dy * r) for r in (0.6, 1.1, 1.7, 2.4)
    for dx, dy in ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))]


def _priority(key: str) -> int:
    if key == "label":
        return 0
    if key.endswith(".fail"):
        return 1
    if key.endswith(".warn"):
        return 2
    return 3


class _Grid:
    """Placed boxes, bucketed by cell, for overlap queries."""

    def __init__(self, cell: float):
        self.cell = max(cell, 1e-6)
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, b: Box):
        c = self.cell
        for i in range(math.floor(b[0] / c), math.floor(b[2] / c) + 1):
            for j in range(math.floor(b[1] / c), math.floor(b[3] / c) + 1):
                yield i, j

    def add(self, b: Box) -> None:
        for key in self._keys(b):
            self.cells.setdefault(key, []).append(b)

    def overlap(self, b: Box) -> float:
        seen: set[int] = set()
        total = 0.0
        for key in self._keys(b):
            for o in self.cells.get(key, ()):
                if id(o) in seen:
                    continue
                seen.add(id(o))
                w = min(b[2], o[2]) - max(b[0], o[0])
                h = min(b[3], o[3]) - max(b[1], o[1])
                if w > 0 and h > 0:
                    total += w * h
        return total


def _crosses(b: Box, circles: Sequence[tuple[float, float, float]]) -> float:
    """How badly ``b`` crosses the outlines of ``circles`` ((x, y, r)): 0 when clear of
    every one (wholly inside or wholly outside it)."""
    bad = 0.0
    for cx, cy, r in circles:
        nx, ny = min(max(cx, b[0]), b[2]), min(max(cy, b[1]), b[3])
        if (nx - cx) ** 2 + (ny - cy) ** 2 >= r * r:
            continue  # outside the disc
        fx, fy = max(abs(b[0] - cx), abs(b[2] - cx)), max(abs(b[1] - cy), abs(b[3] - cy))
        if fx * fx + fy * fy <= r * r:
            continue  # inside it
        bad += (b[2] - b[0]) * (b[3] - b[1]) * 0.5
    return bad


def declutter(prims: list, k: float, size_of: Callable[[Any], float],
              rooms: dict[str, Any] | None = None) -> list:
    """``prims`` with their text primitives moved clear of each other and of circles.

    ``size_of(p)`` is a primitive's text size in points; ``rooms`` maps a room id to its
    polygon, inside which that room's label must stay. Other primitives are returned
    unchanged, in the same order.
    """
    rooms = rooms or {}
    circles = []
    for p in prims:
        if p.kind == "area" and p.key.startswith("circle."):
            x0, y0, x1, y1 = p.geometry.bounds
            circles.append(((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2))
    texts = [i for i, p in enumerate(prims) if p.kind == "text" and p.text]
    if len(texts) < 2 and not circles:
        return prims
    heights = [size_of(prims[i]) * 25.4 / 72 * 1.3 / k for i in texts]
    grid = _Grid(3 * (max(heights) if heights else 1.0))
    # circles only matter near labels: index them by the same grid cells
    near = _Grid(grid.cell)
    by_box: dict[int, tuple[float, float, float]] = {}
    for c in circles:
        b = (c[0] - c[2], c[1] - c[2], c[0] + c[2], c[1] + c[2])
        near.add(b)
        by_box[id(b)] = c

    def circles_near(b: Box):
        seen = {}
        for key in near._keys(b):
            for o in near.cells.get(key, ()):
                seen[id(o)] = by_box[id(o)]
        return list(seen.values())

    out = list(prims)
    for i in sorted(texts, key=lambda i: _priority(prims[i].key)):
        p = prims[i]
        size = size_of(p)
        x0, y0, x1, y1 = text_bounds(p.text, p.geometry, size, k, p.angle)
        w, h = x1 - x0, y1 - y0
        room = rooms.get(p.ref) if p.key == "label" else None
        best, best_cost = None, math.inf
        for dx, dy in _OFFSETS:
            b = (x0 + dx * w, y0 + dy * h, x1 + dx * w, y1 + dy * h)
            if room is not None and (dx or dy) and not room.contains(box(*b)):
                continue
            cost = grid.overlap(b) + _crosses(b, circles_near(b))
            if cost < best_cost:
                best, best_cost = (dx, dy, b), cost
            if cost == 0:
                break
        assert best is not None  # the first candidate is always tried
        dx, dy, b = best
        grid.add(b)
        if dx or dy:
            at = Point(p.geometry.x + dx * w, p.geometry.y + dy * h)
            out[i] = replace(p, geometry=at)
    return out
