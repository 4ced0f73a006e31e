"""Doors join the rooms they stand between (issue 10 item 5), however the symbol is drawn.

Two rooms of 4 x 3 m between wall faces (tests/dxf_patterns.two_rooms_mass): BEDROOM x in
[0.1, 4.1], KITCHEN x in [4.2, 8.2], both y in [0.1, 3.1]; the partition's opening is
y in [1.1, 2.0], 0.9 m, so its middle is at y = 1.55 on the wall (x 4.1 to 4.2).
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from floorplan.io import dxf
from floorplan.io.dxf.doors.symbols import width_from_name
from floorplan.measure import measure
from tests.dxf_patterns import Sheet, two_rooms_mass


def _read(s: Sheet, tmp_path):
    s.text("BEDROOM", (1.5, 2.0))
    s.text("KITCHEN", (6.1, 2.0))
    plan = dxf.read(s.save(tmp_path / "doors.dxf"))
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [12.0, 12.0]
    names = {r.id: r.name for r in plan.rooms}
    m = measure(plan)
    return [(tuple(sorted(names.get(x, x) for x in (m.doors[d.id].connects or ()))), d)
            for d in plan.doors]


# the hinge at either jamb, on either wall face; the block rotated to run along the wall,
# mirrored or not; the leaf drawn open (across the block's y-axis), drawn closed (along
# the opening) or as a thin leaf rectangle with no swing
HINGES = [(90, (4.1, 1.1)), (90, (4.2, 1.1)), (270, (4.1, 2.0)), (270, (4.2, 2.0))]


@pytest.mark.parametrize("leaf", ["open", "closed", "none"])
@pytest.mark.parametrize("rotation,hinge", HINGES)
@pytest.mark.parametrize("mirror", [False, True])
def test_a_door_block_joins_the_two_rooms_whichever_way_it_is_drawn(tmp_path, leaf, rotation,
                                                                    hinge, mirror):
    s = Sheet()
    s.mass(two_rooms_mass())
    s.door(hinge, rotation=rotation, leaf=leaf, mirror=mirror)
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN")
    assert d.width == pytest.approx(0.9)
    assert d.geometry.y == pytest.approx(1.55)          # the middle of the opening
    assert 4.05 <= d.geometry.x <= 4.25                 # in the partition


@pytest.mark.parametrize("leaf", ["open", "closed"])
@pytest.mark.parametrize("rotation,hinge,mirror", [
    (0, (1.0, 0.1), False),    # hinge left, inner face, swinging in
    (0, (1.0, 0.0), True),     # hinge left, outer face, swinging out
    (180, (1.9, 0.1), True),   # hinge right, inner face, swinging in
    (180, (1.9, 0.0), False),  # hinge right, outer face, swinging out
])
def test_a_front_door_joins_its_room_to_outside(tmp_path, leaf, rotation, hinge, mirror):
    # an opening x in [1.0, 1.9] in the bedroom's outer wall (y in [0, 0.1])
    s = Sheet()
    s.mass(two_rooms_mass(door=None).difference(box(1.0, 0, 1.9, 0.1)))
    s.door(hinge, rotation=rotation, leaf=leaf, mirror=mirror)
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "outside")
    assert d.geometry.x == pytest.approx(1.45) and -1e-9 <= d.geometry.y <= 0.1 + 1e-9


def test_a_block_that_is_a_door_only_by_its_layer(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass())
    s.door((4.1, 1.1), rotation=90, name="BLK17", layer="Internal Doors")
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN") and d.width == pytest.approx(0.9)


def test_a_fire_door_named_by_its_rating_on_a_wall_layer(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass())
    s.door((4.1, 1.1), rotation=90, name="int 826 FD30", layer="A-WALL")
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN")
    assert d.width == pytest.approx(0.9)  # the swing drawn (0.9 m) before the name (826)


def test_a_door_block_with_nothing_drawn_takes_its_width_from_its_name(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass())
    # the block draws only a 0.2 m tag square in the opening: no swing, no leaf to measure
    b = s.doc.blocks.new("Door 926")
    b.add_lwpolyline([(-0.1, -0.1), (0.1, -0.1), (0.1, 0.1), (-0.1, 0.1)], close=True)
    s.msp.add_blockref("Door 926", (4.15, 1.55), dxfattribs={"layer": "A-DOOR"})
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN")
    assert d.width == pytest.approx(0.926)
    assert d.properties.get("width_from") == "block name"


@pytest.mark.parametrize("closed_leaf", [False, True])
def test_loose_arc_and_leaf_join_the_rooms(tmp_path, closed_leaf):
    s = Sheet()
    s.mass(two_rooms_mass())
    if closed_leaf:  # the leaf drawn across the opening, the arc out into the bedroom
        s.msp.add_arc((4.1, 1.1), 0.9, 90, 180, dxfattribs={"layer": "A-DOOR"})
        s.line((4.1, 1.1), (4.1, 2.0), "A-DOOR")
    else:            # the leaf drawn open into the bedroom
        s.swing((4.1, 1.1), (4.1, 2.0), (3.2, 1.1))
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN")
    assert d.width == pytest.approx(0.9) and d.geometry.y == pytest.approx(1.55)


def test_a_loose_leaf_with_no_swing_joins_the_rooms(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass())
    s.line((4.15, 1.1), (3.25, 1.1), "A-DOOR")
    [(joins, d)] = _read(s, tmp_path)
    assert joins == ("BEDROOM", "KITCHEN") and d.width == pytest.approx(0.9)


def test_width_from_name():
    assert width_from_name("Door 926x2040") == pytest.approx(0.926)
    assert width_from_name("int 826 FD30") == pytest.approx(0.826)
    assert width_from_name("Single-Flush 0915 x 2134mm") == pytest.approx(0.915)
    assert width_from_name("DOOR-2") is None and width_from_name("D2040") is None


# -- "outside" only beyond the building's footprint (floorplan.measure) -------------------

def _two_rooms_and_a_hall_not_read(*doors):
    from tests.plans import plan, rect

    # Bedroom x [0, 4], Kitchen x [5.4, 9.4], both y [0, 3]: between them 1.4 m of walls
    # and a 1.2 m hall that no room covers (not read)
    return plan(rect("R1", "Bedroom 1", 0, 0, 4, 3), rect("R2", "Kitchen", 5.4, 0, 4, 3),
                doors=doors, scheme="flat")


def test_a_door_onto_a_space_inside_the_building_is_not_a_door_to_outside():
    from tests.plans import door

    m = measure(_two_rooms_and_a_hall_not_read(door("D1", 4.05, 1.5)))
    assert m.doors["D1"].connects is None          # not ('R1', 'outside')
    [f] = [f for f in m.findings if f.code == "FP005"]
    assert "inside the building" in f.message and f.rooms == ("R1",)


def test_a_door_in_the_outer_wall_still_opens_to_outside():
    from tests.plans import door

    # the bedroom's bottom wall, y in [-0.1, 0]: beyond it nothing but open ground
    m = measure(_two_rooms_and_a_hall_not_read(door("D1", 2.0, -0.05)))
    assert m.doors["D1"].connects == ("R1", "outside")
    assert not [f for f in m.findings if f.code == "FP005"]


def test_a_cubicle_door_inside_a_washroom_is_no_door_to_outside():
    from tests.plans import door_line, plan, rect

    # a washroom alone on the plan, its cubicle's door drawn as a line across the cubicle's
    # opening at x = 2, inside the room and 0.3 m from its outer wall (y = 0): the room lies
    # on both sides of it, so it joins the washroom to nothing, and certainly not to outside
    p = plan(rect("R1", "Female WC", 0, 0, 3, 2), doors=(door_line("D1", 2.0, 0.3, 2.0, 1.1),),
             scheme="flat")
    m = measure(p)
    assert m.doors["D1"].connects is None          # was ('R1', 'outside')
    [f] = [f for f in m.findings if f.code == "FP005"]
    assert "stands inside R1" in f.message and f.rooms == ("R1",)


def test_a_door_point_well_inside_a_washroom_is_no_door_to_outside():
    from tests.plans import door, plan, rect

    # the door given as a point 0.5 m inside the washroom (more than the 0.4 m reach from
    # every wall): it stands in none of the room's walls
    m = measure(plan(rect("R1", "Female WC", 0, 0, 3, 2), doors=(door("D1", 2.0, 0.5),),
                     scheme="flat"))
    assert m.doors["D1"].connects is None
    [f] = [f for f in m.findings if f.code == "FP005"]
    assert "stands inside R1" in f.message


def test_a_door_in_the_inner_corner_of_an_l_shaped_building_opens_to_outside():
    from tests.plans import door, plan, rect

    # an L: the wing x [0, 10] y [0, 3] and the wing x [0, 3] y [3.1, 10]. The door in the
    # first wing's top wall at x = 7 faces the inner corner: its far side lies inside the
    # rooms' convex hull (x + y = 13 bounds it there), but the notch is 7 m wide, far more
    # than the 3 m a closing of 1.5 m fills, so it is open ground
    m = measure(plan(rect("R1", "Living room", 0, 0, 10, 3), rect("R2", "Bedroom 1", 0, 3.1, 3, 6.9),
                     doors=(door("D1", 7.0, 3.05),), scheme="flat"))
    assert m.doors["D1"].connects == ("R1", "outside")
