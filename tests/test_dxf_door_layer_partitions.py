"""Partitions drawn on a door layer, partition layers named by their words, and room numbers
in no room (issue 10: the fifth holdout's office half-floor, whose meeting rooms' partitions
are on 'A-325G - Internal Doors', whose east partitions are on 'A-320G - Permanent Solid
Partitions' and whose offices are numbered G01-02, G03, G04 with no name).

The drawings are in metres; every area is worked by hand from the coordinates.
"""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from floorplan.io.dxf.layers import LayerMap
from floorplan.io.dxf.names.roomnumbers import alone, number_kinds
from floorplan.io.dxf.rooms.sourcechoice import placed
from floorplan.io.dxf.walls.linework import door_layer_posts, partition_bands
from tests.dxf_patterns import Sheet, read, rooms_of

DOORS = "A-325G - Internal Doors 6"


@pytest.mark.parametrize("layer, kind", [
    # the words win over a code that reads as CI/SfB (32) internal doors
    ("A-320G - Permanent Solid Partitions 12", "wall"),
    ("A-320G- Movable Solid Partition 23", "wall"),
    ("I-321G - Movable Glazed Partition 13", "wall"),
    ("Partitions", "wall"), ("A-WALL-PRTN", "wall"),
    ("A-325G - Internal Doors 6", "door"), ("(32) Internal doors", "door"),
    # a virtual partition parts the floor on paper only: no wall
    ("I-321G - Virtual Partition 18", "ignore"),
])
def test_partition_layers_are_wall_layers(layer, kind):
    assert LayerMap().layer_kind(layer) == kind


def _seg(a, b) -> np.ndarray:
    return np.array([a, b], dtype=float)


def test_a_partitions_two_faces_are_a_band_a_leaf_or_a_lone_line_is_not():
    faces = [_seg((0, 0), (0, 3)), _seg((0.1, 0), (0.1, 3))]          # 0.1 m apart, 3 m
    thin = [_seg((2, 0), (2, 1.5)), _seg((2.04, 0), (2.04, 1.5))]      # a leaf, 40 mm
    short = [_seg((4, 0), (4, 1.0)), _seg((4.1, 0), (4.1, 1.0))]       # a frame: 1.0 m
    apart = [_seg((6, 0), (6, 3)), _seg((6.6, 0), (6.6, 3))]           # 0.6 m: two lines
    skew = [_seg((8, 0), (8, 3)), _seg((8.1, 0), (8.4, 3))]            # not parallel
    lone = [_seg((10, 0), (10, 3))]
    assert partition_bands(faces + thin + short + apart + skew + lone) == [0, 1]


def test_a_windows_frame_drawn_in_a_walls_gap_is_no_partition():
    # a wall's two faces y 0 and 0.1, broken over x 1.1-3.1; the frame's lines fill the gap
    # on both faces, each running on from a wall face at both ends
    walls = [_seg((0, 0), (1.1, 0)), _seg((3.1, 0), (4.2, 0)),
             _seg((0, 0.1), (1.1, 0.1)), _seg((3.1, 0.1), (4.2, 0.1))]
    frame = [_seg((1.1, 0), (3.1, 0)), _seg((1.1, 0.1), (3.1, 0.1))]
    assert partition_bands(frame, walls) == []
    assert partition_bands(frame) == [0, 1]  # with no walls to run on from: a band


def test_a_column_drawn_on_the_door_layer_is_a_post_a_leaf_rectangle_is_not():
    def ring(x0, y0, x1, y1):
        c = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
        return [_seg(a, b) for a, b in zip(c[:-1], c[1:], strict=True)]

    column = ring(0, 0, 0.5, 0.45)       # 0.225 m², 0.45 m across
    leaf = ring(2, 0, 2.04, 0.9)         # 0.036 m², 40 mm across
    big = ring(4, 0, 6, 2)               # 4 m²: a space, not a post
    assert door_layer_posts(column + leaf + big) == [0, 1, 2, 3]


def partition_plan(on: str = DOORS) -> Sheet:
    """Two rooms between wall faces x in [0.1, 4.1] and [4.2, 8.2], y in [0.1, 5.1]: the
    outer walls 0.1 m thick on A-WALL, the partition x in [4.1, 4.2] drawn as its two
    faces (two lines) on layer ``on`` from the south wall's face up to y 4.2, where a line
    across closes its end, with a 0.2 x 0.3 m post on it at y in [2.0, 2.3] drawn as four
    lines on the same layer (the faces stop at it; it stands 0.05 m proud of each face),
    the doorway y in [4.2, 5.1] holding a 0.9 m door block on the door layer; each room
    labelled. Each room: 4.0 x 5.0 less the post's 0.05 x 0.3 = 19.985 m²."""
    s = Sheet()
    s.mass(box(0, 0, 8.3, 5.2).difference(box(0.1, 0.1, 8.2, 5.1)))
    for x in (4.1, 4.2):
        s.line((x, 0.1), (x, 2.0), on)
        s.line((x, 2.3), (x, 4.2), on)
    for a, b in (((4.05, 2.0), (4.25, 2.0)), ((4.25, 2.0), (4.25, 2.3)),
                 ((4.25, 2.3), (4.05, 2.3)), ((4.05, 2.3), (4.05, 2.0))):
        s.line(a, b, on)
    s.line((4.1, 4.2), (4.2, 4.2), on)
    s.door((4.1, 4.2), rotation=90, width=0.9, layer=DOORS)
    s.text("OFFICE", (2.0, 2.5))
    s.text("MEETING ROOM", (6.0, 2.5))
    return s


def test_a_partition_drawn_on_the_door_layer_parts_the_rooms(tmp_path):
    plan = read(partition_plan(), tmp_path)
    assert [(n, a) for n, _how, a in rooms_of(plan)] == [("MEETING ROOM", 19.985), ("OFFICE", 19.985)]
    notes = " ".join(plan.notes)
    assert "5 line(s) on door layers read as wall: they run in pairs" in notes
    assert "4 line(s) on door layers read as wall: they close outlines of a column's" in notes
    assert len(plan.doors) == 1


def test_a_partition_layer_whose_code_reads_as_doors_parts_the_rooms(tmp_path):
    plan = read(partition_plan(on="A-320G - Permanent Solid Partitions 12"), tmp_path)
    assert [(n, a) for n, _how, a in rooms_of(plan)] == [("MEETING ROOM", 19.985), ("OFFICE", 19.985)]


def test_room_numbers_are_of_a_kind_that_stands_clear_of_the_doors():
    rooms = [(2.0 + 4 * k, 2.0, f"G0{k + 1}", 0.25, "MISK.Text") for k in range(3)]
    doors = np.array([(4.1 + 4 * k, 1.1) for k in range(3)])
    door_tags = [(4.3 + 4 * k, 1.3, f"D0{k + 1}", 0.2, "DOOR-TAGS") for k in range(3)]
    two = [(2.0, 5.0, "B01", 0.25, "OTHER"), (6.0, 5.0, "B02", 0.25, "OTHER")]
    assert number_kinds(rooms + door_tags + two, doors) == {"MISK.Text": [0.25]}


def test_two_room_numbers_in_one_space_place_neither_two_names_may():
    spaces = [box(0, 0, 4, 3), box(4, 0, 8, 3), box(8, 0, 12, 3)]
    labels = [(1, 1, "G01", "number"), (3, 1, "G02", "number"), (6, 1, "G03", "number"),
              (9, 1, "KITCHEN"), (11, 1, "DINING"), (14, 1, "G04", "number")]
    assert placed(spaces, labels) == 3  # G03, KITCHEN, DINING


def test_a_number_beside_a_name_is_its_tag_not_a_number_alone():
    t = [(2.0, 2.0, "G01", 0.25, "T"), (6.0, 2.0, "G02", 0.25, "T"), (10.0, 2.0, "G03", 0.25, "T"),
         (6.0, 2.5, "OFFICE", 0.25, "T")]
    assert alone(t, {"T": [0.25]}) == [0, 2]


def numbered_plan(kind_of_g03: tuple[str, float] = ("MISK.Text", 0.25)) -> Sheet:
    """Three offices numbered G01, G02, G03 (no names) between wall faces y in [0.1, 3.1]
    and x in [0.1, 4.1], [4.2, 8.2] and from 8.3 east: the drawing is cut through G03,
    whose north and south walls run on to x 14.4 and stop (no east wall; a core's wall
    stands at x 16.0, y in [1.0, 2.2], open ground 1.6 m beyond the cut), so no room is
    read there; doors between G01 and G02 and between G02 and G03. G03's number is written
    as ``kind_of_g03`` says (layer, height), the others on MISK.Text, 0.25 m high."""
    s = Sheet()
    walls = box(0, 0, 14.4, 3.2).difference(box(0.1, 0.1, 14.5, 3.1))
    for x in (4.1, 8.2):
        walls = walls.union(box(x, 0.1, x + 0.1, 1.1)).union(box(x, 2.0, x + 0.1, 3.1))
    s.mass(walls)
    s.mass(box(16.0, 1.0, 16.1, 2.2))
    s.door((4.1, 1.1), rotation=90)
    s.door((8.2, 1.1), rotation=90)
    s.text("G01", (2.0, 1.6), layer="MISK.Text")
    s.text("G02", (6.0, 1.6), layer="MISK.Text")
    s.text("G03", (10.0, 1.6), layer=kind_of_g03[0], height=kind_of_g03[1])
    return s


def test_a_room_number_in_no_room_is_said(tmp_path):
    plan = read(numbered_plan(), tmp_path)
    assert len(plan.rooms) == 2  # G03, open along the cut, is not read...
    lost = [f for f in plan.findings if f.code == "FP010"]
    # ...and its number says so
    assert [f.label for f in lost] == ["G03"]
    assert "the room number 'G03' at (10.00, 1.60) m lies in no room" in lost[0].message


def test_a_number_of_another_kind_in_no_room_is_not_a_room_number(tmp_path):
    # written larger, on another layer: not one of the series that numbers the rooms
    # (and G01, G02 alone are too few to be one)
    plan = read(numbered_plan(("NOTES", 0.5)), tmp_path)
    assert len(plan.rooms) == 2
    assert [f for f in plan.findings if f.code == "FP010"] == []


def test_a_room_number_written_just_off_its_unnamed_room_is_not_lost(tmp_path):
    # G03's room closed by an east wall (x in [12.3, 12.4]) and read, its number written in
    # the north wall's band (y 3.15, 0.05 m off the room): the room's, not a lost room's
    s = numbered_plan(("NOTES", 0.5))
    s.mass(box(12.3, 0.1, 12.4, 3.1))
    s.text("G03", (10.0, 3.15), layer="MISK.Text")
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 3
    assert [f for f in plan.findings if f.code == "FP010"] == []


def test_only_linework_that_may_part_rooms_is_tried_as_walls():
    from floorplan.io.dxf.rooms.sourcechoice import _may_part

    walls = [np.array([(0, 0), (10, 0), (10, 6), (0, 6), (0, 0)], dtype=float)]
    partition = [_seg((4, 0), (4, 6))]                     # ends on the outer wall
    boxes = [np.array([(1, 1), (2.2, 1), (2.2, 1.5), (1, 1.5), (1, 1)], dtype=float)]  # 0.6 m²
    pen = [np.array([(20, 0), (24, 0), (24, 3), (20, 3), (20, 0)], dtype=float)]  # 12 m² alone
    assert _may_part(partition, walls)
    assert not _may_part(boxes, walls)
    assert _may_part(pen, walls)


def meeting_room_plan() -> Sheet:
    """An office, wall faces x in [0.1, 8.2], y in [0.1, 5.1] (outer walls 0.1 m thick on
    A-WALL), with a meeting room in its north-east corner, x in [6.0, 8.2], y in [3.1, 5.1]:
    its west wall x in [5.9, 6.0] from the north wall down to y 3.0 on A-WALL, its south
    side a 0.9 m door block (hinge (6.0, 3.0)) and then a stub of partition on the door
    layer to the east wall, its two faces y 3.0 (x 6.9 to 8.2: 1.3 m) and y 3.1 (x 7.0 to
    8.2: 1.2 m, no longer than a leaf) and a line across its end from one to the other."""
    s = Sheet()
    s.mass(box(0, 0, 8.3, 5.2).difference(box(0.1, 0.1, 8.2, 5.1)))
    s.mass(box(5.9, 3.0, 6.0, 5.1))
    s.line((6.9, 3.0), (8.2, 3.0), DOORS)
    s.line((7.0, 3.1), (8.2, 3.1), DOORS)
    s.line((6.9, 3.0), (7.0, 3.1), DOORS)
    s.door((6.0, 3.0), rotation=0, width=0.9, layer=DOORS)
    s.text("OFFICE", (3.0, 1.5))
    s.text("MEETING ROOM", (7.1, 4.1))
    return s


def test_a_partition_stub_whose_face_on_the_doors_side_is_a_leafs_length_parts_the_room(tmp_path):
    # the stub's faces are 1.3 and 1.2 m: one no longer than a leaf (1.2 m), but the two
    # are beside each other over the whole of the shorter, 92 % of the longer: one piece of
    # wall. The meeting room 2.2 x 2.0 = 4.40 m² between its wall faces; the office
    # 8.1 x 5.0 = 40.5 less the meeting room with its walls (x 5.9-8.2, y 3.0-5.1: 4.83 m²)
    # = 35.67 m². (The doorway's 0.9 x 0.1 m reveal and the stub's end, 0.01 m², go to one
    # side or the other as the door is sealed: 0.1 m² either way.)
    rooms = {n: a for n, _how, a in rooms_of(read(meeting_room_plan(), tmp_path))}
    assert set(rooms) == {"OFFICE", "MEETING ROOM"}
    assert rooms["MEETING ROOM"] == pytest.approx(4.40, abs=0.1)
    assert rooms["OFFICE"] == pytest.approx(35.67, abs=0.1)


def test_a_short_line_beside_a_partition_is_not_its_other_face():
    # a 3 m partition face with a 0.9 m line 0.1 m beside it (a sliding leaf, a frame):
    # beside it over 30 % of the longer, no face of the same piece of wall
    part = [_seg((0, 0), (3, 0)), _seg((1.0, 0.1), (1.9, 0.1))]
    stub = [_seg((5, 0), (6.3, 0)), _seg((5.1, 0.1), (6.3, 0.1))]   # 1.3 and 1.2 m
    assert partition_bands(part + stub) == [2, 3]
