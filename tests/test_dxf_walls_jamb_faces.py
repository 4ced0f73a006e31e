"""Jambs on a jamb layer, and walls drawn as 3DFACEs or SOLIDs (holdout5's house_plan: its
closets' bi-fold piers are squares on layer JAMB, its glass sliders' wall ends capped by
3DFACEs on JAMB standing on edge). Drawings in metres; areas worked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from floorplan.io.dxf.collect.prims import Prim
from floorplan.io.dxf.layers import LayerMap
from floorplan.io.dxf.walls.linework import flat_faces
from tests.dxf_patterns import Sheet, assert_room, read, rooms_of


@pytest.mark.parametrize("layer", ["JAMB", "DJAMB", "A-WALL-JAMB", "WDQ_JAMB"])
def test_a_jamb_layer_is_a_wall_layer(layer):
    # a jamb is the end of a wall at an opening: its reveal is wall, where areas stop
    assert LayerMap().layer_kind(layer) == "wall"


def _prim(etype: str, pts) -> Prim:
    return Prim(1, etype, "JAMB", "1F", np.asarray(pts, dtype=float), True)


def test_a_face_on_edge_is_a_line_and_a_flat_one_its_outline():
    on_edge = _prim("3DFACE", [(4.0, 1.0, 0), (4.1, 1.0, 0), (4.1, 1.0, 2.4), (4.0, 1.0, 2.4)])
    solid = _prim("SOLID", [(0, 0, 0), (0.2, 0, 0), (0.2, 0.3, 0), (0, 0.3, 0)])
    three_d = _prim("POLYLINE", [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 0, 0)])  # a loop already
    line, square = flat_faces([on_edge, solid, three_d])
    # seen from above, the wall end's face is the line across the wall, 0.1 m
    assert not line.closed and line.pts.tolist() == [[4.0, 1.0], [4.1, 1.0]]
    assert square.closed and square.pts.tolist() == [[0, 0], [0.2, 0], [0.2, 0.3], [0, 0.3], [0, 0]]


def two_rooms_jambed_by_faces(s: Sheet) -> None:
    """Two 4 x 3 m rooms (faces x 0.1-4.1 and 4.2-8.2, y 0.1-3.1) in 0.1 m double-line
    walls; the partition (x 4.1-4.2) has a 0.9 m opening (y 1.1-2.0) whose wall ends are
    not capped by lines on the wall layer but by 3DFACEs on layer JAMB, each standing on
    edge across the wall (two corners at the floor, two 2.4 m above)."""
    s.poly([(0, 0), (8.3, 0), (8.3, 3.2), (0, 3.2)], closed=True)
    s.poly([(0.1, 0.1), (4.1, 0.1), (4.1, 1.1)])
    s.poly([(4.1, 2.0), (4.1, 3.1), (0.1, 3.1), (0.1, 0.1)])
    s.poly([(4.2, 1.1), (4.2, 0.1), (8.2, 0.1), (8.2, 3.1), (4.2, 3.1), (4.2, 2.0)])
    for y in (1.1, 2.0):
        s.msp.add_3dface([(4.1, y, 0), (4.2, y, 0), (4.2, y, 2.4), (4.1, y, 2.4)],
                         dxfattribs={"layer": "JAMB"})
    s.text("BEDROOM", (1.5, 1.5))
    s.text("KITCHEN", (6.0, 1.5))


def test_3dface_jambs_make_the_opening_between_them(tmp_path):
    # the faces cap the partition's ends: two jambs 0.9 m apart facing each other, an
    # opening sealed along both faces of the partition (nothing in it: a bare doorway),
    # each room 4 x 3 = 12 m², the reveal wall. Skipped, the four face lines' free ends
    # were bridged as gaps nothing marks: the same rooms, but `walls_closed`, medium
    s = Sheet()
    two_rooms_jambed_by_faces(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    rooms = {r.name: r for r in plan.rooms}
    assert_room(rooms, "BEDROOM", 12.0, (0.1, 0.1, 4.1, 3.1))
    assert all(r.confidence == "high" for r in plan.rooms)
    (door,) = plan.doors
    assert door.width == pytest.approx(0.9)
