"""A partition that lands on a window (issue 10; holdout4 FINDINGS, Scuola-pianta-03: each
west-block office and the inner office behind it read as one 26.78 m² room). The outer wall
stops at two jambs 3.7 m apart, the glazing runs between them, and the partition between
the two offices comes up to the opening and stops, capped, on the line of the outer wall's
inner face (the mullion between the panes is drawn on a layer that is not read as wall).
The partition's faces touching that face's seal once made the pair of jambs "no opening",
so the window was not sealed on the wall faces: on Scuola the offices ran into each other
past the partition's end, along the glass (6 cm off the face); here, where the glass is
drawn as a wall layer's lines too, each room was measured to the glass (13.88 m²).

The drawing, metres, walls on ``A-WALL`` (by hand): the outer box x 0-5.1, y 0-6.1; the
west wall 0.25 thick (x 0-0.25), the others 0.1; the partition x 0.25-5.0, y 3.0-3.1;
room A x 0.25-5.0, y 0.1-3.0 and room B x 0.25-5.0, y 3.1-6.0: 4.75 x 2.9 = 13.775 m²
each, measured to the wall's inner face (the window's reveal is wall). The window
opening y 1.2-4.9 in the west wall; its panes two lines each (x 0.16 and 0.19) on
``A-GLAZ``, y 1.25-3.0 and 3.1-4.85.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from floorplan.errors import PlanReadError
from tests.dxf_patterns import Sheet, read

ROOMS = (box(0.25, 0.1, 5.0, 3.0), box(0.25, 3.1, 5.0, 6.0))


def _walls(s: Sheet) -> None:
    mass = box(0, 0, 5.1, 6.1).difference(unary_union(ROOMS)).difference(box(0, 1.2, 0.25, 4.9))
    s.mass(mass)


def _panes(s: Sheet) -> None:
    for y0, y1 in ((1.25, 3.0), (3.1, 4.85)):
        for x in (0.16, 0.19):
            s.line((x, y0), (x, y1), "A-GLAZ")


def test_a_partition_landing_on_a_window_parts_the_two_rooms(tmp_path):
    s = Sheet()
    _walls(s)
    _panes(s)
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [13.775, 13.775]
    for r in plan.rooms:  # each measured to the wall's inner face, not to the glass
        assert r.polygon.bounds[0] == pytest.approx(0.25, abs=1e-6)


def test_a_partition_landing_on_a_wide_gap_with_no_glazing_is_no_window(tmp_path):
    """The control: the same 3.7 m gap with no panes in it is no window (wider than a
    door, nothing glazes it): the rooms open onto the outside and none is read."""
    s = Sheet()
    _walls(s)
    with pytest.raises(PlanReadError):
        read(s, tmp_path)
