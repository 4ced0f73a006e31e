"""Labels keep clear of one another and of circles' outlines, and a room's label stays in
its room."""

from __future__ import annotations

import pytest
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


def test_the_circles_crossing_each_spot_found_through_a_tree_are_those_found_against_all():
    import numpy as np

    from floorplan.render.declutter import _crossed, _crossings, _tree

    rng = np.random.default_rng(5)
    circles = np.column_stack([rng.uniform(0, 100, (200, 2)), rng.uniform(0.2, 4, 200)])
    x, y = rng.uniform(-5, 100, (2, 300))
    w, h = rng.uniform(0.3, 12, (2, 300))
    boxes = np.column_stack([x, y, x + w, y + h])
    # spots touching a circle's bounds only at its edge, and one holding a circle whole
    boxes[0] = (circles[0, 0] + circles[0, 2], 0, circles[0, 0] + circles[0, 2] + 3, 100)
    boxes[1] = (circles[1, 0] - 7, circles[1, 1] - 7, circles[1, 0] + 7, circles[1, 1] + 7)
    want = _crossings(boxes, circles)
    assert want.sum() > 300 and (want == 0).sum() > 10  # many crossed, some clear
    assert _crossed(boxes, circles, _tree(circles)).tolist() == want.tolist()
    assert _crossed(boxes, circles[:0], _tree(circles[:0])).tolist() == [0] * len(boxes)


def _by_hand(prims, rooms):
    """declutter's rule worked out the plain way: in order of importance, each label to
    the first of its spots (``_OFFSETS``, nearest first) of least cost, the cost being
    the area it shares with every label placed before it plus half its area for each
    circle whose line runs through it (nearest point of the box inside the circle, its
    farthest corner outside); a room's label only to spots inside its room."""
    import math

    from floorplan.render.declutter import _OFFSETS, _priority

    circles = [(p.geometry.x, p.geometry.y, p.radius) for p in prims if p.kind == "circle"]
    placed, out = [], list(prims)
    texts = sorted((i for i, p in enumerate(prims) if p.kind == "text"), key=lambda i: _priority(prims[i].key))
    for i in texts:
        p = prims[i]
        x0, y0, x1, y1 = text_bounds(p.text, p.geometry, 7.0, K, p.angle)
        w, h = x1 - x0, y1 - y0
        costs = []
        for dx, dy in _OFFSETS:
            b = (x0 + dx * w, y0 + dy * h, x1 + dx * w, y1 + dy * h)
            cost = sum(max(0.0, min(b[2], o[2]) - max(b[0], o[0])) * max(0.0, min(b[3], o[3]) - max(b[1], o[1]))
                       for o in placed)
            for cx, cy, r in circles:
                near = math.hypot(min(max(cx, b[0]), b[2]) - cx, min(max(cy, b[1]), b[3]) - cy)
                far = math.hypot(max(abs(b[0] - cx), abs(b[2] - cx)), max(abs(b[1] - cy), abs(b[3] - cy)))
                if near < r < far:
                    cost += w * h / 2
            inside = p.key != "label" or (dx, dy) == (0, 0) or rooms[p.ref].contains(box(*b))
            costs.append((cost, b, (dx, dy)) if inside else (math.inf, b, (dx, dy)))
        least = min(c for c, _, _ in costs)
        cost, b, (dx, dy) = next(c for c in costs if c[0] <= least * (1 + 1e-9) + 1e-12)
        placed.append(b)
        out[i] = p if not (dx or dy) else Primitive(p.kind, p.key, Point(p.geometry.x + dx * w, p.geometry.y + dy * h),
                                                    text=p.text, ref=p.ref, angle=p.angle)
    return out


def test_a_crowd_of_labels_goes_where_the_rule_worked_by_hand_puts_it():
    # hundreds of labels heaped on a small plan, over circles: the placed labels are found
    # through cells, every candidate's cost at once; a neighbour missed, a circle missed or
    # a cost summed wrong would put some label elsewhere than the plain rule does
    import random

    rng = random.Random(11)
    rooms = {f"R{n}": box(x, y, x + 6, y + 4) for n, (x, y) in
             enumerate((6 * i, 4 * j) for i in range(5) for j in range(5))}
    prims = [Primitive("circle", "circle.clear", Point(rng.uniform(0, 30), rng.uniform(0, 20)),
                       ref="R0", radius=rng.uniform(0.3, 1.5)) for _ in range(40)]
    names = ["Hall", "Bedroom 1\n12.0 m²", "Kitchen/Living/Dining\n26.4 m²", "WC", "fits ⌀ 1.40 m"]
    for _ in range(300):
        ref = f"R{rng.randrange(25)}"
        r = rooms[ref].bounds
        prims.append(Primitive("text", rng.choice(["label", "label.mark.fail", "label.dwelling"]),
                               Point(rng.uniform(r[0] + 1, r[2] - 1), rng.uniform(r[1] + 0.5, r[3] - 0.5)),
                               text=rng.choice(names), ref=ref, angle=rng.choice([0.0, 0.0, 90.0])))
    got, want = declutter(prims, K, _size, rooms), _by_hand(prims, rooms)
    moved = sum(g.geometry != p.geometry for g, p in zip(got, prims, strict=True))
    assert moved > 100  # a crowd: most labels had to move
    assert [c for g in got for c in g.geometry.coords[0]] == pytest.approx([c for w in want for c in w.geometry.coords[0]])
