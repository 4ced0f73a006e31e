"""A grid tiles; columns stand apart (issue 10, item 2: a grid of many near-identical
cells is evidence against a floor plan).

The cells of a schedule, a reference grid or a paving share their edges (or a joint):
each has neighbours of its size. A structural grid's columns, drawn as closed squares on
a layer that says nothing, are as many outlines of one size, but each stands metres from
the next: they are columns, not a grid, and the view is set aside saying so.

Sheets in metres from tests/dxf_patterns.py, read with ``--units m`` (a sheet of nothing but
0.36 m² squares is no evidence for any unit); sizes worked by hand below.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from floorplan.errors import PlanReadError
from floorplan.io.dxf.views.score import columns, is_grid
from tests.dxf_patterns import Sheet, read


def column_floor(s: Sheet, side: float = 0.8, plate: bool = True, pitch: float = 6.0) -> None:
    """A floor plate 30 x 18 m (540 m²) on layer 0 (unless not ``plate``) holding 12 square
    columns of ``side`` (0.8 m: 0.64 m², as large as a room outline may be) on a grid of
    ``pitch``, 3 m in from the plate's edges (x 3, 9, 15, 21, y 3, 9, 15 at 6 m)."""
    if plate:
        s.poly([(0, 0), (30, 0), (30, 18), (0, 18)], layer="0", closed=True)
    for i in range(4):
        for j in range(3):
            x, y = 3 + pitch * i, 3 + pitch * j
            s.poly([(x, y), (x + side, y), (x + side, y + side), (x, y + side)], layer="0",
                   closed=True)


def test_columns_standing_apart_are_named_as_columns_not_a_grid(tmp_path):
    s = Sheet()
    # the columns alone, no floor drawn round them, 2 m apart (one view: 6 m apart, each
    # would stand in a view of its own)
    column_floor(s, plate=False, pitch=2.0)
    with pytest.raises(PlanReadError, match=r"no floor plan found: .* 12 compact outlines of one "
                                            r"size standing apart \(columns\)") as err:
        read(s, tmp_path, units="m")
    assert "grid" not in str(err.value)


def test_a_view_of_columns_is_still_read_when_named(tmp_path):
    s = Sheet()
    column_floor(s, plate=False, pitch=2.0)
    plan = read(s, tmp_path, view=1, units="m")
    assert len(plan.rooms) == 12 and {round(r.polygon.area, 4) for r in plan.rooms} == {0.64}
    assert {r.confidence for r in plan.rooms} == {"low"}


def test_a_floor_plate_round_its_columns_is_one_open_floor(tmp_path):
    """The plate drawn round the columns: the columns make no plan, so the linework is
    read as walls; the columns stand free in it and are left out, so the open floor is
    the whole plate, 540 m² (columns counted as floor)."""
    s = Sheet()
    column_floor(s)
    plan = read(s, tmp_path, units="m")
    assert [(round(r.polygon.area, 4), r.source) for r in plan.rooms] == [(540.0, "walls")]


def test_columns_too_small_for_outlines_are_holes_in_the_open_floor(tmp_path):
    """The contrast: columns of 0.6 m (0.36 m², under any room outline's size) leave no
    outline to read; the plate's linework encloses one open floor with the columns as
    holes: 540 - 12 x 0.36 = 535.68 m²."""
    s = Sheet()
    column_floor(s, side=0.6)
    plan = read(s, tmp_path, units="m")
    assert [(round(r.polygon.area, 4), len(r.polygon.interiors)) for r in plan.rooms] == [(535.68, 12)]


def test_schedule_cells_that_share_edges_are_a_grid():
    # a table of 5 x 3 cells of 3 x 1 m drawn edge to edge
    cells = [box(3.0 * c, 1.0 * r, 3.0 * c + 3, 1.0 * r + 1) for r in range(5) for c in range(3)]
    assert is_grid(cells)
    assert columns(cells) == 0


def test_cells_of_one_size_standing_apart_are_no_grid():
    # the same 15 cells, each 1 m from the next: one size, but nothing tiles
    cells = [box(4.0 * c, 2.0 * r, 4.0 * c + 3, 2.0 * r + 1) for r in range(5) for c in range(3)]
    assert not is_grid(cells)
    assert columns(cells) == 0  # 3 x 1 m: longer than a column is wide, and larger


def test_columns_counted_and_not_when_packed():
    cols = [box(6.0 * i, 6.0 * j, 6.0 * i + 0.6, 6.0 * j + 0.6) for i in range(4) for j in range(3)]
    assert (columns(cols), is_grid(cols)) == (12, False)
    # the same squares 0.1 m apart are within a wall's reach of each other: no columns
    packed = [box(0.7 * i, 0.7 * j, 0.7 * i + 0.6, 0.7 * j + 0.6) for i in range(4) for j in range(3)]
    assert columns(packed) == 0


def test_an_open_floor_of_columns_is_read_in_its_walls_furniture_left_out(tmp_path):
    """The floor plate with its columns, and a meeting room drawn as double-line walls
    (0.1 m thick; outer faces x 10-16, y 10-14, 6 x 4 = 24 m²; inner faces x 10.1-15.9, y
    10.1-13.9, 5.8 x 3.8 = 22.04 m²) with a 0.9 m doorway between jambs in its south wall
    (x 12-12.9) and a table (a 1.2 x 0.8 m closed outline) inside, all on layer 0. The
    closed outlines (columns, table) make no plan, so the linework is read as walls; the
    columns and the table stand free and are left out of it: the open floor is the plate
    less the meeting room's footprint, 540 - 24 = 516 m² (its columns counted as floor,
    as they are in the plate), and the meeting room 22.04 m², its table counted as floor."""
    from shapely.geometry import box as rect

    s = Sheet()
    column_floor(s)
    mass = rect(10, 10, 16, 14).difference(rect(10.1, 10.1, 15.9, 13.9)).difference(
        rect(12, 10, 12.9, 10.1))
    s.mass(mass, layer="0")
    s.poly([(12.5, 11.8), (13.7, 11.8), (13.7, 12.6), (12.5, 12.6)], layer="0", closed=True)
    plan = read(s, tmp_path, units="m")
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [22.04, 516.0]
    assert any("read as walls instead" in n and "columns" in n for n in plan.notes)
    assert any(n.startswith("13 line(s) drawing objects that stand free") for n in plan.notes)
