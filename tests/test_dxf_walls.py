"""Rooms from wall linework, one synthetic drawing per way walls are drawn.

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from tests.dxf_patterns import Sheet, read, rooms_of, two_rooms_mass


def labelled(s: Sheet, a="BEDROOM", b="KITCHEN", t=0.1):
    s.text(a, (1.5, 2.0))
    s.text(b, (6.0 + t, 2.0))


# --------------------------------------------------------------------- single-line walls

def single_line_rooms(s: Sheet, gap=(1.0, 1.9)):
    """Walls as single lines: an 8 x 3 rectangle, a partition at x = 4 broken at y in
    ``gap``."""
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.line((4, 0), (4, gap[0]))
    s.line((4, gap[1]), (4, 3))


def test_single_lines_with_a_bare_gap_are_closed(tmp_path):
    s = Sheet()
    single_line_rooms(s)
    labelled(s, t=0)
    plan = read(s, tmp_path)
    # the 0.9 m gap in the partition is bridged along it: two rooms of 4 x 3
    assert rooms_of(plan) == [("BEDROOM", "walls_closed", 12.0), ("KITCHEN", "walls_closed", 12.0)]
    assert {r.confidence for r in plan.rooms} == {"medium"}
    assert all("0.90 m gap at (4.00, 1.45)" in r.confidence_reason for r in plan.rooms)
    (d,) = plan.doors
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.0, 1.45, 0.9))


def test_single_lines_sealed_by_a_loose_swing(tmp_path):
    s = Sheet()
    single_line_rooms(s)
    # hinge (4, 1.0), closed leaf up the wall line to (4, 1.9), open leaf into room A
    s.swing((4, 1.0), (4, 1.9), (3.1, 1.0))
    labelled(s, t=0)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert {r.confidence for r in plan.rooms} == {"high"}
    assert len(plan.doors) == 1


def test_single_lines_wall_stopping_short_of_the_next(tmp_path):
    s = Sheet()
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.line((4, 3), (4, 0.8))  # stops 0.8 m short of the bottom wall: a doorway
    labelled(s, t=0)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls_closed", 12.0), ("KITCHEN", "walls_closed", 12.0)]


def test_single_line_window_wider_than_a_door(tmp_path):
    s = Sheet()
    # bottom wall broken for a 1.6 m window (x 1.0 to 2.6) with glazing 4 cm either side
    s.poly([(1.0, 0), (0, 0), (0, 3), (4, 3), (4, 0), (2.6, 0)])
    s.line((1.0, 0.04), (2.6, 0.04), "A-GLAZ")
    s.line((1.0, -0.04), (2.6, -0.04), "A-GLAZ")
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert plan.doors == ()


# --------------------------------------------------------------------- double-line walls

@pytest.mark.parametrize("how", ["lines", "outline"])
def test_double_lines_with_jambs_and_a_door_block(tmp_path, how):
    s = Sheet()
    s.mass(two_rooms_mass(), how=how)
    # hinge on the partition's left face at the opening's foot, leaf open into room A
    s.door((4.1, 1.1), rotation=90, leaf="open")
    labelled(s)
    plan = read(s, tmp_path)
    # each room is its wall faces, 4 x 3, the opening sealed along both faces
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert len(plan.doors) == 1


@pytest.mark.parametrize("how", ["lines", "outline"])
def test_double_lines_with_a_bare_opening(tmp_path, how):
    s = Sheet()
    s.mass(two_rooms_mass(), how=how)
    labelled(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    (d,) = plan.doors
    # the middle of the opening: x on the partition's centre line, y half way up it
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.15, 1.55, 0.9))
    assert d.properties["from"] == "opening"


def test_double_lines_without_jambs_and_a_door_block(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass(), how="nojambs", jamb=0.2)
    s.door((4.1, 1.1), rotation=90, leaf="open")
    labelled(s)
    plan = read(s, tmp_path)
    # both faces bridged across the door: the gap holds a door symbol, so "walls"
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]


def test_double_lines_without_jambs_or_door_are_closed(tmp_path):
    s = Sheet()
    s.mass(two_rooms_mass(), how="nojambs", jamb=0.2)
    labelled(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls_closed", 12.0), ("KITCHEN", "walls_closed", 12.0)]


def test_double_line_window_with_glazing(tmp_path):
    s = Sheet()
    # one room, faces x 0.1-4.1, y 0.1-3.1; a 1.8 m window in the bottom wall (x 1.1-2.9)
    mass = box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(1.1, 0, 2.9, 0.1))
    s.mass(mass)
    for y in (0.033, 0.067):
        s.line((1.1, y), (2.9, y), "A-GLAZ")
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert plan.doors == ()


def test_millimetre_double_lines(tmp_path):
    s = Sheet(insunits=4, scale=1000)
    s.mass(two_rooms_mass())
    s.door((4.1, 1.1), rotation=90, leaf="open")
    labelled(s)
    plan = read(s, tmp_path)
    assert plan.meta.units == "mm"
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]


# --------------------------------------------------------------------- labels decide

def test_label_in_no_room_seeds_the_smallest_closing(tmp_path):
    s = Sheet()
    # a 4 x 3 room whose top-right corner is left open: the top wall stops at x = 3.4, the
    # right wall at y = 2.4. Neither end faces the other; the label asks for a closing,
    # the diagonal (3.4, 3)-(4, 2.4): 12 - 0.6 x 0.6 / 2 = 11.82 m²
    s.poly([(4, 2.4), (4, 0), (0, 0), (0, 3), (3.4, 3)])
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "label_seeded", 11.82)]
    (r,) = plan.rooms
    assert r.confidence == "low" and "BEDROOM" in r.confidence_reason


def test_label_with_no_space_is_a_finding(tmp_path):
    s = Sheet()
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.text("BEDROOM", (1.5, 1.5))
    s.poly([(7, 0.5), (5, 0.5), (5, 3), (7, 3)])  # a store whose right side is 2.5 m open
    s.text("STORE", (5.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    (f,) = [f for f in plan.findings if "STORE" in f.message]
    assert f.code == "FP010" and "(5.50, 1.50)" in f.message


def test_two_labels_split_by_a_closing(tmp_path):
    s = Sheet()
    # an 8 x 3 space; the partition comes down from the top wall to (4, 1.5), a stub
    # rises from the bottom wall at x = 4.6 to y = 0.9: no end faces the other. The
    # closing (4, 1.5)-(4.6, 0.9) parts the labels: the left room gains the trapezoid
    # x 4-4.6 under it, 0.6 x (1.5 + 0.9) / 2 = 0.72 m², so 12.72 and 24 - 12.72 = 11.28
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.line((4, 3), (4, 1.5))
    s.line((4.6, 0), (4.6, 0.9))
    s.text("BEDROOM", (1.5, 2.0))
    s.text("STUDY", (6.0, 2.0))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "label_seeded", 12.72), ("STUDY", "label_seeded", 11.28)]


def test_two_labels_no_wall_can_part_are_one_room_and_a_finding(tmp_path):
    s = Sheet()
    s.poly([(0, 0), (6, 0), (6, 3), (0, 3)], closed=True)
    s.text("BEDROOM", (1.0, 2.0))
    s.text("BATHROOM", (4.0, 1.0))
    plan = read(s, tmp_path)
    (r,) = plan.rooms
    assert (r.name, round(r.polygon.area, 4), r.confidence) == ("BEDROOM / BATHROOM", 18.0, "low")
    assert any(f.code == "FP009" and "BEDROOM" in f.message and "BATHROOM" in f.message
               for f in plan.findings)


def test_open_plan_labels_are_one_room(tmp_path):
    s = Sheet()
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.text("KITCHEN", (1.0, 2.0))
    s.text("LIVING AREA", (5.0, 1.0))
    plan = read(s, tmp_path)
    (r,) = plan.rooms
    assert round(r.polygon.area, 4) == 24.0 and r.confidence == "high"
    assert not any(f.code in ("FP001", "FP009") for f in plan.findings)


def test_door_leaf_short_of_its_jambs_by_the_frames_still_seals(tmp_path):
    # the partition's opening runs from the floor edge (y = 0.1) up to its capped end at
    # y = 1.1: 1.0 m; the door block's leaf is 0.8 m, hinged 0.1 m above the floor edge,
    # so its closed leaf on the partition's left face (x = 4.1) stops 0.1 m short of the
    # wall at both ends (the frames, drawn with the door or not at all). Nothing in the
    # wall linework has a free end to close across, so only the leaf can seal it (the floor
    # edge is one line, simplify(0) dropping its vertices at the partition: no jamb there).
    s = Sheet()
    s.mass(two_rooms_mass(door=(0.0, 1.0)).simplify(0))
    s.door((4.1, 0.2), rotation=90, width=0.8, leaf="open")
    labelled(s)
    plan = read(s, tmp_path)
    # each room 4 x 3 between its wall faces, sealed by the door (not closed across a gap
    # nothing sealed, medium confidence); the 0.1 x 1.0 reveal is wall band
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert len(plan.doors) == 1
