"""FP201 turning-circle, with hand-worked clear floors."""

from __future__ import annotations

import pytest

from tests.plans import door, obstacle, plan, rect
from tests.rulecheck import one, run, status

SH = {"scheme": "shared_house"}


@pytest.mark.parametrize("name, use, w, h, obstacles, expect, measured", [
    # 3.9 x 3.6 bedroom, a 0.9 m bed along the west wall: clear 3.0 x 3.6 -> 3.0 m circle
    ("Bedroom", None, 3.9, 3.6, [("bed", 0, 0.6, 0.9, 2.0)], "pass", 3.0),
    ("Shower room", None, 1.4, 2.5, [], "fail", 1.4),
    ("Shower room", None, 1.5, 2.0, [], "pass", 1.5),          # exactly 1.5 m
    # 1.6 x 2.4 wet room, shower tray across the end: clear 1.6 x 1.8
    ("Wet room", None, 1.6, 2.4, [("shower", 0, 1.8, 1.6, 0.6)], "pass", 1.6),
    # a kitchen 1.45 m wide: no 1.5 m circle, but the 1.7 x 1.4 m ellipse fits
    ("Kitchen", None, 1.45, 3.0, [], "pass", 1.45),
    # a bathroom may not use the ellipse
    ("Bathroom", None, 1.45, 3.0, [], "fail", 1.45),
])
def test_turning_circle(name, use, w, h, obstacles, expect, measured):
    obs = [obstacle(n, x, y, ow, oh) for n, x, y, ow, oh in obstacles]
    p = plan(rect("R1", name, 0, 0, w, h, use=use, wheelchair=True), obstacles=obs, **SH)
    f = one(run(p), "FP201", "R1")
    assert (f.status.value, f.required) == (expect, 1.5)
    assert f.measured == pytest.approx(measured, abs=2e-3)
    roles = {m.role for m in f.marks}
    assert {"room", "circle", "required_circle"} <= roles
    circle = [m for m in f.marks if m.role == "circle"][0]
    assert circle.size == pytest.approx(measured, abs=2e-3)
    if name != "Kitchen":
        req = [m for m in f.marks if m.role == "required_circle"][0]
        assert req.size == 1.5


def test_turning_circle_whole_plan_wheelchair():
    # every room of the profile's wheelchair uses is checked: the 1.2 m hall fails
    p = plan(rect("B", "Bedroom", 0, 0, 3, 3), rect("H", "Hall", 3, 0, 1.2, 4),
             rect("S", "Store", 5, 0, 1, 1), wheelchair=True, **SH)
    r = run(p)
    assert status(r, "FP201", "B") == "pass"
    assert status(r, "FP201", "H") == "fail"
    assert not [f for f in r.findings if f.rule == "FP201" and "S" in f.rooms]


def test_turning_circle_not_applicable():
    assert status(run(plan(rect("B", "Bedroom", 0, 0, 3, 3), **SH)), "FP201") == "not_applicable"


def test_turning_circle_m43_entrance_hall_and_bathroom():
    # hall 1.2 x 4 with the front door, bathroom 2 x 2, bedroom not checked
    p = plan(rect("H", "Hall", 0, 0, 1.2, 4), rect("W", "Bathroom", 1.3, 0, 2, 2),
             rect("B", "Bedroom", 1.3, 2.1, 3, 3),
             doors=[door("D1", 0.6, -0.05), door("D2", 1.25, 1.0)], scheme="flat")
    r = run(p, "m4-3")
    assert (status(r, "FP201", "H"), one(r, "FP201", "H").measured) == ("fail", pytest.approx(1.2, abs=2e-3))
    assert (status(r, "FP201", "W"), one(r, "FP201", "W").measured) == ("pass", pytest.approx(2.0, abs=2e-3))
    assert not [f for f in r.findings if f.rule == "FP201" and "B" in f.rooms]
