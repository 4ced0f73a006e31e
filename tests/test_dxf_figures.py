"""Figures written in a drawing that state no room's size (floorplan.io.dxf.text.figures).

Drawn in metres; the expected values are the standard's or the drawing's own, by hand.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read


def test_a_door_size_note_is_not_a_rooms_size(tmp_path):
    # a bedroom x 0-4, y 0-3 (12 m²) with the note of its door's size, "2'8X6'8" (a 2'8"
    # wide, 6'8" tall leaf, as US plans write it beside each door), inside it by the
    # door: read as the room's sides it would state 0.81 x 2.03 m = 1.65 m² and report
    # the bedroom 'off by +626 %'; it states nothing of the room
    s = Sheet()
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.text("BEDROOM", (1.5, 1.5))
    s.text("2'8X6'8", (3.0, 0.4), height=0.1)
    plan = read(s, tmp_path)
    (room,) = plan.rooms
    assert room.stated == ()
    assert not [f for f in plan.findings if f.code == "FP008"]


def test_a_label_of_keys_and_values_names_its_room_by_its_name_key(tmp_path):
    # a room x 0-4, y 0-3 (12 m²) labelled as a facilities drawing labels its rooms, one
    # MTEXT of 'key: value' lines (its number, name, use, usable and gross areas and
    # occupants), and a second text on another layer with its manager: the room is
    # 'Bedroom 2', stating 12 m² (its usable area; the gross 13.5 m² is not its floor)
    s = Sheet()
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.msp.add_mtext("Room number: 202\\PRoom name: Bedroom 2\\PUse: residential\\P"
                    "Net area: 12 m²\\PGross area: 13.5 m²\\POccupants: J. Smith",
                    dxfattribs={"layer": "TEXT", "char_height": 0.2}).set_location((1.0, 2.5))
    s.text("Manager: A. Jones", (1.0, 0.8), layer="STAFF")
    plan = read(s, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Bedroom 2"
    assert [st.area_m2 for st in room.stated] == [12.0]
