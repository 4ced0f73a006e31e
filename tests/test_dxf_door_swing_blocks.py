"""Door blocks whose swing is a polyline and whose leaf is not drawn (issue 10, part 5:
"Door widths come from the block geometry").

An exploded or converted door symbol can hold its swing as an LWPOLYLINE (points on the
arc, or one bulged segment) and no leaf line. The width was then read off the rectangle
round the block's points: a quarter circle's smallest rectangle lies along its chord, so a
0.9 m door read as 0.9 x sqrt 2 = 1.27 m (1.08 m after the wall's jamb lines), wide
enough to pass a clear-width check it may fail.

The drawing, in metres: two rooms 4 x 3 m between wall faces (x 0.1..4.1 and 4.2..8.2,
y 0.1..3.1: 12 m² each by hand), the wall between them at x 4.1..4.2 with a doorway at
y 1.0..1.9 (0.9 m). The door block has its hinge at (0, 0) and its swing from (0.9, 0)
round to (0, 0.9); inserted at (4.1, 1.0) turned 90°, the swing runs from (4.1, 1.9) (the
closed leaf, across the doorway) to (3.2, 1.0) (the open leaf's end, in the bedroom). The
door's point is the middle of the closed leaf, (4.1, 1.45), and it joins the two rooms.
A double door (two such swings, hinges 1.8 m apart) is 1.8 m wide, its point the middle
of its two closed leaves, (4.1, 1.9).
"""

from __future__ import annotations

import math

import pytest
from shapely.geometry import box

from floorplan.doorlinks import door_links
from tests.dxf_patterns import Sheet, read

W = 0.9


def _sheet(how: str) -> Sheet:
    s = Sheet()
    b = s.doc.blocks.new("DOOR")
    if how == "points":
        b.add_lwpolyline([(W * math.cos(math.radians(a)), W * math.sin(math.radians(a)))
                          for a in range(0, 91, 10)])
    elif how == "bulge":  # one segment bulged a quarter turn: tan(90° / 4)
        b.add_lwpolyline([(W, 0, 0, 0, math.tan(math.radians(22.5))), (0, W)], format="xyseb")
    elif how == "two-runs":  # a double door: two leaves of 0.9 m, hinges 1.8 m apart
        b.add_lwpolyline([(W * math.cos(math.radians(a)), W * math.sin(math.radians(a)))
                          for a in range(0, 91, 10)])
        b.add_lwpolyline([(1.8 - W * math.cos(math.radians(a)), W * math.sin(math.radians(a)))
                          for a in range(0, 91, 10)])
    walls = box(0, 0, 8.3, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(
        box(4.2, 0.1, 8.2, 3.1))
    s.mass(walls.difference(box(4.1, 1.0, 4.2, 1.0 + (1.8 if how == "two-runs" else W))))
    s.msp.add_blockref("DOOR", (4.1, 1.0), dxfattribs={"layer": "A-DOOR", "rotation": 90})
    s.text("BEDROOM", (1, 1))
    s.text("KITCHEN", (5, 1))
    return s


@pytest.mark.parametrize("how", ["points", "bulge"])
def test_width_and_hinge_from_a_polyline_swing_with_no_leaf(tmp_path, how):
    plan = read(_sheet(how), tmp_path)
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    (door,) = plan.doors
    assert door.width == pytest.approx(W, abs=1e-3)
    at = door.geometry.centroid
    assert (at.x, at.y) == pytest.approx((4.1, 1.45), abs=1e-3)
    names = {r.id: r.name for r in plan.rooms}
    assert sorted(names[i] for i in door_links(plan)[door.id]) == ["BEDROOM", "KITCHEN"]


def test_a_double_door_of_two_polyline_swings_is_their_two_leaves_wide(tmp_path):
    plan = read(_sheet("two-runs"), tmp_path)
    # the swings seal the 1.8 m doorway (wider than any gap closed without a door)
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    (door,) = plan.doors
    assert door.width == pytest.approx(2 * W, abs=1e-3)
    at = door.geometry.centroid
    assert (at.x, at.y) == pytest.approx((4.1, 1.9), abs=1e-3)
