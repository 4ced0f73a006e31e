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
