"""FP201 turning-circle: a level-access shower may be overlapped (AD M Diagrams 3.10 and
3.11), and the M4(3) entrance circle stands in front of the entrance door (3.22(d)).
Every expected value is worked by hand in the comments."""

from __future__ import annotations

import math

import pytest
from shapely.geometry import Point

from floorplan.io.geojson import read_data
from floorplan.model import Door
from tests.plans import door, obstacle, plan, poly, rect
from tests.rulecheck import one, run

SH = {"scheme": "shared_house"}


def _overlap_profile(tmp_path, overlap: float):
    f = tmp_path / f"overlap-{overlap}.toml"
    f.write_text('[profile]\nid = "t"\ntitle = "t"\nextends = "ecc-supported-living"\n'
                 f'[rules.FP201]\nshower_overlap = {overlap}\n', encoding="utf-8")
    return f


def _wet_room(**kw):
    # 2.0 x 2.65 m wheelchair wet room (5.30 m²), a 1.2 x 1.2 m shower in the far corner
    # (x 0.8-2.0, y 1.45-2.65)
    return plan(rect("W", "Wet room", 0, 0, 2.0, 2.65, wheelchair=True),
                obstacles=[obstacle("shower", 0.8, 1.45, 1.2, 1.2)], tenants=1, **SH, **kw)


# the largest circle touches the floor's left and bottom walls and the corner (a, b) of
# what blocks it: (a - r)² + (b - r)² = r², r = (2(a + b) - sqrt(4(a + b)² - 4(a² + b²))) / 2
def _corner_r(a, b):
    s = a + b
    return (2 * s - math.sqrt(4 * s * s - 4 * (a * a + b * b))) / 2


R_BLOCKED = _corner_r(0.8, 1.45)     # the whole shower blocks: 0.72683 m, a 1.4537 m circle
R_50 = _corner_r(0.85, 1.50)         # only deeper than 50 mm blocks: 0.75313 m, 1.5063 m


@pytest.mark.parametrize("overlap, expect, measured, depth", [
    # may reach 50 mm in: the shower blocks only above y 1.50 and right of x 0.85. A
    # 1.5 m circle fits (centre y 0.75, x 0.85-1.25, its top on y 1.50, 50 mm into the
    # shower); the largest tucks into the corner: 1.5063 m, its deepest point in the
    # shower 50 mm from the shower's edges (the case in issue 11)
    (0.05, "pass", 2 * R_50, "50 mm"),
    # the shower blocks like a bath: 1.4537 m, 0.05 m short
    (0.0, "fail", 2 * R_BLOCKED, None),
])
def test_wet_room_circle_may_overlap_the_shower(tmp_path, overlap, expect, measured, depth):
    r = run(_wet_room(), _overlap_profile(tmp_path, overlap))
    f = one(r, "FP201", "W")
    assert f.status.value == expect
    assert f.measured == pytest.approx(measured, abs=1e-3)
    said = [a for a in r.assumptions if a.topic == "fittings"]
    if depth:
        assert f"overlapping the level-access shower by {depth}" in f.message
        assert len(said) == 1 and said[0].rooms == ("W",) and "shower_overlap = 0" in said[0].override
    else:
        assert "overlapping" not in f.message and not said


def test_the_default_overlap_is_500_mm_and_the_area_still_fails():
    r = run(_wet_room())
    f = one(r, "FP201", "W")
    assert f.status.value == "pass" and f.measured > 1.5
    # FP105: the shower makes it "shower only": 2.0 x 2.65 = 5.30 m² against 5.4 m²
    a = one(r, "FP105", "W")
    assert (a.status.value, a.required) == ("fail", 5.4)
    assert a.measured == pytest.approx(5.30, abs=1e-9)


def test_a_bath_is_not_overlapped():
    # the same room with a bath where the shower was: blocks fully, 1.4537 m
    p = plan(rect("W", "Bathroom", 0, 0, 2.0, 2.65, wheelchair=True),
             obstacles=[obstacle("bath", 0.8, 1.45, 1.2, 1.2)], tenants=1, **SH)
    f = one(run(p), "FP201", "W")
    assert (f.status.value, f.measured) == ("fail", pytest.approx(2 * R_BLOCKED, abs=1e-3))


def test_the_geojson_fitting_property_makes_a_shower():
    # an obstacle named "tray" is nothing in particular; fitting: shower makes it one
    def fc(props):
        return {"type": "FeatureCollection", "floorplan": {"units": "m", "scheme": "shared_house",
                                                           "tenants": 1}, "features": [
            {"type": "Feature", "properties": {"kind": "room", "id": "W", "name": "Wet room",
                                               "wheelchair": True},
             "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2.65], [0, 2.65], [0, 0]]]}},
            {"type": "Feature", "properties": {"kind": "obstacle", "name": "tray", **props},
             "geometry": {"type": "Polygon", "coordinates": [[[0.8, 1.45], [2, 1.45], [2, 2.65],
                                                              [0.8, 2.65], [0.8, 1.45]]]}}]}
    blocked = one(run(read_data(fc({}))), "FP201", "W")
    assert blocked.measured == pytest.approx(2 * R_BLOCKED, abs=1e-3)
    shower = one(run(read_data(fc({"fitting": "shower"}))), "FP201", "W")
    assert shower.status.value == "pass" and shower.measured > 1.5


# -- M4(3) entrance: in front of the entrance door ---------------------------------------------
L_HALL = [(0, 0), (1.1, 0), (1.1, 3), (1.8, 3), (1.8, 4.8), (0, 4.8)]


def _entrance(hall, doors, **kw):
    return plan(hall, doors=doors, scheme="flat", **kw)


@pytest.mark.parametrize("hall, doors, expect, measured", [
    # the case: 1.1 m wide for its first 3 m from the front door (at the bottom,
    # 0.9 m wide, centred at x 0.55), then a 1.8 x 1.8 m space. A 1.8 m circle fits in
    # the space, but in front of the door the hall is 1.1 m wide: 1.1 m, not met
    (poly("H", "Entrance hall", L_HALL), [door("D1", 0.55, -0.05)], "fail", 1.1),
    # a 1.6 x 4 m hall, the door in the middle of its end wall: 1.6 m in front of it
    (rect("H", "Hall", 0, 0, 1.6, 4), [door("D1", 0.8, -0.05)], "pass", 1.6),
    # a 1.5 x 4 m hall, the door in its long side wall: the circle against that wall,
    # its centre across the opening: exactly 1.5 m
    (rect("H", "Hall", 0, 0, 1.5, 4), [door("D1", -0.05, 2.0)], "pass", 1.5),
    # the front door opening straight into a 4 x 4 m living room: 4.0 m in front of it
    (rect("H", "Living room", 0, 0, 4, 4), [door("D1", 2.0, -0.05)], "pass", 4.0),
])
def test_entrance_circle_in_front_of_the_door(hall, doors, expect, measured):
    f = one(run(_entrance(hall, doors), "m4-3"), "FP201", "H")
    assert (f.status.value, f.required) == (expect, 1.5)
    assert f.measured == pytest.approx(measured, abs=1e-3)
    assert f.reference.endswith("paragraph 3.22(d)")
    circles = [m for m in f.marks if m.role == "circle"]
    assert len(circles) == 1 and circles[0].size == pytest.approx(measured, abs=1e-3)
    # the circle drawn touches the wall the door is in
    assert circles[0].geometry.distance(Point(doors[0].geometry.x, doors[0].geometry.y)) < 0.06


def test_the_entrance_is_assumed_and_listed():
    r = run(_entrance(rect("H", "Hall", 0, 0, 1.6, 4), [door("D1", 0.8, -0.05)]), "m4-3")
    said = [a for a in r.assumptions if a.topic == "entrance"]
    assert len(said) == 1 and "door D1 into Hall, level 0" in said[0].text
    assert said[0].override == "`entrance: true` on the entrance door"


def test_two_doors_to_outside_disagree_to_review_until_one_is_marked():
    # hall A (1.6 wide) and hall B (1.1 wide), each with a door to outside: 1.6 m in front
    # of one, 1.1 m in front of the other; which is the entrance decides
    a, b = rect("A", "Hall", 0, 0, 1.6, 3), rect("B", "Hall", 5, 0, 1.1, 3)
    doors = [door("DA", 0.8, -0.05), door("DB", 5.55, -0.05)]
    p = plan(a, b, doors=doors, scheme="flat")
    f = [x for x in run(p, "m4-3").findings if x.rule == "FP201" and "A" in x.rooms][0]
    assert (f.status.value, f.rooms) == ("warn", ("A", "B"))
    assert f.measured == pytest.approx(1.1, abs=1e-3)
    marked = Door("DA", Point(0.8, -0.05), width=0.9, entrance=True)
    p = plan(a, b, doors=[marked, doors[1]], scheme="flat")
    r = run(p, "m4-3")
    f = [x for x in r.findings if x.rule == "FP201" and "A" in x.rooms][0]
    assert (f.status.value, f.rooms, f.measured) == ("pass", ("A",), pytest.approx(1.6, abs=1e-3))
    assert not [x for x in r.assumptions if x.topic == "entrance"]


def test_no_entrance_door_shown_is_to_review_never_met():
    p = plan(rect("H", "Hall", 0, 0, 2, 4), rect("B", "Bedroom", 2.1, 0, 4, 4),
             doors=[door("D1", 2.05, 1.0)], scheme="flat")
    f = [x for x in run(p, "m4-3").findings if x.rule == "FP201" and "H" in x.rooms][0]
    assert f.status.value == "warn" and "entrance door is not shown" in f.message


def test_turning_circle_not_applicable_on_an_empty_plan():
    assert one(run(plan(scheme="flat"), "m4-3"), "FP201").status.value == "not_applicable"
