"""A void drawn as an X (two straight lines crossing a space corner to corner) is no room
(issue 10; holdout3 FINDINGS, L1412 Etage 2).

The plan of tests/test_dxf_shafts.py: three rooms of 3 x 3 m in a row with door blocks
onto a corridor 1.5 m deep (x 0..9, y 0..4.5), so the drawing's doors are read. North of
the corridor a space of 8 x 6 m (x 0..8, y 4.5..10.5) is drawn in single-line walls.
Crossed by its two diagonals it is a void: by hand the diagonals meet at (4, 7.5) and
part it into four triangles of 8 x 3 / 2 = 12 m² (north and south) and 6 x 4 / 2 = 12 m²
(east and west), none of them a room. With one diagonal only (two triangles of 24 m²),
or parted by a cross of walls meeting the outline mid-face with a door in it (four rooms
of 4 x 3 = 12 m²), it is read as today.
"""

from __future__ import annotations

from types import SimpleNamespace as NS

from shapely.geometry import LineString, Point, Polygon, box

from floorplan.io.dxf.rooms.voids import voids
from tests.dxf_patterns import Sheet, read

ROW = [9.0, 9.0, 9.0, 12.5]  # the three rooms and the corridor (9 x 1.5 - the 1 x 1 duct)


def _plan(inside: str) -> Sheet:
    s = Sheet()
    s.lines([(0, 0), (9, 0), (9, 4.5), (0, 4.5), (0, 0)])
    for x in (3, 6):
        s.line((x, 0), (x, 3))
    for x0 in (0, 3, 6):
        s.line((x0, 3), (x0 + 1, 3))
        s.line((x0 + 1.9, 3), (x0 + 3, 3))
        s.door((x0 + 1, 3), rotation=0, leaf="open")
    s.lines([(8, 4.5), (8, 3.5), (9, 3.5)])  # the duct
    s.lines([(0, 4.5), (0, 10.5), (8, 10.5), (8, 4.5)])  # the space north of the corridor
    if inside in ("x", "one"):
        s.line((0, 4.5), (8, 10.5))
    if inside == "x":
        s.line((8, 4.5), (0, 10.5))
    if inside == "cross":  # walls from mid-face to mid-face, a 0.9 m door in the west arm
        s.line((4, 4.5), (4, 10.5))
        s.line((0, 7.5), (1, 7.5))
        s.line((1.9, 7.5), (8, 7.5))
        s.door((1, 7.5), rotation=0, leaf="open")
    return s


def _north(plan) -> list[float]:
    return sorted(round(r.polygon.area, 4) for r in plan.rooms if r.polygon.centroid.y > 4.5)


def test_a_space_crossed_by_an_x_is_one_void_not_rooms(tmp_path):
    plan = read(_plan("x"), tmp_path)
    assert _north(plan) == []
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == ROW
    (note,) = [n for n in plan.notes if "marked with an X" in n]
    assert note.startswith("1 void(s)") and "48.0 m² at (4.00, 7.50) in 4 part(s)" in note


def test_one_diagonal_is_no_x(tmp_path):
    plan = read(_plan("one"), tmp_path)
    assert _north(plan) == [24.0, 24.0]
    assert not any("marked with an X" in n for n in plan.notes)


def test_a_cross_of_walls_with_a_door_is_rooms(tmp_path):
    plan = read(_plan("cross"), tmp_path)
    assert _north(plan) == [12.0, 12.0, 12.0, 12.0]
    assert not any("marked with an X" in n for n in plan.notes)


def _quarters():
    q = [Polygon([(0, 0), (8, 0), (4, 3)]), Polygon([(8, 0), (8, 6), (4, 3)]),
         Polygon([(8, 6), (0, 6), (4, 3)]), Polygon([(0, 6), (0, 0), (4, 3)])]
    return [NS(id=f"R{k}", name="", source="walls", polygon=p) for k, p in enumerate(q)]


XS = [LineString([(0, 0), (8, 6)]), LineString([(8, 0), (0, 6)])]


def test_a_door_on_the_diagonals_makes_them_walls():
    # a door at (2, 1.5), on the diagonal from (0, 0) to (8, 6), away from its ends
    assert voids(_quarters(), XS, [NS(id="D1", geometry=Point(2, 1.5))]) == []


def test_a_door_on_the_edge_leads_into_the_void():
    door = NS(id="D1", geometry=Point(4, 0))  # mid-way along the south side
    ((parts, into),) = voids(_quarters(), XS, [door])
    assert len(parts) == 4 and into == [door]


def test_lines_crossing_near_an_end_are_no_x():
    # the second line crosses the first 1 m from its end (1/10 of 10 m: under CROSS_INSIDE)
    lines = [LineString([(0, 0), (8, 6)]), LineString([(8, 4.5), (6.4, 5.7)])]
    assert voids(_quarters(), lines, []) == []


def test_a_small_x_is_left_to_the_shafts():
    # a 2 x 1.5 m lift shaft crossed (3 m², under SHAFT_AREA): shafts.py sets it aside
    small = [NS(id=r.id, name="", source="walls", polygon=Polygon(
        [(x / 4, y / 4) for x, y in r.polygon.exterior.coords])) for r in _quarters()]
    lines = [LineString([(0, 0), (2, 1.5)]), LineString([(2, 0), (0, 1.5)])]
    assert voids(small, lines, []) == []


def test_a_hall_run_into_a_part_stays_a_room():
    # the north quarter read together with a 4 x 5 m hall beyond it (x 2..6, y 6..11):
    # its outline away from the X runs 2 + 5 + 4 + 5 + 2 + ... far more than the 8 m
    # between the two ends it touches (more than ARC_RATIO times): it is kept, the other
    # three quarters are the void
    rooms = _quarters()
    rooms[2].polygon = rooms[2].polygon.union(Polygon([(2, 6), (6, 6), (6, 11), (2, 11)]))
    ((parts, _),) = voids(rooms, XS, [])
    assert sorted(r.id for r in parts) == ["R0", "R1", "R3"]


def test_a_part_read_with_the_voids_edge_band_goes_with_the_void():
    # the void's edge drawn as two lines 0.5 m apart along its south and east sides, the
    # inner line missing along the south (L1412 Etage 2: a gallery's edge, open to the
    # hall's doors): the band runs into the south quarter, read as one face whose outline
    # runs on 6 m up the east side, beyond the two ends of the X it spans. Its strips
    # narrower than NARROW run along the east quarter: the void's edge, set aside with it
    rooms = _quarters()
    rooms[0].polygon = rooms[0].polygon.union(box(0, -0.5, 8.5, 0)).union(box(8, 0, 8.5, 6))
    ((parts, _),) = voids(rooms, XS, [])
    assert sorted(r.id for r in parts) == ["R0", "R1", "R2", "R3"]


def test_a_corridor_run_into_a_part_stays_a_room():
    # a corridor 1 m wide (narrower than NARROW) running north from the north quarter
    # (x 3.5..4.5, y 6..12): its strip runs along no other part of the X, so the face is
    # no part of the void, and stays a room
    rooms = _quarters()
    rooms[2].polygon = rooms[2].polygon.union(box(3.5, 6, 4.5, 12))
    ((parts, _),) = voids(rooms, XS, [])
    assert sorted(r.id for r in parts) == ["R0", "R1", "R3"]
