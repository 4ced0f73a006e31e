"""A note's underline is no wall (floorplan.io.dxf.walls.annotations).

Drawn in metres on one layer that says nothing (walls and notes alike), each room as the
outline of its walls' inner faces, as an old survey is (CASONA DE YANAHUARA's small rooms
off its yard); areas by hand from the coordinates given.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read


def test_an_underlined_note_does_not_part_its_room(tmp_path):
    # a room x 0..2.25, y 0..1.95 (4.3875 m²) drawn as its inner faces, its door a 0.65 m
    # gap in the south face (x 0.6..1.25); a roof note in two lines, 'TECHO DE CALAMINA'
    # and 'EN MAL ESTADO' (0.099 m high, at x 0.365), the first underlined by an L (x
    # 0.857..1.867 at y 0.842, a tick up to 1.102) that touches no wall: its ends stand
    # 0.86 and 0.38 m from the side faces, gaps the closing bridges. Read as a wall, it
    # parts the room in two, each named by a line of the note; it is the note's: one room
    s = Sheet()
    s.lines([(0.6, 0.0), (0.0, 0.0), (0.0, 1.95), (2.25, 1.95), (2.25, 0.0), (1.25, 0.0)], "0")
    s.poly([(0.857, 0.842), (1.867, 0.842), (1.867, 1.102)], "0")
    s.text("TECHO DE CALAMINA", (0.365, 0.864), height=0.099, layer="0")
    s.text("EN MAL ESTADO", (0.365, 0.722), height=0.099, layer="0")
    plan = read(s, tmp_path)
    big = [r for r in plan.rooms if r.polygon.area > 0.5]
    assert len(big) == 1
    assert abs(big[0].polygon.area - 4.3875) < 0.01
