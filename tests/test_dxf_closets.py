"""Closets and cupboards in wall linework (issue 10, holdout7's floorplan.dxf).

A bedroom of 4 x 3 m between wall faces (x 0.1..4.1, y 0.8..3.8) with a space south of it
behind a 0.1 m partition (its face at y 0.7), entered through an opening of 1.5 m between
two jambs on the partition's line (x 0.35..1.85), nothing drawn in it, as a reach-in
closet's bi-fold doors are often left out. The bedroom is entered from outside through a
0.9 m doorway in its north wall. No text: the drawing names nothing, as holdout7's does not.

The space is as wide as the bedroom (x 0.1..4.1):

- 0.6 m deep (a closet): parted from the bedroom at the opening, 4.0 x 0.6 = 2.4 m², the
  bedroom 12.0 m² (not 12.0 + 2.4 + the 0.15 m² of the opening's band).
- 1.2 m deep (deeper than a closet, shallower than its 1.5 m opening is wide): an alcove or
  a store, which the reader cannot tell; one room of 12.0 + 4.0 x 1.2 + 0.15 = 16.95 m², low.
- 2.0 m deep (deeper than its opening is wide): a room beyond a wide opening, one open
  space of 12.0 + 8.0 + 0.15 = 20.15 m², not doubted for it.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from floorplan.doorlinks import door_links
from tests.dxf_patterns import Sheet, read


def _bedroom_and(depth: float, opening=(0.35, 1.85), window: bool = False,
                 below: bool = False) -> Sheet:
    """The bedroom above, and south of it a space 4.0 m x ``depth`` (x 0.1..4.1, y 0.7 -
    ``depth``..0.7) through an opening at x ``opening``; the walls 0.1 thick round both,
    drawn as double lines with jambs (the wall mass's outline)."""
    y0 = 0.7 - depth
    bed, space = box(0.1, 0.8, 4.1, 3.8), box(0.1, y0, 4.1, 0.7)
    rooms = [bed, space]
    if below:  # a room of 4.0 x 2.0 m south of the space, behind its 0.1 m back wall
        rooms.append(box(0.1, y0 - 2.1, 4.1, y0 - 0.1))
    mass = box(0, y0 - (2.2 if below else 0.1), 4.2, 3.9).difference(unary_union(rooms))
    mass = mass.difference(box(opening[0], 0.7, opening[1], 0.8))  # the wide opening
    mass = mass.difference(box(1.0, 3.8, 1.9, 3.9))  # the way in, 0.9 m
    if window:  # a 2.0 m window in the space's back wall, two panes' lines in it
        mass = mass.difference(box(1.0, y0 - 0.1, 3.0, y0))
    s = Sheet()
    s.mass(mass, layer="0")
    if window:
        for y in (y0 - 0.066, y0 - 0.033):
            s.line((1.0, y), (3.0, y), layer="0")
    return s


def _rooms(plan) -> list[tuple[float, str]]:
    return sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms)


def test_a_closet_behind_a_wide_opening_is_parted(tmp_path):
    plan = read(_bedroom_and(0.6), tmp_path)
    assert [a for a, _ in _rooms(plan)] == [2.4, 12.0]
    bed = next(r for r in plan.rooms if r.polygon.area > 10)
    closet = next(r for r in plan.rooms if r.polygon.area < 3)
    assert bed.polygon.bounds == pytest.approx((0.1, 0.8, 4.1, 3.8), abs=1e-6)
    assert closet.polygon.bounds == pytest.approx((0.1, 0.1, 4.1, 0.7), abs=1e-6)
    assert "closet" in closet.confidence_reason
    # the opening is a doorway between the two, 1.5 m wide
    door = next(d for d in plan.doors if abs(d.width - 1.5) < 1e-6)
    assert set(door_links(plan)[door.id]) == {bed.id, closet.id}


def test_a_space_deeper_than_a_closet_behind_it_is_doubted(tmp_path):
    # inside the building (a room south of it, behind its back wall): a store or an alcove
    plan = read(_bedroom_and(1.2, below=True), tmp_path)
    merged = next(r for r in plan.rooms if r.polygon.area > 10)
    assert merged.polygon.area == pytest.approx(16.95)
    assert merged.confidence == "low" and "1.50 m opening" in merged.confidence_reason


@pytest.mark.parametrize("depth, window, area", [
    # the same 1.2 m deep space with nothing beyond its walls: a bay of the room, as drawn
    (1.2, False, 16.95),
    # the 1.2 m deep space glazed at its back (a bay window): the room's, as drawn, not
    # doubted: 12.0 + 4.0 x 1.2 + 0.15 = 16.95 m²
    (1.2, True, 16.95),
    # a room beyond a wide opening: one open space
    (2.0, False, 20.15),
], ids=["bay projecting out", "glazed bay", "open space"])
def test_a_space_behind_a_wide_opening_read_as_drawn_is_not_doubted(tmp_path, depth, window,
                                                                    area):
    plan = read(_bedroom_and(depth, **({"window": True} if window else {})), tmp_path)
    [(got, confidence)] = _rooms(plan)
    assert got == pytest.approx(area)
    assert confidence != "low"


def test_a_niche_thinner_than_a_room_is_neither_parted_nor_doubted(tmp_path):
    # 0.3 m deep behind the 1.5 m opening: thinner than a room (0.45 m), a niche, as drawn:
    # one space of 12.0 + 4.0 x 0.3 + 0.15 = 13.35 m²
    plan = read(_bedroom_and(0.3), tmp_path)
    [(area, confidence)] = _rooms(plan)
    assert area == pytest.approx(13.35)
    assert confidence != "low"


def test_an_opening_wider_than_any_closet_door_parts_nothing(tmp_path):
    # a 3.0 m opening (x 0.35..3.35) onto the 4.0 x 0.6 m space: wider than closet doors
    # (2.5 m), so it is left as drawn: one space of 12.0 + 2.4 + 0.3 = 14.7 m²
    plan = read(_bedroom_and(0.6, opening=(0.35, 3.35)), tmp_path)
    assert [a for a, _ in _rooms(plan)] == [14.7]


def _with_cupboard(doorway: bool) -> Sheet:
    """A 4 x 3 m room (x 0.1..4.1, y 0.1..3.1) with a way in on its west wall, and north
    of it, behind a 0.1 m wall, a cupboard of 1.0 x 0.6 m (x 0.1..1.1, y 3.2..3.8: 0.6 m²)
    entered from it through a 0.7 m doorway at x 0.3..1.0 (or, with no ``doorway``, not
    entered); and a column casing of 0.7 x 0.7 m standing in the room (x 2.5..3.2,
    y 1.0..1.7: 0.49 m²)."""
    room, cup = box(0.1, 0.1, 4.1, 3.1), box(0.1, 3.2, 1.1, 3.8)
    mass = box(0, 0, 4.2, 3.2).union(box(0, 3.2, 1.2, 3.9)).difference(unary_union([room, cup]))
    if doorway:
        mass = mass.difference(box(0.3, 3.1, 1.0, 3.2))
    mass = mass.difference(box(0, 1.0, 0.1, 1.9))  # the way in
    s = Sheet()
    s.mass(mass, layer="0")
    s.poly([(2.5, 1.0), (3.2, 1.0), (3.2, 1.7), (2.5, 1.7)], layer="0", closed=True)
    return s


def test_a_small_space_with_a_doorway_is_a_cupboard(tmp_path):
    plan = read(_with_cupboard(doorway=True), tmp_path)
    # the room less the column: 12.0 - 0.49 = 11.51 m²; the cupboard 0.6 m², kept
    assert [a for a, _ in _rooms(plan)] == [0.6, 11.51]
    cup = next(r for r in plan.rooms if r.polygon.area < 1)
    room = next(r for r in plan.rooms if r.polygon.area > 1)
    assert cup.polygon.bounds == pytest.approx((0.1, 3.2, 1.1, 3.8), abs=1e-6)
    door = next(d for d in plan.doors if abs(d.width - 0.7) < 1e-6)
    assert set(door_links(plan)[door.id]) == {cup.id, room.id}


def test_a_small_space_with_no_doorway_is_not_kept(tmp_path):
    plan = read(_with_cupboard(doorway=False), tmp_path)
    # no way into the 0.6 m² space, and none into the column's 0.49 m²: neither is a room
    assert [a for a, _ in _rooms(plan)] == [11.51]


def test_the_reveal_of_a_thick_wall_is_no_cupboard(tmp_path):
    # two rooms of 3 x 3 m (x 0.1..3.1 and 3.6..6.6, y 0.1..3.1) either side of a 0.5 m
    # wall with a 1.0 m opening (y 1.0..2.0): its band, 0.5 x 1.0 = 0.5 m², is wall
    a, b = box(0.1, 0.1, 3.1, 3.1), box(3.6, 0.1, 6.6, 3.1)
    mass = box(0, 0, 6.7, 3.2).difference(unary_union([a, b])).difference(box(3.1, 1.0, 3.6, 2.0))
    mass = mass.difference(box(0, 1.0, 0.1, 1.9))  # a way in from outside
    s = Sheet()
    s.mass(mass, layer="0")
    plan = read(s, tmp_path)
    assert [a for a, _ in _rooms(plan)] == [9.0, 9.0]


def _behind_a_continuous_wall(width: float, diagonal: bool, door: bool = True,
                              cross: bool = False, depth: float = 0.8) -> Sheet:
    """A room of 3 x 2 m (x 0.1..3.1, y 0.1..2.1) with a way in on its west wall, and north
    of it, behind a 0.1 m wall drawn on unbroken across the doorway (as JW-CAD draws one),
    a cupboard ``width`` x ``depth`` (x 0.1..0.1 + ``width``, y 2.2..2.2 + ``depth``); with ``door``, a 0.7 m
    door swing hung on the room's face of that wall (hinge (0.2, 2.1), shut to (0.9, 2.1),
    open into the room); with ``diagonal``, a line across the cupboard corner to corner
    (the Japanese sign for a store), with ``cross`` two (an X)."""
    top = 2.2 + depth
    room, cup = box(0.1, 0.1, 3.1, 2.1), box(0.1, 2.2, 0.1 + width, top)
    mass = box(0, 0, 3.2, 2.2).union(box(0, 2.2, 0.2 + width, top + 0.1)).difference(
        unary_union([room, cup])).difference(box(0, 0.6, 0.1, 1.5))
    s = Sheet()
    s.mass(mass)
    if door:
        s.swing((0.2, 2.1), (0.9, 2.1), (0.2, 1.4))
    if diagonal or cross:
        s.line((0.1, 2.2), (0.1 + width, top))
    if cross:  # an X: the sign of a void or a shaft
        s.line((0.1, top), (0.1 + width, 2.2))
    return s


def test_a_cupboard_behind_a_wall_drawn_across_its_door_is_kept(tmp_path):
    plan = read(_behind_a_continuous_wall(1.0, diagonal=False), tmp_path)
    # the room 3 x 2 = 6.0 m²; the cupboard 1.0 x 0.8 = 0.8 m², its door across the wall
    assert [a for a, _ in _rooms(plan)] == [0.8, 6.0]


def test_a_closet_crossed_by_the_sign_for_a_store_is_one_cupboard(tmp_path):
    plan = read(_behind_a_continuous_wall(1.7, diagonal=True), tmp_path)
    # 1.7 x 0.8 = 1.36 m², not two triangles of 0.68 m² left out as too small
    assert [a for a, _ in _rooms(plan)] == [1.36, 6.0]
    cup = next(r for r in plan.rooms if r.polygon.area < 2)
    assert cup.polygon.bounds == pytest.approx((0.1, 2.2, 1.8, 3.0), abs=1e-6)


def test_a_crossed_box_nobody_opens_is_no_cupboard(tmp_path):
    plan = read(_behind_a_continuous_wall(1.7, diagonal=True, door=False), tmp_path)
    assert [a for a, _ in _rooms(plan)] == [6.0]


def test_a_box_crossed_by_an_x_is_no_cupboard_though_a_door_opens_on_it(tmp_path):
    # holdout6's building.dxf: a shaft drawn as a box with an X, a door swing beside it. The
    # X cuts the 2.0 x 1.15 m box into four triangles of 0.575 m² (2.0 x 0.575 / 2 and
    # 1.15 x 1.0 / 2); none is a cupboard, the one the door's seal lies along included
    plan = read(_behind_a_continuous_wall(2.0, diagonal=False, cross=True, depth=1.15), tmp_path)
    assert [a for a, _ in _rooms(plan)] == [6.0]
