"""WC cubicles within a numbered washroom are part of it (issue 10; holdout finding 2.1).

In a drawing that numbers its rooms, a space the walls enclose with no text in it is set
aside (a wall mass, a duct, a column). A WC cubicle is such a space too: its partitions
and its door close it. But a cubicle that opens only into one numbered room, and holds a
WC pan (or, with no pan drawn, is cubicle-narrow and opens into a room named WC), is part
of that room: set aside, the washroom loses its cubicles' floor at high confidence.

Each drawing is made in code, in millimetres, with its areas worked by hand:

- Ladies WC (Bg01): x 0.1-2.1, y 0.1-2.1 (2 x 2 = 4 m²), a 0.05 m partition at y 2.1-2.15
  with a 0.6 m door opening into each of two cubicles above it: C1 x 0.1-1.075 and C2
  x 1.125-2.1 (0.975 x 1.45 m each, 1.41375 m²), parted by a 0.05 m partition. The washroom
  with its cubicles and the partitions between them is x 0.1-2.1, y 0.1-3.6: 2 x 3.5 = 7 m².
- Office (Bg02): x 2.2-5.2, y 0.1-3.6 (10.5 m²), its door into the washroom and into Store.
- Store (Bg03): x 5.3-7.3, y 0.1-3.6 (7 m²).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read

WASH, C1, C2 = box(0.1, 0.1, 2.1, 2.1), box(0.1, 2.15, 1.075, 3.6), box(1.125, 2.15, 2.1, 3.6)
OFFICE, STORE = box(2.2, 0.1, 5.2, 3.6), box(5.3, 0.1, 7.3, 3.6)


def washroom(s: Sheet, name: str = "Ladies WC", pans: bool = True, c1_door: bool = True,
             duct_door: bool = False) -> None:
    """The plan of the module's docstring. ``pans``: a WC pan block in each cubicle;
    ``c1_door``: C1 opens into the washroom (else its partition is drawn closed);
    ``duct_door``: C2 also opens into the Office, through the wall x 2.1-2.2."""
    spaces = [WASH, C1, C2, OFFICE, STORE]
    openings = [box(1.3, 2.09, 1.9, 2.16),            # washroom - C2
                box(2.09, 0.5, 2.21, 1.4),            # washroom - Office
                box(5.19, 0.5, 5.31, 1.4)]            # Office - Store
    if c1_door:
        openings.append(box(0.25, 2.09, 0.85, 2.16))  # washroom - C1
    if duct_door:
        openings.append(box(2.09, 2.6, 2.21, 3.2))    # C2 - Office
    mass = box(0, 0, 7.4, 3.7).difference(unary_union(spaces)).difference(unary_union(openings))
    s.mass(mass)
    if c1_door:
        s.door((0.25, 2.1), rotation=0, width=0.6, name="CUBICLE")
    s.door((1.3, 2.1), rotation=0, width=0.6, name="CUBICLE")
    s.door((2.1, 0.5), rotation=90, width=0.9)
    s.door((5.2, 0.5), rotation=90, width=0.9)
    if duct_door:
        s.door((2.2, 2.6), rotation=90, width=0.6, name="CUBICLE")
    if pans:
        b = s.doc.blocks.new("WC")
        b.add_lwpolyline([(0, 0), (400, 0), (400, 650), (0, 650)], close=True)
        for x in (0.35, 1.4):
            s.msp.add_blockref("WC", (x * 1000, 2.9 * 1000), dxfattribs={"layer": "SANITARY"})
    for rid, label, (x, y) in (("Bg01", name, (0.6, 1.0)), ("Bg02", "Office", (3.2, 2.0)),
                               ("Bg03", "Store", (6.0, 2.0))):
        s.text(rid, (x, y + 0.4), layer="ROOM NUMBER")
        s.text(label, (x, y), layer="ROOM NAME")


def _plan(tmp_path, **kw):
    s = Sheet(insunits=4, scale=1000.0)
    washroom(s, **kw)
    plan = read(s, tmp_path)
    return plan, {r.id: r for r in plan.rooms}


def test_cubicles_with_their_pans_are_part_of_the_washroom(tmp_path):
    plan, rooms = _plan(tmp_path)
    assert sorted(rooms) == ["Bg01", "Bg02", "Bg03"]
    wc = rooms["Bg01"]
    assert wc.polygon.area == pytest.approx(7.0, abs=1e-6)  # not 4 m², the cubicles lost
    assert wc.polygon.bounds == pytest.approx((0.1, 0.1, 2.1, 3.6), abs=1e-6)
    assert wc.confidence == "high"  # the pans and the doors say what the cubicles are
    assert rooms["Bg02"].polygon.area == pytest.approx(10.5, abs=1e-6)
    assert any("2 compartment(s) with no label joined" in n for n in plan.notes)
    assert not any("set aside: the drawing numbers its rooms" in n for n in plan.notes)


def test_cubicles_with_no_pan_drawn_join_a_room_named_wc_unsure(tmp_path):
    plan, rooms = _plan(tmp_path, pans=False)
    wc = rooms["Bg01"]
    assert wc.polygon.area == pytest.approx(7.0, abs=1e-6)
    assert wc.confidence == "medium" and "no fitting drawn" in wc.confidence_reason


def test_a_narrow_space_off_a_room_not_named_wc_stays_set_aside(tmp_path):
    # the same plan with the washroom named 'Plant': with no pan, the two 0.975 m spaces
    # off it may be ducts or risers; they stay set aside, the room is its own 4 m²
    plan, rooms = _plan(tmp_path, name="Plant", pans=False)
    assert rooms["Bg01"].polygon.area == pytest.approx(4.0, abs=1e-6)
    assert any("2 space(s) in the wall linework with no label set aside" in n for n in plan.notes)


def test_a_compartment_with_a_door_into_another_room_too_is_not_joined(tmp_path):
    # C2 opens into the washroom and into the Office: not reached only from one room, it
    # stays set aside; C1 (with its pan) still joins: 4 + 1.41375 + its share of the
    # partition below it (x 0.1-1.075 by 0.05 = 0.04875) = 5.4625 m²
    plan, rooms = _plan(tmp_path, duct_door=True)
    wc = rooms["Bg01"]
    assert wc.polygon.contains(Point(0.6, 3.0)) and not wc.polygon.contains(Point(1.6, 3.0))
    assert wc.polygon.area == pytest.approx(5.4625, abs=1e-6)
    assert any("1 space(s) in the wall linework with no label set aside" in n for n in plan.notes)


def test_a_space_with_no_door_is_not_joined(tmp_path):
    # C1's partition drawn closed, no door into it: a duct, set aside; C2 joins:
    # 4 + 1.41375 + the partition below C2 (x 1.125-2.1 by 0.05 = 0.04875) = 5.4625 m²
    plan, rooms = _plan(tmp_path, c1_door=False)
    wc = rooms["Bg01"]
    assert wc.polygon.area == pytest.approx(5.4625, abs=1e-6)
    assert not wc.polygon.contains(Point(0.6, 3.0))


def test_a_door_standing_in_the_next_cubicle_is_not_this_ones():
    """join_compartments on the plan's spaces, with door points given: C1's door on the
    partition under it (0.55, 2.125); C2's door drawn 0.06 m inside C2 beside the C1/C2
    partition (1.185, 2.5), 0.11 m from C1 and 0.4 m from the washroom. That door reaches
    no numbered room, but it is C2's (the space nearest it), so it does not keep C1 from
    joining. C1 joined, the washroom runs to the C1/C2 partition, 0.11 m from C2's door:
    C2 joins through it too. The washroom is then x 0.1-2.1, y 0.1-3.6: 7 m², of medium
    confidence (no pan drawn). (Were every door onto no room held against each space
    near it, neither cubicle would join: the washroom would stay 4 m².)"""
    from types import SimpleNamespace

    from floorplan.io.dxf.names.numbered import join_compartments

    polys = [WASH, C1, C2, OFFICE]
    info = [SimpleNamespace(rid="Bg01", name="Ladies WC", set_aside=False, confidence="high",
                            reason=""),
            SimpleNamespace(rid=None, name="", set_aside=True, confidence="high", reason=""),
            SimpleNamespace(rid=None, name="", set_aside=True, confidence="high", reason=""),
            SimpleNamespace(rid="Bg02", name="Office", set_aside=False, confidence="high",
                            reason="")]
    doors = [Point(0.55, 2.125), Point(1.185, 2.5)]
    assert join_compartments(polys, info, doors, []) == 2
    assert polys[0].area == pytest.approx(7.0, abs=1e-6)
    assert info[0].confidence == "medium"
