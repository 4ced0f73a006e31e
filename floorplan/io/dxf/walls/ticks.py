"""Ticks across a wall: short marks drawn through its band, no walls.

Some drawings mark a grid axis, a joint in a wall's lining or a setting-out point with a
short line straight across the wall, sticking out a little past both its faces (JW-CAD's
plans: a 200 mm line across a 100 mm wall at each axis). Read as walls, its ends are free
wall ends standing in the rooms, each looking straight ahead for linework to be bridged to
(:mod:`~floorplan.io.dxf.walls.closing`): a hall 0.8 m wide is closed across at every tick,
a room cut where a tick faces a joint. A careful reader sees a mark by its shape:

- a straight line at most :data:`TICK_LENGTH` long, both its ends free (no other line
  within :data:`FREE` of them);
- crossing at least two other lines (a wall's two faces) through their middles (not at
  their ends: a jamb drawn a little long ends the faces it crosses), each at more than
  :data:`ACROSS` (radians) to it;
- sticking out at most :data:`STICK_OUT` beyond the outermost line it crosses at each end.

>>> import numpy as np
>>> wall = [np.array([[0.0, 0.0], [6.0, 0.0]]), np.array([[0.0, 0.1], [6.0, 0.1]])]
>>> tick = [np.array([[3.0, -0.05], [3.0, 0.15]])]
>>> jamb = [np.array([[6.0, -0.02], [6.0, 0.12]])]  # the faces end on it: a jamb
>>> ticks(wall + tick + jamb)
[2]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

#: a tick is at most this long (metres: across a thick wall and a little past it)
TICK_LENGTH = 0.5
#: ... sticks out at most this far (metres) past the outermost line it crosses
STICK_OUT = 0.15
#: its ends are free: no other line within this (metres)
FREE = 0.002
#: it crosses the lines at more than this angle (radians, 45°)
ACROSS = np.pi / 4


def ticks(lines: Sequence[np.ndarray]) -> list[int]:
    """The indices of ``lines`` ((n, 2+) arrays, metres) that are ticks across a wall (see
    the module)."""
    cands = [k for k, ln in enumerate(lines) if len(ln) == 2
             and 0 < float(np.hypot(*(np.asarray(ln)[1, :2] - np.asarray(ln)[0, :2]))) <= TICK_LENGTH]
    if not cands:
        return []
    drawn = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    geoms = np.asarray(shapely.linestrings(
        np.vstack([np.asarray(lines[k])[:, :2] for k in drawn]),
        indices=np.repeat(np.arange(len(drawn)), [len(lines[k]) for k in drawn])), dtype=object)
    at = {k: g for g, k in enumerate(drawn)}
    tree = shapely.STRtree(geoms)
    out = []
    for k in cands:
        if _tick(at[k], np.asarray(lines[k], dtype=float)[:, :2], geoms, tree):
            out.append(k)
    return out


def _tick(g: int, seg: np.ndarray, geoms: np.ndarray, tree) -> bool:
    """Whether the line ``geoms[g]`` (its ends ``seg``) is a tick (see the module)."""
    for end in seg:
        near = tree.query(shapely.Point(end), predicate="dwithin", distance=FREE)
        if any(int(i) != g for i in near):
            return False
    u = (seg[1] - seg[0]) / float(np.hypot(*(seg[1] - seg[0])))
    length = float(np.hypot(*(seg[1] - seg[0])))
    me = geoms[g]
    where = []
    for i in tree.query(me, predicate="intersects").tolist():
        if i == g:
            continue
        hit = me.intersection(geoms[i])
        if hit.geom_type != "Point":
            return False  # along it, or crossing it twice: no straight tick through a wall
        p = np.array([hit.x, hit.y])
        other = np.asarray(shapely.get_coordinates(geoms[i]))
        if np.hypot(*(other[[0, -1]] - p).T).min() <= FREE:
            return False  # a line ending on it: it closes something (a jamb)
        k = int(np.argmin(np.hypot(*(other[:-1] - p).T) + np.hypot(*(other[1:] - p).T)))
        v = other[k + 1] - other[k]
        sin = abs(u[0] * v[1] - u[1] * v[0]) / max(float(np.hypot(*v)), 1e-12)
        if sin < np.sin(ACROSS):
            return False
        where.append(float((p - seg[0]) @ u))
    if len(where) < 2:
        return False
    return min(where) <= STICK_OUT and length - max(where) <= STICK_OUT


def leave_ticks(rd, lines: list) -> list:
    """``lines`` (prims) less the ticks drawn across the walls (:func:`ticks`), said in a
    note."""
    gone = set(ticks([p.pts for p in lines]))
    if not gone:
        return lines
    rd.used.update(lines[k].uid for k in gone)
    layers = sorted({lines[k].layer for k in gone})
    rd.notes.append(f"{len(gone)} tick(s) on {', '.join(layers)} drawn across the walls (lines "
                    f"of at most {TICK_LENGTH:g} m through a wall's faces, their ends free just "
                    "past them: axis or joint marks) not read as walls")
    return [p for k, p in enumerate(lines) if k not in gone]
