"""A room number standing across a partition from the rest of its block
(floorplan/io/dxf/names/straddle.py): given to the room its name and area stand in, unless
the block states the area of the room the number stands in, or the other room has a number
of its own.

Blocks as Kent's plans write them: the number over the name over the area, 0.4 m apart,
text 0.25 m high; three offices teach the layout (numbers over their lines)."""

from __future__ import annotations

from types import SimpleNamespace

from floorplan.io.dxf.names.straddle import join_number


def _txt(uid, s, x, y, layer="NO"):
    return SimpleNamespace(uid=uid, text=s, x=x, y=y, height=0.25, layer=layer)


def _rooms():
    inside = {r: [_txt(3 * r, f"B{r}", 10.0 * r, 4.3), _txt(3 * r + 1, "Office", 10.0 * r, 3.9, "NAME"),
                  _txt(3 * r + 2, "6 sqm", 10.0 * r, 3.5, "AREA")] for r in range(3)}
    return inside


def _is_id(t):
    return t.layer == "NO"


def test_a_cupboards_number_stays_with_the_cupboard_its_block_states():
    # the cupboard (room 3, 0.26 m²) holds its number; its name and '0.25 sqm' spill into
    # the unnumbered space beside it (room 4): 0.25 agrees with 0.26 within 5 %, so the
    # block is the cupboard's and nothing moves
    inside = _rooms()
    inside[3] = [_txt(20, "B7", 40.0, 4.3)]
    inside[4] = [_txt(21, "Cupboard", 40.0, 3.9, "NAME"), _txt(22, "0.25 sqm", 40.0, 3.5, "AREA")]
    texts = [t for ts in inside.values() for t in ts]
    assert join_number(inside, texts, _is_id, [6, 6, 6, 0.26, 9.0], []) == 0
    assert [t.text for t in inside[3]] == ["B7"]


def test_a_number_does_not_leave_for_a_room_numbered_already():
    # room 4 has a number of its own (B8, beside the block's lines): B7 stays where it is
    inside = _rooms()
    inside[3] = [_txt(20, "B7", 40.0, 4.3)]
    inside[4] = [_txt(21, "Male WC", 40.0, 3.9, "NAME"), _txt(22, "5.2 sqm", 40.0, 3.5, "AREA"),
                 _txt(23, "B8", 44.0, 3.0)]
    texts = [t for ts in inside.values() for t in ts]
    assert join_number(inside, texts, _is_id, [6, 6, 6, 1.5, 2.1], []) == 0


def test_a_number_with_more_text_beside_it_stays():
    # the cubicle holds its number and a note: it is read as a room of its own
    inside = _rooms()
    inside[3] = [_txt(20, "B7", 40.0, 4.3), _txt(24, "Accessible", 40.5, 4.8, "NAME")]
    inside[4] = [_txt(21, "Male WC", 40.0, 3.9, "NAME"), _txt(22, "5.2 sqm", 40.0, 3.5, "AREA")]
    texts = [t for ts in inside.values() for t in ts]
    assert join_number(inside, texts, _is_id, [6, 6, 6, 1.5, 2.1], []) == 0


def test_the_number_joins_the_name_and_area_across_the_partition():
    # the Becket case: B7 alone in the cubicle, 'Male WC' and '5.2 sqm' (neither 1.5 nor
    # 2.1 m²) in the lobby, which has no number: B7 goes to the lobby, and a note says so
    inside = _rooms()
    inside[3] = [_txt(20, "B7", 40.0, 4.3)]
    inside[4] = [_txt(21, "Male WC", 40.0, 3.9, "NAME"), _txt(22, "5.2 sqm", 40.0, 3.5, "AREA")]
    texts = [t for ts in inside.values() for t in ts]
    notes: list[str] = []
    assert join_number(inside, texts, _is_id, [6, 6, 6, 1.5, 2.1], notes) == 1
    assert 3 not in inside and [t.text for t in inside[4]] == ["Male WC", "5.2 sqm", "B7"]
    assert notes and "across a partition" in notes[0]
