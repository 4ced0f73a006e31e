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
from floorplan.io.dxf.views_score import columns, is_grid
from tests.dxf_patterns import Sheet, read


def column_floor(s: Sheet, side: float = 0.8) -> None:
    """A floor plate 30 x 18 m (540 m²) on layer 0 holding 12 square columns of ``side``
    (0.8 m: 0.64 m², as large as a room outline may be) on a 6 m grid, 3 m in from the
    plate's edges (x 3, 9, 15, 21, y 3, 9, 15)."""
    s.poly([(0, 0), (30, 0), (30, 18), (0, 18)], layer="0", closed=True)
    for i in range(4):
        for j in range(3):
            x, y = 3 + 6 * i, 3 + 6 * j
            s.poly([(x, y), (x + side, y), (x + side, y + side), (x, y + side)], layer="0",
                   closed=True)


def test_columns_standing_apart_are_named_as_columns_not_a_grid(tmp_path):
    s = Sheet()
    column_floor(s)
    with pytest.raises(PlanReadError, match=r"no floor plan found: .* 12 compact outlines of one "
                                            r"size standing apart \(columns\)") as err:
        read(s, tmp_path, units="m")
    assert "grid" not in str(err.value)


def test_a_view_of_columns_is_still_read_when_named(tmp_path):
    s = Sheet()
    column_floor(s)
    plan = read(s, tmp_path, view=1, units="m")
    assert len(plan.rooms) == 12 and {round(r.polygon.area, 4) for r in plan.rooms} == {0.64}
    assert {r.confidence for r in plan.rooms} == {"low"}


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
