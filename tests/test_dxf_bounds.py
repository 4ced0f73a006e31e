"""An outline drawn round the walls is a boundary, not the one room (issue 10).

Two rooms of 4 x 3 m between wall faces (tests/dxf_patterns.py: 12 m² each), and a closed
polyline on a layer called AREA drawn 1 m outside the walls all round: a map's limit, a
plot line. The walls inside it (two rooms' worth) are more than its perimeter, so the
rooms come from the walls; a room's own outline on that layer still is the room.
"""

from __future__ import annotations

import pytest

from floorplan.io.dxf.rooms.bounds import INSET, round_walls
from tests.dxf_patterns import Sheet, read, two_room_plan


def _with_boundary(margin: float = 1.0) -> Sheet:
    s = Sheet()
    two_room_plan(s)  # walls 0..8.3 x 0..3.2
    s.poly([(-margin, -margin), (8.3 + margin, -margin), (8.3 + margin, 3.2 + margin),
            (-margin, 3.2 + margin)], layer="AREA", closed=True)
    return s


def test_the_rooms_come_from_the_walls_inside_the_boundary(tmp_path):
    plan = read(_with_boundary(), tmp_path)
    got = sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms)
    assert got == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    # the boundary: (8.3 + 2 x 1) x (3.2 + 2 x 1) = 10.3 x 5.2 = 53.56 m²
    assert any("drawn round the walls" in n and "(53.6 m²)" in n for n in plan.notes)
    assert "skipped 1 LWPOLYLINE on layer AREA: an outline drawn round the walls" in "\n".join(
        plan.notes)


def test_room_outlines_on_the_wall_faces_stay_rooms(tmp_path):
    # each room's own outline on its wall faces: the walls are at its edge, none inside
    s = Sheet()
    two_room_plan(s)
    s.poly([(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (0.1, 3.1)], layer="AREA", closed=True)
    s.poly([(4.2, 0.1), (8.2, 0.1), (8.2, 3.1), (4.2, 3.1)], layer="AREA", closed=True)
    plan = read(s, tmp_path)
    assert sorted((r.source, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("outline", 12.0), ("outline", 12.0)]
    assert not any("drawn round the walls" in n for n in plan.notes)


# a 10 x 10 m outline (perimeter 40 m) crossed by n walls from edge to edge: each counts
# 10 - 2 x 0.3 = 9.4 m inside the inset, so four hold 37.6 m (a room with partitions drawn
# short of its perimeter) and five 47.0 m (drawn round the walls)
@pytest.mark.parametrize("n, expected", [(4, False), (5, True)])
def test_the_share_is_the_outline_s_perimeter(n, expected):
    from types import SimpleNamespace as NS

    import numpy as np
    from shapely.geometry import box

    assert INSET == 0.3
    walls = [NS(pts=np.array([[1.0 + 0.5 * k, 0.0], [1.0 + 0.5 * k, 10.0]]), layer="W")
             for k in range(n)]
    rd = NS(col=NS(opens=walls, loops=[]), layer_kind=lambda layer: "wall",
            blocked=lambda p: False)
    assert bool(round_walls(rd, [NS(polygon=box(0, 0, 10, 10))], set())) == expected
