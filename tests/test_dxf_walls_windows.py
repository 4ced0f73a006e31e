"""A window opening in a double-line wall is measured to the wall's inner face.

A room's area is the floor inside its wall faces (NDSS and the RICS practice measure to the
internal face of the walls): a window's reveal, the depth of wall between the inner face
and the frame or glass, is wall, as a door's reveal is. So an opening between two jambs is
sealed along both wall faces whatever is set in it: a window block whose frame lies along
one face, its sides ending on that face (as the Aalborg A314 window blocks draw it), or
glazing lines standing free between the jambs.

Every sheet: a kitchen between wall faces x 0.35-4.35, y 0.35-3.35 (4.0 x 3.0 = 12.0 m²)
in a 0.35 m wall (outer faces x 0-4.7, y 0-3.7), a 1.7 m window opening in the south wall
between jambs at x 1.5 and 3.2 (y 0-0.35). Bridged at the frame's inner side instead of the
inner face, the kitchen would take in a reveal of 1.7 x (0.35 - 0.23) = 0.204 m² or more.
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from floorplan.errors import PlanReadError
from tests.dxf_patterns import Sheet, read

ROOM = box(0.35, 0.35, 4.35, 3.35)
OPENING = box(1.5, 0.0, 3.2, 0.35)


def walls(s: Sheet) -> None:
    """The wall mass with the opening cut out: each edge a LINE, the jambs among them."""
    s.mass(box(0, 0, 4.7, 3.7).difference(ROOM.union(OPENING)))
    s.text("KITCHEN", (2.3, 1.8))


def window_block(s: Sheet, layer: str, face: str) -> None:
    """A window block set in the opening: its frame a closed rectangle 10 mm in from each
    jamb, 0.23 m deep, lying along the ``face`` (``outer`` or ``inner``) with its sides
    ending on it; two glass lines and two sill lines (jamb to jamb) inside the frame."""
    b = s.doc.blocks.new("V170")
    b.add_lwpolyline([(0.01, 0), (1.69, 0), (1.69, 0.23), (0.01, 0.23)], close=True)
    b.add_line((0.01, 0.05), (1.69, 0.05))
    b.add_line((0.01, 0.11), (1.69, 0.11))
    b.add_line((0.0, 0.055), (1.7, 0.055))
    b.add_line((0.0, 0.205), (1.7, 0.205))
    if face == "outer":
        at, rotation = (1.5, 0.0), 0.0
    else:  # turned half round, so the frame lies along the inner face (y = 0.35)
        at, rotation = (3.2, 0.35), 180.0
    s.msp.add_blockref("V170", at, dxfattribs={"layer": layer, "rotation": rotation})


def kitchen(plan):
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(2.3, 1.8))]
    return room


@pytest.mark.parametrize("layer", ["A-WALL", "A314---"])
@pytest.mark.parametrize("face", ["outer", "inner"])
def test_a_window_block_set_in_its_opening_is_sealed_on_the_inner_face(tmp_path, layer, face):
    s = Sheet()
    walls(s)
    window_block(s, layer, face)
    plan = read(s, tmp_path)
    room = kitchen(plan)
    assert room.name == "KITCHEN"
    assert room.polygon.area == pytest.approx(12.0, abs=1e-6)
    assert room.polygon.bounds == pytest.approx((0.35, 0.35, 4.35, 3.35), abs=1e-6)
    assert room.confidence == "high"


def test_glazing_standing_free_in_the_opening_is_sealed_on_the_inner_face(tmp_path):
    """No window symbol: two glass lines from jamb to jamb in the middle of the wall."""
    s = Sheet()
    walls(s)
    s.line((1.5, 0.15), (3.2, 0.15))
    s.line((1.5, 0.2), (3.2, 0.2))
    room = kitchen(read(s, tmp_path))
    assert room.polygon.area == pytest.approx(12.0, abs=1e-6)
    assert room.polygon.bounds == pytest.approx((0.35, 0.35, 4.35, 3.35), abs=1e-6)


def test_a_short_wall_drawn_as_a_rectangle_is_no_opening(tmp_path):
    """A 1.0 x 0.35 m piece of wall standing free in a room (its two ends look like facing
    jambs, its faces lie along the seals): no faces run on out of its ends, so its faces
    are no opening's infill, and no opening (which, with nothing in it, would be reported
    as a bare doorway) is found. The room keeps its floor less the piece:
    12.0 - 1.0 x 0.35 = 11.65 m²."""
    s = Sheet()
    s.mass(box(0, 0, 4.7, 3.7).difference(ROOM))
    s.poly([(1.5, 1.5), (2.5, 1.5), (2.5, 1.85), (1.5, 1.85)], closed=True)
    s.text("KITCHEN", (2.3, 2.8))
    plan = read(s, tmp_path)
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(2.3, 2.8))]
    assert room.polygon.area == pytest.approx(11.65, abs=1e-6)
    assert len(plan.doors) == 0


def test_columns_proud_of_a_glazed_wall_are_no_window_opening(tmp_path):
    """Fisher Fifth Floor's east wall, drawn small: two columns 0.23 m wide (x 1.0-1.23 and
    3.2-3.43) stand 0.13 m proud of the wall's inner face (y 0.35, drawn from column to
    column), their sides one line each across the wall (y 0-0.48); the outer face (y 0)
    runs from column to column too, glass lies in the wall between them. The columns'
    facing sides look like a window's jambs 1.97 m apart, but the wall's own faces run
    along the opening from jamb to jamb: that is no infill, no opening, and the floor runs
    to the inner face: 12.0 - 2 x 0.23 x 0.13 = 11.9402 m² (sealed at the columns' faces,
    y 0.48, it would lose 1.97 x 0.13 = 0.2561 m²)."""
    s = Sheet()
    for a, b in [((0, 0), (1.0, 0)), ((1.0, 0), (1.23, 0)), ((1.23, 0), (3.2, 0)),
                 ((3.2, 0), (3.43, 0)), ((3.43, 0), (4.7, 0))]:
        s.line(a, b)
    s.lines([(4.7, 0), (4.7, 3.7), (0, 3.7), (0, 0)])
    for x0, x1 in [(1.0, 1.23), (3.2, 3.43)]:
        s.line((x0, 0), (x0, 0.48))
        s.line((x1, 0), (x1, 0.48))
        s.line((x0, 0.48), (x1, 0.48))
    for a, b in [((0.35, 0.35), (1.0, 0.35)), ((1.23, 0.35), (3.2, 0.35))]:
        s.line(a, b)
    s.lines([(3.43, 0.35), (4.35, 0.35), (4.35, 3.35), (0.35, 3.35), (0.35, 0.35)])
    s.line((1.33, 0.12), (3.1, 0.12))
    s.line((1.33, 0.14), (3.1, 0.14))
    s.text("OFFICE", (2.3, 1.8))
    plan = read(s, tmp_path)
    (room,) = [r for r in plan.rooms if r.polygon.contains(Point(2.3, 1.8))]
    assert room.polygon.area == pytest.approx(12.0 - 2 * 0.23 * 0.13, abs=1e-6)
    assert room.polygon.bounds[1] == pytest.approx(0.35, abs=1e-6)


@pytest.mark.parametrize("layer", ["winows", "L-12", "0"])
@pytest.mark.parametrize("how", ["lines", "outline"])
def test_glazing_on_a_layer_that_says_nothing_glazes_the_opening(tmp_path, layer, how):
    """The 1.7 m window's two glass lines on a layer of their own whose name says nothing
    (``winows``, misspelt, as in a real apartment-building plan; a bare code; layer 0), the
    walls on A-WALL drawn as lines or as closed outlines of each piece. What lies along the
    opening from jamb to jamb glazes it whatever its layer is called: the opening is a
    window, sealed on the inner face, and the kitchen is 4.0 x 3.0 = 12.0 m². (Wider than a
    door, with nothing taken as glazing in it, the opening would be left open and the
    kitchen would run out through it.)"""
    s = Sheet()
    s.mass(box(0, 0, 4.7, 3.7).difference(ROOM.union(OPENING)), how=how)
    s.text("KITCHEN", (2.3, 1.8))
    s.line((1.5, 0.16), (3.2, 0.16), layer)
    s.line((1.5, 0.19), (3.2, 0.19), layer)
    plan = read(s, tmp_path)
    room = kitchen(plan)
    assert room.polygon.area == pytest.approx(12.0, abs=1e-6)
    assert room.polygon.bounds == pytest.approx((0.35, 0.35, 4.35, 3.35), abs=1e-6)


def test_lines_on_a_furniture_layer_do_not_glaze_an_opening(tmp_path):
    """The same two lines on A-FURN (a layer that says furniture) are no glazing: the 1.7 m
    opening, wider than any door, is left open, no kitchen closes behind it, and the
    reader says it found no room rather than read one."""
    s = Sheet()
    walls(s)
    s.line((1.5, 0.16), (3.2, 0.16), "A-FURN")
    s.line((1.5, 0.19), (3.2, 0.19), "A-FURN")
    with pytest.raises(PlanReadError, match="no rooms found"):
        read(s, tmp_path)


@pytest.mark.parametrize("layer", ["0", "S-AXES"])
def test_a_grid_axis_along_the_wall_glazes_no_opening(tmp_path, layer):
    """A structural grid's axis drawn along the wall's centre line (y 0.175), from 2 m west
    of the building to 2 m east of it, on a layer that says nothing: it crosses the 1.7 m
    opening from jamb to jamb, as glass would, but runs on far past both jambs, where a
    pane ends at them (or within the wall beyond). It glazes nothing: the opening, wider
    than a door, stays open and the reader finds no room (the apartment-building plan's
    axis lines sealed the 1.8 m openings from its lobby into two flats' passages)."""
    s = Sheet()
    walls(s)
    s.line((-2.0, 0.175), (6.7, 0.175), layer)
    with pytest.raises(PlanReadError, match="no rooms found"):
        read(s, tmp_path)


def test_panes_running_into_the_wall_past_the_jambs_still_glaze(tmp_path):
    """Panes drawn 0.1 m into the wall past each jamb (the frame built in), on layer 0:
    within a wall's depth of the jambs they are still the window's glass, and the kitchen
    is 12.0 m²."""
    s = Sheet()
    walls(s)
    s.line((1.4, 0.16), (3.3, 0.16), "0")
    s.line((1.4, 0.19), (3.3, 0.19), "0")
    room = kitchen(read(s, tmp_path))
    assert room.polygon.area == pytest.approx(12.0, abs=1e-6)


def door_beside_window(s: Sheet, panes: list[float]) -> None:
    """The 1.7 m opening holds a balcony door and a fixed pane side by side: a door block
    0.85 m wide hinged at (2.35, 0.35) on the inner face, its opening along +x to the east
    jamb (x 3.2), its leaf swinging into the room; glass lines at the offsets ``panes``
    (y) from the west jamb (x 1.5) to the door (x 2.35), on layer 0. No label (as on the
    unlabelled apartment-building plan): nothing seeds a closing of what is left open."""
    s.mass(box(0, 0, 4.7, 3.7).difference(ROOM.union(OPENING)))
    s.door((2.35, 0.35), width=0.85, layer="A-DOOR")
    for y in panes:
        s.line((1.5, y), (2.35, y), "0")


def test_a_door_beside_a_fixed_pane_fills_its_opening(tmp_path):
    """The pane's two glass lines (y 0.16 and 0.19) cover half the opening and the door's
    leaf the other half: one opening, sealed on the inner face, the room 12.0 m² read from
    the walls at high confidence. (The glass alone covers 0.85 / 1.7 = 50 %, under the
    80 % that makes a window, and a door symbol alone does not make a door of an opening
    wider than one: without the two together the opening is left open.)"""
    s = Sheet()
    door_beside_window(s, [0.16, 0.19])
    (room,) = read(s, tmp_path).rooms
    assert room.polygon.area == pytest.approx(12.0, abs=1e-6)
    assert room.polygon.bounds == pytest.approx((0.35, 0.35, 4.35, 3.35), abs=1e-6)
    assert room.confidence == "high"


@pytest.mark.parametrize("panes", [[0.175], []])
def test_a_door_beside_one_line_is_no_door_and_window(tmp_path, panes):
    """One line beside the door is not a pane's frame (it may be a thinner wall's face: a
    stretch of corridor wall between two partitions' ends, with its door in it), nor is
    nothing: the opening is left open, and the reader says it found no room."""
    s = Sheet()
    door_beside_window(s, panes)
    with pytest.raises(PlanReadError, match="no rooms found"):
        read(s, tmp_path)
