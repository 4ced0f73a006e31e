"""Outlines or wall linework (floorplan/io/dxf/rooms/sourcechoice.py): closed outlines on a layer
that says nothing decide nothing by being there; the source that accounts for more of the
drawing's evidence (names in rooms, written areas that agree, doors) is read.

Built in code, in metres, on layers that say nothing ("0", "grp1"): two rooms of
4 x 3 m = 12 m² between the faces of double-line walls 0.1 m thick (tests/dxf_patterns.py
two_room_plan: x 0.1..4.1 and 4.2..8.2, y 0.1..3.1), a door block in the partition at
(4.1, 1.1), a name in each room.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, two_room_plan

WEST = [(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (0.1, 3.1)]
EAST = [(4.2, 0.1), (8.2, 0.1), (8.2, 3.1), (4.2, 3.1)]


def _areas(plan) -> list[tuple[str, float]]:
    return sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms)


def test_one_closed_wall_face_does_not_hide_the_rooms_the_walls_enclose(tmp_path):
    # the west room's wall faces drawn once more as a closed polyline on the walls' layer:
    # read as outlines, one room (one name, the door); the linework encloses both (two names)
    s = Sheet()
    two_room_plan(s, layer="0")
    s.poly(WEST, "0", closed=True)
    plan = read(s, tmp_path)
    assert _areas(plan) == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert any("the linework read" in n for n in plan.notes)


def test_outlines_that_account_for_as_much_are_kept(tmp_path):
    # both rooms outlined: the outlines account for both names and the door, as the
    # linework does; nothing speaks against them, so they are the rooms
    s = Sheet()
    two_room_plan(s, layer="0")
    s.poly(WEST, "0", closed=True)
    s.poly(EAST, "0", closed=True)
    plan = read(s, tmp_path)
    assert _areas(plan) == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert {r.source for r in plan.rooms} == {"outline"}


def test_a_finish_laid_across_the_walls_is_neither_room_nor_wall(tmp_path):
    # a sheet of flooring (x 2..6, y 0.5..2.5) drawn closed on its own layer, across the
    # partition's band (x 4.1..4.2): as an outline it is no room, and read as walls its
    # edges cut both rooms short of their written 12 m²; read without its layer, the walls
    # enclose two rooms that agree with the written areas
    s = Sheet()
    two_room_plan(s, layer="0")
    s.poly([(2, 0.5), (6, 0.5), (6, 2.5), (2, 2.5)], "grp1", closed=True)
    s.text("12.00 m2", (0.6, 0.6))
    s.text("12.00 m2", (7.0, 0.6))
    plan = read(s, tmp_path)
    assert _areas(plan) == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert any("its layer grp1 left out" in n for n in plan.notes)


class _Space:
    def __init__(self, polygon, labels=()):
        self.polygon, self.labels = polygon, list(labels)


def test_a_thick_walls_band_between_its_opening_lines_is_no_room():
    from shapely.geometry import box

    from floorplan.io.dxf.rooms.sourcechoice import wall_pieces

    room = _Space(box(0.5, 0.5, 4.5, 3.5))          # 4 x 3 m
    band = _Space(box(0.0, 0.5, 0.5, 3.5))          # the 0.5 m outer wall beside it, 3 m long
    named = _Space(box(4.5, 0.5, 5.0, 3.5))         # as narrow, but a name stands in it
    wide = _Space(box(0.5, 3.5, 4.5, 4.7))          # 1.2 m wide: a corridor, not a band
    apart = _Space(box(6.0, 0.5, 6.5, 3.5))         # narrow, but against no room
    found = [room, band, named, wide, apart]
    assert wall_pieces(found, [(4.75, 2.0, "WC")], []) == [1]


def test_a_partitions_closed_body_is_no_room(tmp_path):
    # a 4 x 3 m room outlined on layer 0 and, beside it, the closed body of an L-shaped
    # partition 0.15 m thick (legs 2.0 and 1.6 m: 0.5175 m², over the 0.5 m² of a label
    # box) on the same layer: no room is 0.15 m wide anywhere
    s = Sheet()
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], "0", closed=True)
    s.poly([(5, 0), (7, 0), (7, 0.15), (5.15, 0.15), (5.15, 1.6), (5, 1.6)], "0", closed=True)
    s.text("BEDROOM", (1.5, 1.5))
    plan = read(s, tmp_path)
    assert _areas(plan) == [("BEDROOM", 12.0)]
    assert any("narrower than 0.45 m throughout" in n for n in plan.notes)


def test_outlines_that_account_for_all_the_evidence_spare_the_linework_reading(tmp_path, monkeypatch):
    # both rooms outlined, each holding its name, and the door at their shared edge: the
    # outlines account for every name and door there is, so no reading of the linework can
    # account for more, and it is not read at all (a cost, not a choice: the same rooms)
    from floorplan.io.dxf.rooms import sourcechoice

    def must_not_run(*a, **k):
        raise AssertionError("the wall linework was read though the outlines account for all")

    monkeypatch.setattr(sourcechoice, "wall_rooms_of", must_not_run)
    s = Sheet()
    two_room_plan(s, layer="0")
    s.poly(WEST, "0", closed=True)
    s.poly(EAST, "0", closed=True)
    plan = read(s, tmp_path)
    assert _areas(plan) == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert {r.source for r in plan.rooms} == {"outline"}


def test_an_outline_with_no_evidence_against_it_keeps_the_rooms_beside_it(tmp_path):
    # no name, no door, no written area: nothing tells the outlines from the linework. The
    # west room drawn closed (an upper floor's stair hall drawn as one polyline) is one room,
    # 4 x 3 = 12 m²; the east room, which only the wall lines enclose, is there as well. The
    # west room's outline runs on across the partition's gap (x 4.1..4.2, y 1.0..1.9): a
    # line at the far face of a doorway as deep as the wall, with a room straight beyond it,
    # has no wall behind it (its "jambs" would be pilasters in front of a wall of no
    # thickness): the doorway's reveal is wall, and the east room ends at its own face,
    # 4 x 3 = 12 m² (walls/reveals.py)
    s = Sheet()
    two_room_plan(s, layer="0", names=(), door=False)
    s.poly(WEST, "0", closed=True)
    plan = read(s, tmp_path)
    rooms = sorted(plan.rooms, key=lambda r: r.polygon.bounds)
    assert [round(r.polygon.area, 3) for r in rooms] == [12.0, 12.0]
    assert rooms[0].source == "outline" and rooms[1].source.startswith("walls")
    assert any("clear of them" in n for n in plan.notes)


def test_a_face_round_the_outlines_is_not_a_room_beside_them():
    # a plot of 20 x 12 m round two sheds of 4 x 3 m standing apart (a site plan): the
    # plot's face holds the sheds in its holes, so it is not clear of them once its holes
    # are filled (24 of its 240 m² in them); a yard of 8 x 7 m round one shed holds 12 of its
    # 56 m²; a space against the first shed's east side shares only that side with it
    from shapely.geometry import Polygon, box

    from floorplan.io.dxf.rooms.sourcechoice import _clear

    class _Shape:
        def __init__(self, p):
            self.polygon = p

    a, b = box(2, 2, 6, 5), box(12, 6, 16, 9)
    plot = Polygon(box(0, 0, 20, 12).exterior.coords, [a.exterior.coords, b.exterior.coords])
    yard = Polygon(box(0, 0, 8, 7).exterior.coords, [a.exterior.coords])
    beside = box(6, 2, 9, 5)
    found = [_Shape(plot), _Shape(yard), _Shape(beside)]
    assert [w.polygon for w in _clear(found, [_Shape(a), _Shape(b)])] == [beside]


def test_the_reading_kept_is_not_made_twice(tmp_path, monkeypatch):
    # the finish plan above: two readings are tried, the linework whole and without layer
    # grp1; the one kept is put back as it was left, not read a third time (a cost, not a
    # choice: the same rooms and note)
    from floorplan.io.dxf.rooms import sourcechoice

    calls = []
    real = sourcechoice.wall_rooms_of

    def counted(rd, *a, **k):
        calls.append(sorted(rd.left_layers))
        return real(rd, *a, **k)

    monkeypatch.setattr(sourcechoice, "wall_rooms_of", counted)
    s = Sheet()
    two_room_plan(s, layer="0")
    s.poly([(2, 0.5), (6, 0.5), (6, 2.5), (2, 2.5)], "grp1", closed=True)
    s.text("12.00 m2", (0.6, 0.6))
    s.text("12.00 m2", (7.0, 0.6))
    plan = read(s, tmp_path)
    assert calls == [[], ["grp1"]]
    assert _areas(plan) == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    assert any("its layer grp1 left out" in n for n in plan.notes)
