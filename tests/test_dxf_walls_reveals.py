"""A room at an opening ends at its own wall face: the reveal is wall, not floor.

Each plan is drawn in metres as wall-face lines (double-line walls); areas by hand from
the coordinates given. Room A lies between wall faces x 0.1-4.1, y 0.1-3.1 (4 x 3 = 12 m²)
unless a test says otherwise.
"""

from __future__ import annotations

from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read


def _area_at(plan, x: float, y: float) -> float:
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(x, y))]
    return round(room.polygon.area, 4)


def _rooms_a_and_b(s: Sheet, tmp_path) -> tuple[float, float]:
    """Rooms A (labelled at (2.5, 2.0)) and B (at (2.5, -2.5)) of ``s`` read: their areas."""
    s.text("BEDROOM", (2.5, 2.0))
    s.text("KITCHEN", (2.5, -2.5))
    plan = read(s, tmp_path)
    return _area_at(plan, 2.5, 2.0), _area_at(plan, 2.5, -2.5)


def test_a_door_hung_deep_in_a_thick_wall_leaves_its_reveal_as_wall(tmp_path):
    # a 0.9 m adobe wall (y -0.8..0.1) between room A and room B (x 0.1..4.1,
    # y -3.8..-0.8, 4 x 3 = 12 m²); a 0.9 m doorway through it (x 1.0..1.9) with a door
    # hung 0.6 m into the wall (hinge (1.9, -0.5), the closed leaf to (1.0, -0.5)): the
    # door parts the passage; without the cut, A ran 0.6 m into it (12 + 0.9 x 0.6 =
    # 12.54 m²) and B 0.3 m (12.27). Each ends at its own face: 12 m² each.
    s = Sheet()
    s.lines([(1.0, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0.1), (1.9, 0.1)])
    s.lines([(1.0, -0.8), (0.1, -0.8), (0.1, -3.8), (4.1, -3.8), (4.1, -0.8), (1.9, -0.8)])
    s.lines([(0, -3.9), (4.2, -3.9), (4.2, 3.2), (0, 3.2), (0, -3.9)])  # the outer faces
    s.line((1.0, 0.1), (1.0, -0.8))  # the passage's sides: the jambs, 0.9 m deep
    s.line((1.9, 0.1), (1.9, -0.8))
    s.swing((1.9, -0.5), (1.0, -0.5), (1.9, -1.4))
    assert _rooms_a_and_b(s, tmp_path) == (12.0, 12.0)


def test_a_doorway_at_a_rooms_corner_flush_with_its_side_wall(tmp_path):
    # the doorway of the last test moved to room A's south-west corner (x 0.1..1.0): its
    # west side is A's west wall face running on down to B, its east side a jamb. A ends
    # at its south face, y 0.1: 12 m² (12.54 with the reveal)
    s = Sheet()
    s.lines([(4.1, 0.1), (4.1, 3.1), (0.1, 3.1), (0.1, -3.8), (4.1, -3.8), (4.1, -0.8),
             (1.0, -0.8), (1.0, 0.1), (4.1, 0.1)])
    s.lines([(0, -3.9), (4.2, -3.9), (4.2, 3.2), (0, 3.2), (0, -3.9)])
    s.swing((1.0, -0.5), (0.1, -0.5), (1.0, -1.4))
    # B: x 0.1..4.1, y -3.8..-0.8 (12 m²), ending at its own face too
    assert _rooms_a_and_b(s, tmp_path) == (12.0, 12.0)


def test_a_window_wider_than_four_metres_is_measured_to_the_walls_inner_face(tmp_path):
    # room A in a 0.25 m external wall (y 3.1..3.35), a window x 0.3..4.6 (4.3 m, wider
    # than openings.WINDOW_SPAN) with its glass (two lines, y 3.16 and 3.19) joined to the
    # jambs: A ran to the glass, 14.4 + 4.3 x 0.06 = 14.658 m²; it ends at the inner face: x 0.1..4.9,
    # y 0.1..3.1, 4.8 x 3 = 14.4 m²
    s = Sheet()
    s.lines([(0.3, 3.1), (0.1, 3.1), (0.1, 0.1), (4.9, 0.1), (4.9, 3.1), (4.6, 3.1)])
    s.lines([(0.3, 3.35), (0, 3.35), (0, 0), (5.0, 0), (5.0, 3.35), (4.6, 3.35)])
    s.line((0.3, 3.1), (0.3, 3.35))  # the jambs
    s.line((4.6, 3.1), (4.6, 3.35))
    s.line((0.3, 3.16), (4.6, 3.16), "A-GLAZ")
    s.line((0.3, 3.19), (4.6, 3.19), "A-GLAZ")
    s.text("OFFICE", (2.5, 1.5))
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 14.4


def test_a_wide_doorway_with_the_next_rooms_face_drawn_across_it(tmp_path):
    # room A and a hall (x 0.1..4.1, y 3.4..5.4) either side of a 0.3 m wall (y 3.1..3.4)
    # with a 1.42 m doorway in it (x 1.0..2.42: wider than an opening's 1.3 m) and nothing
    # at A's side; the hall's face line y 3.4 runs on across it, wall to wall. The jambs
    # are as deep as the wall: the line has no wall behind it (the hall is straight beyond
    # it), so it is no wall face with pilasters before it; A ends at its face: 12 m², not
    # 12 + 1.42 x 0.3 = 12.426
    s = Sheet()
    s.lines([(1.0, 3.1), (0.1, 3.1), (0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (2.42, 3.1)])
    s.lines([(0.1, 3.4), (4.1, 3.4), (4.1, 5.4), (0.1, 5.4), (0.1, 3.4)])  # the hall
    s.lines([(0, 0), (4.2, 0), (4.2, 5.5), (0, 5.5), (0, 0)])
    s.line((1.0, 3.1), (1.0, 3.4))  # the jambs
    s.line((2.42, 3.1), (2.42, 3.4))
    s.text("BEDROOM", (2.5, 1.5))
    s.text("HALL", (2.5, 4.5))
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 12.0
    assert _area_at(plan, 2.5, 4.5) == 8.0  # 4 x 2


def test_an_alcove_whose_bottom_is_wall_stays_floor(tmp_path):
    # room A with an alcove 1.2 m wide and 0.5 m deep in its 0.8 m north wall (x 1.0..2.2,
    # y 3.1..3.6), its bottom the wall's face with the wall's body behind it (outer face
    # y 3.9): floor, 12 + 1.2 x 0.5 = 12.6 m²
    s = Sheet()
    s.lines([(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (2.2, 3.1), (2.2, 3.6), (1.0, 3.6),
             (1.0, 3.1), (0.1, 3.1), (0.1, 0.1)])
    s.lines([(0, 0), (4.2, 0), (4.2, 3.9), (0, 3.9), (0, 0)])
    s.text("BEDROOM", (2.5, 1.5))
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 12.6


def test_a_short_passage_between_partitions_is_floor(tmp_path):
    # a hall x 0.1..4.1, y 0.1..3.1 with a passage 1.0 m wide and 0.9 m long going north
    # from it between two 0.1 m partitions (x 1.0..2.0, y 3.1..4.0) to a door hung at its
    # end (y 4.0) into a room beyond (x 0.1..4.1, y 4.1..6.1); cupboards either side of the
    # passage (x 0.1..0.9 and 2.1..4.1, y 3.2..4.0). The passage is a corridor, not a reveal:
    # the hall keeps it, 12 + 1.0 x 0.9 = 12.9 m²
    s = Sheet()
    s.lines([(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (2.0, 3.1), (2.0, 4.0)])
    s.lines([(1.0, 4.0), (1.0, 3.1), (0.1, 3.1), (0.1, 0.1)])
    s.lines([(0.1, 3.2), (0.9, 3.2), (0.9, 4.0), (0.1, 4.0), (0.1, 3.2)])  # a cupboard
    s.lines([(2.1, 3.2), (4.1, 3.2), (4.1, 4.0), (2.1, 4.0), (2.1, 3.2)])  # a cupboard
    s.lines([(0.1, 4.0), (1.0, 4.0)])
    s.lines([(2.0, 4.0), (4.1, 4.0)])
    s.lines([(0.1, 4.1), (4.1, 4.1), (4.1, 6.1), (0.1, 6.1), (0.1, 4.1)])
    s.lines([(0, 0), (4.2, 0), (4.2, 6.2), (0, 6.2), (0, 0)])
    s.swing((2.0, 4.0), (1.0, 4.0), (2.0, 3.0))
    s.text("HALL", (2.5, 1.5))
    s.text("BEDROOM", (2.5, 5.0))
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 12.9


def test_a_reveal_whose_sides_jog_a_tenth_of_a_millimetre_is_still_cut():
    # room A (x 0.1..4.1, y 0.1..3.1, 12 m²) ran through a 1.42 m doorway in its 0.3 m
    # north wall (jambs x 1.0 and 2.42, y 3.1..3.4) and on 0.236 m into the hall beyond,
    # to a single line at y 3.636, its outline closed from each jamb's end to that line
    # 0.1 mm out (x 0.9999 and 2.4201): the outline simplified for the search smooths the
    # jogs away, and the cut squared off the tilted side ended a hair inside the room and
    # parted nothing (перегородки2-размеры's bay room kept 0.77 m² of the hall so). A
    # ends at its face: 12 m², not 12 + 1.4202 x 0.536 = 12.7612
    from shapely.geometry import LineString, Polygon

    from floorplan.io.dxf.walls.reveals import trim

    face = Polygon([(0.9999, 3.636), (2.4201, 3.636), (2.4201, 3.4), (2.42, 3.4), (2.42, 3.1),
                    (4.1, 3.1), (4.1, 0.1), (0.1, 0.1), (0.1, 3.1), (1.0, 3.1), (1.0, 3.4),
                    (0.9999, 3.4)])
    walls = [LineString([(1.0, 3.1), (0.1, 3.1), (0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (2.42, 3.1)]),
             LineString([(1.0, 3.1), (1.0, 3.4), (0.1, 3.4)]),  # the jambs, the hall's face
             LineString([(2.42, 3.1), (2.42, 3.4), (4.1, 3.4)]),
             LineString([(0.1, 3.636), (4.1, 3.636)])]  # the line in the hall
    bridges = [LineString([(0.9999, 3.4), (0.9999, 3.636)]),
               LineString([(2.4201, 3.4), (2.4201, 3.636)])]
    assert round(face.area, 4) == 12.7612
    assert round(trim(face, walls, walls + bridges)[0].area, 4) == 12.0


def _room_a():
    from shapely.geometry import box
    return box(0.1, 0.1, 4.1, 3.1)  # 4 x 3 = 12 m²


def test_a_rebated_doorway_is_cut_back_to_the_rooms_face(tmp_path):
    # room A in a 0.65 m south wall (y -0.55..0.1); its doorway 1.5 m wide at the room
    # (x 1.0..2.5), each jamb rebated 0.2 m into it 0.25 m down (x 1.2 and 2.3 from y -0.15
    # to the far face), the face run to the door line at y -0.45: 12 + 1.5 x 0.25 +
    # 1.1 x 0.3 = 12.705 m². Only the inner step alone was cut before (12.375 left): a
    # jamb that steps into the opening was no jamb. A ends at its face: 12 m²
    from shapely.geometry import LineString, box

    from floorplan.io.dxf.walls.reveals import trim

    face = _room_a().union(box(1.0, -0.15, 2.5, 0.1)).union(box(1.2, -0.45, 2.3, -0.15))
    walls = [LineString([(1.0, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0.1), (2.5, 0.1)]),
             LineString([(1.0, 0.1), (1.0, -0.15), (1.2, -0.15), (1.2, -0.55), (-0.55, -0.55)]),
             LineString([(2.5, 0.1), (2.5, -0.15), (2.3, -0.15), (2.3, -0.55), (4.75, -0.55)])]
    assert round(face.area, 4) == 12.705
    assert round(trim(face, walls)[0].area, 4) == 12.0


def test_a_stepped_recess_backed_by_a_wall_stays_floor(tmp_path):
    # the same stepped notch, but its bottom (y -0.45) a wall's face with the wall's far
    # face 0.3 m behind it (y -0.75) and the steps' sides ending at the bottom: a recess
    # in a recess, floor (12.705 m² kept)
    from shapely.geometry import LineString, box

    from floorplan.io.dxf.walls.reveals import trim

    face = _room_a().union(box(1.0, -0.15, 2.5, 0.1)).union(box(1.2, -0.45, 2.3, -0.15))
    walls = [LineString([(1.0, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0.1), (2.5, 0.1),
                         (2.5, -0.15), (2.3, -0.15), (2.3, -0.45), (1.2, -0.45), (1.2, -0.15),
                         (1.0, -0.15), (1.0, 0.1)]),
             LineString([(-0.2, -0.75), (4.4, -0.75)])]
    assert round(trim(face, walls)[0].area, 4) == 12.705


def test_a_window_narrower_than_a_door_has_its_reveal_cut(tmp_path):
    # a 0.5 m window (x 1.0..1.5) through room A's 0.6 m south wall (y -0.5..0.1), jambs
    # through the wall, the face run to the glass at y -0.2: 12 + 0.5 x 0.3 = 12.15 m²;
    # the window is narrower than any door (a small casement in a stone wall) and its
    # reveal wall all the same: 12 m²
    from shapely.geometry import LineString, box

    from floorplan.io.dxf.walls.reveals import trim

    face = _room_a().union(box(1.0, -0.2, 1.5, 0.1))
    walls = [LineString([(1.0, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0.1), (1.5, 0.1)]),
             LineString([(1.0, 0.1), (1.0, -0.5), (-0.5, -0.5)]),
             LineString([(1.5, 0.1), (1.5, -0.5), (4.6, -0.5)])]
    assert round(face.area, 4) == 12.15
    assert round(trim(face, walls)[0].area, 4) == 12.0


def test_an_opening_at_a_corner_beside_a_jamb_a_hair_off_square(tmp_path):
    # room A's north-west corner opens through a 0.45 m nib (y 3.1..3.55, x from 1.0 east)
    # into a low room beyond: the opening's west side is A's west face running on north,
    # its east side the nib's end, 2 degrees off square ((1.0, 3.1) to (0.983, 3.55)); the
    # room closed across at the nib's north face (y 3.55): 12 + the 0.9 / 0.883 x 0.45
    # trapezium = 12.4012 m². The mouth's far corner, carried along the nib's end instead of
    # the west face, stood 18 mm off that face, where nothing is drawn (House.dxf's west
    # room kept its 0.44 m² so). A ends at its face y 3.1: 12 m²
    from shapely.geometry import LineString, Polygon

    from floorplan.io.dxf.walls.reveals import trim

    face = Polygon([(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (1.0, 3.1), (0.983, 3.55), (0.1, 3.55)])
    walls = [LineString([(1.0, 3.1), (4.1, 3.1), (4.1, 0.1), (0.1, 0.1), (0.1, 6.0)]),
             LineString([(1.0, 3.1), (0.983, 3.55), (4.1, 3.55)])]
    bridge = LineString([(0.1, 3.55), (0.983, 3.55)])
    assert round(face.area, 4) == 12.4012
    assert round(trim(face, walls, walls + [bridge])[0].area, 4) == 12.0
