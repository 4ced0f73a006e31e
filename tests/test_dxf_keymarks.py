"""Window and door key marks, and labels that name no room of the home (issue 10).

An approval drawing keys its windows and doors to a schedule with circled marks (``W2``,
``D4``) written beside them, inside the rooms or just outside: they name no room and
number none. Labels saying outdoors (``REAR GARDEN``, ``PARKING``, ``OPEN TO SKY``), a
void (``VOID``), a thing standing in a room (``CAR``) or what is on another floor
(``TOILET BELOW.``) make spaces that are no rooms of the home, or name none.

Every drawing is in metres; the rooms are :func:`~tests.dxf_patterns.two_room_plan`'s, 4 x 3
m between wall faces (12 m² each), worked by hand from the coordinates drawn.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, rooms_of, two_room_plan


def keyed(s: Sheet, mark: str, at: tuple[float, float], layer: str = "GF",
          circle: float | None = 0.225) -> None:
    """``mark`` written 0.18 tall at ``at`` (its first letter's corner), with a circle of
    radius ``circle`` drawn round it (centred 0.17 right and 0.09 up: round the letters)."""
    s.text(mark, at, height=0.18, layer=layer)
    if circle is not None:
        s.msp.add_circle((at[0] + 0.17, at[1] + 0.09), circle, dxfattribs={"layer": layer})


def marked_plan(s: Sheet) -> None:
    """Two of :func:`two_room_plan`'s pairs, one above the other (rooms [0.1, 4.1] and
    [4.2, 8.2] x [0.1, 3.1], and the same 5 m up), the BEDROOM and the KITCHEN labelled, the
    other two not; five circled marks in the rooms: two in the bedroom, one in the room
    east of it, one in each room of the upper pair."""
    two_room_plan(s, names=("BEDROOM", ""))
    two_room_plan(s, 0, 5, names=("", "KITCHEN"))
    for mark, at in (("W1", (0.5, 0.5)), ("D1", (3.0, 2.6)), ("W3", (6.5, 0.5)),
                     ("D3", (0.6, 5.6)), ("W5", (6.8, 7.5))):
        keyed(s, mark, at)


def test_circled_marks_name_and_number_no_room(tmp_path):
    s = Sheet()
    marked_plan(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("", "walls", 12.0), ("", "walls", 12.0),
                              ("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    # no room takes a mark for its number, and the bedroom is no merge of rooms
    assert sorted(r.id for r in plan.rooms) == ["R1", "R2", "R3", "R4"]
    bedroom = next(r for r in plan.rooms if r.name == "BEDROOM")
    assert "room numbers" not in bedroom.confidence_reason
    assert bedroom.confidence == "high"


def _numbered_names(tmp_path, circle: float | None, stool: bool = False) -> list[str]:
    """The rooms' names of two unlabelled pairs of rooms numbered G1-G4 (each number
    drawn by ``keyed`` with ``circle``; ``stool``: a 0.2 m circle on a furniture layer
    centred 0.1 left of and below each number's corner)."""
    s = Sheet()
    two_room_plan(s, names=("", ""))
    two_room_plan(s, 0, 5, names=("", ""))
    for mark, at in (("G1", (1.5, 1.5)), ("G2", (6.1, 1.5)), ("G3", (1.5, 6.5)),
                     ("G4", (6.1, 6.5))):
        keyed(s, mark, at, circle=circle)
        if stool:
            s.msp.add_circle((at[0] - 0.1, at[1] - 0.1), 0.2, dxfattribs={"layer": "A-FURN"})
    return sorted(r.name for r in read(s, tmp_path).rooms)


def test_the_same_marks_written_bare_still_number_the_rooms(tmp_path):
    # a letter and a number written alone in each room, with no circle, is how an office
    # floor numbers its rooms (G01, G02 ...): they stay the rooms' labels
    assert _numbered_names(tmp_path, circle=None) == ["G1", "G2", "G3", "G4"]


def test_a_circle_far_wider_than_the_mark_is_not_drawn_round_it(tmp_path):
    # a round table (radius 0.8 m, more than four text heights) under a room number is
    # no bubble: the numbers still label the rooms
    assert _numbered_names(tmp_path, circle=0.8) == ["G1", "G2", "G3", "G4"]


def test_a_circle_the_number_only_overlaps_is_not_drawn_round_it(tmp_path):
    # a round stool's circle (radius 0.2, on a furniture layer) centred 0.1 left of and
    # below each number's corner: the number's letters (about 0.22 x 0.18 from that
    # corner) run out of it, so it is no bubble round them
    assert _numbered_names(tmp_path, circle=None, stool=True) == ["G1", "G2", "G3", "G4"]


def test_marks_on_a_door_layer_name_no_room(tmp_path):
    s = Sheet()
    two_room_plan(s, names=("BEDROOM", ""))
    two_room_plan(s, 0, 5, names=("", "KITCHEN"))
    for mark, at in (("D1", (0.5, 0.5)), ("D2", (6.5, 0.5)), ("D3", (0.6, 5.6)),
                     ("D4", (6.8, 7.5))):
        keyed(s, mark, at, layer="A-DOOR-TAG", circle=None)
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["", "", "BEDROOM", "KITCHEN"]
    assert sorted(r.id for r in plan.rooms) == ["R1", "R2", "R3", "R4"]


def test_a_garden_and_a_parking_place_are_outdoors(tmp_path):
    s = Sheet()
    two_room_plan(s, names=("OFFICE", "REAR GARDEN"))
    two_room_plan(s, 0, 5, names=("PARKING", "OPEN TO SKY"))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("OFFICE", "walls", 12.0)]
    said = next(n for n in plan.notes if n.startswith("outdoor spaces"))
    for name in ("REAR GARDEN (12.0 m²)", "PARKING (12.0 m²)", "OPEN TO SKY (12.0 m²)"):
        assert name in said


def test_a_garden_room_is_a_room(tmp_path):
    s = Sheet()
    two_room_plan(s, names=("OFFICE", "GARDEN ROOM"))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("GARDEN ROOM", "walls", 12.0), ("OFFICE", "walls", 12.0)]


def test_a_space_named_a_void_is_no_room(tmp_path):
    s = Sheet()
    two_room_plan(s, names=("OFFICE", ""))
    s.text("VOID", (5.5, 2.0), layer="A-ANNO-TEXT")
    s.text("SHOP BELOW.", (5.5, 1.6), layer="A-ANNO-TEXT")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("OFFICE", "walls", 12.0)]
    assert any(n.startswith("voids") and "VOID SHOP BELOW. (12.0 m²)" in n for n in plan.notes)


def car_plan(s: Sheet) -> None:
    """A garage (faces x 0.1-6.1, y 0.1-3.1: 18 m²) with a car's outline in it (x 0.6-5.4, y
    0.7-2.5: 4.8 x 1.8 = 8.64 m²) labelled CAR, and a store east of it (x 6.2-8.2: 6 m²)."""
    from shapely.geometry import box

    outer = box(0, 0, 8.3, 3.2)
    mass = outer.difference(box(0.1, 0.1, 6.1, 3.1)).difference(box(6.2, 0.1, 8.2, 3.1))
    s.mass(mass)
    s.poly([(0.6, 0.7), (5.4, 0.7), (5.4, 2.5), (0.6, 2.5)], "A-WALL", closed=True)
    s.text("CAR", (2.8, 1.5))
    s.text("GARAGE", (2.8, 2.8))
    s.text("STORE", (6.8, 1.5))


def test_a_car_drawn_with_its_outline_is_no_room(tmp_path):
    s = Sheet()
    car_plan(s)
    plan = read(s, tmp_path)
    names = {r.name: round(r.polygon.area, 4) for r in plan.rooms}
    assert "CAR" not in names
    assert names["STORE"] == 6.0
    assert any(n.startswith("things drawn") and "CAR (8.6 m²)" in n for n in plan.notes)


def test_a_room_named_by_what_is_on_the_floor_below_is_not_that_room(tmp_path):
    # the tank's note says the toilet is below it: this space is no toilet
    s = Sheet()
    two_room_plan(s, names=("OFFICE", ""))
    s.msp.add_mtext("WATER TANK\\PTOILET BELOW.", dxfattribs={
        "layer": "A-ANNO-TEXT", "char_height": 0.2, "insert": (5.5, 2.0)})
    plan = read(s, tmp_path)
    uses = {r.name: r.use.value for r in plan.rooms}
    assert "wc" not in uses.values()
    assert not any("BELOW" in r.name for r in plan.rooms)
