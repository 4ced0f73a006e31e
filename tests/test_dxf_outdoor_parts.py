"""Spaces that are outdoors or no floor, though their labels or their linework say little:
a void named on three lines, the parts of a parking bay a car's outline parts
(floorplan/io/dxf/rooms/outdoor.py, floorplan/io/dxf/names/labels.py)."""

from __future__ import annotations

from shapely.geometry import box

from tests.dxf_patterns import Sheet, read, rooms_of, two_room_plan


def test_a_void_named_on_three_lines_is_no_room(tmp_path):
    # 'VOID' / 'LOWER LEVEL' / 'SHOP BELOW.' 0.4 m apart (1.6 text heights): one label of
    # three lines, which would be a note were it not saying its space is a void
    s = Sheet()
    two_room_plan(s, names=("OFFICE", ""))
    s.text("VOID", (5.5, 2.2))
    s.text("LOWER LEVEL", (5.5, 1.8))
    s.text("SHOP BELOW.", (5.5, 1.4))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("OFFICE", "walls", 12.0)]
    assert any(n.startswith("voids") and "VOID LOWER LEVEL SHOP BELOW. (12.0 m²)" in n
               for n in plan.notes)


def bay_plan(s: Sheet, bay: str) -> None:
    """A bay (faces x 0.1-6.1, y 0.1-3.1) and a store east of it (x 6.2-8.2: 2 x 3 = 6 m²),
    a car's outline drawn across the bay from wall face to wall face (x 2.0-3.8: 1.8 x 3 =
    5.4 m²), parting it into x 0.1-2.0 (1.9 x 3 = 5.7 m², labelled ``bay``) and x 3.8-6.1
    (2.3 x 3 = 6.9 m², a stray 'TOILET' written in it)."""
    outer = box(0, 0, 8.3, 3.2)
    s.mass(outer.difference(box(0.1, 0.1, 6.1, 3.1)).difference(box(6.2, 0.1, 8.2, 3.1)))
    s.poly([(2.0, 0.1), (3.8, 0.1), (3.8, 3.1), (2.0, 3.1)], "A-WALL", closed=True)
    s.text(bay, (0.5, 1.5))
    s.text("CAR", (2.6, 1.5))
    s.text("TOILET", (4.3, 1.5))
    s.text("STORE", (6.6, 1.5))


def test_a_car_parts_no_room_off_the_parking_it_stands_in(tmp_path):
    s = Sheet()
    bay_plan(s, "PARKING")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("STORE", "walls", 6.0)]
    said = next(n for n in plan.notes if n.startswith("spaces parted from an outdoor space"))
    assert said.endswith("TOILET (6.9 m²)")


def test_a_car_in_a_garage_parts_what_it_parts(tmp_path):
    # a garage is a room: the car's outline touches no outdoor space, and the two sides of
    # it stay as the walls read them
    s = Sheet()
    bay_plan(s, "GARAGE")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("GARAGE", "walls", 5.7), ("STORE", "walls", 6.0),
                              ("TOILET", "walls", 6.9)]


def test_a_dining_set_drawn_as_a_block_is_furniture_in_the_room(tmp_path):
    # a block named DINING (a 1.2 x 2.0 m table and two 0.4 m chairs) standing free in the
    # west room (x 0.1-4.1, y 0.1-3.1: 12 m²), 'DINING' written on the table: the table is
    # no room, the room keeps its whole floor and both its labels. The walls are on the
    # same layer that says nothing (DETAILS), so all its linework is read as walls
    s = Sheet()
    two_room_plan(s, names=("LIVING", "KITCHEN"), layer="DETAILS")
    b = s.doc.blocks.new("DINING")
    b.add_lwpolyline([(0, 0), (1.2, 0), (1.2, 2.0), (0, 2.0)], close=True)
    for y in (0.3, 1.3):
        b.add_lwpolyline([(-0.5, y), (-0.1, y), (-0.1, y + 0.4), (-0.5, y + 0.4)], close=True)
    s.msp.add_blockref("DINING", (2.4, 0.6), dxfattribs={"layer": "DETAILS"})
    s.text("DINING", (2.8, 1.0))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("KITCHEN", "walls", 12.0), ("LIVING + DINING", "walls", 12.0)]
    assert any(o.kind == "furniture" for o in plan.obstacles)


def test_a_space_whose_only_label_says_what_is_below_is_no_room(tmp_path):
    # the east room (12 m²) says only what one looks down on there: no floor at this level;
    # the west room's own name beats the note about the floor below written beside it
    s = Sheet()
    two_room_plan(s, names=("BEDROOM", ""))
    s.text("STORE BELOW.", (1.5, 1.0))
    s.text("POND & LIVING", (5.5, 2.0))
    s.text("BELOW.", (5.5, 1.6))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    said = next(n for n in plan.notes if n.startswith("spaces whose only labels say"))
    assert said.endswith("POND & LIVING BELOW. (12.0 m²)")


def test_a_small_space_holding_only_a_mark_is_not_kept_for_it():
    # two 0.6 x 0.8 m faces (0.48 m², under a room's size): one labelled 'CLO.', a closet;
    # the other holding only a room's key letter 'O' written in a shower tray's corner
    from floorplan.io.dxf.rooms.cupboards import cupboards

    notes: list[str] = []
    kept = cupboards([box(0, 0, 0.6, 0.8), box(2, 0, 2.6, 0.8), box(4, 0, 4.6, 0.8)],
                     [(0.2, 0.4, "CLO.", 0.15), (2.2, 0.4, "O", 0.15), (4.2, 0.4, "UP", 0.15)],
                     [], notes)
    assert [w.polygon.bounds for w in kept] == [(0.0, 0.0, 0.6, 0.8)]
    assert notes == ["1 spaces under 1.0 m² kept for the labels in them"]
