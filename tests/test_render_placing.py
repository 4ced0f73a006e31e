"""Label spots and poles worked out for every room at once (floorplan.render.placing) are
those worked out room by room, on rooms of every shape the scene meets."""

from __future__ import annotations

import random

import pytest
from shapely.geometry import MultiPolygon, Point, Polygon, box

from floorplan.render.placing import edge_distances, label_spot, label_spots, pole, poles


def _rooms(seed: int):
    rng = random.Random(seed)
    out = []
    for _ in range(120):
        x, y = rng.uniform(0, 50), rng.uniform(0, 50)
        w, h = rng.choice([(rng.uniform(0.8, 8), rng.uniform(0.8, 8)),  # rooms
                           (rng.uniform(0.5, 1.2), rng.uniform(4, 10))])  # long and narrow
        shape = rng.randrange(4)
        if shape == 0:
            room = box(x, y, x + w, y + h)
        elif shape == 1:  # an L: its centroid can fall outside it
            room = Polygon([(x, y), (x + w, y), (x + w, y + 0.3 * h), (x + 0.3 * w, y + 0.3 * h),
                            (x + 0.3 * w, y + h), (x, y + h)])
        elif shape == 2:  # a room with a fitting cut out of its floor
            room = box(x, y, x + w, y + h).difference(box(x + 0.2 * w, y + 0.2 * h, x + 0.6 * w, y + 0.7 * h))
        else:  # in two parts (a floor split by a low ceiling)
            room = MultiPolygon([box(x, y, x + w, y + h), box(x + w + 1, y, x + 2 * w + 1, y + 0.4 * h)])
        floor = room if rng.random() < 0.5 else room.buffer(-0.05 * min(w, h), join_style="mitre")
        out.append((room, floor, rng.choice(["WC", "Bedroom 1\n12.0 m²", "Kitchen/Living/Dining\n26.4 m²",
                                             "Store\n1.1 m²\n✗ FP101 FP102"])))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_rooms_spot_at_once_is_the_spot_found_room_by_room(seed):
    rooms = _rooms(seed)
    floors = [f for _, f, _ in rooms]
    want_poles = [pole(f) for f in floors]
    got_poles = poles(floors)
    assert [p.coords[0] for p in got_poles] == [p.coords[0] for p in want_poles]
    along = 0
    for k in (2.0, 5.0, 10.0):  # 1:500, 1:200, 1:100: fewer labels fit the smaller the scale
        want = [label_spot(r, f, p, t, 7.0, k) for (r, f, t), p in zip(rooms, want_poles, strict=True)]
        got = label_spots([r for r, _, _ in rooms], floors, got_poles, [t for _, _, t in rooms], 7.0, k)
        assert [(s[0].coords[0], s[1]) if s else None for s in got] == \
               [(s[0].coords[0], s[1]) if s else None for s in want]
        placed = sum(s is not None for s in want)
        assert 0 < placed < len(rooms)  # some fit, some do not: both ways are tried
        along += sum(bool(s and s[1] == 90.0) for s in want)
    assert along  # and some run along a narrow room
    assert edge_distances(floors, got_poles) == [f.boundary.distance(p) for f, p in zip(floors, got_poles, strict=True)]


def test_a_room_without_a_polygon_has_its_pole_where_it_is():
    line_room = Point(1, 1).buffer(0.5).boundary  # no polygon in it: its representative point
    assert poles([line_room])[0].equals(line_room.representative_point())
    assert label_spots([], [], [], [], 7.0, 10.0) == []


def test_a_known_centre_is_taken_as_the_pole_and_only_the_rest_searched():
    corridor = box(0, 0, 1, 9)  # its deepest points run along x = 0.5, y 0.5..8.5
    square = box(10, 0, 12, 2)  # one deepest point: (11, 1)
    given = Point(0.5, 4.5)
    got = poles([corridor, square], [given, None])
    assert got[0] is given
    assert got[1].distance(Point(11, 1)) < 0.02  # GEOS's search, to 10 mm
    assert poles([corridor, square], [None, None])[1].equals(got[1])


def test_a_marks_parts_go_to_the_levels_of_the_rooms_they_lie_in():
    """A finding over rooms on two floors marks each part on the floor of the first of its
    rooms the part's point lies in (floors drawn one over the other: the first listed),
    and a part in none of them where its extent puts it; the rooms' list is read once and
    reused for every mark of the finding (the same answer again)."""
    from types import SimpleNamespace

    from floorplan.render.placing import MarkLevels

    ground = SimpleNamespace(level=0.0, polygon=box(0, 0, 10, 10))
    upper = SimpleNamespace(level=1.0, polygon=box(0, 0, 10, 10))  # drawn over the ground floor
    annex = SimpleNamespace(level=1.0, polygon=box(30, 0, 40, 10))

    def never(_g):
        raise AssertionError("the room under a part was asked for, though its extent decides")

    levels = MarkLevels(never, {0.0: (0, 0, 20, 10), 1.0: (25, 0, 60, 10)})
    rooms = [upper, ground, annex]
    mark = MultiPolygon([box(1, 1, 2, 2), box(31, 1, 32, 2), box(50, 1, 51, 2)])
    got = levels.split(mark, rooms)
    assert sorted((lv, round(g.area, 6)) for lv, g in got) == [(1.0, 3.0)]  # all on level 1
    rooms2 = [ground, upper, annex]  # the ground floor first: the part over both goes there
    got2 = levels.split(mark, rooms2)
    assert sorted((lv, round(g.area, 6)) for lv, g in got2) == [(0.0, 1.0), (1.0, 2.0)]
    assert levels.split(mark, rooms2) is got2
    lone = MultiPolygon([box(12, 1, 13, 2)])  # in no room: nearest level 0's extent
    assert [lv for lv, _ in levels.split(lone, rooms2)] == [0.0]
