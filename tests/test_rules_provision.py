"""FP302 bathroom provision (the tenants' own, not the staff's; en-suites serve one
tenant), FP304 no office (a study is the tenants'), FP305 meters (a cupboard off a
tenant bedroom is in it). Hand-worked plans: three 3.5 x 3.2 m bedrooms in a row on
y 0-3.2, a staff sleep-in beside them, a hall across y 3.3-4.5, rooms off it above;
doors are points in the 0.1 m gaps between rooms.
"""

from __future__ import annotations

import pytest

from tests.plans import door, meter, plan, rect
from tests.rulecheck import one, run, status

SH = {"scheme": "shared_house"}


def house(tenants: int, *extra, doors=(), bedroom_doors=True):
    """Bedrooms B1..Bn (x = 3.6 i), the sleep-in S after them, the hall H above, and a
    shared bathroom W off the hall at x 0-2.5, y 4.6-7.1."""
    rooms = [rect(f"B{i + 1}", f"Bedroom {i + 1}", 3.6 * i, 0, 3.5, 3.2) for i in range(tenants)]
    sx = 3.6 * tenants
    rooms += [rect("S", "Staff sleep-in", sx, 0, 3.0, 3.2), rect("H", "Hall", 0, 3.3, sx + 3.0, 1.2),
              rect("W", "Bathroom", 0, 4.6, 2.5, 2.5)]
    ds = [door("DW", 1.25, 4.55), door("DS", sx + 1.5, 3.25)]
    if bedroom_doors:
        ds += [door(f"DB{i + 1}", 3.6 * i + 1.75, 3.25) for i in range(tenants)]
    return plan(*rooms, *extra, doors=ds + list(doors), tenants=tenants, **SH), sx


def _fp302(p):
    f = one(run(p), "FP302")
    return f.status.value, f.measured, f.required, f


# -- FP302 bathroom-provision ------------------------------------------------------------
def test_issue_case_staff_ensuite_is_not_tenant_provision():
    # 3 tenants, one shared bathroom, no separate WC, and an en-suite off the sleep-in
    # room (its only door into S). ECC, 3 tenants: 1 bathroom and a separate WC. The
    # tenants have 1 bathroom and 1 WC (the bathroom's): 1 WC short -> not met. Counting
    # the staff en-suite (as before) made it 2 and 2, a false pass.
    sx = 3.6 * 3
    staff = rect("E", "En-suite", sx + 3.1, 0, 2.0, 3.2)
    p, _ = house(3, staff, doors=[door("DE", sx + 3.05, 1.6)])
    st, measured, required, f = _fp302(p)
    # the bathrooms are enough (1 of 1): the finding measures what is short, the WCs
    assert (st, measured, required, f.unit) == ("fail", 1.0, 2.0, "WCs")
    assert "E" not in f.rooms and f.rooms == ("W",)
    assert "staff provision, not counted: En-suite (reached only through Staff sleep-in)" in f.message
    assert "1 WC short" in f.message


@pytest.mark.parametrize("tenants, extra, doors, expect, measured, required", [
    # 3 tenants, the bathroom and a WC off the hall: 1 bathroom and 2 WCs -> met
    (3, [("C", "WC", 2.6, 4.6, 1.0, 1.5)], [("DC", 3.1, 4.55)], "pass", 1.0, 1.0),
    # the same WC named "Staff WC": staff provision -> 1 WC of the 2 for 3 tenants, not met
    (3, [("C", "Staff WC", 2.6, 4.6, 1.0, 1.5)], [("DC", 3.1, 4.55)], "fail", 1.0, 2.0),
    # 2 tenants, one shared bathroom: met (the 2-tenant row)
    (2, [], [], "pass", 1.0, 1.0),
    # 4 tenants, Bedroom 1 has an en-suite (door into B1 only), a shared bathroom and a WC:
    # for 4, 2 bathrooms are needed and 1 is shared; for the other 3, 1 bathroom and 2
    # WCs, which the shared bathroom and WC meet: met only through the en-suite -> review
    (4, [("E", "En-suite", 0, -2.1, 2.0, 2.0), ("C", "WC", 2.6, 4.6, 1.0, 1.5)],
     [("DE", 1.0, -0.05), ("DC", 3.1, 4.55)], "warn", 1.0, 1.0),
    # the same without the WC: the other 3 have 1 WC of the 2 they need -> not met
    (4, [("E", "En-suite", 0, -2.1, 2.0, 2.0)], [("DE", 1.0, -0.05)], "fail", 1.0, 2.0),
])
def test_bathroom_provision(tenants, extra, doors, expect, measured, required):
    rooms = [rect(rid, name, x, y, w, h) for rid, name, x, y, w, h in extra]
    ds = [door(did, x, y) for did, x, y in doors]
    p, _ = house(tenants, *rooms, doors=ds)
    st, m, r, f = _fp302(p)
    assert (st, m, r) == (expect, measured, required), f.message


def test_an_ensuite_reached_from_outside_too_is_not_private():
    # the shower room below Bedroom 1 has a door into it and one to outside (DE2, within
    # reach of the shower room only): not reached only through the bedroom, so shared.
    # 4 tenants: 2 shared bathrooms with 2 WCs -> met
    p, _ = house(4, rect("E", "Shower room", 0, -2.1, 2.0, 2.0),
                 doors=[door("DE", 1.0, -0.05), door("DE2", -0.05, -1.0)])
    st, m, r, f = _fp302(p)
    assert (st, m, r) == ("pass", 2.0, 2.0) and set(f.rooms) == {"W", "E"}


def test_every_tenant_with_an_ensuite_and_nothing_shared_is_to_review():
    # 2 tenants, each with an en-suite off their bedroom; the shared bathroom is named
    # for the staff: no shared provision at all, met only through the en-suites
    rooms = [rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), rect("B2", "Bedroom 2", 3.6, 0, 3.5, 3.2),
             rect("E1", "En-suite 1", 0, -2.1, 2, 2), rect("E2", "En-suite 2", 3.6, -2.1, 2, 2),
             rect("H", "Hall", 0, 3.3, 7.1, 1.2)]
    doors = [door("D1", 1.75, 3.25), door("D2", 5.35, 3.25), door("D3", 1, -0.05), door("D4", 4.6, -0.05)]
    st, m, r, f = _fp302(plan(*rooms, doors=doors, tenants=2, **SH))
    assert (st, m, r) == ("warn", 0.0, 0.0)
    assert "En-suite 1 (Bedroom 1's en-suite)" in f.message and "every tenant has an en-suite" in f.message


def test_an_ensuite_with_no_door_drawn_serves_one_tenant():
    # 4 tenants, no doors at all: a family bathroom and an "En-suite". The en-suite is
    # someone's: the other 3 share 1 bathroom and no separate WC -> not met. (Counted as
    # a second shared bathroom it used to pass.)
    p = plan(*[rect(f"B{i}", "Bedroom", 3.6 * i, 0, 3.5, 3.2) for i in range(4)],
             rect("W", "Bathroom", 0, 4, 2.5, 2.5), rect("E", "En-suite", 3, 4, 2, 2), tenants=4, **SH)
    st, m, r, f = _fp302(p)
    # 1 WC of the 2 the other 3 need (the bathroom is the 1 they need)
    assert (st, m, r, f.unit) == ("fail", 1.0, 2.0, "WCs") and "a bedroom not shown" in f.message


def test_no_doors_drawn_counts_bathrooms_as_shared():
    p = plan(rect("B1", "Bedroom", 0, 0, 3, 3), rect("B2", "Bedroom", 3.1, 0, 3, 3),
             rect("B3", "Bedroom", 6.2, 0, 3, 3), rect("W", "Bathroom", 0, 4, 2, 2),
             rect("C", "WC", 2.1, 4, 1, 1.5), tenants=3, **SH)
    assert _fp302(p)[:3] == ("pass", 1.0, 1.0)


def test_bathroom_provision_not_applicable_without_tenants():
    p = plan(rect("W", "Bathroom", 0, 0, 2, 2), tenants=0, **SH)
    assert status(run(p), "FP302") == "not_applicable"


# -- FP304 no-office -------------------------------------------------------------------------
@pytest.mark.parametrize("name, scheme, dwelling, expect", [
    ("Study", "shared_house", None, "pass"),            # the tenants' study: not an office
    ("Staff Office", "shared_house", None, "fail"),
    ("STAFF ROOM", "shared_house", None, "fail"),
    ("Office", "flats_scheme", None, "pass"),            # in the common parts of a scheme
    ("Office", "flats_scheme", "F1", "fail"),            # inside a flat
])
def test_no_office(name, scheme, dwelling, expect):
    p = plan(rect("B", "Bedroom", 0, 0, 3.5, 3.2, dwelling="F1" if scheme == "flats_scheme" else None),
             rect("O", name, 4, 0, 2.5, 2.5, dwelling=dwelling), scheme=scheme)
    f = one(run(p), "FP304")
    assert f.status.value == expect
    assert f.rooms == (("O",) if expect == "fail" else ())


@pytest.mark.parametrize("rooms, expect", [
    # no scheme given, no dwellings, no bedroom: a teaching building's offices, not a home's
    ([rect("C", "Classroom", 0, 0, 6, 5), rect("O", "Office", 6.1, 0, 3, 3)], "warn"),
    # no scheme given: the office on level 0 under a home whose rooms are all on level 1
    ([rect("O", "Office", 0, 0, 3, 3, level=0.0), rect("B", "Bedroom", 0, 0, 3.5, 3.2, level=1.0),
      rect("K", "Kitchen", 3.6, 0, 3, 3, level=1.0)], "warn"),
    # no scheme given, the office on the bedroom's level: inside the home, as the standard says
    ([rect("O", "Office", 0, 0, 3, 3), rect("B", "Bedroom", 3.1, 0, 3.5, 3.2)], "fail"),
    # a ground floor of a kitchen and an office under the bedrooms: the kitchen is the home's
    ([rect("O", "Office", 0, 0, 3, 3), rect("K", "Kitchen", 3.1, 0, 3, 3),
      rect("B", "Bedroom", 0, 0, 3.5, 3.2, level=1.0)], "fail"),
])
def test_no_office_when_the_plan_may_not_all_be_home(rooms, expect):
    """An assumed scheme is no evidence that an office is in the home: only a home shown
    round it (a bedroom on the plan, a home's room on its level) makes it not met."""
    f = one(run(plan(*rooms)), "FP304")
    assert (f.status.value, f.rooms) == (expect, ("O",))
    assert ("state the scheme" in f.message) == (expect == "warn")


def test_no_office_given_scheme_stands():
    """A scheme the user gives says the whole plan is the home: the office fails wherever."""
    p = plan(rect("C", "Classroom", 0, 0, 6, 5), rect("O", "Office", 6.1, 0, 3, 3), scheme="flat")
    assert one(run(p), "FP304").status.value == "fail"


# -- FP305 meter-location ---------------------------------------------------------------------
def _meters(cupboard_doors, meter_at=(1.0, -0.5), extra=()):
    """Bedroom B1 with cupboard C (2 x 1 m) below it, y -1.1 to -0.1; hall H above."""
    rooms = [rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), rect("H", "Hall", 0, 3.3, 3.5, 1.2),
             rect("C", "Meter cupboard", 0, -1.1, 2.0, 1.0), *extra]
    doors = [door("D1", 1.75, 3.25), *cupboard_doors]
    return plan(*rooms, doors=doors, meters=[meter(*meter_at, "gas")], tenants=1, **SH)


@pytest.mark.parametrize("cupboard_doors, extra, meter_at, expect, rooms", [
    # the cupboard's only door opens off the bedroom: in the bedroom for this rule
    ([door("DC", 1.0, -0.05)], (), (1.0, -0.5), "fail", ("B1", "C")),
    # a door from the cupboard to outside as well: reached without entering the bedroom
    ([door("DC", 1.0, -0.05), door("DX", -0.05, -0.6)], (), (1.0, -0.5), "pass", ("C",)),
    # no door drawn to the cupboard: not taken to open off the bedroom
    ([], (), (1.0, -0.5), "pass", ("C",)),
    # the meter in the bedroom itself
    ([door("DC", 1.0, -0.05)], (), (1.0, 1.0), "fail", ("B1",)),
    # a cupboard off an en-suite off the bedroom: walked through to the bedroom
    ([door("DE", 2.75, -0.05), door("DC", 2.05, -0.6)],
     (rect("E", "En-suite", 2.1, -1.1, 1.4, 1.0),), (1.0, -0.5), "fail", ("B1", "C")),
])
def test_meter_location(cupboard_doors, extra, meter_at, expect, rooms):
    f = one(run(_meters(cupboard_doors, meter_at, extra)), "FP305")
    assert (f.status.value, f.rooms) == (expect, rooms), f.message


def test_meter_location_not_shown_and_not_applicable():
    p = plan(rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), tenants=1, **SH)
    assert status(run(p), "FP305") == "warn"
    p = plan(rect("H", "Hall", 0, 0, 3, 1.2), meters=[meter(1, 0.5)], tenants=0, **SH)
    assert status(run(p), "FP305") == "not_applicable"


def test_a_cupboard_off_a_hall_is_never_in_the_bedroom():
    # the hall's only drawn doors are the bedroom's and the cupboard's (its front door is
    # not drawn): the cupboard is still reached from the hall, not only through the bedroom
    rooms = [rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), rect("H", "Hall", 0, 3.3, 3.5, 1.2),
             rect("C", "Meter cupboard", 0, 4.6, 1.0, 1.0)]
    p = plan(*rooms, doors=[door("D1", 1.75, 3.25), door("DC", 0.5, 4.55)],
             meters=[meter(0.5, 5.0, "gas")], tenants=1, **SH)
    assert status(run(p), "FP305") == "pass"
    # and a bathroom there is shared provision, not Bedroom 1's en-suite
    p = plan(*rooms[:2], rect("W", "Bathroom", 0, 4.6, 2.5, 2.5),
             doors=[door("D1", 1.75, 3.25), door("DW", 1.0, 4.55)], tenants=1, **SH)
    f = one(run(p), "FP302")
    assert (f.status.value, f.measured) == ("pass", 1.0) and "en-suite" not in f.message
