"""Walls drawn as a JW-CAD plan draws them (issue 10, the fifth holdout's house2): faces drawn
piece by piece between the columns set in the walls, ticks across the walls at the grid
axes, tatami joints drawn as single lines from wall to wall, all on the walls' layer.

Each sheet is built in metres (tests/dxf_patterns.py); every expected area is worked by hand
from the coordinates below.
"""

from __future__ import annotations

import pytest

from floorplan.io.dxf.walls.finishes_mats import mat_lines
from floorplan.io.dxf.walls.ticks import ticks
from tests.dxf_patterns import Sheet, read

LAYER = "Layer 1"


def _box(s: Sheet, x0, y0, x1, y1) -> None:
    s.lines([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], LAYER)


def _hall(s: Sheet, columns: bool) -> None:
    """A hall 0.8 m wide between wall faces: x 0.1..6.1, y 0.1..0.9 (6.0 x 0.8 = 4.8 m²),
    in walls 0.1 thick (outside x 0..6.2, y 0..1.0). With ``columns``, a 0.1 m column
    square set in each long wall at x 3.0..3.1 (one across the hall from the other), and
    the hall's faces drawn from the end walls to the columns and on from them."""
    _box(s, 0, 0, 6.2, 1.0)
    s.line((0.1, 0.1), (0.1, 0.9), LAYER)
    s.line((6.1, 0.1), (6.1, 0.9), LAYER)
    for y in (0.1, 0.9):
        if columns:
            s.line((0.1, y), (3.0, y), LAYER)
            s.line((3.1, y), (6.1, y), LAYER)
        else:
            s.line((0.1, y), (6.1, y), LAYER)
    if columns:
        _box(s, 3.0, 0.0, 3.1, 0.1)
        _box(s, 3.0, 0.9, 3.1, 1.0)


def _areas(plan) -> list[tuple[float, tuple]]:
    return sorted((round(r.polygon.area, 4), tuple(round(v, 4) for v in r.polygon.bounds))
                  for r in plan.rooms)


def test_a_hall_between_columns_set_in_its_walls_is_one_room(tmp_path):
    """The columns' sides lying on the hall's faces are no jambs: the faces run on through
    them, so there is no doorway across the hall between the two columns."""
    s = Sheet()
    _hall(s, columns=True)
    assert _areas(read(s, tmp_path)) == [(4.8, (0.1, 0.1, 6.1, 0.9))]


def test_a_tick_across_a_wall_does_not_close_the_hall(tmp_path):
    """A 0.2 m tick across the south wall at x = 3.0 (y -0.05..0.15, 0.05 m past each
    face): its end in the hall is no wall end looking for the far face."""
    s = Sheet()
    _hall(s, columns=False)
    s.line((3.0, -0.05), (3.0, 0.15), LAYER)
    plan = read(s, tmp_path)
    assert _areas(plan) == [(4.8, (0.1, 0.1, 6.1, 0.9))]
    assert any(n.startswith("1 tick(s) on Layer 1 drawn across the walls") for n in plan.notes)


def test_only_a_line_through_the_faces_with_free_ends_is_a_tick():
    wall = [[(0.0, 0.0), (6.0, 0.0)], [(0.0, 0.1), (6.0, 0.1)]]
    cases = {
        "tick": [(3.0, -0.05), (3.0, 0.15)],
        "long jamb": [(6.0, -0.02), (6.0, 0.12)],      # the faces end on it
        "stub into a room": [(4.0, -0.05), (4.0, 0.8)],  # 0.7 m past the face: a wall
        "one face only": [(5.0, 0.05), (5.0, 0.15)],     # crosses one line
    }
    import numpy as np
    lines = [np.array(w) for w in wall] + [np.array(c) for c in cases.values()]
    assert ticks(lines) == [2]


def _six_mats(s: Sheet) -> None:
    """A six-mat room x 0.1..2.7, y 0.1..3.6 between wall faces (2.6 x 3.5 = 9.1 m², walls
    0.1 thick), its joints from face to face: two mats 0.85 x 1.75 along the west face, and
    east of them a mat 1.75 x 0.85 across each end and two of 0.9 x 1.8 between."""
    _box(s, 0, 0, 2.8, 3.7)
    _box(s, 0.1, 0.1, 2.7, 3.6)
    s.line((0.95, 0.1), (0.95, 3.6), LAYER)
    s.line((0.1, 1.85), (0.95, 1.85), LAYER)
    s.line((0.95, 0.95), (2.7, 0.95), LAYER)
    s.line((0.95, 2.75), (2.7, 2.75), LAYER)
    s.line((1.85, 0.95), (1.85, 2.75), LAYER)


def test_a_six_mat_room_is_one_room(tmp_path):
    s = Sheet()
    _six_mats(s)
    plan = read(s, tmp_path)
    assert _areas(plan) == [(9.1, (0.1, 0.1, 2.7, 3.6))]
    assert any(n.startswith("5 line(s) on Layer 1 that draw the joints of a floor of mats")
               for n in plan.notes)


def test_three_cubicles_all_one_way_are_no_mats(tmp_path):
    """Three spaces 0.9 x 1.8 m side by side, all one way, no half mat: cubicles or bays,
    each a room (0.9 x 1.8 = 1.62 m²)."""
    s = Sheet()
    _box(s, 0, 0, 2.9, 2.0)
    _box(s, 0.1, 0.1, 2.8, 1.9)
    s.line((1.0, 0.1), (1.0, 1.9), LAYER)
    s.line((1.9, 0.1), (1.9, 1.9), LAYER)
    assert [a for a, _ in _areas(read(s, tmp_path))] == [1.62, 1.62, 1.62]


@pytest.mark.parametrize(("w", "length", "mats"), [(0.9, 1.8, True), (0.7, 1.4, False),
                                                     (0.9, 2.4, False)])
def test_mats_are_of_a_mats_size(w, length, mats):
    """A room 2w x (length + w): two spaces w x length side by side, and across their head
    a strip w deep cut into two w x w. At w = 0.9, length = 1.8 that is two mats and two
    half mats, a three-mat floor; 0.7 x 1.4 is too narrow for a mat, 0.9 x 2.4 too long."""
    import numpy as np
    room = np.array([(0, 0), (2 * w, 0), (2 * w, length + w), (0, length + w), (0, 0)], dtype=float)
    joints = [np.array([(w, 0), (w, length + w)], dtype=float),
              np.array([(0, length), (2 * w, length)], dtype=float)]
    assert (mat_lines([room, *joints]) == [1, 2]) is mats
