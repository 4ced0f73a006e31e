"""A name written on two lines whose first ends in a joining word is one name
(floorplan/io/dxf/text/continued.py); two lines that each end in a word stay two names."""

from __future__ import annotations

from floorplan.io.dxf.collect.prims import Text
from floorplan.io.dxf.text import continued
from floorplan.io.dxf.text import kind as dxf_text
from tests.dxf_patterns import Sheet, read, two_room_plan


def _t(uid, s, x, y, h=0.25, layer="A-ANNO-TEXT"):
    return Text(uid, s, x, y, layer, h, f"{uid:X}")


def test_a_line_ending_in_a_joining_word_takes_the_line_under_it():
    texts = [_t(1, "FAMILY ROOM &", 0.0, 2.0), _t(2, "UTILITY", 0.3, 1.6),
             _t(3, "BED AND", 10.0, 2.0), _t(4, "BREAKFAST", 10.0, 1.55),
             _t(5, "BATH-", 20.0, 2.0), _t(6, "ROOM", 20.0, 1.6)]
    pairs = continued.join(texts)
    assert [t.text for t in texts] == ["FAMILY ROOM & UTILITY", "BED AND BREAKFAST", "BATH-ROOM"]
    assert [(a.uid, b.uid) for a, b in pairs] == [(1, 2), (3, 4), (5, 6)]


def test_a_name_on_three_lines_is_joined_line_by_line_and_stands_on_its_last():
    # 'KITCHEN &' / 'DINING &' / 'FAMILY' 0.4 m apart: one name, where 'FAMILY' stands; and
    # 'POND &' / 'LIVING' / 'BELOW.': the first two joined where 'LIVING' stood, so 'BELOW.'
    # is still the next line of the label (0.33 m under it)
    texts = [_t(1, "KITCHEN &", 0.0, 2.0), _t(2, "DINING &", 0.0, 1.6), _t(3, "FAMILY", 0.0, 1.2),
             _t(4, "POND &", 10.0, 2.54, h=0.2), _t(5, "LIVING", 10.0, 2.21, h=0.2),
             _t(6, "BELOW.", 10.0, 1.88, h=0.2)]
    continued.join(texts)
    assert [(t.uid, t.text, t.y) for t in texts] == [
        (1, "KITCHEN & DINING & FAMILY", 1.2), (4, "POND & LIVING", 2.21), (6, "BELOW.", 1.88)]


def test_a_hand_rail_is_a_note_on_the_construction():
    assert dxf_text.is_note("HAND RAIL.") and dxf_text.is_note("Handrail")
    assert not dxf_text.is_note("FAMILY ROOM & UTILITY")


def test_lines_that_do_not_continue_a_name_are_left_apart():
    texts = [_t(1, "BEDROOM", 0.0, 2.0), _t(2, "STUDY", 0.0, 1.6),       # no joining word
             _t(3, "LIVING &", 10.0, 2.0), _t(4, "12.5 m2", 10.0, 1.6),  # a figure under it
             _t(5, "STORE +", 20.0, 2.0), _t(6, "WC", 20.0, 0.9),        # 1.1 m = 4.4 heights below
             _t(7, "HALL /", 30.0, 2.0), _t(8, "LANDING", 30.0, 2.4),    # above it, not under
             _t(9, "KITCHEN &", 40.0, 2.0), _t(10, "DINING", 40.0, 1.6, layer="NOTES"),
             _t(11, "LOUNGE -", 50.0, 2.0), _t(12, "DINER", 50.0, 1.6, h=0.5)]  # twice as tall
    assert continued.join(texts) == []
    assert [t.text for t in texts] == ["BEDROOM", "STUDY", "LIVING &", "12.5 m2", "STORE +", "WC",
                                       "HALL /", "LANDING", "KITCHEN &", "DINING", "LOUNGE -",
                                       "DINER"]


def test_a_continued_name_names_its_room_and_two_names_stay_two(tmp_path):
    # two rooms of 4 x 3 m (x 0.1..4.1 and 4.2..8.2, y 0.1..3.1) with a door between:
    # the west one labelled 'FAMILY ROOM &' over 'UTILITY' (0.4 m lower, 0.7 m along: 1.6
    # and 2.8 heights, further apart than one label's texts counted once), the east one
    # 'BEDROOM' over 'STUDY' the same way
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("FAMILY ROOM &", (0.8, 2.0))
    s.text("UTILITY", (1.5, 1.6))
    s.text("BEDROOM", (5.0, 2.0))
    s.text("STUDY", (5.7, 1.6))
    plan = read(s, tmp_path)
    names = {r.polygon.representative_point().x < 4.15: r for r in plan.rooms}
    west, east = names[True], names[False]
    assert west.name == "FAMILY ROOM & UTILITY"
    assert "FAMILY ROOM &" not in west.confidence_reason  # not "several rooms read as one?"
    assert east.name.split(" / ") == ["BEDROOM", "STUDY"]
    assert any("read as one: 'FAMILY ROOM & UTILITY'" in n for n in plan.notes)
