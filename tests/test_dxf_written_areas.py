"""Two rooms' labels in one space, each writing its area: the figures say how it divides.

A workshop open to its stair (Kent Estates First Floor: the wall between them stops short
of the stair's top, leaving a doorway beside it and the stair's top end open): no one
bridge parts the two labels as the drawing divides them, two do, and the areas written
in the labels' blocks say which. The workshop's name is of no use classify knows; it is a
room label by its kind (the layer and height of the labels that name rooms) and the area
written under it.

Every drawing is in metres, single-line walls on A-WALL; the areas are worked by hand
from the coordinates (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, rooms_of


def _workshop(s: Sheet, stair: str, shop: str) -> None:
    """A space x 0-10, y 0-6 (60 m²); a wall 0.1 thick from the south wall at x 1.1-1.2 up
    to y 3.5 (0.35 m²) and a post x 1.1-1.2, y 4.5-4.6 (0.01 m²): a stair x 0-1.1 opens
    to the workshop by a 1 m doorway (y 3.5-4.5) and by its 1.1 m top end; the walls
    leave 60 - 0.35 - 0.01 = 59.64 m² of floor. An office beside it, x 10-14 (24 m²).
    Each label's block writes its area under its name."""
    s.poly([(0, 0), (10, 0), (10, 6), (0, 6)], closed=True)
    s.poly([(10, 0), (14, 0), (14, 6), (10, 6)], closed=True)
    s.lines([(1.1, 0), (1.1, 3.5), (1.2, 3.5), (1.2, 0)])
    s.poly([(1.1, 4.5), (1.2, 4.5), (1.2, 4.6), (1.1, 4.6)], closed=True)
    for name, area, at in (("Stairwell", stair, (0.2, 1.5)), ("Workshop", shop, (5.0, 3.0)),
                           ("OFFICE", "24 sqm", (11.5, 3.0))):
        s.text(name, at)
        s.text(area, (at[0], at[1] - 0.4))


def test_a_tags_written_area_makes_an_unclassified_name_in_a_room_a_label(tmp_path):
    s = Sheet()
    # the doorway between the wall's end and the post is sealed on its jambs (x 1.1 and
    # 1.2), taking the 0.1 x 1 m between them out of the floor: 59.54 m²; the stair is
    # parted at the post's top (y 4.6): 1.1 x 4.6 = 5.06 m², the workshop 54.48 m². On
    # a reading that took only names of known use as labels, one 59.54 m² "Stairwell"
    _workshop(s, "5.06 sqm", "54.48 sqm")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("OFFICE", "walls", 24.0), ("Stairwell", "label_seeded", 5.06),
                              ("Workshop", "label_seeded", 54.48)]
    (shop,) = [r for r in plan.rooms if r.name == "Workshop"]
    assert "as the areas written in them say" in shop.confidence_reason


def _parts(areas):
    from shapely.geometry import LineString, box

    from floorplan.io.dxf.rooms.parting import split

    # a 10 x 6 m space, a wall from its south side at x 1.1 up to y 3.5 and a post at
    # x 1.1 from y 4.5 to 4.6, single lines: the stair x 0-1.1 parted from the rest by one
    # bridge (y 3.5: 1.1 x 3.5 = 3.85 m²) or by two (the doorway x 1.1, y 3.5-4.5, and
    # the top at y 4.5: 4.95 m², or at y 4.6: 5.06 m²)
    lines = [LineString([(1.1, 0), (1.1, 3.5)]), LineString([(1.1, 4.5), (1.1, 4.6)])]
    out = split(box(0, 0, 10, 6), lines, [(0.5, 1.5), (5, 3)], ["Stairwell", "Workshop"], areas)
    return sorted(round(f.area, 4) for f, _ in out)


def test_the_written_areas_choose_how_the_space_divides():
    assert _parts(None) == [3.85, 56.15]  # the shortest bridge that parts them
    assert _parts([4.95, 55.05]) == [4.95, 55.05]
    assert _parts([5.06, 54.94]) == [5.06, 54.94]
    # figures that no division agrees with leave it to the shortest bridge
    assert _parts([30.0, 30.0]) == [3.85, 56.15]


def _joined_apart(figure: str, how: str = "nearest") -> set[int]:
    from types import SimpleNamespace as T

    from shapely.geometry import box

    from floorplan.io.dxf.names.written import not_its_size

    # a WC cubicle of 0.8 x 1.8 = 1.44 m²; a riser's label written 0.3 m below it, the
    # riser's figure 0.22 m under the name, inside the corridor (room 1)
    cubicle, corridor = box(0, 0, 0.8, 1.8), box(-2, -2, 3, 0)
    name = T(uid=1, text="Mech Riser", x=0.4, y=-0.3, height=0.125, layer="ROOM NAME", tag=None)
    fig = T(uid=2, text=figure, x=0.4, y=-0.52, height=0.125, layer="TEXT AREA", tag=None)
    return not_its_size({1: (0, how)}, [name], [cubicle, corridor], {1: [fig]})


def test_a_label_joined_by_nearness_whose_figure_is_another_size_is_left_out():
    assert _joined_apart("0.2 sqm") == {1}     # 0.2 m² written, 1.44 m² measured
    assert _joined_apart("1.4 sqm") == set()   # agrees (within 25 %): the cubicle's own
    assert _joined_apart("0.2 sqm", "leader") == set()  # drawn to it: the drawing says so
