"""Rooms from wall linework that does not close, on drawings laid out as real ones are
(issue 10, item 1): other layers drawn over the walls, windows on a layer of their own,
a hall that opens into a room with no door and no free wall end.

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from tests.dxf_patterns import Sheet, read, rooms_of, two_room_plan


def one_room_mass():
    """One room between wall faces x 0.1-4.1, y 0.1-3.1 (12 m²), walls 0.1 thick."""
    return box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1))


def test_wall_layers_beat_outlines_on_layers_that_say_nothing(tmp_path):
    s = Sheet()
    two_room_plan(s)  # two rooms of 12 m² on A-WALL, a door block between them
    # a 1 x 1 m header outline inside the bedroom, on a layer that says nothing: were it
    # taken as a room (it is the only closed outline), the plan would hold one 1 m² room
    s.poly([(1, 0.5), (2, 0.5), (2, 1.5), (1, 1.5)], "A-HEADER", closed=True)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert any("set aside: the wall layers enclose rooms" in n for n in plan.notes)


def test_frozen_layers_and_foundations_are_not_walls(tmp_path):
    s = Sheet()
    s.mass(one_room_mass())
    # a stem wall drawn 5 cm inside the wall face: read as a wall it would give a room of
    # 3.9 x 2.9 = 11.31 m²
    s.poly([(0.15, 0.15), (4.05, 0.15), (4.05, 3.05), (0.15, 3.05)], "S-STEM-WALL", closed=True)
    # a wall on a frozen layer across the middle: read, it would part two rooms of 6 m²
    s.doc.layers.add("A-WALL-DEMO").freeze()
    s.line((2.1, 0.1), (2.1, 3.1), "A-WALL-DEMO")
    s.text("BEDROOM", (1.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    (note,) = [n for n in plan.notes if n.startswith("linework not read as walls")]
    assert "A-WALL-DEMO (frozen or off)" in note and "S-STEM-WALL (foundations or roof)" in note


def test_window_glazed_on_an_opening_layer_seals_a_wide_gap(tmp_path):
    s = Sheet()
    # single-line walls round a 4 x 3 room, a 1.8 m window in the bottom wall (x 1.1-2.9)
    # drawn as two thin lines on A-OPENING (a layer that says nothing): wider than any
    # gap closed on its own (1.2 m), sealed by its glazing
    s.poly([(2.9, 0), (4, 0), (4, 3), (0, 3), (0, 0), (1.1, 0)])
    for y in (-0.03, 0.03):
        s.line((1.1, y), (2.9, y), "A-OPENING")
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert plan.rooms[0].confidence == "high"
    assert plan.doors == ()


def test_window_on_an_opening_layer_needed_to_close(tmp_path):
    s = Sheet()
    # the same room with no glazing drawn, a closed 3 x 3 m store beside it: the 1.8 m gap
    # stays open, the label finds no space a closing of 1.2 m encloses, and says so
    s.poly([(2.9, 0), (4, 0), (4, 3), (0, 3), (0, 0), (1.1, 0)])
    s.poly([(4, 0), (7, 0), (7, 3), (4, 3)], closed=True)
    s.text("BEDROOM", (3.0, 1.5))
    s.text("STORE", (5.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("STORE", "walls", 9.0)]
    assert any(f.code == "FP010" and "BEDROOM" in f.message and "(3.00, 1.50)" in f.message
               for f in plan.findings)


def hall_plan(s: Sheet) -> None:
    """Double-line walls 0.1 thick round x 0-8.2, y 0-4.2 (faces x 0.1-8.1, y 0.1-4.1). A
    bedroom in the north-west corner (faces x 0.1-4.1, y 1.2-4.1: 4 x 2.9 = 11.6 m²), its
    walls x 0.1-4.2 at y 1.1-1.2 and x 4.1-4.2 at y 1.1-4.1. Below it a hall (y 0.1-1.1)
    that opens east into the living room with no door, no jambs and no free wall end: the
    bedroom's wall corner (4.2, 1.1) stands 1.0 m above the outer wall's face."""
    mass = (box(0, 0, 8.2, 4.2).difference(box(0.1, 0.1, 8.1, 4.1))
            .union(box(0.1, 1.1, 4.2, 1.2)).union(box(4.1, 1.1, 4.2, 4.1)))
    s.mass(mass)
    s.text("BEDROOM", (2.0, 2.5))


def test_hall_opening_into_a_room_is_parted_at_its_mouth(tmp_path):
    s = Sheet()
    hall_plan(s)
    s.text("HALL", (2.0, 0.5))
    s.text("LIVING ROOM", (6.0, 2.5))
    plan = read(s, tmp_path)
    # parted by the line (4.2, 1.1)-(4.2, 0.1) across the hall's mouth: the hall is
    # x 0.1-4.2 by y 0.1-1.1 = 4.1 m², the living room x 4.2-8.1 by y 0.1-4.1 = 15.6 m²
    assert rooms_of(plan) == [("BEDROOM", "walls", 11.6), ("HALL", "label_seeded", 4.1),
                              ("LIVING ROOM", "label_seeded", 15.6)]
    by = {r.name: r for r in plan.rooms}
    assert by["BEDROOM"].confidence == "high"
    for name in ("HALL", "LIVING ROOM"):
        assert by[name].confidence == "medium"
        assert "narrowest openings" in by[name].confidence_reason


def test_open_plan_labels_are_not_parted_at_a_mouth(tmp_path):
    s = Sheet()
    hall_plan(s)
    # KITCHEN and DINING name parts of one open-plan space: the same mouth parts nothing
    s.text("KITCHEN", (2.0, 0.5))
    s.text("DINING", (6.0, 2.5))
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [11.6, 19.7]


def test_rooms_in_linework_on_layers_that_say_nothing_are_not_confident(tmp_path):
    s = Sheet()
    s.mass(one_room_mass(), layer="4_frame")
    s.text("BEDROOM", (1.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    (r,) = plan.rooms
    assert r.confidence == "medium"
    assert "layers that do not say wall" in r.confidence_reason


def test_door_swing_drawn_on_the_wall_layer_seals_its_gap(tmp_path):
    s = Sheet()
    # single-line walls round a 4 x 3 room, a 0.9 m doorway in the bottom wall (x 1.0-1.9)
    # and its swing drawn on the wall layer: hinge (1.0, 0), open leaf up to (1.0, 0.9),
    # the arc from the closed leaf's end (1.9, 0). Read as walls, the arc would cut a
    # quarter disc of pi x 0.9² / 4 = 0.64 m² out of the room; sealed from the hinge to
    # the closed leaf's end, the room is the full 12 m²
    s.poly([(1.9, 0), (4, 0), (4, 3), (0, 3), (0, 0), (1.0, 0)])
    s.swing((1.0, 0), (1.9, 0), (1.0, 0.9), layer="A-WALL")
    s.text("BEDROOM", (2.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]


def pinched_mass():
    """:func:`two_rooms_mass` with no opening cut in the partition: instead the partition
    (x 4.1-4.2) stops at y = 1.0, 0.9 m above the bottom wall's face (y = 0.1), its end
    capped. Rooms x 0.1-4.1 and x 4.2-8.2, y 0.1-3.1: 12 m² each."""
    return (box(0, 0, 8.3, 3.2).difference(box(0.1, 0.1, 8.2, 3.1))
            .union(box(4.1, 1.0, 4.2, 3.1)))


def test_capped_wall_stopping_short_parts_two_rooms(tmp_path):
    s = Sheet()
    s.mass(pinched_mass())  # no free line end, no jambs facing each other, no label
    plan = read(s, tmp_path)
    # parted along both faces of the partition, the 0.1 x 0.9 reveal between left out
    assert rooms_of(plan) == [("", "walls_closed", 12.0), ("", "walls_closed", 12.0)]
    assert {r.confidence for r in plan.rooms} == {"medium"}
    assert all("0.90 m gap" in r.confidence_reason for r in plan.rooms)
    (d,) = plan.doors
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.15, 0.55, 0.9))


def test_a_corridor_mouth_is_not_a_doorway(tmp_path):
    s = Sheet()
    hall_plan(s)  # the hall opens into the living room; no label says they differ
    plan = read(s, tmp_path)
    # narrow on the hall's side of its mouth: a corridor running on, not a doorway
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [11.6, 19.7]


def test_a_space_without_a_label_in_a_labelled_plan_is_not_confident(tmp_path):
    s = Sheet()
    # an 8 x 3 rectangle of single lines parted at x = 4 by a full partition: two closed
    # rooms of 12 m²; only the left one is labelled
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.line((4, 0), (4, 3))
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("", "walls", 12.0), ("BEDROOM", "walls", 12.0)]
    by = {r.name: r for r in plan.rooms}
    assert by["BEDROOM"].confidence == "high"
    assert by[""].confidence == "medium" and "no label in it" in by[""].confidence_reason


def capped_corner(s: Sheet) -> None:
    """The outline of the wall mass of a 4 x 3 room (faces x 0.1-4.1, y 0.1-3.1) in walls
    0.1 thick, one closed polyline; the bottom wall stops at x = 3.1, its end capped, 1.0 m
    short of the right wall, whose face runs on unbroken to y = 0."""
    s.poly([(0, 0), (3.1, 0), (3.1, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0),
            (4.2, 0), (4.2, 3.2), (0, 3.2)], closed=True)


def test_label_seeds_a_closing_of_the_wall_band(tmp_path):
    s = Sheet()
    # a 4 x 3 room in double-line walls 0.1 thick; the bottom wall stops 1.0 m short of
    # the right wall, its end capped: no free end, no jambs facing each other. Closing the
    # wall band by 0.5 m fills the gap with a block of the wall's thickness; the room runs
    # along the bottom wall's face across it: 4 x 3 = 12 m²
    capped_corner(s)
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "label_seeded", 12.0)]
    (r,) = plan.rooms
    assert r.confidence == "low" and "'BEDROOM'" in r.confidence_reason


def test_no_label_no_closing_of_the_wall_band(tmp_path):
    s = Sheet()
    # the same room unlabelled: nothing asks for the gap to be closed, no room is made
    capped_corner(s)
    plan = read(s, tmp_path, require_rooms=False)
    assert plan.rooms == ()


def test_a_wall_band_run_into_a_room_is_cut_away(tmp_path):
    s = Sheet()
    # a 6 x 3 room (faces x 0.1-6.1, y 0.1-3.1) in a 0.1 m wall drawn as its two faces;
    # the inner face of the bottom wall breaks off for 4.5 m (x 0.8-5.3), wider than any
    # gap closed or glazed: the wall's band (6.2 x 3.2 - 6 x 3 = 1.84 m² between the faces)
    # runs into the room. Cut away, the room is the 18 m² inside the inner faces and the
    # 4.5 x 0.1 m of the wall's thickness where its face is missing (nothing says where
    # the face ran there): 18.45 m², and not a confident room
    s.poly([(0, 0), (6.2, 0), (6.2, 3.2), (0, 3.2)], closed=True)
    s.poly([(5.3, 0.1), (6.1, 0.1), (6.1, 3.1), (0.1, 3.1), (0.1, 0.1), (0.8, 0.1)])
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls_closed", 18.45)]
    (r,) = plan.rooms
    assert r.confidence == "medium" and "wall band" in r.confidence_reason


def test_a_cupboard_under_a_rooms_size_is_kept_for_its_label(tmp_path):
    s = Sheet()
    # single-line walls: a 4 x 3 bedroom and, beside it, a 0.8 x 0.9 m cupboard (0.72 m²,
    # under the 1 m² of a room) labelled CPD. in 0.1 m text (about 0.1 x 0.24 m: a
    # fraction of it). The bedroom's label sits in a 1.7 x 0.4 m box drawn tight round it
    # (0.68 m²; BEDROOM in 0.25 m text is about 0.25 x 1.05 m: most of it): a label box
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.poly([(4, 0), (4.8, 0), (4.8, 0.9), (4, 0.9)], closed=True)
    s.text("CPD.", (4.2, 0.4), height=0.1)
    s.poly([(1.0, 0.5), (2.7, 0.5), (2.7, 0.9), (1.0, 0.9)], closed=True)
    s.text("BEDROOM", (1.1, 0.6), height=0.25)
    plan = read(s, tmp_path)
    # the label box is no wall: the bedroom keeps its 12 m²
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("CPD.", "walls", 0.72)]
    cpd = next(r for r in plan.rooms if r.name == "CPD.")
    assert cpd.confidence == "medium" and "under a room's size" in cpd.confidence_reason



def test_outlines_on_a_frozen_layer_are_not_rooms(tmp_path):
    s = Sheet()
    # the plan: a 4 x 3 room outline on A-AREA; an earlier layout kept under it on a
    # frozen room layer: a 3 x 3 outline overlapping it, which is not shown
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], "A-AREA", closed=True)
    s.doc.layers.add("OLD-A-AREA").freeze()
    s.poly([(2, 0), (5, 0), (5, 3), (2, 3)], "OLD-A-AREA", closed=True)
    s.text("BEDROOM", (1.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "outline", 12.0)]
    assert any("frozen or switched-off layers left out: OLD-A-AREA" in n for n in plan.notes)


def test_door_in_a_partition_drawn_as_its_outline(tmp_path):
    s = Sheet()
    # single-line walls round 8 x 3; a partition 0.1 thick (x 4.0-4.1) drawn as its four
    # sides from y 0.9 up to y 2.97, 30 mm short of the top wall (no free end: joined to
    # it all the same); a door hung at (4.0, 0) on the bottom wall, its closed leaf up the
    # partition's west face to (4.0, 0.9). Each room runs along its own face of the
    # partition across the doorway: 4.0 x 3 = 12 m² and 3.9 x 3 = 11.7 m², the doorway's
    # reveal (0.1 x 0.9) in neither
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.lines([(4.0, 0.9), (4.1, 0.9), (4.1, 2.97), (4.0, 2.97), (4.0, 0.9)])
    s.swing((4.0, 0), (4.0, 0.9), (3.1, 0))
    s.text("BEDROOM", (1.5, 1.5))
    s.text("STUDY", (6.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("STUDY", "walls", 11.7)]
