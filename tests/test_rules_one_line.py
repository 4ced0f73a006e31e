"""Feature names with line breaks in them never split a finding's line.

A drawing can put a line break in a name (a two-line MTEXT "Bed\\nroom 2", a GeoJSON
name "Lounge\\n"): every finding message, assumption and mark label quotes it on one
line, the break turned into a space. Checked in every packaged profile, over a plan
whose every room, fitting and dwelling name has a break in it.
"""

from __future__ import annotations

import re

import pytest

from floorplan.engine import check
from floorplan.profiles import list_profiles
from floorplan.rules.context import name_of
from tests.plans import aerial, door, meter, obstacle, plan, rect

BREAK = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def _broken_plan(dwelling: str | None = None):
    kw = {"dwelling": dwelling} if dwelling else {}
    rooms = [
        rect("B1", "Bed\nroom 1", 0, 0, 3.5, 3.2, use="bedroom", **kw),
        rect("B2", "Bedroom\r\n2", 3.6, 0, 2.5, 3.2, use="bedroom", **kw),
        rect("H", "Entrance\nHall", 0, 3.3, 6.1, 1.0, use="hall", **kw),
        rect("L", "Lounge\n", 0, 4.4, 4.0, 3.0, use="living", **kw),
        rect("W", "Wet\u2028room", 4.1, 4.4, 2.0, 2.0, use="wet_room", **kw),
        rect("X", "Room\t7", 6.2, 0, 2.0, 2.0, **kw),
    ]
    doors = [door("D1", 1.75, 3.25), door("D2", 4.85, 3.25, width=0.8), door("D3", 2.0, 4.35),
             door("D4", 5.1, 4.35), door("D0", -0.05, 3.8)]
    fittings = [obstacle("Show\ner", 4.1, 4.4, 1.0, 1.0), obstacle("Bed\n", 0.2, 0.2, 1.4, 2.0)]
    return plan(*rooms, doors=doors, obstacles=fittings, meters=[meter(0.5, 0.5)],
                aerials=[aerial(1.0, 5.0)],
                wheelchair=True, scheme="flat" if dwelling else "shared_house",
                tenants=None if dwelling else 3)


@pytest.mark.parametrize("dwelling", [None, "Flat\n1"])
@pytest.mark.parametrize("profile", [p.id for p in list_profiles()])
def test_no_line_break_in_any_message(profile, dwelling):
    report = check(_broken_plan(dwelling), profile)
    # the plan reaches the rules that quote names (else the test would prove nothing)
    quoted = [f.message for f in report.findings if "Bed room 1" in f.message
              or "Lounge" in f.message or "Entrance Hall" in f.message]
    assert quoted, [f.message for f in report.findings]
    for f in report.findings:
        assert not BREAK.search(f.message), (f.rule, f.message)
        for m in f.marks:
            assert m.label is None or not BREAK.search(m.label), (f.rule, m.label)
    for a in report.assumptions:
        assert not BREAK.search(a.text), a.text


def test_the_break_becomes_one_space():
    report = check(_broken_plan(), "ecc-supported-living")
    fp101 = [f.message for f in report.findings if f.rule == "FP101" and "B1" in f.rooms]
    assert fp101 and fp101[0].startswith("Bed room 1"), fp101
    # a name that ends in a break is not left with a trailing space
    fp306 = " ".join(f.message for f in report.findings if f.rule == "FP306")
    assert "Lounge:" in fp306, fp306


@pytest.mark.parametrize("name, expected", [
    ("Bed\nroom 2", "Bed room 2"), ("Lounge\n", "Lounge"), ("\n", None), (None, None),
    ("K/L/D", "K/L/D"),
])
def test_name_of(name, expected):
    class Thing:
        pass

    t = Thing()
    t.name = name  # type: ignore[attr-defined]
    assert name_of(t) == expected
