"""A room's one use label beside another room's name is no confident name (issue 10:
holdout6's floorplan.dxf, the kitchen 'Køkken' open to the hall 'Limbo', read as one room
named 'Køkken' while 'Limbo' appeared nowhere in the report).

A room holding one label that names a use was named by it, the other labels taken for
notes (``UP``, ``W/D``). A label as tall that could name a room (no note, no mark, no
arrow) is another room's name, most likely of a room the walls leave open to this one:
the room is named by both, in reading order, at ``low``, saying so. Notes by the fittings
are written smaller and stay notes.

The rooms are 8 x 6 m outlines on a room layer (48 m²), in metres.
"""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read


def only_room(tmp_path, texts):
    s = Sheet()
    s.poly([(0, 0), (8, 0), (8, 6), (0, 6)], "A-AREA", closed=True)
    for text, at, h in texts:
        s.text(text, at, height=h)
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 1
    return plan.rooms[0]


def test_a_hall_named_beside_the_kitchen_open_to_it_is_not_dropped(tmp_path):
    # 'Limbo' names no use; 'Kitchen' does; both 0.25 tall, 5 m apart, Limbo higher up
    r = only_room(tmp_path, [("Kitchen", (6.0, 1.0), 0.25), ("Limbo", (1.0, 5.0), 0.25)])
    assert r.name == "Limbo + Kitchen"
    assert r.confidence == "low"
    assert "'Limbo'" in r.confidence_reason and "'Kitchen'" in r.confidence_reason


@pytest.mark.parametrize("note, h", [
    ("UP", 0.25),                                        # a stair's arrow
    ("Island", 0.12),                                    # a fitting's note, written smaller
    ("PROVIDE 20 MIN. DOOR W/ SELF CLOSING HINGES", 0.25),  # a note (over four words)
])
def test_a_kitchen_with_an_arrow_or_a_note_is_a_kitchen(tmp_path, note, h):
    r = only_room(tmp_path, [("Kitchen", (4.0, 3.0), 0.25), (note, (1.0, 5.0), h)])
    assert r.name == "Kitchen" and r.confidence == "high"
