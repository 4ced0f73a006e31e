"""A room's number is its id, not part of its name; an area text is its stated area
(issue 10, item 3).

Estates' plans write three texts in each room, each on a layer that says what it is
(``ROOM NUMBER``: ``Bg04``, ``ROOM NAME``: ``Office``, ``TEXT AREA``: ``23.93 sqm``);
other drawings write the number beside the name with nothing to say which is which
(``ChCg05`` over ``Office``, ``101 Office``). Each drawing here is made in code, in
millimetres, with its expectations worked by hand in the comments.
"""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read, two_room_plan


def mm_sheet() -> Sheet:
    return Sheet(insunits=4, scale=1000.0)


def by_id(plan):
    return {r.id: r for r in plan.rooms}


def fp008(plan):
    return [f for f in plan.findings if f.code == "FP008"]


def kent_rooms(s: Sheet, b_area: str = "12.00 sqm") -> None:
    """Two 4 x 3 m rooms between wall faces (12 m² each: x 0.1-4.1 and 4.2-8.2 m, y 0.1-3.1
    m), labelled as the Kent estate plans are: number, name and area on layers of their
    own; a note on NOTES in room A, a door's number on DOOR NUMBERS in room B."""
    two_room_plan(s, names=None)
    s.text("Bg04", (1.5, 2.4), layer="ROOM NUMBER")
    s.text("Office", (1.5, 2.0), layer="ROOM NAME")
    s.text("12.00 sqm", (1.5, 1.6), layer="TEXT AREA")
    s.text("HATCH", (0.5, 0.5), height=0.15, layer="NOTES")
    s.text("Bg05", (6.0, 2.4), layer="ROOM NUMBER")
    s.text("Female WC", (6.0, 2.0), layer="ROOM NAME")
    s.text(b_area, (6.0, 1.6), layer="TEXT AREA")
    s.text("Bg05Da", (4.4, 1.2), height=0.15, layer="TRWPL_P_DOOR NUMBERS")


def test_number_name_and_area_layers_give_id_name_and_stated_area(tmp_path):
    s = mm_sheet()
    kent_rooms(s)
    plan = read(s, tmp_path)
    rooms = by_id(plan)
    assert sorted(rooms) == ["Bg04", "Bg05"]
    assert rooms["Bg04"].name == "Office"       # not "Bg04 Office", not "HATCH"
    assert rooms["Bg05"].name == "Female WC"    # the door's number Bg05Da is no name
    assert rooms["Bg04"].polygon.area == pytest.approx(12.0, abs=1e-6)
    assert [s.area_m2 for s in rooms["Bg04"].stated] == [pytest.approx(12.0)]
    assert [s.text for s in rooms["Bg05"].stated] == ["12.00 sqm"]
    assert not fp008(plan)                      # 12.00 stated, 12.00 measured


def test_an_area_text_that_disagrees_is_an_input_finding(tmp_path):
    s = mm_sheet()
    kent_rooms(s, b_area="11.00 sqm")           # Bg05 measures 12.00 m²: +9 %
    plan = read(s, tmp_path)
    (f,) = fp008(plan)
    assert f.rooms == ("Bg05",)
    assert "11.00 sqm" in f.message and "12.00 m²" in f.message


def test_a_bare_decimal_on_an_area_layer_is_the_stated_area(tmp_path):
    s = mm_sheet()
    two_room_plan(s, names=None)
    s.text("Office", (1.5, 2.0), layer="ROOM NAME")
    s.text("12.00", (1.5, 1.6), layer="TEXT AREA")   # no unit: the layer says it is an area
    s.text("Store", (6.0, 2.0), layer="ROOM NAME")
    s.text("104", (6.0, 1.6), layer="TEXT AREA")     # a whole number: maybe a number, not read
    plan = read(s, tmp_path)
    rooms = {r.name: r for r in plan.rooms}
    assert [x.area_m2 for x in rooms["Office"].stated] == [pytest.approx(12.0)]
    assert rooms["Store"].stated == ()


@pytest.mark.parametrize("a, b, rid, name", [
    (("ChCg05", (1.5, 2.4)), ("Office", (1.5, 2.0)), "ChCg05", "Office"),   # code over name
    (("Office", (1.5, 2.4)), ("F5.92", (1.5, 2.0)), "F5.92", "Office"),     # name over code
    (("101 Office", (1.5, 2.0)), None, "101", "Office"),                     # one text
    (("Kitchen\nG.01", (1.5, 2.0)), None, "G.01", "Kitchen"),                # two lines
])
def test_a_code_beside_a_name_is_the_rooms_id(tmp_path, a, b, rid, name):
    s = mm_sheet()
    two_room_plan(s, names=None)
    s.text(a[0], a[1]) if "\n" not in a[0] else s.msp.add_mtext(
        a[0].replace("\n", "\\P"), dxfattribs={"layer": "A-ANNO-TEXT", "char_height": 250,
                                               "insert": (1500, 2000)})
    if b:
        s.text(*b)
    s.text("Bedroom", (6.0, 2.0))
    plan = read(s, tmp_path)
    rooms = {r.name: r for r in plan.rooms}
    assert sorted(rooms) == sorted([name, "Bedroom"])
    assert rooms[name].id == rid


@pytest.mark.parametrize("label", ["2 CAR GARAGE", "BED2", "WC1", "BEDROOM 2"])
def test_names_with_numbers_in_them_stay_names(tmp_path, label):
    s = mm_sheet()
    two_room_plan(s, names=(label, "Kitchen"))
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == sorted([label, "Kitchen"])


def test_two_room_numbers_in_one_space_make_it_unsure(tmp_path):
    s = mm_sheet()
    two_room_plan(s, names=None, door=False)
    s.text("Bg04", (1.5, 2.4), layer="ROOM NUMBER")
    s.text("Office", (1.5, 2.0), layer="ROOM NAME")
    s.text("Bg06", (1.5, 1.0), layer="ROOM NUMBER")   # a second number, one space
    s.text("Bg05", (6.0, 2.4), layer="ROOM NUMBER")
    s.text("Female WC", (6.0, 2.0), layer="ROOM NAME")
    plan = read(s, tmp_path)
    rooms = by_id(plan)
    assert rooms["Bg04"].name == "Office"
    assert rooms["Bg04"].confidence == "low"
    assert "Bg04, Bg06" in rooms["Bg04"].confidence_reason
    assert rooms["Bg05"].confidence == "high"


def test_a_number_with_no_name_beside_it_names_the_room(tmp_path):
    """A code alone is all the drawing says about the room: kept as its name, as before
    (``B1`` or ``K`` may be how the drawing names a bedroom or a kitchen)."""
    s = mm_sheet()
    two_room_plan(s, names=("Lf61", "Kitchen"))
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["Kitchen", "Lf61"]


def numbered_block(s: Sheet, numbers: bool = True) -> None:
    """Three 3 x 3 m rooms between wall faces (x 0.1-3.1, 3.2-6.2, 6.3-9.3; y 0.1-3.1)
    and a 1.2 x 3 m duct (x 9.4-10.6, 3.6 m²) walled in beside them, 0.1 m walls.
    The rooms are labelled, each with a number when ``numbers``; the duct is not."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    rooms = [box(0.1 + 3.1 * k, 0.1, 3.1 + 3.1 * k, 3.1) for k in range(3)]
    duct = box(9.4, 0.1, 10.6, 3.1)
    s.mass(box(0, 0, 10.7, 3.2).difference(unary_union([*rooms, duct])))
    for k, name in enumerate(("Office", "Store", "Kitchen")):
        if numbers:
            s.text(f"Bg0{k + 1}", (1.0 + 3.1 * k, 2.2), layer="ROOM NUMBER")
        s.text(name, (1.0 + 3.1 * k, 1.8), layer="ROOM NAME")


def test_an_unlabelled_space_in_a_numbered_drawing_is_no_room(tmp_path):
    s = mm_sheet()
    numbered_block(s)
    plan = read(s, tmp_path)
    assert sorted(r.id for r in plan.rooms) == ["Bg01", "Bg02", "Bg03"]
    assert all(r.polygon.area == pytest.approx(9.0, abs=1e-6) for r in plan.rooms)
    assert any("1 space(s) in the wall linework with no label set aside" in n for n in plan.notes)


def test_a_room_sized_unlabelled_space_in_a_numbered_drawing_stays_unsure(tmp_path):
    # the numbered block and, walled in beside the duct, a 3 x 3 m space (x 10.7-13.7, 9 m²)
    # with a door and no text: a room whose number is missing as likely as a void. It stays, of
    # unknown use and medium confidence; the 3.6 m² duct is still set aside
    from shapely.geometry import box

    s = mm_sheet()
    numbered_block(s)
    walls = box(10.6, 0, 13.8, 3.2).difference(box(10.7, 0.1, 13.7, 3.1))
    s.mass(walls.difference(box(11.75, 3.05, 12.65, 3.3)))  # a doorway out, with its door
    s.door((11.75, 3.1), width=0.9)
    plan = read(s, tmp_path)
    (extra,) = [r for r in plan.rooms if r.id not in ("Bg01", "Bg02", "Bg03")]
    assert extra.polygon.area == pytest.approx(9.0, abs=1e-6) and extra.name == ""
    assert extra.confidence == "medium" and "number is missing" in extra.confidence_reason
    assert not any(r.polygon.area < 4 for r in plan.rooms)
    assert any("1 space(s) in the wall linework with no label set aside" in n for n in plan.notes)


def test_an_unlabelled_space_stays_where_rooms_are_not_numbered(tmp_path):
    s = mm_sheet()
    numbered_block(s, numbers=False)
    plan = read(s, tmp_path)
    areas = sorted(round(r.polygon.area, 4) for r in plan.rooms)
    assert areas == [3.6, 9.0, 9.0, 9.0]   # the duct, 1.2 x 3 m, is kept (and unsure)
    (duct,) = [r for r in plan.rooms if r.polygon.area < 4]
    assert duct.confidence != "high"


def test_an_mtext_name_is_where_its_words_are_drawn(tmp_path):
    """Room A (x 0.1-4.1, y 0.1-3.1 m) under room B (y 3.2-6.2 m). A's name is an MTEXT of
    three blank paragraphs and ``Store``, centred (attachment 5) on (2.0, 3.5), in B: its
    four lines stand about that point, 1 2/3 x 0.25 m apart, so ``Store`` is drawn 1.5 lines
    = 0.625 m lower, at y = 2.875, in A (as the Kent plans write their room names)."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    s = mm_sheet()
    a, b = box(0.1, 0.1, 4.1, 3.1), box(0.1, 3.2, 4.1, 6.2)
    s.mass(box(0, 0, 4.2, 6.3).difference(unary_union([a, b])))
    s.msp.add_mtext("\\P\\P\\PStore", dxfattribs={
        "layer": "A-ANNO-TEXT", "char_height": 250, "attachment_point": 5, "insert": (2000, 3500)})
    s.text("Office", (2.0, 5.0))
    plan = read(s, tmp_path)
    rooms = {r.name: r for r in plan.rooms}
    assert sorted(rooms) == ["Office", "Store"]
    assert rooms["Store"].polygon.centroid.y == pytest.approx(1.6)


def test_a_room_number_just_outside_its_room_is_joined_to_it(tmp_path):
    """Room A's number stands 0.2 m above its top wall (the wall's outer face is at y =
    3.2 m): outside every room, the nearest room without a number is A (0.3 m off), B is
    further (its nearest point is 2.7 m away)."""
    s = mm_sheet()
    two_room_plan(s, names=("Office", "Store"))
    s.text("Bg04", (1.5, 3.4), layer="ROOM NUMBER")
    s.text("Bg05", (6.0, 2.4), layer="ROOM NUMBER")
    plan = read(s, tmp_path)
    assert {r.id: r.name for r in plan.rooms} == {"Bg04": "Office", "Bg05": "Store"}


def test_a_name_on_a_number_layer_is_still_a_name(tmp_path):
    """A layer for room numbers that also holds a name with a number in it (``Bedroom 2``):
    only one token with a digit is a number there."""
    s = mm_sheet()
    two_room_plan(s, names=None)
    s.text("Bedroom 2", (1.5, 2.0), layer="ROOM NUMBER")
    s.text("B02", (1.5, 1.5), layer="ROOM NUMBER")
    s.text("Kitchen", (6.0, 2.0), layer="ROOM NUMBER")
    plan = read(s, tmp_path)
    assert {r.name: r.id for r in plan.rooms}["Bedroom 2"] == "B02"
    assert "Kitchen" in {r.name for r in plan.rooms}


def numbered_row(s: Sheet, unnamed: int | None = None) -> None:
    """Four 3 x 3 m rooms in a row between 0.1 m walls (x 0.1-3.1, 3.2-6.2, 6.3-9.3,
    9.4-12.4; y 0.1-3.1; the outer wall faces at y 0 and 3.2), each labelled as the Kent
    plans are: number (y 2.2), name 0.4 m under it, area 0.8 m under it, on layers of their
    own; room ``unnamed`` has its number only."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    rooms = [box(0.1 + 3.1 * k, 0.1, 3.1 + 3.1 * k, 3.1) for k in range(4)]
    s.mass(box(0, 0, 12.5, 3.2).difference(unary_union(rooms)))
    for k, name in enumerate(("Office", "Corridor", "Kitchen", "Store")):
        s.text(f"Bg0{k + 1}", (1.0 + 3.1 * k, 2.2), layer="ROOM NUMBER")
        if k != unnamed:
            s.text(name, (1.0 + 3.1 * k, 1.8), layer="ROOM NAME")
            s.text("9.00 sqm", (1.0 + 3.1 * k, 1.4), layer="TEXT AREA")


def test_a_neighbours_area_written_in_a_numbered_room_is_not_its_own(tmp_path):
    """The row of four numbered rooms; a riser's label block stands across the Corridor's
    (Bg02's) top wall: its number 'Bg06' 0.4 m above the wall's outer face (y 3.6), its
    area '0.30 sqm' 0.8 m under it, inside Bg02 (y 2.8), where the drawing's layout puts a
    room's area under its number. The area's own number is Bg06, not Bg02's: Bg02 states
    one area, its own, and is not 'several rooms read as one'."""
    s = mm_sheet()
    numbered_row(s)
    s.text("Bg06", (5.6, 3.6), layer="ROOM NUMBER")
    s.text("0.30 sqm", (5.6, 2.8), layer="TEXT AREA")
    plan = read(s, tmp_path)
    b = by_id(plan)["Bg02"]
    assert [st.text for st in b.stated] == ["9.00 sqm"]
    assert b.confidence == "high"
    assert any("1 label line(s) given to the room their own room number names" in n
               for n in plan.notes)


def test_a_label_with_its_own_number_is_not_joined_to_a_numbered_room(tmp_path):
    """The row of four, the Corridor (Bg02) holding only its number: its name is missing.
    A cupboard's block 'Bg06' over 'Cleaners Cupboard' (0.4 m apart, as the drawing writes
    a name under its number) stands just above Bg02's top wall (0.2 and 0.6 m above its
    outer face), outside every room and within reach of Bg02. Its own number says it is
    not Bg02's: Bg02 is not named 'Cleaners Cupboard'; it stays unnamed (reported)."""
    s = mm_sheet()
    numbered_row(s, unnamed=1)
    s.text("Bg06", (5.6, 3.8), layer="ROOM NUMBER")
    s.text("Cleaners Cupboard", (5.6, 3.4), layer="ROOM NAME")
    plan = read(s, tmp_path)
    assert {r.id: r.name for r in plan.rooms} == {"Bg01": "Office", "Bg02": "", "Bg03": "Kitchen",
                                                  "Bg04": "Store"}


def test_lines_stay_where_the_drawing_has_no_block_layout(tmp_path):
    """Two numbered rooms only (too few to learn where a drawing writes a line from its
    number): a second area in room B stays there, and B is unsure, as before."""
    s = mm_sheet()
    kent_rooms(s)
    s.text("Bg06", (4.6, 3.4), layer="ROOM NUMBER")
    s.text("0.30 sqm", (7.5, 0.5), layer="TEXT AREA")
    plan = read(s, tmp_path)
    b = by_id(plan)["Bg05"]
    assert sorted(st.text for st in b.stated) == ["0.30 sqm", "12.00 sqm"]
    assert b.confidence == "low"
