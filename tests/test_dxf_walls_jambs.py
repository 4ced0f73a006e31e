"""A door is sealed across its opening on both faces of a double-line wall.

The door hangs on one face; the wall's other face is sealed too, along the jamb that leaves
either end of the door's seal (the hinge's end as well as the leaf's), so each room's
outline runs along its own wall face and the reveal between is wall. A pair of doors whose
leaves meet in the middle is sealed so on both faces. Areas worked by hand from the faces.
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read


def office_door_at_a_corner(s: Sheet) -> None:
    """An office x 1.0-6.1, y 0.1-3.0 (5.1 x 2.9 = 14.79 m²) below a corridor x 0.1-6.1,
    y 3.1-4.1 (6.0 m²), a store x 0.1-0.9 beside it (0.8 x 2.9 = 2.32 m²). The office's
    door (x 1.0-1.9) is hung on the office's face (y = 3.0) at its west corner: the
    office's west face (x = 1.0) runs on up to the corridor's face as the opening's
    jamb, so only the hinge's end (x = 1.9) has a jamb of its own."""
    s.lines([(0, 0), (6.2, 0), (6.2, 4.2), (0, 4.2), (0, 0)])
    s.lines([(0.1, 0.1), (6.1, 0.1), (6.1, 4.1), (0.1, 4.1), (0.1, 0.1)])
    s.line((0.1, 3.1), (1.0, 3.1))
    s.line((1.9, 3.1), (6.1, 3.1))
    s.line((0.1, 3.0), (0.9, 3.0))
    s.line((1.9, 3.0), (6.1, 3.0))
    s.line((0.9, 0.1), (0.9, 3.0))
    s.line((1.0, 0.1), (1.0, 3.1))
    s.line((1.9, 3.0), (1.9, 3.1))
    s.swing((1.9, 3.0), (1.0, 3.0), (1.9, 2.1))
    s.text("OFFICE", (3.0, 1.5))
    s.text("CORRIDOR", (3.0, 3.5))
    s.text("STORE", (0.2, 1.5), height=0.1)


def test_the_far_face_is_sealed_from_the_hinges_jamb(tmp_path):
    s = Sheet()
    office_door_at_a_corner(s)
    plan = read(s, tmp_path)
    got = {r.name: r for r in plan.rooms}
    assert sorted(got) == ["CORRIDOR", "OFFICE", "STORE"]
    # the corridor runs along its own face (y = 3.1) across the door: 6.0, not 6.09
    assert got["CORRIDOR"].polygon.area == pytest.approx(6.0, abs=1e-6)
    assert got["CORRIDOR"].polygon.bounds == pytest.approx((0.1, 3.1, 6.1, 4.1), abs=1e-6)
    assert got["OFFICE"].polygon.area == pytest.approx(14.79, abs=1e-6)
    assert got["STORE"].polygon.area == pytest.approx(2.32, abs=1e-6)


def double_door_block(s: Sheet, yscale: float) -> None:
    """Living x 0.1-4.1 and dining x 4.2-8.2, y 0.1-3.1 (4.0 x 3.0 = 12.0 m² each), a
    1.8 m opening (y 0.6-2.4) in the 0.1 m partition between jambs, a pair of doors in it
    hung on the dining room's face (x = 4.2): a block of unit width (two swings of radius
    0.5 meeting in the middle) scaled 1.8 along the opening and ``yscale`` across it; a
    hair of unevenness (1.801) makes ezdxf expand its arcs as ellipses."""
    outer = box(0, 0, 8.3, 3.2)
    rooms = [box(0.1, 0.1, 4.1, 3.1), box(4.2, 0.1, 8.2, 3.1)]
    s.mass(outer.difference(unary_union([*rooms, box(4.1, 0.6, 4.2, 2.4)])))
    b = s.doc.blocks.new("DOUBLE")
    b.add_arc((0, 0), 0.5, 0, 90)
    b.add_arc((1, 0), 0.5, 90, 180)
    b.add_line((0, 0), (0, 0.5))
    b.add_line((1, 0), (1, 0.5))
    s.msp.add_blockref("DOUBLE", (4.2, 0.6), dxfattribs={
        "layer": "A-DOOR", "rotation": 90, "xscale": 1.8, "yscale": yscale})
    s.text("LIVING", (2.0, 1.5))
    s.text("DINING", (6.0, 1.5))


@pytest.mark.parametrize("yscale", [1.8, 1.801])
def test_a_pair_of_doors_seals_its_opening_on_both_faces(tmp_path, yscale):
    s = Sheet()
    double_door_block(s, yscale)
    plan = read(s, tmp_path)
    got = sorted((r.name, round(r.polygon.area, 6)) for r in plan.rooms)
    assert got == [("DINING", 12.0), ("LIVING", 12.0)]
    (living,) = [r for r in plan.rooms if r.polygon.contains(Point(2.0, 1.5))]
    assert living.polygon.bounds == pytest.approx((0.1, 0.1, 4.1, 3.1), abs=1e-6)
    assert len(plan.doors) == 1
    assert plan.doors[0].width == pytest.approx(1.8, abs=0.01)
