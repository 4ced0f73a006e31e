"""FP205 wheelchair-storage, FP206 liftway and FP207 kitchen-clear-zone (M4(3) 3.25, 3.29,
3.32(b)), worked by hand. Rooms are rectangles; fittings are drawn with their kind."""

from __future__ import annotations

import pytest

from tests.plans import door, obstacle, plan, rect
from tests.rulecheck import of, one, run


def store(x, y, w, h, level=None, name="Wheelchair store"):
    return obstacle(name, x, y, w, h, level=level, kind="wheelchair_storage")


def lift(x, y, w, h, level=None):
    return obstacle("Through-floor lift", x, y, w, h, oid=f"lift-{x}-{y}-{level}", level=level, kind="liftway")


def unit(x, y, w, h, name="Worktop"):
    return obstacle(name, x, y, w, h, kind="kitchen_unit")


# -- FP205 --------------------------------------------------------------------------------
# a hall ``w`` x 4.0 m with a store against its west wall (x 0-1.1, y 0-1.7): the transfer
# space is in front of the store's east side, x 1.1 to the hall's east wall
@pytest.mark.parametrize("w, fittings, expect, measured, required", [
    (2.4, [store(0, 0, 1.1, 1.7)], "pass", 1.2, 1.2),                     # 1.3 m clear: 1.2 found
    (2.3, [store(0, 0, 1.1, 1.7)], "pass", 1.2, 1.2),                     # exactly 1.2 m
    (2.2, [store(0, 0, 1.1, 1.7)], "fail", pytest.approx(1.1), 1.2),       # 1.1 m: 100 mm short
    # coats 0.3 m deep on the east wall in front of the store: 2.4 - 0.3 - 1.1 = 1.0 m
    (2.4, [store(0, 0, 1.1, 1.7), obstacle("coats", 2.1, 0.5, 0.3, 0.5)], "fail", pytest.approx(1.0), 1.2),
    # the store is 1.0 m deep: too small (its smaller side is measured)
    (2.4, [store(0, 0, 1.0, 1.7)], "fail", pytest.approx(1.0), 1.1),
    # 1.6 m wide: its larger side is short
    (2.4, [store(0, 0, 1.1, 1.6)], "fail", pytest.approx(1.6), 1.7),
    # 2.5 m long with coats in front of its first 0.8 m: a 1.7 m stretch (y 0.8-2.5) is clear
    (2.4, [store(0, 0, 1.1, 2.5), obstacle("coats", 2.0, 0.0, 0.4, 0.8)], "pass", 1.2, 1.2),
])
def test_wheelchair_storage_in_a_hall(w, fittings, expect, measured, required):
    f = one(run(plan(rect("H", "Hall", 0, 0, w, 4), obstacles=fittings, scheme="flat"), "m4-3"), "FP205")
    assert (f.status.value, f.measured, f.required, f.rooms) == (expect, measured, required, ("H",))


def test_wheelchair_storage_not_shown():
    f = one(run(plan(rect("H", "Hall", 0, 0, 2.4, 4), scheme="flat"), "m4-3"), "FP205")
    assert (f.status.value, f.measured) == ("warn", None)
    assert "not shown on the plan" in f.message


@pytest.mark.parametrize("hall_w, doors, expect, measured", [
    (1.3, [door("D", -0.05, 0.9)], "pass", 1.2),           # 1.3 m hall past a 0.1 m wall
    (1.1, [door("D", -0.05, 0.9)], "fail", pytest.approx(1.1)),
    (1.3, [], "warn", None),                               # no door into the store: cannot be told
])
def test_wheelchair_store_room(hall_w, doors, expect, measured):
    # a store room 1.2 x 1.8 m (x -1.3 to -0.1) west of the hall (x 0 to hall_w)
    p = plan(rect("H", "Hall", 0, 0, hall_w, 4), rect("W", "Wheelchair Store", -1.3, 0, 1.2, 1.8),
             doors=doors, scheme="flat")
    f = one(run(p, "m4-3"), "FP205")
    assert (f.status.value, f.measured, f.rooms) == (expect, measured, ("W",))


def test_wheelchair_storage_only_in_m43():
    p = plan(rect("H", "Hall", 0, 0, 2.4, 4), scheme="flat")
    assert not of(run(p), "FP205") and not of(run(p, "ndss"), "FP205")


# -- FP206 ---------------------------------------------------------------------------------
# a hall on the ground floor and a landing over it, both ``w`` x 4.0 m
def _two_storeys(w=2.4, fittings=(), extra=()):
    return plan(rect("H", "Hall", 0, 0, w, 4, level=0), rect("L", "Landing", 0, 0, w, 4, level=1),
                rect("B", "Bedroom", w + 0.1, 0, 3.5, 4, level=1), *extra, obstacles=fittings,
                scheme="flat")


@pytest.mark.parametrize("fittings, w, expect, measured", [
    # 1.1 x 1.65 m on both storeys; in front of it (y 1.65 up) 2.4 m wide: a 1.5 m circle fits
    ([lift(0, 0, 1.1, 1.65, 0), lift(0, 0, 1.1, 1.65, 1)], 2.4, "pass", pytest.approx(1.1)),
    # 1.0 x 1.5 m: too small
    ([lift(0, 0, 1.0, 1.5, 0), lift(0, 0, 1.0, 1.5, 1)], 2.4, "fail", pytest.approx(1.0)),
    # only on the ground floor
    ([lift(0, 0, 1.1, 1.65, 0)], 2.4, "warn", pytest.approx(1.1)),
    # on each storey, but the first floor's is at the other end: not one over the other
    ([lift(0, 0, 1.1, 1.65, 0), lift(0, 2.35, 1.1, 1.65, 1)], 2.4, "fail", pytest.approx(1.1)),
    # a 1.4 m hall: beside the liftway 0.3 m, in front 1.4 m wide: no 1.5 m circle
    ([lift(0, 0, 1.1, 1.65, 0), lift(0, 0, 1.1, 1.65, 1)], 1.4, "fail", pytest.approx(1.1)),
    ([], 2.4, "warn", None),
])
def test_liftway(fittings, w, expect, measured):
    f = one(run(_two_storeys(w, fittings), "m4-3"), "FP206")
    assert (f.status.value, f.measured) == (expect, measured)


def test_liftway_drawn_as_a_room():
    # a "Lift" room 1.2 x 1.7 m on each storey beside the hall and the landing (2.4 m
    # wide past a 0.1 m wall): a 1.5 m circle fits in front of it on each storey
    rooms = [rect("T0", "Lift", -1.3, 0, 1.2, 1.7, level=0), rect("T1", "Lift", -1.3, 0, 1.2, 1.7, level=1)]
    f = one(run(_two_storeys(2.4, (), rooms), "m4-3"), "FP206")
    assert (f.status.value, f.measured, f.rooms) == ("pass", pytest.approx(1.2), ("T0", "T1"))


def test_one_storey_needs_no_liftway():
    p = plan(rect("H", "Hall", 0, 0, 2.4, 4), scheme="flat")
    assert [x[1] for x in of(run(p, "m4-3"), "FP206")] == ["not_applicable"]


# -- FP207 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("room_w, units, others, expect, measured", [
    # units 0.6 m deep along the west wall of a 3.0 m kitchen: 2.4 m clear, 1.5 m found
    (3.0, [unit(0, 0, 0.6, 4)], [], "pass", 1.5),
    # a galley 2.4 m wide, units on both sides: 1.2 m between them
    (2.4, [unit(0, 0, 0.6, 4), unit(1.8, 0, 0.6, 4)], [], "fail", pytest.approx(1.2)),
    # 2.7 m wide: exactly 1.5 m between them
    (2.7, [unit(0, 0, 0.6, 4), unit(2.1, 0, 0.6, 4)], [], "pass", pytest.approx(1.5)),
    # 2.699 m: 1 mm short
    (2.699, [unit(0, 0, 0.6, 4), unit(2.099, 0, 0.6, 4)], [], "fail", pytest.approx(1.499)),
    # a table 1.0 m in front of the units
    (3.0, [unit(0, 0, 0.6, 4)], [obstacle("table", 1.6, 1.0, 0.8, 1.0)], "fail", pytest.approx(1.0)),
    # an L of units drawn as two pieces: one run, its two inner faces are clear
    (3.2, [unit(0, 0, 0.6, 3.0), unit(0.6, 0, 2.4, 0.6, name="Hob")], [], "pass", 1.5),
    # an island 1.0 x 0.6 m with 1.5 m round it on three sides and 1.4 m on the fourth
    (3.9, [unit(1.5, 1.5, 1.0, 0.6)], [], "fail", pytest.approx(1.4)),
])
def test_kitchen_clear_zone(room_w, units, others, expect, measured):
    p = plan(rect("K", "Kitchen", 0, 0, room_w, 4), obstacles=[*units, *others], scheme="flat")
    f = one(run(p, "m4-3"), "FP207")
    assert (f.status.value, f.measured, f.required, f.rooms) == (expect, measured, 1.5, ("K",))


def test_kitchen_units_not_shown():
    # a kitchen with a worktop drawn as a fitting of no kind: the units are not shown
    p = plan(rect("K", "Kitchen", 0, 0, 3, 4), obstacles=[obstacle("thing", 0, 0, 0.6, 4)], scheme="flat")
    f = one(run(p, "m4-3"), "FP207")
    assert (f.status.value, f.measured, f.rooms) == ("warn", None, ("K",))
    assert "not shown on the plan" in f.message


def test_units_in_a_living_room_are_checked_and_no_kitchen_is_not_applicable():
    p = plan(rect("L", "Living", 0, 0, 3, 4), obstacles=[unit(0, 0, 0.6, 4)], scheme="flat")
    assert of(run(p, "m4-3"), "FP207") == [(("L",), "pass", 1.5)]
    p = plan(rect("B", "Bedroom", 0, 0, 3, 4), scheme="flat")
    assert [x[1] for x in of(run(p, "m4-3"), "FP207")] == ["not_applicable"]
