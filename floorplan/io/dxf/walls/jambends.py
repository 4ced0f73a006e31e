"""What a jamb's ends meet: the wall faces it closes, and the curves that are no jambs.

:func:`~floorplan.io.dxf.walls.openings.jamb_openings` pairs short pieces of the wall
linework that face each other across a gap. Two kinds of piece face each other so without
being jambs: the opposite sides of a column or a box standing free (a square with its
corners cut, drawn as eight LINEs: each side meets only pieces that turn towards the other
side, :func:`turned_in`), and the opposite pieces of a curve drawn as short straight ones (a
round column, :func:`curve_pieces`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.jambpairs import CORNER_REACH

#: the shortest jamb (metres: the low end of :data:`~floorplan.io.dxf.walls.openings.JAMB_LENGTH`);
#: a face that turns into the opening further than half this is no rebate's step
SHORTEST_JAMB = 0.05

#: a piece of a polyline that turns less than this (degrees) from each piece beside it is part
#: of a curve drawn as short straight pieces (a round column, a bay): no jamb, which is
#: square to the wall faces it closes
CURVE_TURN = 30.0


def curve_pieces(lines: list[np.ndarray]) -> np.ndarray:
    """For each piece :func:`segments` gives of ``lines``, whether it is part of a curve: a
    polyline's piece that turns less than :data:`CURVE_TURN` from every piece beside it (a
    piece with none, a LINE, is no curve's). Two pieces of a circle drawn as a polyline face
    each other across its diameter as two jambs do across a doorway.

    >>> import numpy as np
    >>> ring = np.array([[np.cos(t), np.sin(t)] for t in np.linspace(0, 2 * np.pi, 37)])
    >>> bool(curve_pieces([ring]).all()), curve_pieces([np.array([[0, 0], [0, 1], [0.1, 1], [0.1, 0]])]).tolist()
    (True, [False, False, False])
    """
    out = []
    for p in lines:
        if len(p) < 2:
            continue
        d = np.diff(np.asarray(p, dtype=float)[:, :2], axis=0)
        ang = np.arctan2(d[:, 1], d[:, 0])
        if len(d) < 2:
            out.append(np.zeros(len(d), dtype=bool))
            continue
        turn = np.degrees(np.abs((np.diff(ang) + np.pi) % (2 * np.pi) - np.pi))
        closed = bool(np.allclose(p[0][:2], p[-1][:2]))
        before = np.concatenate([[turn[-1] if closed and len(p) > 3 else np.inf], turn])
        after = np.concatenate([turn, [turn[0] if closed and len(p) > 3 else np.inf]])
        has = np.isfinite(before) | np.isfinite(after)
        out.append(has & (np.where(np.isfinite(before), before, 0) < CURVE_TURN)
                   & (np.where(np.isfinite(after), after, 0) < CURVE_TURN))
    return np.concatenate(out) if out else np.zeros(0, dtype=bool)


def faces_met(seg: np.ndarray, jamb: np.ndarray) -> list[np.ndarray]:
    """For each jamb (``seg[jamb[k]]``), the far ends of the pieces of ``seg`` that meet
    one of its ends (within :data:`~floorplan.io.dxf.walls.jambpairs.CORNER_REACH`): the wall
    faces it closes, ``(m, 2)``. A piece that runs on through a jamb's end (a wall's face
    drawn a little past its jamb) gives both its ends."""
    pieces: Any = shapely.linestrings(seg)
    tree = STRtree(pieces)
    corners = seg[jamb].reshape(-1, 2)
    mine: Any = shapely.points(corners)
    qi, hit = tree.query(mine, predicate="dwithin", distance=CORNER_REACH)
    out: list[list] = [[] for _ in jamb]
    for q, h in zip(qi.tolist(), hit.tolist(), strict=True):
        k = q // 2
        if h == int(jamb[k]):
            continue
        for end in seg[h]:
            if np.hypot(*(end - corners[q])) > CORNER_REACH:
                out[k].append(end)
    return [np.asarray(f, dtype=float).reshape(-1, 2) for f in out]


def turned_in(far: np.ndarray, mid: np.ndarray, toward: np.ndarray) -> bool:
    """A jamb whose every face (``far``: the far ends of the pieces meeting its ends) turns
    towards the other jamb (``toward``, a unit vector from this jamb's middle ``mid``): the
    side of a column or a box standing free, whose other sides run across the "opening",
    not the end of a wall, whose faces run away from the opening (a rebate's step into it
    is one piece among them: some face still runs away)."""
    if not len(far):
        return False
    return bool(((far - mid) @ toward > SHORTEST_JAMB / 2).all())
