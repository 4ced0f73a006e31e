"""Door swings drawn as polylines inside blocks (issue 10): a swing flattened into points
on a circle about the hinge, or drawn as one bulged segment, with its open leaf, seals its
doorway and cuts nothing out of the room it opens into.

A BIM program's export (Hypar's) draws a meeting room as a block on layer 0: the walls, a
frame line across the doorway and the door's leaf and swing, the swing a POLYLINE of
points on the arc (no ARC), often in one polyline with the jamb. Read as walls, leaf and
arc enclosed a quarter disc (under a room's size, so dropped) that was cut out of the room.

The room here, in the block's own metres: walls 0.1 thick round x 0..6, y 0..4, so the
room between the wall faces is x 0.1..5.9, y 0.1..3.9: 5.8 x 3.8 = 22.04 m². The doorway
is in the top wall at x 1.0..1.9 (0.9 m), the hinge at (1.0, 3.9), the leaf drawn open
down to (1.0, 3.0) and the swing from there round to (1.9, 3.9): a quarter disc of
0.9² π / 4 = 0.63617 m² inside the room, which reading it as walls took out (22.04 -
0.63617 = 21.40383 m²). As in that export, the block is inserted twice: at the origin as
drawn, and rotated 30° about (9, 0), so that room's middle (3.0, 2.0) in the block stands
at (9 + 3 cos 30° - 2 sin 30°, 3 sin 30° + 2 cos 30°) = (10.598, 3.232). Both stand on
a floor plate drawn round them, x -2..16, y -2..9 (198 m²): the open floor outside the
rooms is 198 - 2 x 6 x 4 = 150 m². Each room is labelled MEETING in its block (a plan
with neither labels nor doors, its rotated room's slanted walls once taken for a roof's
profile, is tested in test_dxf_views.py).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import Point, box

from floorplan.io.dxf.doors.swings import arc_runs
from tests.dxf_patterns import Sheet, read

HINGE, LEAF_END, CLOSED_END = (1.0, 3.9), (1.0, 3.0), (1.9, 3.9)
ROOM = 5.8 * 3.8
QUARTER = 0.9 ** 2 * math.pi / 4
#: the reader snaps linework to a 1 mm grid: a rotated room's 19.2 m of wall faces move by
#: up to half a millimetre each way, a few thousandths of a m² (far under the quarter disc)
SNAP = 0.01


def _arc_points(n: int = 9) -> list[tuple[float, float]]:
    """The swing from the open leaf's end (straight below the hinge) round to the closed
    leaf's end, ``n`` points on the circle of 0.9 about the hinge."""
    t = np.radians(np.linspace(-90, 0, n))
    return [(HINGE[0] + 0.9 * math.cos(a), HINGE[1] + 0.9 * math.sin(a)) for a in t]


def room_block(s: Sheet, how: str, name: str = "MEETING ROOM 1") -> None:
    """The room's block (see the module), its door drawn ``how``: ``points`` (one
    LWPOLYLINE: the jamb, the leaf, then the arc as points), ``bulge`` (one LWPOLYLINE:
    the leaf, then one bulged segment), or ``none`` (no door symbol)."""
    b = s.doc.blocks.new(name)
    # the walls' two faces, each an open polyline from one side of the doorway round to
    # the other, and the doorway's jambs
    b.add_lwpolyline([(1.0, 4.0), (0, 4), (0, 0), (6, 0), (6, 4), (1.9, 4.0)])
    b.add_lwpolyline([(1.0, 3.9), (0.1, 3.9), (0.1, 0.1), (5.9, 0.1), (5.9, 3.9), (1.9, 3.9)])
    b.add_line((1.0, 3.9), (1.0, 4.0))
    b.add_line((1.9, 3.9), (1.9, 4.0))
    b.add_line((1.0, 3.9), (1.9, 3.9))  # the frame line across the doorway
    b.add_text("MEETING", height=0.25).set_placement((2.5, 1.5))
    if how == "points":
        b.add_lwpolyline([(1.0, 4.0), HINGE, *_arc_points()])
    elif how == "bulge":
        # the bulge of a quarter turn counter-clockwise: tan(90° / 4)
        b.add_lwpolyline([(*HINGE, 0, 0, 0), (*LEAF_END, 0, 0, math.tan(math.radians(22.5))),
                          (*CLOSED_END, 0, 0, 0)], format="xyseb")
    s.poly([(-2, -2), (16, -2), (16, 9), (-2, 9)], layer="0", closed=True)
    s.msp.add_blockref(name, (0, 0), dxfattribs={"layer": "0"})
    s.msp.add_blockref(name, (9, 0), dxfattribs={"layer": "0", "rotation": 30})


def _middles() -> list[Point]:
    c, si = math.cos(math.radians(30)), math.sin(math.radians(30))
    return [Point(3.0, 2.0), Point(9 + 3 * c - 2 * si, 3 * si + 2 * c)]


@pytest.mark.parametrize("how", ["points", "bulge"])
def test_a_swing_drawn_as_a_polyline_in_a_rotated_block_cuts_nothing_out(tmp_path, how):
    s = Sheet()
    room_block(s, how)
    plan = read(s, tmp_path)
    assert sorted(r.polygon.area for r in plan.rooms) == pytest.approx([ROOM, ROOM, 150.0], abs=SNAP)
    for middle in _middles():
        (room,) = [r for r in plan.rooms if r.polygon.contains(middle)]
        # the whole room between the wall faces, the quarter disc (0.636 m²) not cut out
        assert room.name == "MEETING"
        assert room.polygon.area == pytest.approx(ROOM, abs=SNAP)


def test_the_room_with_no_door_drawn_is_the_same_room(tmp_path):
    """The contrast: the same blocks with no door symbol read the same 22.04 m² each (the
    doorways, 0.9 x 0.1 m each, nothing in them saying door, go to the open floor: 150.18)."""
    s = Sheet()
    room_block(s, "none")
    areas = sorted(r.polygon.area for r in read(s, tmp_path).rooms)
    assert areas == pytest.approx([ROOM, ROOM, 150.18], abs=SNAP)


def test_a_swing_between_two_rooms_drawn_as_points_parts_neither(tmp_path):
    """Two rooms of 4 x 3 m between wall faces (x 0.1..4.1 and 4.2..8.2, y 0.1..3.1: 12 m²
    each), a 0.9 m doorway in the partition at y 1.1..2.0 with no frame line across it;
    the swing hinged at (4.1, 1.1), its leaf drawn open to (3.2, 1.1) in the west room and
    the arc round to (4.1, 2.0), all one LWPOLYLINE on the walls' layer. The seal from the
    hinge to the closed leaf's end closes the doorway; neither room loses the quarter disc."""
    from shapely.ops import unary_union

    s = Sheet()
    outer = box(0, 0, 8.3, 3.2)
    rooms = [box(0.1, 0.1, 4.1, 3.1), box(4.2, 0.1, 8.2, 3.1)]
    s.mass(outer.difference(unary_union(rooms)).difference(box(4.1, 1.1, 4.2, 2.0)), layer="0")
    t = np.radians(np.linspace(180, 90, 9))
    s.poly([(4.1, 1.1), *[(4.1 + 0.9 * math.cos(a), 1.1 + 0.9 * math.sin(a)) for a in t]],
           layer="0")
    plan = read(s, tmp_path)
    areas = sorted(round(r.polygon.area, 3) for r in plan.rooms)
    assert areas == [12.0, 12.0]


def test_what_is_no_swing():
    # a round column drawn as a 24-sided polygon of radius 0.6: a full turn, not a quarter
    t = np.radians(np.arange(0, 361, 15))
    column = np.c_[0.6 * np.cos(t), 0.6 * np.sin(t)]
    assert arc_runs(column) == []
    # a rounded corner of 2 m radius: too wide for a leaf
    t = np.radians(np.linspace(0, 90, 9))
    assert arc_runs(np.c_[2 * np.cos(t), 2 * np.sin(t)]) == []
    # a quarter turn in two steps (a chamfered corner's three vertices): no flattened arc
    assert arc_runs(np.array([[0.9, 0], [0.636, 0.636], [0, 0.9], [-0.5, 0.9]])) == []
    # a door's quarter arc of 0.9 in 8 steps, rotated and far from the origin: one run
    t = np.radians(np.linspace(30, 120, 9))
    (run,) = arc_runs(np.c_[5000 + 0.9 * np.cos(t), 3000 + 0.9 * np.sin(t)])
    assert run[:2] == (0, 8) and run[2] == pytest.approx((5000, 3000), abs=1e-6)
    assert run[3] == pytest.approx(0.9) and run[4] == pytest.approx(90)
