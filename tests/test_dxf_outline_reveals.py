"""An author's room outline that runs into its openings' reveals is cut back to the walls'
inner face (floorplan.io.dxf.rooms.outlinereveals).

Each plan is drawn in metres: room A's wall faces x 0.1-4.1, y 0.1-3.1 (4 x 3 = 12 m²) in
a 0.6 m wall (outer faces x -0.5 / 4.7, y -0.5 / 3.7), LINEs on A-WALL; in its south wall
a 0.5 m window (x 1.0..1.5, jambs square through the wall, its glass at y -0.2) and a
doorway 1.5 m wide at the room (x 2.0..3.5) whose jambs step 0.2 m into it 0.2 m down (a
rebate), its door line at y -0.4; the opening lines on APERTURE, a layer that says
nothing. Room A's outline is a closed polyline on ROOM; areas by hand from the
coordinates given.
"""

from __future__ import annotations

from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read


def _walls(s: Sheet, north: list[tuple[float, float]] | None = None) -> None:
    """Room A's walls with the south wall's window and rebated doorway; ``north``, when
    given, the room's north face (the corners from (4.1, 3.1) to (0.1, 3.1))."""
    s.lines([(1.0, 0.1), (0.1, 0.1), (0.1, 3.1)] + (north or []) + [(4.1, 3.1), (4.1, 0.1),
                                                                     (3.5, 0.1)])
    s.line((1.5, 0.1), (2.0, 0.1))
    s.line((1.0, 0.1), (1.0, -0.5))  # the window's jambs
    s.line((1.5, 0.1), (1.5, -0.5))
    s.lines([(2.0, 0.1), (2.0, -0.1), (2.2, -0.1), (2.2, -0.5)])  # the rebated jambs
    s.lines([(3.5, 0.1), (3.5, -0.1), (3.3, -0.1), (3.3, -0.5)])
    s.lines([(1.0, -0.5), (-0.5, -0.5), (-0.5, 3.7), (4.7, 3.7), (4.7, -0.5), (3.3, -0.5)])
    s.line((1.5, -0.5), (2.2, -0.5))
    s.line((1.0, -0.2), (1.5, -0.2), layer="APERTURE")  # the glass
    s.line((2.2, -0.4), (3.3, -0.4), layer="APERTURE")  # the door line


SOUTH = [(0.1, 0.1), (1.0, 0.1), (1.0, -0.2), (1.5, -0.2), (1.5, 0.1), (2.0, 0.1),
         (2.0, -0.1), (2.2, -0.1), (2.2, -0.4), (3.3, -0.4), (3.3, -0.1), (3.5, -0.1),
         (3.5, 0.1), (4.1, 0.1)]  # the outline's south side, run into both reveals


def _room(plan):
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(2.0, 2.0))]
    return room


def test_an_outline_run_into_a_window_and_a_rebated_doorway_ends_at_the_walls_face(tmp_path):
    # the outline runs to the glass (0.5 x 0.3 = 0.15 m²) and through the rebate to the
    # door line (1.5 x 0.2 + 1.1 x 0.3 = 0.63 m²): 12.78 m² as outlined; the floor inside
    # the walls' faces is 12 m², and the reason says the outline was cut
    s = Sheet()
    _walls(s)
    s.poly(SOUTH + [(4.1, 3.1), (0.1, 3.1)], layer="ROOM", closed=True)
    s.text("BEDROOM", (2.0, 2.0))
    room = _room(read(s, tmp_path))
    assert round(room.polygon.area, 4) == 12.0
    assert "reveal" in room.confidence_reason and "12.78" in room.confidence_reason


def test_an_outlined_alcove_backed_by_its_wall_stays_floor(tmp_path):
    # the same room, its north face stepping back into a 1.0 x 0.4 m alcove (x 1.5..2.5,
    # y 3.1..3.5) whose back is a wall face with the wall's far face 0.2 m behind it
    # (y 3.7): floor, outlined with it. The outline also runs to its reveals in the south
    # wall as before: 12 + 0.4 = 12.4 m² once they are cut
    s = Sheet()
    _walls(s, north=[(0.1, 3.1), (1.5, 3.1), (1.5, 3.5), (2.5, 3.5), (2.5, 3.1)])
    s.poly(SOUTH + [(4.1, 3.1), (2.5, 3.1), (2.5, 3.5), (1.5, 3.5), (1.5, 3.1), (0.1, 3.1)],
           layer="ROOM", closed=True)
    s.text("BEDROOM", (2.0, 2.0))
    assert round(_room(read(s, tmp_path)).polygon.area, 4) == 12.4


def test_an_outline_whose_notch_has_no_wall_drawn_at_it_is_kept_as_drawn(tmp_path):
    # the outline alone, no wall linework: nothing says its notches are reveals (12.78 m²)
    s = Sheet()
    s.poly(SOUTH + [(4.1, 3.1), (0.1, 3.1)], layer="ROOM", closed=True)
    s.text("BEDROOM", (2.0, 2.0))
    room = _room(read(s, tmp_path))
    assert round(room.polygon.area, 4) == 12.78
    assert "reveal" not in room.confidence_reason
