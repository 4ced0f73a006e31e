"""FP308 bedsit, FP309 ensuite-preferred and FP403 several-units (ECC), worked by hand.

Plans are rooms 0.1 m apart (internal walls); doors sit in the gap between two rooms.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import MultiPolygon, box

from tests.plans import door, obstacle, plan, rect
from tests.rulecheck import of, one, run


# -- FP308 bedsit ------------------------------------------------------------------------
def _flat(*rooms, doors=(), **kw):
    return plan(*rooms, doors=doors, scheme=kw.pop("scheme", "flat"), **kw)


@pytest.mark.parametrize("rooms, expect, subject", [
    # a bedroom of its own: not a bedsit
    ([rect("K", "Kitchen/Living", 0, 0, 4, 4), rect("B", "Bedroom", 4.1, 0, 3, 4),
      rect("S", "Shower Room", 0, 4.1, 2, 2)], "pass", ("B",)),
    # no bedroom, one kitchen/living room: the tenant sleeps there
    ([rect("K", "Kitchen/Living", 0, 0, 5, 4), rect("S", "Shower Room", 0, 4.1, 2, 2),
      rect("H", "Hall", 2.1, 4.1, 1.2, 2)], "warn", ("K",)),
    # a room named as a studio (its use cannot be told from "Studio": other) and a kitchen
    ([rect("T", "Studio", 0, 0, 5, 4), rect("K", "Kitchen", 5.1, 0, 2, 4),
      rect("S", "Shower Room", 0, 4.1, 2, 2)], "warn", ("T",)),
    # "Bed-sitting room" reads as a living room; named a bedsit, it is one
    ([rect("L", "Bed-sitting room", 0, 0, 5, 4), rect("L2", "Lounge", 5.1, 0, 3, 4)], "warn", ("L",)),
    # two living rooms and no bedroom: where the tenant sleeps cannot be told; FP307's
    ([rect("L", "Lounge", 0, 0, 4, 4), rect("D", "Living/Dining", 4.1, 0, 4, 4)], "not_applicable", ()),
    # neither bedroom nor living room
    ([rect("K", "Kitchen", 0, 0, 3, 3), rect("S", "Shower Room", 3.1, 0, 2, 2)], "not_applicable", ()),
])
def test_bedsit(rooms, expect, subject):
    f = one(run(_flat(*rooms)), "FP308")
    assert (f.status.value, f.rooms) == (expect, subject)


def test_bedsit_per_flat_in_a_scheme():
    p = plan(rect("A1", "Kitchen/Living", 0, 0, 5, 4, dwelling="Flat A"),
             rect("A2", "Shower Room", 0, 4.1, 2, 2, dwelling="Flat A"),
             rect("B1", "Kitchen/Living", 6, 0, 4, 4, dwelling="Flat B"),
             rect("B2", "Bedroom", 10.1, 0, 3, 4, dwelling="Flat B"),
             rect("C", "Corridor", 0, 6.2, 13, 1.2), scheme="flats_scheme")
    got = {f.dwelling: f.status.value for f in run(p).findings if f.rule == "FP308"}
    assert got == {"Flat A": "warn", "Flat B": "pass"}


def test_bedsit_not_applicable_in_a_shared_house():
    p = plan(rect("L", "Lounge", 0, 0, 4, 4), rect("B1", "Bedroom 1", 4.1, 0, 3, 3),
             rect("B2", "Bedroom 2", 4.1, 3.1, 3, 3), scheme="shared_house")
    assert [f[1] for f in of(run(p), "FP308")] == ["not_applicable"]


def test_bedsit_not_in_ndss_or_m43():
    p = _flat(rect("K", "Kitchen/Living", 0, 0, 5, 4))
    assert not of(run(p, "ndss"), "FP308") and not of(run(p, "m4-3"), "FP308")


# -- FP309 ensuite-preferred ---------------------------------------------------------------
# a hall 1.2 x 6 at x 0-1.2; a bedroom 3.5 x 3.5 at x 1.3-4.8, y 0-3.5; a bathroom
# 2 x 2 at x 1.3-3.3, y 3.6-5.6
HALL = rect("H", "Hall", 0, 0, 1.2, 6)
BED = rect("B", "Bedroom 1", 1.3, 0, 3.5, 3.5)
BATH = rect("E", "Shower Room", 1.3, 3.6, 2.0, 2.0)
BED_HALL = door("D1", 1.25, 1.5)          # hall - bedroom
BED_BATH = door("D2", 2.3, 3.55)          # bedroom - shower room
HALL_BATH = door("D3", 1.25, 4.6)         # hall - shower room


@pytest.mark.parametrize("doors, expect, rooms", [
    ([BED_HALL, BED_BATH], "pass", ("B", "E")),             # its only door opens into the bedroom
    ([BED_HALL, HALL_BATH], "warn", ("B",)),                # the shower room is off the hall
    ([BED_HALL, BED_BATH, HALL_BATH], "warn", ("B",)),      # a door from the hall too: not its own
    ([], "warn", ("B",)),                                   # no doors: cannot be told
])
def test_ensuite_preferred(doors, expect, rooms):
    p = plan(HALL, BED, BATH, rect("B2", "Bedroom 2", 1.3, 5.7, 3.5, 3.5), doors=doors,
             scheme="shared_house")
    f = one(run(p), "FP309", "B")
    assert (f.status.value, f.rooms) == (expect, rooms)


def test_ensuite_preferred_only_in_shared_houses():
    p = plan(HALL, BED, BATH, doors=[BED_HALL, BED_BATH], scheme="flat")
    assert [f[1] for f in of(run(p), "FP309")] == ["not_applicable"]


def test_staff_sleep_in_room_is_not_checked():
    # the sleep-in room on the other side of the hall, with a door: only the bedroom is checked
    p = plan(HALL, BED, rect("S", "Staff Sleep-in", -3.6, 0, 3.5, 3.5),
             doors=[BED_HALL, door("D4", -0.05, 1.5)], scheme="shared_house")
    assert {f[0] for f in of(run(p), "FP309")} == {("B",)}


# -- FP403 several-units ---------------------------------------------------------------------
def _house(x0=0.0, dwelling=None, level=0.0, prefix="", sleep_in=True):
    kw = {"dwelling": dwelling, "level": level}
    rooms = [rect(f"{prefix}L", "Lounge", x0, 0, 4, 4, **kw),
             rect(f"{prefix}B1", "Bedroom 1", x0 + 4.1, 0, 3, 4, **kw),
             rect(f"{prefix}B2", "Bedroom 2", x0 + 7.2, 0, 3, 4, **kw)]
    if sleep_in:
        rooms.append(rect(f"{prefix}S", "Staff Sleep-in", x0, 4.1, 3, 3, **kw))
    return rooms


@pytest.mark.parametrize("rooms, scheme, expect, measured", [
    # one shared house, rooms 0.1 m apart
    (_house(), "shared_house", "pass", 1.0),
    # two houses 6 m apart (the first ends at x = 10.2, the second starts at 16.2)
    (_house() + _house(16.2, prefix="b"), "shared_house", "warn", 2.0),
    # 0.9 m apart: closer than 1.0 m, one building
    (_house() + _house(11.1, prefix="b"), "shared_house", "pass", 1.0),
    # 1.1 m apart: two buildings
    (_house() + _house(11.3, prefix="b"), "shared_house", "warn", 2.0),
    # a bin store 5 m away is not a building people live in
    (_house() + [rect("X", "Bin Store", 15, 0, 2, 1)], "shared_house", "pass", 1.0),
    # a shared house (a dwelling with a staff sleep-in room) and a flat beside it
    (_house(dwelling="House") + _house(10.3, dwelling="Flat 1", prefix="f", sleep_in=False),
     "flats_scheme", "warn", 1.0),
    # flats, and tenant bedrooms in no dwelling (a shared house of their own)
    (_house(sleep_in=False, dwelling="Flat 1") + _house(10.3, prefix="h", sleep_in=False),
     "flats_scheme", "warn", 1.0),
    # two flats side by side: one kind of home in one building
    (_house(sleep_in=False, dwelling="Flat 1") + _house(10.3, dwelling="Flat 2", prefix="f", sleep_in=False),
     "flats_scheme", "pass", 1.0),
])
def test_several_units(rooms, scheme, expect, measured):
    f = one(run(plan(*rooms, scheme=scheme)), "FP403")
    assert (f.status.value, f.measured, f.unit) == (expect, measured, "buildings")


def test_grown_outlines_touching_at_a_corner_are_two_buildings():
    # 4 x 4 m rooms at (0, 0) and (5, 5): 1.41 m apart corner to corner, over the 1.0 m
    # gap; grown by 0.5 m (mitred: squares) they touch at the one point (4.5, 4.5)
    rooms = [rect("A", "Bedroom 1", 0, 0, 4, 4), rect("B", "Bedroom 2", 5, 5, 4, 4)]
    f = one(run(plan(*rooms, scheme="shared_house")), "FP403")
    assert (f.status.value, f.measured) == ("warn", 2.0)


def test_a_room_in_two_parts_does_not_join_the_buildings_it_stands_by():
    # a store drawn as two parts, one 0.1 m from each house; the houses 6 m apart: each
    # part is in one building, the store's name is in one, and there are still two
    store = replace(rect("X", "Store", 0, 0, 1, 1),
                    polygon=MultiPolygon([box(10.3, 0, 11.3, 1), box(15.1, 0, 16.1, 1)]))
    rooms = _house() + _house(16.2, prefix="b") + [store]
    f = one(run(plan(*rooms, scheme="shared_house")), "FP403")
    assert (f.status.value, f.measured) == ("warn", 2.0)


def test_storeys_stacked_are_one_building():
    # ground floor: the house; first floor: two bedrooms over it
    rooms = _house() + [rect("U1", "Bedroom 3", 0, 0, 4, 4, level=1), rect("U2", "Bedroom 4", 4.1, 0, 3, 4, level=1)]
    assert one(run(plan(*rooms, scheme="shared_house")), "FP403").status.value == "pass"


def test_a_storey_with_no_room_lived_in_holds_no_building():
    # ground floor: the house; first floor: two stores 6 m apart, nobody living in either:
    # that storey's groups are all left out, so it cannot count two buildings
    rooms = _house() + [rect("S1", "Store", 0, 0, 1, 1, level=1), rect("S2", "Store", 8, 0, 1, 1, level=1)]
    f = one(run(plan(*rooms, scheme="shared_house")), "FP403")
    assert (f.status.value, f.measured) == ("pass", 1.0)


def test_building_property_wins():
    rooms = _house()
    tagged = [replace(r, properties={"building": "A" if i < 2 else "B"}) for i, r in enumerate(rooms)]
    f = one(run(plan(*tagged, scheme="shared_house")), "FP403")
    assert (f.status.value, f.measured) == ("warn", 2.0)
    assert "2 separate buildings" in f.message


def test_nothing_lived_in_is_not_applicable():
    assert [x[1] for x in of(run(plan(rect("X", "Store", 0, 0, 2, 2), scheme="flat")), "FP403")] \
        == ["not_applicable"]


def test_several_units_in_ecc_only():
    rooms = _house() + _house(16.2, prefix="b")
    for profile in ("ndss", "m4-3"):
        assert not of(run(plan(*rooms, scheme="shared_house"), profile), "FP403")


# -- FP307 self-contained-flat -------------------------------------------------------------
# flat A: a kitchen/living room 4 x 4 (x 0-4, y 0-4), a bedroom 3 x 4 (x 4.1-7.1), a hall
# 1.2 x 2 (x 0-1.2, y 4.1-6.1) and a shower room 2 x 2 (x 1.3-3.3, y 4.1-6.1); the common
# corridor below (y -1.6 to -0.1), in no dwelling
def _flat_a(*skip, dwelling="Flat A", extra=()):
    rooms = {"K": rect("K", "Kitchen/Living", 0, 0, 4, 4, dwelling=dwelling),
             "B": rect("B", "Bedroom", 4.1, 0, 3, 4, dwelling=dwelling),
             "H": rect("H", "Hall", 0, 4.1, 1.2, 2, dwelling=dwelling),
             "S": rect("S", "Shower Room", 1.3, 4.1, 2, 2, dwelling=dwelling)}
    return [r for k, r in rooms.items() if k not in skip] + list(extra)


CORRIDOR = rect("C", "Corridor", 0, -1.6, 12, 1.5)
FRONT = door("D1", 0.6, -0.05)          # corridor - kitchen/living
INNER = [door("D2", 4.05, 2.0), door("D3", 0.6, 4.05), door("D4", 1.25, 5.0)]


WORKTOP = obstacle("Worktop", 0, 0, 0.6, 3, kind="kitchen_unit")
LOUNGE = rect("K", "Lounge", 0, 0, 4, 4, dwelling="Flat A")


@pytest.mark.parametrize("rooms, doors, obstacles, expect, measured, says", [
    (_flat_a(), [FRONT, *INNER], [], "pass", 5.0, "entrance door (D1)"),
    (_flat_a("S"), [FRONT, *INNER[:2]], [], "fail", 4.0, "no bathroom"),
    # no kitchen room, but kitchen units drawn in the lounge: that is its kitchen
    ([LOUNGE, *_flat_a("K")], [FRONT, *INNER], [WORKTOP], "pass", 5.0, "kitchen (Lounge)"),
    # ... and without them the flat has no kitchen
    ([LOUNGE, *_flat_a("K")], [FRONT, *INNER], [], "fail", 4.0, "no kitchen"),
    # a studio: no bedroom, the kitchen/living room is slept in (FP308 warns)
    (_flat_a("B"), [FRONT, *INNER[1:]], [], "pass", 5.0, "slept in: a bedsit"),
    # no door out of the flat: the front door is missing
    (_flat_a(), INNER, [], "fail", 4.0, "no entrance door of its own"),
    # no doors drawn at all: the entrance is not shown
    (_flat_a(), [], [], "warn", 4.0, "not shown on the plan"),
])
def test_self_contained_flat(rooms, doors, obstacles, expect, measured, says):
    p = plan(*rooms, CORRIDOR, doors=doors, obstacles=obstacles, scheme="flats_scheme")
    f = one(run(p), "FP307")
    assert (f.status.value, f.measured, f.required, f.dwelling) == (expect, measured, 5.0, "Flat A")
    assert says in f.message


def test_a_door_into_another_flat_is_not_its_own_entrance():
    # flat B's only way in is through flat A's bedroom (x 4.1-7.1), a door in the 0.1 m
    # wall between it and flat B's kitchen/living room
    b = [rect("BK", "Kitchen/Living", 7.2, 0, 3, 4, dwelling="Flat B"),
         rect("BB", "Bedroom", 10.3, 0, 3, 4, dwelling="Flat B"),
         rect("BS", "Bathroom", 7.2, 4.1, 2, 2, dwelling="Flat B")]
    doors = [FRONT, *INNER, door("X", 7.15, 1.0),                 # flat A bedroom - flat B kitchen
             door("X2", 10.25, 2.0), door("X3", 8.2, 4.05)]
    r = run(plan(*_flat_a(), *b, CORRIDOR, doors=doors, scheme="flats_scheme"))
    got = {f.dwelling: (f.status.value, f.measured) for f in r.findings if f.rule == "FP307"}
    assert got == {"Flat A": ("pass", 5.0), "Flat B": ("fail", 4.0)}
    assert "no entrance door of its own" in one(r, "FP307", "BK").message


def test_one_flat_without_dwellings_and_a_marked_entrance():
    from shapely.geometry import Point

    from floorplan.model import Door

    rooms = _flat_a(dwelling=None)
    marked = Door("E", Point(0.6, 6.15), width=0.9, entrance=True)     # hall - outside, marked
    f = one(run(plan(*rooms, doors=[marked, *INNER], scheme="flat")), "FP307")
    assert (f.status.value, f.measured, f.dwelling) == ("pass", 5.0, None)
    assert "entrance door (E)" in f.message


def test_an_unnamed_room_entered_by_a_door_may_be_the_common_parts():
    # one flat read without dwellings: every room named but a 1.2 x 2 space beyond the
    # hall's far wall (x 0-1.2, y 6.2-8.2), entered by a door from the hall (at y 6.15):
    # a landing the reading took for the flat's. No door leads outside or into common
    # parts, but that space may be them: its entrance cannot be told
    landing = rect("L", "", 0, 6.2, 1.2, 2)
    doors = [door("D9", 0.6, 6.15), *INNER]
    f = one(run(plan(*_flat_a(dwelling=None), landing, doors=doors, scheme="flat")), "FP307")
    assert (f.status.value, f.measured) == ("warn", 4.0)
    assert "its entrance cannot be told" in f.message and "(L)" in f.message
    assert "no entrance door of its own" not in f.message
    # named as the flat's own hall, it is no common part: the entrance is missing
    hall2 = rect("L", "Hall", 0, 6.2, 1.2, 2)
    f = one(run(plan(*_flat_a(dwelling=None), hall2, doors=doors, scheme="flat")), "FP307")
    assert f.status.value == "fail" and "no entrance door of its own" in f.message
    # an unnamed room no door leads into is no way in: the entrance is missing (the finding
    # is still to review, by the unnamed room: floorplan.tempering)
    f = one(run(plan(*_flat_a(dwelling=None), rect("L", "", 5, 6.2, 1.2, 2),
                     doors=INNER, scheme="flat")), "FP307")
    assert "no entrance door of its own" in f.message
    assert "cannot be told" not in f.message


def test_self_contained_flat_not_in_a_shared_house():
    p = plan(*_flat_a(dwelling=None), doors=[FRONT, *INNER], scheme="shared_house")
    assert [x[1] for x in of(run(p), "FP307")] == ["not_applicable"]


def test_a_room_of_unknown_use_may_be_the_missing_one():
    # no kitchen named, but "Room 3" (use other: FP004) may be it: to review, not a fail
    rooms = [*_flat_a("K"), rect("X", "Room 3", 0, 0, 4, 4, dwelling="Flat A")]
    f = one(run(plan(*rooms, CORRIDOR, doors=[FRONT, *INNER], scheme="flats_scheme")), "FP307")
    assert (f.status.value, f.measured) == ("warn", 3.0)      # bedroom, bathroom, entrance
    assert "unknown use" in f.message
    # a use the plan states is no unknown: then the kitchen is missing
    rooms = [*_flat_a("K"), rect("X", "Room 3", 0, 0, 4, 4, dwelling="Flat A", use="other")]
    f = one(run(plan(*rooms, CORRIDOR, doors=[FRONT, *INNER], scheme="flats_scheme")), "FP307")
    assert f.status.value == "fail"
