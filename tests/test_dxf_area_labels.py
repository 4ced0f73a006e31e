"""A written area figure standing in a space labels it (floorplan/io/dxf/rooms/wallrooms.py
``_unlabelled``): in a drawing that labels its rooms, a space in the walls holding no text
at all is doubted (it may be a wall mass, a duct or a void drawn closed), but a space whose
only text is its written area ('12.00 m2') is a room the drawing speaks of.

Built in code (tests/dxf_patterns.py two_room_plan, metres): two rooms of 4 x 3 m = 12 m²,
x 0.1..4.1 and 4.2..8.2, y 0.1..3.1, a door in the partition; BEDROOM named in the west
room, the east room holding nothing, or only its written area.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, two_room_plan


def _east(plan):
    return next(r for r in plan.rooms if r.polygon.centroid.x > 4.2)


def test_a_space_with_no_text_in_a_labelled_drawing_is_doubted(tmp_path):
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("BEDROOM", (1.5, 2.0))
    plan = read(s, tmp_path)
    east = _east(plan)
    assert round(east.polygon.area, 4) == 12.0
    assert east.confidence == "medium" and "no label in it" in east.confidence_reason


def test_a_space_holding_only_its_written_area_is_not_doubted_as_unlabelled(tmp_path):
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("BEDROOM", (1.5, 2.0))
    s.text("12.00 m2", (6.1, 2.0))
    plan = read(s, tmp_path)
    east = _east(plan)
    assert round(east.polygon.area, 4) == 12.0
    assert "no label in it" not in east.confidence_reason
    assert east.confidence == "high"
