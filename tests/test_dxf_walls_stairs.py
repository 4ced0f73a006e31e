"""A stair drawn on a stair layer inside a stairwell bounds no room.

Treads, the stringer and the walking line of a flight are stair linework: the floor runs on
under (and over) a flight, so they are never walls, glazing or room outlines, even where
no layer says wall and every other line is read as one.

The plan (double-line walls 0.1 m thick with jambs, on a layer that says nothing or on
``A-WALL``): a stairwell between wall faces x 0.1-3.1, y 0.1-4.1 (3.0 x 4.0 = 12.0 m²) and
a hall x 3.2-6.1, y 0.1-4.1 (2.9 x 4.0 = 11.6 m²), a door between them; a straight flight
against the stairwell's west wall, 1.0 m wide (x 0.1-1.1), its nosings every 0.25 m from
y = 1.0 to y = 3.75, its stringer at x = 1.1. Read as walls, the flight's outline cut a
1.0 x 2.75 m box out of the stairwell (9.25 m² and a spurious 1.4 m² room).
"""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from floorplan.io.dxf.layers import LayerMap
from tests.dxf_patterns import Sheet, read


def stairwell(s: Sheet, walls: str, stairs: str) -> None:
    outer = box(0, 0, 6.2, 4.2)
    rooms = [box(0.1, 0.1, 3.1, 4.1), box(3.2, 0.1, 6.1, 4.1)]
    s.mass(outer.difference(unary_union([*rooms, box(3.1, 1.0, 3.2, 1.9)])), layer=walls)
    s.swing((3.2, 1.9), (3.2, 1.0), (4.1, 1.9), layer="DOORS")
    s.line((1.1, 1.0), (1.1, 3.75), stairs)  # the stringer
    for k in range(12):  # the nosings
        s.line((0.1, 1.0 + 0.25 * k), (1.1, 1.0 + 0.25 * k), stairs)
    s.line((0.6, 1.2), (0.6, 3.5), stairs)  # the walking line
    s.text("STAIRWELL", (1.8, 2.0))
    s.text("HALL", (4.5, 2.0))


@pytest.mark.parametrize("walls", ["0", "A-WALL"])
@pytest.mark.parametrize("stairs", ["STAIRS", "A-FLOR-STRS", "Treppe", "A24----"])
def test_a_flight_on_a_stair_layer_is_floor_of_its_stairwell(tmp_path, walls, stairs):
    s = Sheet()
    stairwell(s, walls, stairs)
    plan = read(s, tmp_path)
    got = sorted((r.name, round(r.polygon.area, 6), len(r.polygon.interiors)) for r in plan.rooms)
    assert got == [("HALL", 11.6, 0), ("STAIRWELL", 12.0, 0)]


@pytest.mark.parametrize(("layer", "kind"), [
    ("STAIRS", "stair"), ("A-FLOR-STRS", "stair"), ("Treppe", "stair"), ("TRAPPE", "stair"),
    ("Trap", "stair"), ("Escalier", "stair"),
    # a layer of the stairwell's walls is a wall layer; a stair lift is a fitting
    ("STAIR WALLS", "wall"), ("STAIRLIFT", "obstacle"), ("TRAPDOOR", "door"),
])
def test_stair_layers(layer, kind):
    assert LayerMap().layer_kind(layer) == kind
