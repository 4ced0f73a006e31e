"""Hand-worked measurements: areas, headroom, clear circles, ellipses, widths."""

from __future__ import annotations

import math

import pytest
from shapely import affinity
from shapely.geometry import Polygon, box

from floorplan.geometry import ellipse_fit, held_width, largest_circle
from floorplan.headroom import HeightField, counted_regions, sloped_ceiling
from floorplan.measure import measure
from floorplan.model import Ceiling
from tests.plans import flat_ceiling, obstacle, plan, rect, slope_y


def field_for(room, *ceilings, room_height=None):
    pieces = [(c.polygon, sloped_ceiling(c.polygon, c.heights) if c.heights else
               [(c.polygon, (0.0, 0.0, c.height))]) for c in ceilings]
    return HeightField.for_room(room, room_height, pieces)


# ---------------------------------------------------------------- counted area
# (room, ceilings, room height, gross, counted, low) worked by hand
HEADROOM_CASES = [
    # the contract's attic: 4 x 3, 0.9 m at y=0 to 2.4 m at y=3: 1.5 m at y = 1.2
    ("attic", box(0, 0, 4, 3), [slope_y(0, 0, 4, 3, 0.9, 2.4)], None, 12.0, 7.2, 4.8),
    # the same slope the other way round: 2.4 at y=0, 0.9 at y=3: 1.5 m at y = 1.8
    ("attic reversed", box(0, 0, 4, 3), [slope_y(0, 0, 4, 3, 2.4, 0.9)], None, 12.0, 7.2, 4.8),
    # flat at exactly 1.5 m counts
    ("flat 1.5", box(0, 0, 3, 3), [flat_ceiling(0, 0, 3, 3, 1.5)], None, 9.0, 9.0, 0.0),
    # flat just below 1.5 m: nothing counts
    ("flat 1.49", box(0, 0, 3, 3), [flat_ceiling(0, 0, 3, 3, 1.49)], None, 9.0, 0.0, 9.0),
    # room height 2.4 with a 1.2 m bulkhead over a 1 x 3 strip
    ("bulkhead", box(0, 0, 4, 3), [flat_ceiling(0, 0, 1, 3, 1.2)], 2.4, 12.0, 9.0, 3.0),
    # a ceiling bigger than the room is clipped to it: slope 0.5..3.5 over y 0..3 on a 2 x 3
    # room: 1.5 m at y = 1.0, so 2 x 1 = 2 m² low
    ("clipped", box(0, 0, 2, 3),
     [Ceiling(Polygon([(-1, 0), (3, 0), (3, 3), (-1, 3)]), heights=(0.5, 0.5, 3.5, 3.5))],
     None, 6.0, 4.0, 2.0),
    # no height known anywhere: everything counts
    ("unknown", box(0, 0, 2, 2), [], None, 4.0, 4.0, 0.0),
    # a room with a 0.5 x 0.5 column (hole): 12 - 0.25
    ("column", Polygon([(0, 0), (4, 0), (4, 3), (0, 3)], [[(1, 1), (1.5, 1), (1.5, 1.5), (1, 1.5)]]),
     [], 2.4, 11.75, 11.75, 0.0),
]


@pytest.mark.parametrize("name,room,ceilings,room_height,gross,counted,low", HEADROOM_CASES,
                         ids=[c[0] for c in HEADROOM_CASES])
def test_counted_area(name, room, ceilings, room_height, gross, counted, low):
    f = field_for(room, *ceilings, room_height=room_height)
    c, lo = counted_regions(f)
    assert room.area == pytest.approx(gross, abs=1e-9)
    assert c.area == pytest.approx(counted, abs=1e-6)
    assert lo.area == pytest.approx(low, abs=1e-6)


def test_gable_ceiling_is_linear_between_vertices():
    """A gable over a 4 x 2 room: 1.0 m at x=0 and x=4, ridge 3.0 m along x=2. The vertex
    heights are not one plane, so the ceiling is triangulated; h = 1 + x on the left and
    h = 5 - x on the right, so h >= 1.5 for 0.5 <= x <= 3.5: 3 x 2 = 6 m² counted."""
    ring = [(0, 0), (2, 0), (4, 0), (4, 2), (2, 2), (0, 2)]
    room = Polygon(ring)
    c = Ceiling(room, heights=(1.0, 3.0, 1.0, 1.0, 3.0, 1.0))
    f = field_for(room, c)
    counted, low = counted_regions(f)
    assert counted.area == pytest.approx(6.0, abs=1e-6)
    assert low.area == pytest.approx(2.0, abs=1e-6)
    assert f.height_range() == pytest.approx((1.0, 3.0))


def test_height_range_and_share():
    room = box(0, 0, 4, 3)
    f = field_for(room, slope_y(0, 0, 4, 3, 0.9, 2.4))
    assert f.height_range() == pytest.approx((0.9, 2.4))
    counted, _ = counted_regions(f)
    # h >= 2.2 from y = 3 * (2.2 - 0.9) / 1.5 = 2.6: a 4 x 0.4 strip = 1.6 m² of 7.2
    assert f.share_at_least(2.2, of=counted) == pytest.approx(1.6 / 7.2, abs=1e-9)


def test_later_ceiling_overrides_earlier_and_room_height():
    room = box(0, 0, 2, 2)
    f = field_for(room, flat_ceiling(0, 0, 2, 2, 1.0), flat_ceiling(0, 0, 1, 2, 2.5), room_height=2.4)
    counted, low = counted_regions(f)
    assert counted.area == pytest.approx(2.0)
    assert low.area == pytest.approx(2.0)


# ---------------------------------------------------------------- clear circle
def _bath_room():
    return box(0, 0, 2.1, 3.0).difference(box(0, 0, 0.7, 1.7))


CIRCLE_CASES = [
    ("rectangle 2 x 3", box(0, 0, 2, 3), 2.0),
    ("square 1.5", box(0, 0, 1.5, 1.5), 1.5),
    # the bathroom: 2.1 x 3.0 with a 0.7 x 1.7 bath in a corner; the circle
    # touches the far walls x=2.1, y=3 and the bath corner (0.7, 1.7):
    # (1.4 - r)² + (1.3 - r)² = r²  ->  r = (5.4 - sqrt(14.56)) / 2
    ("bathroom with bath", _bath_room(), 5.4 - math.sqrt(14.56)),
    # L-shape with 2 m limbs: the circle sits in the junction, touching the outer walls
    # x=0 and y=0 (centre (r, r)) and the inner corner (2, 2): sqrt(2) (2 - r) = r, so
    # r = 2 sqrt(2) / (1 + sqrt(2)) and d = 2.343, more than either limb's 2 m
    ("L-shape", Polygon([(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)]),
     4 * math.sqrt(2) / (1 + math.sqrt(2))),
]


@pytest.mark.parametrize("name,area,expected", CIRCLE_CASES, ids=[c[0] for c in CIRCLE_CASES])
def test_largest_circle(name, area, expected):
    c = largest_circle(area)
    assert c.diameter == pytest.approx(expected, abs=2e-3)
    # the circle lies in the area
    assert area.buffer(1e-3).contains(c.geometry.buffer(-1e-3))


def test_bathroom_clear_circle_through_measure():
    p = plan(rect("B", "Bathroom", 0, 0, 2.1, 3.0), obstacles=[obstacle("bath", 0, 0, 0.7, 1.7)])
    rm = measure(p).rooms["B"]
    assert rm.clear_circle_diameter == pytest.approx(1.584, abs=1e-3)
    assert rm.clear_circle_diameter > 1.4 + 0.1  # not the naive 2.1 - 0.7
    assert rm.clear_circle.center.x == pytest.approx(2.1 - 0.792, abs=2e-3)
    assert rm.clear_circle.center.y == pytest.approx(3.0 - 0.792, abs=2e-3)


def test_obstacle_outside_room_does_not_block():
    p = plan(rect("R", "Lounge", 0, 0, 3, 3), obstacles=[obstacle("sofa", 5, 5, 2, 1)])
    assert measure(p).rooms["R"].clear_circle_diameter == pytest.approx(3.0, abs=1e-3)


# ---------------------------------------------------------------- ellipse 1700 x 1400
ELLIPSE_CASES = [
    ("1.75 x 1.45 box: fits aligned", box(0, 0, 1.75, 1.45), True),
    ("1.6 x 1.6: fits turned (45°: extent 2 * sqrt((0.85² + 0.7²) / 2) = 1.557)", box(0, 0, 1.6, 1.6), True),
    ("1.5 x 1.6: too tight (min extent 1.4 along minor, 1.7 along major)", box(0, 0, 1.69, 1.39), False),
    ("3 x 1.39 corridor: too narrow at any angle", box(0, 0, 3, 1.39), False),
]


@pytest.mark.parametrize("name,area,fits", ELLIPSE_CASES, ids=[c[0] for c in ELLIPSE_CASES])
def test_ellipse_fit(name, area, fits):
    assert (ellipse_fit(area) is not None) is fits


# ---------------------------------------------------------------- width
WIDTH_CASES = [
    ("rectangle 2.5 x 4", box(0, 0, 2.5, 4), 2.5),
    ("rotated rectangle", Polygon([(0, 0), (3, 3), (1, 5), (-2, 2)]), math.sqrt(8)),
    # L: a 4 x 3 main body and a 1 x 1 nib: the room is 3 m wide where most of it is
    ("L with nib", box(0, 0, 4, 3).union(box(0, 3, 1, 4)), 3.0),
]


@pytest.mark.parametrize("name,area,expected", WIDTH_CASES, ids=[c[0] for c in WIDTH_CASES])
def test_held_width(name, area, expected):
    assert held_width(area) == pytest.approx(expected, abs=2e-3)


# the room's own width, exactly, whichever way it lies: a room exactly at a threshold
# must not fail by the GEOS buffer's rounding (4.2 x 3.0 lying along x once gave 2.9993)
EXACT_WIDTHS = [
    ("4.2 x 3.0 along x", box(0, 0, 4.2, 3.0), 3.0),
    ("3.0 x 4.2 along y", box(0, 0, 3.0, 4.2), 3.0),
    ("3.6 x 2.4 single", box(0, 0, 3.6, 2.4), 2.4),
    ("4 x 1.05 hall", box(0, 0, 4, 1.05), 1.05),
    ("4.2 x 3.0 turned 30°", affinity.rotate(box(0, 0, 4.2, 3.0), 30), 3.0),
    ("a millimetre short", box(0, 0, 4.2, 2.999), 2.999),
    ("L with nib", box(0, 0, 4, 3).union(box(0, 3, 1, 4)), 3.0),
]


@pytest.mark.parametrize("name,area,expected", EXACT_WIDTHS, ids=[c[0] for c in EXACT_WIDTHS])
def test_held_width_is_exact_at_the_rooms_own_width(name, area, expected):
    assert held_width(area) == pytest.approx(expected, abs=1e-9)
