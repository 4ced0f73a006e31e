"""FP310 living-on-entrance-storey, FP311 entrance-storey-wet-room and FP312
bathroom-by-principal-bedroom (M4(3) 3.31(a), 3.37, 3.41(b)), worked by hand.

A two-storey house: on the ground floor (level 0) a hall (x 0-1.5, y 0-6), a room A
(x 1.6-5.6, y 0-4) and a room C (x 1.6-3.6, y 4.1-6.1); the same three over them on the
first floor (level 1). The front door is in the hall's south wall.
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from floorplan.model import Door
from tests.plans import door, obstacle, plan, rect
from tests.rulecheck import of, one, run

FRONT = door("D1", 0.75, -0.05, level=0)


def house(a0="Lounge", c0="Wet Room", a1="Bedroom", c1="Bathroom", doors=(FRONT,), obstacles=(), **uses):
    rooms = [rect("H", "Hall", 0, 0, 1.5, 6, level=0), rect("U", "Landing", 0, 0, 1.5, 6, level=1)]
    for rid, name, y, h, w, level in (("A0", a0, 0, 4, 4, 0), ("C0", c0, 4.1, 2, 2, 0),
                                      ("A1", a1, 0, 4, 4, 1), ("C1", c1, 4.1, 2, 2, 1)):
        if name:
            rooms.append(rect(rid, name, 1.6, y, w, h, level=level, use=uses.get(rid)))
    return plan(*rooms, doors=doors, obstacles=obstacles, scheme="flat")


# -- FP310 -------------------------------------------------------------------------------
@pytest.mark.parametrize("kw, expect, subject", [
    ({}, "pass", ("A0",)),                                         # lounge downstairs, entered downstairs
    ({"a0": "Bedroom 1", "a1": "Lounge"}, "fail", ("A1",)),         # the lounge upstairs
    # a kitchen/diner downstairs (not a living room) and the lounge upstairs
    ({"a0": "Kitchen/Diner", "a1": "Lounge"}, "fail", ("A1",)),
    # two living rooms: a 4 m² snug downstairs, the 16 m² lounge upstairs is the principal one
    ({"a0": "Kitchen", "c0": "Snug", "a1": "Lounge"}, "fail", ("A1",)),
    ({"a0": "Kitchen", "a1": "Bedroom"}, "warn", ()),              # no living room shown
    ({"doors": ()}, "warn", ("A0",)),                              # no entrance shown
])
def test_living_on_entrance_storey(kw, expect, subject):
    f = one(run(house(**kw), "m4-3"), "FP310")
    assert (f.status.value, f.rooms) == (expect, subject)


def test_entrance_storey_from_a_marked_door():
    # doors out on both storeys (a first-floor door to a deck): unmarked, the storey cannot
    # be told; marked, the marked one decides
    deck = door("D2", 0.75, -0.05, level=1)
    assert one(run(house(doors=(FRONT, deck)), "m4-3"), "FP310").status.value == "warn"
    marked = Door("D2", Point(0.75, -0.05), width=0.9, level=1, entrance=True)
    f = one(run(house(doors=(FRONT, marked)), "m4-3"), "FP310")
    assert (f.status.value, f.required) == ("fail", 1.0)       # entered upstairs, the lounge downstairs


def test_one_storey_home_needs_no_door():
    p = plan(rect("L", "Lounge", 0, 0, 4, 4), rect("B", "Bedroom", 4.1, 0, 3, 4), scheme="flat")
    assert one(run(p, "m4-3"), "FP310").status.value == "pass"


# -- FP311 -------------------------------------------------------------------------------
@pytest.mark.parametrize("kw, obstacles, expect, subject", [
    ({}, (), "pass", ("C0",)),                                            # a wet room downstairs
    ({"c0": "Shower Room"}, (), "warn", ("C0",)),                        # a shower room: level access?
    # a bathroom with a shower drawn in it
    ({"c0": "Bathroom"}, (obstacle("shower", 1.6, 4.1, 0.9, 0.9, level=0, kind="shower"),), "warn", ("C0",)),
    # a bath-only bathroom
    ({"c0": "Bathroom"}, (obstacle("bath", 1.6, 4.1, 1.7, 0.7, level=0, kind="bath"),), "fail", ()),
    ({"c0": "WC"}, (), "fail", ()),                                      # a WC
    ({"c0": None, "c1": "Wet Room"}, (), "fail", ()),                    # the wet room upstairs
])
def test_entrance_storey_wet_room(kw, obstacles, expect, subject):
    f = one(run(house(obstacles=obstacles, **kw), "m4-3"), "FP311")
    assert (f.status.value, f.rooms) == (expect, subject)


def test_wet_room_entrance_not_shown():
    assert one(run(house(doors=()), "m4-3"), "FP311").status.value == "warn"


# -- FP312 -------------------------------------------------------------------------------
@pytest.mark.parametrize("kw, expect, rooms", [
    # the bedroom (16 m², the only one: principal) and the bathroom upstairs
    ({}, "pass", ("A1", "C1")),
    # the only bathroom downstairs (the wet room) and the bedroom upstairs
    ({"c1": "Store"}, "fail", ("A1",)),
    # a 16 m² bedroom downstairs and a 4 m² "Bedroom 2" upstairs: the largest is the principal
    ({"a0": "Bedroom 1", "c1": "Bedroom 2", "a1": "Lounge"}, "pass", ("A0", "C0")),
    # the only bedroom is a 4 m² single: still the principal (3.35(d)); the bathroom beside it
    ({"a1": "Lounge", "c1": "Bedroom", "c0": "Store", "a0": "Bathroom"}, "fail", ("C1",)),
])
def test_bathroom_by_principal_bedroom(kw, expect, rooms):
    f = one(run(house(**kw), "m4-3"), "FP312")
    assert (f.status.value, f.rooms) == (expect, rooms)


def test_no_bedroom_is_not_applicable_and_only_in_m43():
    p = house(a1="Study")
    assert [x[1] for x in of(run(p, "m4-3"), "FP312")] == ["not_applicable"]
    for code in ("FP310", "FP311", "FP312"):
        assert not of(run(house()), code) and not of(run(house(), "ndss"), code)


def test_rooms_of_unknown_use_make_a_missing_room_to_review():
    # the wet room downstairs unnamed ("Room 2", use other) and the bathroom upstairs
    # unnamed: either may be the missing room
    p = house(c0="Room 2", c1="Room 5")
    r = run(p, "m4-3")
    assert (one(r, "FP311").status.value, one(r, "FP311").rooms) == ("warn", ("C0",))
    assert one(r, "FP312").status.value == "warn"
