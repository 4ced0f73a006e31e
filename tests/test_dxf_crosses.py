"""A small cross on a layer that is no wall layer is a mark, not a wall (issue 10).

holdout6's floorplan.dxf marks its extract grilles with crosses of two 0.1 m lines on layer
'Luft' (air); no layer there is named for walls, so every line on an unnamed layer was a
wall, and the cross 4 cm from the chemistry lab's wall was joined to it and closed 0.72 m
across the room, cutting 0.25 m² off it.
"""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString

from floorplan.io.dxf.walls.crosses import cross_marks
from tests.dxf_patterns import Sheet, read


@pytest.mark.parametrize("layer", ["Luft", "SYMBOLS", "0"])
def test_an_extract_cross_near_a_wall_is_no_wall(tmp_path, layer):
    # the chemistry lab of the Danish drawing: 1.4 x 3.66 m between single lines, a cross
    # of two 0.14 m lines 4 cm from its west wall; read as wall, its free end was closed
    # to the north wall 0.72 m away, cutting 0.25 m² off the room
    s = Sheet()
    s.lines([(0, 0), (3.4, 0), (3.4, 3.66), (0, 3.66), (0, 0)], "0")
    s.line((1.4, 0), (1.4, 3.66), "0")  # the lab x 0..1.4, an office x 1.4..3.4
    s.line((0.04, 3.05), (0.14, 3.15), layer)
    s.line((0.04, 3.15), (0.14, 3.05), layer)
    s.text("STORE", (0.5, 1.5), layer="0")
    s.text("OFFICE", (2.2, 1.5), layer="0")
    plan = read(s, tmp_path)
    # 1.4 x 3.66 = 5.124 and 2 x 3.66 = 7.32 m²
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [5.124, 7.32]
    if layer != "Luft":  # ('Luft' says ventilation: its lines are no walls at all)
        assert any(n.startswith("1 small cross(es)") for n in plan.notes)


def test_a_cross_of_walls_is_not_a_mark():
    # two 0.5 m lines crossing at their middles, one end of each on a wall: drawn with it
    wall = np.array([[0.0, 0.0], [0.0, 3.0]])
    a, b = np.array([[0.0, 1.0], [0.5, 1.5]]), np.array([[0.0, 1.5], [0.5, 1.0]])
    assert cross_marks([wall, a, b], [False] * 3) == []
    assert LineString(a).crosses(LineString(b))
