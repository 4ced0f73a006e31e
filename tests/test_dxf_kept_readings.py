"""Work kept between the readings of one drawing's walls (issue 15: the source choice reads
the walls up to eight times): a face parted once (floorplan.io.dxf.walls.pinch.part), the
door layers' nibs and partitions found once (floorplan.io.dxf.walls.kept), a polyline's
swing runs found once (floorplan.io.dxf.doors.swings); and the shortest lines across a face
from a finely drawn curve's corners, most of them too short, not made. Shapes by hand."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import Point, Polygon, box

from floorplan.io.dxf.doors import swings
from floorplan.io.dxf.walls import kept as kept_mod
from floorplan.io.dxf.walls import pinch
from floorplan.io.dxf.walls.kept import digest, kept


def _two_rooms() -> Polygon:
    # two 4 x 3 rooms; the partition (x 4-4.1) stops 0.9 m short of the bottom wall
    return box(0, 0, 8.1, 3).difference(box(4, 0.9, 4.1, 3))


def test_a_face_parted_again_gives_the_same_pieces_as_new_objects():
    face = _two_rooms()
    first = pinch.part(face)
    again = pinch.part(shapely.from_wkb(shapely.to_wkb(face)))  # the same face, read again
    assert sorted(round(p.area, 6) for p, _ in first) == [12.0, 12.0]
    assert [(shapely.to_wkb(p), [shapely.to_wkb(c) for c in cs]) for p, cs in again] == [
        (shapely.to_wkb(p), [shapely.to_wkb(c) for c in cs]) for p, cs in first]
    assert all(p is not q for (p, _), (q, _) in zip(first, again, strict=True))
    # the cut along both pieces is one line in each answer, as when it was made
    assert again[0][1][0] is again[1][1][0]
    assert len(again[0][1]) == 1 and round(again[0][1][0].length, 6) == 0.9


def test_a_face_with_no_doorway_comes_back_as_itself():
    room = box(0, 0, 4, 3)
    assert pinch.part(room)[0][0] is room
    same = box(0, 0, 4, 3)
    assert pinch.part(same)[0][0] is same  # kept once, but each caller gets its own face


def test_a_doorway_beside_a_finely_drawn_column_is_still_found():
    # the two rooms, a round column of 0.25 m radius drawn with 720 sides in the right one
    # (centre (6.05, 1.5)): from its corners the walls are 1.25 m away or more, past the
    # 1.2 m a doorway's neck is at most, and the column's own sides nearer than 0.6 m
    n, r, cx, cy = 720, 0.25, 6.05, 1.5
    column = Polygon([(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n))
                      for k in range(n)])
    face = _two_rooms().difference(column)
    lines = pinch.corner_lines(face, 0.6, 1.2)
    # only the wall end's two corners, which see the bottom wall 0.9 m below
    assert [round(g.length, 6) for g in lines] == [0.9, 0.9]
    pieces = sorted(round(p.area, 4) for p, _ in pinch.part(face))
    ngon = n / 2 * r * r * math.sin(2 * math.pi / n)
    assert pieces == sorted([12.0, round(12.0 - ngon, 4)])


def test_the_numpy_distance_drops_only_lines_certainly_too_short():
    a = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]])
    b = np.array([[2.0, 0.0], [2.0, 0.0], [0.0, 0.0]])  # the last a point
    p = np.array([[1.0, 0.5], [3.0, 0.0], [0.3, 0.4]])  # 0.5 above, 1.0 past the end, 0.5
    assert pinch._nearer(p, a, b, 0.6).tolist() == [True, False, True]
    assert pinch._nearer(p, a, b, 0.5).tolist() == [False, False, False]  # at it: kept


def test_kept_makes_a_result_once_for_the_same_lines():
    calls = []

    def ends(lines):
        calls.append(1)
        return [float(p[-1, 0]) for p in lines]

    lines = [np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[0.0, 1.0], [2.0, 1.0], [2.0, 3.0]])]
    assert kept(ends, lines) == [1.0, 2.0]
    got = kept(ends, [p.copy() for p in lines])  # equal lines, other arrays
    got.append(9.0)  # a caller's list is its own
    assert kept(ends, lines) == [1.0, 2.0] and len(calls) == 1
    moved = [lines[0], lines[1] + 1e-9]
    assert kept(ends, moved) == [1.0, 2.000000001] and len(calls) == 2


def test_the_digest_tells_apart_lines_split_differently():
    one = [np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])]
    two = [np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[2.0, 0.0]])]
    assert digest(one) != digest(two)
    assert digest(one) == digest([np.array([[0.0, 0.0, 5.0], [1.0, 0.0, 5.0], [2.0, 0.0, 5.0]])])


def test_kept_holds_a_bounded_number_of_results():
    for k in range(kept_mod._KEEP + 5):
        kept(lambda lines: [len(lines)], [np.full((2, 2), float(k))])
    assert len(kept_mod._KEPT) <= kept_mod._KEEP


def test_a_polylines_swing_runs_found_once_are_the_same():
    # a 0.9 m leaf and a quarter circle of 0.9 m radius in 12 steps round the hinge (0, 0)
    arc = [(0.9 * math.cos(math.pi / 2 * k / 12), 0.9 * math.sin(math.pi / 2 * k / 12))
           for k in range(13)]
    pts = np.array([(0.0, 0.0)] + arc)
    runs = swings._runs_of(pts)
    assert runs == swings.arc_runs(pts) and len(runs) == 1
    first, last, (cx, cy), r, sweep = runs[0]
    assert (first, last) == (1, 13) and round(r, 6) == 0.9 and round(sweep, 3) == 90.0
    assert Point(cx, cy).distance(Point(0, 0)) < 1e-9
    assert swings._runs_of(pts.copy()) == runs
