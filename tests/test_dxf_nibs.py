"""Wall drawn with the doors, on a door layer: a doorway's reveals, a glazed screen beside
a door (floorplan.io.dxf.walls.nibs). Drawings in metres; areas worked by hand from the faces.
"""

from __future__ import annotations

import numpy as np

from floorplan.io.dxf.walls.nibs import nibs
from tests.dxf_patterns import Sheet, read, rooms_of, two_rooms_mass


def _a(*pts):
    return np.array(pts, dtype=float)


def test_nibs_continue_faces_or_run_as_a_band_from_wall_ends():
    walls = [_a((0, 0), (2, 0)), _a((0, 0.2), (2, 0.2)),          # a wall band, two faces
             _a((5, 0), (5, 1)), _a((5.1, 0), (5.1, 1))]          # another, broken faces
    door = [_a((2, 0), (2.4, 0)),            # 0: continues the face y = 0
            _a((2, 0.2), (2.4, 0.2)),        # 1: continues the face y = 0.2
            _a((2.4, 0), (2.4, 0.9)),        # 2: an open leaf from a nib's end: not a wall end
            _a((2, 0.2), (2, 1.1)),          # 3: a leaf hinged at a wall end, across the wall
            _a((5, 1), (6, 1)), _a((5.1, 1), (6, 1.0)),  # 4, 5: not parallel (they meet)
            _a((2.4, 0), (2, 0)),            # 6: a copy of 0, drawn back to front
            _a((1.5, 0), (2, 0)),            # 7: drawn over the wall's own face
            _a((2, 0), (3.5, 0))]            # 8: longer than a reveal (1.5 m)
    assert nibs(walls, door) == [0, 1]


def test_nibs_as_a_band_of_two_faces_in_a_t():
    # a glazed screen's two faces (0.14 m apart) start at the two ends of a host wall face
    # broken for them, at right angles to it
    walls = [_a((0, 0), (0, 1.43)), _a((0, 1.57), (0, 3))]
    door = [_a((0, 1.43), (0.66, 1.43)), _a((0, 1.57), (0.66, 1.57)),
            _a((0, 1.43), (0.04, 1.43))]  # a 40 mm leaf's thickness: too thin for a band
    assert nibs(walls, door[:2]) == [0, 1]
    assert nibs(walls, [door[0], door[2]]) == []


def test_doorway_reveals_on_the_door_layer_part_the_rooms(tmp_path):
    # the partition (faces x = 4.1 and 4.2) is drawn on the wall layer up to y = 0.6 and
    # from y = 2.6; between, its faces run on as reveals on the door layer (0.6-1.1 and
    # 2.0-2.6), and a 0.9 m door hinged at (4.1, 1.1) fills the rest. Without the reveals
    # the partition's 2.0 m opening is wider than any gap closed: one room of 24.4 m².
    s = Sheet()
    s.mass(two_rooms_mass(door=(0.5, 2.5)))
    for x in (4.1, 4.2):
        s.line((x, 0.6), (x, 1.1), layer="A-DOOR")
        s.line((x, 2.0), (x, 2.6), layer="A-DOOR")
    s.door((4.1, 1.1), rotation=90, leaf="open")
    s.text("BEDROOM", (1.5, 2.0))
    s.text("KITCHEN", (6.1, 2.0))
    plan = read(s, tmp_path)
    # each room 4 x 3 between the wall faces: room A's face sealed by the door along
    # x = 4.1; room B's face x = 4.2 closed across the 0.9 m between its reveals
    got = {name: area for name, _, area in rooms_of(plan)}
    assert got == {"BEDROOM": 12.0, "KITCHEN": 12.0}
    assert next(r for r in plan.rooms if r.name == "BEDROOM").source == "walls"
    assert any("door layers read as wall" in n for n in plan.notes)


def test_glazed_screens_on_the_door_layer_beside_a_door_part_the_rooms(tmp_path):
    # an 8.1 x 3 floor between wall faces (x 0.1-8.2, y 0.1-3.1); the bottom and top wall
    # faces are broken at x 4.1-4.2, where a glazed screen (two faces on the door layer,
    # 0.1 m apart, capped) runs from each wall to the door between (y 1.1-2.0)
    s = Sheet()
    s.poly([(0, 0), (8.3, 0), (8.3, 3.2), (0, 3.2)], closed=True)
    s.line((0.1, 0.1), (0.1, 3.1))
    s.line((8.2, 0.1), (8.2, 3.1))
    for y in (0.1, 3.1):
        s.line((0.1, y), (4.1, y))
        s.line((4.2, y), (8.2, y))
    for x in (4.1, 4.2):
        s.line((x, 0.1), (x, 1.1), layer="A-DOOR")
        s.line((x, 2.0), (x, 3.1), layer="A-DOOR")
    s.line((4.1, 1.1), (4.2, 1.1), layer="A-DOOR")
    s.line((4.1, 2.0), (4.2, 2.0), layer="A-DOOR")
    s.door((4.1, 1.1), rotation=90, leaf="open")
    s.text("BEDROOM", (1.5, 2.0))
    s.text("KITCHEN", (6.1, 2.0))
    plan = read(s, tmp_path)
    # 4 x 3 each side of the screen's faces
    got = {name: area for name, _, area in rooms_of(plan)}
    assert got == {"BEDROOM": 12.0, "KITCHEN": 12.0}


def test_a_seal_reaches_a_wall_face_in_line_with_it_drawn_a_hair_off():
    # a closed leaf from (0.1, 0) to (1.0, 0) between a jamb at x = 0 and a wall face in
    # line with it from x = 1.05, drawn 1e-14 m off the leaf's line (Becket's stair door):
    # the frames fill 0.1 and 0.05 m, so the seal runs from the jamb to the face
    from shapely.geometry import LineString

    from floorplan.io.dxf.walls.doorseals import framed_seals

    walls = [LineString([(0, -1), (0, 1)]), LineString([(1.05, 1e-14), (3, 1e-14)])]
    ((a, b),) = framed_seals([((0.1, 0.0), (1.0, 0.0))], walls)
    assert np.allclose(a, (0, 0)) and np.allclose(b, (1.05, 0), atol=1e-9)
