"""Openings marked by a header or lintel, and outdoor spaces (issue 10, item 1).

A framing plan draws a header (a closed thin outline on ``A-HEADER``) in the wall band
over every opening: the wall goes on above it, so the gap under it is an opening however
wide (a closet's bypass doors, a garage door) and the rooms either side are parted along
the wall face. A deck or an open porch the linework encloses is outdoors, not a room.

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

from shapely.geometry import box

from tests.dxf_patterns import Sheet, read, rooms_of, two_room_plan


def closet_plan(s: Sheet, header: bool) -> None:
    """A bedroom (faces x 0.1-4.1, y 0.1-3.1: 12 m²) and a closet east of it (faces x
    4.2-4.8, y 0.1-3.1: 0.6 x 3 = 1.8 m²), walls 0.1 thick; the partition between them
    open over y 0.5-2.6 (2.1 m, wider than any gap closed on its own), drawn with no jambs;
    with ``header``, a header outline in the wall band over the opening."""
    outer = box(0, 0, 4.9, 3.2)
    mass = outer.difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(4.2, 0.1, 4.8, 3.1))
    mass = mass.difference(box(4.1, 0.5, 4.2, 2.6))
    s.mass(mass, how="nojambs", jamb=0.2)
    if header:
        s.poly([(4.1, 0.5), (4.2, 0.5), (4.2, 2.6), (4.1, 2.6)], "A-HEADER", closed=True)
    s.text("BEDROOM", (1.5, 1.5))
    s.text("CLOSET", (4.3, 1.5), height=0.1)


def test_a_header_parts_a_closet_from_its_bedroom(tmp_path):
    s = Sheet()
    closet_plan(s, header=True)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls_closed", 12.0), ("CLOSET", "walls_closed", 1.8)]
    # the gap has nothing known in it: the rooms are not sure, and say where they closed
    assert all(r.confidence == "medium" and "2.10 m gap" in r.confidence_reason
               for r in plan.rooms)


def test_without_the_header_the_wide_opening_stays_open(tmp_path):
    s = Sheet()
    closet_plan(s, header=False)
    plan = read(s, tmp_path)
    # one space of 12 + 0.1 x 2.1 + 1.8 = 14.01 m² holding both labels, said unsure
    assert [(r.name, round(r.polygon.area, 4), r.confidence) for r in plan.rooms] == [
        ("BEDROOM / CLOSET", 14.01, "low")]


def garage_plan(s: Sheet, header: bool, opening: tuple[float, float] = (0.6, 5.5)) -> None:
    """A garage between wall faces x 0.1-6.1, y 0.1-6.1 (36 m²), walls 0.1 thick, its
    front wall (y 0-0.1) open over x ``opening`` (4.9 m: a 16 ft door) with jambs; with
    ``header``, a header over the opening."""
    x0, x1 = opening
    mass = box(0, 0, 6.2, 6.2).difference(box(0.1, 0.1, 6.1, 6.1)).difference(box(x0, 0, x1, 0.1))
    s.mass(mass)
    if header:
        s.poly([(x0, 0), (x1, 0), (x1, 0.1), (x0, 0.1)], "A-HEADER", closed=True)
    s.text("GARAGE", (3.0, 3.0))


def test_a_garage_door_under_its_header_is_closed(tmp_path):
    s = Sheet()
    garage_plan(s, header=True)
    plan = read(s, tmp_path)
    # between its jambs, the opening is sealed along the wall face as drawn (no gap
    # guessed at), and is the garage's door, 5.5 - 0.6 = 4.9 m wide
    assert rooms_of(plan) == [("GARAGE", "walls", 36.0)]
    assert [d.width for d in plan.doors] == [4.9]


def test_a_garage_door_with_no_jambs_under_its_header_is_closed(tmp_path):
    s = Sheet()
    x0, x1 = 0.6, 5.5
    mass = box(0, 0, 6.2, 6.2).difference(box(0.1, 0.1, 6.1, 6.1)).difference(box(x0, 0, x1, 0.1))
    s.mass(mass, how="nojambs", jamb=0.2)
    s.poly([(x0, 0), (x1, 0), (x1, 0.1), (x0, 0.1)], "A-HEADER", closed=True)
    s.text("GARAGE", (3.0, 3.0))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("GARAGE", "walls_closed", 36.0)]
    assert "4.90 m gap" in plan.rooms[0].confidence_reason


def test_a_garage_door_with_nothing_over_it_is_not(tmp_path):
    s = Sheet()
    garage_plan(s, header=False)
    s.mass(box(6.1, 0, 9.2, 3.2).difference(box(6.2, 0.1, 9.1, 3.1)))  # a store: 2.9 x 3
    s.text("STORE", (7.5, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("STORE", "walls", 8.7)]


def test_a_deck_the_walls_enclose_is_outdoors(tmp_path):
    s = Sheet()
    two_room_plan(s, names=("BEDROOM", "COVERED DECK"))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert any("outdoor spaces" in n and "COVERED DECK (12.0 m²)" in n for n in plan.notes)


def test_an_outdoor_space_takes_its_findings_with_it(tmp_path):
    s = Sheet()
    # the deck's area written as 20 m2 (it measures 12): a mismatch about a space that
    # is no room is no finding of the plan
    two_room_plan(s, names=("BEDROOM", "PATIO"))
    s.text("20 m2", (6.1, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert not any("PATIO" in f.message for f in plan.findings)


def test_a_terrace_drawn_as_a_room_outline_is_kept(tmp_path):
    s = Sheet()
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], "A-AREA", closed=True)
    s.poly([(4, 0), (7, 0), (7, 3), (4, 3)], "A-AREA", closed=True)
    s.text("LIVING ROOM", (1.5, 1.5))
    s.text("TERRACE", (5.0, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("LIVING ROOM", "outline", 12.0), ("TERRACE", "outline", 9.0)]


def test_a_flat_roof_the_walls_enclose_is_outdoors(tmp_path):
    # the roof of the floor below, drawn on this floor and closed by its parapets: no
    # floor inside the external walls (NDSS GIA), set aside and said as a deck is
    s = Sheet()
    two_room_plan(s, names=("BEDROOM", "Flat Roof"))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert any("outdoor spaces" in n and "Flat Roof (12.0 m²)" in n for n in plan.notes)


def test_a_roof_space_is_inside_and_kept(tmp_path):
    # a roof space (a loft) is under the roof, inside the envelope: still read as a space
    s = Sheet()
    two_room_plan(s, names=("BEDROOM", "Roof space"))
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["BEDROOM", "Roof space"]
    assert not any("outdoor spaces" in n for n in plan.notes)
