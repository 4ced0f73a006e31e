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
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import shapely
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


def _crossings(boxes: np.ndarray, circles: np.ndarray) -> np.ndarray:
    """How many of ``circles`` (rows x, y, r) cross each of ``boxes`` (rows x0, y0, x1,
    y1): a circle whose outline runs through the box, neither wholly inside nor wholly
    outside it."""
    if not len(circles):
        return np.zeros(len(boxes), dtype=int)
    cx, cy, r = (circles[:, i][None, :] for i in range(3))
    x0, y0, x1, y1 = (boxes[:, i][:, None] for i in range(4))
    nx, ny = np.clip(cx, x0, x1), np.clip(cy, y0, y1)
    touches = (nx - cx) ** 2 + (ny - cy) ** 2 < r * r  # not outside the disc
    fx = np.maximum(np.abs(x0 - cx), np.abs(x1 - cx))
    fy = np.maximum(np.abs(y0 - cy), np.abs(y1 - cy))
    inside = fx * fx + fy * fy <= r * r
    return (touches & ~inside).sum(axis=1)


_NONE = np.zeros((0, 3))


#: labels whose circles are looked up together
NEAR_CHUNK = 256


def _tree(circles: np.ndarray):
    """An STRtree of the circles' (rows x, y, r) bounds, or None for none."""
    if not len(circles):
        return None
    x, y, r = circles.T
    return shapely.STRtree(shapely.box(x - r, y - r, x + r, y + r))


def _circles_near(spots: dict[int, np.ndarray], circles: np.ndarray, tree=None) -> dict[int, np.ndarray]:
    """For each label (its candidate boxes), the circles (rows x, y, r) whose bounds meet
    the bounds of all its boxes: one STRtree query for all those labels."""
    if not len(circles) or not spots:
        return {}
    ids = list(spots)
    reach = np.array([(b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
                      for b in (spots[i] for i in ids)])
    tree = tree if tree is not None else _tree(circles)
    which, hit = tree.query(shapely.box(*reach.T))
    out: dict[int, np.ndarray] = {}
    if not len(which):
        return out
    order = np.lexsort((hit, which))  # each label's circles in the order they were listed
    which, hit = which[order], hit[order]
    cuts = np.flatnonzero(np.diff(which)) + 1
    for n, group in zip(which[np.r_[0, cuts]].tolist(), np.split(hit, cuts), strict=True):
        out[ids[n]] = circles[group]
    return out


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
        if p.kind == "circle":
            circles.append((p.geometry.x, p.geometry.y, p.radius))
        elif p.kind == "area" and p.key.startswith("circle."):
            x0, y0, x1, y1 = p.geometry.bounds
            circles.append(((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2))
    texts = [i for i, p in enumerate(prims) if p.kind == "text" and p.text]
    if len(texts) < 2 and not circles:
        return prims
    heights = [size_of(prims[i]) * 25.4 / 72 * 1.3 / k for i in texts]
    grid = _Grid(3 * (max(heights) if heights else 1.0))
    offsets = np.array(_OFFSETS)
    order = sorted(texts, key=lambda i: _priority(prims[i].key))
    # each label's spots and, for all labels at once, the circles whose bounds meet the
    # reach of its spots (one bulk query: the others cannot cross a spot)
    spots: dict[int, tuple] = {}
    for i in order:
        p = prims[i]
        x0, y0, x1, y1 = text_bounds(p.text, p.geometry, size_of(p), k, p.angle)
        w, h = x1 - x0, y1 - y0
        shift = offsets * (w, h)
        boxes = np.column_stack([x0 + shift[:, 0], y0 + shift[:, 1], x1 + shift[:, 0], y1 + shift[:, 1]])
        spots[i] = (w, h, boxes)
    every = np.array(circles, dtype=float).reshape(-1, 3)
    tree = _tree(every)
    near: dict[int, np.ndarray] = {}
    out = list(prims)
    for n, i in enumerate(order):
        if n % NEAR_CHUNK == 0:  # the next labels' circles (a chunk at a time: on a small
            # scale a label's spots reach hundreds of circles, too many for all at once)
            near = _circles_near({j: spots[j][2] for j in order[n:n + NEAR_CHUNK]}, every, tree)
        p = prims[i]
        w, h, boxes = spots[i]
        room = rooms.get(p.ref) if p.key == "label" else None
        # every candidate's circle crossings at once, against the circles near any of them
        crossed = _crossings(boxes, near.get(i, _NONE)).tolist()
        best, best_cost = None, math.inf
        for j, (dx, dy) in enumerate(_OFFSETS):
            b = tuple(boxes[j].tolist())
            if room is not None and (dx or dy) and not room.contains(box(*b)):
                continue
            half = (b[2] - b[0]) * (b[3] - b[1]) * 0.5
            cost = grid.overlap(b) + (sum([half] * crossed[j]) if crossed[j] else 0.0)
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
