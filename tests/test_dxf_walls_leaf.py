"""A door hung in a frame between double-line walls, its open leaf drawn lying along the
next wall's face: the strip between the leaf and that wall is floor.

The pattern (University of Kent estate plans): a 100 mm partition stops at the door's
frame (drawn on the door layer, across the wall), the wall resumes above the head frame
as short stubs, and the door swing's open leaf lies 85 mm off the face of the wall across
the top of the room. Expected areas are worked by hand from the wall faces drawn.
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read

DOOR = "A-DOOR"


def wc_in_jambs(s: Sheet) -> None:
    """A WC between wall faces x 1.0-2.0, y 1.0-3.0 (1.0 x 2.0 = 2.0 m²) in the corner of a
    building (outer faces x -3.0-2.3, y 0.75-5.0): an office to its left (x -2.75-0.9,
    y 1.0-3.0) behind a 100 mm partition (x 0.9-1.0) with the WC's door in it, a corridor
    above (y 3.12-4.75) behind a 120 mm wall (y 3.0-3.12). The door opening runs from the
    sill frame (y 2.175-2.2) to the head frame (y 2.915-2.94), the wall resuming above it as
    60 mm stubs; the hinge stands at (1.0, 2.915), the leaf 0.715 m long, drawn open along
    y = 2.915, 85 mm below the WC's top wall face."""
    s.lines([(-3.0, 0.75), (2.3, 0.75), (2.3, 5.0), (-3.0, 5.0), (-3.0, 0.75)])
    s.line((-2.75, 1.0), (0.9, 1.0))
    s.line((1.0, 1.0), (2.0, 1.0))
    s.line((-2.75, 1.0), (-2.75, 3.0))
    s.line((-2.75, 3.12), (-2.75, 4.75))
    s.line((-2.75, 3.0), (2.0, 3.0))
    s.line((-2.75, 3.12), (2.0, 3.12))
    s.line((2.0, 1.0), (2.0, 3.0))
    s.line((2.0, 3.12), (2.0, 4.75))
    s.line((-2.75, 4.75), (2.0, 4.75))
    for x in (0.9, 1.0):  # the partition up to the sill frame, its stubs above the head
        s.line((x, 1.0), (x, 2.2))
        s.line((x, 2.94), (x, 3.0))
    for y in (2.175, 2.2, 2.915, 2.94):  # the frames across the wall
        s.line((0.9, y), (1.0, y), DOOR)
    s.line((0.9, 2.915), (0.9, 2.94), DOOR)
    s.line((1.0, 2.915), (1.0, 2.94), DOOR)
    s.swing((1.0, 2.915), (1.0, 2.2), (1.715, 2.915), layer=DOOR)
    s.text("WC", (1.3, 1.6))
    s.text("OFFICE", (-1.5, 2.0))
    s.text("CORRIDOR", (-1.0, 4.0))


def test_open_leaf_beside_a_wall_face_keeps_the_strip_behind_it(tmp_path):
    s = Sheet()
    wc_in_jambs(s)
    plan = read(s, tmp_path)
    (wc,) = [r for r in plan.rooms if r.polygon.contains(Point(1.5, 2.0))]
    assert wc.name == "WC"
    # the outline runs along the top wall face (y = 3.0), not along the open leaf
    # (y = 2.915, which would leave 1.0 x 1.915 = 1.915 m²), and across the door at the face x = 1.0
    assert abs(wc.polygon.area - 2.0) < 1e-6
    assert wc.polygon.bounds == pytest.approx((1.0, 1.0, 2.0, 3.0), abs=1e-6)


def test_wall_stub_above_the_head_frame_is_no_glazing(tmp_path):
    s = Sheet()
    wc_in_jambs(s)
    plan = read(s, tmp_path)
    (wc,) = [r for r in plan.rooms if r.polygon.contains(Point(1.5, 2.0))]
    # the door's reveal (x 0.9-1.0, y 2.2-2.94) is bridged as a window along x = 0.9, the
    # lines beside it taken for glazing; the 60 mm stubs above the head frame (y 2.94-3.0)
    # lie past the end of that gap, not in it, and stay walls: the WC is enclosed by the
    # walls as drawn, no wall band cut away from it
    assert (wc.source, wc.confidence) == ("walls", "high")
