"""A reference grid drawn over the sheet (a lattice of long lines at one pitch) is set
aside before the views and walls are read (floorplan/io/dxf/views/lattice.py).

The sheets are built in metres from tests/dxf_patterns.py; the plan's rooms are 4 x 3 m
between wall faces (12 m² each, worked by hand there).
"""

from __future__ import annotations

import math
import re

import numpy as np

from floorplan.io import dxf
from floorplan.io.dxf.views.lattice import lattices
from tests.dxf_patterns import Sheet, elevation, two_room_plan


def grid(s: Sheet, x0: float, y0: float, nx: int, ny: int, pitch: float, layer: str = "Layer 7",
         over: float = 0.0) -> None:
    """``nx`` vertical and ``ny`` horizontal lines every ``pitch`` from (x0, y0), the
    vertical ones running ``over`` past the last horizontal one at both ends."""
    w, h = (nx - 1) * pitch, (ny - 1) * pitch
    for k in range(ny):
        s.line((x0, y0 + k * pitch), (x0 + w, y0 + k * pitch), layer)
    for k in range(nx):
        s.line((x0 + k * pitch, y0 - over), (x0 + k * pitch, y0 + h + over), layer)


def test_grid_over_plan_and_elevation_set_aside(tmp_path):
    s = Sheet()
    two_room_plan(s)          # rooms x 0.1-4.1 and 4.2-8.2, y 0.1-3.1
    elevation(s, 14, 0)       # 5.7 m of empty sheet between the two
    # a 0.91 m grid over both, on a layer whose name says nothing: 36 lines across
    # (x -2 to 29.85) and 15 up (y -2 to 10.74), each crossing the plan and the elevation
    grid(s, -2.0, -2.0, 36, 15, 0.91)
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    notes = "\n".join(plan.notes)
    assert re.search(r"reference grid set aside .*: 51 lines on layer\(s\) Layer 7 "
                     r"\(15 and 36 lines .*every 0\.910 m\)", notes)
    assert re.search(r"skipped 51 LINE on layer Layer 7: a reference grid", notes)
    assert re.search(r"the sheet holds 2 views: read 1$", notes, re.M)  # the grid joins none


def test_grid_on_the_plan_alone_leaves_its_walls(tmp_path):
    """A grid drawn over the plan only: its lines set aside, every wall line kept (the
    rooms are whole, 12 m² each, and the doorway still leads between them)."""
    s = Sheet()
    two_room_plan(s)
    grid(s, -1.0, -1.0, 16, 14, 0.7, layer="GRIDLINES", over=0.5)  # 10.5 x 9.1 m, lines long
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [12.0, 12.0]
    assert len(plan.doors) == 1


def _lines(pairs) -> list[np.ndarray]:
    return [np.array(p, dtype=float) for p in pairs]


def square_grid(n: int = 14, pitch: float = 1.0, length: float | None = None):
    L = length if length is not None else (n - 1) * pitch
    return _lines([((0, k * pitch), (L, k * pitch)) for k in range(n)]
                  + [((k * pitch, 0), (k * pitch, L)) for k in range(n)])


def test_lattice_found_with_a_line_missing_and_drawn_backwards():
    lines = square_grid(15)  # 15 + 15 lines 14 m long every 1 m
    del lines[7]                               # one row left out: one gap of 2 m in 13
    lines[20] = lines[20][::-1].copy()         # one column drawn top to bottom
    found = lattices(lines)
    assert len(found) == 1
    assert found[0].counts == (14, 15)
    assert found[0].lines == tuple(range(29))


def test_lattice_turned_30_degrees():
    a = math.radians(30)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    lines = [ln @ rot.T + (100.0, 50.0) for ln in square_grid(14, 0.6)]
    found = lattices(lines)
    assert len(found) == 1 and found[0].counts == (14, 14)
    assert [round(p, 3) for p in found[0].pitch] == [0.6, 0.6]


def test_boards_in_one_direction_are_no_lattice():
    """Forty floor boards 0.1 m apart, 4 m long, with no family across them."""
    boards = _lines([((0, 0.1 * k), (4, 0.1 * k)) for k in range(40)])
    walls = _lines([((0, 0), (0, 4)), ((4, 0), (4, 4))])
    assert lattices(boards + walls) == []


def test_tiles_of_one_room_are_no_lattice():
    """A 10 x 10 tiling of 0.3 m tiles in a 3 m room: thirteen lines each way would make a
    lattice only if each were at least 12 pitches (3.6 m) long; these are 3 m."""
    assert lattices(square_grid(11, 0.3)) == []
    # the same pitch, thirteen lines each way 3.6 m long: a lattice
    assert len(lattices(square_grid(13, 0.3))) == 1
    assert lattices(square_grid(13, 0.3, length=3.5)) == []


def test_uneven_or_staggered_families_are_no_lattice():
    """Lines whose gaps vary (walls of rooms of different widths), or whose ends are not
    level (stair treads of a winder, a fence), are no family."""
    xs = np.cumsum([0, 3, 4, 2.5, 3, 3.6, 4, 3, 2.8, 3.3, 4, 3, 2.7, 3.1])
    uneven = _lines([((0, x), (60, x)) for x in xs] + [((x, 0), (x, 60)) for x in xs])
    assert lattices(uneven) == []
    lines = square_grid(14)
    staggered = [ln + (0.5 * (k % 2), 0) if k < 14 else ln for k, ln in enumerate(lines)]
    assert lattices(staggered) == []


def test_families_that_do_not_cross_are_no_lattice():
    """Two families square to each other side by side (a fence of rails beside a fence of
    posts), neither spanning the other."""
    rows = _lines([((0, k), (13, k)) for k in range(14)])
    cols = _lines([((30 + k, 0), (30 + k, 13)) for k in range(14)])
    assert lattices(rows + cols) == []


# -- a drawing standing apart inside a view (floorplan/io/dxf/views/apart.py) -------------

def centre_lines(s: Sheet, ox: float, oy: float, layer: str = "A-WALL") -> None:
    """A frame layout of wall centre lines at (ox, oy): an 8.3 x 3.2 m rectangle parted
    at x = ox + 4.15 (two 4.15 x 3.2 = 13.28 m² cells), with 0.1 m columns at its
    corners, no wall faces, doors or labels."""
    s.poly([(ox, oy), (ox + 8.3, oy), (ox + 8.3, oy + 3.2), (ox, oy + 3.2)], layer, closed=True)
    s.line((ox + 4.15, oy), (ox + 4.15, oy + 3.2), layer)
    for x, y in ((ox, oy), (ox + 8.3, oy), (ox + 8.3, oy + 3.2), (ox, oy + 3.2)):
        s.poly([(x - 0.05, y - 0.05), (x + 0.05, y - 0.05), (x + 0.05, y + 0.05), (x - 0.05, y + 0.05)],
               layer, closed=True)


def test_a_frame_layout_drawn_close_below_the_plan_is_set_aside(tmp_path):
    s = Sheet()
    two_room_plan(s)               # rooms y 0.1-3.1, the walls' outer face at y 0
    centre_lines(s, 0.0, -5.0)     # y -5 to -1.8: 1.8 m of empty sheet, one view
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert any(re.match(r"2 spaces in view 1 set aside: they stand apart from its plan", n)
               for n in plan.notes)
    assert not any(f.code == "FP014" for f in plan.findings)  # its cells are no lost floor


def test_a_labelled_outbuilding_beside_the_plan_is_kept(tmp_path):
    """The same layout 1.8 m below, labelled GARAGE and STORE: a plan of its own."""
    s = Sheet()
    two_room_plan(s)
    centre_lines(s, 0.0, -5.0)
    s.text("GARAGE", (1.5, -3.5))
    s.text("STORE", (6.0, -3.5))
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert {r.name for r in plan.rooms} == {"BEDROOM", "KITCHEN", "GARAGE", "STORE"}
    assert not any("stand apart from its plan" in n for n in plan.notes)


def test_a_space_beyond_a_flight_joined_to_the_plan_by_its_walls_is_not_apart(tmp_path):
    """North of the plan (its outer face at y 3.2), a stair: walls x 0 and 2.1 run on from
    the plan's face up to y 6, five treads 0.25 m apart (y 3.45-4.45) and a landing wall at
    y 4.5: the landing (x 0-2.1, y 4.5-6, 1.4 m from the rooms) has no door or label, but its
    walls are the plan's own linework."""
    s = Sheet()
    two_room_plan(s)
    s.line((0.0, 3.2), (0.0, 6.0))
    s.line((2.1, 3.2), (2.1, 6.0))
    s.line((0.0, 6.0), (2.1, 6.0))
    for k in range(5):
        s.line((0.0, 3.45 + 0.25 * k), (2.1, 3.45 + 0.25 * k))
    s.line((0.0, 4.5), (2.1, 4.5))
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert {"BEDROOM", "KITCHEN"} <= {r.name for r in plan.rooms}
    assert not any("stand apart from its plan" in n for n in plan.notes)
