"""Doors drawn open into the room they serve: the open leaf is no wall.

A door swing is sealed from its hinge to the closed leaf's end; which arc end is the closed
leaf the drawing does not say, so each end gives a seal. The one along the open leaf runs
into the room. Where its end stands free it must be dropped, and where the door's opening
is already sealed between its jambs neither is needed: a leaf reaching across a corridor to
within a hair of the far wall, or drawn in the line of its jamb to a cupboard's back wall,
would otherwise part the room it opens into.

The plan (double-line walls 0.1 m thick with jambs, doors drawn as loose swings on A-DOOR;
every area worked by hand from the wall faces):

- office x 0.1-6.1, y 0.1-3.0: 6.0 x 2.9 = 17.4 m², its door (x 1.0-1.9) swinging into it;
- corridor x 0.1-6.1, y 3.1-4.1: 6.0 x 1.0 = 6.0 m²; the riser's 0.96 m door opens into it,
  its leaf reaching to y = 3.14, 40 mm short of the corridor's far wall face (y = 3.1);
- store x 0.1-2.9, y 4.2-5.1: 2.8 x 0.9 = 2.52 m², riser x 3.0-3.96: 0.96 x 0.9 = 0.864 m²,
  plant x 4.06-6.1: 2.04 x 0.9 = 1.836 m²; the store's and the plant's 0.9 m doors swing
  in with their leaves drawn in the line of a jamb, reaching the back wall (y = 5.1).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read


def corridor_plan(s: Sheet) -> None:
    outer = box(0, 0, 6.2, 5.2)
    rooms = [box(0.1, 0.1, 6.1, 3.0), box(0.1, 3.1, 6.1, 4.1), box(0.1, 4.2, 2.9, 5.1),
             box(3.0, 4.2, 3.96, 5.1), box(4.06, 4.2, 6.1, 5.1)]
    doorways = [box(1.0, 3.0, 1.9, 3.1), box(3.0, 4.1, 3.96, 4.2), box(1.0, 4.1, 1.9, 4.2),
                box(4.5, 4.1, 5.4, 4.2)]
    s.mass(outer.difference(unary_union(rooms + doorways)))
    s.swing((1.9, 3.0), (1.0, 3.0), (1.9, 2.1))      # office: into the office
    s.swing((3.96, 4.1), (3.0, 4.1), (3.96, 3.14))   # riser: open across the corridor
    s.swing((1.0, 4.2), (1.9, 4.2), (1.0, 5.1))      # store: leaf in the jamb's line
    s.swing((4.5, 4.2), (5.4, 4.2), (4.5, 5.1))      # plant: the same
    s.text("OFFICE", (3.0, 1.5))
    s.text("CORRIDOR", (1.2, 3.5))
    s.text("RISER", (3.1, 4.6), height=0.1)
    s.text("STORE", (0.5, 4.6))
    s.text("PLANT", (4.8, 4.6))


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    s = Sheet()
    corridor_plan(s)
    return read(s, tmp_path_factory.mktemp("leaf"))


def _at(plan, x, y):
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(x, y))]
    return room


def test_a_leaf_open_across_a_corridor_does_not_part_it(plan):
    for x in (1.0, 5.0):  # either side of the riser's open leaf (x = 3.96)
        room = _at(plan, x, 3.6)
        assert room.name == "CORRIDOR"
        assert room.polygon.area == pytest.approx(6.0, abs=1e-6)
        assert room.polygon.bounds == pytest.approx((0.1, 3.1, 6.1, 4.1), abs=1e-6)


@pytest.mark.parametrize(("name", "at", "area"), [
    ("STORE", (0.5, 4.6), 2.52), ("STORE", (2.5, 4.6), 2.52),
    ("PLANT", (4.3, 4.6), 1.836), ("PLANT", (5.8, 4.6), 1.836),
    ("OFFICE", (1.5, 2.5), 17.4), ("OFFICE", (3.0, 1.5), 17.4),
])
def test_a_leaf_drawn_in_its_jambs_line_does_not_part_the_room_it_opens_into(plan, name, at, area):
    room = _at(plan, *at)
    assert room.name == name
    assert room.polygon.area == pytest.approx(area, abs=1e-6)


def test_every_room_once(plan):
    assert sorted(r.name for r in plan.rooms) == ["CORRIDOR", "OFFICE", "PLANT", "RISER", "STORE"]
