"""Joins in the wall linework (floorplan.io.dxf.walls.joins): a line end a hair short of another
line is joined to it; distances worked by hand."""

from __future__ import annotations

from shapely.geometry import LineString

from floorplan.io.dxf.walls.joins import REACH, float_joins, joins


def _ends(lines: list[LineString]) -> list[tuple]:
    return sorted(tuple(round(c, 6) for xy in ln.coords for c in xy) for ln in lines)


def test_a_free_end_short_of_a_wall_is_joined_to_it():
    # a wall along y = 0 stops at x = 1; the next runs up x = 1.03, 30 mm on (within REACH)
    wall, cross = LineString([(0, 0), (1, 0)]), LineString([(1.03, -1), (1.03, 1)])
    assert _ends(joins([wall, cross])) == [(1.0, 0.0, 1.03, 0.0)]


def test_an_end_further_than_reach_is_not_joined():
    wall, cross = LineString([(0, 0), (1, 0)]), LineString([(1 + 2 * REACH, -1), (1 + 2 * REACH, 1)])
    assert joins([wall, cross]) == []
    assert float_joins([wall, cross]) == []


def test_a_free_end_goes_to_the_nearest_line_only():
    # 20 mm to one line (x = 1.02) and 0.06 / sqrt 2 = 42 mm to another (x + y = 1.06),
    # both within REACH: joined to the nearer, once
    wall = LineString([(0, 0), (1, 0)])
    near, far = LineString([(1.02, -1), (1.02, 1)]), LineString([(2.06, -1), (0.06, 1)])
    assert _ends(joins([wall, far, near])) == [(1.0, 0.0, 1.02, 0.0)]


def test_an_end_that_meets_a_line_but_stands_off_another_is_joined_once():
    # two lines end at (1, 0), meeting each other there (a wall drawn as its outline),
    # 25 mm short of the glass along x = 1.025: no free end, but the point is joined to
    # the glass once, not once per line ending there
    a, b = LineString([(0, 0), (1, 0)]), LineString([(1, 0), (0, 1)])
    glass = LineString([(1.025, -2), (1.025, 2)])
    assert joins([a, b, glass]) == []
    got = float_joins([a, b, glass])
    assert _ends(got) == [(1.0, 0.0, 1.025, 0.0)]


def test_an_end_touching_the_line_it_stands_near_needs_no_join():
    # a T: the stem's end lies on the bar
    bar, stem = LineString([(0, 0), (2, 0)]), LineString([(1, 0), (1, 1)])
    assert joins([bar, stem]) == []
    assert float_joins([bar, stem]) == []


def test_an_end_a_hair_off_a_polylines_side_joins_though_its_line_meets_that_polyline_elsewhere():
    # a wall drawn as one polyline (x 0..2, y 0..2, open at the bottom) and a line from its
    # corner (0, 0) to 0.5 mm short of its east side (x 2, at y 1): the line touches the
    # polyline, but at its other end; its end at (1.9995, 1) stands off it and is joined
    # (building.dxf's crossed shaft, its box's corner 0.5 mm off the slanting wall, opened
    # the shaft into the WC beside it)
    wall = LineString([(0, 0), (0, 2), (2, 2), (2, 0)])
    line = LineString([(0, 0), (1.9995, 1.0)])
    assert [j.wkt for j in float_joins([wall, line])] == ["LINESTRING (1.9995 1, 2 1)"]


def test_an_end_run_a_hair_past_a_line_it_crosses_is_not_joined_back():
    # a line crossing the east side (x 2) and ending 0.5 mm beyond it: it meets that side
    # near its end already, no join
    wall = LineString([(0, 0), (0, 2), (2, 2), (2, 0)])
    line = LineString([(0, 1.0), (2.0005, 1.0)])
    assert float_joins([wall, line]) == []
