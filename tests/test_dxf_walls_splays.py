"""A splayed reveal in a thick wall is wall, not floor (floorplan.io.dxf.walls.splays).

Each plan is drawn in metres as wall-face lines; areas by hand from the coordinates given.
Room A lies between wall faces x 0.1-4.1, y 0.1-3.1 (4 x 3 = 12 m²); its north wall is
0.9 m thick (y 3.1-4.0), the old masonry such reveals are cut in.
"""

from __future__ import annotations

from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read


def _area_at(plan, x: float, y: float) -> float:
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(x, y))]
    return round(room.polygon.area, 4)


def _room_a(s: Sheet) -> None:
    s.lines([(1.0, 3.1), (0.1, 3.1), (0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (2.4, 3.1)])
    s.text("BEDROOM", (2.5, 1.5))


def test_a_doorway_splayed_through_a_thick_wall_to_its_frame_is_wall(tmp_path):
    # the doorway is 1.4 m wide at A's face (x 1.0..2.4) and splayed to 1.1 m at its
    # frame, 0.8 m into the wall (x 1.15..2.25, y 3.9), the door's line across there; the
    # frame's rebate: ticks 0.1 m in from the sides' ends (x 1.25, 2.15) on to the wall's far
    # face (y 4.0), the corridor's face beyond (x 0.1..4.1, y 4.0..6.0, 8 m²). Without the
    # cut A ran into the reveal: 12 + (1.4 + 1.1) / 2 x 0.8 = 13 m²; it ends at its face
    s = Sheet()
    _room_a(s)
    s.lines([(1.0, 3.1), (1.15, 3.9), (2.25, 3.9), (2.4, 3.1)])  # the splayed sides, the door
    s.line((1.25, 3.9), (1.25, 4.0))  # the frame's ticks
    s.line((2.15, 3.9), (2.15, 4.0))
    s.lines([(0.1, 4.0), (1.25, 4.0), (2.15, 4.0), (4.1, 4.0)])  # the far face
    s.lines([(0.1, 4.0), (0.1, 6.0), (4.1, 6.0), (4.1, 4.0)])  # the corridor
    s.lines([(0, 0), (4.2, 0), (4.2, 6.1), (0, 6.1), (0, 0)])  # the outer faces
    s.text("CORRIDOR", (2.5, 5.0))
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 12.0
    assert _area_at(plan, 2.5, 5.0) == 8.0


def test_a_splayed_niche_whose_bottom_is_wall_stays_floor(tmp_path):
    # a niche with splayed sides, 0.5 m deep: from (1.0, 3.1) to (1.15, 3.6) and from
    # (2.4, 3.1) to (2.25, 3.6), its bottom y 3.6; the wall's body behind it to the far
    # face y 4.0, no line through it: floor, 12 + (1.4 + 1.1) / 2 x 0.5 = 12.625 m²
    s = Sheet()
    _room_a(s)
    s.lines([(1.0, 3.1), (1.15, 3.6), (2.25, 3.6), (2.4, 3.1)])
    s.lines([(0, 0), (4.2, 0), (4.2, 4.0), (0, 4.0), (0, 0)])
    plan = read(s, tmp_path)
    assert _area_at(plan, 2.5, 1.5) == 12.625
