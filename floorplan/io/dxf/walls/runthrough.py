"""A short line on a wall's face that runs on through it: a piece of the face, no jamb.

A jamb closes a wall's band at an opening: the wall's two faces end at its two ends and
nothing runs on along it. Some drawings draw a wall's face piece by piece between the
columns set in it (JW-CAD's plans: the face stops at each 100 mm column square and goes on
past it), so the column's side lying on the face is a short line, a wall's thickness long,
whose two ends each meet a piece of the face running on in line with it, away from it.
Taken for a jamb, it pairs with a column on the far side of a hall (the same square, set in
the wall across) as the two ends of a wall with a doorway between them, and the hall is
sealed across at every pair of columns. A careful reader sees the face run on: a short
line with the face going on in line from both its ends is part of that face.

>>> import numpy as np
>>> face = np.array([[[0.0, 0.0], [3.8, 0.0]], [[3.8, 0.0], [3.9, 0.0]], [[3.9, 0.0], [6.0, 0.0]],
...                  [[3.8, 0.0], [3.8, -0.1]], [[9.0, 0.0], [9.1, 0.0]]])
>>> runs_through(face, np.array([1, 3, 4])).tolist()
[True, False, False]
"""

from __future__ import annotations

import numpy as np
import shapely

#: a piece of the face meets the short line's end within this (metres)
MEET = 0.002
#: ... and lies in line with it: its direction within this (the sine of the angle)
IN_LINE = 0.02


def runs_through(seg: np.ndarray, which: np.ndarray) -> np.ndarray:
    """For each of the segments ``seg[which]`` (``seg``: (n, 2, 2), metres), whether at both
    its ends another segment of ``seg`` starts in line with it and runs on away from it
    (see the module)."""
    which = np.asarray(which, dtype=int)
    out = np.zeros(len(which), dtype=bool)
    if len(which) == 0 or len(seg) < 3:
        return out
    vec = seg[:, 1] - seg[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    unit = vec / np.maximum(length, 1e-12)[:, None]
    pts = np.vstack([seg[:, 0], seg[:, 1]])
    tree = shapely.STRtree(np.asarray(shapely.points(pts), dtype=object))
    n = len(seg)
    met = np.zeros((len(which), 2), dtype=bool)
    for e in (0, 1):
        end = seg[which, e]
        qi, pi = tree.query(shapely.points(end), predicate="dwithin", distance=MEET)
        other = pi % n
        mine = which[qi]
        ok = other != mine
        qi, other, mine = qi[ok], other[ok], mine[ok]
        u = unit[mine]
        parallel = np.abs(u[:, 0] * unit[other, 1] - u[:, 1] * unit[other, 0]) <= IN_LINE
        # the other segment's far end lies beyond this end, away from the segment
        far = np.where((pi[ok] < n)[:, None], seg[other, 1], seg[other, 0])
        outward = u if e == 1 else -u
        beyond = np.einsum("ij,ij->i", far - end[qi], outward) > MEET
        met[qi[parallel & beyond], e] = True
    out[:] = met.all(axis=1)
    return out
