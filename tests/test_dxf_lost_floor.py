"""Floor inside the walls that no room holds is said (FP014), and leaves the verdict open.

A drawing with no room labels has nothing to say that a room was lost when it runs out
of the building through an opening the reader left open: the walls still say where the
building is (floorplan.io.dxf.rooms.lostfloor).

Every sheet is unlabelled, in metres, its walls 0.2 m thick on A-WALL: a building of two
rooms side by side, west x 0.2-4.2 and east x 4.4-8.4, both y 0.2-3.2 (4.0 x 3.0 = 12.0 m²
each), outer faces x 0-8.6, y 0-3.4, a door block in the 0.9 m doorway of the wall between
them (y 1.0-1.9).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from floorplan import doubts
from floorplan.engine import check
from floorplan.model import InputFinding, Plan
from tests.dxf_patterns import Sheet, read
from tests.plans import plan, rect

WEST, EAST = box(0.2, 0.2, 4.2, 3.2), box(4.4, 0.2, 8.4, 3.2)
DOORWAY = box(4.2, 1.0, 4.4, 1.9)


def building(s: Sheet, east_window: bool) -> None:
    """The two rooms; ``east_window``: a 1.7 m opening in the east room's south wall
    (x 5.5-7.2) with nothing drawn in it, wider than any door, so the east room runs out."""
    cut = WEST.union(EAST).union(DOORWAY)
    if east_window:
        cut = cut.union(box(5.5, 0.0, 7.2, 0.2))
    s.mass(box(0, 0, 8.6, 3.4).difference(cut))
    s.door((4.2, 1.0), rotation=90.0, width=0.9)


def lost(plan_) -> list:
    return [f for f in plan_.findings if f.code == "FP014"]


def test_a_room_run_out_through_an_open_window_is_floor_in_no_room(tmp_path):
    """The west room is read; the east one, open to the outside through 1.7 m of nothing,
    is not, and nothing else says so (no label). FP014 names the floor: the east room's
    12.0 m² less its four corners rounded by the opening of ROOM_WIDTH (a 0.5 m radius,
    drawn as an octagon: at most (4 - 2 sqrt 2) x 0.25 ... (4 - pi) x 0.25 = 0.29 m² in all),
    plus the part of the window's reveal (1.7 x 0.2 m, 0.34 m²) that a 1 m disc reaches
    from the room: between 11.7 and 12.35 m², around a point in the east room."""
    s = Sheet()
    building(s, east_window=True)
    p = read(s, tmp_path)
    assert [round(r.polygon.area, 6) for r in p.rooms] == [12.0]
    assert p.rooms[0].polygon.contains(Point(2.2, 1.7))
    [f] = lost(p)
    assert f.status == "warn"
    assert 11.7 <= f.measured <= 12.35
    assert EAST.buffer(0.25).contains(f.geometry)
    assert "in no room read" in f.message and "(1 space of 4 m² or more" in f.message


def test_a_building_read_whole_has_no_floor_in_no_room(tmp_path):
    s = Sheet()
    building(s, east_window=False)
    p = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 6) for r in p.rooms) == [12.0, 12.0]
    assert lost(p) == []


def test_a_porch_recessed_into_the_building_is_outdoors_not_floor_lost(tmp_path):
    """One room, faces x 0.2-6.2, y 0.2-5.2, with a porch recessed into the middle of its
    south side: 3.0 m wide, 3.0 m deep (x 1.7-4.7, y 0-3.0: 9 m²), its walls round the
    room, open to the south over its full width. The footprint's closing bridges its mouth
    and keeps most of it (a piece of floor in no room over ROOM_AREA, were it not open),
    but it is open across its whole width (OPEN_SIDE): outdoors, not a room lost. The room
    is 30 - 3.4 x 3.0 = 19.8 m²."""
    s = Sheet()
    porch = box(1.7, 0.0, 4.7, 3.0)
    room = box(0.2, 0.2, 6.2, 5.2).difference(box(1.5, 0.0, 4.9, 3.2))
    s.mass(box(0, 0, 6.4, 5.4).difference(room).difference(porch))
    p = read(s, tmp_path)
    assert [round(r.polygon.area, 6) for r in p.rooms] == [19.8]
    assert lost(p) == []


# -- what the floor in no room leaves of the verdict ----------------------------------------

def _house(floor: float | None) -> Plan:
    """Two tenants' shared house (two 10.5 m² bedrooms, a 5 m² bathroom, a 24 m² kitchen
    and living room: 50 m² read), with an FP014 of ``floor`` m² (none when None)."""
    base = plan(rect("R1", "Bedroom 1", 0, 0, 3.5, 3), rect("R2", "Bedroom 2", 3.5, 0, 3.5, 3),
                rect("R3", "Bathroom", 7, 0, 2, 2.5), rect("R4", "Kitchen / Living", 0, 3, 6, 4),
                scheme="shared_house", tenants=2)
    if floor is None:
        return base
    found = InputFinding("FP014", f"{floor} m² of floor inside the walls lies in no room read",
                         geometry=box(9, 0, 9 + floor / 3, 3), measured=floor)
    return Plan(rooms=base.rooms, meta=base.meta, findings=(found,))


def test_floor_in_no_room_leaves_the_rules_by_use_over_the_home_undecided():
    whole = check(_house(None))
    assert [f.status.value for f in whole.findings if f.rule == "FP302"] == ["pass"]
    report = check(_house(12.0))
    [bath] = [f for f in report.findings if f.rule == "FP302"]
    assert bath.status.value == "warn"
    assert "12.0 m² of floor inside the walls lies in no room read (FP014)" in bath.message
    # a rule judging one named room stands: Bedroom 1 is 10.5 m² whatever the lost room is
    assert {f.status.value for f in report.findings if f.rule == "FP101"} == {"pass"}
    assert [d.kind for d in report.unsure] == ["floor"]
    assert report.result != "pass"
    # 12 m² lost of 50 read: the floor is read well enough to assess
    assert doubts.unassessable(report.plan) == []


@pytest.mark.parametrize("floor, assessable", [(50.0, True), (50.5, False)])
def test_more_floor_in_no_room_than_the_rooms_read_cannot_be_assessed(floor, assessable):
    """The rooms read hold 10.5 + 10.5 + 5 + 24 = 50 m²: more floor than that in no room,
    and the plan cannot be assessed."""
    why = doubts.unassessable(_house(floor))
    assert (why == []) is assessable
    if not assessable:
        assert why == [f"{floor:.1f} m² of floor inside the walls lies in no room read "
                       "(FP014), more than the 50.0 m² of the 4 rooms read"]
        assert check(_house(floor)).result == "cannot_assess"


def test_where_it_is_open_is_measured_on_polygons_only():
    """An intersection near a piece of floor may come out as a collection holding lines as
    well as polygons (the Ceco drawing's terraces), and a collection has no boundary: only
    its polygons are kept."""
    from shapely.geometry import GeometryCollection, LineString

    from floorplan.io.dxf.rooms.lostfloor import _polygonal

    mixed = GeometryCollection([box(0, 0, 2, 3), LineString([(5, 0), (6, 0)])])
    assert _polygonal(mixed).equals(box(0, 0, 2, 3))
    assert _polygonal(mixed).boundary.length == pytest.approx(10.0)
