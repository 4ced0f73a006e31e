"""Faces too thin to be rooms, found without their buffers, and wall bands stripped with
the inward buffer made once (floorplan.io.dxf.walls.pinch): shapes and areas worked by hand."""

from __future__ import annotations

from shapely.geometry import Polygon, box

from floorplan.io.dxf.walls.pinch import MIN_WIDTH, corner_lines, narrow, strip_bands


def test_a_band_in_a_strip_narrower_than_a_room_is_narrow():
    bands = [
        box(0, 0, 5, 0.3),    # a 0.3 m wall band: narrow
        box(0, 0, 5, 0.5),    # 0.5 m across: wider than MIN_WIDTH (0.45)
        box(0, 0, 5, MIN_WIDTH),  # exactly MIN_WIDTH: not proved (the buffer decides)
        # an L of 0.3 m arms, 3 m each way: thin, but its smallest rectangle is 3 x 3
        Polygon([(0, 0), (3, 0), (3, 0.3), (0.3, 0.3), (0.3, 3), (0, 3)]),
    ]
    assert narrow(bands).tolist() == [True, False, False, False]
    for b, n in zip(bands, narrow(bands).tolist(), strict=True):  # narrow says thin, truly
        assert not n or b.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty
    assert narrow([]).tolist() == []


def test_strip_bands_given_the_inward_buffer_says_the_same():
    # a 4 x 3 m room with a 0.2 m wide, 6 m long band (1.2 m², over MIN_AREA) run into it
    room = box(0, 0, 4, 3).union(box(4, 1, 10, 1.2))
    inner = room.buffer(-MIN_WIDTH / 2, join_style="mitre")
    got = strip_bands(room, [], inner)
    assert [round(g.area, 6) for g in got] == [12.0]
    assert [g.equals(h) for g, h in zip(got, strip_bands(room), strict=True)] == [True]
    # a 0.3 m deep recess of 0.3 m² (under MIN_AREA) is kept, with or without the buffer
    recess = box(0, 0, 4, 3).union(box(4, 1, 4.3, 2))
    assert strip_bands(recess, [], recess.buffer(-MIN_WIDTH / 2, join_style="mitre")) == [recess]
    assert strip_bands(recess) == [recess]


def test_corner_lines_from_a_wall_end_across_a_doorway():
    # two 4 x 3 rooms; the partition (x 4-4.1) stops 0.9 m short of the bottom wall: from
    # each of its two bottom corners the shortest line to the far side is 0.9 m, straight down
    space = box(0, 0, 8.1, 3).difference(box(4, 0.9, 4.1, 3))
    got = corner_lines(space, 0.6, 1.2)
    assert sorted((round(g.length, 6), tuple(round(c, 6) for xy in g.coords for c in xy)) for g in got) == [
        (0.9, (4.0, 0.9, 4.0, 0.0)), (0.9, (4.1, 0.9, 4.1, 0.0))]
