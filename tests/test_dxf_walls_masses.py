"""Wall masses and window symbols: spaces that are solid, and gaps a window fills
(issue 10, item 1).

A pier or chimney breast drawn as one closed outline on the wall layer encloses a face as
a room's walls do; with no label and no way in (no door, opening or gap of a door's
width) it is solid, not a room. A window drawn on a door-and-window layer fills its gap
when the walls around a room label are closed.

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from floorplan.errors import PlanReadError
from tests.dxf_patterns import Sheet, read, rooms_of


def living_room(s: Sheet) -> None:
    """A living room between wall faces x 0.1-6.1, y 0.1-4.1 (24 m²), walls 0.1 thick as
    double lines, labelled."""
    s.mass(box(0, 0, 6.2, 4.2).difference(box(0.1, 0.1, 6.1, 4.1)))
    s.text("LIVING ROOM", (4.5, 1.5))


def test_a_chimney_breast_drawn_closed_is_no_room(tmp_path):
    s = Sheet()
    living_room(s)
    # a chimney breast against the north wall: x 2-3.5, y 2.9-4.1, 1.5 x 1.2 = 1.8 m²
    s.poly([(2, 2.9), (3.5, 2.9), (3.5, 4.1), (2, 4.1)], closed=True)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("LIVING ROOM", "walls", 22.2)]  # 24 - 1.8
    assert any("no way in" in n and "1.8 m²" in n for n in plan.notes)


def test_an_unlabelled_cupboard_with_a_doorway_is_kept(tmp_path):
    s = Sheet()
    living_room(s)
    # the same outline, its front open over x 2.35-3.15 (0.8 m: a door's width)
    s.lines([(2.35, 2.9), (2, 2.9), (2, 4.1)])
    s.lines([(3.15, 2.9), (3.5, 2.9), (3.5, 4.1)])
    plan = read(s, tmp_path)
    # the gap closed across the doorway parts the cupboard from the room
    assert rooms_of(plan) == [("", "walls_closed", 1.8), ("LIVING ROOM", "walls_closed", 22.2)]


def test_a_label_in_no_room_is_closed_round_with_the_window_symbol(tmp_path):
    s = Sheet()
    # a bedroom between wall faces x 0.1-4.1, y 0.1-3.1 (12 m²), its walls one closed
    # outline of their mass with a 2.0 m gap in the south wall (x 1.1-3.1): wider than any
    # gap closed on its own, and no free end to bridge from
    mass = box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(1.1, 0, 3.1, 0.1))
    s.mass(mass, how="outline")
    # the window in the gap, on a layer for doors and windows: its frame on both faces
    # and the glass between
    for y in (0.0, 0.05, 0.1):
        s.line((1.1, y), (3.1, y), "A-DOOR-WINDOW")
    s.text("BEDROOM", (2.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "label_seeded", 12.0)]
    assert plan.rooms[0].confidence == "low"


def test_without_the_window_the_label_finds_no_room(tmp_path):
    s = Sheet()
    mass = box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(1.1, 0, 3.1, 0.1))
    s.mass(mass, how="outline")
    s.text("BEDROOM", (2.0, 1.5))
    with pytest.raises(PlanReadError, match="no rooms found"):
        read(s, tmp_path)


def _bench_plan(s: Sheet, names) -> None:
    """The two rooms of tests/dxf_patterns.py (x 0.1-4.1 and 4.2-8.2, y 0.1-3.1, 12 m²
    each, a door block in the partition), and a bench drawn as a closed outline on the wall
    layer in the west room, 2.0 x 0.6 m (x 0.6-2.6, y 1.3-1.9: 1.2 m², over a room's 1 m²
    and wider than a wall band), touching nothing: the west room is 12 - 1.2 = 10.8 m²."""
    from tests.dxf_patterns import two_room_plan

    two_room_plan(s, names=names)
    s.poly([(0.6, 1.3), (2.6, 1.3), (2.6, 1.9), (0.6, 1.9)], closed=True)


def test_a_closed_outline_with_no_way_in_is_solid_where_rooms_are_labelled(tmp_path):
    s = Sheet()
    _bench_plan(s, ("BEDROOM", "KITCHEN"))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 10.8), ("KITCHEN", "walls", 12.0)]


def test_with_no_labels_and_doors_read_the_bench_nobody_walks_into_is_set_aside(tmp_path):
    """A drawing that labels nothing, where the rooms' door is read: the bench has no door
    or doorway on its edge, so it is no room (floorplan/io/dxf/rooms/shafts.py), and a note says
    where it was; the rooms with the door between them stay, sure."""
    s = Sheet()
    _bench_plan(s, ())
    plan = read(s, tmp_path)
    assert sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms) == [
        (10.8, "high"), (12.0, "high")]
    assert any(n.startswith("1 space(s) in the walls with no door") and "1.2 m² at (1.60, 1.60)"
               in n for n in plan.notes)


def test_with_no_labels_and_no_way_in_anywhere_a_space_is_kept_but_doubted(tmp_path):
    """A drawing that labels nothing and shows no door or doorway at all: neither a missing
    label nor a missing door says anything, so the bench is not left out (an open hall
    with its sides drawn open would go with it), but it is read at low confidence saying
    why. The two rooms are closed (the partition drawn whole): 12 - 1.2 = 10.8 and 12 m²."""
    from floorplan.io.dxf.walls.entries import UNSURE_SOLID
    from tests.dxf_patterns import two_rooms_mass

    s = Sheet()
    s.mass(two_rooms_mass(door=None))
    s.poly([(0.6, 1.3), (2.6, 1.3), (2.6, 1.9), (0.6, 1.9)], closed=True)
    plan = read(s, tmp_path)
    got = sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms)
    assert got == [(1.2, "low"), (10.8, "high"), (12.0, "high")]
    (bench,) = [r for r in plan.rooms if r.confidence == "low"]
    assert UNSURE_SOLID in bench.confidence_reason
