"""FP109 double-bedroom (NDSS 10(b)): two or more bedspaces need a double or twin bedroom."""

from __future__ import annotations

import pytest

from tests.plans import plan, rect
from tests.rulecheck import of, one, run


@pytest.mark.parametrize("rooms, expect, measured, subject", [
    # 3.0 x 4.0 = 12 m² (a double, 2 bedspaces) and 2.5 x 3.0 = 7.5 m² (a single): 3 bedspaces
    ([rect("B1", "Bedroom 1", 0, 0, 3.0, 4.0), rect("B2", "Bedroom 2", 3.1, 0, 2.5, 3.0)], "pass", 1.0, ("B1",)),
    # exactly 11.5 m² (2.5 x 4.6) is a double
    ([rect("B1", "Bedroom 1", 0, 0, 2.5, 4.6), rect("B2", "Bedroom 2", 2.6, 0, 2.5, 3.2)], "pass", 1.0, ("B1",)),
    # two 2.5 x 3.2 m = 8 m² singles: 2 bedspaces and no double
    ([rect("B1", "Bedroom 1", 0, 0, 2.5, 3.2), rect("B2", "Bedroom 2", 2.6, 0, 2.5, 3.2)], "fail", 0.0,
     ("B1", "B2")),
    # 11.49 m² (2.5 x 4.596) is still a single
    ([rect("B1", "Bedroom 1", 0, 0, 2.5, 4.596), rect("B2", "Bedroom 2", 2.6, 0, 2.5, 3.2)], "fail", 0.0,
     ("B1", "B2")),
    # one 9 m² single bedroom: 1 bedspace, no double needed
    ([rect("B1", "Bedroom 1", 0, 0, 3.0, 3.0)], "not_applicable", 1.0, ()),
    # a 9 m² bedroom and a staff sleep-in room (which sleeps one, and is not the double)
    ([rect("B1", "Bedroom 1", 0, 0, 3.0, 3.0), rect("S", "Staff Sleep-in", 3.1, 0, 3.5, 3.5)], "fail", 0.0,
     ("B1",)),
])
def test_double_bedroom(rooms, expect, measured, subject):
    f = one(run(plan(*rooms, scheme="flat"), "ndss"), "FP109")
    assert (f.status.value, f.measured, f.rooms) == (expect, measured, subject)


def test_a_declared_double_counts():
    # a 10 m² room the plan calls a double: FP109 passes (FP101 holds it to 11.5 m²)
    rooms = [rect("B1", "Bedroom 1", 0, 0, 2.5, 4.0, properties={"bedroom_type": "double"})]
    r = run(plan(*rooms, scheme="flat"), "ndss")
    assert (one(r, "FP109").status.value, one(r, "FP101").status.value) == ("pass", "fail")


def test_each_flat_of_a_scheme():
    p = plan(rect("A", "Bedroom", 0, 0, 3, 4, dwelling="Flat 1"), rect("A2", "Bedroom 2", 3.1, 0, 2.5, 3, dwelling="Flat 1"),
             rect("B", "Bedroom", 7, 0, 2.5, 3.2, dwelling="Flat 2"), rect("B2", "Bedroom 2", 9.6, 0, 2.5, 3.2, dwelling="Flat 2"),
             scheme="flats_scheme")
    got = {f.dwelling: f.status.value for f in run(p, "ndss").findings if f.rule == "FP109"}
    assert got == {"Flat 1": "pass", "Flat 2": "fail"}


def test_only_in_ndss():
    p = plan(rect("B1", "Bedroom 1", 0, 0, 2.5, 3.2), rect("B2", "Bedroom 2", 2.6, 0, 2.5, 3.2), scheme="flat")
    assert not of(run(p), "FP109") and not of(run(p, "m4-3"), "FP109")
