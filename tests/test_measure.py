"""Door links and dwellings, hand-worked."""

from __future__ import annotations

import pytest

from floorplan.measure import measure
from floorplan.model import OUTSIDE
from tests.plans import door, door_line, plan, rect

# Bedroom (0..3 x 0..3) | 0.1 m wall | Hall (3.1..5 x 0..3) | wall | Lounge (5.1..9 x 0..3)
ROOMS = (rect("B", "Bedroom", 0, 0, 3, 3), rect("H", "Hall", 3.1, 0, 1.9, 3), rect("L", "Lounge", 5.1, 0, 3.9, 3))

LINK_CASES = [
    ("point in the wall", door("D", 3.05, 1.5), ("B", "H")),
    ("point on the hall's face", door("D", 3.1, 1.5), ("B", "H")),
    ("external door", door("D", 1.5, -0.05), ("B", OUTSIDE)),
    ("line across the opening", door_line("D", 5.05, 1.0, 5.05, 1.9), ("H", "L")),
    ("line along the outer wall", door_line("D", 0.5, 0.0, 1.4, 0.0), ("B", OUTSIDE)),
    ("explicit connects wins", door("D", 3.05, 1.5, connects=("B", "L")), ("B", "L")),
    ("too far from any room", door("D", 20, 20), None),
]


@pytest.mark.parametrize("name,d,expected", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_door_links(name, d, expected):
    m = measure(plan(*ROOMS, doors=[d]))
    got = m.doors["D"].connects
    assert (set(got) if got else None) == (set(expected) if expected else None)
    if expected is None:
        assert [f.code for f in m.findings] == ["FP005"]


def test_rooms_know_their_doors_and_neighbours():
    m = measure(plan(*ROOMS, doors=[door("D1", 3.05, 1.5), door("D2", 5.05, 1.5), door("D3", 7, -0.05)]))
    assert m.rooms["H"].doors == ("D1", "D2")
    assert set(m.rooms["H"].opens_onto) == {"B", "L"}
    assert m.rooms["L"].opens_onto == ("H", OUTSIDE)
    assert m.rooms["B"].opens_onto == ("H",)


def test_door_width_from_line_length():
    m = measure(plan(*ROOMS, doors=[door_line("D", 5.05, 1.0, 5.05, 1.85, width=None)]))
    assert m.doors["D"].width == pytest.approx(0.85)


def test_door_on_another_level_does_not_link():
    rooms = (rect("G", "Hall", 0, 0, 3, 3, level=0), rect("F", "Landing", 0, 0, 3, 3, level=1))
    m = measure(plan(*rooms, doors=[door("D", 1.5, -0.05, level=1)]))
    assert m.doors["D"].connects == ("F", OUTSIDE)


def test_unknown_room_in_connects_is_reported():
    m = measure(plan(*ROOMS, doors=[door("D", 3.05, 1.5, connects=("B", "X9"))]))
    assert m.doors["D"].connects is None
    assert [f.code for f in m.findings] == ["FP005"]


def test_overlapping_rooms_are_reported_with_the_overlap():
    # 4 x 3 and 3 x 3 sharing a 1 x 3 strip: 3 m² overlap
    m = measure(plan(rect("A", "Lounge", 0, 0, 4, 3), rect("B", "Kitchen", 3, 0, 3, 3)))
    [f] = [f for f in m.findings if f.code == "FP003"]
    assert set(f.rooms) == {"A", "B"} and f.measured == pytest.approx(3.0)


def test_touching_rooms_do_not_overlap():
    m = measure(plan(rect("A", "Lounge", 0, 0, 4, 3), rect("B", "Kitchen", 4, 0, 3, 3)))
    assert not [f for f in m.findings if f.code == "FP003"]


def test_dwellings_sum_their_rooms():
    p = plan(rect("A", "Bedroom", 0, 0, 3, 4, dwelling="Flat 1"), rect("B", "Kitchen/Living", 3.1, 0, 5, 4,
             dwelling="Flat 1"), rect("C", "Bedroom", 10, 0, 3, 3, dwelling="Flat 2", level=1),
             rect("D", "Corridor", 0, 5, 20, 1.5))
    d = measure(p).dwellings
    assert set(d) == {"Flat 1", "Flat 2"}
    assert d["Flat 1"].gross_area == pytest.approx(12 + 20)
    assert d["Flat 1"].rooms == ("A", "B")
    assert d["Flat 2"].levels == (1.0,)
