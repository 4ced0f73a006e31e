"""A wall thicker than 0.5 m, its openings between square piers: each opening is sealed on
both faces, and the rooms either side stay two (issue 10: "when walls can split the space,
split it").

A jamb is the short line across a wall at an opening, as long as the wall is thick; the
reader lets a wall up to :data:`~floorplan.io.dxf.views.score.WALL_REACH` (0.6 m) thick
lie between two rooms, and its jambs are that long. (Aalborg University's A1325PE_3 has
such a wall, 0.59 m, between the common room Ophold and the corridor Gang 302: its piers
are drawn as closed squares, the openings between them 1.21 m wide, and with jambs taken
only up to 0.5 m the two rooms were read as one.)

The plan (metres, hand-drawn): outer walls 0.1 thick round x 0..6.28, y 0..6.2. A
lounge x 0.1-4.1 and a corridor x 4.68-6.18, both y 0.1-6.1, either side of a wall
x 4.1-4.68 (0.58 thick): solid from y 0.1 to 1.0 and from 5.91 to 6.1, two piers
0.58 x 0.58 (y 2.25-2.83 and 4.08-4.66) each drawn as a closed polyline, and three bare
openings 1.25 m wide between them (y 1.0-2.25, 2.83-4.08, 4.66-5.91): wider than a
gap the reader closes where nothing seals it (1.2 m), no wider than a door's opening
between jambs (1.3 m). By hand, sealing each opening along both wall faces:

- LOUNGE = 4.0 x 6.0 = 24.0 m², CORRIDOR = 1.5 x 6.0 = 9.0 m²;
- the openings' reveals (3 x 1.25 x 0.58) and the piers are wall, in neither room;
- each bare opening is a way between them: three openings read as doors.

With a wall 0.1 m thick drawn the same way the same two rooms are read; so the thickness,
not the layout, is what the test turns on.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, assert_room, read

OPENINGS = [(1.0, 2.25), (2.83, 4.08), (4.66, 5.91)]
PIERS = [(2.25, 2.83), (4.08, 4.66)]


def piered_wall_plan(s: Sheet, t: float) -> None:
    """The plan of the module's text with the wall ``t`` thick (x 4.1 .. 4.1 + t), the
    corridor shifted east with it (x 4.1 + t .. 5.6 + t)."""
    x0, x1 = 4.1, 4.1 + t
    outer = box(0, 0, x1 + 1.6, 6.2)
    lounge, corridor = box(0.1, 0.1, x0, 6.1), box(x1, 0.1, x1 + 1.5, 6.1)
    wall = box(x0, 0.1, x1, 6.1)
    # the wall mass less the openings and the piers: the piers are drawn apart
    cut = unary_union([box(x0, a, x1, b) for a, b in OPENINGS + PIERS])
    s.mass(outer.difference(unary_union([lounge, corridor, wall])).union(wall.difference(cut)))
    for a, b in PIERS:
        s.poly([(x0, a), (x1, a), (x1, b), (x0, b)], closed=True)
    s.text("LOUNGE", (2.0, 3.0))
    s.text("CORRIDOR", (x1 + 0.2, 3.3))


@pytest.mark.parametrize("t", [0.58, 0.1])
def test_a_thick_walls_openings_between_piers_part_the_rooms(tmp_path, t):
    s = Sheet()
    piered_wall_plan(s, t)
    plan = read(s, tmp_path)
    got = {r.name: r for r in plan.rooms}
    assert sorted(got) == ["CORRIDOR", "LOUNGE"]
    assert_room(got, "LOUNGE", 24.0, (0.1, 0.1, 4.1, 6.1))
    assert_room(got, "CORRIDOR", 9.0, (4.1 + t, 0.1, 5.6 + t, 6.1))
    assert all(r.confidence == "high" for r in plan.rooms)
    # the three bare openings are the ways between them
    assert len(plan.doors) == 3
    assert sorted(round(d.width, 2) for d in plan.doors) == [1.25, 1.25, 1.25]


def test_a_wall_thicker_than_the_thickest_is_no_openings_jambs(tmp_path):
    """At 0.7 m (thicker than WALL_REACH) the piers' sides are no jambs: nothing seals the
    openings, they are wider than a gap the reader closes, and the two labels are read in
    one space, at low confidence, as one room rather than two guessed."""
    s = Sheet()
    piered_wall_plan(s, 0.7)
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 1
    (room,) = plan.rooms
    assert room.confidence == "low"
    # both rooms and the three openings' reveals: 24.0 + 9.0 + 3 x 1.25 x 0.7
    assert room.polygon.area == pytest.approx(24.0 + 9.0 + 3 * 1.25 * 0.7, abs=1e-6)
