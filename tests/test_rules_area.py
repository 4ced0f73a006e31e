"""FP101-FP105: areas, with hand-worked numbers."""

from __future__ import annotations

import pytest

from tests.plans import flat_ceiling, obstacle, plan, rect, slope_y
from tests.rulecheck import one, run, status

SH = {"scheme": "shared_house"}


# -- FP101 bedroom-area (ECC) -----------------------------------------------------------
@pytest.mark.parametrize("w, h, expect, area", [
    (3.5, 3.2, "pass", 11.2),
    (2.5, 4.0, "pass", 10.0),    # exactly 10.0: pass
    (2.5, 3.9, "warn", 9.75),
    (2.0, 4.0, "warn", 8.0),     # exactly 8.0: warn, not fail
    (2.5, 3.0, "fail", 7.5),
])
def test_bedroom_area_ecc(w, h, expect, area):
    r = run(plan(rect("R1", "Bedroom 1", 0, 0, w, h), **SH))
    f = one(r, "FP101", "R1")
    assert (f.status.value, f.rooms) == (expect, ("R1",))
    assert f.measured == pytest.approx(area)
    assert f.required == 8.0


def test_bedroom_area_leaves_out_low_headroom():
    # 4 x 3 m attic: ceiling 0.9 m at y=0 rising to 2.4 m at y=3 -> 1.5 m at y=1.2;
    # counted 4 x 1.8 = 7.2 m², 4.8 m² left out
    p = plan(rect("R1", "Attic bedroom", 0, 0, 4, 3), ceilings=[slope_y(0, 0, 4, 3, 0.9, 2.4)], **SH)
    f = one(run(p), "FP101", "R1")
    assert f.status.value == "fail"
    assert f.measured == pytest.approx(7.2)
    assert {m.role for m in f.marks} == {"room", "low_headroom"}
    low = [m for m in f.marks if m.role == "low_headroom"][0]
    assert low.geometry.area == pytest.approx(4.8)


@pytest.mark.parametrize("height, expect, area", [
    (1.5, "warn", 9.0),   # exactly 1.5 m headroom is counted
    (1.49, "fail", 0.0),
])
def test_bedroom_headroom_boundary(height, expect, area):
    p = plan(rect("R1", "Bedroom", 0, 0, 3, 3), ceilings=[flat_ceiling(0, 0, 3, 3, height)], **SH)
    f = one(run(p), "FP101", "R1")
    assert (f.status.value, f.measured) == (expect, pytest.approx(area))


def test_bedroom_area_not_applicable():
    # no tenant bedroom (a sleep-in room is not one): nothing subject
    p = plan(rect("R1", "Staff sleep-in", 0, 0, 2, 3), rect("R2", "Kitchen", 3, 0, 4, 5), **SH)
    assert status(run(p), "FP101") == "not_applicable"
    # a scheme of flats: ECC bedroom sizes are for shared houses
    p = plan(rect("R1", "Bedroom", 0, 0, 2, 3, dwelling="Flat 1"), scheme="flats_scheme")
    assert status(run(p), "FP101") == "not_applicable"


# -- FP101 typed (NDSS, M4(3)) ------------------------------------------------------------
@pytest.mark.parametrize("w, h, props, expect, required", [
    (2.5, 3.0, {}, "pass", 7.5),                         # exactly 7.5: single
    (2.4, 3.0, {}, "fail", 7.5),                         # 7.2 m²
    (3.0, 4.0, {}, "pass", 11.5),                        # 12 m²: double
    (2.5, 4.0, {"bedroom_type": "double"}, "fail", 11.5),  # declared double, 10 m²
])
def test_bedroom_area_ndss(w, h, props, expect, required):
    p = plan(rect("R1", "Bedroom", 0, 0, w, h, properties=props), scheme="flat")
    f = one(run(p, "ndss"), "FP101", "R1")
    assert (f.status.value, f.required) == (expect, required)
    assert f.measured == pytest.approx(w * h)


def test_bedroom_area_m43_principal_and_double():
    # 3.5 x 4 = 14.0 principal (>= 13.5); 2.5 x 5 = 12.5 other double (>= 12.5)
    p = plan(rect("B1", "Bedroom 1", 0, 0, 3.5, 4), rect("B2", "Bedroom 2", 4, 0, 2.5, 5), scheme="flat")
    r = run(p, "m4-3")
    assert (status(r, "FP101", "B1"), one(r, "FP101", "B1").required) == ("pass", 13.5)
    assert (status(r, "FP101", "B2"), one(r, "FP101", "B2").required) == ("pass", 12.5)


# B9: a 4 x 4 m principal bedroom beside, so that B1 is not the only or largest bedroom
B9 = rect("B9", "Bedroom 9", 10, 0, 4, 4)


@pytest.mark.parametrize("w, h, others, expect, required", [
    (2.6, 5.0, [], "fail", 13.5),     # 13.0: the only double is the principal
    (2.5, 3.4, [B9], "pass", 8.5),    # exactly 8.5: a single
    (2.5, 3.2, [B9], "fail", 8.5),    # 8.0
    # 3.35(d): the only bedroom is the principal double, whatever its area
    (2.5, 3.4, [], "fail", 13.5),     # 8.5 m², alone: 5.0 m² short of 13.5
    (3.0, 4.5, [], "pass", 13.5),     # exactly 13.5
    # the largest of two singles is the principal: 10 m² and 9 m²
    (2.5, 4.0, [rect("B2", "Bedroom 2", 5, 0, 3, 3)], "fail", 13.5),
])
def test_bedroom_area_m43(w, h, others, expect, required):
    f = one(run(plan(rect("B1", "Bedroom", 0, 0, w, h), *others, scheme="flat"), "m4-3"), "FP101", "B1")
    assert (f.status.value, f.required) == (expect, required)


def test_only_bedroom_as_principal_is_an_assumption():
    r = run(plan(rect("B1", "Bedroom", 0, 0, 2.5, 3.4), scheme="flat"), "m4-3")
    said = [a for a in r.assumptions if a.topic == "principal_bedroom"]
    assert [a.rooms for a in said] == [("B1",)] and "3.35(d)" in said[0].text


@pytest.mark.parametrize("w, h, expect", [
    (2.5, 3.0, "pass"),     # 7.5 m², 2.5 m wide: held to the single bedroom's 7.5 m² and 2.15 m
    (2.4, 3.0, "fail"),     # 7.2 m²
])
def test_ndss_sleep_in_room_is_a_single_bedroom(w, h, expect):
    p = plan(rect("B1", "Bedroom 1", 0, 0, 3, 4), rect("S", "Staff Sleep-in", 3.1, 0, w, h),
             scheme="shared_house")
    r = run(p, "ndss")
    f = one(r, "FP101", "S")
    assert (f.status.value, f.required, f.measured) == (expect, 7.5, pytest.approx(w * h))
    assert "staff sleep-in" in f.message
    # the ECC profile does not hold the sleep-in room to a bedroom's size
    assert not [x for x in run(p).findings if x.rule == "FP101" and "S" in x.rooms]


# -- FP102 wheelchair-bedroom-area --------------------------------------------------------
@pytest.mark.parametrize("w, h, wheelchair, plan_wheelchair, expect", [
    (3.5, 3.2, True, False, "fail"),     # 11.2
    (2.5, 5.0, True, False, "pass"),     # exactly 12.5
    (3.0, 4.0, False, True, "fail"),     # the whole plan is wheelchair: 12.0
    (3.0, 4.0, False, False, "not_applicable"),
])
def test_wheelchair_bedroom_area(w, h, wheelchair, plan_wheelchair, expect):
    p = plan(rect("R1", "Bedroom", 0, 0, w, h, wheelchair=wheelchair), wheelchair=plan_wheelchair, **SH)
    f = one(run(p), "FP102")
    assert f.status.value == expect
    if expect != "not_applicable":
        assert (f.rooms, f.measured) == (("R1",), pytest.approx(w * h))


# -- FP103 dwelling-area -------------------------------------------------------------------
@pytest.mark.parametrize("w, expect", [(6.5, "pass"), (6.0, "fail")])   # 39.0 / 36.0 m²
def test_flat_area_ecc(w, expect):
    p = plan(rect("K", "Kitchen/Living", 0, 0, w, 4, dwelling="Flat 1"),
             rect("B", "Bedroom", 0, 4, w, 2, dwelling="Flat 1"), scheme="flats_scheme")
    f = one(run(p), "FP103")
    assert (f.status.value, f.dwelling, f.rooms) == (expect, "Flat 1", ("K", "B"))
    assert f.measured == pytest.approx(w * 6)


def test_flat_area_without_dwelling_tag_and_shared_house():
    p = plan(rect("K", "Kitchen/Living", 0, 0, 5, 5), rect("B", "Bedroom", 5, 0, 3, 4))
    f = one(run(p), "FP103")                # inferred: a one-bedroom flat, 37 m²
    assert (f.status.value, f.measured, f.dwelling) == ("fail", pytest.approx(37.0), None)
    p = plan(rect("K", "Kitchen/Living", 0, 0, 5, 5), rect("B", "Bedroom", 5, 0, 3, 4), **SH)
    assert status(run(p), "FP103") == "not_applicable"


@pytest.mark.parametrize("living_h, storeys, store_ceiling, expect, measured, required", [
    (7, 1, None, "pass", 12 + 35 + 5, 50),            # 1b2p, one storey
    (6, 1, None, "fail", 12 + 30 + 5, 50),
    (7, 2, None, "fail", 12 + 35 + 5, 58),            # 1b2p over two storeys
    (6, 1, 1.2, "pass", 12 + 30 + 5 + 3, 50),         # 2 x 3 m store at 1.2 m counts 50 %
    (6, 1, 0.8, "fail", 12 + 30 + 5, 50),             # under 0.9 m: not at all
])
def test_dwelling_area_ndss(living_h, storeys, store_ceiling, expect, measured, required):
    rooms = [rect("B", "Bedroom", 0, 0, 3, 4, level=storeys - 1),   # 12 m²: a double, 2 bedspaces
             rect("L", "Living", 3, 0, 5, living_h),
             rect("S", "Bathroom", 0, 4, 2, 2.5)]
    ceilings = []
    if store_ceiling is not None:
        rooms.append(rect("C", "Store", 10, 0, 2, 3))
        ceilings.append(flat_ceiling(10, 0, 2, 3, store_ceiling))
    f = one(run(plan(*rooms, ceilings=ceilings, scheme="flat"), "ndss"), "FP103")
    assert (f.status.value, f.required) == (expect, required)
    assert f.measured == pytest.approx(measured)


@pytest.mark.parametrize("use, expect, required", [("shower_room", "pass", 37), ("bathroom", "fail", 39)])
def test_dwelling_area_ndss_1b1p_shower_room(use, expect, required):
    # 8.0 single bedroom + 24 living + 5 shower room/bathroom = 37.0
    p = plan(rect("B", "Bedroom", 0, 0, 2.5, 3.2), rect("L", "Living", 3, 0, 4, 6),
             rect("S", "Wash", 0, 4, 2, 2.5, use=use), scheme="flat")
    f = one(run(p, "ndss"), "FP103")
    assert (f.status.value, f.required, f.measured) == (expect, required, pytest.approx(37.0))


# -- FP104 communal-area -------------------------------------------------------------------
def _house(tenants, wheelchair_bed, rooms, plan_wheelchair=False):
    beds = [rect(f"B{i}", f"Bedroom {i}", 20 + 4 * i, 0, 3.5, 3.5, wheelchair=(i == 0 and wheelchair_bed))
            for i in range(tenants)]
    return plan(*beds, *rooms, wheelchair=plan_wheelchair, **SH)


@pytest.mark.parametrize("tenants, wc, plan_wc, rooms, expect, measured, required", [
    # exactly 27 m² for 3 tenants with a wheelchair user: pass
    (3, True, False, [rect("K", "Kitchen/Diner", 0, 0, 3, 5), rect("L", "Lounge", 3, 0, 3, 4)], "pass", 27, 27),
    (3, True, False, [rect("K", "Kitchen/Diner", 0, 0, 3, 5), rect("L", "Lounge", 3, 0, 3, 3.9)], "fail", 26.7, 27),
    (3, False, False, [rect("L", "Kitchen/Living", 0, 0, 4, 5)], "pass", 20, 20),
    (1, False, False, [rect("L", "Kitchen/Living", 0, 0, 4, 4.9)], "fail", 19.6, 20),
    (4, False, False, [rect("L", "Kitchen/Living", 0, 0, 4, 6.5)], "fail", 26, 28),
    (4, False, False, [rect("L", "Kitchen/Living", 0, 0, 4, 7)], "pass", 28, 28),
    (4, False, True, [rect("L", "Kitchen/Living", 0, 0, 4, 7)], "fail", 28, 29),
    # a hall is not communal space
    (2, False, False, [rect("L", "Living", 0, 0, 4, 5), rect("H", "Hall", 4, 0, 2, 5)], "pass", 20, 20),
])
def test_communal_area_ecc(tenants, wc, plan_wc, rooms, expect, measured, required):
    f = one(run(_house(tenants, wc, rooms, plan_wc)), "FP104")
    assert (f.status.value, f.required) == (expect, required)
    assert f.measured == pytest.approx(measured)
    assert set(f.rooms) == {r.id for r in rooms if r.id != "H"}


def test_communal_area_missing_and_not_applicable():
    f = one(run(_house(3, False, [])), "FP104")
    assert (f.status.value, f.measured) == ("warn", 0.0)
    p = plan(rect("B", "Bedroom", 0, 0, 3, 4, dwelling="F1"), rect("L", "Living", 3, 0, 4, 5, dwelling="F1"),
             scheme="flats_scheme")
    assert status(run(p), "FP104") == "not_applicable"


@pytest.mark.parametrize("beds, ldk_w, expect, required", [
    ([(3.5, 4)], 4.8, "fail", 25),             # 14 m²: 2 bedspaces; 24 m² LDK
    ([(3.5, 4)], 5.0, "pass", 25),             # 25 m²
    ([(3.5, 4), (3, 3)], 5.4, "pass", 27),     # 14 (2) + 9 (1) = 3 bedspaces; 27 m²
    ([(3.5, 4), (3, 3)], 5.2, "fail", 27),
])
def test_communal_area_m43(beds, ldk_w, expect, required):
    rooms = [rect(f"B{i}", f"Bedroom {i}", 10 + 5 * i, 0, w, h) for i, (w, h) in enumerate(beds)]
    p = plan(*rooms, rect("L", "Kitchen/Living/Dining", 0, 0, ldk_w, 5), scheme="flat")
    f = one(run(p, "m4-3"), "FP104")
    assert (f.status.value, f.required, f.measured) == (expect, required, pytest.approx(ldk_w * 5))


# -- FP105 wheelchair-bathroom-area -------------------------------------------------------
@pytest.mark.parametrize("use, w, h, fittings, expect, required", [
    ("wet_room", 2.5, 2.6, ["shower"], "pass", 5.4),
    ("wet_room", 2.0, 2.6, [], "fail", 5.4),              # 5.2, a wet room: shower only
    ("bathroom", 2.0, 2.5, ["bath"], "fail", 6.0),
    ("bathroom", 2.0, 3.0, ["bath"], "pass", 6.0),        # exactly 6.0
    ("bathroom", 2.5, 2.6, ["bath", "shower"], "fail", 7.0),
    ("bathroom", 2.5, 2.6, [], "warn", 7.0),              # fittings not shown
    ("bathroom", 2.8, 2.5, [], "pass", 7.0),
])
def test_wheelchair_bathroom_area(use, w, h, fittings, expect, required):
    obs = [obstacle(n, 0.1 + 0.6 * i, 0.1, 0.5, 0.5) for i, n in enumerate(fittings)]
    p = plan(rect("W", "Wash", 0, 0, w, h, use=use, wheelchair=True), obstacles=obs, **SH)
    f = one(run(p), "FP105")
    assert (f.status.value, f.required, f.rooms) == (expect, required, ("W",))
    assert f.measured == pytest.approx(w * h)


def test_wheelchair_bathroom_not_applicable():
    p = plan(rect("W", "Bathroom", 0, 0, 2, 2), **SH)
    assert status(run(p), "FP105") == "not_applicable"
