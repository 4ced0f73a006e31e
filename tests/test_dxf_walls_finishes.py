"""A floor finish drawn with the walls (boards, decking, strips: parallel lines at one
pitch running wall to wall) is not walls (floorplan/io/dxf/walls/finishes.py).

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import box

from floorplan.io.dxf.walls.finishes import finish_lines
from tests.dxf_patterns import Sheet, read, rooms_of


def two_rooms(s: Sheet, per_room_faces: bool = False) -> None:
    """A living room between wall faces x 0.1-3.6, y 0.1-3.6 (3.5 x 3.5 = 12.25 m²) and a
    hall x 3.7-5.7, same y (2 x 3.5 = 7 m²), walls 0.1 thick as double lines, labelled; a
    doorway 0.9 m wide in the partition (y 1-1.9). ``per_room_faces``: the living room's
    faces drawn once more as its own four lines (as some programs add them)."""
    mass = box(0, 0, 5.8, 3.7).difference(box(0.1, 0.1, 3.6, 3.6)).difference(box(3.7, 0.1, 5.7, 3.6))
    s.mass(mass.difference(box(3.6, 1.0, 3.7, 1.9)))
    s.text("LIVING ROOM", (1.0, 1.5))
    s.text("HALL", (4.5, 2.5))
    if per_room_faces:
        s.lines([(0.1, 0.1), (3.6, 0.1), (3.6, 3.6), (0.1, 3.6), (0.1, 0.1)])


def boards(s: Sheet, pitch: float = 0.1, layer: str = "A-WALL") -> int:
    """Boards across the living room, wall face to wall face (x 0.1-3.6), every
    ``pitch`` from y 0.1: 3.5 / 0.1 - 1 = 34 lines for 35 strips."""
    n = round(3.5 / pitch) - 1
    for k in range(1, n + 1):
        s.line((0.1, 0.1 + k * pitch), (3.6, 0.1 + k * pitch), layer)
    return n


def test_boards_wall_to_wall_are_a_finish_not_35_strips(tmp_path):
    s = Sheet()
    two_rooms(s)
    assert boards(s) == 34
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("HALL", "walls", 7.0), ("LIVING ROOM", "walls", 12.25)]
    assert any("34 line(s) on A-WALL that draw a floor finish" in n for n in plan.notes)


def test_the_rooms_faces_drawn_twice_at_the_boards_extent_are_kept(tmp_path):
    """The living room's faces (x 0.1-3.6, one pitch from the first and last boards, so
    in the boards' run) drawn twice, as the walls' edges and as four lines of their own:
    they turn the room's corners and are kept; the room is the same."""
    s = Sheet()
    two_rooms(s, per_room_faces=True)
    boards(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("HALL", "walls", 7.0), ("LIVING ROOM", "walls", 12.25)]


def test_decking_strips_at_0_15_m(tmp_path):
    s = Sheet()
    two_rooms(s)
    for k in range(1, 23):  # 0.15 m strips running north-south, x 0.25 ... 3.4
        s.line((0.1 + 0.15 * k, 0.1), (0.1 + 0.15 * k, 3.6))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("HALL", "walls", 7.0), ("LIVING ROOM", "walls", 12.25)]


def _seg(a, b):
    return np.array([a, b], dtype=float)


def room_lines():
    """The faces of a room x 0-3, y 0-2 as one closed polyline."""
    return [np.array([[0, 0], [3, 0], [3, 2], [0, 2], [0, 0]], dtype=float)]


def test_a_stairs_treads_are_no_finish():
    """Treads at a going of 0.25 m (wider than a board, PITCH) running wall to wall."""
    treads = [_seg((0.25 * k, 0), (0.25 * k, 2)) for k in range(1, 12)]
    assert finish_lines(room_lines() + treads) == []


def test_lines_that_stand_free_or_are_too_few_are_no_finish():
    free = [_seg((0.5, 0.1 * k), (2.5, 0.1 * k)) for k in range(1, 20)]   # touch no wall
    assert finish_lines(room_lines() + free) == []
    few = [_seg((0, 0.1 * k), (3, 0.1 * k)) for k in range(1, 8)]          # 7 lines
    assert finish_lines(room_lines() + few) == []
    uneven = [_seg((0, y), (3, y)) for y in (0.1, 0.2, 0.35, 0.45, 0.6, 0.7, 0.85, 0.95, 1.1)]
    assert finish_lines(room_lines() + uneven) == []


def test_a_run_keeps_its_end_lines_that_turn_the_rooms_corners():
    """Boards y 0.1 ... 1.9 (nineteen, 0.1 m apart) between walls at x 0 and x 3 that run
    on past them: every board butts into a wall along it (a T), all nineteen are finish.
    With the room's faces drawn as four lines of their own (y 0 and y 2 at exactly the
    boards' extent, one pitch from the first and last boards, so in their run), those two
    turn the room's corners (an L at each end) and are kept."""
    walls = [_seg((0, -1), (0, 3)), _seg((3, -1), (3, 3))]
    lines = walls + [_seg((0, 0.1 * k), (3, 0.1 * k)) for k in range(1, 20)]
    assert finish_lines(lines) == list(range(2, 21))
    faces = [_seg((0, 0), (3, 0)), _seg((3, 0), (3, 2)), _seg((3, 2), (0, 2)), _seg((0, 2), (0, 0))]
    lines = faces + [_seg((0, 0.1 * k), (3, 0.1 * k)) for k in range(1, 20)]
    assert finish_lines(lines) == list(range(4, 23))
