"""Marks drawn as a small cross: an exhaust or supply point, a light, a fixture's centre.

Services drawings mark a point in a room with two short lines crossing at their middles:
an extract duct's grille on the ventilation layer, a ceiling light, a drain. Such a mark
is no wall, yet where no layer is named as a wall layer every line on a layer that says
nothing is read as wall, and the cross, drawn a few centimetres from a wall, is joined to
it and closed across the room from its free ends (holdout6's floorplan.dxf: an exhaust
cross on layer ``Luft`` 4 cm from the chemistry lab's wall cut 0.25 m² off the room with a
0.72 m line).

So two straight lines on a layer that does not say wall, each at most :data:`SPAN` long,
crossing each other between :data:`MIDDLE` and ``1 - MIDDLE`` of the length of each at
:data:`ANGLE` degrees or more, with no other line of the linework touching either, are a
mark: left out of the walls. (A void's X runs corner to corner of a space and its lines
end on the walls: :mod:`~floorplan.io.dxf.rooms.voids`; a tick crosses a wall line:
:mod:`~floorplan.io.dxf.walls.ticks`.)

>>> import numpy as np
>>> wall = np.array([[0.0, 0.0], [0.0, 3.0]])
>>> a, b = np.array([[0.04, 1.0], [0.14, 1.1]]), np.array([[0.04, 1.1], [0.14, 1.0]])
>>> sorted(cross_marks([wall, a, b], [False, False, False]))
[1, 2]
>>> cross_marks([wall, a, b], [False, True, True])      # on a layer that says wall
[]
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point

#: each line of a mark is at most this long (metres): a grille's or a light's symbol
SPAN = 0.6
#: the lines cross between this share of each one's length and 1 minus it (at the middles)
MIDDLE = 0.3
#: ... at this angle (degrees) or more
ANGLE = 30.0
#: another line this close (metres) to a line of the cross touches it
TOUCH = 1e-3


def cross_marks(lines: list[np.ndarray], on_wall_layer: list[bool]) -> list[int]:
    """The indices of ``lines`` ((n, 2) arrays, metres) that are the lines of small
    crosses (see the module); ``on_wall_layer`` says for each whether its layer says
    wall (those are never marks)."""
    short = [k for k, p in enumerate(lines) if len(p) == 2 and not on_wall_layer[k]
             and 0 < math.dist(p[0], p[1]) <= SPAN]
    if len(short) < 2:
        return []
    geoms = [LineString(lines[k]) for k in short]
    tree = shapely.STRtree(geoms)
    ai, bi = tree.query(geoms, predicate="crosses")
    pairs = [(int(a), int(b)) for a, b in zip(ai, bi, strict=True) if a < b]
    if not pairs:
        return []
    every = [LineString(p) for p in lines if len(p) >= 2]
    all_tree = shapely.STRtree(every)
    out: set[int] = set()
    for a, b in pairs:
        ga, gb = geoms[a], geoms[b]
        if not _at_middles(ga, gb):
            continue
        touching = set(all_tree.query(ga, predicate="dwithin", distance=TOUCH).tolist()) | set(
            all_tree.query(gb, predicate="dwithin", distance=TOUCH).tolist())
        if len(touching) > 2:
            continue  # another line meets it: drawn with something, not a mark alone
        out |= {short[a], short[b]}
    return sorted(out)


def crossing(a: LineString, b: LineString, inside: float) -> Point | None:
    """Where ``a`` and ``b`` cross, between ``inside`` and ``1 - inside`` of the length
    of each, or None (a mark's two strokes at their middles; a void's X inside a space)."""
    p = a.intersection(b)
    if not isinstance(p, Point):
        return None
    for g in (a, b):
        t = g.project(p) / g.length
        if not inside <= t <= 1 - inside:
            return None
    return p


def _at_middles(a: LineString, b: LineString) -> bool:
    if crossing(a, b, MIDDLE) is None:
        return False
    (ax0, ay0), (ax1, ay1) = a.coords
    (bx0, by0), (bx1, by1) = b.coords
    cos = abs((ax1 - ax0) * (bx1 - bx0) + (ay1 - ay0) * (by1 - by0)) / (a.length * b.length)
    return math.degrees(math.acos(min(1.0, cos))) >= ANGLE


def leave_crosses(rd, lines: list) -> list:
    """``lines`` (the wall linework's primitives) less the small crosses among them, on
    layers that do not say wall, said in a note."""
    drop = set(cross_marks([p.pts[:, :2] for p in lines],
                           [rd.layer_kind(p.layer) == "wall" for p in lines]))
    if not drop:
        return lines
    layers = sorted({lines[k].layer for k in drop})
    rd.notes.append(f"{len(drop) // 2} small cross(es) of two lines of at most {SPAN:g} m "
                    f"(marks: a duct's grille, a light) on {', '.join(layers)} not read as walls")
    return [p for k, p in enumerate(lines) if k not in drop]
