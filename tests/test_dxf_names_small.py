"""A small room's label in a larger room is no confident name (issue 10: Johnson's
"Seminar Room" named "Cupboard" at high confidence from a cupboard's label written in it).

A room holding one label that names a use names itself by it, the others being notes
(``UP``, ``W/D``). When that one label says a small room's kind (cupboard, store, riser)
and the room also holds another name as tall that names no housing use (a seminar room,
a lab), the small room's label is most likely a cupboard's, written in the room beside
it: the room is named by the other label where it stands clearly in the middle
(``medium``), else keeps the small room's name at ``low``, saying why.

The rooms are 8 x 6 m outlines on a room layer (48 m²), in metres.
"""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read


def room_with(texts) -> Sheet:
    s = Sheet()
    s.poly([(0, 0), (8, 0), (8, 6), (0, 6)], "A-AREA", closed=True)
    for text, at, h in texts:
        s.text(text, at, height=h)
    return s


def only_room(tmp_path, texts):
    plan = read(room_with(texts), tmp_path)
    assert len(plan.rooms) == 1
    return plan.rooms[0]


def test_a_cupboard_label_by_the_wall_does_not_name_the_seminar_room(tmp_path):
    r = only_room(tmp_path, [("Seminar Room", (3.4, 3.0), 0.2), ("Cupboard", (0.4, 0.4), 0.2)])
    assert r.name == "Seminar Room"
    assert r.confidence == "medium" and "'Cupboard'" in r.confidence_reason


def test_with_no_label_in_the_middle_the_small_name_stays_but_low(tmp_path):
    # both labels by the walls, neither clearly the nearer the middle
    r = only_room(tmp_path, [("Seminar Room", (0.4, 5.4), 0.2), ("Cupboard", (7.0, 0.4), 0.2)])
    assert r.name == "Cupboard"
    assert r.confidence == "low" and "'Seminar Room'" in r.confidence_reason


@pytest.mark.parametrize("note, h", [("UP", 0.2), ("Shelving", 0.1)])
def test_a_store_with_an_arrow_or_a_small_note_is_a_store(tmp_path, note, h):
    # a stair's arrow, or a note clearly smaller than the name: the store's name stands
    r = only_room(tmp_path, [("Store", (3.4, 3.0), 0.2), (note, (0.4, 0.4), h)])
    assert r.name == "Store" and r.confidence == "high"


def test_a_big_room_labelled_by_its_use_keeps_it_beside_a_cupboard_label(tmp_path):
    # Office names a use (two uses named): not this rule; the room says it holds both
    r = only_room(tmp_path, [("Office", (3.4, 3.0), 0.2), ("Cupboard", (0.4, 0.4), 0.2)])
    assert r.confidence == "low"
