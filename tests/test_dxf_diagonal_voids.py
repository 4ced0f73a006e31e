"""A space crossed by one line from corner to corner is a void (a light well, a roof of the
floor below), not a room: holdout5's floor2 drew its ten light wells so, the line bent
once (up along a side, then across), and the reader read them as rooms (62.2 and 80.5 m²
at medium). The evidence is weighed: a name beats the line, and so do a door, a second
wall face along the line, a room on its far side, or a size a closet has.

Each drawing is in metres, walls 0.2 m thick drawn as double lines: an office A of
4 x 5 m (x 0.2-4.2, y 0.2-5.2) with a door in its west wall, and beside it, past a 0.2 m
wall, the space V of 5.8 x 5 m = 29 m² (x 4.4-10.2, y 0.2-5.2). Areas by hand."""

from __future__ import annotations

from shapely.geometry import box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read, rooms_of

A = box(0.2, 0.2, 4.2, 5.2)
V = box(4.4, 0.2, 10.2, 5.2)


def sheet(v=V, door_into_v: bool = False) -> Sheet:
    s = Sheet()
    outer = box(0, 0, v.bounds[2] + 0.2, 5.4)
    cut = [box(0, 1.0, 0.2, 1.9)]  # A's door, in its west wall
    if door_into_v:
        cut.append(box(4.2, 3.0, 4.4, 3.9))  # a door from A into V
    s.mass(outer.difference(unary_union([A, v, *cut])))
    s.door((0.0, 1.0), rotation=90, leaf="open", layer="A-DOOR")
    if door_into_v:
        s.door((4.2, 3.0), rotation=90, leaf="open", layer="A-DOOR")
    return s


def void_notes(plan) -> list[str]:
    return [n for n in plan.notes if "marked with a line from corner to corner" in n]


def test_a_space_crossed_by_one_straight_diagonal_is_a_void(tmp_path):
    s = sheet()
    s.line((4.4, 0.2), (10.2, 5.2))  # BL to TR: the two triangles are its halves
    plan = read(s, tmp_path)
    assert [a for *_, a in rooms_of(plan)] == [20.0]  # the office alone
    (note,) = void_notes(plan)
    assert "1 void(s)" in note and "29.0 m² at (7.30, 2.70)" in note


def test_a_bent_diagonal_up_a_side_and_across_is_a_void(tmp_path):
    # floor2's way: from the bottom-left corner up near the west side to (4.9, 4.7), then
    # across to the top-right corner; the sliver beyond it is no room either (its area,
    # between the bend and the corner, is 2.75 m²: no door, a shaft's size)
    s = sheet()
    s.lines([(4.4, 0.2), (4.9, 4.7), (10.2, 5.2)])
    plan = read(s, tmp_path)
    assert [a for *_, a in rooms_of(plan)] == [20.0]
    (note,) = void_notes(plan)
    assert "1 void(s)" in note


def test_a_bare_area_written_in_it_is_no_name(tmp_path):
    s = sheet()
    s.line((4.4, 0.2), (10.2, 5.2))
    s.text("面积：29㎡", (8.5, 1.5))  # an area with no name, as floor2 writes its wells'
    plan = read(s, tmp_path)
    assert len(void_notes(plan)) == 1
    assert [a for *_, a in rooms_of(plan)] == [20.0]


def test_a_name_beats_the_diagonal(tmp_path):
    s = sheet()
    s.line((4.4, 0.2), (10.2, 5.2))
    s.text("STORE", (8.5, 1.5))
    s.text("OFFICE", (2.0, 2.5))
    plan = read(s, tmp_path)
    assert not void_notes(plan)
    assert "STORE" in {r.name for r in plan.rooms}


def test_a_door_into_it_says_room(tmp_path):
    s = sheet(door_into_v=True)
    s.line((4.4, 0.2), (10.2, 5.2))
    assert not void_notes(read(s, tmp_path))


def test_a_closet_with_a_diagonal_is_left_to_the_shafts(tmp_path):
    # the Japanese sign for a storage closet (押入): one diagonal across a small space;
    # 1.8 x 5 m = 9 m² (a long closet) is at most a shaft's size, which this rule leaves
    # to the shafts (they weigh a doorless space by its size; here, with the doors of
    # too few spaces read, they leave its two halves of 4.5 m² as they are)
    closet = box(4.4, 0.2, 6.2, 5.2)
    s = sheet(v=closet)
    s.line((4.4, 0.2), (6.2, 5.2))
    plan = read(s, tmp_path)
    assert not void_notes(plan)
    assert sorted(a for *_, a in rooms_of(plan)) == [4.5, 4.5, 20.0]


def test_a_wall_drawn_aslant_with_both_faces_is_no_diagonal(tmp_path):
    # V cut by a wall running from its bottom-left corner to its top-right, drawn as
    # two parallel faces 0.2 m apart (each face a line, as CAD offsets it): two rooms
    # parted by a wall, not a void
    s = sheet()
    s.line((4.4, 0.2), (10.2, 5.2))
    s.line((4.6, 0.2), (10.2, 0.2 + 5.6 * 5.0 / 5.8))  # the same direction, 0.2 m along x: parallel
    plan = read(s, tmp_path)
    assert not void_notes(plan)
