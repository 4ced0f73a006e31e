"""A face the wall layers' hatch fills is wall, whatever its width
(floorplan/io/dxf/walls/bands.py, filled_pieces): holdout7's stone house, whose 0.65 m
masonry, hatched on its wall layer, was read as four rooms at high confidence.

Built in code, in metres: a 4 x 3 m room (x 0.65..4.65, y 0.65..3.65, 12 m²) in a stone
wall 0.65 m thick drawn as its two faces (outer x 0..5.3, y 0..4.3), two windows, each
two lines across the wall at its jambs: the band is cut into two faces 0.65 m wide, wider
than the widest wall the shape test takes for a wall's body (0.6 m), so only the hatch
can say they are wall.
"""

from __future__ import annotations

from shapely.geometry import box

from floorplan.io.dxf.walls.bands import THICKNESS, filled_pieces
from tests.dxf_patterns import Sheet, read, rooms_of

SOUTH, NORTH = (1.5, 2.7), (2.0, 3.2)


def _stone_room(s: Sheet, hatched: bool, name: str | None = "BEDROOM", layer: str = "A-WALL") -> None:
    s.lines([(0, 0), (5.3, 0), (5.3, 4.3), (0, 4.3), (0, 0)])
    s.lines([(0.65, 0.65), (4.65, 0.65), (4.65, 3.65), (0.65, 3.65), (0.65, 0.65)])
    for x in SOUTH:
        s.line((x, 0), (x, 0.65))
    for x in NORTH:
        s.line((x, 3.65), (x, 4.3))
    if name:
        s.text(name, (2.0, 2.0))
    if hatched:  # the band: the outer face's ring with the inner face's as a hole
        h = s.msp.add_hatch(dxfattribs={"layer": layer})
        h.set_pattern_fill("AR-CONC", scale=0.01)
        h.paths.add_polyline_path([(0, 0), (5.3, 0), (5.3, 4.3), (0, 4.3)], is_closed=True)
        h.paths.add_polyline_path([(0.65, 0.65), (4.65, 0.65), (4.65, 3.65), (0.65, 3.65)],
                                  is_closed=True)


def test_the_wall_is_wider_than_the_shape_test_reaches():
    assert THICKNESS[1] < 0.65


def test_without_its_hatch_the_stone_walls_pieces_are_read_as_rooms(tmp_path):
    """The control: the same drawing unhatched reads the two band pieces as rooms too, so
    the hatch is what the next test turns on."""
    s = Sheet()
    _stone_room(s, hatched=False, name=None)
    assert len(read(s, tmp_path).rooms) == 3


def test_the_faces_its_wall_hatch_fills_are_not_rooms(tmp_path):
    s = Sheet()
    _stone_room(s, hatched=True, name=None)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("", "walls", 12.0)]
    assert any("filled by the hatch of a wall layer" in n and n.startswith("2 face(s)")
               for n in plan.notes)


def test_a_hatch_on_a_layer_that_says_nothing_of_walls_decides_nothing(tmp_path):
    """A hatch on a floor-finish layer over the same band is no evidence of wall."""
    s = Sheet()
    _stone_room(s, hatched=True, name=None, layer="A-FLOR-PATT")
    assert len(read(s, tmp_path).rooms) == 3


class _Face:
    def __init__(self, polygon, labels=()):
        self.polygon, self.labels = polygon, list(labels)


def test_a_label_in_a_hatched_face_keeps_it():
    """A face 80 % or more hatched is wall unless a label or written area stands in it:
    band (fully hatched), half (half hatched), named (hatched, with a label in it)."""
    band, half, named = box(0, 0, 3, 0.65), box(0, 1, 2, 2), box(5, 0, 8, 0.65)
    hatch = [box(0, 0, 3, 0.65), box(0, 1, 1, 2), box(5, 0, 8, 0.65)]
    found = [_Face(band), _Face(half), _Face(named)]
    assert filled_pieces(found, [(6.5, 0.3, "STORE")], hatch) == [0]
    assert filled_pieces(found, [], hatch) == [0, 2]
    assert filled_pieces(found, [], []) == []


def test_a_view_titled_as_a_floor_is_no_site_plan():
    """Two outlines 0.65 m apart (a stone wall between a floor's two rooms), no label or
    door in the view: a site plan's buildings, unless the view's title names a floor."""
    from floorplan.io.dxf.views.score import evidence_against
    from floorplan.io.dxf.views.sheet import View

    rooms = [box(0, 0, 4, 3), box(4.65, 0, 7, 3)]
    bare = View(1, (0, 0, 7, 3))
    floor = View(2, (0, 0, 7, 3), titles=["FIRST FLOOR"], level=1.0)
    assert [k for k, _ in evidence_against(bare, rooms, ["outline"] * 2, lambda: [])] == ["site"]
    assert evidence_against(floor, rooms, ["outline"] * 2, lambda: []) == []
