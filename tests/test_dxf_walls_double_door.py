"""A pair of doors in an opening wider than one door is a double door (issue 10; holdout2
A1322PE_0, Trappe).

An opening between jambs wider than a door (1.3 m) with no glazing in it is no opening:
the reader leaves it to the bridging, which may close it anywhere across the wall. A pair
of door swings, one hung at each jamb, whose leaves meet in the middle, says it is a
double door exactly as wide as the opening: it is sealed on both wall faces, and the room
is measured to its own face, the reveal left out as wall (as a single door's is). Door
symbols merely near a wide opening do not say so.

Drawn in code, in metres, areas by hand: a hall x 0.1-4.0, y 0.1-4.0 (3.9 x 3.9 =
15.21 m²) in a building whose east wall is 0.35 m thick (faces x 4.0 and 4.35). Its
entrance is a 2.17 m opening (y 0.9-3.07) between jambs, a door frame in the wall at each
jamb (x 4.18-4.29, 0.05 deep), and a pair of leaves of 0.995 m hinged at x 4.26, 0.09 m in
from the jambs (y 0.99 and 2.98), meeting at y 1.985 and opening outwards (east). The
reveal between the hall's face and the leaves' line is 2.17 x 0.26 = 0.5642 m².
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import LineString, box

from floorplan.io.dxf.walls.openings import jamb_openings
from tests.dxf_patterns import Sheet, read

JAMBS = [np.array([[4.0, 0.9], [4.35, 0.9]]), np.array([[4.0, 3.07], [4.35, 3.07]])]
PAIR = [((4.26, 0.99), (4.26, 1.985)), ((4.26, 2.98), (4.26, 1.985))]


def entrance(s: Sheet, swings=PAIR) -> None:
    """The plan of the module's docstring; ``swings`` the leaves ``(hinge, closed end)``,
    each drawn opening east through a quarter turn."""
    hall = box(0.1, 0.1, 4.0, 4.0)
    s.mass(box(0, 0, 4.35, 4.1).difference(hall).difference(box(4.0, 0.9, 4.35, 3.07)))
    for y0 in (0.92, 3.0):
        s.poly([(4.18, y0), (4.29, y0), (4.29, y0 + 0.05), (4.18, y0 + 0.05)], closed=True)
    for (hx, hy), (ex, ey) in swings:
        leaf(s, (hx, hy), (ex, ey), (hx + abs(ey - hy), hy))
    s.text("HALL", (1.5, 2.0))


def leaf(s: Sheet, hinge, closed_to, open_to) -> None:
    """A loose door swing of a quarter turn: the open leaf as a line from ``hinge`` to
    ``open_to``, the arc between the leaf's two ends (either way round)."""
    a0, a1 = (math.degrees(math.atan2(p[1] - hinge[1], p[0] - hinge[0]))
              for p in (closed_to, open_to))
    if (a1 - a0) % 360 > 180:
        a0, a1 = a1, a0  # the arc runs counter-clockwise from a0 to a1
    s.msp.add_arc(s._p(hinge), math.dist(hinge, closed_to) * s.k, a0, a1,
                  dxfattribs={"layer": "A-DOOR"})
    s.line(hinge, open_to, "A-DOOR")


def test_a_pair_of_doors_hung_at_the_jambs_is_a_double_door():
    # the jambs and the frames' ends alone, with the leaves: one opening, 2.17 m, a door
    got = jamb_openings(JAMBS, [LineString(j) for j in JAMBS], [], swings=PAIR)
    assert [(o.width, o.kind) for o in got] == [(2.17, "door")]
    seals = sorted(tuple(sorted(s.coords)) for s in got[0].seals)
    assert seals == [((4.0, 0.9), (4.0, 3.07)), ((4.35, 0.9), (4.35, 3.07))]


@pytest.mark.parametrize("swings", [
    [],  # no leaves: wider than a door, no glazing
    PAIR[:1],  # one leaf, hung at one jamb: the opening is wider than that door
    [((4.26, 0.99), (4.26, 1.7)), ((4.26, 2.98), (4.26, 2.3))],  # leaves 0.6 m apart
    [((4.26, 1.3), (4.26, 1.985)), ((4.26, 2.98), (4.26, 1.985))],  # one hung 0.4 m in
    [((4.9, 0.99), (4.9, 1.985)), ((4.9, 2.98), (4.9, 1.985))],  # hung outside the wall
])
def test_leaves_not_hung_at_both_jambs_and_meeting_are_no_double_door(swings):
    assert jamb_openings(JAMBS, [LineString(j) for j in JAMBS], [], swings=swings) == []


def test_the_hall_is_measured_to_its_face_across_its_double_door(tmp_path):
    s = Sheet()
    entrance(s)
    plan = read(s, tmp_path)
    hall = next(r for r in plan.rooms if r.name == "HALL")
    # not about 15.76: the reveal taken in up to the leaves' line (2.17 x 0.26 m)
    assert hall.polygon.area == pytest.approx(15.21, abs=1e-6)
    assert hall.polygon.bounds == pytest.approx((0.1, 0.1, 4.0, 4.0), abs=1e-6)


