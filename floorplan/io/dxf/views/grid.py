"""The sheet parted into views: whatever is drawn, marked on a grid of cells, joined where
cells touch (:mod:`~floorplan.io.dxf.views.sheet` scores and chooses the views).

Clusters separated by at least :data:`VIEW_GAP` of empty space are views, numbered left to
right (by 10 m bands), then top to bottom. The grid is coarse (cells about half the gap
across, at most :data:`GRID_CELLS` a side), so a sheet of a million entities parts in a few
array operations.

>>> import numpy as np
>>> grid = Grid(np.array([[0.0, 0.0, 4.0, 3.0], [20.0, 0.0, 24.0, 3.0]]))
>>> grid.n, grid.at(np.array([[1.0, 1.0], [22.0, 2.0], [12.0, 1.0]])).tolist()
(2, [0, 1, -1])
"""

from __future__ import annotations

import numpy as np

#: views are separated by at least this much empty space (metres)
VIEW_GAP = 3.0
#: at most this many cells a side in the grid the views are found on
GRID_CELLS = 1500

class Grid:
    """The sheet marked on a grid of cells about half :data:`VIEW_GAP` across: the cells
    anything covers, joined into views where they touch."""

    _cuts: dict[int, tuple[int, np.ndarray]]  # view -> (axis, cuts): split()
    _first: np.ndarray  # view -> the number of its first piece

    def __init__(self, boxes: np.ndarray, gap: float = VIEW_GAP):
        ok = np.all(np.isfinite(boxes), axis=1)
        boxes = boxes[ok] if len(boxes) else boxes
        if not len(boxes):
            self.n = 0
            self._cuts, self._first = {}, np.zeros(0, dtype=int)
            return
        self.lo = np.array([boxes[:, 0].min(), boxes[:, 1].min()])
        hi = np.array([boxes[:, 2].max(), boxes[:, 3].max()])
        self.cell = max(gap / 2, float(max(hi - self.lo)) / GRID_CELLS)
        self.shape = (np.floor((hi - self.lo) / self.cell).astype(int) + 2).tolist()
        i0, i1 = self._cells(boxes[:, :2]), self._cells(boxes[:, 2:])
        # every box's cells marked at once: a difference array summed along both axes
        sx, sy = self.shape
        diff = np.zeros((sx + 1, sy + 1), dtype=np.int64)
        np.add.at(diff, (i0[:, 0], i0[:, 1]), 1)
        np.add.at(diff, (i1[:, 0] + 1, i0[:, 1]), -1)
        np.add.at(diff, (i0[:, 0], i1[:, 1] + 1), -1)
        np.add.at(diff, (i1[:, 0] + 1, i1[:, 1] + 1), 1)
        full = np.cumsum(np.cumsum(diff, axis=0), axis=1)[:sx, :sy] > 0
        cells = np.flatnonzero(full.ravel())
        ids = np.full(full.size, -1)
        ids[cells] = np.arange(len(cells))
        cx, cy = cells // sy, cells % sy
        ii, jj = [], []
        for dx, dy in ((1, 0), (0, 1), (1, 1), (1, -1)):  # neighbours, each pair once
            ox, oy = cx + dx, cy + dy
            inside = (ox < sx) & (oy >= 0) & (oy < sy)
            other = np.full(len(cells), -1)
            other[inside] = ids[ox[inside] * sy + oy[inside]]
            hit = other >= 0
            ii.append(np.flatnonzero(hit))
            jj.append(other[hit])
        label = components(len(cells), np.concatenate(ii), np.concatenate(jj))
        uniq, inv = np.unique(label, return_inverse=True)
        # number the views left to right (by 10 m bands), then top to bottom
        x = self.lo[0] + cx * self.cell
        y = self.lo[1] + (cy + 1) * self.cell
        left = np.full(len(uniq), np.inf)
        top = np.full(len(uniq), -np.inf)
        np.minimum.at(left, inv, x)
        np.maximum.at(top, inv, y)
        order = sorted(range(len(uniq)), key=lambda k: (round(float(left[k]) / 10), -float(top[k])))
        rank = np.empty(len(uniq), dtype=int)
        rank[order] = np.arange(len(uniq))
        self.view_of_cell = np.full(full.size, -1)
        self.view_of_cell[cells] = rank[inv]
        self.n = len(uniq)
        self._cuts = {}
        self._first = np.arange(self.n)

    def split(self, view: int, axis: int, cuts: list[float]) -> None:
        """Part view ``view`` (0-based) at the coordinates ``cuts`` (ascending) along
        ``axis`` (0: x, 1: y) into ``len(cuts) + 1`` views, numbered on from ``view`` in
        that order (the views after it move up). Exact at the cuts, not at the cells."""
        at = int(np.searchsorted(self._first, view, side="right")) - 1  # the view it was
        if self._first[at] != view or at in self._cuts:
            raise ValueError(f"view {view} is a piece of a view split already")
        self._cuts[at] = (axis, np.asarray(cuts, dtype=float))
        self._first[at + 1:] += len(cuts)
        self.n += len(cuts)

    def _cells(self, xy: np.ndarray) -> np.ndarray:
        k = np.floor((xy - self.lo) / self.cell).astype(int)
        return np.clip(k, 0, np.array(self.shape) - 1)

    def at(self, xy: np.ndarray) -> np.ndarray:
        """The view (0-based, numbered left to right) of each point ((n, 2)); -1 where
        nothing is drawn."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if self.n == 0 or not len(xy):
            return np.full(len(xy), -1)
        bad = ~np.all(np.isfinite(xy), axis=1)
        k = self._cells(np.where(bad[:, None], 0.0, xy) if bad.any() else xy)
        out = self.view_of_cell[k[:, 0] * self.shape[1] + k[:, 1]]
        if self._cuts:
            base = out
            out = np.where(base >= 0, self._first[np.maximum(base, 0)], -1)
            for v, (axis, cuts) in self._cuts.items():
                mine = base == v
                out[mine] += np.searchsorted(cuts, xy[mine, axis], side="right")
        out[bad] = -1
        return out


def boxes_of(stacked) -> np.ndarray:
    """The box (x0, y0, x1, y1) of every primitive and insert in ``stacked`` (a
    :class:`~floorplan.io.dxf.units.frame.Stack`, moved to local metres), found per owner with
    one reduction over the stacked points."""
    out = []
    for owners, big in stacked.groups.values():
        sizes = np.array([len(o.pts) for o in owners])
        keep = sizes > 0
        if not keep.any():
            continue
        starts = np.r_[0, np.cumsum(sizes)[:-1]][keep]
        x, y = big[:, 0], big[:, 1]
        out.append(np.column_stack([np.minimum.reduceat(x, starts), np.minimum.reduceat(y, starts),
                                    np.maximum.reduceat(x, starts), np.maximum.reduceat(y, starts)]))
    return np.vstack(out) if out else np.zeros((0, 4))


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Connected components of ``n`` nodes joined by the pairs ``(i, j)``: a label per node
    (the smallest node of its component). Hooks each pair to the smaller label, then
    shortcuts, until nothing changes."""
    label = np.arange(n)
    if not len(i):
        return label
    while True:
        low = np.minimum(label[i], label[j])
        hooked = label.copy()
        np.minimum.at(hooked, i, low)
        np.minimum.at(hooked, j, low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, label):
            return label
        label = hooked
