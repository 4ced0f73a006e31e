"""Pieces of a thick wall's body are not rooms (floorplan/io/dxf/walls/bands.py).

Built in code, in metres: a 4 x 3 m room (x 0.5..4.5, y 0.5..3.5, 12 m²) in an outer wall
0.5 m thick drawn as its two faces (the outer face x 0..5, y 0..4), each window as two
lines across the wall at its jambs with a glazing line between them, along the wall's
middle. The windows cut the wall's band into pieces between them, each a face of the
linework 0.5 m wide: the wall's body, not rooms.
"""

from __future__ import annotations

from shapely.geometry import Polygon, box

from floorplan.io.dxf.walls.bands import THICKNESS, is_band, wall_pieces
from tests.dxf_patterns import Sheet, read, rooms_of

#: (jamb, jamb) of each window: the south wall's at y 0..0.5, the north wall's at y
#: 3.5..4, the east wall's at x 4.5..5
SOUTH, NORTH, EAST = (1.5, 2.7), (2.0, 3.2), (1.0, 2.5)


def _walled_room(s: Sheet, name: str | None = "BEDROOM") -> None:
    s.lines([(0, 0), (5, 0), (5, 4), (0, 4), (0, 0)])
    s.lines([(0.5, 0.5), (4.5, 0.5), (4.5, 3.5), (0.5, 3.5), (0.5, 0.5)])
    for x in SOUTH:
        s.line((x, 0), (x, 0.5))
    s.line((SOUTH[0], 0.25), (SOUTH[1], 0.25))
    for x in NORTH:
        s.line((x, 3.5), (x, 4))
    s.line((NORTH[0], 3.75), (NORTH[1], 3.75))
    for y in EAST:
        s.line((4.5, y), (5, y))
    s.line((4.75, EAST[0]), (4.75, EAST[1]))
    if name:
        s.text(name, (2.0, 2.0))


def test_a_thick_outer_walls_pieces_between_its_windows_are_not_rooms(tmp_path):
    # three windows cut the band into three pieces (an L round the south-east corner, an L
    # round the north-east one, a U round the west wall), each 0.5 m wide: one room
    s = Sheet()
    _walled_room(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert any("3 face(s) of the wall linework" in n for n in plan.notes)


def test_with_no_label_anywhere_the_pieces_still_go(tmp_path):
    # nothing in the drawing is labelled: the room is kept (unnamed), the pieces are not
    s = Sheet()
    _walled_room(s, name=None)
    plan = read(s, tmp_path)
    assert [round(r.polygon.area, 4) for r in plan.rooms] == [12.0]


def test_the_band_test():
    lo, hi = THICKNESS
    assert (lo, hi) == (0.05, 0.6)  # openings.JAMB_LENGTH[0], views_score.WALL_REACH
    assert is_band(box(0, 0, 3.0, 0.5))
    assert is_band(box(0, 0, 3.0, 0.6))
    assert not is_band(box(0, 0, 3.0, 0.8))        # a 0.8 m passage: wider than a wall
    assert not is_band(box(0, 0, 0.5, 0.5))        # no long side
    # a U round three sides of a corner, 0.5 m wide
    u = box(0, 0, 3, 3).difference(box(0.5, 0.5, 3, 2.5))
    assert is_band(u)
    # a trapezoid 0.5 m wide at one end and 0.1 at the other: its long sides not parallel
    assert not is_band(Polygon([(0, 0), (3, 0), (3, 0.1), (0, 0.5)]))
    # a strip with a room-wide bay at one end
    assert not is_band(box(0, 0, 3, 0.5).union(box(2, 0, 3, 1.5)))


class _Space:
    def __init__(self, polygon, labels=()):
        self.polygon, self.labels = polygon, list(labels)


class _Arr:
    added: list = []
    openings: list = []


def test_the_evidence_keeps_thin_rooms_that_are_real():
    band = _Space(box(0, 0, 3, 0.5))                  # a wall's piece
    duct = _Space(box(0, 2, 3, 2.5))                  # as wide, but labelled DUCT
    cupboard = _Space(box(0, 4, 2, 4.6))              # 0.6 m deep, a door in its side
    named = _Space(box(0, 6, 3, 6.5), ["STORE"])      # a label placed in it by the reader
    written = _Space(box(0, 8, 3, 8.5))               # a written area figure in it
    found = [band, duct, cupboard, named, written]
    door = box(0.5, 4.6, 1.4, 5.5)                    # the door's swing, on the cupboard's edge
    texts = [(1.5, 2.25, "DUCT"), (1.5, 8.25, "1.5 m²")]
    assert wall_pieces(found, _Arr(), [door], texts) == [0]
    assert wall_pieces(found, _Arr(), [], []) == [0, 1, 2, 4]


def test_a_bench_standing_free_in_a_room_is_no_wall_piece():
    # a 2.0 x 0.6 m bench drawn closed inside a 4 x 3 m room: as narrow as a wall, but it
    # stands in the room's hole, so it is left to the rules for objects (shafts, entries)
    bench = box(0.6, 1.3, 2.6, 1.9)
    room = _Space(box(0, 0, 4, 3).difference(bench))
    band = _Space(box(0, 3, 4, 3.5))
    assert wall_pieces([room, _Space(bench), band], _Arr(), [], []) == [2]


def test_a_label_on_a_face_s_outline_holds_it_for_the_bands_not_for_the_masses():
    # wall_pieces asks "intersects" (a label on a band's edge keeps it), sealed_off "within"
    from shapely.strtree import STRtree

    from floorplan.io.dxf.walls.entries import holding

    tree = STRtree([box(0, 0, 1, 1), box(2, 0, 3, 1)])
    texts = [(0.5, 0.5, "HALL"), (2.0, 0.5, "WC")]  # inside the first; on the second's west side
    assert holding(tree, texts, "within") == {0}
    assert holding(tree, texts, "intersects") == {0, 1}
    assert holding(tree, [], "within") == set()
