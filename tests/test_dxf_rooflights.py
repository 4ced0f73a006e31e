"""Rooflights (issue 10): a closed square with both diagonals standing free inside a room
on a window or glazing layer is glazing above, not a wall: the floor runs under it. Drawn
on a column layer, or touching a wall, the same square is linework of the walls.

Every drawing is in metres; the room is 6 x 4 m between wall faces, 24 m².
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from floorplan.io.dxf.collect.prims import Prim
from floorplan.io.dxf.features.rooflights import rooflights
from tests.dxf_patterns import Sheet, read, rooms_of


def room(s: Sheet) -> None:
    """One room, x in [0.1, 6.1], y in [0.1, 4.1], walls 0.1 m thick, labelled OFFICE."""
    s.mass(box(0, 0, 6.2, 4.2).difference(box(0.1, 0.1, 6.1, 4.1)))
    s.text("OFFICE", (1.0, 1.0))


def crossed(s: Sheet, x: float, y: float, side: float, layer: str, outline: bool = False) -> None:
    """A square of ``side`` from (x, y) with both diagonals: six LINEs, or a closed
    polyline and two LINEs (``outline``)."""
    c = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    if outline:
        s.poly(c, layer, closed=True)
    else:
        s.lines(c + c[:1], layer)
    s.line(c[0], c[2], layer)
    s.line(c[1], c[3], layer)


@pytest.mark.parametrize("outline", [False, True])
def test_a_crossed_square_on_a_window_layer_is_a_rooflight(tmp_path, outline):
    s = Sheet()
    room(s)
    crossed(s, 2.7, 1.7, 0.8, "WINDOWS", outline)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("OFFICE", "walls", 24.0)]
    assert not list(plan.rooms[0].polygon.interiors)
    assert any("1 rooflight" in n for n in plan.notes)


def test_a_crossed_square_on_a_column_layer_stays_a_column(tmp_path):
    s = Sheet()
    room(s)
    crossed(s, 2.7, 1.7, 0.8, "A-COLS")
    plan = read(s, tmp_path)
    [(name, _how, area)] = rooms_of(plan)
    assert (name, area) == ("OFFICE", pytest.approx(24.0 - 0.64))
    assert not any("rooflight" in n for n in plan.notes)


def test_a_crossed_square_touching_a_wall_is_no_rooflight(tmp_path):
    # a glazed bay set into the wall: its square stands on the wall face at x = 0.1
    s = Sheet()
    room(s)
    crossed(s, 0.1, 1.7, 0.8, "WINDOWS")
    plan = read(s, tmp_path)
    assert not any("rooflight" in n for n in plan.notes)


def P(uid, *pts, layer="GLAZING"):
    import numpy as np
    return Prim(uid, "LINE", layer, "", np.array(pts, dtype=float))


def square(x, y, w, h, start=0):
    c = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    out = [P(start + k, c[k], c[(k + 1) % 4]) for k in range(4)]
    return out + [P(start + 4, c[0], c[2]), P(start + 5, c[1], c[3])]


def test_what_makes_a_rooflight():
    yes = lambda layer: True  # noqa: E731
    assert rooflights(square(0, 0, 0.8, 0.8), yes) == ({0, 1, 2, 3, 4, 5}, 1)
    assert rooflights(square(0, 0, 0.8, 1.0), yes)[1] == 1        # a 0.8 x 1.0 m rooflight
    assert rooflights(square(0, 0, 0.8, 2.4), yes)[1] == 0        # a long strip: no square
    assert rooflights(square(0, 0, 0.1, 0.1), yes)[1] == 0        # a symbol, not a rooflight
    assert rooflights(square(0, 0, 4.0, 4.0), yes)[1] == 0        # a room crossed out
    assert rooflights(square(0, 0, 0.8, 0.8)[:5], yes)[1] == 0    # one diagonal only
    assert rooflights(square(0, 0, 0.8, 0.8), lambda layer: False)[1] == 0
    # a wall line through it: glazing in a wall
    wall = P(99, (-1, 0.4), (2, 0.4), layer="A-WALL")
    assert rooflights(square(0, 0, 0.8, 0.8), yes, [wall])[1] == 0
    # two apart are two
    assert rooflights(square(0, 0, 0.8, 0.8) + square(3, 0, 0.8, 0.8, start=10), yes)[1] == 2
