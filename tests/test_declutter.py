"""Labels keep clear of one another and of circles' outlines, and a room's label stays in
its room."""

from __future__ import annotations

from shapely.geometry import Point, box

from floorplan.render.declutter import declutter
from floorplan.render.placing import text_bounds
from floorplan.render.scene import Primitive

K = 10.0  # 1:100, 10 mm of paper per metre


def _size(p):
    return 7.0


def _box(p):
    return box(*text_bounds(p.text, p.geometry, 7.0, K, p.angle))


def test_a_label_on_another_moves_clear_of_it():
    a = Primitive("text", "label", Point(5, 5), text="Bedroom 1\n12.0 m²", ref="R1")
    b = Primitive("text", "label.mark.fail", Point(5.1, 5.05), text="fits ⌀ 1.40 m", ref="FP201")
    room = box(0, 0, 10, 10)
    out = declutter([a, b], K, _size, {"R1": room})
    assert out[0] == a  # the room's label, placed first, stays
    assert out[1].geometry != b.geometry
    assert not _box(out[0]).intersects(_box(out[1]))


def test_a_label_across_a_circles_line_moves_off_it():
    circle = Primitive("area", "circle.clear", Point(5, 5).buffer(1.0, quad_segs=32), ref="R1")
    label = Primitive("text", "label", Point(5, 5.95), text="Store\n3.4 m²", ref="R1")
    out = declutter([circle, label], K, _size, {"R1": box(0, 0, 10, 10)})
    assert out[0] is circle
    ring = Point(5, 5).buffer(1.0, quad_segs=64).exterior
    assert _box(label).intersects(ring) and not _box(out[1]).intersects(ring)


def test_a_rooms_label_never_leaves_its_room():
    # a room just big enough for its label: nowhere else in it to go, so it stays put
    room = box(0, 0, 2.2, 1.0)
    a = Primitive("text", "label", Point(1.1, 0.5), text="Linen Cpd\n1.5 m²", ref="R1")
    b = Primitive("text", "label", Point(1.1, 0.5), text="Linen Cpd\n1.5 m²", ref="R2")
    out = declutter([a, b], K, _size, {"R1": room, "R2": room})
    assert room.contains(_box(out[1])) or out[1] == b


def test_clear_labels_are_left_alone():
    a = Primitive("text", "label", Point(2, 2), text="Hall", ref="R1")
    b = Primitive("text", "label", Point(8, 8), text="Lounge", ref="R2")
    assert declutter([a, b], K, _size, {}) == [a, b]


def test_the_circles_near_a_label_are_those_whose_bounds_meet_its_spots():
    import numpy as np

    from floorplan.render.declutter import _circles_near

    spots = {3: np.array([[0.0, 0.0, 2.0, 1.0], [1.0, 0.5, 3.0, 1.5]]),  # reach 0..3 x 0..1.5
             7: np.array([[10.0, 10.0, 11.0, 11.0]])}
    circles = np.array([[4.0, 1.0, 1.0],     # its bounds 3..5: touch the reach at x = 3
                        [5.0, 5.0, 1.0],     # near neither
                        [-0.5, 0.7, 0.6],    # inside the first's reach
                        [10.5, 12.2, 1.5]])  # bounds 10.7..13.7 in y: meets the second
    near = _circles_near(spots, circles)
    assert sorted(map(tuple, near[3].tolist())) == [(-0.5, 0.7, 0.6), (4.0, 1.0, 1.0)]
    assert near[7].tolist() == [[10.5, 12.2, 1.5]]
    assert _circles_near(spots, np.zeros((0, 3))) == {}
