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


class _Placed:
    """The boxes placed so far, in one array, bucketed by cells about as big as a label's
    reach (all its candidate spots), so that the boxes near a label are those of the few
    cells its reach meets: one look-up a cell, then numpy."""

    def __init__(self, n: int, cell_w: float, cell_h: float):
        self.boxes = np.empty((max(n, 1), 4))
        self.n = 0
        self.cw, self.ch = max(cell_w, 1e-6), max(cell_h, 1e-6)
        self.cells: dict[tuple[int, int], list[int]] = {}

    def _keys(self, b) -> list[tuple[int, int]]:
        i0, i1 = math.floor(b[0] / self.cw), math.floor(b[2] / self.cw)
        j0, j1 = math.floor(b[1] / self.ch), math.floor(b[3] / self.ch)
        return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]

    def add(self, b: Box) -> None:
        self.boxes[self.n] = b
        for key in self._keys(b):
            self.cells.setdefault(key, []).append(self.n)
        self.n += 1

    def near(self, reach: Box) -> np.ndarray:
        """The placed boxes (rows x0, y0, x1, y1) that overlap ``reach``."""
        found = [got for key in self._keys(reach) if (got := self.cells.get(key))]
        if not found:
            return _NO_BOXES
        idx = np.array(found[0]) if len(found) == 1 else np.unique(np.concatenate(found))
        o = self.boxes[idx]
        return o[(o[:, 0] < reach[2]) & (o[:, 2] > reach[0]) & (o[:, 1] < reach[3]) & (o[:, 3] > reach[1])]


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The area each of ``boxes`` shares with ``others`` (rows x0, y0, x1, y1), summed."""
    if not len(others):
        return np.zeros(len(boxes))
    w = np.minimum(boxes[:, None, 2], others[None, :, 2]) - np.maximum(boxes[:, None, 0], others[None, :, 0])
    h = np.minimum(boxes[:, None, 3], others[None, :, 3]) - np.maximum(boxes[:, None, 1], others[None, :, 1])
    return np.where((w > 0) & (h > 0), w * h, 0.0).sum(axis=1)


def _crossings(boxes: np.ndarray, circles: np.ndarray) -> np.ndarray:
    """How many of ``circles`` (rows x, y, r) cross each of ``boxes`` (rows x0, y0, x1,
    y1): a circle whose outline runs through the box, neither wholly inside nor wholly
    outside it. Every box against every circle; :func:`_crossed` is the quick way."""
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


_NO_BOXES = np.zeros((0, 4))


#: labels whose spots' circles are looked up together
NEAR_CHUNK = 256


def _tree(circles: np.ndarray):
    """An STRtree of the circles' (rows x, y, r) bounds, or None for none."""
    if not len(circles):
        return None
    x, y, r = circles.T
    return shapely.STRtree(shapely.box(x - r, y - r, x + r, y + r))


def _crossed(boxes: np.ndarray, circles: np.ndarray, tree) -> np.ndarray:
    """:func:`_crossings` of every box (rows x0, y0, x1, y1) at once, each box tested
    only against the circles whose bounds meet it (pairs from one STRtree query): on a
    small scale a label's spots reach thousands of circles, and each spot a few."""
    if tree is None or not len(boxes):
        return np.zeros(len(boxes), dtype=int)
    which, hit = tree.query(shapely.box(*boxes.T))
    if not len(which):
        return np.zeros(len(boxes), dtype=int)
    cx, cy, r = circles[hit].T
    x0, y0, x1, y1 = boxes[which].T
    nx, ny = np.clip(cx, x0, x1), np.clip(cy, y0, y1)
    touches = (nx - cx) ** 2 + (ny - cy) ** 2 < r * r
    fx = np.maximum(np.abs(x0 - cx), np.abs(x1 - cx))
    fy = np.maximum(np.abs(y0 - cy), np.abs(y1 - cy))
    inside = fx * fx + fy * fy <= r * r
    return np.bincount(which[touches & ~inside], minlength=len(boxes))


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
    offsets = np.array(_OFFSETS)
    order = sorted(texts, key=lambda i: _priority(prims[i].key))
    # each label's spots and, for all labels at once, the circles whose bounds meet the
    # reach of its spots (one bulk query: the others cannot cross a spot)
    spots: dict[int, tuple] = {}
    reach_w = reach_h = 0.0
    for i in order:
        p = prims[i]
        x0, y0, x1, y1 = text_bounds(p.text, p.geometry, size_of(p), k, p.angle)
        w, h = x1 - x0, y1 - y0
        shift = offsets * (w, h)
        boxes = np.column_stack([x0 + shift[:, 0], y0 + shift[:, 1], x1 + shift[:, 0], y1 + shift[:, 1]])
        spots[i] = (w, h, boxes)
        reach_w, reach_h = max(reach_w, w), max(reach_h, h)
    span = 1 + 2 * float(np.abs(offsets).max())  # a reach is this many labels across
    placed = _Placed(len(order), span * reach_w, span * reach_h)
    every = np.array(circles, dtype=float).reshape(-1, 3)
    tree = _tree(every)
    crossings: np.ndarray = np.zeros((0, len(offsets)), dtype=int)
    out = list(prims)
    for n, i in enumerate(order):
        if n % NEAR_CHUNK == 0:  # the circles crossing the next labels' spots, a chunk
            # of labels at a time (their pairs of spot and circle are held at once)
            chunk = np.vstack([spots[j][2] for j in order[n:n + NEAR_CHUNK]])
            crossings = _crossed(chunk, every, tree).reshape(-1, len(offsets))
        p = prims[i]
        w, h, boxes = spots[i]
        room = rooms.get(p.ref) if p.key == "label" else None
        # every candidate's cost at once: the area it shares with the labels placed near
        # it, and half its own area for each circle whose line runs through it
        reach = (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())
        cost = _overlaps(boxes, placed.near(reach))
        crossed = crossings[n % NEAR_CHUNK]
        if crossed.any():
            cost = cost + (w * h * 0.5) * crossed
        # the first candidate of least cost that keeps a room's label in its room (the
        # first, where the label belongs, always does)
        for j in np.lexsort((np.arange(len(cost)), cost)).tolist():
            if room is None or j == 0 or room.contains(box(*boxes[j].tolist())):
                break
        dx, dy = _OFFSETS[j]
        placed.add(tuple(boxes[j].tolist()))
        if dx or dy:
            at = Point(p.geometry.x + dx * w, p.geometry.y + dy * h)
            out[i] = replace(p, geometry=at)
    return out
