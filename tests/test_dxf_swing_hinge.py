"""A door swing drawn a few centimetres off its hinge: the leaf says where the hinge is.

Some drawings draw a door's arc about a point beside the wall's end, not on it (the arc and
its leaf drawn apart, or the arc snapped loosely): the leaf runs from the arc's end to the
wall's end, the arc's centre stands 6 cm off it, in the door's reveal. Sealed from the
arc's centre, the doorway keeps a 6 cm gap at the hinge, and the office and the corridor
it opens onto read as one room. The hinge is the wall end of the leaf.

The plan (metres; no text, as in the office floor it was seen in): an office with wall
faces x 0..4, y 0..3, a corridor x 0..4, y 3.28..5.28, the wall between them 0.28 m thick,
all drawn as LINEs and ARCs on A-WALL. The doorway has a 0.14 m reveal on the office side
(x 1.0..2.28, y 3.0..3.14: jambs at x 1.0 and 2.28, steps at y 3.14 to x 1.06 and from
x 2.22) and opens to the corridor between x 1.06 and 2.22 with its corners rounded (ARCs
of 0.14 m about (0.92, 3.14) and (2.36, 3.14)). The door (A-DOOR) is hung at (2.22, 3.14):
its leaf is drawn open from there into the office, its arc centred at (2.167, 3.107) from
the closed leaf's end (1.06, 3.14) to the open leaf's end.

Worked by hand: the door closes the doorway along y = 3.14 from x 1.06 to 2.22, so
- office: 4 x 3 = 12 m² and the reveal 1.28 x 0.14 = 0.1792 m²: 12.1792 m²;
- corridor: 4 x 2 = 8 m², the neck 1.16 x 0.14 = 0.1624 m² and two rounded corners of
  0.14² (1 - pi / 4) = 0.0042062 m² each: 8.1708124 m² (the arcs flattened to within
  a tenth of a millimetre).
"""

from __future__ import annotations

import math

import pytest
from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read

HINGE, CENTRE, CLOSED = (2.22, 3.14), (2.167, 3.107), (1.06, 3.14)
OFFICE = 12 + 1.28 * 0.14
CORRIDOR = 8 + 1.16 * 0.14 + 2 * 0.14 ** 2 * (1 - math.pi / 4)


def office_plan(s: Sheet, arc_centre=CENTRE) -> None:
    s.lines([(-0.15, -0.15), (4.15, -0.15), (4.15, 5.43), (-0.15, 5.43), (-0.15, -0.15)])
    s.lines([(1.0, 3.14), (1.0, 3.0), (0, 3.0), (0, 0), (4, 0), (4, 3.0), (2.28, 3.0), (2.28, 3.14)])
    s.line((1.0, 3.14), (1.06, 3.14))
    s.line((2.22, 3.14), (2.28, 3.14))
    s.msp.add_arc((0.92, 3.14), 0.14, 0, 90, dxfattribs={"layer": "A-WALL"})
    s.msp.add_arc((2.36, 3.14), 0.14, 90, 180, dxfattribs={"layer": "A-WALL"})
    s.lines([(0.92, 3.28), (0, 3.28), (0, 5.28), (4, 5.28), (4, 3.28), (2.36, 3.28)])
    r = math.dist(arc_centre, CLOSED)
    a0 = math.degrees(math.atan2(CLOSED[1] - arc_centre[1], CLOSED[0] - arc_centre[0]))
    a1 = a0 + 94.5
    s.msp.add_arc(arc_centre, r, a0, a1, dxfattribs={"layer": "A-DOOR"})
    t = math.radians(a1)
    open_to = (arc_centre[0] + r * math.cos(t), arc_centre[1] + r * math.sin(t))
    s.line(HINGE, open_to, "A-DOOR")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    s = Sheet()
    office_plan(s)
    return read(s, tmp_path_factory.mktemp("hinge"))


def _at(plan, x, y):
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(x, y))]
    return room


def test_the_open_leaf_meets_the_wall_at_the_hinge():
    # the drawing as built: the leaf ends on the step's end, the arc's centre 6 cm off it
    assert math.dist(HINGE, CENTRE) == pytest.approx(0.0624, abs=1e-4)


def test_the_door_parts_the_office_from_the_corridor(plan):
    assert len(plan.rooms) == 2
    office, corridor = _at(plan, 2.0, 1.5), _at(plan, 2.0, 4.3)
    assert office is not corridor
    assert office.polygon.area == pytest.approx(OFFICE, abs=1e-4)
    assert office.polygon.bounds == pytest.approx((0, 0, 4, 3.14), abs=1e-6)
    assert corridor.polygon.area == pytest.approx(CORRIDOR, abs=1e-4)
    assert corridor.polygon.bounds == pytest.approx((0, 3.14, 4, 5.28), abs=1e-6)
    # closed by the door, not by a bridge across a gap nothing seals
    assert (office.source, corridor.source) == ("walls", "walls")


def test_an_arc_on_its_hinge_reads_the_same(tmp_path):
    s = Sheet()
    office_plan(s, arc_centre=HINGE)
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [round(CORRIDOR, 4), round(OFFICE, 4)]
