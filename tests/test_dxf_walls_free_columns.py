"""Columns standing free in a room are no doorways (issue 10 items 5 and 7: the fifth
holdout's office floor drew its columns as eight LINEs each, a square with its corners cut,
and each gave four "bare openings" between its opposite sides, 54 false doors in all, and
a round column drawn as a polyline gave one between each pair of its opposite pieces).

A doorway's jambs close two walls whose faces run away from the opening; a column's sides
meet pieces that turn towards the other side, and a curve's pieces turn a few degrees from
the next. The drawings are in metres.
"""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import box

from floorplan.io.dxf.walls.jambends import curve_pieces
from tests.dxf_patterns import Sheet, read


def office(s: Sheet) -> None:
    """A 10 x 6 m room (x 0.1..10.1, y 0.1..6.1) with one door in its south wall at x 4..4.9."""
    walls = box(0, 0, 10.2, 6.2).difference(box(0.1, 0.1, 10.1, 6.1)).difference(box(4.0, 0, 4.9, 0.1))
    s.mass(walls)
    s.door((4.0, 0.0), rotation=0)


def chamfered(s: Sheet, cx: float, cy: float, side: float = 0.7, cut: float = 0.08) -> None:
    """A square column of ``side`` with its corners cut by ``cut``, eight LINEs."""
    h = side / 2
    pts = [(cx - h + cut, cy - h), (cx + h - cut, cy - h), (cx + h, cy - h + cut),
           (cx + h, cy + h - cut), (cx + h - cut, cy + h), (cx - h + cut, cy + h),
           (cx - h, cy + h - cut), (cx - h, cy - h + cut)]
    s.lines(pts + pts[:1])


def doors_from(plan, how: str) -> list:
    return [d for d in plan.doors if d.properties.get("from") == how]


def test_chamfered_columns_make_no_doorways(tmp_path):
    s = Sheet()
    office(s)
    for cx in (2.5, 5.0, 7.5):
        chamfered(s, cx, 3.1)
    s.text("OFFICE", (5.0, 1.5))
    plan = read(s, tmp_path)
    assert doors_from(plan, "opening") == []
    assert len(plan.doors) == 1
    # the office, less the three columns: 60 - 3 x (0.49 - 2 x 0.08²)
    room = next(r for r in plan.rooms if r.name == "OFFICE")
    assert abs(room.polygon.area - (60.0 - 3 * (0.49 - 2 * 0.08 ** 2))) < 1e-6


def test_a_doorway_between_walls_is_still_one(tmp_path):
    # two rooms parted by a 0.1 m wall with a 0.9 m opening between its jambs, nothing in it
    s = Sheet()
    walls = box(0, 0, 8.3, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).difference(box(4.2, 0.1, 8.2, 3.1))
    s.mass(walls.difference(box(4.1, 1.0, 4.2, 1.9)))
    s.text("BEDROOM", (2.0, 2.0))
    s.text("KITCHEN", (6.0, 2.0))
    plan = read(s, tmp_path)
    assert [round(d.width, 3) for d in doors_from(plan, "opening")] == [0.9]


def test_a_curve_drawn_in_pieces_has_no_jambs():
    ring = np.array([(0.65 * math.cos(t), 0.65 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 61)])
    assert curve_pieces([ring]).all()
    # a wall's outline with a jamb: every piece turns 90 degrees from the next
    outline = np.array([(0, 0), (4, 0), (4, 0.1), (0, 0.1), (0, 0)])
    assert not curve_pieces([outline]).any()


def test_a_wall_face_drawn_past_its_jamb_still_runs_away():
    # the faces of a 0.1 m wall run 2 cm past the jambs into the doorway, and the door's
    # frame draws 5 cm nibs from the jambs' ends into it: the faces still run away from the
    # opening, so it is one (as Erasmus's second floor draws its doors)
    from shapely.geometry import LineString

    from floorplan.io.dxf.walls.openings import jamb_openings

    lines = [np.array(p, dtype=float) for p in (
        [(4.0, -1.0), (4.0, 1.02)], [(4.1, -1.0), (4.1, 1.02)],    # faces south, past the jamb
        [(4.0, 1.88), (4.0, 4.0)], [(4.1, 1.88), (4.1, 4.0)],      # faces north
        [(4.0, 1.0), (4.1, 1.0)], [(4.0, 1.9), (4.1, 1.9)],        # the jambs
        [(4.0, 1.0), (4.0, 1.05)], [(4.1, 1.0), (4.1, 1.05)],      # the frame's nibs
        [(4.0, 1.9), (4.0, 1.85)], [(4.1, 1.9), (4.1, 1.85)])]
    found = jamb_openings(lines, [LineString(p) for p in lines], [])
    assert [round(o.width, 3) for o in found] == [0.9]
