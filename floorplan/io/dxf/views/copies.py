"""Copies: two views of a sheet that draw the same floor (see :mod:`~floorplan.io.dxf.views.sheet`).

A sheet often draws one floor more than once: the plan, then the same walls again with the
switches, sockets and lights (an electrical plan), the furniture, the finishes or the
dimensions. Such a copy is no second floor, however alike the footprints: a second floor
has its own inner walls, its stair turned the other way, its own windows and doors.

The mechanism: the shift that lays one view's linework on the other's is the one the most
of their long lines agree on (a line of one and a line of the other of the same length and
direction vote for the difference of their ends, :func:`shift_between`); once shifted, a
copy's linework lies on the other's (:func:`share_on`: the share of its length within
:data:`SAME_LINE` of a line of the other). The view with less drawn in it lies on the other
almost whole (the electrical plan adds its symbols to the walls; the plan adds its names
and leaders), so the larger of the two shares decides (:func:`copy_of`).

>>> import numpy as np
>>> room = [np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 3.0], [0.0, 0.0]]),
...         np.array([[2.5, 0.0], [2.5, 3.0]])]
>>> sockets = [np.array([[0.3, 0.3], [0.5, 0.5]]), np.array([[3.5, 2.5], [3.7, 2.7]])]
>>> below = [ln + (10.0, -20.0) for ln in room + sockets]
>>> shift, share = copy_of(room, below)
>>> shift.round(6).tolist(), share
([10.0, -20.0], 1.0)
>>> upper = [room[0], np.array([[1.5, 0.0], [1.5, 3.0]])]  # its partition elsewhere
>>> round(copy_of(room, upper)[1], 3)  # the shell, 14 of 17 m: alike walls, and no more
0.824

Alike walls are not enough: a stacked floor of offices has its walls on the floor below's
to 80-97 %, so a copy must also repeat the other's room labels where it has any
(:func:`labels_repeat`): a floor above names its own rooms.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

#: two lines coincide when they lie within this of each other (metres): a drawing's own
#: precision (a copy is the same entities moved, so they agree to a millimetre; 20 mm
#: allows for a copy redrawn by hand to the inch)
SAME_LINE = 0.02
#: a view is a copy of another when this share of its linework's length, or more, lies on
#: the other's once shifted (a second floor over the first shares its outer walls, some
#: 30-60 % of what is drawn; a copy differs only in what was added to it: leaders, notes)
COPY_SHARE = 0.75
#: a copy's label stands where the other's does, to about a text's height (metres)
SAME_PLACE = 0.5
#: the longest lines of each view vote for the shift (a wall's face is among them)
VOTERS = 200
#: lines shorter than this do not vote (ticks, hatch and symbols are short and many)
VOTE_MIN = 0.3


def segments(lines: Sequence[np.ndarray]) -> np.ndarray:
    """The straight pieces of ``lines`` ((n, 2) arrays), as rows (x0, y0, x1, y1)."""
    parts = [np.hstack([ln[:-1, :2], ln[1:, :2]]) for ln in lines if len(ln) >= 2]
    return np.vstack(parts) if parts else np.zeros((0, 4))


def _lengths(s: np.ndarray) -> np.ndarray:
    return np.hypot(s[:, 2] - s[:, 0], s[:, 3] - s[:, 1])


def _canonical(s: np.ndarray) -> np.ndarray:
    """Each piece drawn from its lower-left end (by x, then y), so that a line and its copy
    drawn the other way round compare end to end."""
    s = s.copy()
    swap = (s[:, 0] > s[:, 2]) | ((s[:, 0] == s[:, 2]) & (s[:, 1] > s[:, 3]))
    s[swap] = s[swap][:, [2, 3, 0, 1]]
    return s


def shift_between(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, int] | None:
    """The shift (dx, dy) that lays the pieces ``a`` on ``b`` (rows of :func:`segments`) and
    how many pairs of the :data:`VOTERS` longest pieces of each agree on it; ``None`` when
    no two agree in length and direction."""
    if not len(a) or not len(b):
        return None
    a, b = _canonical(a), _canonical(b)
    la, lb = _lengths(a), _lengths(b)
    ia = np.argsort(-la, kind="stable")[:VOTERS]
    ib = np.argsort(-lb, kind="stable")[:VOTERS]
    ia, ib = ia[la[ia] >= VOTE_MIN], ib[lb[ib] >= VOTE_MIN]
    if not len(ia) or not len(ib):
        return None
    d0 = b[None, ib, :2] - a[ia, None, :2]  # start onto start
    d1 = b[None, ib, 2:] - a[ia, None, 2:]  # end onto end: the same shift for a copy
    same = np.all(np.abs(d0 - d1) <= SAME_LINE, axis=2)
    cand = d0[same]
    if not len(cand):
        return None
    key = np.round(cand / SAME_LINE).astype(np.int64)
    _, inv, count = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    best = int(np.argmax(count))
    return cand[inv.ravel() == best].mean(axis=0), int(count[best])


def share_on(a: np.ndarray, b: np.ndarray, shift: np.ndarray) -> float:
    """The share of the length of pieces ``a``, moved by ``shift``, that lies on pieces
    ``b``: a piece lies on them when its ends and its middle are within :data:`SAME_LINE`
    of one of them."""
    la = _lengths(a)
    if not len(a) or not len(b) or la.sum() <= 0:
        return 0.0
    moved = a + np.tile(shift, 2)
    tree = shapely.STRtree(np.asarray(shapely.linestrings(b.reshape(-1, 2, 2)), dtype=object))
    hit = np.ones(len(a), dtype=bool)
    for t in (0.0, 0.5, 1.0):
        pts = shapely.points(moved[:, :2] * (1 - t) + moved[:, 2:] * t)
        i, _ = tree.query(pts, predicate="dwithin", distance=SAME_LINE)
        near = np.zeros(len(a), dtype=bool)
        near[i] = True
        hit &= near
    return float(la[hit].sum() / la.sum())


def labels_repeat(named: Sequence[tuple[float, float, str]],
                  other: Sequence[tuple[float, float, str]], shift: np.ndarray) -> bool:
    """Whether every room label ``named`` ((x, y, name)) of a view, moved back by ``shift``,
    repeats one of ``other``'s: the same name (case and spacing aside) within
    :data:`SAME_PLACE`. A copy's labels are the other's, moved (or none: an electrical
    plan names no rooms); a floor above names its own rooms, a bedroom where the kitchen
    was, and a stacked floor of offices numbers its rooms anew."""
    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    where: dict[str, list[tuple[float, float]]] = {}
    for x, y, name in other:
        where.setdefault(key(name), []).append((x, y))
    for x, y, name in named:
        px, py = x - float(shift[0]), y - float(shift[1])
        if not any(abs(px - a) <= SAME_PLACE and abs(py - b) <= SAME_PLACE
                   for a, b in where.get(key(name), ())):
            return False
    return True


def copy_of(a_lines: Sequence[np.ndarray], b_lines: Sequence[np.ndarray]) -> tuple[np.ndarray, float]:
    """The shift from view ``a`` to view ``b`` (their linework) and the larger share of
    either's linework that lies on the other's once shifted (0 when nothing agrees)."""
    a, b = segments(a_lines), segments(b_lines)
    found = shift_between(a, b)
    if found is None:
        return np.zeros(2), 0.0
    shift, _ = found
    return shift, max(share_on(a, b, shift), share_on(b, a, -shift))
