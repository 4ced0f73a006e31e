"""Doors drawn the way holdout6's drawings draw them (issue 10): a door whose wall faces
run on across its opening with its leaf drawn shut along it as well as open, a swing drawn
through three points a little open, and a T-junction that the reader's millimetre grid
moved a fraction past the line it ends on.

Every drawing is in metres; the expected areas and widths are worked by hand from the
coordinates drawn here, never copied from the program.
"""

from __future__ import annotations

import math

import pytest
from ezdxf.math import ConstructionArc
from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read, two_rooms_mass


def test_a_door_drawn_over_faces_that_run_on_across_it_is_a_door(tmp_path):
    """House.dxf's entrance: the wall's faces drawn across the opening (the door frame's
    faces, on a layer of their own), the leaf drawn shut along the middle of the wall as
    well as open into the room, and a short mark across the wall at the door's middle. The
    swing stands in a gap of the walls (its jambs at both ends) all the same."""
    s = Sheet()
    # rooms A x 0.15..4.15 and B x 4.30..8.30 (y 0.15..3.15), a 0.15 m partition between
    # them with an opening y 1.15..1.95 cut through it (jambs across the wall at both ends)
    s.mass(two_rooms_mass(t=0.15, door=(1.0, 1.8)), layer="PIANTA")
    s.line((4.15, 1.15), (4.15, 1.95), "ST")  # the faces drawn on across the opening
    s.line((4.30, 1.15), (4.30, 1.95), "ST")
    hinge, shut, tip = (4.225, 1.95), (4.225, 1.15), (3.425, 1.95)
    s.msp.add_arc(hinge, 0.8, 180, 270, dxfattribs={"layer": "INFISSI"})  # tip .. shut
    s.line(hinge, tip, "INFISSI")  # the leaf open into room A
    s.line(hinge, shut, "INFISSI")  # and shut, along the wall's middle
    s.line((4.025, 1.55), (4.425, 1.55), "INFISSI")  # a mark across the wall at its middle
    plan = read(s, tmp_path)
    areas = sorted(round(r.polygon.area, 6) for r in plan.rooms)
    assert areas == [12.0, 12.0]  # 4 x 3 each: the door's lines part neither room
    swung = [d for d in plan.doors if d.properties.get("handle")]
    assert len(swung) == 1
    (door,) = swung
    assert door.width == pytest.approx(0.8, abs=1e-3)  # the swing's radius
    # the middle of the shut leaf, half way from the hinge to its end
    assert door.geometry.distance(Point(4.225, 1.55)) < 1e-3


def _swing_through(hinge, length, degrees):
    """Points at ``length`` from ``hinge`` turned ``degrees`` below the line running west
    from it (the closed leaf's direction)."""
    return [(hinge[0] - length * math.cos(math.radians(d)),
             hinge[1] - length * math.sin(math.radians(d))) for d in degrees]


def test_a_swing_drawn_through_three_points_a_little_open_is_no_wall(tmp_path):
    """floorplan.dxf's Serverrum: single-line walls, the wall line running on across the
    door (ticks mark the opening's ends), the leaf drawn 13 degrees open into the room and
    its swing an arc through the shut leaf's end, the open leaf's tip and a point a little
    past it, so the arc's centre stands 0.1 m and more off the hinge. The leaf is no wall:
    read as one, its tip was bridged 0.62 m on to the room's west wall, cutting a sliver
    of 0.2 m² off the room."""
    s = Sheet()
    # a store x 0..1.42, y 0..2.48 under a hall y 2.48..3.98, single lines on layer 0 (the
    # ticks' free ends stand further than a gap closed (1.2 m) from the walls ahead)
    s.lines([(0, 0), (1.42, 0), (1.42, 3.98), (0, 3.98), (0, 0)], "0")
    s.line((0, 2.48), (1.42, 2.48), "0")  # the wall between them, on across the door
    for x in (0.58, 1.28):  # the opening's ends
        s.line((x, 2.43), (x, 2.53), "0")
    hinge = (1.28, 2.48)
    (tip,) = _swing_through(hinge, 0.70, (13,))
    s.line(hinge, tip, "0")  # the leaf, 0.70 long, 13 degrees open
    # the arc through the shut leaf's end (0.713 from the hinge, on the wall line), a point
    # 7 degrees down (0.705) and one 16 degrees down (0.69), just past the leaf's tip
    (shut,), (mid,), (past,) = (_swing_through(hinge, r, (d,)) for r, d in
                                ((0.713, 0), (0.705, 7), (0.69, 16)))
    arc = ConstructionArc.from_3p(start_point=shut, end_point=past, def_point=mid)  # ccw
    assert math.dist((arc.center.x, arc.center.y), hinge) > 0.1  # its centre off the hinge
    s.msp.add_arc(arc.center, arc.radius, arc.start_angle, arc.end_angle, dxfattribs={"layer": "0"})
    s.text("STORE", (0.5, 1.0))
    s.text("HALL", (0.5, 3.4))
    plan = read(s, tmp_path)
    rooms = {r.name: r for r in plan.rooms}
    assert rooms["STORE"].polygon.area == pytest.approx(1.42 * 2.48, abs=1e-6)  # 3.5216 m²
    assert rooms["HALL"].polygon.area == pytest.approx(1.42 * 1.5, abs=1e-6)


def test_a_t_junction_snapped_past_its_line_is_not_a_free_end(tmp_path):
    """House.dxf's stair: a window's jamb ends exactly on the wall's slanting inner face;
    on the reader's 1 mm grid its end lands half a millimetre past that face. Taken as a
    free end it looked on across the space beyond and was bridged 1.0 m to the next line,
    a doorway that was no doorway (the report took it as the flat's entrance)."""
    s = Sheet()
    # single lines: a box x 0..4, y 0..4.1, a wall across it rising from (0, 3.0) to
    # (4, 3.0014), and a partition up from the floor ending on that wall at x = 2, where
    # the wall stands at y = 3.0007 (on the grid: the partition's end at 3.001, the wall's
    # ends at 3.000 and 3.001, so at x = 2 the snapped wall is at 3.0005, below the end)
    s.lines([(0, 0), (4, 0), (4, 4.1), (0, 4.1), (0, 0)], "0")
    s.line((0, 3.0), (4, 3.0014), "0")
    s.line((2, 0), (2, 3.0007), "0")
    plan = read(s, tmp_path)
    areas = sorted(r.polygon.area for r in plan.rooms)
    # the two rooms below (2 x 3.0 and a hair more each) and the one above, whole:
    # 4 x 4.1 less the 4 x 3.0007 under the wall on average = 4.3972 m² (to the grid's mm)
    assert len(areas) == 3
    assert areas[0] == pytest.approx(4 * 4.1 - 4 * 3.0007, abs=2e-3)
    assert areas[1] == pytest.approx(2 * 3.00035, abs=2e-3)
    assert areas[2] == pytest.approx(2 * 3.00105, abs=2e-3)
