"""Layers named by CI/SfB element codes (issue 10): ``A21----`` external walls, ``A22--U-``
internal walls, ``A314---`` windows, ``A321---`` internal doors, ``A76----`` storage
fittings, as Danish and British offices name them, with no word that says what they hold.

The drawing is in metres; areas are worked by hand from the coordinates.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box

from floorplan.io.dxf.cisfb import cisfb_code
from floorplan.io.dxf.layers import LayerMap
from tests.dxf_patterns import Sheet, read, rooms_of


@pytest.mark.parametrize("layer, kind", [
    ("A21----", "wall"), ("A22--U-", "wall"), ("a22--l-", "wall"), ("A28", "wall"),
    ("A312---", "wall"), ("A314-S-", "wall"), ("(31.4) Windows", "wall"),
    ("A321---", "door"), ("32 Internal doors", "door"), ("A-32", "door"),
    ("A66----", "obstacle"), ("A74 Sanitary", "obstacle"), ("76_Storage", "obstacle"),
    ("Plan$0$A22--U-", "wall"),
    # codes that say nothing the reader uses: stairs, loose furniture / space objects,
    # services, the project in general
    ("A24----", "stair"), ("A81--G-N", None), ("A59----", None), ("A09-MI-", None),
    # numbers that are no element code: a bare number, a year, a drawing number
    ("22", None), ("2021 survey", None), ("A1325", None), ("0", None),
    # words win over the code
    ("A21 Doors", "door"), ("A32-Walls", "wall"),
])
def test_cisfb_layer_names_are_classified(layer, kind):
    assert LayerMap().layer_kind(layer) == kind


def test_the_code_is_the_first_two_digits():
    assert cisfb_code("A314---") == "31"
    assert cisfb_code("(22) Partitions") == "22"
    assert cisfb_code("External walls") is None


def cisfb_plan() -> Sheet:
    """Two rooms of 4 x 3 m between wall faces (x in [0.1, 4.1] and [4.2, 8.2], y in
    [0.1, 3.1]): the outer wall 0.1 m thick on A21----, broken at x in [1.5, 2.7] on the
    south for a window (two lines along the wall on A314---), the partition x in [4.1, 4.2]
    on A22--U- with a 0.9 m opening at y in [1.1, 2.0] holding door block D90H on
    A321---, a 0.6 x 1.2 m wardrobe on A76---- in the bedroom."""
    s = Sheet()
    outer = box(0, 0, 8.3, 3.2).difference(box(0.1, 0.1, 8.2, 3.1))
    outer = outer.difference(box(1.5, -0.1, 2.7, 0.2))
    s.mass(outer, layer="A21----")
    for part in (box(4.1, 0.1, 4.2, 1.1), box(4.1, 2.0, 4.2, 3.1)):
        s.poly(list(part.exterior.coords)[:-1], "A22--U-", closed=True)
    s.line((1.5, 0.0), (2.7, 0.0), "A314---")
    s.line((1.5, 0.1), (2.7, 0.1), "A314---")
    s.door((4.1, 1.1), rotation=90, name="D90H", layer="A321---")
    s.poly([(0.2, 2.4), (1.4, 2.4), (1.4, 3.0), (0.2, 3.0)], "A76----", closed=True)
    s.text("BEDROOM", (2.0, 1.5), layer="A81--I-")
    s.text("KITCHEN", (6.0, 1.5), layer="A81--I-")
    return s


def test_a_plan_on_cisfb_layers_reads_its_rooms_door_and_fitting(tmp_path):
    plan = read(cisfb_plan(), tmp_path)
    assert [(n, a) for n, _how, a in rooms_of(plan)] == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert len(plan.doors) == 1
    door = plan.doors[0]
    assert door.width == pytest.approx(0.9, abs=0.01)
    # the door stands in the partition, on both rooms' edges (x = 4.1 and x = 4.2)
    assert all(r.polygon.distance(door.geometry) < 0.15 for r in plan.rooms)
    assert len(plan.obstacles) == 1
    assert plan.obstacles[0].polygon.area == pytest.approx(0.72)
