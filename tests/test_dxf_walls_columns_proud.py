"""A column is not a wall: the floor between two columns standing proud of a wall is floor.

Two columns drawn as closed boxes at a room's corners, straddling the inner face of the
wall behind them, have faces square to that wall of about the same length, facing each
other: they look like the jambs of an opening, with the wall's face running between them
like glazing. It is no opening: that face runs on at both its ends into the walls beside
it (glazing stands between jambs and meets nothing else), so the room runs to it.

The plan (metres, double-line walls): a room between wall faces x 0.1-4.0, y 0.1-3.1
(3.9 x 3.0 = 11.7 m²): internal walls 0.1 thick on the west, south (y 0-0.1) and north
(y 3.1-3.2), an external wall x 4.0-4.3 on the east. Columns 0.2 x 0.1, x 3.85-4.05, in
the south and the north wall bands (y 0-0.1 and y 3.1-3.2): 0.15 m proud of the external
wall's face. Read as a window between the columns, the room lost the 0.15 x 3.0 = 0.45 m²
strip between the columns' faces (x 3.85) and the wall's face (11.25 m²).
"""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read


def room(s: Sheet, walls: str = "A-WALL", cols: str | None = "A-COLS", window: bool = False,
         outer: bool = False) -> None:
    """The room; ``cols``: the columns' layer (``None``: no columns); ``window``: a
    window in the external wall, y 1.0-2.0 (both its faces broken, or with ``outer`` its
    outer face drawn straight across it), jambs across it and two glass lines (x 4.1 and
    4.2) between them."""
    if window and not outer:  # the outer faces, broken by the window
        s.lines([(4.3, 1.0), (4.3, 0), (0, 0), (0, 3.2), (4.3, 3.2), (4.3, 2.0)], walls)
    else:
        s.lines([(0, 0), (4.3, 0), (4.3, 3.2), (0, 3.2), (0, 0)], walls)  # the outer faces
    s.lines([(4.0, 3.1), (0.1, 3.1), (0.1, 0.1), (4.0, 0.1)], walls)  # the room's faces
    if window:
        s.line((4.0, 0.1), (4.0, 1.0), walls)
        s.line((4.0, 2.0), (4.0, 3.1), walls)
        s.line((4.0, 1.0), (4.3, 1.0), walls)  # the jambs
        s.line((4.0, 2.0), (4.3, 2.0), walls)
        s.line((4.1, 1.0), (4.1, 2.0), "A-GLAZ")
        s.line((4.2, 1.0), (4.2, 2.0), "A-GLAZ")
    else:
        s.line((4.0, 0.1), (4.0, 3.1), walls)  # the external wall's inner face
    s.line((4.0, 0.0), (4.0, 0.1), walls)  # the external wall's end faces
    s.line((4.0, 3.1), (4.0, 3.2), walls)
    if cols:
        for y in (0.0, 3.1):
            s.poly([(3.85, y), (4.05, y), (4.05, y + 0.1), (3.85, y + 0.1)], cols, closed=True)
    s.text("OFFICE", (2.0, 1.5))


@pytest.mark.parametrize("cols", ["A-COLS", "COLUMNS", "A-WALL"])
def test_the_floor_between_columns_proud_of_a_wall_is_floor(tmp_path, cols):
    s = Sheet()
    room(s, cols=cols)
    plan = read(s, tmp_path)
    (office,) = plan.rooms
    assert office.name == "OFFICE"
    assert office.polygon.area == pytest.approx(11.7, abs=1e-6)
    assert office.polygon.bounds == pytest.approx((0.1, 0.1, 4.0, 3.1), abs=1e-6)


def test_without_columns_the_room_is_the_same(tmp_path):
    s = Sheet()
    room(s, cols=None)
    (office,) = read(s, tmp_path).rooms
    assert office.polygon.area == pytest.approx(11.7, abs=1e-6)


@pytest.mark.parametrize("cols", [None, "A-COLS"])
def test_a_window_between_wall_ends_is_still_sealed_on_the_wall_face(tmp_path, cols):
    """The glass lines meet only the jambs: glazing, so the window is sealed along the
    wall's inner face and the room stays 11.7 m² (run to the inner glass line, it would be
    11.7 + 0.1 x 1.0 = 11.8 m²)."""
    s = Sheet()
    room(s, cols=cols, window=True)
    plan = read(s, tmp_path)
    (office,) = plan.rooms
    assert office.polygon.area == pytest.approx(11.7, abs=1e-6)


@pytest.mark.parametrize("glass", ["A-GLAZ", "A-WALL"])
def test_a_window_whose_outer_face_runs_across_it_is_sealed_on_the_inner_face(tmp_path, glass):
    """The outer face drawn unbroken across the window (x 4.3, y 0-3.2), as Laud FF's
    Chemistry Lab's is (holdout): the wall's face runs along the opening's outer side,
    which alone would make the jambs columns standing proud of it. But the window's frame
    stands between the jambs within the wall, on neither face: a window in a recess, and
    the reveal up to the frame is wall. 11.7 m², not 11.8 (run to the inner glass line)."""
    s = Sheet()
    room(s, cols=None, window=True, outer=True)
    if glass != "A-GLAZ":  # the frame drawn on the wall layer
        for e in s.msp.query('LINE[layer=="A-GLAZ"]'):
            e.dxf.layer = glass
    (office,) = read(s, tmp_path).rooms
    assert office.polygon.area == pytest.approx(11.7, abs=1e-6)
    assert office.polygon.bounds == pytest.approx((0.1, 0.1, 4.0, 3.1), abs=1e-6)



def test_one_line_between_the_jambs_is_a_wall_face_not_a_frame(tmp_path):
    """The same, with one line between the jambs (x 4.1) and not two: a thinner wall
    standing between two piers (Erasmus FF's corridor, piers 0.2 m, a partition's face
    0.1 m back between them), its floor running to that face: 11.7 + 0.1 x 1.0 = 11.8."""
    s = Sheet()
    room(s, cols=None, window=True, outer=True)
    for e in s.msp.query('LINE[layer=="A-GLAZ"]'):
        if abs(e.dxf.start.x - 4.2 * s.k) < 1e-6:
            s.msp.delete_entity(e)
        else:
            e.dxf.layer = "A-WALL"
    (office,) = read(s, tmp_path).rooms
    assert office.polygon.area == pytest.approx(11.8, abs=1e-6)
